"""Stream a visit file as batches of :class:`Visit`, with progress, Cancel and a report.

Memory stays flat whatever the file size: rows are parsed one at a time and handed out in batches
of ``options.batch_size`` (10,000 by default) for the storage layer to insert. Cancel is checked
between batches and raises :class:`~app.core.errors.Cancelled`; the caller rolls back its
transaction, so an import is one unit. A file that turns out unreadable midway raises
:class:`~app.core.visits.errors.ImportFileError` naming the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, TextIO, TypeVar

from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.visits.detect import Detection, detect
from app.core.visits.encoding import open_text
from app.core.visits.errors import ImportFileError
from app.core.visits.formats import ga4, ga4_ui, mapped_csv, matomo, metrica
from app.core.visits.formats.common import FileFormatError, ParsedRows
from app.core.visits.mapping import ColumnMapping
from app.core.visits.model import STORED_FIELDS, ImportReport, Visit, VisitFormat
from app.core.visits.options import ImportOptions
from app.core.visits.rows import convert_rows

_T = TypeVar("_T")


class VisitReader:
    """Reads one visit file; iterate :meth:`batches`, then look at :attr:`report`."""

    def __init__(
        self,
        path: Path,
        options: ImportOptions | None = None,
        *,
        detection: Detection | None = None,
        mapping: ColumnMapping | None = None,
        report: ImportReport | None = None,
    ) -> None:
        self.path = Path(path)
        self.options = options or ImportOptions()
        self.detection = detection or detect(self.path)
        self.mapping = mapping
        self.report = report or ImportReport()
        self._check()

    def _check(self) -> None:
        det = self.detection
        if det.format is VisitFormat.CSV:
            if self.mapping is None:
                raise ImportFileError(
                    self.path, translate("visits", "map the file's columns before importing")
                )
            self.mapping.check_header(list(det.header))
        elif det.needs_timezone and self.options.zone() is None:
            raise ImportFileError(
                self.path,
                translate(
                    "visits",
                    "this export writes local times: set the site's time zone in the client's "
                    "settings first",
                ),
            )

    def batches(
        self, progress: ProgressFn = no_progress, cancel: CancelToken | None = None
    ) -> Iterator[list[Visit]]:
        """Yield lists of visits; progress is ``(bytes read, file size, message)``."""
        report = self.report

        def items(text: TextIO) -> Iterator[Visit | None]:
            for item in self._parser(text):
                if item is not None:
                    report.count(item)
                yield item

        return self._stream(items, progress, cancel)

    def rows(
        self, progress: ProgressFn = no_progress, cancel: CancelToken | None = None
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Like :meth:`batches`, as tuples of :data:`~app.core.visits.model.STORED_FIELDS`.

        The import's path: Metrica files (the big ones) are parsed straight into tuples.
        """
        report = self.report
        fields = attrgetter(*STORED_FIELDS)
        zone = self.options.zone()

        def items(text: TextIO) -> Iterator[tuple[Any, ...] | None]:
            if self.detection.format is VisitFormat.METRICA:
                assert zone is not None  # checked in _check
                yield from metrica.parse_rows(text, zone, report, keep_params=False)
                return
            for visit in self._parser(text):
                if visit is None:
                    yield None
                else:
                    report.count(visit)
                    yield fields(visit)

        return self._stream(items, progress, cancel)

    def storage_rows(
        self,
        pool: tuple[str, ...],
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Batches of rows as the importer writes them (:data:`~app.core.visits.rows.ROW_COLUMNS`).

        ``pool`` is the client's fixed pool in index order (a pool index becomes the shown
        address). Metrica files (the big ones) are parsed straight into such rows, through a row
        function compiled for the file's header; other formats go through :meth:`rows`.
        """
        if self.detection.format is not VisitFormat.METRICA:
            return convert_rows(self.rows(progress, cancel), pool)
        zone = self.options.zone()
        assert zone is not None  # checked in _check
        batch_size = max(1, self.options.batch_size)

        def batches(text: TextIO) -> Iterator[list[tuple[Any, ...]]]:
            return metrica.storage_batches(text, zone, self.report, pool, batch_size)

        return self._stream_batches(batches, progress, cancel)

    def _stream_batches(
        self,
        batches: Callable[[TextIO], Iterator[list[_T]]],
        progress: ProgressFn,
        cancel: CancelToken | None,
    ) -> Iterator[list[_T]]:
        size = self.detection.size
        report = self.report
        try:
            with self.path.open("rb") as binary:
                text = open_text(binary, self.detection.encoding.encoding, newline="\n")
                progress(0, size, "")
                for batch in batches(text):
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    if batch:
                        yield batch
                    progress(_position(binary, size), size, self._message())
                if cancel is not None:
                    cancel.raise_if_cancelled()
                progress(size, size, self._message())
        except FileFormatError as exc:
            raise ImportFileError(self.path, exc.reason, line=exc.line) from exc
        except OSError as exc:
            raise ImportFileError(self.path, exc.strerror or str(exc)) from exc
        if report.rows_read == 0:
            report.warn(translate("visits", "the file holds no visits"))

    def _stream(
        self,
        items: Callable[[TextIO], Iterator[_T | None]],
        progress: ProgressFn,
        cancel: CancelToken | None,
    ) -> Iterator[list[_T]]:
        size = self.detection.size
        batch_size = max(1, self.options.batch_size)
        report = self.report
        try:
            with self.path.open("rb") as binary:
                text = open_text(
                    binary,
                    self.detection.encoding.encoding,
                    newline="\n" if self.detection.format is VisitFormat.METRICA else "",
                )
                batch: list[_T] = []
                consumed = 0
                progress(0, size, "")
                for item in items(text):
                    consumed += 1
                    if item is not None:
                        batch.append(item)
                    if len(batch) >= batch_size or consumed >= batch_size:
                        if cancel is not None:
                            cancel.raise_if_cancelled()
                        if batch:
                            yield batch
                            batch = []
                        consumed = 0
                        progress(_position(binary, size), size, self._message())
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if batch:
                    yield batch
                progress(size, size, self._message())
        except FileFormatError as exc:
            raise ImportFileError(self.path, exc.reason, line=exc.line) from exc
        except OSError as exc:
            raise ImportFileError(self.path, exc.strerror or str(exc)) from exc
        if report.rows_read == 0:
            report.warn(translate("visits", "the file holds no visits"))

    def _message(self) -> str:
        return translate("visits", "{count} visits read").format(count=self.report.visits)

    def _parser(self, text: TextIO) -> ParsedRows:
        det, opts, report = self.detection, self.options, self.report
        zone = opts.zone()
        delimiter = det.delimiter or ","
        if det.format is VisitFormat.METRICA:
            assert zone is not None  # checked in _check
            return metrica.parse(text, zone, report)
        if det.format is VisitFormat.GA4_NDJSON:
            return ga4.parse_ndjson(text, report)
        if det.format is VisitFormat.GA4_CSV:
            return ga4.parse_flat_csv(text, report, delimiter)
        if det.format is VisitFormat.GA4_UI:
            return ga4_ui.parse(text, zone, report, delimiter)
        if det.format is VisitFormat.MATOMO:
            if det.is_json:
                return matomo.parse_json(text, report, opts.matomo_token_dimension)
            return matomo.parse_csv(text, report, opts.matomo_token_dimension, delimiter)
        assert self.mapping is not None
        return mapped_csv.parse(text, self.mapping, zone, report, delimiter)


def _position(binary: BinaryIO, size: int) -> int:
    try:
        return min(binary.tell(), size)
    except OSError:
        return 0


def read_visits(
    path: Path,
    options: ImportOptions | None = None,
    *,
    mapping: ColumnMapping | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    report: ImportReport | None = None,
) -> Iterator[list[Visit]]:
    """Detect and stream a file in one call; pass ``report`` to see what was skipped."""
    reader = VisitReader(path, options, mapping=mapping, report=report)
    return reader.batches(progress, cancel)
