"""Drawing address sheets with QPainter on a paged device: a PDF writer or a printer.

The core decides what is on a sheet (:class:`~app.core.addresses.sheet.AddressSheet`); this module
decides where. Two layouts: one page per address (for whoever places the ad) and a compact list
of every chosen address in one table (for the account manager's file).

Everything is measured in points (1/72 inch) and converted to the device's pixels, so the same
code draws on a 1200 dpi ``QPdfWriter``, a 600 dpi printer and the preview. Pages are drawn full
bleed (no device margins) and keep their own margins, which are wider than any printer's
unprintable border.

The big address is what matters most: black, bold, monospaced (every character distinct, ``l``
and ``1`` and ``0`` and ``O`` included, so it survives being copied by hand and photocopied),
shrunk to fit the width and never wrapped inside a word. An address too long for one line at a
readable size is split at the ``@`` (and, for pathological lengths, before ``.``, ``+``, ``-``).
The QR code is drawn as vector rectangles, so it stays crisp at any zoom.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QDate,
    QIODevice,
    QLineF,
    QLocale,
    QMarginsF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.core.addresses.sheet import AddressSheet, QrMatrix
from app.core.errors import AppError, ValidationError
from app.core.jobs import CancelToken, ProgressFn, no_progress

MARGIN_PT = 51.0
"""18 mm: wider than the unprintable border of office printers."""
ADDRESS_MAX_PT = 44.0
ADDRESS_MIN_PT = 16.0
"""Below this a one-line address is split at the ``@`` instead of shrunk further."""
ADDRESS_SPLIT_MIN_PT = 10.0
"""Below this the parts are split again (only pathological addresses get here)."""
QR_PT = 136.0
"""48 mm including the quiet zone: scans from a metre away, fits beside the instruction."""
INK = QColor(0, 0, 0)
SOFT_INK = QColor(68, 68, 68)
"""For secondary text: dark enough to survive a photocopy."""
RULE = QColor(150, 150, 150)

SANS = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans"]
MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Liberation Mono", "Courier New"]


class SheetLayout(StrEnum):
    """How the chosen addresses are laid out."""

    SHEET = "sheet"
    """One page per address."""
    LIST = "list"
    """Every address in one table."""


class Paper(StrEnum):
    """Supported paper sizes, portrait."""

    A4 = "a4"
    LETTER = "letter"


_PAGE_IDS = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}


def default_paper() -> Paper:
    """Letter where the system measures in inches (US and neighbours), A4 elsewhere.

    The system locale, not the interface language: English menus in Moscow still print on A4.
    """
    if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


def page_layout(paper: Paper) -> QPageLayout:
    """Portrait, no device margins: the pages keep their own."""
    return QPageLayout(
        QPageSize(_PAGE_IDS[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Point,
    )


@dataclass(frozen=True)
class PrintJob:
    """What to print and how."""

    sheets: tuple[AddressSheet, ...]
    layout: SheetLayout = SheetLayout.SHEET
    paper: Paper = Paper.A4
    client: str = ""
    agency: str = ""
    logo: str = ""
    """Path of the agency's logo (PNG, JPEG, SVG is not supported); empty for none."""


@dataclass
class PageGeometry:
    """Where the key parts landed on one page, in points from the page's top-left corner.

    Returned by :func:`render` so tests (and a curious developer) can check the drawing against
    the layout data without guessing coordinates.
    """

    qr: tuple[float, float, float, float] | None = None
    """x, y, width, height of the QR code including its quiet zone."""
    qr_modules: int = 0
    """Modules across, quiet zone included."""
    address_lines: tuple[str, ...] = ()
    address_pt: float = 0.0
    address_box: tuple[float, float, float, float] | None = None
    rows: int = 0
    """List layout: table rows on this page."""


@dataclass
class RenderResult:
    """Pages drawn and their geometry."""

    pages: list[PageGeometry] = field(default_factory=list)


def _font(families: list[str], size_pt: float, *, bold: bool = False) -> QFont:
    """A print font; cached because a page asks for the same few fonts many times."""
    return QFont(_cached_font(tuple(families), round(size_pt * 4) / 4, bold))


