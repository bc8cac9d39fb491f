"""Importing visit files into the database: every format, on SQLite and PostgreSQL; re-imports
update, Cancel and bad files leave nothing behind, and the history keeps the rejected rows."""

from __future__ import annotations

import codecs
import csv
import gc
import json
from pathlib import Path

import pytest

from app.core.clients.model import ClientFields
from app.core.errors import Cancelled, ValidationError
from app.core.jobs import CancelToken
from app.core.visits import ImportFileError, ImportOptions, VisitFormat
from app.core.visits.importer import check_free_space, import_visits
from app.core.visits.service import VisitSettings
from app.core.workspace import Workspace
from tests.core.visits import test_visits_ga4 as ga4_samples
from tests.core.visits import test_visits_matomo as matomo_samples
from tests.core.visits.test_visits_mapped_csv import CRM, MAPPING
from tests.core.visits.test_visits_metrica import HEADER as METRICA_HEADER
from tests.core.visits.test_visits_metrica import row as metrica_row

MOSCOW = "Europe/Moscow"


def new_client(ws: Workspace, timezone: str = MOSCOW, pool: tuple[str, ...] = ()) -> int:
    client = ws.clients.create(ClientFields(name="Окна", main_address="info@client.ru")).value
    ws.visits.save_settings(client.id, VisitSettings(site_timezone=timezone, pool=pool))
    return client.id


