"""Translation hook for text the core shows to people (error messages, demo names).

The core cannot use Qt, so it marks user-visible text with :func:`translate`. The GUI installs a
translator that forwards to ``QCoreApplication.translate``; the CLI keeps the English text, which is
also what scripts match on. ``pyside6-lupdate`` extracts ``translate("context", "text")`` calls from
the core like any Qt code, so one ``.ts`` file holds every string.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install the function that turns ``(context, text)`` into the user's language."""
    global _translator  # noqa: PLW0603 - one process-wide hook, set once by the GUI
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language (English when no translator is installed)."""
    return _translator(context, text)
