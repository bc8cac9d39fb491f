"""Entry point: ``python -m app`` and the ``mailsource`` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    from app.options import gui_options

    gui = gui_options(args_in)
    if gui is not None:
        # The window's fast path: the commands' parsers and modules are never imported.
        from app.ui.application import run_gui

        return run_gui(gui)
    from app.cli import run

    return run(args_in)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The bundle starts copies of itself for the sync's parser process (spawn): those
        # run multiprocessing's code here instead of the app.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
