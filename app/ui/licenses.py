"""The third-party software Mailsource ships, with each one's license, for the About dialog.

A bundle reads ``resources/licenses/THIRD_PARTY.json``, written at build time by
``build_spec/collect_licenses.py`` from the installed distributions (the bundle has no
``*.dist-info`` folders to ask). A source run asks ``importlib.metadata`` directly, so the list
is always the one of the code actually running. Qt and PySide6 carry no license file in their
wheels; their LGPL-3.0 text ships in ``resources/licenses``. No Qt here: the build script
imports this module too.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

ROOT_DISTRIBUTION = "mailsource"
JSON_NAME = "THIRD_PARTY.json"

# Distributions whose metadata has no SPDX expression and only a vague classifier
# ("BSD License"): what their license files say.
_KNOWN_LICENSES = {
    "matplotlib": "Matplotlib License (PSF-based)",
    "imapclient": "BSD-3-Clause",
    "segno": "BSD-3-Clause",
    "cycler": "BSD-3-Clause",
    "contourpy": "BSD-3-Clause",
    "kiwisolver": "BSD-3-Clause",
    "backports-tarfile": "MIT",
    "jaraco-classes": "MIT",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}
_CLASSIFIER_SPDX = {
    "MIT License": "MIT",
    "Apache Software License": "Apache-2.0",
    "Python Software Foundation License": "PSF-2.0",
    "The Unlicense (Unlicense)": "Unlicense",
    "ISC License (ISCL)": "ISC",
}
_LICENSE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
# Packages (and their own requirements) that are in the environment only to build or test.
_NOT_SHIPPED = {"mailsource"}


@dataclass(frozen=True)
class Component:
    """One piece of third-party software in the bundle and the terms it comes under."""

    name: str
    version: str
    license: str
    url: str = ""
    note: str = ""
    texts: tuple[tuple[str, str], ...] = field(default=())
    """(file name, full text) of each license file."""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    known = _KNOWN_LICENSES.get(_key(_field(meta, "Name")))
    if known:
        return known
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            short = str(classifier).split("::")[-1].strip()
            return _CLASSIFIER_SPDX.get(short, short)
    text = _field(meta, "License").strip()
    return text if text and len(text) < 40 and "\n" not in text else "see the license text"


def _url_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "source code", "repository"}:
            return url.strip()
    return _field(meta, "Home-page")


def _texts_of(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or []:
        name = str(file)
        # Licenses of vendored C code inside numpy's sources are repeated in its LICENSE.txt.
        if not _LICENSE_FILE.search(name) or name.count("/") > 3 or name.endswith(".py"):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append((name.rsplit("/", 1)[-1], text))
    return tuple(texts)


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    from packaging.requirements import InvalidRequirement, Requirement

    found = []
    for line in dist.requires or []:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is not None:
            contexts = [{"extra": extra} for extra in (extras or {""})]
            if not any(req.marker.evaluate(context) for context in contexts):
                continue
        found.append((req.name, set(req.extras)))
    return found


def from_metadata(root: str = ROOT_DISTRIBUTION) -> list[Component]:
    """Every distribution ``root`` needs at run time (no extras), with its license texts."""
    seen: dict[str, Component] = {}
    queue: list[tuple[str, set[str], str]] = [(root, set(), "")]
    while queue:
        name, extras, parent = queue.pop(0)
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        via = "" if parent in ("", root) else parent
        seen[_key(name)] = Component(
            name=str(dist.metadata["Name"]),
            version=dist.version,
            license=_license_of(dist),
            url=_url_of(dist),
            note=via,
            texts=_texts_of(dist),
        )
        queue += [
            (req, ext, str(dist.metadata["Name"])) for req, ext in _requirements(dist, extras)
        ]
    return sorted(
        (c for k, c in seen.items() if k not in _NOT_SHIPPED), key=lambda c: c.name.lower()
    )


def _read(path: Path) -> tuple[tuple[str, str], ...]:
    try:
        return ((path.name, path.read_text(encoding="utf-8")),)
    except OSError:
        return ()


def runtime_components(licenses_dir: Path, *, bundle: bool = False) -> list[Component]:
    """What is not a Python distribution: the interpreter, Qt and, in a bundle, PyInstaller's
    bootloader."""
    import platform

    from PySide6.QtCore import qVersion

    lgpl = _read(licenses_dir / "LGPL-3.0.txt") + _read(licenses_dir / "GPL-3.0.txt")
    python_license = (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    )
    candidates = [python_license / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]
    python_text = next((_read(p) for p in candidates if p.is_file()), ())
    parts = [
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0",
            "https://www.python.org",
            "the interpreter and its standard library",
            python_text,
        ),
        Component("Qt", qVersion(), "LGPL-3.0-only", "https://www.qt.io", "", lgpl),
    ]
    if not bundle:
        return parts
    try:
        pyinstaller = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return parts
    parts.append(
        Component(
            "PyInstaller bootloader",
            pyinstaller.version,
            "GPL-2.0-or-later WITH Bootloader-exception",
            "https://pyinstaller.org",
            "the program that starts the bundle; the exception allows any license",
            _texts_of(pyinstaller),
        )
    )
    return parts


def fill_lgpl_texts(components: list[Component], licenses_dir: Path) -> list[Component]:
    """Give LGPL components without a license file (PySide6, shiboken6) the LGPL-3.0 text."""
    lgpl = _read(licenses_dir / "LGPL-3.0.txt") + _read(licenses_dir / "GPL-3.0.txt")
    return [
        Component(**{**asdict(c), "texts": lgpl})
        if not c.texts and c.license.startswith("LGPL-3.0")
        else c
        for c in components
    ]


def write_json(components: list[Component], path: Path) -> None:
    """Save the list for a bundle (see ``build_spec/collect_licenses.py``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [asdict(c) for c in components]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: Path) -> list[Component]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Component(**{**item, "texts": tuple(tuple(t) for t in item.get("texts", ()))})
        for item in data
    ]


def shipped_components(licenses_dir: Path) -> list[Component]:
    """The list shown in the About dialog: from the bundle's JSON, or from the running Python."""
    bundled = licenses_dir / JSON_NAME
    if getattr(sys, "frozen", False) and bundled.is_file():
        return read_json(bundled)
    return runtime_components(licenses_dir) + fill_lgpl_texts(from_metadata(), licenses_dir)
