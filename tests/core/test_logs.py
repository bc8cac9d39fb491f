"""The log file: size rotation and secrets redacted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.logs import LOG_FILE, RotatingFile, redact, setup_logging


@pytest.fixture
def logger(tmp_path: Path) -> Iterator[tuple[logging.Logger, RotatingFile]]:
    handler = RotatingFile(tmp_path / LOG_FILE, max_bytes=1_000, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("mailsource-test-rotation")
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    yield log, handler
    log.removeHandler(handler)
    handler.close()


def test_rotates_by_size_and_keeps_the_set_number_of_old_files(
    tmp_path: Path, logger: tuple[logging.Logger, RotatingFile]
) -> None:
    log, _handler = logger
    for n in range(100):
        log.info("line %03d %s", n, "x" * 80)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    for name in names:
        assert (tmp_path / name).stat().st_size <= 1_000
    # the newest lines are in the current file, the ones before in .1, nothing lost between them
    current = (tmp_path / LOG_FILE).read_text(encoding="utf-8").splitlines()
    previous = (tmp_path / f"{LOG_FILE}.1").read_text(encoding="utf-8").splitlines()
    assert current[-1].startswith("line 099")
    assert int(previous[-1][5:8]) + 1 == int(current[0][5:8])


def test_appends_to_an_existing_file_until_full(
    tmp_path: Path, logger: tuple[logging.Logger, RotatingFile]
) -> None:
    log, handler = logger
    log.info("first")
    handler.close()
    log.info("second")
    assert (tmp_path / LOG_FILE).read_text(encoding="utf-8") == "first\nsecond\n"


def test_a_line_longer_than_the_limit_is_still_written(
    tmp_path: Path, logger: tuple[logging.Logger, RotatingFile]
) -> None:
    log, _handler = logger
    log.info("y" * 5_000)
    assert (tmp_path / LOG_FILE).stat().st_size > 5_000


def test_setup_logging_writes_redacted_lines(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("mailsource-test").warning("login password=hunter2 to imap://u:pw@host")
        assert path is not None
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "hunter2" not in text and ":pw@" not in text
        assert "password=***" in text
    finally:
        setup_logging(None)


def test_redact() -> None:
    assert redact("token: abc def") == "token: *** def"
    assert redact("postgresql://me:secret@db/x") == "postgresql://me:***@db/x"
