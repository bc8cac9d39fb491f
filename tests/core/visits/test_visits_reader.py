"""Streaming: batches, progress, Cancel, rejected-row bookkeeping and flat memory."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from app.core.errors import Cancelled
from app.core.jobs import CancelToken
from app.core.visits import ImportOptions, ImportReport, RejectedRow, VisitReader, read_visits
from app.core.visits.model import Visit, VisitFormat, new_visit

HEADER = (
    "ym:s:visitID\tym:s:counterID\tym:s:dateTime\tym:s:clientID\tym:s:startURL\tym:s:referer\t"
    "ym:s:lastsignTrafficSource\tym:s:lastsignUTMSource\tym:s:lastsignUTMCampaign\t"
    "ym:s:lastsignUTMTerm\tym:s:regionCity\tym:s:deviceCategory\tym:s:browser\t"
    "ym:s:screenWidth\tym:s:screenHeight\tym:s:parsedParamsKey1\tym:s:parsedParamsKey2\n"
)


def generate(path: Path, rows: int, bad_every: int = 0) -> Path:
    """A Metrica-like TSV with Cyrillic keywords and cities and a token per visit."""
    cities = ("Москва", "Санкт-Петербург", "Казань", "Новосибирск")
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(rows):
            if bad_every and i % bad_every == 0:
                out.write(f"{i}\tbroken row\n")
                continue
            out.write(
                f"{5495667461753405793 + i}\t89986940\t2024-03-{1 + i % 28:02d} "
                f"{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}\t{16636011071037673047 - i}\t"
                f"https://client.ru/?utm_source=yandex&n={i}\thttps://yandex.ru/search/?text=окна\t"
                f"ad\tyandex\tокна_{i % 50}\tпластиковые окна {i % 100}\t{cities[i % 4]}\t"
                f"{1 + i % 3}\tchrome\t1920\t1080\t['et']\t['tok{i:08d}']\n"
            )
    return path


OPTIONS = ImportOptions(site_timezone="Europe/Moscow")


def test_batches_progress_and_counts(tmp_path: Path) -> None:
    path = generate(tmp_path / "v.tsv", 2_500, bad_every=1000)
    seen: list[tuple[int, int, str]] = []
    reader = VisitReader(path, ImportOptions(site_timezone="UTC", batch_size=1000))
    sizes = [len(batch) for batch in reader.batches(lambda d, t, m="": seen.append((d, t, m)))]
    # A batch is handed out every 1,000 rows read, rejected rows included.
    assert sizes == [999, 999, 499]
    report = reader.report
    assert (report.visits, report.rows_read, report.bad_rows) == (2497, 2500, 3)
    assert [r.line for r in report.rejected] == [2, 1002, 2002]
    size = path.stat().st_size
    assert seen[0][:2] == (0, size)
    assert seen[-1] == (size, size, "2497 visits read")
    done = [d for d, _, _ in seen]
    assert done == sorted(done)
    assert report.first_started_at is not None and report.last_started_at is not None
    assert report.first_started_at < report.last_started_at


def test_cancel_stops_between_batches(tmp_path: Path) -> None:
    path = generate(tmp_path / "v.tsv", 5_000)
    token = CancelToken()
    reader = VisitReader(path, ImportOptions(site_timezone="UTC", batch_size=1000))
    got = 0
    with pytest.raises(Cancelled):
        for batch in reader.batches(cancel=token):
            got += len(batch)
            token.cancel()
    assert got == 1000


def test_cancel_works_in_a_file_of_garbage(tmp_path: Path) -> None:
    path = generate(tmp_path / "v.tsv", 3_000, bad_every=1)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        list(read_visits(path, ImportOptions(site_timezone="UTC", batch_size=100), cancel=token))


def test_rejects_beyond_the_cap_are_counted_and_still_sent(tmp_path: Path) -> None:
    path = generate(tmp_path / "v.tsv", 300, bad_every=1)
    sink: list[RejectedRow] = []
    report = ImportReport(on_reject=sink.append, max_kept=50)
    list(read_visits(path, OPTIONS, report=report))
    assert report.bad_rows == 300
    assert len(report.rejected) == 50
    assert len(sink) == 300


def test_new_visit_equals_the_constructor() -> None:
    from datetime import UTC, datetime

    now = datetime(2024, 3, 1, tzinfo=UTC)
    fast = new_visit({"source_format": VisitFormat.METRICA, "visit_id": "1", "started_at": now})
    assert fast == Visit(VisitFormat.METRICA, "1", now)
    assert hash(fast) == hash(Visit(VisitFormat.METRICA, "1", now))
    with pytest.raises(AssertionError):
        new_visit({"source_format": VisitFormat.METRICA, "visit_id": "1", "colour": "red"})


@pytest.mark.slow
def test_memory_stays_flat_whatever_the_size(tmp_path: Path) -> None:
    path = generate(tmp_path / "large.tsv", 200_000)  # about 55 MB of text
    count = 0
    peak_early = 0
    gc.collect()
    tracemalloc.start()
    try:
        for batch in read_visits(path, OPTIONS):
            count += len(batch)  # the batch is dropped, as the importer does after inserting it
            if count == 20_000:
                peak_early = tracemalloc.get_traced_memory()[1]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 200_000
    # Ten times the rows, the same memory: two batches of visits plus read buffers.
    assert peak_early > 0
    assert peak < peak_early * 1.25, (peak_early, peak)
    assert peak < 64 * 1024 * 1024, peak
