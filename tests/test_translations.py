"""The translations are complete, well-formed and up to date with the code.

``resources/translations/mailsource_ru.ts`` must hold every string the code marks with ``tr()`` or
``translate()``, each one translated with the same placeholders, accelerators and markup as the
English text; ``mailsource_en.ts`` must give both English plural forms of every ``%n`` string.
A fresh ``pyside6-lupdate`` run over ``app/`` is the reference for "every string", and
``pyside6-lrelease`` plus a real ``QTranslator`` prove that the files compile and are used.
No window is shown; Qt runs in a child process so that this module leaves no Qt application behind.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
RU_TS = TRANSLATIONS / "mailsource_ru.ts"
EN_TS = TRANSLATIONS / "mailsource_en.ts"
PLURAL_FORMS = {"ru": 3, "en": 2}

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
PERCENT_N = re.compile(r"%L?n")
ACCELERATOR = re.compile(r"&(?=[^\s&])")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


@dataclass(frozen=True)
class Message:
    """One ``<message>`` of a .ts file."""

    context: str
    source: str
    numerus: bool
    unfinished: bool
    forms: tuple[str, ...]  # one text for a plain message, the plural forms for a numerus one

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: no <translation> in {name}"
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    numerus=numerus,
                    unfinished=translation.get("type") in {"unfinished", "vanished", "obsolete"},
                    forms=forms,
                )
            )
    return messages


def qt_tool(name: str) -> str:
    """The PySide6 command-line tool ``name`` of this interpreter's environment."""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        found = shutil.which(name, path=str(folder))
        if found:
            return found
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (it comes with PySide6)")
    return found


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def ru() -> list[Message]:
    return read_ts(RU_TS)


