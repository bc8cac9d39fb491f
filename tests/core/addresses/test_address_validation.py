"""Address syntax, RFC 5321 lengths, IDNA, the client's domains, the settings."""

from __future__ import annotations

import pytest

from app.core.addresses.styles import AddressSettings, TokenMode
from app.core.addresses.validation import (
    MAX_ADDRESS,
    MAX_LOCAL,
    address_key,
    check_client_domain,
    check_not_main,
    clean_settings,
    display_address,
    parse_address,
)
from app.core.errors import ValidationError

RF = "xn--p1ai"  # .рф


def test_idn_domain_is_stored_in_idna_and_shown_in_unicode() -> None:
    address = parse_address(" Info+TV@Клиент.РФ ")
    assert address.ascii == f"Info+TV@xn--e1affem4a.{RF}"
    assert address.unicode == "Info+TV@клиент.рф"
    assert address.key == f"info+tv@xn--e1affem4a.{RF}"
    assert display_address(address.ascii) == "Info+TV@клиент.рф"


def test_both_domain_forms_give_the_same_key() -> None:
    assert parse_address("info@client.рф").key == parse_address(f"INFO@client.{RF}").key


def test_local_part_of_64_is_fine_65_is_not() -> None:
    assert parse_address("a" * MAX_LOCAL + "@client.ru").local == "a" * MAX_LOCAL
    with pytest.raises(ValidationError) as err:
        parse_address("a" * (MAX_LOCAL + 1) + "@client.ru")
    assert err.value.field == "address"
    assert "a" * (MAX_LOCAL + 1) in err.value.message


def test_whole_address_over_254_is_refused() -> None:
    domain = ".".join(["d" * 60] * 4) + ".ru"  # 247 characters
    local = "a" * (MAX_ADDRESS - len(domain))  # one too many with the "@"
    with pytest.raises(ValidationError, match="too long"):
        parse_address(f"{local}@{domain}")


@pytest.mark.parametrize(
    "bad",
    ["", "info", "info@", "@client.ru", "in fo@client.ru", "a..b@client.ru", "инфо@client.ru",
     "info@client", '"quoted"@client.ru', "Name <info@client.ru>", "info@[127.0.0.1]"],
)  # fmt: skip
def test_bad_syntax_names_the_field_and_value(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_address(bad, field="custom")
    assert err.value.field == "custom"
    if bad:
        assert bad in err.value.message


def test_address_must_be_on_a_client_domain() -> None:
    address = parse_address("tv@other.ru")
    with pytest.raises(ValidationError) as err:
        check_client_domain(address, ["client.ru", f"client.{RF}"])
    assert "client.рф" in err.value.message
    assert "tv@other.ru" in err.value.message
    check_client_domain(parse_address("tv@CLIENT.RU"), ["client.ru"])
    check_client_domain(parse_address("tv@client.рф"), [f"client.{RF}"])


def test_address_must_not_be_the_main_address() -> None:
    with pytest.raises(ValidationError, match="main address"):
        check_not_main(parse_address("INFO@client.ru"), "info@client.ru")
    check_not_main(parse_address("info+tv@client.ru"), "info@client.ru")
    check_not_main(parse_address("info@client.ru"), "")


def test_address_key_is_lower_case() -> None:
    assert address_key("Info+TV@Client.RU") == "info+tv@client.ru"


def test_settings_defaults_are_valid() -> None:
    assert clean_settings(AddressSettings(), "info@client.ru", ["client.ru"]) == AddressSettings()


def test_settings_refuse_a_delimiter_inside_the_main_address() -> None:
    with pytest.raises(ValidationError) as err:
        clean_settings(AddressSettings(plus_delimiter="-"), "sales-team@client.ru", ["client.ru"])
    assert err.value.field == "plus_delimiter"
    clean_settings(AddressSettings(plus_delimiter="-"), "info@client.ru", ["client.ru"])


def test_settings_refuse_unknown_delimiters_and_lengths() -> None:
    with pytest.raises(ValidationError) as err:
        clean_settings(AddressSettings(plus_delimiter="="), "info@client.ru", ["client.ru"])
    assert err.value.field == "plus_delimiter"
    with pytest.raises(ValidationError) as err:
        clean_settings(AddressSettings(token_length=3), "info@client.ru", ["client.ru"])
    assert err.value.field == "token_length"


def test_token_subdomain_is_idna_and_under_a_client_domain() -> None:
    cleaned = clean_settings(
        AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain="In.Клиент.рф"),
        "info@клиент.рф",
        [f"xn--e1affem4a.{RF}"],
    )
    assert cleaned.token_domain == f"in.xn--e1affem4a.{RF}"
    with pytest.raises(ValidationError) as err:
        clean_settings(
            AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain="in.other.ru"),
            "info@client.ru",
            ["client.ru"],
        )
    assert err.value.field == "token_domain"
    assert "in.other.ru" in err.value.message
    with pytest.raises(ValidationError) as err:
        clean_settings(
            AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain="not a domain"),
            "info@client.ru",
            ["client.ru"],
        )
    assert err.value.field == "token_domain"


def test_plus_tokens_need_a_main_address() -> None:
    with pytest.raises(ValidationError) as err:
        clean_settings(AddressSettings(token_mode=TokenMode.PLUS), "", ["client.ru"])
    assert err.value.field == "token_mode"
