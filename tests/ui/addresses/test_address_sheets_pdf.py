"""Real PDFs of address sheets checked with poppler: pages, paper, text, fonts, QR pixels, margins.

The QR code is checked by sampling the rendered page (``pdftoppm -r 100``) at the centre of every
module against the core's ``qr_matrix``; with ``zbarimg`` installed it is also decoded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.core.addresses.sheet import AddressSheet, build_sheet
from app.ui.addresses.sheet_printing import (
    MARGIN_PT,
    Paper,
    PrintJob,
    RenderResult,
    SheetLayout,
    write_pdf,
)

CLIENT = "Стоматология «Улыбка» — филиал на Васильевском острове"
AGENCY = "Рекламное агентство «Точка»"
PAGE_PT = {Paper.A4: (595.28, 841.89), Paper.LETTER: (612.0, 792.0)}


def _sheet(address: str, channel: str = "Билборд на Ленинском проспекте") -> AddressSheet:
    return build_sheet(
        agency=AGENCY,
        client=CLIENT,
        channel=channel,
        placement_notes="Щит 3×6, сторона А",
        address=address,
        valid_from=date(2026, 12, 1),
    )


SHEETS = (
    _sheet("info+bilbord@xn--80ab1ac3bxc.xn--p1ai"),  # info+bilbord@улыбка.рф
    _sheet("info+radio@ulybka-dent.ru", "Радио «Европа Плюс»"),
)


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _write(tmp_path: Path, job: PrintJob, name: str = "sheets.pdf") -> tuple[Path, RenderResult]:
    path = tmp_path / name
    return path, write_pdf(path, job)


def _words_outside_margins(path: Path, paper: Paper) -> list[str]:
    width, _height = PAGE_PT[paper]
    html = _run("pdftotext", "-bbox", str(path), "-")
    outside = []
    found = 0
    for m in re.finditer(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
    ):
        x_min, x_max, word = float(m[1]), float(m[2]), m[3]
        found += 1
        if x_min < MARGIN_PT - 0.5 or x_max > width - MARGIN_PT + 0.5:
            outside.append(f"{word} ({x_min:.1f}..{x_max:.1f})")
    assert found > 10, "pdftotext -bbox found no words: the check would prove nothing"
    return outside


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_one_sheet_per_address(qapp, tmp_path: Path, paper: Paper) -> None:
    path, result = _write(tmp_path, PrintJob(SHEETS, SheetLayout.SHEET, paper, CLIENT, AGENCY))
    info = _run("pdfinfo", str(path))
    assert re.search(r"^Pages:\s+2$", info, re.M)
    # Qt writes the MediaBox in whole points; poppler still recognises the paper.
    size = "595 x 842 pts (A4)" if paper is Paper.A4 else "612 x 792 pts (letter)"
    assert size in info
    text = _run("pdftotext", "-raw", str(path), "-")
    lines = [line.strip() for line in text.splitlines()]
    for expected in (
        "info+bilbord@улыбка.рф",
        "info+radio@ulybka-dent.ru",
        AGENCY,
        CLIENT,
        "Билборд на Ленинском проспекте",
        "Радио «Европа Плюс»",
        "Valid from 1 December 2026",
    ):
        assert expected in lines, f"{expected!r} not a line of the PDF text"
    assert "info+bilbord@xn--80ab1ac3bxc.xn--p1ai" in text  # the ASCII form, small
    assert "Publish exactly this address" in text
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    assert _words_outside_margins(path, paper) == []
    assert [page.address_lines for page in result.pages] == [
        ("info+bilbord@улыбка.рф",),
        ("info+radio@ulybka-dent.ru",),
    ]
    assert all(page.address_pt >= 24 for page in result.pages)


def test_qr_code_pixels_match_the_matrix(qapp, tmp_path: Path) -> None:
    path, result = _write(tmp_path, PrintJob(SHEETS[:1], paper=Paper.A4))
    _run("pdftoppm", "-r", "100", "-png", "-singlefile", str(path), str(tmp_path / "page"))
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    geometry = result.pages[0]
    assert geometry.qr is not None
    x, y, size, _ = geometry.qr
    matrix = SHEETS[0].qr
    modules = matrix.size + 2 * matrix.quiet_zone
    assert geometry.qr_modules == modules
    scale = 100 / 72
    step = size / modules
    wrong = []
    for r in range(-matrix.quiet_zone, matrix.size + matrix.quiet_zone):
        for c in range(-matrix.quiet_zone, matrix.size + matrix.quiet_zone):
            inside = 0 <= r < matrix.size and 0 <= c < matrix.size
            dark = inside and matrix.rows[r][c]
            px = (x + (c + matrix.quiet_zone + 0.5) * step) * scale
            py = (y + (r + matrix.quiet_zone + 0.5) * step) * scale
            gray = image.pixelColor(int(px), int(py)).lightness()
            if (gray < 128) != dark:
                wrong.append((r, c, gray))
    assert wrong == []
    if shutil.which("zbarimg"):
        decoded = _run("zbarimg", "--raw", "-q", str(tmp_path / "page.png")).strip()
        assert decoded == "mailto:info+bilbord@xn--80ab1ac3bxc.xn--p1ai"


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_compact_list_paginates(qapp, tmp_path: Path, paper: Paper) -> None:
    many = tuple(
        _sheet(f"info+kanal-{i}@ulybka-dent.ru", f"Канал № {i} — наружная реклама")
        for i in range(2, 40)
    )
    path, result = _write(tmp_path, PrintJob(many, SheetLayout.LIST, paper, CLIENT, AGENCY))
    pages = len(result.pages)
    assert pages >= 2
    assert sum(page.rows for page in result.pages) == len(many)
    assert re.search(rf"^Pages:\s+{pages}$", _run("pdfinfo", str(path)), re.M)
    lines = [line.strip() for line in _run("pdftotext", "-raw", str(path), "-").splitlines()]
    for sheet in many:
        assert any(
            line.startswith(sheet.address) or sheet.address in line.split() for line in lines
        )
    assert f"Page {pages} of {pages}" in " ".join(lines)
    assert _words_outside_margins(path, paper) == []


def test_one_page_list_layout(qapp, tmp_path: Path) -> None:
    path, result = _write(tmp_path, PrintJob(SHEETS, SheetLayout.LIST, Paper.A4, CLIENT, AGENCY))
    assert len(result.pages) == 1
    text = _run("pdftotext", "-raw", str(path), "-")
    assert "info+bilbord@улыбка.рф" in text and "Tracking addresses" in text


def test_a_64_character_local_part_fits_the_margins(qapp, tmp_path: Path) -> None:
    local = "a" * 30 + "-" + "b" * 33
    assert len(local) == 64
    address = f"{local}@ulybka-dent.ru"
    path, result = _write(tmp_path, PrintJob((_sheet(address),), paper=Paper.A4))
    lines = result.pages[0].address_lines
    assert "".join(lines) == address  # never a character lost or added
    assert lines == (local, "@ulybka-dent.ru")  # split at the @, not inside a word
    assert result.pages[0].address_pt >= 10
    assert _words_outside_margins(path, Paper.A4) == []
    text_lines = [line.strip() for line in _run("pdftotext", "-raw", str(path), "-").splitlines()]
    assert local in text_lines and "@ulybka-dent.ru" in text_lines


def test_a_254_character_address_still_fits(qapp, tmp_path: Path) -> None:
    domain = ".".join(["d" * 60, "e" * 60, "f" * 60, "ru"])
    local = "l" * (254 - 1 - len(domain))
    address = f"{local}@{domain}"
    assert len(address) == 254
    path, result = _write(tmp_path, PrintJob((_sheet(address),), paper=Paper.LETTER))
    lines = result.pages[0].address_lines
    assert "".join(lines) == address
    assert len(lines) >= 3
    assert _words_outside_margins(path, Paper.LETTER) == []


def test_agency_logo_is_printed(qapp, tmp_path: Path) -> None:
    logo = QImage(200, 80, QImage.Format.Format_RGB32)
    logo.fill(0x1F77B4)
    logo.save(str(tmp_path / "logo.png"))
    job = PrintJob(SHEETS[:1], client=CLIENT, agency=AGENCY, logo=str(tmp_path / "logo.png"))
    path, _ = _write(tmp_path, job)
    images = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    assert len(images) == 1


def test_empty_job_is_refused(qapp, tmp_path: Path) -> None:
    from app.core.errors import ValidationError

    with pytest.raises(ValidationError, match="nothing to print"):
        write_pdf(tmp_path / "x.pdf", PrintJob(()))
    assert not (tmp_path / "x.pdf").exists()