@functools.lru_cache(maxsize=256)
def _cached_font(families: tuple[str, ...], size_pt: float, bold: bool) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    # Hinting distorts advances at print resolutions; the PDF has no hinting anyway.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # A ligature would print "ﬀ" for "ff" in an address and break copying it character by
    # character (and pdftotext would extract the ligature).
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _long_date(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def _short_date(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def _pieces(text: str) -> list[str]:
    """``text`` cut before each ``.``, ``+``, ``-`` and ``_``: where a too-long part may break."""
    out: list[str] = []
    current = ""
    for ch in text:
        if ch in ".+-_" and current:
            out.append(current)
            current = ""
        current += ch
    if current:
        out.append(current)
    return out


class _Canvas:
    """A painter on one device with point-based helpers."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.scale = device.logicalDpiX() / 72.0
        size = device.pageLayout().fullRectPoints()
        self.width = float(size.width())
        self.height = float(size.height())

    def px(self, pt: float) -> float:
        return pt * self.scale

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.px(x), self.px(y), self.px(w), self.px(h))

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def advance(self, font: QFont, text: str) -> float:
        """Width of ``text`` in points."""
        return self.metrics(font).horizontalAdvance(text) / self.scale

    def text_height(self, font: QFont, width: float, text: str, flags: int) -> float:
        """Height in points that ``text`` wrapped to ``width`` points needs."""
        if not text:
            return 0.0
        bound = self.metrics(font).boundingRect(
            QRectF(0, 0, self.px(width), 1e9), flags | Qt.TextFlag.TextWordWrap, text
        )
        return bound.height() / self.scale

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        font: QFont,
        *,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        max_h: float | None = None,
    ) -> float:
        """Draw wrapped text in a column; returns the height used in points."""
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        h = self.text_height(font, w, text, flags)
        if max_h is not None:
            h = min(h, max_h)
        if not text:
            return 0.0
        self.painter.setFont(font)
        self.painter.setPen(color)
        box = self.rect(x, y, w, h + 1)
        if max_h is None:
            self.painter.drawText(box, flags | Qt.TextFlag.TextWordWrap, text)
            return h
        self.painter.save()
        self.painter.setClipRect(box)
        self.painter.drawText(box, flags | Qt.TextFlag.TextWordWrap, text)
        self.painter.restore()
        return h

    def rule(self, x: float, y: float, w: float, *, width: float, color: QColor) -> None:
        """A horizontal line ``w`` points long."""
        pen = QPen(color)
        pen.setWidthF(self.px(width))
        self.painter.setPen(pen)
        self.painter.drawLine(QLineF(self.px(x), self.px(y), self.px(x + w), self.px(y)))


def fit_address(
    address: str,
    width: float,
    advance: Callable[[float, str], float],
    *,
    max_pt: float = ADDRESS_MAX_PT,
    min_pt: float = ADDRESS_MIN_PT,
    split_min_pt: float = ADDRESS_SPLIT_MIN_PT,
) -> tuple[tuple[str, ...], float]:
    """Lines and point size for the big address in ``width`` points.

    ``advance(size, text)`` measures text in points. One line as large as fits (at most
    ``max_pt``); below ``min_pt`` it is split at the ``@``; below ``split_min_pt`` each part is
    broken further before ``.``, ``+``, ``-``, ``_``.
    """

    def largest(lines: Sequence[str]) -> float:
        # Monospaced glyphs scale linearly: measure once at 100 pt, then confirm.
        size = min(width / max(advance(100.0, ln) / 100.0, 1e-6) for ln in lines)
        size = min(max_pt, size)
        while size > 1 and any(advance(size, ln) > width for ln in lines):
            size -= 0.25
        return size

    one = largest([address])
    if one >= min_pt or "@" not in address:
        return (address,), one
    local, _, domain = address.rpartition("@")
    two = [local, "@" + domain]
    size = largest(two)
    if size >= split_min_pt:
        return tuple(two), size
    lines: list[str] = []
    for part in two:
        current = ""
        for piece in _pieces(part):
            if current and advance(split_min_pt, current + piece) > width:
                lines.append(current)
                current = piece
            else:
                current += piece
        lines.append(current)
    return tuple(lines), min(split_min_pt, largest(lines))


class _Renderer:
    """Draws one job page by page."""

    def __init__(self, canvas: _Canvas, job: PrintJob) -> None:
        self.c = canvas
        self.job = job
        self.logo = QImage(job.logo) if job.logo else QImage()
        self.left = MARGIN_PT
        self.top = MARGIN_PT
        self.content_w = canvas.width - 2 * MARGIN_PT
        self.bottom = canvas.height - MARGIN_PT

    # -- shared parts ---------------------------------------------------------------------------
    def header(self, client: str) -> float:
        """Logo, agency and client at the top; returns the y below the rule."""
        c = self.c
        x = self.left
        logo_h = 0.0
        if not self.logo.isNull():
            logo_h = 40.0
            logo_w = min(140.0, logo_h * self.logo.width() / max(self.logo.height(), 1))
            logo_h = logo_w * self.logo.height() / max(self.logo.width(), 1)
            c.painter.drawImage(c.rect(x, self.top, logo_w, logo_h), self.logo)
            x += logo_w + 12
        w = self.left + self.content_w - x
        y = self.top
        if self.job.agency:
            y += c.text(x, y, w, self.job.agency, _font(SANS, 13, bold=True))
            y += 2
        y += c.text(x, y, w, client, _font(SANS, 11), color=SOFT_INK)
        y = max(y, self.top + logo_h) + 8
        c.rule(self.left, y, self.content_w, width=0.75, color=INK)
        return y + 18

    def footer(self, left_text: str, page: int, pages: int) -> None:
        font = _font(SANS, 8)
        y = self.bottom + 14
        c = self.c
        number = QCoreApplication.translate("AddressSheets", "Page {n} of {total}").format(
            n=page, total=pages
        )
        num_w = c.advance(font, number) + 2
        c.text(self.left, y, self.content_w - num_w - 12, left_text, font, color=SOFT_INK, max_h=12)
        c.text(
            self.left + self.content_w - num_w,
            y,
            num_w,
            number,
            font,
            color=SOFT_INK,
            align=Qt.AlignmentFlag.AlignRight,
        )

    def caption(self, y: float, text: str) -> float:
        font = _font(SANS, 8.5, bold=True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        return self.c.text(self.left, y, self.content_w, text.upper(), font, color=SOFT_INK) + 4

    def qr(self, x: float, y: float, size: float, matrix: QrMatrix) -> None:
        """The QR code as dark vector rectangles (runs merged), a white quiet zone around."""
        c = self.c
        modules = matrix.size + 2 * matrix.quiet_zone
        module = size / modules
        c.painter.fillRect(c.rect(x, y, size, size), QColor(255, 255, 255))
        origin_x = x + matrix.quiet_zone * module
        origin_y = y + matrix.quiet_zone * module
        rects: list[QRectF] = []
        for r, row in enumerate(matrix.rows):
            col = 0
            while col < len(row):
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < len(row) and row[col]:
                    col += 1
                # Runs overlap the next module by a hair so no seam shows between rows.
                rects.append(
                    c.rect(
                        origin_x + start * module,
                        origin_y + r * module,
                        (col - start) * module,
                        module * 1.02,
                    )
                )
        c.painter.save()
        c.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        c.painter.setPen(Qt.PenStyle.NoPen)
        c.painter.setBrush(INK)
        c.painter.drawRects(rects)
        c.painter.restore()

    # -- one sheet per address ------------------------------------------------------------------
    def sheet_page(self, sheet: AddressSheet, page: int, pages: int) -> PageGeometry:
        c = self.c
        geo = PageGeometry()
        y = self.header(sheet.client)
        y += self.caption(y, QCoreApplication.translate("AddressSheets", "Advertising channel"))
        y += c.text(self.left, y, self.content_w, sheet.channel, _font(SANS, 22, bold=True))
        if sheet.placement_notes:
            y += 4
            y += c.text(
                self.left,
                y,
                self.content_w,
                sheet.placement_notes,
                _font(SANS, 11),
                color=SOFT_INK,
                max_h=80,
            )
        y += 22
        y += self.caption(
            y, QCoreApplication.translate("AddressSheets", "Email address to publish")
        )

        pad = 16.0
        inner_w = self.content_w - 2 * pad
        lines, size = fit_address(
            sheet.address, inner_w, lambda s, t: c.advance(_font(MONO, s, bold=True), t)
        )
        font = _font(MONO, size, bold=True)
        line_h = c.metrics(font).height() / c.scale
        box_h = line_h * len(lines) + 2 * pad
        border = QPen(INK)
        border.setWidthF(c.px(1.5))
        c.painter.setPen(border)
        c.painter.setBrush(Qt.BrushStyle.NoBrush)
        c.painter.drawRect(c.rect(self.left, y, self.content_w, box_h))
        c.painter.setFont(font)
        c.painter.setPen(INK)
        for i, text in enumerate(lines):
            c.painter.drawText(
                c.rect(self.left + pad, y + pad + i * line_h, inner_w, line_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        geo.address_lines = lines
        geo.address_pt = size
        geo.address_box = (self.left, y, self.content_w, box_h)
        y += box_h + 6
        if sheet.address_ascii != sheet.address:
            # For senders whose mail program cannot type the Unicode domain.
            y += c.text(
                self.left,
                y,
                self.content_w,
                QCoreApplication.translate(
                    "AddressSheets", "The same address in Latin letters: {address}"
                ).format(address=sheet.address_ascii),
                _font(SANS, 9),
                color=SOFT_INK,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        y += 22

        qr_x = self.left + self.content_w - QR_PT
        text_w = self.content_w - QR_PT - 24
        top = y
        y += c.text(
            self.left,
            y,
            text_w,
            QCoreApplication.translate("AddressSheets", "Valid from {date}").format(
                date=_long_date(sheet.valid_from)
            ),
            _font(SANS, 12, bold=True),
        )
        y += 8
        y += c.text(self.left, y, text_w, sheet.instruction, _font(SANS, 11), max_h=200)
        if top + QR_PT + 40 <= self.bottom:
            self.qr(qr_x, top, QR_PT, sheet.qr)
            geo.qr = (qr_x, top, QR_PT, QR_PT)
            geo.qr_modules = sheet.qr.size + 2 * sheet.qr.quiet_zone
            c.text(
                qr_x,
                top + QR_PT + 2,
                QR_PT,
                QCoreApplication.translate("AddressSheets", "Scan to write an email"),
                _font(SANS, 8.5),
                color=SOFT_INK,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        self.footer(f"{sheet.client} · {sheet.channel}", page, pages)
        return geo

    # -- compact list ---------------------------------------------------------------------------
    def list_columns(self) -> tuple[float, float, float]:
        """Widths of the channel, address and date columns."""
        date_w = 84.0
        channel_w = self.content_w * 0.36
        return channel_w, self.content_w - channel_w - date_w, date_w

    def list_row(self, sheet: AddressSheet, y: float, *, draw: bool) -> float:
        """Draw (or only measure) one table row; returns its height."""
        c = self.c
        channel_w, address_w, date_w = self.list_columns()
        gap = 8.0
        pad = 6.0
        name_font = _font(SANS, 10, bold=True)
        notes_font = _font(SANS, 8.5)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        h_channel = c.text_height(name_font, channel_w - gap, sheet.channel, flags)
        notes = sheet.placement_notes.replace("\n", " · ")
        if notes:
            h_channel += 2 + min(c.text_height(notes_font, channel_w - gap, notes, flags), 48)
        lines, size = fit_address(
            sheet.address,
            address_w - gap,
            lambda s, t: c.advance(_font(MONO, s, bold=True), t),
            max_pt=12.0,
            min_pt=9.0,
            split_min_pt=7.0,
        )
        addr_font = _font(MONO, size, bold=True)
        line_h = c.metrics(addr_font).height() / c.scale
        h_address = line_h * len(lines)
        if sheet.address_ascii != sheet.address:
            h_address += 2 + c.text_height(
                _font(SANS, 7.5), address_w - gap, sheet.address_ascii, flags
            )
        height = max(h_channel, h_address, 14.0) + 2 * pad
        if not draw:
            return height
        x = self.left
        c.text(x, y + pad, channel_w - gap, sheet.channel, name_font)
        if notes:
            name_h = c.text_height(name_font, channel_w - gap, sheet.channel, flags)
            c.text(
                x,
                y + pad + name_h + 2,
                channel_w - gap,
                notes,
                notes_font,
                color=SOFT_INK,
                max_h=48,
            )
        x += channel_w
        c.painter.setFont(addr_font)
        c.painter.setPen(INK)
        for i, text in enumerate(lines):
            c.painter.drawText(
                c.rect(x, y + pad + i * line_h, address_w - gap, line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        if sheet.address_ascii != sheet.address:
            c.text(
                x,
                y + pad + line_h * len(lines) + 2,
                address_w - gap,
                sheet.address_ascii,
                _font(SANS, 7.5),
                color=SOFT_INK,
            )
        x += address_w
        c.text(x, y + pad, date_w, _short_date(sheet.valid_from), _font(SANS, 9.5))
        c.rule(self.left, y + height, self.content_w, width=0.4, color=RULE)
        return height

    def list_table_header(self, y: float) -> float:
        c = self.c
        font = _font(SANS, 8.5, bold=True)
        channel_w, address_w, date_w = self.list_columns()
        x = self.left
        for text, w in (
            (QCoreApplication.translate("AddressSheets", "Channel"), channel_w),
            (QCoreApplication.translate("AddressSheets", "Address to publish"), address_w),
            (QCoreApplication.translate("AddressSheets", "Valid from"), date_w),
        ):
            c.text(x, y, w - 8, text.upper(), font, color=SOFT_INK)
            x += w
        y += c.metrics(font).height() / c.scale + 4
        c.rule(self.left, y, self.content_w, width=1.0, color=INK)
        return y

    def list_pages(self) -> list[list[AddressSheet]]:
        """The sheets split into pages by measured row heights."""
        first_top = self.top + 130.0  # header, title and table header on the first page
        other_top = self.top + 40.0
        pages: list[list[AddressSheet]] = [[]]
        y = first_top
        for sheet in self.job.sheets:
            h = self.list_row(sheet, 0, draw=False)
            if pages[-1] and y + h > self.bottom - 70:  # room for the instruction at the end
                pages.append([])
                y = other_top
            pages[-1].append(sheet)
            y += h
        return pages

    def list_page(self, rows: list[AddressSheet], page: int, pages: int) -> PageGeometry:
        c = self.c
        if page == 1:
            y = self.header(self.job.client)
            y += c.text(
                self.left,
                y,
                self.content_w,
                QCoreApplication.translate("AddressSheets", "Tracking addresses"),
                _font(SANS, 18, bold=True),
            )
            y += c.text(
                self.left,
                y,
                self.content_w,
                QCoreApplication.translate(
                    "AddressSheets", "%n address(es) · {client}", "", len(self.job.sheets)
                ).format(client=self.job.client),
                _font(SANS, 10),
                color=SOFT_INK,
            )
            y += 14
        else:
            y = self.top
        y = self.list_table_header(y)
        for sheet in rows:
            y += self.list_row(sheet, y, draw=True)
        if page == pages and self.job.sheets:
            y += 14
            c.text(
                self.left,
                y,
                self.content_w,
                self.job.sheets[0].instruction,
                _font(SANS, 9),
                color=SOFT_INK,
                max_h=self.bottom - y,
            )
        self.footer(self.job.client, page, pages)
        return PageGeometry(rows=len(rows))


def render(
    device: QPagedPaintDevice,
    job: PrintJob,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> RenderResult:
    """Draw every page of ``job`` on ``device`` (its page layout already set)."""
    if not job.sheets:
        raise ValidationError(
            QCoreApplication.translate("AddressSheets", "There is nothing to print."),
            field="channels",
        )
    token = token or CancelToken()
    painter = QPainter()
    if not painter.begin(device):
        raise AppError(
            QCoreApplication.translate(
                "AddressSheets",
                "Could not start printing: the printer or file refused the job. Check that the "
                "printer is on and ready, then try again.",
            )
        )
    result = RenderResult()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        renderer = _Renderer(_Canvas(painter, device), job)
        if job.layout is SheetLayout.SHEET:
            pages_total = len(job.sheets)
            for i, sheet in enumerate(job.sheets):
                token.raise_if_cancelled()
                progress(i, pages_total, "")
                if i and not device.newPage():
                    raise AppError(
                        QCoreApplication.translate(
                            "AddressSheets",
                            "Could not start a new page: the printer stopped the job.",
                        )
                    )
                result.pages.append(renderer.sheet_page(sheet, i + 1, pages_total))
        else:
            pages = renderer.list_pages()
            for i, rows in enumerate(pages):
                token.raise_if_cancelled()
                progress(i, len(pages), "")
                if i and not device.newPage():
                    raise AppError(
                        QCoreApplication.translate(
                            "AddressSheets",
                            "Could not start a new page: the printer stopped the job.",
                        )
                    )
                result.pages.append(renderer.list_page(rows, i + 1, len(pages)))
        progress(len(result.pages), len(result.pages), "")
    finally:
        painter.end()
    return result


def pdf_bytes(
    job: PrintJob, progress: ProgressFn = no_progress, token: CancelToken | None = None
) -> tuple[bytes, RenderResult]:
    """The job as a PDF document in memory (fonts embedded as subsets by Qt)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(job.paper))
    writer.setResolution(1200)
    writer.setCreator("Mailsource")
    writer.setTitle(
        QCoreApplication.translate("AddressSheets", "Tracking addresses — {client}").format(
            client=job.client
        )
    )
    result = render(writer, job, progress, token)
    del writer  # flushes the document's trailer into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, result


def write_pdf(
    path: Path,
    job: PrintJob,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> RenderResult:
    """Save the job as a PDF file; written to a temp file first so a failure leaves no half file."""
    data, result = pdf_bytes(job, progress, token)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".sheets-", suffix=".pdf", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise AppError(
            QCoreApplication.translate("AddressSheets", "Could not save {file}: {reason}").format(
                file=path, reason=exc.strerror or exc
            ),
            details=str(exc),
        ) from exc
    return result


__all__ = [
    "PageGeometry",
    "Paper",
    "PrintJob",
    "RenderResult",
    "SheetLayout",
    "default_paper",
    "fit_address",
    "page_layout",
    "pdf_bytes",
    "render",
    "write_pdf",
]
