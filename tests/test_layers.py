"""The layer rule: nothing under ``app/core`` imports Qt, ``matplotlib.pyplot`` or ``app.ui``.

The core must run without a screen (CLI, schedulers, tests). Two checks: every import statement
under ``app/core`` read with ``ast`` (also relative ones and ``importlib.import_module("...")``
with a literal name), and a fresh interpreter that imports every core module and then looks at
``sys.modules`` for anything that came in through a third-party package.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import app

APP_DIR = Path(app.__file__).resolve().parent
CORE_DIR = APP_DIR / "core"
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib.pyplot", "app.ui")
# Alembic's env.py only runs inside Alembic; importing it on its own raises by design.
NOT_IMPORTABLE = {"app.core.storage.migrations.env"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(APP_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module a source file imports, as absolute dotted names.

    ``from a import b`` yields both ``a`` and ``a.b``: ``b`` may be a submodule (``from app
    import ui``).
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (
                    isinstance(node.func, ast.Name)
                    and node.func.id in {"import_module", "__import__"}
                )
            )
        ):
            found.add(node.args[0].value)
    return found


def forbidden(names: set[str]) -> list[str]:
    return sorted(
        name for name in names for bad in FORBIDDEN if name == bad or name.startswith(bad + ".")
    )


def core_files() -> list[Path]:
    return sorted(CORE_DIR.rglob("*.py"))


def test_core_files_exist() -> None:
    names = {module_name(p) for p in core_files()}
    assert {"app.core.workspace", "app.core.storage.database", "app.core.clients.service"} <= names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(APP_DIR.parent)))
def test_core_module_imports_no_gui(path: Path) -> None:
    names = imported_names(
        path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py"
    )
    bad = forbidden(names)
    assert not bad, (
        f"{path.relative_to(APP_DIR.parent)} imports {', '.join(bad)}: app/core has no GUI"
    )


@pytest.mark.parametrize(
    ("source", "module", "caught"),
    [
        ("import PySide6", "app.core.x", ["PySide6"]),
        ("import PySide6.QtCore as qc", "app.core.x", ["PySide6.QtCore"]),
        ("from PySide6 import QtWidgets", "app.core.x", ["PySide6", "PySide6.QtWidgets"]),
        ("from shiboken6 import isValid", "app.core.x", ["shiboken6", "shiboken6.isValid"]),
        ("import matplotlib.pyplot as plt", "app.core.reports.charts", ["matplotlib.pyplot"]),
        ("from matplotlib import pyplot", "app.core.x", ["matplotlib.pyplot"]),
        ("from app import ui", "app.core.x", ["app.ui"]),
        ("from app.ui.tasks import Task", "app.core.x", ["app.ui.tasks", "app.ui.tasks.Task"]),
        ("from ...ui import tasks", "app.core.mail.sync", ["app.ui", "app.ui.tasks"]),
        ("from ... import ui", "app.core.mail", ["app.ui"]),  # in app/core/mail/__init__.py
        ("from .. import ui", "app.core.mail", []),  # that is app.core.ui
        ("def f():\n    import PySide6.QtGui\n", "app.core.x", ["PySide6.QtGui"]),
        ("importlib.import_module('PySide6.QtCore')", "app.core.x", ["PySide6.QtCore"]),
        ("import matplotlib", "app.core.x", []),
        ("from matplotlib.figure import Figure", "app.core.x", []),
        ("import app.uikit", "app.core.x", []),
        ("from ..storage import database", "app.core.clients.service", []),
    ],
)
def test_the_checker_catches_gui_imports(source: str, module: str, caught: list[str]) -> None:
    is_package = module == "app.core.mail"
    assert forbidden(imported_names(source, module, is_package=is_package)) == caught


IMPORT_ALL = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_the_whole_core_loads_no_gui() -> None:
    modules = sorted({module_name(p) for p in core_files()} - NOT_IMPORTABLE)
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, json.dumps(modules)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert set(modules) <= loaded
    assert forbidden(loaded) == []
