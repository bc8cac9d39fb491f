"""BODYSTRUCTURE as IMAPClient returns it: the text part to fetch and the attachment names."""

from __future__ import annotations

import base64

from imapclient.response_types import BodyData
from mail_samples import message

from app.core.mail import (
    choose_text_part,
    header_fetch_item,
    parse_fetched,
    parse_rfc822,
    structure_of,
    text_fetch_item,
)
from app.core.mail.bodystructure import decode_params

# multipart/mixed( multipart/alternative(text/plain, text/html), application/pdf with an
# RFC 2231 continued, percent-encoded UTF-8 name, image/jpeg with an RFC 2047 name,
# message/rfc822 ) -- in IMAPClient's shapes: BodyData.create nests the parts in a list.
PLAIN = (b"text", b"plain", (b"charset", b"koi8-r"), None, None, b"quoted-printable", 120, 3,
         None, None, None, None)  # fmt: skip
HTML = (b"text", b"html", (b"charset", b"utf-8"), None, None, b"base64", 400, 6, None, None,
        None, None)  # fmt: skip
PDF = (b"application", b"pdf", (b"name", b"=?UTF-8?B?0KHRh9C10YIucGRm?="), None, None,
       b"base64", 5000, None,
       (b"attachment", (b"filename*0*", b"utf-8''%D0%A1%D1%87%D0%B5%D1%82%20", b"filename*1*",
                        b"%E2%84%96%205.pdf")),
       None, None)  # fmt: skip
JPEG = (b"image", b"jpeg", (b"name", b"=?windows-1251?B?9O7y7i5qcGc=?="), None, None,
        b"base64", 9000, None, None, None, None)  # fmt: skip
EML = (b"message", b"rfc822", None, None, None, b"7bit", 700, (None,) * 10, PLAIN, 20, None,
       None, None, None)  # fmt: skip
STRUCTURE = BodyData.create(
    (
        (PLAIN, HTML, b"alternative", (b"boundary", b"alt"), None, None, None),
        PDF,
        JPEG,
        EML,
        b"mixed",
        (b"boundary", b"mix"),
        None,
        None,
        None,
    )
)


def test_structure_tree_sections_and_names() -> None:
    root = structure_of(STRUCTURE)
    assert root.content_type == "multipart/mixed"
    sections = [(p.section, p.content_type) for p in root.walk()]
    assert sections == [
        ("TEXT", "multipart/mixed"),
        ("1", "multipart/alternative"),
        ("1.1", "text/plain"),
        ("1.2", "text/html"),
        ("2", "application/pdf"),
        ("3", "image/jpeg"),
        ("4", "message/rfc822"),
    ]
    part = choose_text_part(root)
    assert part is not None and part.section == "1.1" and part.charset == "koi8-r"
    assert text_fetch_item(part, 4096) == ("BODY.PEEK[1.1]<0.4096>", b"BODY[1.1]<0>")


def test_parse_fetched_with_the_partial_text_part() -> None:
    header_item, header_key = header_fetch_item()
    assert header_item.startswith("BODY.PEEK[HEADER.FIELDS (FROM TO CC DATE SUBJECT ")
    assert header_key == header_item.replace(".PEEK", "").encode()
    header = (
        b"From: =?koi8-r?B?6dfBzg==?= <ivan@example.ru>\r\n"
        b"Date: Mon, 02 Mar 2026 10:15:00 +0300\r\nSubject: x\r\n\r\n"
    )
    text = "Нужен счёт".encode("koi8-r")
    qp = b"".join(b"=%02X" % byte for byte in text)
    parsed = parse_fetched(header, STRUCTURE, qp[:-1])  # cut inside the last escape
    assert parsed.sender_name == "Иван"
    assert parsed.text == "Нужен счё"
    assert parsed.attachment_names == ("Счет № 5.pdf", "фото.jpg", "message.eml")


