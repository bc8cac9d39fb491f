"""The website snippet in a real headless Chromium, against local test pages.

Debian's ``chromium`` and ``chromium-driver`` packages drive it through Selenium; no browser is
downloaded. With ``CI=true`` a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.snippet import AddressStyle, SnippetSettings, render_script

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PAGES = Path(__file__).parent / "snippet_pages"
TOKEN = "[0123456789abcdefghjkmnpqrstvwxyz]{8}"
WAIT_S = 15

BASE = SnippetSettings(
    base_addresses=("info@client.ru",),
    metrica_counter_id=12345,
    ga4=True,
    matomo=True,
    matomo_dimension_id=3,
    skip_bots=False,  # chromedriver marks the browser as automated: count it as a person here
)
VARIANTS: dict[str, tuple[SnippetSettings, bool]] = {
    "plus": (BASE, True),
    "plus-readable": (BASE, False),
    "subdomain": (
        SnippetSettings(
            base_addresses=("info@client.ru",),
            style=AddressStyle.SUBDOMAIN,
            token_domain="in.client.ru",
            selector=".email",
            skip_bots=False,
        ),
        True,
    ),
    "pool": (
        SnippetSettings(
            base_addresses=("info@client.ru",),
            style=AddressStyle.POOL,
            pool=("sales1@client.ru", "sales2@client.ru", "sales3@client.ru"),
            metrica_counter_id=12345,
            skip_bots=False,
        ),
        True,
    ),
    "robots": (SnippetSettings(base_addresses=("info@client.ru",), metrica_counter_id=1), True),
}


def _browser_missing() -> str:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    return ", ".join(missing)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local web server with one folder per snippet variant; yields its base URL."""
    root = tmp_path_factory.mktemp("site")
    for name, (settings, minify) in VARIANTS.items():
        folder = root / name
        shutil.copytree(PAGES, folder)
        (folder / "snippet.js").write_text(render_script(settings, minify=minify), "utf-8")

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=WAIT_S)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module (storage is cleared per test)."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"headless Chromium is required in CI; missing: {missing}")
        pytest.skip(f"needs Debian's chromium and chromium-driver; missing: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Callable[[str], Any]]:
    """Open ``variant/page.html`` with empty storage; returns the driver."""

    def open_page(path: str) -> Any:
        browser.get(f"{site}/{path}")
        _wait(browser, "return document.readyState === 'complete' && !!window.mailsource")
        return browser

    browser.get(f"{site}/plus/bare.html")
    browser.delete_all_cookies()
    browser.execute_script("window.localStorage.clear();")
    browser.get_log("browser")  # drop what earlier tests left
    yield open_page


def _wait(driver: Any, script: str, *args: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(lambda d: d.execute_script(script, *args))


def _text(driver: Any, element_id: str) -> str:
    return str(driver.execute_script(f"return document.getElementById('{element_id}').textContent"))


def _href(driver: Any) -> str:
    return str(driver.execute_script("return document.getElementById('mail').getAttribute('href')"))


def _interact_click(driver: Any) -> None:
    driver.find_element("id", "poke").click()


def _interact_key(driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys("x").perform()


def _shown_address(driver: Any) -> str:
    return str(
        _wait(
            driver,
            "var t = document.getElementById('mail').textContent;"
            "return t !== 'info@client.ru' && t;",
        )
    )


def _calls(driver: Any) -> list[Any]:
    calls = driver.execute_script("return window.__calls.concat([['_paq_queue', window._paq]])")
    return list(calls)


def _severe_console(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


@pytest.mark.parametrize("variant", ["plus", "plus-readable"])
def test_address_appears_only_after_interaction_and_only_the_token_is_reported(
    page: Callable[[str], Any], variant: str
) -> None:
    driver = page(f"{variant}/analytics.html")

    # Loaded, but no one has touched the page: the main address and nothing reported.
    assert driver.execute_script("return window.mailsource.active") is False
    assert _text(driver, "mail") == "info@client.ru"
    assert _href(driver) == "mailto:info@client.ru?subject=Hello"
    assert "info@client.ru" in _text(driver, "plain")
    assert driver.execute_script("return window.__calls.length + window._paq.length") == 0

    _interact_click(driver)
    address = _shown_address(driver)
    assert re.fullmatch(rf"info\+({TOKEN})@client\.ru", address), address
    token = address.split("+")[1].split("@")[0]
    assert _href(driver) == f"mailto:{address}?subject=Hello"
    assert _text(driver, "plain") == f"Or copy the address {address} by hand."
    assert _text(driver, "other") == "Accounting: buh@client.ru"

    calls = _calls(driver)
    assert ["ym", 12345, "params", {"et": token}] in calls
    assert ["gtag", "event", "email_shown", {"et": token}] in calls
    assert calls[-1] == [
        "_paq_queue",
        [["setCustomDimension", 3, token], ["trackEvent", "email_tracking", "shown", token]],
    ]
    assert "@" not in json.dumps(calls)
    assert driver.execute_script("return window.__errors") == []


def test_token_survives_a_reload(page: Callable[[str], Any]) -> None:
    driver = page("plus/analytics.html")
    _interact_click(driver)
    first = _shown_address(driver)

    driver.refresh()
    _wait(driver, "return document.readyState === 'complete' && !!window.mailsource")
    assert _text(driver, "mail") == "info@client.ru"
    _interact_key(driver)
    assert _shown_address(driver) == first

    stored = driver.execute_script("return window.localStorage.getItem('ms_et')")
    assert stored.split("|")[0] == first.split("+")[1].split("@")[0]
    assert any(c["name"] == "ms_et" for c in driver.get_cookies())


def test_token_kept_in_a_cookie_when_local_storage_is_emptied(page: Callable[[str], Any]) -> None:
    driver = page("plus/analytics.html")
    _interact_click(driver)
    first = _shown_address(driver)
    driver.execute_script("window.localStorage.clear();")
    driver.refresh()
    _wait(driver, "return document.readyState === 'complete' && !!window.mailsource")
    _interact_click(driver)
    assert _shown_address(driver) == first


def test_click_and_copy_are_reported_with_the_page(page: Callable[[str], Any]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver = page("plus/analytics.html")
    _interact_click(driver)
    token = _shown_address(driver).split("+")[1].split("@")[0]

    driver.find_element("id", "mail").click()
    contact = {"ec": "click", "eu": "/plus/analytics.html", "et": token}
    _wait(
        driver,
        "return window.__calls.some(function (c) { return c[0] === 'ym' && c[3].ec === 'click'; })",
    )
    calls = _calls(driver)
    assert ["ym", 12345, "params", contact] in calls
    assert ["gtag", "event", "email_contact", contact] in calls

    driver.execute_script(
        "var r = document.createRange(); r.selectNodeContents(document.getElementById('plain'));"
        "var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
    )
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("c").key_up(Keys.CONTROL).perform()
    _wait(
        driver,
        "return window.__calls.some(function (c) { return c[0] === 'ym' && c[3].ec === 'copy'; })",
    )
    calls = _calls(driver)
    assert ["trackEvent", "email_tracking", "copy", "/plus/analytics.html"] in calls[-1][1]
    assert "@" not in json.dumps(calls)


def test_addresses_added_later_are_rewritten_too(page: Callable[[str], Any]) -> None:
    driver = page("plus/analytics.html")
    _interact_click(driver)
    address = _shown_address(driver)
    driver.execute_script(
        "var p = document.createElement('p'); p.id = 'late';"
        "p.innerHTML = '<a href=\"mailto:info@client.ru\">info@client.ru</a>';"
        "document.body.appendChild(p);"
    )
    _wait(driver, "return document.getElementById('late').textContent === arguments[0]", address)
    assert driver.execute_script(
        "return document.querySelector('#late a').getAttribute('href')"
    ) == (f"mailto:{address}")


def test_without_analytics_nothing_throws_and_only_the_selector_changes(
    page: Callable[[str], Any],
) -> None:
    driver = page("subdomain/bare.html")
    assert _text(driver, "plain") == "info@client.ru"
    _interact_key(driver)
    address = str(
        _wait(
            driver,
            "var t = document.getElementById('plain').textContent;"
            "return t !== 'info@client.ru' && t;",
        )
    )
    assert re.fullmatch(rf"{TOKEN}@in\.client\.ru", address), address
    # The link's href is rewritten (its base matched case-insensitively), its text is outside
    # the selector and so stays.
    assert _href(driver) == f"mailto:{address}"
    assert _text(driver, "outside") == "Not in the selected element: info@client.ru"
    driver.find_element("id", "mail").click()
    driver.execute_script(
        "var r = document.createRange(); r.selectNodeContents(document.getElementById('plain'));"
        "var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
        "document.dispatchEvent(new Event('copy'));"
    )
    assert driver.execute_script("return window.__errors") == []
    assert _severe_console(driver) == []


def test_fixed_pool_reports_the_index(page: Callable[[str], Any]) -> None:
    driver = page("pool/analytics.html")
    _interact_click(driver)
    address = _shown_address(driver)
    pool = VARIANTS["pool"][0].pool
    assert address in pool
    calls = _calls(driver)
    assert ["ym", 12345, "params", {"ei": pool.index(address)}] in calls
    assert "@" not in json.dumps(calls)
    driver.refresh()
    _wait(driver, "return document.readyState === 'complete' && !!window.mailsource")
    _interact_key(driver)
    assert _shown_address(driver) == address


def test_automated_browsers_keep_the_main_address(page: Callable[[str], Any]) -> None:
    driver = page("robots/analytics.html")
    assert driver.execute_script("return window.mailsource.skipped") == "robot"
    _interact_click(driver)
    _interact_key(driver)
    # Input events are dispatched before the WebDriver command returns, so this is final.
    assert driver.execute_script("return window.mailsource.active") is False
    assert _text(driver, "mail") == "info@client.ru"
    assert driver.execute_script("return window.__calls.length + window._paq.length") == 0
