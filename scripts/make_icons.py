"""Render the application icon set from ``resources/icons/mailsource.svg``.

Writes, beside the SVG: ``png/mailsource-<size>.png`` (16 to 512 px, for Linux and the window
icon), ``mailsource.ico`` (Windows: 16 to 256 px, PNG-compressed entries) and
``mailsource.icns`` (macOS: 16 to 1024 px). Qt's SVG renderer draws every size from the vector,
so small sizes stay sharp (24 px and below leave the arrow out); the ICO and ICNS containers
are written here because their formats are a short header and a table of PNGs. Run after
changing the SVG and commit the results:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import os
import re
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# ICNS entry types holding PNG data, and the pixel size of each (the @2x ones are Retina).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


SMALL = 24
"""At this size and below the arrow is noise and three rings blur: a plainer target."""


def small_variant(svg: str) -> str:
    """The SVG without the arrow, with a red disc and a wider white centre for the target."""
    start = svg.index('<g id="arrow"')
    svg = svg[:start] + svg[svg.index("</g>", start) + len("</g>") :]
    svg = re.sub(r'<circle id="bull"[^>]*/>', "", svg)
    return re.sub(r'(<circle id="ring"[^>]*?) r="[0-9.]+"', r'\1 r="5"', svg)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes, ``size`` pixels square, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows ICO file with one PNG-compressed image per size (Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS ICNS file: the ``icns`` magic, its length, then (type, length, PNG) entries."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    svg = (ICONS / "mailsource.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    small = QSvgRenderer(QByteArray(small_variant(svg).encode("utf-8")))
    if not (renderer.isValid() and small.isValid()):
        print(f"cannot read {ICONS / 'mailsource.svg'}", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(small if size <= SMALL else renderer, size) for size in sizes}
    (ICONS / "png").mkdir(exist_ok=True)
    for size in PNG_SIZES:
        (ICONS / "png" / f"mailsource-{size}.png").write_bytes(pngs[size])
    (ICONS / "mailsource.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "mailsource.icns").write_bytes(icns(pngs))
    print(f"icons: {len(PNG_SIZES)} PNGs, mailsource.ico, mailsource.icns in {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
