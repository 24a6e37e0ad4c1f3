"""Which export a CSV header comes from, and which field each of its columns feeds."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from netui.io.errors import ImportFileError

FORMATS = ("auto", "linkedin", "google", "outlook", "csv", "vcard")

#: Field names a column can feed: the fields of ImportedContact, plus a few that only
#: help build them (a middle name or suffix goes into full_name, a display name or a
#: nickname stands in for a missing name, a website that is a LinkedIn profile becomes
#: linkedin_url).
FIELDS = (
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "name_suffix",
    "nickname",
    "display_name",
    "company",
    "title",
    "emails",
    "phones",
    "linkedin_url",
    "website",
    "notes",
    "tags",
    "how_we_met",
    "connected_on",
    "uid",
)
#: The field name that makes a mapping drop a column.
IGNORE = "ignore"
NAME_FIELDS = frozenset(("full_name", "first_name", "last_name", "nickname", "display_name"))
#: Formats whose rows are address-book cards. A card there with no person's name but a
#: company is that organisation's own card, and is named by its company, as the address
#: books themselves show it; in other files a row without a name is a row missing one.
ADDRESS_BOOK_FORMATS = frozenset(("google", "outlook"))

_FIELD_ALIASES = {
    "name": "full_name",
    "fullname": "full_name",
    "first": "first_name",
    "given_name": "first_name",
    "middle": "middle_name",
    "last": "last_name",
    "surname": "last_name",
    "family_name": "last_name",
    "suffix": "name_suffix",
    "display": "display_name",
    "email": "emails",
    "phone": "phones",
    "linkedin": "linkedin_url",
    "url": "linkedin_url",
    "note": "notes",
    "tag": "tags",
    "labels": "tags",
    "met": "how_we_met",
    "position": "title",
    "organization": "company",
    "skip": IGNORE,
    "none": IGNORE,
}

_LINKEDIN = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "linkedin_url",
    "email address": "emails",
    "company": "company",
    "position": "title",
    "connected on": "connected_on",
}
_GOOGLE = {
    "name": "full_name",
    "first name": "first_name",
    "given name": "first_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "last_name",
    "family name": "last_name",
    "name suffix": "name_suffix",
    "nickname": "nickname",
    "file as": "display_name",
    "organization name": "company",
    "organization title": "title",
    "notes": "notes",
    "labels": "tags",
    "group membership": "tags",
}
_GOOGLE_NUMBERED = (
    (re.compile(r"e-mail \d+ - value"), "emails"),
    (re.compile(r"phone \d+ - value"), "phones"),
    (re.compile(r"website \d+ - value"), "website"),
    (re.compile(r"organization \d+ - name"), "company"),
    (re.compile(r"organization \d+ - title"), "title"),
)
_OUTLOOK = {
    "first name": "first_name",
    "middle name": "middle_name",
    "last name": "last_name",
    "suffix": "name_suffix",
    "nickname": "nickname",
    "company": "company",
    "job title": "title",
    "e-mail address": "emails",
    "e-mail 2 address": "emails",
    "e-mail 3 address": "emails",
    "e-mail display name": "display_name",
    "e-mail 2 display name": "display_name",
    "e-mail 3 display name": "display_name",
    "mobile phone": "phones",
    "primary phone": "phones",
    "business phone": "phones",
    "business phone 2": "phones",
    "home phone": "phones",
    "home phone 2": "phones",
    "other phone": "phones",
    "company main phone": "phones",
    "car phone": "phones",
    "notes": "notes",
    "categories": "tags",
    "web page": "website",
    "personal web page": "website",
}
_TABLES: dict[str, dict[str, str]] = {
    "linkedin": _LINKEDIN,
    "google": _GOOGLE,
    "outlook": _OUTLOOK,
}

# Header synonyms for any other CSV, keyed by the header squashed to [a-z0-9].
_SYNONYMS = {
    key: field
    for field, keys in (
        ("full_name", "name fullname displayname contactname contact person fn"),
        ("first_name", "first firstname givenname given forename preferredname"),
        ("middle_name", "middle middlename additionalname"),
        ("last_name", "last lastname surname familyname family"),
        ("name_suffix", "suffix namesuffix"),
        ("nickname", "nickname nick"),
        (
            "company",
            "company companyname organization organisation organizationname "
            "organisationname org employer currentcompany workplace",
        ),
        ("title", "title jobtitle position role job occupation currentposition headline"),
        (
            "emails",
            "email emails emailaddress emailaddresses mail workemail personalemail primaryemail",
        ),
        (
            "phones",
            "phone phones phonenumber mobile mobilephone mobilenumber cell cellphone tel "
            "telephone workphone homephone",
        ),
        (
            "linkedin_url",
            "linkedin linkedinurl linkedinprofile linkedinprofileurl profileurl url profile",
        ),
        ("website", "website web webpage homepage site"),
        ("notes", "notes note comments comment remarks description"),
        ("tags", "tags tag labels label categories category groups group groupmembership lists"),
        (
            "how_we_met",
            "met howwemet howmet wheremet wherewemet howweknoweachother howiknowthem context "
            "metat metthrough",
        ),
        ("connected_on", "connectedon connected dateconnected connectiondate"),
        ("uid", "uid vcarduid contactuid"),  # netui's own CSV export has one
    )
    for key in keys.split()
}

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\xa0 \t\r\n\"'"
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_TRAILING_NUMBER = re.compile(r"\d+$")


def clean_header(cell: str) -> str:
    """A header cell as shown to the user: stray BOMs, quotes and spaces trimmed."""
    cell = cell.replace("ï»¿", "").strip(_INVISIBLE)
    return " ".join(cell.split())


def normalize_header(cell: str) -> str:
    return clean_header(cell).lower()


def _synonym(header: str) -> str | None:
    squashed = _NOT_ALNUM.sub("", header)
    return _SYNONYMS.get(squashed) or _SYNONYMS.get(_TRAILING_NUMBER.sub("", squashed))


def _table_field(format: str, header: str) -> str | None:
    table = _TABLES.get(format)
    if table is None:
        return None
    if field := table.get(header):
        return field
    if format == "google":
        for pattern, field in _GOOGLE_NUMBERED:
            if pattern.fullmatch(header):
                return field
    return None


def known_field(header: str) -> str | None:
    """The field a (normalized) header feeds in any known format, if any."""
    return (
        _table_field("linkedin", header)
        or _table_field("google", header)
        or _table_field("outlook", header)
        or _synonym(header)
    )


def detect_format(headers: Sequence[str]) -> str:
    """'linkedin', 'google', 'outlook' or 'csv', from normalized header cells."""
    names = set(headers)
    if "connected on" in names and ("first name" in names or "last name" in names):
        return "linkedin"
    if (
        "group membership" in names
        or {"given name", "family name"} <= names
        or ("labels" in names and ({"file as", "organization name"} & names))
        or any(pattern.fullmatch(h) for h in names for pattern, _ in _GOOGLE_NUMBERED[:2])
    ):
        return "google"
    if "e-mail address" in names and (
        {"job title", "business phone", "mobile phone", "given yomi", "categories"} & names
    ):
        return "outlook"
    return "csv"


def auto_fields(headers: Sequence[str], format: str) -> list[str | None]:
    """The field each normalized header feeds in ``format`` (None: not imported).

    LinkedIn and plain CSV files also map columns a person added by header synonyms;
    Google and Outlook files do not (their "Title" is "Dr." or "Ms.", not a job title).
    """
    fields: list[str | None] = []
    for header in headers:
        field = _table_field(format, header)
        if field is None and format in ("linkedin", "csv"):
            field = _synonym(header)
        fields.append(field)
    return fields


def normalize_field(name: str) -> str:
    key = "_".join(name.strip().lower().replace("-", " ").split())
    return _FIELD_ALIASES.get(key, key)


def check_mapping(path: Path, mapping: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Validate a ``{column: field}`` mapping.

    Returns ``{normalized column: (column as given, field)}``; raises
    :class:`ImportFileError` naming every unknown field.
    """
    resolved: dict[str, tuple[str, str]] = {}
    unknown: list[str] = []
    for column, field in mapping.items():
        name = normalize_field(field)
        if name not in FIELDS and name != IGNORE:
            unknown.append(field)
        resolved[normalize_header(column)] = (column, name)
    if unknown:
        names = ", ".join(f'"{name}"' for name in unknown)
        raise ImportFileError(
            path,
            f"unknown field name{'s' if len(unknown) > 1 else ''} in the column mapping: "
            f"{names} (fields are: {', '.join((*FIELDS, IGNORE))})",
        )
    return resolved


def apply_mapping(
    path: Path,
    columns: Sequence[str],
    fields: list[str | None],
    mapping: Mapping[str, tuple[str, str]],
) -> list[str | None]:
    """Override ``fields`` with a checked mapping (see :func:`check_mapping`)."""
    normalized = [normalize_header(column) for column in columns]
    missing = [given for key, (given, _) in mapping.items() if key not in normalized]
    if missing:
        names = ", ".join(f'"{name}"' for name in missing)
        have = ", ".join(f'"{column}"' for column in columns if column)
        raise ImportFileError(
            path, f"the column mapping names column(s) not in the file: {names} (it has {have})"
        )
    result = list(fields)
    for index, header in enumerate(normalized):
        if header in mapping:
            field = mapping[header][1]
            result[index] = None if field == IGNORE else field
    return result
