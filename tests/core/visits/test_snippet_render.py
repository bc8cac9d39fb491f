"""Rendering the website snippet for a client's settings (the browser behaviour is tested in
``tests/integration/test_snippet_browser.py``)."""

from __future__ import annotations

import json
import re

import pytest

from app.core.addresses.tokens import ALPHABET as ADDRESS_ALPHABET
from app.core.addresses.tokens import read_token
from app.core.errors import ValidationError
from app.core.snippet import (
    TOKEN_ALPHABET,
    AddressStyle,
    SnippetSettings,
    installation_steps,
    is_token,
    minify_js,
    render_script,
    render_tag,
    source_path,
)
from app.core.visits import options

SETTINGS = SnippetSettings(
    base_addresses=("Info@Client.ru",),
    metrica_counter_id=12345,
    ga4=True,
    ga4_measurement_id="G-ABC123",
    matomo=True,
    matomo_dimension_id=3,
    selector=".contacts a, .email",
    storage_days=30,
)


def config_of(script: str) -> dict[str, object]:
    match = re.search(r"\}\)\((\{.*\})\);\s*$", script, re.DOTALL)
    assert match, script[-200:]
    return dict(json.loads(match.group(1)))


def test_the_script_carries_the_settings() -> None:
    config = config_of(render_script(SETTINGS))
    assert config["base"] == ["info@client.ru"]
    assert (config["mode"], config["style"], config["local"], config["domain"]) == (
        "token",
        "plus",
        "Info",
        "client.ru",
    )
    assert (config["metrica"], config["ga4"], config["ga4Id"]) == (12345, True, "G-ABC123")
    assert (config["matomo"], config["matomoDimension"]) == (True, 3)
    assert (config["selector"], config["days"], config["length"]) == (".contacts a, .email", 30, 8)
    assert SETTINGS.example_address() == "Info+k7x2m9ab@client.ru"


def test_minified_is_smaller_and_keeps_strings() -> None:
    readable = render_script(SETTINGS, minify=False)
    small = render_script(SETTINGS)
    assert len(small) < len(readable) * 0.7
    assert "/*" not in small.replace("*/", "")
    assert '"email_tracking"' in small
    assert TOKEN_ALPHABET in small
    assert render_tag(SETTINGS).startswith("<script>(function(config){")


def test_markup_in_settings_cannot_end_the_script_element() -> None:
    tricky = SnippetSettings(base_addresses=("a@b.ru",), selector="a[title='x</scr']")
    with pytest.raises(ValidationError):
        tricky.check()
    pool = SnippetSettings(base_addresses=("a@b.ru",), style=AddressStyle.POOL, pool=("x</b@b.ru",))
    with pytest.raises(ValidationError):
        render_script(pool)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"base_addresses": ()}, "base_addresses"),
        ({"base_addresses": ("not an address",)}, "base_addresses"),
        ({"token_length": 5}, "token_length"),
        ({"storage_days": 0}, "storage_days"),
        ({"style": AddressStyle.POOL}, "pool"),
        ({"style": AddressStyle.SUBDOMAIN}, "token_domain"),
        ({"metrica_counter_id": 0}, "metrica"),
        ({"ga4_measurement_id": "UA-1"}, "ga4"),
    ],
)
def test_settings_that_cannot_work(changes: dict[str, object], field: str) -> None:
    from dataclasses import replace

    with pytest.raises(ValidationError) as caught:
        replace(SETTINGS, **changes).check()  # type: ignore[arg-type]
    assert caught.value.field == field


def test_installation_steps_name_what_to_set_up() -> None:
    text = "\n".join(installation_steps(SETTINGS))
    assert "</body>" in text
    assert "Info+k7x2m9ab@client.ru" in text
    assert "12345" in text and "parsedParamsKey2" in text
    assert "email_shown" in text and "et, ei, ec, eu" in text
    assert "dimension 3" in text
    assert "30 days" in text
    sub = SnippetSettings(
        base_addresses=("info@client.ru",), style=AddressStyle.SUBDOMAIN, token_domain="in.c.ru"
    )
    assert "in.c.ru" in "\n".join(installation_steps(sub))
    assert sub.example_address() == "k7x2m9ab@in.c.ru"


def test_the_script_and_the_parsers_agree_on_names() -> None:
    source = source_path().read_text("utf-8")
    assert f'var ALPHABET = "{TOKEN_ALPHABET}";' in source
    for name in (options.TOKEN_PARAM, options.POOL_PARAM, options.ACTION_PARAM):
        assert f"params.{name}" in source or f"{name}: " in source
    assert "eu: page()" in source
    for text in (
        options.GA4_SHOWN_EVENT,
        options.GA4_CONTACT_EVENT,
        options.MATOMO_EVENT_CATEGORY,
        options.MATOMO_SHOWN_ACTION,
        options.MATOMO_POOL_PREFIX,
    ):
        assert f'"{text}' in source


def test_tokens() -> None:
    # The mail side's alphabet (Crockford): every token the script draws reads back unchanged.
    assert TOKEN_ALPHABET == ADDRESS_ALPHABET
    assert not set("ilou") & set(TOKEN_ALPHABET)
    assert is_token("k7x2m9ab")
    assert is_token("k7x2m0ab")
    assert not is_token("k7x2m")  # too short
    assert not is_token("k7x2moab")  # o is read as 0, so the script never draws it
    for token in ("k7x2m9ab", "0123abcd"):
        assert read_token(token, 8) == token


def test_the_minifier() -> None:
    source = r"""
    // a comment
    var a = 1 + +b; /* block */ var s = "it's // not a comment";
    var t = 'say "hi" \' there';
    function f(x) { return x / 2; }
    """
    expected = (
        r"""var a=1+ +b;var s="it's // not a comment";var t='say "hi" \' there';"""
        "function f(x){return x/2;}"
    )
    assert minify_js(source) == expected
    for unsupported in ("var r = /ab+c/;", "var t = `x`;", "var s = 'open", "/* open"):
        with pytest.raises(ValueError):
            minify_js(unsupported)
