"""Dynamic tracking end to end: the client's snippet on a local page in a real headless Chromium,
the analytics call it makes turned into a Metrica Logs API export, the export imported, an email
to the address the visitor saw, and the lead showing the visit's source, campaign, keyword, city
and device.

The browser fixture is the snippet tests' (Debian's chromium + chromedriver through Selenium).
"""

from __future__ import annotations

import dataclasses
import email.utils
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest

from app.core.addresses.styles import AddressSettings, TokenMode
from app.core.attribution.rules import draft
from app.core.attribution.store import LeadStore
from app.core.attribution.visits import attribute_visits
from app.core.clients.model import ClientFields
from app.core.leads.model import LeadQuery
from app.core.mail.message import parse_rfc822
from app.core.snippet import render_script
from app.core.visits.importer import import_visits
from app.core.visits.service import VisitSettings, snippet_settings, visit_for_lead
from app.core.workspace import Workspace
from tests.integration.test_snippet_browser import PAGES, WAIT_S, _wait
from tests.integration.test_snippet_browser import browser as browser  # noqa: PLC0414 - fixture

MOSCOW = ZoneInfo("Europe/Moscow")
COUNTER = 44147844


@pytest.fixture
def client_site(tmp_path: Path, sqlite_workspace: Workspace) -> Iterator[tuple[str, int]]:
    """The client's contact page with its own snippet, served locally; yields (URL, client id)."""
    ws = sqlite_workspace
    client = ws.clients.create(
        ClientFields(name="Окна Плюс", domains=("client.ru",), main_address="info@client.ru")
    ).value
    ws.addresses.save_settings(
        client.id, AddressSettings(token_mode=TokenMode.PLUS, token_length=8)
    )
    ws.visits.save_settings(
        client.id,
        VisitSettings(
            site_timezone="Europe/Moscow",
            snippet=(("metrica_counter_id", COUNTER), ("mode", "token")),
        ),
    )
    # chromedriver flags the browser as automated; here it stands for a person.
    settings = dataclasses.replace(snippet_settings(ws, client.id), skip_bots=False)
    root = tmp_path / "site"
    shutil.copytree(PAGES, root / "shop")
    (root / "shop" / "snippet.js").write_text(render_script(settings), "utf-8")

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", client.id
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=WAIT_S)


def metrica_export(
    path: Path, visit_id: str, started: datetime, landing: str, params: dict
) -> Path:
    """What the Logs API exports for the visit: Metrica's own traffic and geo fields, plus the
    visit params the snippet sent, as parallel arrays."""
    header = [
        "visitID", "counterID", "dateTime", "dateTimeUTC", "clientID", "startURL",
        "lastsignTrafficSource", "lastsignAdvEngine", "lastsignUTMSource", "lastsignUTMMedium",
        "lastsignUTMCampaign", "lastsignUTMTerm", "regionCountry", "regionCity",
        "deviceCategory", "operatingSystem", "browser", "screenWidth", "screenHeight",
        "parsedParamsKey1", "parsedParamsKey2",
    ]  # fmt: skip
    keys = "[" + ",".join(f"'{k}'" for k in params) + "]"
    values = "[" + ",".join(f"'{v}'" for v in params.values()) + "]"
    local = started.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M:%S")
    utc = started.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    row = [
        visit_id, str(COUNTER), local, utc, "17000000000000000001", landing,
        "ad", "ya_direct", "yandex", "cpc", "okna_msk", "пластиковые окна", "Russia", "Москва",
        "1", "linux", "chrome", "1280", "800", keys, values,
    ]  # fmt: skip
    path.write_text("\t".join(f"ym:s:{h}" for h in header) + "\n" + "\t".join(row) + "\n", "utf-8")
    return path


def test_a_visit_in_a_real_browser_becomes_the_leads_source(
    browser: Any, client_site: tuple[str, int], sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    url, client_id = client_site
    landing = (
        f"{url}/shop/analytics.html?utm_source=yandex&utm_medium=cpc&utm_campaign=okna_msk"
        f"&utm_term={quote('пластиковые окна')}"
    )
    visit_start = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=20)

    # 1. The visitor opens the page, interacts, sees their own address and clicks it.
    browser.get(landing)
    _wait(browser, "return document.readyState === 'complete' && !!window.mailsource")
    browser.execute_script("window.localStorage.clear();")
    browser.find_element("id", "poke").click()
    shown = str(
        _wait(
            browser,
            "var t = document.getElementById('mail').textContent;"
            "return t !== 'info@client.ru' && t;",
        )
    )
    browser.find_element("id", "mail").click()
    _wait(browser, "return window.__calls.some(function (c) { return c[3] && c[3].ec; })")
    token = shown.split("+")[1].split("@", maxsplit=1)[0]

    # 2. What Metrica received: only the token and the contact event, never an address.
    params: dict[str, str] = {}
    for call in browser.execute_script("return window.__calls"):
        if call[:3] == ["ym", COUNTER, "params"]:
            params.update(call[3])
    assert params["et"] == token
    assert params["ec"] == "click"
    assert "@" not in "".join(params.values())

    # 3. The visitor writes; the lead waits for its visit.
    message = MIMEText("Сколько стоит окно 120x140?", "plain", "utf-8")
    message["From"] = "buyer@mail.ru"
    message["To"] = shown
    message["Delivered-To"] = shown
    message["Subject"] = "Окно на дачу"
    received = visit_start + timedelta(minutes=15)
    message["Date"] = email.utils.format_datetime(received)
    message["Message-ID"] = "<e2e-visit@mail.ru>"
    client = ws.clients.get(client_id)
    store = LeadStore(
        client_id, own_domains=client.domains, book=ws.addresses.address_book(client_id)
    )
    with ws.db.engine.begin() as conn:
        store.add(
            conn,
            [draft(parse_rfc822(message.as_bytes()), store.book, received_at=received)],
            folder="INBOX",
        )
    [lead_id] = ws.leads.ids(LeadQuery(client_id))
    lead = ws.leads.get(lead_id)
    assert (lead.match_kind, lead.token) == ("token", token)
    assert attribute_visits(ws.db, client_id).waiting == 1

    # 4. The Metrica export of that visit is imported: the lead gets its visit.
    export = metrica_export(
        tmp_path / "visits.tsv", "9223372036854775809", visit_start, landing, params
    )
    result = import_visits(ws, client_id, export)
    assert (result.imported, result.attributed, result.waiting) == (1, 1, 0)

    match = visit_for_lead(ws, lead_id)
    assert match is not None and match.visit is not None
    visit = match.visit
    assert (match.kind, match.status, match.confidence) == ("token", "matched", 1.0)
    assert (visit.source, visit.medium, visit.campaign) == ("yandex", "cpc", "okna_msk")
    assert (visit.keyword, visit.city, visit.device) == ("пластиковые окна", "Москва", "desktop")
    assert (visit.contact_action, visit.contact_page) == ("click", "/shop/analytics.html")
    assert visit.analytics_visit_id == "9223372036854775809"  # above signed 64-bit, kept exact
