"""Loading the interface language: our ``.qm`` file, Qt's own translations, the core's hook."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core import i18n as core_i18n
from app.ui.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("ru", "Русский"))
"""Language code and its name in that language (shown as is in Settings)."""

_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()
    return "ru" if name.startswith(("ru", "be", "kk", "uk")) else "en"


def install_language(app: QCoreApplication, language: str = "") -> str:
    """Install translators for ``language`` (empty: follow the OS); return the code used."""
    code = language if language in dict(LANGUAGES) else system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian if code == "ru" else QLocale.Language.English)
    )
    # English has a .qm too: it carries the plural forms ("1 channel", "2 channels").
    ours = QTranslator(app)
    if ours.load(f"mailsource_{code}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("No compiled translation for %s in %s", code, translations_dir())
    if code != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    core_i18n.set_translator(QCoreApplication.translate)
    return code
