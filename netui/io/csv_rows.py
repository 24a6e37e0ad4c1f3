"""Turn one CSV row (a list of cells) into an ImportedContact or a RowProblem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from netui.domain.contact_uid import usable_uid
from netui.io.contact_builder import (
    MAX_FIELD_LENGTH,
    build_contact,
    clean_emails,
    clean_phones,
    clean_tags,
    compose_name,
    find_linkedin,
    linkedin_url,
)
from netui.io.csv_layout import CsvLayout
from netui.io.dates import is_empty_date, parse_date
from netui.io.formats import ADDRESS_BOOK_FORMATS, NAME_FIELDS
from netui.io.nameless import describe_details, stand_in_name
from netui.io.names import clean_name_part, split_full_name
from netui.io.records import ImportedContact, ReadStats, RowProblem
from netui.io.text import clean_line, clean_multiline

_SINGLE = (
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "name_suffix",
    "nickname",
    "display_name",
    "company",
    "title",
    "linkedin_url",
    "how_we_met",
    "connected_on",
    "uid",
)
_MULTI = ("emails", "phones", "tags", "website", "notes")

#: Distinct connection dates remembered per file (a 20-year export has ~7,300).
_DATE_CACHE_SIZE = 16384

_Convert = Callable[[list[str], int, ReadStats], "ImportedContact | RowProblem | None"]


def _quoted(names: list[str]) -> str:
    return "/".join(f'"{name}"' for name in names)


class RowConverter:
    """Follows a layout's column fields; ``convert`` is the per-row hot path.

    In the fast path, absent fields read column -1, an empty cell appended to each row,
    so there are no branches for them.
    """

    def __init__(self, layout: CsvLayout) -> None:
        self.columns = layout.columns
        self.width = len(layout.columns)
        self.delimiter = layout.delimiter
        groups: dict[str, list[int]] = {}
        for index, field in enumerate(layout.fields):
            if field is not None:
                groups.setdefault(field, []).append(index)
        self.groups = {field: tuple(indices) for field, indices in groups.items()}
        self.used = tuple(sorted(index for indices in groups.values() for index in indices))
        self.notes_columns = frozenset(groups.get("notes", ()))
        # One column per field, and no " ::: " lists: the fast path applies.
        self.simple = layout.format != "google" and all(len(i) == 1 for i in groups.values())
        at = {field: indices[0] for field, indices in groups.items()}
        self._at = tuple(at.get(field, -1) for field in (*_SINGLE, *_MULTI))
        #: Whether a row with only a company is that organisation's card, named by it.
        self.company_cards = layout.format in ADDRESS_BOOK_FORMATS
        looked_at = NAME_FIELDS | {"company"} if self.company_cards else NAME_FIELDS
        names = sorted(i for f in looked_at for i in groups.get(f, ()))
        plural = len(names) > 1
        #: The start of a nameless row's reason; :meth:`nameless` completes it.
        self.no_name = (
            f"no name{' or company' if self.company_cards else ''} "
            f"(column{'s' if plural else ''} {_quoted([self.columns[i] for i in names])} "
            f"{'are' if plural else 'is'} empty"
        )
        #: ``convert(row, row_number, stats)``: the record for a full-width row, or None
        #: for a row with nothing to import. The row may be changed.
        self.convert: _Convert = self._make_fast() if self.simple else self._convert_general

    # -- rows that need a closer look -------------------------------------------------

    def fit(self, row: list[str], number: int) -> list[str] | RowProblem | None:
        """Pad a short row, or refuse one with extra values; None for a blank row."""
        if not any(cell.strip() for cell in row):
            return None
        if len(row) < self.width:
            return row + [""] * (self.width - len(row))
        if any(cell.strip() for cell in row[self.width :]):
            return RowProblem(
                number,
                f"has {len(row)} values but the header has {self.width} columns "
                "(is a value containing the delimiter missing its quotes?)",
            )
        return row[: self.width]

    def merged_rows(self, row: list[str], number: int, lines: int) -> RowProblem | None:
        """A one-line value that swallowed whole rows: a stray quote closed much later."""
        for index in self.used:
            cell = row[index]
            if index in self.notes_columns or cell.count("\n") < 2:
                continue
            if cell.count(self.delimiter) >= max(2, self.width - 2):
                return RowProblem(
                    number,
                    f'the "{self.columns[index]}" value runs over {lines} lines and looks '
                    "like several rows run together (a quote opened in this row is "
                    "closed only much later)",
                )
        return None

    def damaged(self, row: list[str], number: int) -> RowProblem | None:
        """A row holding a NUL: the file was damaged there, so none of its values is trusted.

        The rest of the file still goes in; only a file that is mostly such bytes is
        refused as a whole (see ``netui.io.encoding.BINARY_LINE_SHARE``).
        """
        for index, cell in enumerate(row[: self.width]):
            if "\x00" in cell:
                name = self.columns[index]
                column = f'"{name}"' if name else f"column {index + 1}"
                return RowProblem(
                    number,
                    f"is damaged: its {column} value holds a NUL byte, which no text export "
                    "contains (check this row in the file and add the person by hand)",
                )
        return None

    def nameless(self, number: int, details: str) -> RowProblem:
        """A row with ``details`` (see describe_details) but nothing to call anyone by."""
        return RowProblem(number, f"{self.no_name}; the row has only {details})")

    def _stand_in(self, display: str, nickname: str, company: str) -> tuple[str, bool]:
        return stand_in_name(display, nickname, company, company_cards=self.company_cards)

    def _too_long(self, row: list[str], number: int) -> RowProblem | None:
        for index in self.used:
            if len(row[index]) > MAX_FIELD_LENGTH:
                return RowProblem(
                    number,
                    f'the "{self.columns[index]}" value is {len(row[index]):,} characters '
                    f"long (the limit is {MAX_FIELD_LENGTH:,})",
                )
        return None

    # -- the hot path -----------------------------------------------------------------

    def _make_fast(self) -> _Convert:
        """The per-row conversion for one-column-per-field layouts, as a closure.

        Everything it needs is bound to local names, which is what makes it quick.
        """
        (
            full_at,
            first_at,
            middle_at,
            last_at,
            suffix_at,
            nickname_at,
            display_at,
            company_at,
            title_at,
            url_at,
            met_at,
            date_at,
            uid_at,
            emails_at,
            phones_at,
            tags_at,
            website_at,
            notes_at,
        ) = self._at
        # Only first and last name columns: no stand-in for a missing name to look for.
        plain_name = (
            middle_at < 0
            and suffix_at < 0
            and nickname_at < 0
            and display_at < 0
            and not self.company_cards
        )
        too_long, damaged, nameless = self._too_long, self.damaged, self.nameless
        stand_in = self._stand_in
        strip, limit = str.strip, MAX_FIELD_LENGTH
        dates: dict[str, date] = {}
        new = tuple.__new__

        def convert(
            row: list[str], number: int, stats: ReadStats
        ) -> ImportedContact | RowProblem | None:
            row.append("")  # what the -1 of an absent field reads
            joined = "".join(row)
            if joined.isprintable():
                if len(joined) > limit and (problem := too_long(row, number)):
                    return problem
                cells = list(map(strip, row) if "  " not in joined else map(clean_line, row))
                notes = cells[notes_at]
            else:
                if "\x00" in joined:
                    return damaged(row, number)
                if max(map(len, row)) > limit and (problem := too_long(row, number)):
                    return problem
                cells = list(map(clean_line, row))
                notes = clean_multiline(row[notes_at])
            first = cells[first_at]
            last = cells[last_at]
            full = cells[full_at]
            of_company = False
            if not full:
                if plain_name:
                    full = f"{first} {last}" if first and last else first or last
                else:
                    full = compose_name(first, cells[middle_at], last, cells[suffix_at])
                    if not full:
                        full, of_company = stand_in(
                            cells[display_at], cells[nickname_at], cells[company_at]
                        )
            email = cells[emails_at]
            emails = clean_emails([email]) if email else ()
            phone = cells[phones_at]
            phones = clean_phones([phone]) if phone else ()
            url = cells[url_at]
            if url:
                url = url if url[:4] == "http" else linkedin_url(url)
            elif cells[website_at]:
                url = find_linkedin([cells[website_at]])
            if not full:
                if (
                    cells[company_at]
                    or cells[title_at]
                    or cells[met_at]
                    or emails
                    or phones
                    or url
                    or notes
                ):
                    details = describe_details(
                        cells[company_at],
                        cells[title_at],
                        emails,
                        phones,
                        url,
                        notes,
                        cells[met_at],
                    )
                    return nameless(number, details)
                return None
            if first or last:
                # A one-word name needs no cleaning (clean_name_part checks the same):
                # skipping the call matters when every row has two.
                first_name = first if first.isalpha() or not first else clean_name_part(first)
                last_name = last if last.isalpha() or not last else clean_name_part(last)
            elif of_company:
                first_name = last_name = ""  # an organisation's card has no person's name
            else:
                first_name, last_name = split_full_name(full)
            date_text = cells[date_at]
            connected = None
            if date_text:
                # A plain dict in front of parse_date: an export repeats a few thousand
                # dates over and over, and a dict lookup is far cheaper than a call.
                connected = dates.get(date_text)
                if connected is None:
                    connected = parse_date(date_text)
                    if connected is not None and len(dates) < _DATE_CACHE_SIZE:
                        dates[date_text] = connected
            if connected is None and date_text and not is_empty_date(date_text):
                stats.warn(number, f'could not read the connection date "{date_text[:40]}"')
            tags = cells[tags_at]
            uid = cells[uid_at]
            # tuple.__new__ straight away: the same record as ImportedContact(...) without
            # the call through NamedTuple's generated __new__.
            return new(
                ImportedContact,
                (
                    number,
                    full,
                    first_name,
                    last_name,
                    cells[company_at],
                    cells[title_at],
                    emails,
                    phones,
                    url,
                    notes,
                    clean_tags([tags]) if tags else (),
                    cells[met_at],
                    connected,
                    usable_uid(uid) if uid else "",
                ),
            )

        return convert

    # -- several columns per field (Google, Outlook, some hand-made files) --------------

    def _one(self, row: list[str], field: str) -> str:
        for index in self.groups.get(field, ()):
            cell = row[index]
            if cell:
                if ":::" in cell:
                    cell = cell.split(":::", 1)[0]
                if value := clean_line(cell):
                    return value
        return ""

    def _all(self, row: list[str], field: str) -> list[str]:
        cleaned = (clean_line(row[i]) for i in self.groups.get(field, ()) if row[i])
        return [value for value in cleaned if value]

    def _convert_general(
        self, row: list[str], number: int, stats: ReadStats
    ) -> ImportedContact | RowProblem | None:
        if "\x00" in "".join(row) and (problem := self.damaged(row, number)):
            return problem
        if max(map(len, row)) > MAX_FIELD_LENGTH and (problem := self._too_long(row, number)):
            return problem
        one = self._one
        first, last = one(row, "first_name"), one(row, "last_name")
        full = one(row, "full_name") or compose_name(
            first, one(row, "middle_name"), last, one(row, "name_suffix")
        )
        company, title, met = one(row, "company"), one(row, "title"), one(row, "how_we_met")
        of_company = False
        if not full:
            full, of_company = self._stand_in(
                one(row, "display_name"), one(row, "nickname"), company
            )
        emails = clean_emails(self._all(row, "emails"))
        phones = clean_phones(self._all(row, "phones"))
        url = one(row, "linkedin_url")
        url = linkedin_url(url) if url else find_linkedin(self._all(row, "website"))
        notes = "\n\n".join(
            text
            for text in (clean_multiline(row[i]) for i in self.groups.get("notes", ()) if row[i])
            if text
        )
        if not full:
            if company or title or emails or phones or url or notes or met:
                return self.nameless(
                    number,
                    describe_details(company, title, emails, phones, url, notes, met),
                )
            return None
        return build_contact(
            number,
            full_name=full,
            first=first,
            last=last,
            company=company,
            title=title,
            emails=emails,
            phones=phones,
            linkedin=url,
            notes=notes,
            tags=clean_tags(self._all(row, "tags")),
            how_we_met=met,
            connected_on=one(row, "connected_on"),
            uid=usable_uid(one(row, "uid")),
            stats=stats,
            derive_names=not of_company,
        )