def test_rfc2231_and_rfc2047_parameters() -> None:
    assert decode_params([("filename*", "windows-1251''%D1%F7%E5%F2.xls")]) == {
        "filename": "Счет.xls"
    }
    # RFC 2231 wins over the plain (RFC 2047 or 8-bit) value of the same name.
    assert decode_params([("NAME", "=?utf-8?B?0KE=?="), ("name*", "utf-8'ru'%D0%A1%D1%87")]) == {
        "name": "Сч"
    }
    assert decode_params([("name", "Прайс.pdf".encode("cp1251"))]) == {"name": "Прайс.pdf"}
    assert decode_params([("filename*1", "b.txt"), ("filename*0", "a")]) == {"filename": "ab.txt"}


def test_full_message_and_fetched_pieces_agree() -> None:
    pdf_name = "Коммерческое предложение.pdf"
    raw = message(
        {"From": "=?utf-8?B?0JzQsNGA0LjRjw==?= <maria@example.ru>", "Cc": "sales@client.example"},
        body=(
            b"--mix\r\nContent-Type: text/plain; charset=windows-1251\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes("Добрый день, пришлите прайс.".encode("cp1251"))
            + b"\r\n--mix\r\nContent-Type: application/pdf\r\n"
            b"Content-Disposition: attachment;\r\n filename*=utf-8''"
            + "".join(f"%{b:02X}" for b in pdf_name.encode()).encode()
            + b"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--mix--\r\n"
        ),
        content_type='multipart/mixed; boundary="mix"',
    )
    whole = parse_rfc822(raw)
    assert whole.sender_name == "Мария"
    assert whole.text == "Добрый день, пришлите прайс."
    assert whole.attachment_names == (pdf_name,)
    assert [r.address for r in whole.recipients] == [
        "info+tv1@client.example",
        "sales@client.example",
    ]
    # The same message as the sync sees it: header fields, a structure, the part's prefix.
    structure = structure_of(
        BodyData.create(
            (
                (
                    b"text",
                    b"plain",
                    (b"charset", b"windows-1251"),
                    None,
                    None,
                    b"base64",
                    42,
                    1,
                    None,
                    None,
                    None,
                    None,
                ),
                (
                    b"application",
                    b"pdf",
                    None,
                    None,
                    None,
                    b"base64",
                    10,
                    None,
                    (
                        b"attachment",
                        (
                            b"filename*",
                            b"utf-8''" + "".join(f"%{b:02X}" for b in pdf_name.encode()).encode(),
                        ),
                    ),
                    None,
                    None,
                ),
                b"mixed",
                (b"boundary", b"mix"),
                None,
                None,
                None,
            )
        )
    )
    header_block = raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    part = choose_text_part(structure)
    assert part is not None
    body = base64.encodebytes("Добрый день, пришлите прайс.".encode("cp1251"))
    assert parse_fetched(header_block, structure, body) == whole


def test_text_prefix_of_a_multipart_body_cut_anywhere() -> None:
    from email import policy
    from email.parser import BytesParser

    from app.core.mail import text_prefix_fetch_item
    from app.core.mail.bodystructure import from_message

    assert text_prefix_fetch_item(2048) == ("BODY.PEEK[TEXT]<0.2048>", b"BODY[TEXT]<0>")
    plain = "Добрый день! Пришлите, пожалуйста, прайс на диваны.\n--\nМария"
    raw = message(
        body=(
            b'--m\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n'
            b"--a\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(plain.encode())
            + b"--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML</p>\r\n--a--\r\n"
            b"--m\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\nJVBERi0=\r\n--m--\r\n"
        ),
        content_type='multipart/mixed; boundary="m"',
    )
    header, body = raw.split(b"\r\n\r\n", 1)
    structure = from_message(BytesParser(policy=policy.compat32).parsebytes(raw))
    full = parse_fetched(header + b"\r\n\r\n", structure, body, text_section="TEXT")
    assert full.text == plain
    assert full == parse_rfc822(raw)
    texts = set()
    for cut in range(len(body) + 1):
        text = parse_fetched(header + b"\r\n\r\n", structure, body[:cut], text_section="TEXT").text
        assert plain.startswith(text), (cut, text)
        texts.add(text)
    assert len(texts) > 10  # the text grows with the prefix, a quantum at a time
