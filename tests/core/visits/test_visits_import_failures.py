"""Every way an import can fail midway, on SQLite and PostgreSQL: nothing of it is kept.

The database refusing a row (on PostgreSQL in the writer's own thread), an error raised by the
writer, Cancel, a file broken midway or any other exception in the caller's thread while the
writer is busy: the whole import rolls back, no writer thread is left running, and the same file
imports cleanly afterwards (no duplicates).
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import Cancelled, StorageError
from app.core.jobs import CancelToken
from app.core.visits import ImportFileError, ImportOptions
from app.core.visits.importer import _SqliteWriter, import_visits
from app.core.workspace import Workspace
from tests.core.visits import test_visits_matomo as matomo_samples
from tests.core.visits.test_visits_importer import big_metrica, new_client

ROWS = 3000
BATCH = 500


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("visits-")]


def run_sql(ws: Workspace, sql: str) -> None:
    with ws.db.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def fail_on_visit(ws: Workspace, visit_id: int) -> None:
    """The database refuses one visit (on PostgreSQL the writer's thread meets the error)."""
    if ws.db.is_sqlite:
        run_sql(
            ws,
            "CREATE TRIGGER refuse BEFORE INSERT ON visits "
            f"WHEN NEW.analytics_visit_id = '{visit_id}' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test'); END",
        )
    else:
        run_sql(
            ws,
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.analytics_visit_id = '{visit_id}' THEN "
            "RAISE EXCEPTION 'refused by a test'; END IF; RETURN NEW; END $$",
        )
        run_sql(
            ws,
            "CREATE TRIGGER refuse BEFORE INSERT ON visits FOR EACH ROW EXECUTE FUNCTION refuse()",
        )


def drop_refusal(ws: Workspace) -> None:
    run_sql(ws, "DROP TRIGGER refuse" if ws.db.is_sqlite else "DROP TRIGGER refuse ON visits")


def slow_writes(ws: Workspace, monkeypatch: pytest.MonkeyPatch, busy: threading.Event) -> None:
    """Each database write of visits takes a while; ``busy`` is set once one is under way."""
    if ws.db.is_sqlite:
        write = _SqliteWriter.write

        def slow(self: _SqliteWriter, rows: Any) -> None:
            busy.set()
            time.sleep(0.05)
            write(self, rows)

        monkeypatch.setattr(_SqliteWriter, "write", slow)
    else:
        run_sql(
            ws,
            "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "PERFORM pg_sleep(0.05); RETURN NULL; END $$",
        )
        run_sql(
            ws,
            "CREATE TRIGGER slow BEFORE INSERT ON visits FOR EACH STATEMENT "
            "EXECUTE FUNCTION slow()",
        )
        busy.set()  # the server sleeps where the test cannot see it


def assert_reimports(ws: Workspace, client_id: int, path: Path) -> None:
    result = import_visits(ws, client_id, path, ImportOptions(batch_size=BATCH))
    assert (result.imported, result.updated) == (ROWS, 0)
    assert ws.visits.count(client_id) == ROWS
    assert not writer_threads()


def test_the_database_refusing_a_row_rolls_everything_back(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    path = big_metrica(tmp_path / "big.tsv", ROWS)
    fail_on_visit(workspace, ROWS // 2)
    with pytest.raises(StorageError) as caught:
        import_visits(workspace, client_id, path, ImportOptions(batch_size=BATCH))
    assert "refused by a test" in str(caught.value.__cause__)  # the driver's own error
    assert workspace.visits.count(client_id) == 0
    assert [r.status for r in workspace.visits.history(client_id)] == ["failed"]
    assert not writer_threads()
    drop_refusal(workspace)
    assert_reimports(workspace, client_id, path)


def test_an_app_error_from_the_writer_is_recorded_as_failed(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_workspace
    client_id = new_client(ws)
    path = big_metrica(tmp_path / "big.tsv", ROWS)
    write = _SqliteWriter.write
    calls: list[int] = []

    def failing(self: _SqliteWriter, rows: Any) -> None:
        calls.append(len(rows))
        if len(calls) == 3:
            raise StorageError("the disk went away")
        write(self, rows)

    monkeypatch.setattr(_SqliteWriter, "write", failing)
    seen: list[int] = []
    with pytest.raises(StorageError, match="the disk went away"):
        import_visits(
            ws, client_id, path, ImportOptions(batch_size=BATCH), lambda d, t, m="": seen.append(d)
        )
    assert len(calls) == 3  # the batches after the failed one were never written
    assert seen
    assert ws.visits.count(client_id) == 0
    history = ws.visits.history(client_id)
    assert [(r.status, r.message) for r in history] == [("failed", "the disk went away")]
    assert not writer_threads()
    monkeypatch.setattr(_SqliteWriter, "write", write)
    assert_reimports(ws, client_id, path)


@pytest.mark.parametrize("how", ["cancel", "broken file", "error"])
def test_the_callers_side_stopping_while_the_writer_is_busy(
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """Cancel, a file that turns out broken midway, any other exception in the caller's thread."""
    client_id = new_client(workspace)
    path = big_metrica(tmp_path / "big.tsv", ROWS)
    busy = threading.Event()
    slow_writes(workspace, monkeypatch, busy)
    token = CancelToken()
    target, options = path, ImportOptions(batch_size=BATCH)
    if how == "broken file":
        visits = [matomo_samples.matomo_visit(idVisit=str(i)) for i in range(2000)]
        text = json.dumps(visits)
        target = tmp_path / "matomo.json"
        target.write_text(text[: len(text) * 2 // 3], "utf-8")  # a download cut short
        options = ImportOptions(batch_size=BATCH, matomo_token_dimension=3)
    calls = 0

    def progress(done: int, total: int, message: str = "") -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            assert busy.wait(5)  # PostgreSQL's writer thread may still hold a batch here
            if how == "cancel":
                token.cancel()
            elif how == "error":
                raise RuntimeError("the progress display broke")

    expected = {"cancel": Cancelled, "broken file": ImportFileError, "error": RuntimeError}[how]
    with pytest.raises(expected):
        import_visits(workspace, client_id, target, options, progress, token)
    assert workspace.visits.count(client_id) == 0
    assert not writer_threads()
    statuses = [r.status for r in workspace.visits.history(client_id)]
    assert statuses == {"cancel": ["cancelled"], "broken file": ["failed"], "error": []}[how]
    assert_reimports(workspace, client_id, path)
