"""Fixtures for the visit-import tests: hand-made files in a temp folder and a one-call reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.visits import ColumnMapping, ImportOptions, ImportReport, Visit, VisitReader

Writer = Callable[..., Path]
Reader = Callable[..., tuple[list[Visit], ImportReport]]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (in an encoding) or bytes to a file in the temp folder and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def read() -> Reader:
    """Read a whole file into a list of visits and its report."""

    def _read(
        path: Path, mapping: ColumnMapping | None = None, **options: Any
    ) -> tuple[list[Visit], ImportReport]:
        reader = VisitReader(path, ImportOptions(**options), mapping=mapping)
        visits = [visit for batch in reader.batches() for visit in batch]
        return visits, reader.report

    return _read