def metrica_file(path: Path, rows: list[str]) -> Path:
    path.write_text(METRICA_HEADER + "\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


def stored(ws: Workspace, client_id: int) -> dict[str | None, object]:
    return {v.token: v for v in ws.visits.recent(client_id, 1000)}


def sample(fmt: VisitFormat, tmp_path: Path) -> Path:
    """A small real-shaped export of each format, with the token k7x2m9ab in it."""
    path = tmp_path / f"export.{fmt.value}"
    if fmt is VisitFormat.METRICA:
        return metrica_file(path, [metrica_row()])
    if fmt is VisitFormat.GA4_NDJSON:
        events = [
            ga4_samples.event("session_start", ga4_samples.SESSION, entrances=1),
            ga4_samples.event("email_shown", ga4_samples.SESSION + 20, et="k7x2m9ab"),
        ]
        path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    elif fmt is VisitFormat.GA4_CSV:
        path.write_text(
            ga4_samples.flat_csv([ga4_samples.flat_row(tracking_token="k7x2m9ab")]), "utf-8"
        )
    elif fmt is VisitFormat.GA4_UI:
        path.write_text(ga4_samples.EXPLORE_EN, "utf-8")
    elif fmt is VisitFormat.MATOMO:
        data = codecs.BOM_UTF16_LE + matomo_samples.flat_csv("\t").encode("utf-16-le")
        path.write_bytes(data)
    else:
        path.write_text(CRM, "utf-8")
    return path


@pytest.mark.parametrize("fmt", list(VisitFormat))
def test_every_format_imports(workspace: Workspace, tmp_path: Path, fmt: VisitFormat) -> None:
    client_id = new_client(workspace)
    options = ImportOptions(matomo_token_dimension=3)
    mapping = MAPPING if fmt is VisitFormat.CSV else None
    result = import_visits(workspace, client_id, sample(fmt, tmp_path), options, mapping=mapping)
    assert result.detection.format is fmt
    assert result.imported >= 1
    assert result.updated == 0
    visit = stored(workspace, client_id)["k7x2m9ab"]
    assert visit.started_at.tzinfo is not None  # type: ignore[attr-defined]
    [record] = workspace.visits.history(client_id)
    assert (record.status, record.format, record.imported) == ("ok", fmt.value, result.imported)
    assert record.rows_read == result.rows_read
    assert record.rejected == result.rejected


def test_a_metrica_visit_keeps_its_fields_and_64_bit_ids(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    import_visits(workspace, client_id, metrica_file(tmp_path / "m.tsv", [metrica_row()]))
    visit = stored(workspace, client_id)["k7x2m9ab"]
    assert visit.analytics_visit_id == "18446744073709551615"  # type: ignore[attr-defined]
    assert visit.metrica_client_id == "16636011071037673047"  # type: ignore[attr-defined]
    assert visit.started_at.isoformat() == "2024-03-01T09:30:00+00:00"  # type: ignore[attr-defined]
    assert (visit.source, visit.medium, visit.campaign) == (  # type: ignore[attr-defined]
        "yandex",
        "cpc",
        "окна_москва",
    )
    assert (visit.keyword, visit.city, visit.device) == (  # type: ignore[attr-defined]
        "пластиковые окна",
        "Москва",
        "mobile",
    )
    assert visit.screen == "412x915"  # type: ignore[attr-defined]


def test_reimporting_an_overlapping_period_updates(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    first = metrica_file(
        tmp_path / "1.tsv",
        [
            metrica_row(visitID="1", parsedParamsKey2="['aaaaaaaa']"),
            metrica_row(visitID="2", parsedParamsKey2="['bbbbbbbb']", lastsignUTMCampaign="old"),
        ],
    )
    second = metrica_file(
        tmp_path / "2.tsv",
        [
            metrica_row(visitID="2", parsedParamsKey2="['bbbbbbbb']", lastsignUTMCampaign="new"),
            metrica_row(visitID="3", parsedParamsKey2="['cccccccc']"),
        ],
    )
    one = import_visits(workspace, client_id, first)
    two = import_visits(workspace, client_id, second)
    assert (one.imported, one.updated) == (2, 0)
    assert (two.imported, two.updated) == (1, 1)
    assert workspace.visits.count(client_id) == 3
    assert stored(workspace, client_id)["bbbbbbbb"].campaign == "new"  # type: ignore[attr-defined]


def big_metrica(path: Path, rows: int) -> Path:
    lines = [
        metrica_row(visitID=str(i), parsedParamsKey2=f"['t{i:07d}']".replace("t", "x"))
        for i in range(rows)
    ]
    return metrica_file(path, lines)


def test_cancel_mid_import_leaves_nothing(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    import_visits(workspace, client_id, metrica_file(tmp_path / "a.tsv", [metrica_row()]))
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, message: str = "") -> None:
        seen.append(done)
        collecting.append(gc.isenabled())
        if len(seen) == 3:  # after the first batch reached the database
            token.cancel()

    collecting: list[bool] = []

    with pytest.raises(Cancelled):
        import_visits(
            workspace,
            client_id,
            big_metrica(tmp_path / "big.tsv", 5000),
            ImportOptions(batch_size=500),
            progress,
            token,
        )
    assert workspace.visits.count(client_id) == 1
    statuses = [r.status for r in workspace.visits.history(client_id)]
    assert statuses == ["cancelled", "ok"]
    # The cycle collector is off during the load only, and back after a cancelled one.
    assert collecting[:3] == [False, False, False]
    assert gc.isenabled()


def visit_indexes(ws: Workspace) -> set[str]:
    from sqlalchemy import inspect

    return {i["name"] or "" for i in inspect(ws.db.engine).get_indexes("visits")}


@pytest.mark.parametrize("cancel", [False, True], ids=["imported", "cancelled"])
def test_a_big_load_rebuilds_the_secondary_indexes(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cancel: bool
) -> None:
    """A load bigger than what is stored drops the pool and token indexes and builds them at
    the end; they are there afterwards whether it finished or was cancelled (DDL rolls back)."""
    from app.core.visits import importer

    monkeypatch.setattr(importer, "BIG_LOAD_ROWS", 10)
    before = visit_indexes(workspace)
    assert set(importer.SECONDARY_INDEXES) <= before
    client_id = new_client(workspace, pool=("site1@client.ru",))
    token = CancelToken()

    def progress(done: int, total: int, message: str = "") -> None:
        if cancel and done:
            token.cancel()

    big = big_metrica(tmp_path / "big.tsv", 300)
    options = ImportOptions(batch_size=50)
    if cancel:
        with pytest.raises(Cancelled):
            import_visits(workspace, client_id, big, options, progress, token)
        assert workspace.visits.count(client_id) == 0
    else:
        result = import_visits(workspace, client_id, big, options, progress, token)
        assert result.imported == 300
        assert workspace.visits.count(client_id) == 300
        assert len(stored(workspace, client_id)) == 300  # each visit's token, found
    assert visit_indexes(workspace) == before


def test_a_file_broken_midway_keeps_what_was_stored(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    import_visits(workspace, client_id, metrica_file(tmp_path / "a.tsv", [metrica_row()]))
    visits = [matomo_samples.matomo_visit(idVisit=str(i)) for i in range(300)]
    text = json.dumps(visits)
    broken = tmp_path / "matomo.json"
    broken.write_text(text[: len(text) * 2 // 3], "utf-8")  # a download cut short
    with pytest.raises(ImportFileError):
        import_visits(
            workspace,
            client_id,
            broken,
            ImportOptions(batch_size=50, matomo_token_dimension=3),
        )
    assert workspace.visits.count(client_id) == 1
    assert workspace.visits.history(client_id)[0].status == "failed"


def test_rejected_rows_are_kept_viewable_and_exportable(
    workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(workspace)
    good = metrica_row()
    path = metrica_file(
        tmp_path / "m.tsv",
        [good, "12\tonly two", metrica_row(visitID="5", dateTime="yesterday")],
    )
    with path.open("ab") as out:  # a truncated last line: the download stopped mid-row
        out.write(good.encode()[:40])
    result = import_visits(workspace, client_id, path)
    assert result.imported == 1
    assert [r.line for r in result.rejected_rows] == [3, 4, 5]
    rows = workspace.visits.rejects(result.import_id)
    assert [r.line for r in rows] == [3, 4, 5]
    assert "columns" in rows[0].reason
    assert "yesterday" in rows[1].reason
    out = tmp_path / "rejected.csv"
    assert workspace.visits.export_rejects(result.import_id, out) == 3
    with out.open(encoding="utf-8-sig") as f:
        table = list(csv.reader(f))
    assert table[0][0] == "Line"
    assert [r[0] for r in table[1:]] == ["3", "4", "5"]


def test_mixed_encodings_reject_the_bad_lines(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace)
    path = tmp_path / "mixed.tsv"
    # A UTF-8 export with one line re-saved in windows-1251 on the way.
    good = b"".join(
        metrica_row(visitID=str(i), parsedParamsKey2=f"['{i:08d}']").encode() + b"\n"
        for i in range(20)
    )
    cp1251 = metrica_row(visitID="77", regionCity="Казань").encode("cp1251")
    path.write_bytes(METRICA_HEADER.encode() + b"\n" + good + cp1251 + b"\n")
    result = import_visits(workspace, client_id, path)
    assert result.detection.encoding.label == "UTF-8"
    assert result.imported == 20
    assert [r.line for r in result.rejected_rows] == [22]
    assert "encoding" in result.rejected_rows[0].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n\x00\x01\x02" * 50, "not a text file"),
        (b'{"result":"error","message":"You must be logged in"}', "error message"),
        (b"PK\x03\x04rest of a zip", "Excel or ZIP"),
    ],
)
def test_files_that_cannot_be_imported_say_why(
    workspace: Workspace, tmp_path: Path, content: bytes, reason: str
) -> None:
    client_id = new_client(workspace)
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        import_visits(workspace, client_id, path)
    assert reason in caught.value.message
    assert "export.csv" in caught.value.message
    assert workspace.visits.count(client_id) == 0


def test_local_times_need_a_known_time_zone(workspace: Workspace, tmp_path: Path) -> None:
    client_id = new_client(workspace, timezone="")
    path = metrica_file(tmp_path / "m.tsv", [metrica_row()])
    with pytest.raises(ImportFileError, match="time zone"):
        import_visits(workspace, client_id, path)
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        import_visits(workspace, client_id, path, ImportOptions(site_timezone="Mars/Olympus"))
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        workspace.visits.save_settings(client_id, VisitSettings(site_timezone="Mars/Olympus"))
    assert workspace.visits.count(client_id) == 0


def test_a_file_too_big_for_the_disk_is_refused_before_reading(tmp_path: Path) -> None:
    huge = 1 << 60  # more than any disk: the path a 2 GB file takes on a nearly full disk
    with pytest.raises(ImportFileError, match="free") as caught:
        check_free_space(tmp_path, huge, tmp_path / "visits-2GB.tsv")
    assert "visits-2GB.tsv" in caught.value.message
    check_free_space(tmp_path, 1, tmp_path / "small.tsv")


def test_a_sparse_2_gb_file_is_refused_without_reading_it(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    client_id = new_client(sqlite_workspace)
    path = tmp_path / "visits-2GB.tsv"
    with path.open("wb") as out:
        out.write((METRICA_HEADER + "\n" + metrica_row() + "\n").encode())
        out.truncate(2 << 30)  # sparse: costs no disk, reads as zeros after the first row
    with pytest.raises(ImportFileError) as caught:
        import_visits(sqlite_workspace, client_id, path)
    assert "visits-2GB.tsv" in caught.value.message
    assert sqlite_workspace.visits.count(client_id) == 0
