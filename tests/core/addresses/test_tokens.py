"""Per-visit tokens: alphabet without look-alikes, lenient reading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.addresses.tokens import (
    ALPHABET,
    MAX_TOKEN_LENGTH,
    MIN_TOKEN_LENGTH,
    new_token,
    read_token,
)


def test_alphabet_has_no_look_alikes() -> None:
    assert len(ALPHABET) == 32
    assert len(set(ALPHABET)) == 32
    assert not set("ilou") & set(ALPHABET)


@given(st.integers(MIN_TOKEN_LENGTH, MAX_TOKEN_LENGTH))
def test_new_tokens_read_back_as_themselves(length: int) -> None:
    token = new_token(length)
    assert len(token) == length
    assert read_token(token, length) == token
    assert read_token(token.upper(), length) == token


def test_look_alikes_are_read_as_digits() -> None:
    assert read_token("k7xOmI", 6) == "k7x0m1"
    assert read_token("k7xoml", 6) == "k7x0m1"


@pytest.mark.parametrize("text", ["k7x2m", "k7x2m2z", "k7x2u!", "k7x-2m"])
def test_wrong_length_or_symbols_are_not_tokens(text: str) -> None:
    assert read_token(text, 6) is None


def test_length_outside_the_range_is_refused() -> None:
    with pytest.raises(ValueError, match="token length"):
        new_token(MIN_TOKEN_LENGTH - 1)
