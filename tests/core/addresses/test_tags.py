"""Tags from channel names: shape, length, uniqueness, look-alikes, user edits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.addresses.tags import (
    FALLBACK,
    MAX_GENERATED,
    MAX_TAG,
    clean_tag,
    shorten,
    suffixes,
    tag_from_name,
    unique_tag,
)
from app.core.errors import ValidationError

TAG_SHAPE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("ТВ", "tv"),
        ("Авито", "avito"),
        ("Яндекс.Карты", "iandeks-karty"),
        ("  Билборд №3 (Ленина)  ", "bilbord-no3-lenina"),  # № folds to "No"
        ("Наружная реклама, Ленина 5", "naruzhnaia-reklama"),
        ("CIAN", "cian"),
        ("!!!", FALLBACK),
        ("广告", FALLBACK),
    ],
)
def test_tag_from_name(name: str, tag: str) -> None:
    assert tag_from_name(name) == tag


def test_long_name_is_cut_at_a_word_boundary() -> None:
    tag = tag_from_name("Газета Вечерняя Москва, рубрика Недвижимость")
    assert tag == "gazeta-vecherniaia"
    assert len(tag) <= MAX_GENERATED


def test_one_long_word_is_cut_hard() -> None:
    assert shorten("a" * 30, 20) == "a" * 20
    assert shorten("ab-" + "c" * 30, 20) == "ab-" + "c" * 17


@given(st.text(max_size=80))
def test_any_name_gives_a_short_clean_tag(name: str) -> None:
    tag = tag_from_name(name)
    assert TAG_SHAPE.match(tag), tag
    assert len(tag) <= MAX_GENERATED
    assert clean_tag(tag) == tag  # a generated tag always passes the user-edit rules


def test_unique_tag_adds_numbers_from_two() -> None:
    assert unique_tag("tv", []) == "tv"
    assert unique_tag("tv", ["tv"]) == "tv2"
    assert unique_tag("tv", ["tv", "tv2", "TV3"]) == "tv4"


def test_unique_tag_after_a_digit_uses_a_hyphen() -> None:
    assert unique_tag("tv1", ["tv1"]) == "tv1-2"


def test_suffixes_skip_zero_and_one() -> None:
    gen = suffixes()
    first = [next(gen) for _ in range(20)]
    assert first[:8] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert all("0" not in str(n) and "1" not in str(n) for n in first)


def test_unique_tag_keeps_the_length_limit() -> None:
    base = "x" * MAX_GENERATED
    tag = unique_tag(base, [base])
    assert tag != base
    assert len(tag) <= MAX_GENERATED


@given(st.lists(st.sampled_from(["tv", "avito", "a", "bilbord-3"]), max_size=40))
def test_repeated_unique_tags_never_repeat(bases: list[str]) -> None:
    taken: set[str] = set()
    for base in bases:
        tag = unique_tag(base, taken)
        assert tag not in taken
        assert TAG_SHAPE.match(tag)
        taken.add(tag)


@pytest.mark.parametrize("value", ["TV", " tv ", "bill_board", "a-b-c", "x1"])
def test_clean_tag_accepts(value: str) -> None:
    assert clean_tag(value) == value.strip().lower()


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("", "empty"),
        ("тв", "“tv”"),
        ("tv+1", "Latin letters"),
        ("-tv", "Latin letters"),
        ("tv--1", "Latin letters"),
        ("tv.1", "Latin letters"),
        ("a" * (MAX_TAG + 1), "too long"),
    ],
)
def test_clean_tag_refuses_with_a_clear_message(value: str, hint: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_tag(value)
    assert err.value.field == "tag"
    assert hint in err.value.message
