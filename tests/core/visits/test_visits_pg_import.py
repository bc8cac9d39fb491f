"""The PostgreSQL import's own paths: COPY text written by hand, rows straight into ``visits`` or
through the merge, a first big load that rebuilds the natural key, and its thread.

Every test runs on the session's throwaway server (``pg_url``); the writer is driven with rows
as the readers make them (:data:`~app.core.visits.rows.ROW_COLUMNS`), so the values and the
batches are exactly the ones a test needs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.core.clients.model import ClientFields
from app.core.errors import Cancelled
from app.core.jobs import CancelToken
from app.core.storage.models import VisitImportRow, VisitRow
from app.core.visits import ImportOptions, VisitFormat, importer
from app.core.visits.importer import NATURAL_KEY, copy_text_lines, import_visits
from app.core.visits.rows import COLUMNS, ROW_COLUMNS
from app.core.visits.service import VisitSettings
from app.core.workspace import Workspace
from tests.core.visits.test_visits_importer import big_metrica, metrica_file
from tests.core.visits.test_visits_metrica import row as metrica_row

pytestmark = pytest.mark.postgres

ODD_TEXTS = (
    "tab\there",
    "back\\slash",
    "new\nline",
    "carriage\rreturn",
    "\\N",
    "\\.",
    "ends with a backslash\\",
    "Окна в Москве: «пластиковые» — 10%",
    "",
    "  spaces  ",
    "emoji 🪟 and \x1f unit separator",
)


@pytest.fixture
def ws(location: Any, pg_url: str) -> Iterator[Workspace]:
    workspace = Workspace.open(location, database_url=pg_url)
    try:
        yield workspace
    finally:
        workspace.close()


def new_client(ws: Workspace, name: str = "Окна") -> int:
    client = ws.clients.create(ClientFields(name=name, main_address="info@client.ru")).value
    ws.visits.save_settings(client.id, VisitSettings(site_timezone="UTC"))
    return client.id


def visit(number: int, campaign: str | None = "c", **values: Any) -> tuple[Any, ...]:
    """One import row; ``number`` makes the key (and the time)."""
    fields: dict[str, Any] = {
        "visit_key": f"metrica:2024-03-01:1:{number}",
        "source_format": VisitFormat.METRICA,
        "counter_id": "1",
        "analytics_visit_id": str(number),
        "started_at": f"2024-03-01 09:{number // 60 % 60:02d}:{number % 60:02d}.000000",
        "token": None,
        "pool_index": None,
        "shown_address": None,
        "source": "yandex",
        "medium": None,
        "campaign": campaign,
        "keyword": None,
        "city": None,
        "device": "mobile",
        "duration_s": 30,
        "metrica_client_id": None,
        "gclid": None,
        "details": None,
    }
    fields.update(values)
    return tuple(fields[name] for name in ROW_COLUMNS)


def write(
    ws: Workspace,
    client_id: int,
    batches: list[list[tuple[Any, ...]]],
    estimated_rows: int = 0,
    *,
    thread: bool = False,
) -> tuple[int, int, int]:
    """Drive the writer as ``load_visits`` does; (import id, imported, updated)."""
    history = VisitImportRow(
        client_id=client_id,
        file_name="visits.tsv",
        format="metrica",
        started_at=datetime.now(UTC),
        warnings=[],
    )
    writer = importer._PostgresWriter(ws.db)
    try:
        import_id = writer.begin(history, estimated_rows)
        if thread:  # the calls come from another thread than the one that made the writer
            failures: list[BaseException] = []

            def send() -> None:
                try:
                    for batch in batches:
                        writer.write(batch)
                except BaseException as exc:
                    failures.append(exc)

            sender = threading.Thread(target=send)
            sender.start()
            sender.join()
            if failures:
                raise failures[0]
        else:
            for batch in batches:
                writer.write(batch)
        imported, updated = writer.finish()
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.close()
    return import_id, imported, updated


def stored_rows(ws: Workspace, client_id: int) -> dict[str, dict[str, Any]]:
    with ws.db.engine.connect() as conn:
        result = conn.execute(
            text(f"SELECT {', '.join(COLUMNS)} FROM visits WHERE client_id = :c"),
            {"c": client_id},
        )
        return {r.visit_key: dict(r._mapping) for r in result}


def natural_key_exists(ws: Workspace) -> bool:
    with ws.db.engine.connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM pg_constraint WHERE conname = :n"), {"n": NATURAL_KEY}
        ).scalar_one()
    return bool(found)


def test_the_natural_key_is_the_models_constraint() -> None:
    names = {c.name for c in VisitRow.__table__.constraints}
    assert NATURAL_KEY in names


def test_copy_text_lines_escape_what_copy_needs() -> None:
    rows = [visit(1, campaign="a\tb\\c\nd\re"), visit(2, campaign=None, duration_s=None)]
    keys, lines = copy_text_lines(rows, ("7", "42"))
    assert keys == ("metrica:2024-03-01:1:1", "metrica:2024-03-01:1:2")
    lead = 2
    first = lines[0].decode().split("\t")
    assert first[:lead] == ["7", "42"]
    assert first[lead + ROW_COLUMNS.index("campaign")] == "a\\tb\\\\c\\nd\\re"
    assert first[lead + ROW_COLUMNS.index("started_at")] == "2024-03-01 09:00:01.000000+00"
    assert first[lead + ROW_COLUMNS.index("source_format")] == "metrica"
    assert first[lead + ROW_COLUMNS.index("duration_s")] == "30"
    second = lines[1].decode().split("\t")
    assert second[lead + ROW_COLUMNS.index("campaign")] == "\\N"
    assert second[lead + ROW_COLUMNS.index("duration_s")] == "\\N"
    assert all(len(line.split(b"\t")) == lead + len(ROW_COLUMNS) for line in lines)
    cyrillic = [visit(3, city="Москва")]
    assert "Москва".encode("cp1251") in copy_text_lines(cyrillic, (), "windows-1251")[1][0]
    assert "Москва".encode() in copy_text_lines(cyrillic)[1][0]


@pytest.mark.parametrize("estimated_rows", [0, 10**6], ids=["checked", "bulk"])
def test_odd_values_round_trip_exactly(ws: Workspace, estimated_rows: int) -> None:
    client_id = new_client(ws)
    rows = [
        visit(
            i,
            campaign=value,
            keyword=value if i % 2 else None,
            details="\x1f".join([value, "", "x"]),
            token=None if i % 3 else "k7x2m9ab",
            pool_index=i if i % 2 else None,
            counter_id=None if i == 0 else "1",
        )
        for i, value in enumerate(ODD_TEXTS)
    ]
    # Values that are not text or whole numbers take the general path, written as psycopg's
    # write_row would write them.
    rows.append(visit(99, campaign=1.5, keyword=True, city=False))
    _, imported, updated = write(ws, client_id, [rows[:4], rows[4:]], estimated_rows)
    assert (imported, updated) == (len(rows), 0)
    stored = stored_rows(ws, client_id)
    for row in rows[:-1]:
        got = stored[row[0]]
        for name, value in zip(ROW_COLUMNS, row, strict=True):
            if name == "started_at":
                assert got[name] == datetime.fromisoformat(value).replace(tzinfo=UTC)
            else:
                assert got[name] == value, name
    last = stored[rows[-1][0]]
    assert (last["campaign"], last["keyword"], last["city"]) == ("1.5", "t", "f")


@pytest.mark.parametrize("estimated_rows", [0, 10**6], ids=["checked", "bulk"])
def test_a_first_import_keeps_the_last_copy_of_a_repeated_visit(
    ws: Workspace, estimated_rows: int
) -> None:
    client_id = new_client(ws)
    other = new_client(ws, "Другой")
    write(ws, other, [[visit(1, campaign="other client"), visit(2)]])
    batches = [
        [visit(1, campaign="first"), visit(2), visit(1, campaign="second")],  # in one batch
        [visit(3), visit(2, campaign="later")],  # a visit of an earlier batch
        [visit(4), visit(1, campaign="last"), visit(5)],
    ]
    import_id, imported, updated = write(ws, client_id, batches, estimated_rows)
    assert (imported, updated) == (5, 0)
    stored = stored_rows(ws, client_id)
    assert len(stored) == 5
    assert stored[visit(1)[0]]["campaign"] == "last"
    assert stored[visit(2)[0]]["campaign"] == "later"
    assert {r["import_id"] for r in stored.values()} == {import_id}
    assert stored_rows(ws, other)[visit(1)[0]]["campaign"] == "other client"
    assert natural_key_exists(ws)


def test_a_reimport_updates_stored_visits_once_and_inserts_new_ones(ws: Workspace) -> None:
    client_id = new_client(ws)
    write(ws, client_id, [[visit(1, campaign="old"), visit(2, campaign="old")]])
    batches = [
        [visit(2, campaign="new"), visit(3, campaign="a"), visit(3, campaign="b")],
        [visit(4), visit(2, campaign="newer"), visit(3, campaign="c"), visit(5)],
    ]
    import_id, imported, updated = write(ws, client_id, batches, thread=True)
    assert (imported, updated) == (3, 1)  # 3, 4 and 5 are new; 2 was stored
    stored = stored_rows(ws, client_id)
    assert len(stored) == 5
    assert stored[visit(1)[0]]["campaign"] == "old"
    assert stored[visit(2)[0]]["campaign"] == "newer"
    assert stored[visit(3)[0]]["campaign"] == "c"
    assert stored[visit(2)[0]]["import_id"] == import_id
    # The same file again: every visit is stored, so all of them are updates.
    _, imported, updated = write(ws, client_id, batches)
    assert (imported, updated) == (0, 4)


def test_a_bad_value_fails_the_import_and_leaves_nothing(ws: Workspace) -> None:
    client_id = new_client(ws)
    write(ws, client_id, [[visit(1, campaign="kept")]])
    bad = [[visit(2)], [visit(3, duration_s="not a number")], [visit(4)], [visit(5)]]
    with pytest.raises(Exception, match="integer"):
        write(ws, client_id, bad, 10**6)
    assert set(stored_rows(ws, client_id)) == {visit(1)[0]}
    assert natural_key_exists(ws)


@pytest.mark.parametrize("bulk", [False, True], ids=["checked", "bulk"])
def test_a_first_load_repeating_visits_across_batches(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    """End to end through load_visits: a first load (a big one rebuilds the natural key) of a
    file that repeats visits counts each visit once and keeps its last copy; importing it
    again updates them all."""
    if bulk:
        monkeypatch.setattr(importer, "BIG_LOAD_ROWS", 10)
    client_id = new_client(ws)
    lines = [metrica_row(visitID=str(i), parsedParamsKey2=f"['x{i:07d}']") for i in range(300)]
    lines += [
        metrica_row(visitID=str(i), parsedParamsKey2=f"['y{i:07d}']") for i in range(0, 300, 7)
    ]
    path = metrica_file(tmp_path / "repeats.tsv", lines)
    options = ImportOptions(batch_size=50)
    first = import_visits(ws, client_id, path, options)
    assert (first.imported, first.updated) == (300, 0)
    assert ws.visits.count(client_id) == 300
    tokens = {v.token for v in ws.visits.recent(client_id, 1000)}
    assert "y0000007" in tokens
    assert "x0000007" not in tokens
    assert "x0000008" in tokens
    again = import_visits(ws, client_id, path, options)
    assert (again.imported, again.updated) == (0, 300)
    assert natural_key_exists(ws)


def test_cancel_during_a_bulk_load_keeps_the_natural_key(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BIG_LOAD_ROWS", 10)
    client_id = new_client(ws)
    token = CancelToken()

    def progress(done: int, total: int, message: str = "") -> None:
        if done:
            token.cancel()

    big = big_metrica(tmp_path / "big.tsv", 500)
    with pytest.raises(Cancelled):
        import_visits(ws, client_id, big, ImportOptions(batch_size=50), progress, token)
    assert ws.visits.count(client_id) == 0
    assert natural_key_exists(ws)
    assert [r.status for r in ws.visits.history(client_id)] == ["cancelled"]
    result = import_visits(ws, client_id, big, ImportOptions(batch_size=50))
    assert (result.imported, result.updated) == (500, 0)


def test_a_stored_visit_without_an_import_id_is_updated(ws: Workspace) -> None:
    """import_id may be NULL (it has no foreign key): such a visit still counts as stored."""
    client_id = new_client(ws)
    write(ws, client_id, [[visit(1, campaign="old"), visit(2, campaign="old")]])
    with ws.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE visits SET import_id = NULL WHERE client_id = :c"), {"c": client_id}
        )
    _, imported, updated = write(ws, client_id, [[visit(1, campaign="new"), visit(3)]])
    assert (imported, updated) == (1, 1)
    assert stored_rows(ws, client_id)[visit(1)[0]]["campaign"] == "new"


def test_a_reimport_repeating_visits_across_batches(ws: Workspace) -> None:
    """A re-import whose batches repeat visits: visits stored before are updates once however
    often the file repeats them, visits new in one batch and repeated in a later one are new,
    and the last copy of each wins."""
    client_id = new_client(ws)
    write(ws, client_id, [[visit(i, campaign="old") for i in range(0, 40, 2)]])
    batches = [[visit(i, campaign=f"b{n}") for i in range(n, 40, 3)] for n in range(4)]
    _, imported, updated = write(ws, client_id, batches)
    in_file = {i for n in range(4) for i in range(n, 40, 3)}
    assert imported == len({i for i in in_file if i % 2})
    assert updated == len({i for i in in_file if not i % 2})
    stored = stored_rows(ws, client_id)
    last = {i: f"b{n}" for n in range(4) for i in range(n, 40, 3)}
    for i, campaign in last.items():
        assert stored[visit(i)[0]]["campaign"] == campaign


def test_two_imports_of_one_client_take_turns(ws: Workspace) -> None:
    """The second import of a client waits for the first one's commit, then sees its visits:
    the repeated ones are updates, not a duplicate-key error."""
    client_id = new_client(ws)
    first = importer._PostgresWriter(ws.db)
    history = VisitImportRow(
        client_id=client_id, file_name="a.tsv", format="metrica", started_at=datetime.now(UTC)
    )
    first.begin(history, 0)
    first.write([visit(1, campaign="first"), visit(2, campaign="first")])
    outcome: list[tuple[int, int, int]] = []
    second = threading.Thread(
        target=lambda: outcome.append(
            write(ws, client_id, [[visit(2, campaign="second"), visit(3)]])
        )
    )
    second.start()
    second.join(timeout=1)
    assert second.is_alive()  # waiting for the first import's lock
    assert first.finish() == (2, 0)
    first.commit()
    first.close()
    second.join(timeout=30)
    assert [result[1:] for result in outcome] == [(1, 1)]
    stored = stored_rows(ws, client_id)
    assert stored[visit(2)[0]]["campaign"] == "second"
    assert len(stored) == 3


def test_ctrl_c_while_stopping_still_waits_for_the_thread(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection goes back to the caller only once the writer's thread has ended, even
    when Ctrl+C comes while waiting for it; the rollback still happens."""
    client_id = new_client(ws)
    writer = importer._PostgresWriter(ws.db)
    history = VisitImportRow(
        client_id=client_id, file_name="a.tsv", format="metrica", started_at=datetime.now(UTC)
    )
    writer.begin(history, 0)
    release = threading.Event()
    send = writer._send

    def slow_send(batch: Any) -> None:
        release.wait(10)
        send(batch)

    monkeypatch.setattr(writer, "_send", slow_send)
    writer.write([visit(1)])
    writer.write([visit(2)])
    thread = writer._thread
    assert thread is not None
    join = thread.join
    interrupted: list[bool] = []

    def ctrl_c_once(timeout: float | None = None) -> None:
        if not interrupted:
            interrupted.append(True)
            release.set()
            raise KeyboardInterrupt
        join(timeout)

    monkeypatch.setattr(thread, "join", ctrl_c_once)
    with pytest.raises(KeyboardInterrupt):
        writer.rollback()
    assert not thread.is_alive()
    writer.close()
    assert stored_rows(ws, client_id) == {}
    assert ws.visits.history(client_id) == []