@pytest.fixture(scope="module")
def en() -> list[Message]:
    return read_ts(EN_TS)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both .ts files compiled by ``pyside6-lrelease`` into a temp folder."""
    out = tmp_path_factory.mktemp("qm")
    result = {}
    for language in PLURAL_FORMS:
        qm = out / f"mailsource_{language}.qm"
        done = run(
            [
                qt_tool("pyside6-lrelease"),
                str(TRANSLATIONS / qm.with_suffix(".ts").name),
                "-qm",
                str(qm),
            ]
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert " 0 unfinished" in done.stdout, done.stdout
        assert qm.stat().st_size > 0
        result[language] = qm
    return result


def test_ts_files_hold_every_string_of_the_code(tmp_path: Path, ru: list[Message]) -> None:
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    fresh = tmp_path / "fresh_ru.ts"
    done = run([qt_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)])
    assert done.returncode == 0, done.stdout + done.stderr
    in_code = {m.key: m.numerus for m in read_ts(fresh)}
    assert len(in_code) > 100, "lupdate found almost nothing: is it reading app/?"
    in_ts = {m.key: m.numerus for m in ru}
    missing = sorted(set(in_code) - set(in_ts))
    assert not missing, (
        f"{len(missing)} string(s) of the code are not in {RU_TS.name}; run "
        f"scripts/update_translations.sh and translate them: {missing[:10]}"
    )
    changed = sorted(key for key, numerus in in_code.items() if in_ts[key] != numerus)
    assert not changed, f"plural use changed since the last update: {changed}"


def test_every_string_is_translated(ru: list[Message], en: list[Message]) -> None:
    unfinished = [m.key for m in ru if m.unfinished or not all(f.strip() for f in m.forms)]
    assert not unfinished, f"{len(unfinished)} untranslated: {unfinished[:10]}"
    for language, messages in (("ru", ru), ("en", en)):
        wrong = [m.key for m in messages if m.numerus and len(m.forms) != PLURAL_FORMS[language]]
        assert not wrong, f"{language}: numerus messages without {PLURAL_FORMS[language]} forms"
    en_numerus = {m.key for m in en if m.numerus}
    assert en_numerus == {m.key for m in ru if m.numerus}, "mailsource_en.ts is out of date"
    assert not [m.key for m in en if m.unfinished or not all(f.strip() for f in m.forms)]
    assert all(f.strip() for m in en for f in m.forms)


def _all_messages(ru: list[Message], en: list[Message]) -> list[tuple[str, Message, str]]:
    return [("ru", m, form) for m in ru for form in m.forms] + [
        ("en", m, form) for m in en for form in m.forms
    ]


def test_placeholders_match(ru: list[Message], en: list[Message]) -> None:
    wrong = []
    for language, message, text in _all_messages(ru, en):
        if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(message.source)):
            wrong.append((language, message.key, text))
        if sorted(PERCENT_N.findall(text)) != sorted(PERCENT_N.findall(message.source)):
            wrong.append((language, message.key, text))
    assert not wrong, wrong[:10]


def test_accelerators_and_markup_match(ru: list[Message], en: list[Message]) -> None:
    wrong = []
    for language, message, text in _all_messages(ru, en):
        accelerators = len(ACCELERATOR.findall(text.replace("&&", "")))
        if accelerators > 1 or accelerators != len(
            ACCELERATOR.findall(message.source.replace("&&", ""))
        ):
            wrong.append((language, message.key, text))
        if Counter(TAG.findall(text)) != Counter(TAG.findall(message.source)):
            wrong.append((language, message.key, text))
        if text.count("\n") != message.source.count("\n") or text != text.rstrip(" "):
            wrong.append((language, message.key, text))
    assert not wrong, wrong[:10]


def test_accelerators_do_not_clash_within_a_menu(ru: list[Message]) -> None:
    translated = {m.key: m.forms[0] for m in ru}
    groups = [
        ["&File", "&Client", "&View", "&Help"],
        ["&New Client…", "&Settings…", "&Quit"],
        ["&Find Client", "Show &Archived Clients", "&Overview", "C&hannels", "&Addresses"],
    ]
    for group in groups:
        keys = []
        for source in group:
            text = translated.get(("MainWindow", source))
            if text is None:
                continue  # the menu item is gone from the code
            match = ACCELERATOR.search(text)
            assert match, text
            keys.append(text[match.end()].lower())
        assert len(keys) == len(set(keys)), f"accelerators clash in {group}: {keys}"


# lupdate sees only tr()/translate() calls with literal text outside f-strings: a wrapper that
# passes a variable, or a tr() inside an f-string, hides its strings, which then stay English.
# Known ones, to be replaced by literal tr() calls; remove an entry when its file is fixed (the
# test then insists it stays fixed).
KNOWN_HIDDEN: set[str] = set()


def _translated_text(node: ast.AST) -> ast.expr | None:
    """The text argument of a ``tr(text)`` or ``translate(context, text)`` call, else None."""
    if not isinstance(node, ast.Call):
        return None
    name = getattr(node.func, "attr", getattr(node.func, "id", None))
    if name == "tr" and node.args:
        return node.args[0]
    context = node.args[0] if node.args else None
    if name == "translate" and len(node.args) >= 2 and isinstance(context, ast.Constant):
        if not isinstance(context.value, str):
            return None
        return node.args[1]  # str.translate and bytes.translate take no context string
    return None


def test_no_string_is_hidden_from_lupdate() -> None:
    hidden = set()
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {
            id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)
        }
        for node in ast.walk(tree):
            text = _translated_text(node)
            if text is None:
                continue
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if not literal or id(node) in in_fstrings:
                hidden.add(path.relative_to(ROOT).as_posix())
    assert hidden == KNOWN_HIDDEN, (
        f"new: {sorted(hidden - KNOWN_HIDDEN)}; fixed (remove from KNOWN_HIDDEN): "
        f"{sorted(KNOWN_HIDDEN - hidden)}"
    )


def test_lrelease_compiles_both_files(compiled: dict[str, Path]) -> None:
    assert set(compiled) == {"ru", "en"}


def test_russian_translator_translates_the_interface(compiled: dict[str, Path]) -> None:
    # A child process: a QCoreApplication made here would stop the UI tests' QApplication.
    script = textwrap.dedent(
        """
        import json, sys
        from PySide6.QtCore import QCoreApplication, QTranslator
        from app.core import i18n
        app = QCoreApplication([])
        result = {}
        for language, qm in json.loads(sys.argv[1]).items():
            translator = QTranslator()
            assert translator.load(qm), qm
            app.installTranslator(translator)
            t = QCoreApplication.translate
            result[language] = {
                "file": t("MainWindow", "&File"),
                "channels": [t("ClientListModel", "%n channel(s)", "", n) for n in (1, 3, 5, 21)],
                "status": t("SyncStatus", "Synced"),
            }
            i18n.set_translator(t)
            result[language]["core"] = i18n.translate("clients", "No client “{ref}”.")
            app.removeTranslator(translator)
        print(json.dumps(result, ensure_ascii=False))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps({k: str(v) for k, v in compiled.items()})],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ru"] == {
        "file": "&Файл",
        "channels": ["1 канал", "3 канала", "5 каналов", "21 канал"],
        "status": "Синхронизирован",
        "core": "Клиент «{ref}» не найден.",
    }
    assert result["en"]["channels"] == ["1 channel", "3 channels", "5 channels", "21 channels"]
    assert result["en"]["file"] == "&File"
