"""Write the bundle's third-party license list: ``build/licenses/THIRD_PARTY.json``.

Run by ``scripts/build.sh`` and ``scripts/build.ps1`` with the project's interpreter, before
PyInstaller: the bundle has no ``*.dist-info`` folders, so the About dialog reads this file
(copied to ``resources/licenses/`` inside the bundle by ``mailsource.spec``). Prints one line
per component and fails when one has no license text or a license that does not fit shipping
beside PySide6 under the LGPL.

    .venv/bin/python build_spec/collect_licenses.py [OUTPUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.ui.licenses import (  # noqa: E402
    JSON_NAME,
    fill_lgpl_texts,
    from_metadata,
    runtime_components,
    write_json,
)

# Licenses that may be combined with LGPL-3.0 PySide6/Qt in one distributed program: permissive
# ones, and the LGPL/GPL family with PyInstaller's bootloader exception. Anything else (no
# license, proprietary, GPL without exception, AGPL) stops the build for a human to look at.
COMPATIBLE = (
    "MIT",
    "MIT-0",
    "MIT-CMU",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "0BSD",
    "ISC",
    "Apache-2.0",
    "PSF-2.0",
    "Matplotlib License",
    "Unlicense",
    "CC0-1.0",
    "Zlib",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "GPL-2.0-or-later WITH Bootloader-exception",
)


def fits(expression: str) -> bool:
    """Every alternative of an ``OR`` has a compatible choice; every ``AND`` part is compatible."""
    for conjunct in expression.replace("(", "").replace(")", "").split(" AND "):
        choices = [c.strip() for c in conjunct.split(" OR ")]
        if not any(choice.startswith(COMPATIBLE) for choice in choices):
            return False
    return True


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "licenses" / JSON_NAME
    licenses_dir = ROOT / "resources" / "licenses"
    components = runtime_components(licenses_dir, bundle=True)
    components += fill_lgpl_texts(from_metadata(), licenses_dir)
    problems = []
    for c in components:
        ok = fits(c.license) and bool(c.texts)
        print(f"  {'ok ' if ok else 'BAD'} {c.name} {c.version}: {c.license}")
        if not ok:
            problems.append(c.name)
    write_json(components, out)
    print(f"licenses: {len(components)} components -> {out}")
    if problems:
        print(f"licenses: check these by hand: {', '.join(problems)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
