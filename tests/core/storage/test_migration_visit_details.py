"""Migration 0006: visits imported before it keep every field after their packing into details."""

from __future__ import annotations

import sqlite3

from app.core.paths import Location
from app.core.storage.database import Database, sqlite_target
from app.core.storage.migrate import upgrade
from app.core.workspace import Workspace


def test_stored_visits_keep_their_fields(location: Location) -> None:
    db = Database(sqlite_target(location.database_file))
    try:
        upgrade(db, target="0005")
    finally:
        db.dispose()
    conn = sqlite3.connect(location.database_file)
    try:
        with conn:
            conn.execute(
                "INSERT INTO clients (id, name, name_key, domains, main_address, currency, notes,"
                " archived, created_at, updated_at) VALUES (1, 'Ромашка', 'ромашка', '[]', '',"
                " 'RUB', '', 0, '2026-01-02 03:04:05', '2026-01-02 03:04:05')"
            )
            conn.execute(
                "INSERT INTO visits (id, client_id, visit_key, source_format, analytics_visit_id,"
                " started_at, source, city, traffic_source, referrer, landing_page, os,"
                " browser, screen, page_views, is_new_visitor, contact_action, contact_page)"
                " VALUES (1, 1, 'k1', 'metrica', '9001', '2026-01-02 03:04:05.000000', 'yandex',"
                " 'Москва', 'ad', 'https://ya.ru/?q=окна', '/', 'android', 'chrome',"
                " '390x844', 4, 0, 'copy', 'a\x1fb')"
            )
            conn.execute(
                "INSERT INTO visits (id, client_id, visit_key, source_format, analytics_visit_id,"
                " started_at) VALUES (2, 1, 'k2', 'ga4-csv', '9002', '2026-01-02 03:04:05.000000')"
            )
    finally:
        conn.close()

    with Workspace.open(location) as ws:
        full, bare = sorted(ws.visits.recent(1), key=lambda v: v.id)
    assert (full.source, full.city, full.traffic_source, full.referrer) == (
        "yandex",
        "Москва",
        "ad",
        "https://ya.ru/?q=окна",
    )
    assert (full.landing_page, full.os, full.browser, full.screen) == (
        "/",
        "android",
        "chrome",
        "390x844",
    )
    assert (full.page_views, full.is_new_visitor, full.contact_action) == (4, False, "copy")
    assert full.contact_page == "a b"  # a separator inside a value becomes a space
    assert (full.content, full.country, full.ga_user_pseudo_id) == (None, None, None)
    assert (bare.traffic_source, bare.page_views, bare.is_new_visitor) == (None, None, None)
    conn = sqlite3.connect(location.database_file)
    try:
        assert conn.execute("SELECT details FROM visits WHERE id = 2").fetchone() == (None,)
    finally:
        conn.close()
