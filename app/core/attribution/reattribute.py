"""Match stored mail again after tracking addresses were added or changed; nothing is fetched.

Every lead keeps the recipients it was matched on (``leads.recipients``), so a new address for
last month's billboard attributes last month's mail too. Runs in pages of ids, one transaction
each; cancelling keeps the pages already done (re-running is harmless).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from app.core.attribution.rules import attribute, clean, recipients_of
from app.core.attribution.store import Sql
from app.core.changes import Changes
from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.workspace import Workspace

log = logging.getLogger(__name__)

PAGE = 2000


def reattribute(
    ws: Workspace,
    client_id: int,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Changes:
    """Re-match every stored email of ``client_id``; returns the client in ``lead_clients``
    when any lead's channel, address, kind or token changed."""
    token = token or CancelToken()
    ws.clients.get(client_id)  # NotFoundError for a wrong id
    book = ws.addresses.address_book(client_id)
    with ws.db.translate_errors(), ws.db.engine.connect() as conn:
        sql = Sql(conn)
        total = int(
            conn.exec_driver_sql(
                f"SELECT count(*) FROM leads WHERE client_id = {sql.p}", (client_id,)
            ).scalar_one()
        )
    changed = 0
    done = 0
    last_id = 0
    message = translate("mail", "Matching stored mail: {done} of {total}")
    progress(0, total, message.format(done=0, total=total))
    while True:
        token.raise_if_cancelled()
        with ws.db.translate_errors(), ws.db.engine.begin() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, recipients, match_kind, tracking_address, address_id, channel_id, "
                f"token FROM leads WHERE client_id = {sql.p} AND id > {sql.p} "
                f"ORDER BY id LIMIT {PAGE}",
                (client_id, last_id),
            ).all()
            if not rows:
                break
            updates: list[tuple[Any, ...]] = []
            for lead_id, recipients, kind, address, address_id, channel_id, tok in rows:
                stored = json.loads(recipients) if isinstance(recipients, str) else recipients
                found = attribute(recipients_of(stored or []), book)
                new = (
                    found.match_kind.value,
                    clean(found.tracking_address, 254),
                    found.address_id,
                    found.channel_id,
                    clean(found.token, 64),
                )
                if new != (kind, address, address_id, channel_id, tok):
                    updates.append((*new, lead_id))
            if updates:
                conn.exec_driver_sql(
                    f"UPDATE leads SET match_kind = {sql.p}, tracking_address = {sql.p}, "
                    f"address_id = {sql.p}, channel_id = {sql.p}, token = {sql.p} "
                    f"WHERE id = {sql.p}",
                    updates,
                )
            changed += len(updates)
            last_id = int(rows[-1][0])
            done += len(rows)
        progress(done, total, message.format(done=done, total=total))
    log.info("Re-attributed client %s: %d of %d emails changed", client_id, changed, total)
    return Changes(lead_clients=frozenset({client_id})) if changed else Changes()
