"""Dynamic-tracking attribution: token leads join their visit exactly; pool leads take the latest
visit shown their address before the email within the hold time, with collisions lowering the
confidence; leads whose visit is not imported yet wait and are attributed by the next import."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.attribution.visits import attribute_visits
from app.core.clients.model import ClientFields
from app.core.storage.models import LeadRow
from app.core.visits.importer import import_visits
from app.core.visits.service import VisitSettings, visit_for_lead
from app.core.workspace import Workspace
from tests.core.visits.test_visits_metrica import HEADER, row

POOL = ("site0@client.ru", "site1@client.ru")
MOSCOW = "Europe/Moscow"  # UTC+3: local 13:00 is 10:00 UTC


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def new_client(ws: Workspace, hold_minutes: int = 24 * 60) -> int:
    client = ws.clients.create(ClientFields(name="Окна", main_address="info@client.ru")).value
    ws.visits.save_settings(
        client.id, VisitSettings(site_timezone=MOSCOW, hold_minutes=hold_minutes, pool=POOL)
    )
    return client.id


def add_lead(ws: Workspace, client_id: int, received: str, *, to: str = "", token: str = "") -> int:
    with ws.db.session() as s:
        lead = LeadRow(
            client_id=client_id,
            dedup_key=f"{received}-{to}-{token}",
            received_at=utc(received),
            sender_address="buyer@example.ru",
            subject="Окна на дачу",
            tracking_address=to or (f"info+{token}@client.ru" if token else ""),
            match_kind="token" if token else "tracking",
            token=token,
        )
        s.add(lead)
        s.flush()
        return lead.id


def visits_file(path: Path, visits: list[tuple[str, str, str]]) -> Path:
    """(visit id, local start in Moscow, params) -> a Metrica export."""
    lines = [HEADER]
    for visit_id, local, params in visits:
        keys, values = params.split("=")
        lines.append(
            row(
                visitID=visit_id,
                dateTime=local,
                dateTimeUTC="",
                parsedParamsKey1=f"['{keys}']",
                parsedParamsKey2=f"['{values}']",
                lastsignUTMCampaign=f"campaign-{visit_id}",
            )
        )
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# Pool visits (UTC): site0 shown to V1 at 08:00 and V2 at 10:00 on 1 March, V5 at 10:00 on
# 3 March; site1 shown to V3 at 09:00. Hold 24 h.
POOL_VISITS = [
    ("1", "2024-03-01 11:00:00", "ei=0"),
    ("2", "2024-03-01 13:00:00", "ei=0"),
    ("3", "2024-03-01 12:00:00", "ei=1"),
    ("5", "2024-03-03 13:00:00", "ei=0"),
    ("4", "2024-03-01 12:30:00", "et=k7x2m9ab"),
]


def test_pool_and_token_matches_by_hand(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    # site0 at 10:30: V2 (10:00) is the latest before; V1 (08:00) also in the 24 h -> 2 candidates.
    collided = add_lead(workspace, client_id, "2024-03-01 10:30:00", to=POOL[0])
    # site1 at 12:00: only V3 -> certain.
    certain = add_lead(workspace, client_id, "2024-03-01 12:00:00", to=POOL[1])
    # site0 on 2 March 12:00: V2 is 26 h old, beyond the hold: none (imports reach 3 March).
    too_late = add_lead(workspace, client_id, "2024-03-02 12:00:00", to=POOL[0])
    # site0 at 07:00: before every visit shown site0 -> none.
    too_early = add_lead(workspace, client_id, "2024-03-01 07:00:00", to=POOL[0])
    token = add_lead(workspace, client_id, "2024-03-01 12:00:00", token="k7x2m9ab")
    other = add_lead(workspace, client_id, "2024-03-01 12:00:00", to="info+tv@client.ru")

    result = import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", POOL_VISITS))
    assert result.attributed == 3
    assert result.waiting == 0

    match = visit_for_lead(workspace, collided)
    assert match is not None and match.visit is not None
    assert (match.kind, match.status, match.candidates) == ("pool", "matched", 2)
    assert match.confidence == pytest.approx(0.5)
    assert match.visit.analytics_visit_id == "2"
    assert match.visit.shown_address == POOL[0]

    match = visit_for_lead(workspace, certain)
    assert match is not None and match.visit is not None
    assert (match.visit.analytics_visit_id, match.candidates, match.confidence) == ("3", 1, 1.0)

    for lead in (too_late, too_early):
        match = visit_for_lead(workspace, lead)
        assert match is not None
        assert (match.status, match.visit) == ("none", None)

    match = visit_for_lead(workspace, token)
    assert match is not None and match.visit is not None
    assert (match.kind, match.confidence, match.visit.campaign) == ("token", 1.0, "campaign-4")
    assert visit_for_lead(workspace, other) is None

    health = workspace.visits.pool_health(client_id)
    assert (health.pool_leads, health.collisions) == (4, 1)
    assert health.collision_rate == pytest.approx(0.25)


def test_a_shorter_hold_removes_the_collision(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace, hold_minutes=60)
    lead = add_lead(workspace, client_id, "2024-03-01 10:30:00", to=POOL[0])
    import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", POOL_VISITS))
    match = visit_for_lead(workspace, lead)
    assert match is not None and match.visit is not None
    assert (match.visit.analytics_visit_id, match.candidates, match.confidence) == ("2", 1, 1.0)


def test_visits_starting_together_go_to_the_last_imported(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    # Mail client capitals in the address; two visits shown site1 in the same second.
    lead = add_lead(workspace, client_id, "2024-03-01 10:30:00", to="Site1@Client.RU")
    same_second = [("7", "2024-03-01 13:00:00", "ei=1"), ("8", "2024-03-01 13:00:00", "ei=1")]
    import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", same_second))
    match = visit_for_lead(workspace, lead)
    assert match is not None and match.visit is not None
    assert (match.visit.analytics_visit_id, match.candidates) == ("8", 2)
    assert match.confidence == pytest.approx(0.5)


def test_leads_wait_for_their_visits_and_the_import_attributes_them(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    early = visits_file(tmp_path / "early.tsv", [("10", "2024-03-01 09:00:00", "et=aaaaaaaa")])
    import_visits(workspace, client_id, early)
    lead = add_lead(workspace, client_id, "2024-03-05 12:00:00", token="bbbbbbbb")
    found = attribute_visits(workspace.db, client_id, pool=POOL)
    assert (found.waiting, found.matched) == (1, 0)
    match = visit_for_lead(workspace, lead)
    assert match is not None and (match.status, match.visit) == ("waiting", None)

    later = visits_file(
        tmp_path / "later.tsv",
        [("11", "2024-03-05 14:30:00", "et=bbbbbbbb"), ("12", "2024-03-06 10:00:00", "et=cc")],
    )
    result = import_visits(workspace, client_id, later)
    assert (result.attributed, result.waiting) == (1, 0)
    assert not result.changes.empty and client_id in result.changes.lead_clients
    match = visit_for_lead(workspace, lead)
    assert match is not None and match.visit is not None
    assert (match.status, match.visit.analytics_visit_id) == ("matched", "11")


def test_a_returning_visitor_keeps_the_token_and_the_latest_visit_before_wins(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    lead = add_lead(workspace, client_id, "2024-03-02 10:00:00", token="k7x2m9ab")
    visits = [
        ("21", "2024-03-01 12:00:00", "et=k7x2m9ab"),
        ("22", "2024-03-02 12:00:00", "et=k7x2m9ab"),  # 09:00 UTC: the visit that wrote
        ("23", "2024-03-04 12:00:00", "et=k7x2m9ab"),  # came back after the email
    ]
    import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", visits))
    match = visit_for_lead(workspace, lead)
    assert match is not None and match.visit is not None
    assert match.visit.analytics_visit_id == "22"


def test_token_leads_of_a_client_without_a_pool(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    workspace.visits.save_settings(client_id, VisitSettings(site_timezone=MOSCOW))
    found = add_lead(workspace, client_id, "2024-03-01 12:00:00", token="k7x2m9ab")
    early = add_lead(workspace, client_id, "2024-03-01 07:00:00", token="k7x2m9ab")
    waiting = add_lead(workspace, client_id, "2024-03-09 12:00:00", token="zz99zz99")
    sent_to_pool = add_lead(workspace, client_id, "2024-03-01 12:00:00", to=POOL[0])
    result = import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", POOL_VISITS))
    assert (result.attributed, result.waiting) == (2, 1)
    for lead in (found, early):  # the first visit after the email when none came before
        match = visit_for_lead(workspace, lead)
        assert match is not None and match.visit is not None
        assert (match.kind, match.visit.analytics_visit_id, match.candidates) == ("token", "4", 1)
    match = visit_for_lead(workspace, waiting)
    assert match is not None
    assert (match.status, match.candidates, match.confidence) == ("waiting", 0, 0.0)
    assert visit_for_lead(workspace, sent_to_pool) is None  # no pool any more


def test_pool_health_recommends_a_size_and_warns(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace, hold_minutes=60)
    # 4 visits in one minute, each 125 s: peak 4/min x (2.08 + 60 min) / 0.75 = 331.1 -> 332.
    visits = [(str(i), "2024-03-01 12:00:00", f"ei={i % 2}") for i in range(4)]
    import_visits(workspace, client_id, visits_file(tmp_path / "v.tsv", visits))
    health = workspace.visits.pool_health(client_id)
    assert (health.visits, health.peak_per_minute, health.pool_size) == (4, 4.0, 2)
    assert health.recommended == 332
    assert health.peak_concurrent == 249  # 4 x 62.08 min
    assert health.too_small
    assert "332" in health.warning()


def test_demo_clients_get_visits_and_attributed_dynamic_leads(sqlite_workspace: Workspace) -> None:
    from app.core.demo import generate_demo

    ws = sqlite_workspace
    generate_demo(ws)
    clients = {c.name: c.id for c in ws.clients.list()}
    smile, stroy = clients["Стоматология «Улыбка»"], clients["СтройДом"]
    assert ws.visits.count(smile) == ws.visits.count(stroy) == 1500
    assert ws.visits.pool_health(stroy).too_small
    again = generate_demo(ws)  # idempotent: nothing new, nothing duplicated
    assert ws.visits.count(smile) == 1500
    assert not again.visit_clients
    with ws.db.session() as s:
        from sqlalchemy import func, select

        from app.core.storage.models import LeadVisitRow

        rows = dict(
            s.execute(
                select(LeadVisitRow.status, func.count())
                .where(LeadVisitRow.client_id == smile)
                .group_by(LeadVisitRow.status)
            ).all()
        )
    assert rows == {"matched": 45, "waiting": 3}
