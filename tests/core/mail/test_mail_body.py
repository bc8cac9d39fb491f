"""The text of a lead: charsets, partial quoted-printable/base64, HTML-only mail, the limit."""

from __future__ import annotations

import base64
import quopri

import pytest
from mail_samples import message

from app.core.mail import ProblemKind, parse_fetched, parse_rfc822
from app.core.mail.body import html_to_text

TEXT = "Здравствуйте! Хочу заказать доставку на завтра, 10:00. Иван.\nТелефон: +7 900 000-00-00"


def single_part(charset: str | None, encoding: str, size: int) -> tuple[object, ...]:
    """A text/plain BODYSTRUCTURE the way IMAPClient returns it."""
    params = (b"charset", charset.encode()) if charset else None
    return (b"text", b"plain", params, None, None, encoding.encode(), size, 2, None, None, None)


def encode(data: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        return base64.encodebytes(data).replace(b"\n", b"\r\n")
    if encoding == "quoted-printable":
        return quopri.encodestring(data).replace(b"\n", b"\r\n")
    return data


HEADER = (
    b"From: Ivan <ivan@example.ru>\r\nTo: info@client.example\r\nSubject: x\r\n"
    b"Date: Mon, 02 Mar 2026 10:15:00 +0300\r\n\r\n"
)


@pytest.mark.parametrize("charset", ["koi8-r", "windows-1251", "x-mac-cyrillic", "utf-8"])
@pytest.mark.parametrize("encoding", ["8bit", "quoted-printable", "base64"])
def test_declared_charsets(charset: str, encoding: str) -> None:
    codec = "mac-cyrillic" if charset == "x-mac-cyrillic" else charset
    body = encode(TEXT.encode(codec), encoding)
    parsed = parse_fetched(HEADER, single_part(charset, encoding, len(body)), body)
    assert parsed.text == TEXT
    assert parsed.problems == ()


@pytest.mark.parametrize("codec", ["koi8-r", "cp1251", "mac-cyrillic", "utf-8"])
@pytest.mark.parametrize("declared", [None, "us-ascii"])
def test_undeclared_8bit_text_is_detected(codec: str, declared: str | None) -> None:
    body = TEXT.encode(codec)
    parsed = parse_fetched(HEADER, single_part(declared, "8bit", len(body)), body)
    assert parsed.text == TEXT
    assert [p.kind for p in parsed.problems] == [ProblemKind.GUESSED_CHARSET]


def test_wrongly_declared_charset_is_guessed_and_recorded() -> None:
    body = TEXT.encode("cp1251")
    parsed = parse_fetched(HEADER, single_part("utf-8", "8bit", len(body)), body)
    assert parsed.text == TEXT
    assert [p.kind for p in parsed.problems] == [ProblemKind.GUESSED_CHARSET]


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
@pytest.mark.parametrize("codec", ["utf-8", "koi8-r"])
def test_partial_fetch_cut_anywhere_decodes_what_is_complete(encoding: str, codec: str) -> None:
    full_text = (TEXT + "\n") * 8
    body = encode(full_text.encode(codec), encoding)
    structure = single_part(codec, encoding, len(body))
    expected = parse_fetched(HEADER, structure, body).text
    assert expected.startswith("Здравствуйте!")
    for cut in range(len(body) + 1):
        text = parse_fetched(HEADER, structure, body[:cut]).text
        assert "\ufffd" not in text, cut
        # What was cut off is missing; what is there is exactly the start of the text.
        assert expected.startswith(text.rstrip()), (cut, text[-20:])
    assert len(parse_fetched(HEADER, structure, body[: len(body) // 2]).text) > 100


def test_broken_base64_and_qp_never_raise() -> None:
    for encoding, body in [
        ("base64", b"0J/RgNC4!!!0LLQtd\r\n====GQ\r\n@@"),
        ("base64", b"="),
        ("quoted-printable", b"=D0=9F=D1=80=XX=\r\n=D0"),
        ("x-uuencode", b"begin 644 file\r\n`\r\nend\r\n"),
    ]:
        parsed = parse_fetched(HEADER, single_part("utf-8", encoding, 999), body)
        assert isinstance(parsed.text, str)


def test_text_is_cut_at_1000_characters() -> None:
    body = ("слово " * 400).encode()
    parsed = parse_fetched(HEADER, single_part("utf-8", "8bit", len(body)), body)
    assert len(parsed.text) <= 1000
    assert parsed.text.startswith("слово слово")


HTML = """<html><head><title>Письмо</title><style>p {color: red}</style>
<script>alert("x")</script></head>
<body><div>Добрый&nbsp;день!</div><p>Хочу   заказать<br>диван &amp; кресло.</p>
<table><tr><td>Цена</td><td>10&#8239;000 ₽</td></tr></table>
<!-- tracking comment --><img src="cid:logo" alt="Логотип"><ul><li>один</li><li>два</li></ul>
</body></html>"""


def test_html_only_mail_becomes_plain_text() -> None:
    text = html_to_text(HTML)
    assert "alert" not in text and "color" not in text and "Письмо" not in text
    assert "tracking" not in text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:3] == ["Добрый день!", "Хочу заказать", "диван & кресло."]
    assert "Цена 10\u202f000 ₽" in text
    assert "Логотип" in text and "один" in lines and "два" in lines


def test_html_charset_from_meta_tag() -> None:
    html = '<html><head><meta charset="koi8-r"></head><body><p>Привет</p></body></html>'
    raw = message(
        body=html.encode("koi8-r"), content_type="text/html", encoding="8bit"
    )  # no charset parameter on the part
    assert parse_rfc822(raw).text == "Привет"


def test_alternative_prefers_plain_and_falls_back_to_html() -> None:
    both = message(
        body=(
            b"--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n"
            b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version\r\n--b--\r\n"
        ),
        content_type='multipart/alternative; boundary="b"',
    )
    assert parse_rfc822(both).text == "Plain version"
    html_only = message(
        body=(
            b"--r\r\nContent-Type: text/html; charset=windows-1251\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes("<p>Только <b>HTML</b></p>".encode("cp1251"))
            + b"\r\n--r\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\n"
            b"Content-Disposition: inline; filename=logo.png\r\n\r\niVBORw0KGgo=\r\n--r--\r\n"
        ),
        content_type='multipart/related; boundary="r"',
    )
    parsed = parse_rfc822(html_only)
    assert parsed.text == "Только HTML"
    assert parsed.attachment_names == ()  # the inline logo is part of the HTML, not a file


def test_utf8_mislabelled_as_a_cyrillic_code_page() -> None:
    body = TEXT.encode("utf-8")
    parsed = parse_fetched(HEADER, single_part("koi8-r", "8bit", len(body)), body)
    assert parsed.text == TEXT
    assert [p.kind for p in parsed.problems] == [ProblemKind.GUESSED_CHARSET]


def test_utf8_read_through_a_code_page_is_repaired() -> None:
    # (No "И": its second UTF-8 byte, 0x98, is the one byte cp1251 leaves undefined.)
    text = "Здравствуйте! Хочу заказать доставку на завтра."
    garbled = text.encode("utf-8").decode("cp1251")
    body = garbled.encode("utf-8")
    parsed = parse_fetched(HEADER, single_part("utf-8", "8bit", len(body)), body)
    assert parsed.text == text
