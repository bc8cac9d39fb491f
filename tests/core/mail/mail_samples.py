"""Hand-built messages for the mail parsing tests (bytes, CRLF, as a server stores them)."""

from __future__ import annotations

import base64


def b_word(text: str, charset: str) -> str:
    """One RFC 2047 B-encoded word."""
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def split_words(text: str, charset: str, cut: int) -> str:
    """``text`` as two encoded words split after ``cut`` bytes (maybe mid-character)."""
    data = text.encode(charset)
    first, second = data[:cut], data[cut:]
    return (
        f"=?{charset}?B?{base64.b64encode(first).decode()}?= "
        f"=?{charset}?B?{base64.b64encode(second).decode()}?="
    )


def message(
    headers: dict[str, str | bytes] | list[tuple[str, str | bytes]] | None = None,
    body: bytes = b"Hello\r\n",
    *,
    content_type: str | None = "text/plain; charset=utf-8",
    encoding: str | None = None,
) -> bytes:
    """A message with sensible defaults; ``headers`` override or add fields.

    A str value is written as UTF-8; a bytes value as it is (undeclared 8-bit).
    """
    fields: list[tuple[str, str | bytes]] = [
        ("From", "Ivan Petrov <ivan@example.ru>"),
        ("To", "info+tv1@client.example"),
        ("Subject", "Hello"),
        ("Date", "Mon, 02 Mar 2026 10:15:00 +0300"),
        ("Message-ID", "<m1@example.ru>"),
        ("MIME-Version", "1.0"),
    ]
    extra = list(headers.items()) if isinstance(headers, dict) else list(headers or [])
    names = {name.lower() for name, _ in extra}
    fields = [(n, v) for n, v in fields if n.lower() not in names] + extra
    if content_type is not None and "content-type" not in names:
        fields.append(("Content-Type", content_type))
    if encoding is not None:
        fields.append(("Content-Transfer-Encoding", encoding))
    head = b"".join(
        f"{name}: ".encode()
        + (value.encode("utf-8") if isinstance(value, str) else value)
        + b"\r\n"
        for name, value in fields
    )
    return head + b"\r\n" + body
