"""The alias CSV for the mail admin and the provider instructions."""

from __future__ import annotations

import csv
import io

import pytest

from app.core.addresses.alias_export import (
    AliasRow,
    Provider,
    alias_csv,
    instructions,
)

ROWS = [
    AliasRow("tv@xn--e1affem4a.xn--p1ai", "info@xn--e1affem4a.xn--p1ai", "ТВ"),
    AliasRow("info.radio@xn--e1affem4a.xn--p1ai", "info@xn--e1affem4a.xn--p1ai", "=cmd()"),
]


def test_csv_is_utf8_with_bom_and_readable() -> None:
    data = alias_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Address", "Address (as people read it)", "Deliver to mailbox", "Channel"]
    assert rows[1] == [
        "tv@xn--e1affem4a.xn--p1ai",
        "tv@клиент.рф",
        "info@xn--e1affem4a.xn--p1ai",
        "ТВ",
    ]
    assert data.count(b"\r\n") == 3


def test_csv_cells_cannot_become_formulas() -> None:
    rows = list(csv.reader(io.StringIO(alias_csv(ROWS).decode("utf-8-sig"))))
    assert rows[2][3] == "'=cmd()"


def test_semicolon_csv_for_russian_excel() -> None:
    assert b"tv@xn--e1affem4a.xn--p1ai;tv@" in alias_csv(ROWS, delimiter=";")


def test_microsoft_plus_addressing_switch() -> None:
    text = instructions(
        Provider.MICROSOFT_365, main_address="info@client.ru", alias_count=0, plus_addressing=True
    )
    assert "Set-OrganizationConfig -DisablePlusAddressInRecipients $false" in text


@pytest.mark.parametrize("provider", list(Provider))
def test_every_provider_has_alias_steps_naming_the_mailbox(provider: Provider) -> None:
    text = instructions(provider, main_address="info@xn--e1affem4a.xn--p1ai", alias_count=3)
    assert "info@клиент.рф" in text
    assert "3" in text
    assert "test email" in text


def test_alias_limit_warning() -> None:
    text = instructions(Provider.YANDEX_360, main_address="info@client.ru", alias_count=11)
    assert "at most 10 aliases" in text
    assert "at most 10" not in instructions(
        Provider.YANDEX_360, main_address="info@client.ru", alias_count=10
    ).replace("up to 10", "")


def test_token_subdomain_needs_a_catch_all() -> None:
    text = instructions(
        Provider.OTHER,
        main_address="info@client.ru",
        alias_count=0,
        token_domain="in.xn--e1affem4a.xn--p1ai",
    )
    assert "in.клиент.рф" in text
    assert "catch-all" in text
