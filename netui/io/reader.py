"""The entry points: sniff a file, then stream its contacts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from netui.io.csv_layout import CsvLayout, find_layout
from netui.io.csv_reader import read_csv
from netui.io.encoding import Encoding, detect
from netui.io.errors import ImportFileError
from netui.io.formats import FORMATS, check_mapping
from netui.io.records import ImportedContact, ReadStats, RowProblem, SourceInfo
from netui.io.vcard_reader import read_vcards

VCARD_SUFFIXES = (".vcf", ".vcard")


@dataclass(frozen=True, slots=True)
class _Plan:
    info: SourceInfo
    encoding: Encoding
    layout: CsvLayout | None  # None for vCard files


def _looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD"


def _plan(path: str | PathLike[str], format: str, mapping: Mapping[str, str] | None) -> _Plan:
    path = Path(path)
    chosen = format.strip().lower()
    if chosen not in FORMATS:
        raise ImportFileError(
            path, f'unknown import format "{format}" (formats are: {", ".join(FORMATS)})'
        )
    checked = check_mapping(path, mapping or {})
    head = detect(path)
    if chosen == "vcard" or (
        chosen == "auto" and (path.suffix.lower() in VCARD_SUFFIXES or _looks_like_vcard(head.text))
    ):
        if checked:
            raise ImportFileError(path, "a column mapping applies to CSV files, not vCards")
        if "BEGIN:VCARD" not in head.text.upper():
            raise ImportFileError(path, "no vCards found (there is no BEGIN:VCARD line)")
        info = SourceInfo(path, "vcard", head.encoding.name, None, (), {})
        return _Plan(info, head.encoding, None)
    layout = find_layout(path, head.text, head.complete, chosen, checked)
    if head.complete and not layout.has_data:
        raise ImportFileError(
            path, "no contacts found (the file has a header row but no data rows)"
        )
    info = SourceInfo(
        path,
        layout.format,
        head.encoding.name,
        layout.delimiter,
        layout.columns,
        {
            column: field
            for column, field in zip(layout.columns, layout.fields, strict=True)
            if field
        },
    )
    return _Plan(info, head.encoding, layout)


def sniff(
    path: str | PathLike[str], format: str = "auto", mapping: Mapping[str, str] | None = None
) -> SourceInfo:
    """Detect a file's format, encoding, delimiter and columns without reading its rows.

    Only the start of the file is decoded and parsed (a start that is mostly binary
    data is refused); the rest is skimmed once, as bytes, to check the encoding. A NUL
    byte in a row does not sink the file: reading reports that row as damaged.

    ``format`` is ``"auto"`` or one of ``linkedin``, ``google``, ``outlook``, ``csv``
    (any other CSV, mapped by header synonyms) and ``vcard``. ``mapping`` is
    ``{column header: field}`` and overrides the automatic column mapping (field
    ``"ignore"`` drops a column). Raises :class:`ImportFileError` if the file is
    unusable.
    """
    return _plan(path, format, mapping).info


def _iterate(plan: _Plan, stats: ReadStats) -> Iterator[ImportedContact | RowProblem]:
    if plan.layout is None:
        return read_vcards(plan.info.path, plan.encoding, stats)
    return read_csv(plan.info.path, plan.encoding, plan.layout, stats)


def read_contacts(
    path: str | PathLike[str],
    format: str = "auto",
    mapping: Mapping[str, str] | None = None,
    *,
    stats: ReadStats | None = None,
) -> Iterator[ImportedContact | RowProblem]:
    """Stream one :class:`ImportedContact` or :class:`RowProblem` per data row or card.

    The file is checked before this returns (an unusable one raises
    :class:`ImportFileError` here); some damage only shows further in (a quote that is
    never closed, no contacts at all) and raises the same error during iteration.
    Memory use does not grow with the file. Pass a :class:`ReadStats` to learn how many
    blank rows were skipped.
    """
    return _iterate(_plan(path, format, mapping), stats if stats is not None else ReadStats())


class ContactReader:
    """``read_contacts`` with its :class:`SourceInfo` and :class:`ReadStats` at hand.

    >>> reader = ContactReader(path)              # doctest: +SKIP
    >>> reader.info.format, reader.info.encoding  # doctest: +SKIP
    >>> for item in reader: ...                   # doctest: +SKIP
    >>> reader.stats.skipped_blank                # doctest: +SKIP
    """

    def __init__(
        self,
        path: str | PathLike[str],
        format: str = "auto",
        mapping: Mapping[str, str] | None = None,
    ) -> None:
        self._plan = _plan(path, format, mapping)
        self.info = self._plan.info
        self.stats = ReadStats()

    def __iter__(self) -> Iterator[ImportedContact | RowProblem]:
        return _iterate(self._plan, self.stats)
