"""Composing addresses in each style, the token pattern, and Changes.addresses."""

from __future__ import annotations

import re

import pytest

from app.core.addresses.styles import (
    AddressSettings,
    AddressStyle,
    AliasForm,
    TokenMode,
    compose,
    token_example,
    token_pattern,
)
from app.core.addresses.tokens import ALPHABET
from app.core.changes import Changes

MAIN = "info@client.ru"


@pytest.mark.parametrize(
    ("style", "settings", "address"),
    [
        (AddressStyle.PLUS, AddressSettings(), "info+tv@client.ru"),
        (AddressStyle.PLUS, AddressSettings(plus_delimiter="-"), "info-tv@client.ru"),
        (AddressStyle.ALIAS, AddressSettings(), "info.tv@client.ru"),
        (AddressStyle.ALIAS, AddressSettings(alias_form=AliasForm.TAG), "tv@client.ru"),
    ],
)
def test_compose(style: AddressStyle, settings: AddressSettings, address: str) -> None:
    assert compose(style, "tv", MAIN, settings) == address


def test_custom_addresses_are_not_composed() -> None:
    with pytest.raises(ValueError, match="custom"):
        compose(AddressStyle.CUSTOM, "tv", MAIN, AddressSettings())


def test_token_patterns() -> None:
    assert token_pattern(MAIN, AddressSettings()) == ""
    assert token_example(MAIN, AddressSettings()) == ""
    plus = AddressSettings(token_mode=TokenMode.PLUS, token_length=5)
    assert token_pattern(MAIN, plus) == "info+{token}@client.ru"
    assert re.fullmatch(rf"info\+[{ALPHABET}]{{5}}@client\.ru", token_example(MAIN, plus))
    sub = AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain="in.client.ru")
    assert token_pattern(MAIN, sub) == "{token}@in.client.ru"


def test_changes_carry_addresses() -> None:
    a = Changes(addresses=frozenset({1}))
    b = Changes(clients=frozenset({2}), addresses=frozenset({3}))
    assert (a | b).addresses == {1, 3}
    assert (a | b).clients == {2}
    assert not a.empty
    assert Changes().empty
