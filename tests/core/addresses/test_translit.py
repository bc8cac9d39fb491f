"""ICAO Doc 9303 transliteration, letter by letter and on real channel names."""

from __future__ import annotations

import pytest

from app.core.addresses.translit import ICAO_9303, transliterate

# The Russian table of ICAO Doc 9303 (as in Russian passports since 2014).
ICAO_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip


@pytest.mark.parametrize(("cyrillic", "latin"), sorted(ICAO_RUSSIAN.items()))
def test_every_russian_letter_follows_icao(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin
    assert transliterate(cyrillic.upper()) == latin


def test_table_covers_the_whole_russian_alphabet() -> None:
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    assert set(alphabet) <= set(ICAO_9303)


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("Щёлково", "shchelkovo"),
        ("Хабаровск", "khabarovsk"),
        ("Объявление", "obieiavlenie"),
        ("Юлия", "iuliia"),
        ("Йошкар-Ола", "ioshkar-ola"),
        ("Подъезд", "podieezd"),
        ("Соль", "sol"),
        ("Cafe Müller", "cafe muller"),
        ("ТВ 1", "tv 1"),
        ("Ґанок Їжак Єва", "ganok izhak ieva"),
    ],
)
def test_names(name: str, latin: str) -> None:
    assert transliterate(name) == latin


def test_decomposed_input_is_composed_first() -> None:
    # "й" typed as "и" + combining breve (some macOS keyboards, copy-paste from PDFs).
    assert transliterate("и\u0306ога") == "ioga"


def test_other_scripts_are_kept_for_the_caller_to_drop() -> None:
    assert transliterate("广告") == "广告"
