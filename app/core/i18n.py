"""Translation hook for text the core shows to people (error messages, demo names).

The core cannot use Qt, so it marks user-visible text with :func:`translate`. The GUI installs a
translator that forwards to ``QCoreApplication.translate``; the CLI keeps the English text, which is
also what scripts match on. ``pyside6-lupdate`` extracts ``translate("context", "text")`` calls from
the core like any Qt code, so one ``.ts`` file holds every string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity
_override: ContextVar[Translator | None] = ContextVar("translator_override", default=None)


def set_translator(translator: Translator | None) -> None:
    """Install the function that turns ``(context, text)`` into the user's language."""
    global _translator  # noqa: PLW0603 - one process-wide hook, set once by the GUI
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language (English when no translator is installed)."""
    override = _override.get()
    return (override or _translator)(context, text)


@contextmanager
def translator_override(translator: Translator) -> Iterator[None]:
    """Use ``translator`` in this thread (context) only, e.g. for a report in another language
    than the interface; other threads keep the process-wide one."""
    reset = _override.set(translator)
    try:
        yield
    finally:
        _override.reset(reset)
