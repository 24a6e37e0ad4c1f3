"""The small pieces: text cleaning, name splitting, date reading."""

from __future__ import annotations

from datetime import date

import pytest

from netui.io.dates import parse_date
from netui.io.names import clean_name_part, split_full_name
from netui.io.text import clean_line, clean_multiline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Tidewell   Systems ", "Tidewell Systems"),
        ("Tide\x1b[1;31mwell\x1b[0m", "Tidewell"),
        ("Tide\x1b]0;pwned\x07well", "Tidewell"),
        ("Tide\x00well\x7f", "Tidewell"),
        ("Tide\u202ewell\u2066", "Tidewell"),
        ("two\r\nlines\tand\u00a0more", "two lines and more"),
        ("\ufeffBOM", "BOM"),
        ("Zoë 🚀", "Zoë 🚀"),
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_clean_multiline_keeps_newlines_only() -> None:
    raw = "  First line  \r\nSecond\tline\x1b[2J\rThird\x0bline\u2028Fourth\n\n"

    assert clean_multiline(raw) == "First line\nSecond line\nThird\nline\nFourth"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Whitfield", "Whitfield"),
        ("Whitfield, PMP", "Whitfield"),
        ("Raman, MBA, CSM", "Raman"),
        ("Adler, Ph.D.", "Adler"),
        ("Ortega, SHRM-CP", "Ortega"),
        ("Desai CFA", "Desai"),
        ("Nguyen, CPA®", "Nguyen"),
        ("Voss (she/her)", "Voss"),
        ("Hoshino (they/them)", "Hoshino"),
        ("Oyelaran 🚀", "Oyelaran"),
        ("✨Grace✨", "Grace"),
        ("Dr. Priya", "Priya"),
        ("Mensah | Hiring!", "Mensah"),
        ("van der Berg", "van der Berg"),
        ("O'Rourke-Hale", "O'Rourke-Hale"),
        ("Smith, Jr.", "Smith"),
        ("Mary Ann", "Mary Ann"),
        ("Ma", "Ma"),
        ("Lin MA", "Lin MA"),  # two letters without a comma: could be a surname
    ],
)
def test_clean_name_part(raw: str, expected: str) -> None:
    assert clean_name_part(raw) == expected


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Dana Whitfield", ("Dana", "Whitfield")),
        ("Dana Whitfield, PMP", ("Dana", "Whitfield")),
        ("Dr. Priya N. Raman, PhD", ("Priya", "Raman")),
        ("Okafor, Chidi", ("Chidi", "Okafor")),
        ("Whitfield, Dana, PMP", ("Dana", "Whitfield")),
        ("Anouk van der Berg", ("Anouk", "van der Berg")),
        ("Cher", ("Cher", "")),
        ("Lena Voss (she/her) 🌿", ("Lena", "Voss")),
        ("🚀", ("", "")),
        ("", ("", "")),
    ],
)
def test_split_full_name(full: str, expected: tuple[str, str]) -> None:
    assert split_full_name(full) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 Feb 2025", date(2025, 2, 7)),
        ("7 Sept 2019", date(2019, 9, 7)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("13/8/18", date(2018, 8, 13)),  # cannot be month first
        ("23-Nov-21", date(2021, 11, 23)),
        ("16.09.2021", date(2021, 9, 16)),
        ("09.16.2021", date(2021, 9, 16)),  # cannot be day first
        ("2021-09-16T10:11:12Z", date(2021, 9, 16)),
        ("September 16th, 2021", date(2021, 9, 16)),
        ("0/0/00", None),
        ("", None),
        ("31 Feb 2021", None),
        ("yesterday", None),
        ("99/99/99", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected
