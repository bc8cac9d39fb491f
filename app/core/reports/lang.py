"""Reports in a chosen language, whatever the interface's language is.

A client may want a Russian report from an English interface (or the CLI, which has no Qt
translator). ``in_language("ru")`` installs, for the current thread only, a translator that reads
``resources/translations/mailsource_ru.ts`` directly (no Qt); a string the ``.ts`` does not
translate stays in English.
"""

from __future__ import annotations

import functools
import logging
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.i18n import Translator, translator_override

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ru")


def _translations_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[3]
    return root / "resources" / "translations"


@functools.cache
def _ts_messages(language: str) -> dict[tuple[str, str], str]:
    path = _translations_dir() / f"mailsource_{language}.ts"
    found: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        log.warning("Cannot read %s: %s", path, exc)
        return found
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete"}:
                continue
            if message.get("numerus") == "yes" or not translation.text:
                continue
            found[(name, message.findtext("source", ""))] = translation.text
    return found


def translator_for(language: str) -> Translator:
    """A translator into ``language`` (``en`` keeps the English source text)."""
    if language != "ru":
        return lambda _context, text: text
    messages = _ts_messages("ru")

    def russian(context: str, text: str) -> str:
        return messages.get((context, text), text)

    return russian


@contextmanager
def in_language(language: str | None) -> Iterator[None]:
    """Translate into ``language`` inside the block (None: the interface's language)."""
    if language is None:
        yield
        return
    with translator_override(translator_for(language)):
        yield
