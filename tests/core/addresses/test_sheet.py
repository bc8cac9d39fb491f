"""Sheet layout data: Unicode address, mailto URI and a QR matrix that decodes to it."""

from __future__ import annotations

from datetime import date

import segno

from app.core.addresses.sheet import build_sheet, mailto_uri, qr_matrix


def test_mailto_uses_the_ascii_domain_and_keeps_plus() -> None:
    assert mailto_uri("info+tv@xn--e1affem4a.xn--p1ai") == "mailto:info+tv@xn--e1affem4a.xn--p1ai"


def test_mailto_escapes_uri_delimiters() -> None:
    assert mailto_uri("a&b?c%d/e#f@client.ru") == "mailto:a%26b%3Fc%25d%2Fe%23f@client.ru"


def test_sheet_holds_what_is_printed() -> None:
    sheet = build_sheet(
        agency="Агентство",
        client="Ромашка",
        channel="Билборд",
        placement_notes="Ленина, 5",
        address="info+bilbord@xn--e1affem4a.xn--p1ai",
        valid_from=date(2026, 12, 1),
    )
    assert sheet.address == "info+bilbord@клиент.рф"
    assert sheet.address_ascii == "info+bilbord@xn--e1affem4a.xn--p1ai"
    assert sheet.mailto == "mailto:info+bilbord@xn--e1affem4a.xn--p1ai"
    assert "exactly this address" in sheet.instruction
    assert sheet.valid_from == date(2026, 12, 1)
    assert sheet.qr.size >= 21
    assert sheet.qr.quiet_zone == 4


def test_qr_matrix_is_the_symbol_of_the_uri() -> None:
    uri = "mailto:info+tv@client.ru"
    matrix = qr_matrix(uri)
    expected = segno.make(uri, error="m", micro=False)
    assert matrix.size == expected.symbol_size(border=0)[0]
    assert matrix.rows == tuple(tuple(bool(m) for m in row) for row in expected.matrix)
    # Finder pattern in the top-left corner: a dark 7x7 ring.
    assert all(matrix.rows[0][:7]) and all(matrix.rows[6][:7])
    assert not any(matrix.rows[1][1:6])
