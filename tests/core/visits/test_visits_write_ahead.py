"""The import's writer thread: batches written while the next is parsed, and every way it can end.

A failure on either side (the database under the writer's thread, the file or Cancel under the
caller's) stops both, rolls the whole import back and leaves no thread running; the same file
imports cleanly afterwards. On SQLite and PostgreSQL (both writers hand batches to a thread).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import Cancelled, StorageError
from app.core.jobs import CancelToken
from app.core.visits import ImportFileError, ImportOptions, writeahead
from app.core.visits.importer import import_visits
from app.core.visits.writeahead import RowInserts, WriteAhead
from app.core.workspace import Workspace
from tests.core.visits import test_visits_matomo as matomo_samples
from tests.core.visits.test_visits_importer import big_metrica, new_client

ROWS = 3000
BATCH = 500


@pytest.fixture(params=[True, False], ids=["thread", "inline"])
def writer_thread(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, workspace: Workspace
) -> bool:
    """SQLite's writes from the writer's thread, then from the caller's (a busy machine)."""
    from app.core.visits import importer

    if not request.param and not workspace.db.is_sqlite:
        pytest.skip("PostgreSQL's writer always has its thread")
    monkeypatch.setattr(importer, "WRITER_THREAD", request.param)
    return bool(request.param)


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("visits-")]


def run_sql(ws: Workspace, sql: str) -> None:
    with ws.db.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def fail_on_visit(ws: Workspace, visit_id: int) -> None:
    """The database refuses one visit (the writer's thread meets the error)."""
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
        insert = RowInserts.insert

        def slow(self: RowInserts, rows: Any) -> None:
            busy.set()
            time.sleep(0.05)
            insert(self, rows)

        monkeypatch.setattr(RowInserts, "insert", slow)
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


