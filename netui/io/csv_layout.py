"""Find a CSV file's delimiter and header row (after any preamble), and map its columns."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from netui.io.errors import ImportFileError
from netui.io.formats import (
    NAME_FIELDS,
    apply_mapping,
    auto_fields,
    clean_header,
    detect_format,
    known_field,
    normalize_header,
)

DELIMITERS = (",", ";", "\t")
_HEADER_SCAN = 100  # records to look through for the header (LinkedIn's preamble is 3)
_SAMPLE_RECORDS = 300


@dataclass(frozen=True, slots=True)
class CsvLayout:
    delimiter: str
    header_index: int  # 0-based record number of the header row
    columns: tuple[str, ...]
    format: str
    fields: tuple[str | None, ...]  # the field each column feeds, None if not imported
    has_data: bool  # whether a non-blank row follows the header in the decoded start


def _records(text: str, delimiter: str, complete: bool) -> list[list[str]]:
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # A damaged start is reported, with its row, when the rows are read.
    with contextlib.suppress(csv.Error):
        records.extend(islice(reader, _SAMPLE_RECORDS))
    if not complete and len(records) < _SAMPLE_RECORDS:
        records = records[:-1]  # the last record may be cut off mid-way
    return records


def _score(cells: list[str], user_columns: Mapping[str, object]) -> tuple[int, bool]:
    recognized, has_name = 0, False
    for cell in cells:
        header = normalize_header(cell)
        if not header:
            continue
        field = known_field(header)
        if header in user_columns:
            recognized += 1
            has_name = True  # trust the user; a missing name is reported later
        elif field is not None:
            recognized += 1
            has_name = has_name or field in NAME_FIELDS
    return recognized, has_name


def _consistency(records: list[list[str]], header_index: int) -> int:
    width = len(records[header_index])
    return sum(1 for record in records[header_index + 1 :] if len(record) == width)


def _unusable(path: Path, text: str, records: list[list[str]], reason: str) -> ImportFileError:
    start = text.lstrip()
    if start[:1] in ("{", "["):
        return ImportFileError(path, "looks like a JSON file, not a CSV export")
    if start[:11].upper() == "BEGIN:VCARD":
        return ImportFileError(path, "is a vCard file, not a CSV file")
    first = next((record for record in records if any(cell.strip() for cell in record)), [])
    columns = [clean_header(cell) for cell in first if clean_header(cell)]
    shown = ", ".join(f'"{column}"' for column in columns[:12])
    if len(columns) > 12:
        shown += f" and {len(columns) - 12} more"
    found = f"its first row has {shown}" if columns else "it has no header row"
    return ImportFileError(
        path,
        f"{reason}: {found}; none of them is a name column (map a column to "
        "full_name, first_name or last_name)",
    )


def find_layout(
    path: Path,
    text: str,
    complete: bool,
    format: str,
    mapping: Mapping[str, tuple[str, str]],
) -> CsvLayout:
    """Work out the layout from the decoded start of the file.

    The header is the row, among the first hundred, that the most cells recognizable as
    contact columns; the delimiter is the one that makes such a row. Raises
    :class:`ImportFileError` when no row looks like a header with a name column.
    """
    best: tuple[tuple[int, int, int, int], str, list[list[str]]] | None = None
    parsed: dict[str, list[list[str]]] = {}
    for preference, delimiter in enumerate(DELIMITERS):
        records = parsed[delimiter] = _records(text, delimiter, complete)
        for index, record in enumerate(records[:_HEADER_SCAN]):
            recognized, has_name = _score(record, mapping)
            if recognized >= 2 or (recognized and has_name):
                key = (recognized, -index, _consistency(records, index), -preference)
                if best is None or key > best[0]:
                    best = (key, delimiter, records)
    if best is None:
        records = max(parsed.values(), key=lambda rs: len(rs[0]) if rs else 0)
        raise _unusable(path, text, records, "no usable name column")
    (_, minus_index, _, _), delimiter, records = best
    header_index = -minus_index
    columns = tuple(clean_header(cell) for cell in records[header_index])
    normalized = [normalize_header(column) for column in columns]
    if format == "auto":
        format = detect_format(normalized)
    fields = apply_mapping(path, columns, auto_fields(normalized, format), mapping)
    if not NAME_FIELDS & set(filter(None, fields)):
        raise _unusable(path, text, records[header_index:], "no usable name column")
    has_data = any(any(cell.strip() for cell in record) for record in records[header_index + 1 :])
    return CsvLayout(delimiter, header_index, columns, format, tuple(fields), has_data)
