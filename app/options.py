"""The global command-line options and the GUI's fast path through them.

Opening the window needs only these options, so ``python -m app`` parses them here and goes
straight to the GUI without importing :mod:`app.cli` and its commands (each one's parser and
modules would cost the window a noticeable part of its start-up).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from app import __version__

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse that exits with our usage code."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def global_parser(*, add_help: bool) -> Parser:
    """A parser with the options every invocation takes; the CLI adds its commands to it."""
    p = Parser(
        prog="mailsource",
        description="Mailsource: which advertising channel each inbound email came from.",
        add_help=add_help,
    )
    p.add_argument("--version", action="version", version=f"Mailsource {__version__}")
    _add_global_arguments(p)
    return p


def _add_global_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR", help="data folder (default: the user data folder)")
    p.add_argument("--db-url", metavar="URL", help="PostgreSQL URL for team mode")
    p.add_argument("--lang", choices=("en", "ru"), help="interface language")
    p.add_argument(
        "--demo", action="store_true", help="open the app on a throwaway folder with demo data"
    )
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="start offscreen, open and migrate the database, show the main window, exit",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log more")


_GUI_VALUES = {"--data-dir": "data_dir", "--db-url": "db_url", "--lang": "lang"}
_GUI_FLAGS = {
    "--demo": "demo",
    "--smoke-test": "smoke_test",
    "-v": "verbose",
    "--verbose": "verbose",
}
_LANGUAGES = ("en", "ru")


def gui_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when ``argv`` only opens the GUI, else None (a command, help or an error).

    A plain loop rather than argparse: building and running a parser costs the window several
    milliseconds (argparse looks up its gettext catalogue for every message). Anything this does
    not recognise gets None, and the full command line parses it, reporting any usage error, so
    the two cannot disagree on what is valid; a test checks they agree on what they both accept.
    """
    found: dict[str, object] = {"data_dir": None, "db_url": None, "lang": None}
    found.update(demo=False, smoke_test=False, verbose=False, command=None)
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if name in _GUI_VALUES:
            if not eq:
                i += 1
                if i == len(args) or args[i].startswith("-"):
                    return None
                value = args[i]
            if name == "--lang" and value not in _LANGUAGES:
                return None
            found[_GUI_VALUES[name]] = value
        elif arg in _GUI_FLAGS:
            found[_GUI_FLAGS[arg]] = True
        elif arg != "gui" or "gui" in args[:i]:
            return None
        i += 1
    return argparse.Namespace(**found)