def test_an_error_in_the_writers_thread_rolls_everything_back(
    workspace: Workspace, tmp_path: Path, writer_thread: bool
) -> None:
    client_id = new_client(workspace)
    path = big_metrica(tmp_path / "big.tsv", ROWS)
    fail_on_visit(workspace, ROWS // 2)
    with pytest.raises(Exception, match="refused by a test"):
        import_visits(workspace, client_id, path, ImportOptions(batch_size=BATCH))
    assert workspace.visits.count(client_id) == 0
    assert not writer_threads()
    drop_refusal(workspace)
    assert_reimports(workspace, client_id, path)


@pytest.mark.parametrize("threaded", [True, False], ids=["thread", "inline"])
def test_an_app_error_in_the_writers_thread_is_recorded_as_failed(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threaded: bool
) -> None:
    from app.core.visits import importer

    monkeypatch.setattr(importer, "WRITER_THREAD", threaded)
    ws = sqlite_workspace
    client_id = new_client(ws)
    path = big_metrica(tmp_path / "big.tsv", ROWS)
    insert = RowInserts.insert
    calls: list[int] = []

    def failing(self: RowInserts, rows: Any) -> None:
        calls.append(len(rows))
        if len(calls) == 3:
            raise StorageError("the disk went away")
        insert(self, rows)

    monkeypatch.setattr(RowInserts, "insert", failing)
    seen: list[int] = []
    with pytest.raises(StorageError, match="the disk went away"):
        import_visits(
            ws, client_id, path, ImportOptions(batch_size=BATCH), lambda d, t, m="": seen.append(d)
        )
    assert len(calls) == 3  # the batches after the failed one were never written
    assert seen  # progress was reported from the caller's thread meanwhile
    assert ws.visits.count(client_id) == 0
    history = ws.visits.history(client_id)
    assert [(r.status, r.message) for r in history] == [("failed", "the disk went away")]
    assert not writer_threads()
    monkeypatch.setattr(RowInserts, "insert", insert)
    assert_reimports(ws, client_id, path)


@pytest.mark.parametrize("how", ["cancel", "broken file", "error"])
def test_the_callers_side_stopping_while_the_writer_is_busy(
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    writer_thread: bool,
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
            assert busy.wait(5)
            # The writer is there, with a batch in hand (or it ran in this thread).
            assert bool(writer_threads()) == (writer_thread or not workspace.db.is_sqlite)
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


# --- WriteAhead and RowInserts on their own ----------------------------------------------------


def test_write_ahead_runs_calls_in_order_on_one_thread() -> None:
    ahead = WriteAhead(depth=2, name="visits-test", threaded=True)
    seen: list[tuple[int, str]] = []
    for i in range(50):
        ahead.put(lambda n: seen.append((n, threading.current_thread().name)), i)
    assert ahead.running
    ahead.finish()
    assert [n for n, _ in seen] == list(range(50))
    assert {name for _, name in seen} == {"visits-test"}
    assert not ahead.running
    assert not writer_threads()


def test_write_ahead_keeps_at_most_depth_calls_waiting() -> None:
    ahead = WriteAhead(depth=2, name="visits-test", threaded=True)
    gate = threading.Event()
    put = 0

    def producer() -> None:
        nonlocal put
        for _ in range(10):
            ahead.put(gate.wait)
            put += 1

    thread = threading.Thread(target=producer)
    thread.start()
    time.sleep(0.2)
    assert put == 3  # one call running (blocked), two waiting, the fourth put blocks
    gate.set()
    thread.join(5)
    ahead.finish()
    assert put == 10


def test_a_failed_call_drops_the_rest_and_is_raised_to_the_caller() -> None:
    ahead = WriteAhead(depth=2, name="visits-test", threaded=True)
    ran: list[int] = []
    boom = ValueError("boom")

    def call(n: int) -> None:
        if n == 2:
            raise boom
        ran.append(n)

    with pytest.raises(ValueError, match="boom") as caught:
        for i in range(100):
            ahead.put(call, i)
            time.sleep(0.001)
    assert caught.value is boom
    with pytest.raises(ValueError, match="boom"):
        ahead.finish()
    assert ran == [0, 1]
    assert not writer_threads()


def test_stop_waits_for_the_running_call_and_drops_the_waiting_ones() -> None:
    ahead = WriteAhead(depth=2, name="visits-test", threaded=True)
    started = threading.Event()
    ran: list[str] = []

    def slow() -> None:
        started.set()
        time.sleep(0.2)
        ran.append("slow")

    ahead.put(slow)
    ahead.put(ran.append, "waiting 1")
    ahead.put(ran.append, "waiting 2")
    assert started.wait(5)
    ahead.stop()
    assert ran == ["slow"]  # finished, not cut off; the waiting calls never ran
    assert not writer_threads()
    ahead.stop()  # twice is harmless


def test_ctrl_c_while_stopping_still_waits_for_the_running_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ahead = WriteAhead(depth=2, name="visits-test", threaded=True)
    started = threading.Event()
    ran: list[str] = []

    def slow() -> None:
        started.set()
        time.sleep(0.2)
        ran.append("slow")

    ahead.put(slow)
    assert started.wait(5)
    join = threading.Thread.join
    interrupts = [KeyboardInterrupt()]

    def interrupted_join(self: threading.Thread, timeout: float | None = None) -> None:
        if interrupts:
            raise interrupts.pop()
        join(self, timeout)

    monkeypatch.setattr(threading.Thread, "join", interrupted_join)
    with pytest.raises(KeyboardInterrupt):
        ahead.stop()
    assert ran == ["slow"]  # the interrupt came after the call was done with the connection
    assert not writer_threads()


def test_without_an_idle_core_the_calls_run_in_the_callers_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writeahead, "IDLE_CORE", 1e9)  # no machine has that many idle cores
    assert not writeahead.idle_core()
    ahead = WriteAhead(depth=2, name="visits-test")
    assert not ahead.threaded
    seen: list[str] = []
    ahead.put(lambda: seen.append(threading.current_thread().name))
    assert seen == [threading.current_thread().name]
    assert not ahead.running
    with pytest.raises(ValueError, match="boom"):
        ahead.put(int, "boom")
    ahead.finish()
    ahead.stop()
    monkeypatch.setattr(writeahead, "IDLE_CORE", -1e9)
    assert writeahead.idle_core()
    assert WriteAhead().threaded


@pytest.mark.parametrize("count", [0, 1, 6, 7, 8, 15, 23])
def test_row_inserts_write_every_row_in_order(count: int) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, owner INT, k TEXT NOT NULL UNIQUE, v)")
    inserts = RowInserts(
        conn,
        "INSERT INTO t (owner, k, v)",
        2,
        "ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        leading="7, ",
        rows_per_statement=7,
    )
    # Every fifth row repeats an earlier key: the later copy wins, as with executemany.
    rows = [(f"k{i - 3 if i % 5 == 4 else i}", i) for i in range(count)]
    inserts.insert(rows)
    expected: dict[str, int] = {}
    for key, value in rows:
        expected[key] = value
    stored = conn.execute("SELECT k, v, owner FROM t ORDER BY id").fetchall()
    assert [(k, v) for k, v, _ in stored] == list(expected.items())
    assert {owner for *_, owner in stored} <= {7}


def test_row_inserts_refuse_a_row_of_another_length() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (a NOT NULL, b)")
    inserts = RowInserts(conn, "INSERT INTO t (a, b)", 2, rows_per_statement=2)
    # Three values then one: as a flat list they would fill two rows without a complaint.
    with pytest.raises(ValueError, match="2 values"):
        inserts.insert([(1, 2, 3), (4,)])
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_row_inserts_stay_within_sqlites_limit_of_bound_values() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)  # SQLite before 3.32
    conn.execute("CREATE TABLE t (a NOT NULL, b, c)")
    inserts = RowInserts(conn, "INSERT INTO t (a, b, c)", 3, rows_per_statement=1000)
    assert inserts.rows_per_statement == 333
    inserts.insert([(i, None, "x") for i in range(1000)])
    assert conn.execute("SELECT count(*), sum(a) FROM t").fetchone() == (1000, sum(range(1000)))
