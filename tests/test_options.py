"""The GUI's fast path through the global options agrees with the full command line."""

from __future__ import annotations

import pytest

from app.cli import build_parser
from app.options import gui_options

GUI = [
    [],
    ["gui"],
    ["--demo"],
    ["--smoke-test", "--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/y", "--lang", "ru", "-v"],
    ["--db-url", "postgresql://u@h/db", "--verbose", "gui"],
    ["--lang=en", "--demo", "--smoke-test"],
    ["--data-dir", "gui"],  # a folder named gui
    ["--data-dir="],
]

NOT_GUI = [
    ["clients", "list"],
    ["--demo", "clients", "list"],
    ["--lang", "xx"],
    ["--data-dir"],
    ["--data-dir", "--demo"],
    ["--version"],
    ["-h"],
    ["gui", "--help"],
    ["gui", "gui"],
    ["--unknown"],
    ["--smoke"],  # argparse's abbreviations are left to the full parser
]


@pytest.mark.parametrize("argv", GUI, ids=" ".join)
def test_gui_arguments_parse_as_the_full_parser_does(argv: list[str]) -> None:
    fast = gui_options(argv)
    assert fast is not None
    full = vars(build_parser().parse_args(argv))
    full["command"] = None if full["command"] == "gui" else full["command"]
    assert vars(fast) == full


@pytest.mark.parametrize("argv", NOT_GUI, ids=" ".join)
def test_anything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert gui_options(argv) is None
