"""Encoding detection: BOMs, UTF-16 without a BOM, UTF-8, legacy code pages."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import ImportedContact, read_contacts, sniff
from netui.io.encoding import HEAD_SIZE

Write = Callable[..., Path]

TEXT = "Name,Company\nZoë Ångström,Fjordline Maritime\nRenée Lefèvre,Café Noël\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_detection(write: Write, data: bytes, expected: str) -> None:
    path = write("people.csv", data)

    info = sniff(path)
    zoe, renee = read_contacts(path)

    assert info.encoding == expected
    assert info.columns == ("Name", "Company")
    assert isinstance(zoe, ImportedContact)
    assert zoe.full_name == "Zoë Ångström"
    assert isinstance(renee, ImportedContact)
    assert renee.company == "Café Noël"


def test_legacy_bytes_far_into_a_file_are_still_found(write: Write) -> None:
    # The first 64 KB are plain ASCII; the only accented name comes much later.
    filler = "".join(f"Person {i},Corvid Logistics\n" for i in range(5_000))
    assert len(filler) > HEAD_SIZE
    path = write("people.csv", "Name,Company\n" + filler + "José Müller,Café Noël\n", "cp1252")

    items = list(read_contacts(path))

    assert sniff(path).encoding == "cp1252"
    last = items[-1]
    assert isinstance(last, ImportedContact)
    assert last.full_name == "José Müller"


def test_cyrillic_code_page(write: Write) -> None:
    names = ["Алексей Смирнов", "Ольга Кузнецова", "Дмитрий Волков", "Наталья Попова"]
    text = "Name,Company\n" + "".join(f"{name},Северный Ветер\n" for name in names)
    path = write("people.csv", text, "cp1251")

    items = list(read_contacts(path))

    assert sniff(path).encoding == "cp1251"
    assert [item.full_name for item in items if isinstance(item, ImportedContact)] == names


def test_mixed_line_endings(write: Write) -> None:
    path = write(
        "people.csv", "Name,Company\r\nMei Lin,Greenmark\rRavi Iyer,Oakhaven\nAmara Eze,\r\n"
    )

    items = list(read_contacts(path))

    assert [item.full_name for item in items if isinstance(item, ImportedContact)] == [
        "Mei Lin",
        "Ravi Iyer",
        "Amara Eze",
    ]
    assert [item.row_number for item in items] == [2, 3, 4]
