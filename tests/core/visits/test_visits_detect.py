"""Detection of format, encoding and delimiter, and files that cannot be imports at all."""

from __future__ import annotations

import codecs

import pytest

from app.core.visits import ImportFileError, VisitFormat, detect
from app.core.visits.encoding import guess_encoding
from tests.core.visits.conftest import Reader, Writer

TSV = "ym:s:visitID\tym:s:dateTime\tym:s:regionCity\n1\t2024-03-01 12:00:00\tМосква\n"


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TSV.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TSV.encode("utf-8"), "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE + TSV.encode("utf-16-le"), "UTF-16LE (BOM)"),
        (codecs.BOM_UTF16_BE + TSV.encode("utf-16-be"), "UTF-16BE (BOM)"),
        (TSV.encode("utf-16-le"), "UTF-16LE"),
        (TSV.encode("cp1251"), "windows-1251"),
    ],
)
def test_every_encoding_reads_the_same(
    write: Writer, read: Reader, data: bytes, label: str
) -> None:
    path = write("v.tsv", data)
    detection = detect(path)
    assert detection.encoding.label == label
    assert detection.format is VisitFormat.METRICA
    visits, report = read(path, site_timezone="UTC")
    assert report.rejected == []
    assert [(v.visit_id, v.city) for v in visits] == [("1", "Москва")]


def test_a_utf8_sample_cut_inside_a_character_is_still_utf8() -> None:
    data = ("a" * 10 + "Москва").encode("utf-8")
    assert guess_encoding(data[:-1]).label == "UTF-8"


def test_mixed_encodings_reject_only_the_bad_lines(write: Writer, read: Reader) -> None:
    data = TSV.encode("utf-8") + "2\t2024-03-01 12:00:00\tКазань\n".encode("cp1251")
    data += "3\t2024-03-01 12:00:00\tУфа\n".encode()
    visits, report = read(write("mixed.tsv", data), site_timezone="UTC")
    assert [v.city for v in visits] == ["Москва", "Уфа"]
    assert [(r.line, "encoding" in r.reason) for r in report.rejected] == [(3, True)]
    assert "\ufffd" in report.rejected[0].excerpt


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(write: Writer, delimiter: str) -> None:
    text = delimiter.join(["date", "utm_source", "city, region"]) + "\n"
    text += delimiter.join(["2024-03-01", "yandex", '"Moscow"']) + "\n"
    if delimiter == ",":
        text = 'date,utm_source,"city, region"\n2024-03-01,yandex,Moscow\n'
    detection = detect(write("d.csv", text))
    assert detection.delimiter == delimiter
    assert detection.header == ("date", "utm_source", "city, region")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"PK\x03\x04rest-of-zip", "Excel"),
        (b"\x1f\x8b\x08\x00", "compressed"),
        (bytes(range(256)) * 40, "not a text file"),
        (b'{"hello": "world"}\n', "neither a GA4 nor a Matomo"),
    ],
)
def test_files_that_are_not_exports(write: Writer, data: bytes, reason: str) -> None:
    with pytest.raises(ImportFileError, match=reason) as caught:
        detect(write("bad.bin", data))
    assert "bad.bin" in str(caught.value)


def test_a_missing_file(tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(ImportFileError, match=r"nothere\.tsv"):
        detect(Path(str(tmp_path)) / "nothere.tsv")


def test_the_format_can_be_forced(write: Writer) -> None:
    path = write("m.csv", "idVisit,firstActionTimestamp\n1,1709285400\n")
    assert detect(path).format is VisitFormat.MATOMO
    assert detect(path, forced=VisitFormat.CSV).format is VisitFormat.CSV


def test_a_header_only_file_warns(write: Writer, read: Reader) -> None:
    visits, report = read(write("h.tsv", "ym:s:visitID\tym:s:dateTime\n"), site_timezone="UTC")
    assert visits == []
    assert report.warnings == ["the file holds no visits"]
