"""The checks ``--smoke-test`` runs once the window shows the data.

They exercise what a packaged build most often loses: data files and modules found only at run
time. Each check returns one line for the output (``smoke test: <name>: <detail>``) and whether
it passed:

- ``database``: the schema is at the head revision and Alembic can read the migrations folder
  (in a bundle that folder must be there as files);
- ``icon``: the SVG window icon renders (Qt's SVG icon engine and image plugin are in place);
- ``translations``: the compiled English and Russian translations load;
- ``chart``: matplotlib draws a bar chart on a ``FigureCanvasQTAgg`` (the QtAgg backend, numpy);
- ``pdf``: a page with that chart is written with ``QPdfWriter`` to a temporary folder and
  reads back as a PDF;
- ``keyring``: the platform's backend module is in the program and a lookup of an entry that
  never exists answers. A machine without a keyring service (a CI container with no Secret
  Service) is reported as "no backend" and does not fail the test: the user's machine has one,
  and what the smoke test guards is the packaging. A backend module missing from a bundle fails.

matplotlib is imported here and only here on the smoke-test path, lazily, so a normal start
never pays for it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from app.core.workspace import Workspace

log = logging.getLogger(__name__)

PROBE_KEY = "smoke-test-probe (never stored)"
"""Looked up, never written: a harmless read of the keyring."""

_PLATFORM_BACKEND = {
    "win32": "keyring.backends.Windows",
    "darwin": "keyring.backends.macOS",
}


@dataclass(frozen=True)
class Check:
    """One smoke-test result line."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        mark = "" if self.ok else "FAILED: "
        return f"smoke test: {self.name}: {mark}{self.detail}"


def _guard(name: str, fn: object) -> Check:
    """Run one check; an exception is that check's failure, not the end of the smoke test."""
    assert callable(fn)
    try:
        result = fn()
    except Exception as exc:  # the point is to report anything that breaks
        log.exception("Smoke check %s failed", name)
        return Check(name, False, f"{type(exc).__name__}: {exc}")
    assert isinstance(result, Check)
    return result


def check_database(ws: Workspace) -> Check:
    from app.core.storage.migrate import MIGRATIONS_DIR, current_revision, known_revisions
    from app.core.storage.migrations import SCHEMA_HEAD

    schema = current_revision(ws.db)
    known = known_revisions()
    ok = schema == SCHEMA_HEAD and SCHEMA_HEAD in known
    detail = (
        f"{ws.db.describe()}, schema {schema} of {SCHEMA_HEAD}, "
        f"{len(known)} migrations in {MIGRATIONS_DIR.name}/"
    )
    return Check("database", ok, detail)


def check_icon() -> Check:
    from PySide6.QtGui import QIcon

    from app.ui.resources import icon_path

    path = icon_path("mailsource.svg")
    pixmap = QIcon(str(path)).pixmap(64, 64)
    ok = path.is_file() and not pixmap.isNull() and not pixmap.toImage().isNull()
    return Check("icon", ok, f"{path.name} rendered at {pixmap.width()} px")


def check_translations() -> Check:
    from PySide6.QtCore import QTranslator

    from app.ui.resources import translations_dir

    loaded = [
        code
        for code in ("en", "ru")
        if QTranslator().load(f"mailsource_{code}", str(translations_dir()))
    ]
    return Check("translations", loaded == ["en", "ru"], "loaded " + ", ".join(loaded or ["none"]))


def draw_chart() -> tuple[QWidget, int]:
    """A small bar chart on a QtAgg canvas; returns the canvas and its count of inked pixels."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 3), dpi=100)
    axes = figure.add_subplot()
    axes.bar(["Billboard", "TV", "Website"], [12, 7, 21], color="#2f6fde")
    axes.set_title("Leads by channel")
    # matplotlib's Qt canvas is untyped.
    canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
    canvas.draw()  # type: ignore[no-untyped-call]
    import numpy as np

    pixels = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    inked = int((pixels[:, :, :3] < 200).any(axis=2).sum())
    return canvas, inked


def check_chart() -> Check:
    import matplotlib

    canvas, inked = draw_chart()
    backend = type(canvas).__name__
    return Check(
        "chart", inked > 1000, f"{backend}, matplotlib {matplotlib.__version__}, {inked} px drawn"
    )


def check_pdf() -> Check:
    import tempfile

    canvas, _ = draw_chart()
    image = canvas.grab().toImage()
    with tempfile.TemporaryDirectory(prefix="mailsource-smoke-") as folder:
        data = _write_pdf(Path(folder) / "smoke-test.pdf", image)
    ok = data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    return Check("pdf", ok, f"QPdfWriter, {len(data) // 1024} KB, chart included")


def _write_pdf(target: Path, image: QImage) -> bytes:
    from PySide6.QtCore import QMarginsF, QRect
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.drawText(QRect(0, 0, 2000, 100), 0, "Mailsource smoke test")
    painter.drawImage(QRect(0, 150, image.width() * 3, image.height() * 3), image)
    painter.end()
    return target.read_bytes()


def check_keyring() -> Check:
    import importlib

    from app.core.credentials import KeyringError, backend_name, get_password

    expected = _PLATFORM_BACKEND.get(sys.platform, "keyring.backends.SecretService")
    try:
        importlib.import_module(expected)
    except ImportError as exc:
        return Check("keyring", False, f"{expected} is not in the program ({exc})")
    name = backend_name()
    if name.startswith("keyring.backends.fail."):
        return Check("keyring", True, f"no backend on this machine ({expected} present)")
    try:
        found = get_password(PROBE_KEY)
    except KeyringError as exc:
        # A Secret Service that is not running or is locked: the user's desktop has one.
        return Check("keyring", True, f"{name}: no backend available ({exc.details})")
    return Check("keyring", found is None, f"{name}, lookup answered")


def check_parser_process() -> Check:
    """The sync's helper process starts from this build and parses a message (the bundle
    must start a copy of itself for it: ``multiprocessing.freeze_support``)."""
    from app.core.addresses.matching import AddressBook
    from app.core.mail.batch import HEADER_KEY, BatchParser

    header = b"From: a@example.org\r\nSubject: smoke\r\nMessage-ID: <smoke@example.org>\r\n\r\n"
    structure = b'("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 5 1 NIL NIL NIL NIL)'

    def answer(uid: int) -> list[object]:
        return [
            (b"%d (UID %d %s {%d}" % (uid, uid, HEADER_KEY, len(header)), header),
            (b" BODYSTRUCTURE " + structure + b" BODY[1]<0> {5}", b"hello"),
            b")",
        ]

    with BatchParser(AddressBook([]), helper=True) as parser:
        parser.helper_started(timeout=60)
        waits = [parser.submit(answer(uid), [uid]) for uid in (1, 2)]
        texts = [d.values[8] for wait in waits for d in wait().drafts]
        there = parser.helper_batches
    ok = texts == ["hello", "hello"] and there == 2
    return Check("parser process", ok, f"{there} batches parsed by the helper process")


def run_checks(ws: Workspace) -> list[Check]:
    """Every check, in order."""
    return [
        _guard("database", lambda: check_database(ws)),
        _guard("icon", check_icon),
        _guard("translations", check_translations),
        _guard("chart", check_chart),
        _guard("pdf", check_pdf),
        _guard("keyring", check_keyring),
        _guard("parser process", check_parser_process),
    ]
