"""Stream the data rows of a CSV export as ImportedContact or RowProblem records."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from netui.io.csv_layout import CsvLayout
from netui.io.csv_rows import RowConverter
from netui.io.encoding import Encoding, open_text, text_lines
from netui.io.errors import ImportFileError
from netui.io.records import ImportedContact, ReadStats, RowProblem

# Fed to the csv reader after the last line: if it ends up inside a value, a quote
# opened somewhere was never closed.
_END = "\x00\x01netui-end-of-file\x01\x00"


def _nothing_found(path: Path, skipped: int) -> ImportFileError:
    if not skipped:
        return ImportFileError(
            path, "no contacts found (the file has a header row but no data rows)"
        )
    rows = f"the {skipped:,} row{'s' if skipped > 1 else ''} after the header"
    have = "have" if skipped > 1 else "has"
    return ImportFileError(path, f"no contacts found ({rows} {have} no name or other details)")


def read_csv(
    path: Path, encoding: Encoding, layout: CsvLayout, stats: ReadStats
) -> Iterator[ImportedContact | RowProblem]:
    """Yield one record per data row; raise ImportFileError if the file is unusable.

    Blank rows are counted in ``stats.skipped_blank``, not yielded. Row numbers count
    records as a spreadsheet shows them (a value spanning lines is one row).
    """
    converter = RowConverter(layout)
    convert, fit = converter.convert, converter.fit
    width = converter.width
    number = previous_line = 0
    contacts = problems = skipped = 0
    with open_text(path, encoding) as text:
        reader = csv.reader(chain(text_lines(path, text), (_END,)), delimiter=layout.delimiter)
        try:
            for _ in range(layout.header_index + 1):
                if next(reader, None) is None:
                    break
                number += 1
            previous_line = reader.line_num
            for row in reader:
                number += 1
                line = reader.line_num
                lines, previous_line = line - previous_line, line
                if len(row) != width or lines != 1 or width == 1:
                    if row == [_END]:
                        break
                    if row and row[-1].endswith(_END):
                        raise ImportFileError(
                            path,
                            f"row {number:,} (line {line - lines + 1:,}) opens a quote that is "
                            "never closed, so the rest of the file would be one value",
                        )
                    fitted = fit(row, number)
                    if fitted is None:
                        skipped += 1
                        continue
                    if lines > 1 and not isinstance(fitted, RowProblem):
                        fitted = converter.merged_rows(fitted, number, lines) or fitted
                    if isinstance(fitted, RowProblem):
                        problems += 1
                        yield fitted
                        continue
                    row = fitted
                item = convert(row, number, stats)
                if item is None:
                    skipped += 1
                elif type(item) is RowProblem:
                    problems += 1
                    yield item
                else:
                    contacts += 1
                    yield item
        except csv.Error as error:
            raise ImportFileError(
                path,
                f"row {number + 1:,} (line {previous_line + 1:,}) cannot be read ({error}); most "
                "likely a quote opened there is never closed",
            ) from None
        except OSError as error:
            raise ImportFileError(path, f"cannot be read ({error.strerror or error})") from None
        finally:
            stats.contacts += contacts
            stats.problems += problems
            stats.skipped_blank += skipped
    if not contacts and not problems:
        raise _nothing_found(path, skipped)
