"""Readers for contact export files: LinkedIn, Google and Outlook CSV, other CSV, vCard.

Pure parsing, no database. :func:`sniff` says cheaply what a file is (format,
encoding, delimiter, columns and which field each column feeds);
:func:`read_contacts` streams one :class:`ImportedContact` or :class:`RowProblem`
per data row or card, in memory that does not grow with the file. An unusable file
raises :class:`ImportFileError` (its message names the file and the problem), and
nothing else does::

    reader = ContactReader(path, mapping={"Nom": "last_name"})  # or format="linkedin"
    for item in reader:
        if isinstance(item, RowProblem):
            print(f"row {item.row_number}: {item.reason}")
    print(reader.info.format, reader.info.encoding, reader.stats.skipped_blank)

Formats: ``linkedin`` (Connections.csv, 6 or 7 columns, with or without its
preamble), ``google`` (current and legacy Google Contacts CSV), ``outlook`` (the
desktop wizard's and Outlook.com's), ``csv`` (any other, by header synonyms) and
``vcard`` (2.1, 3.0, 4.0). ``FIELDS`` lists the field names a mapping may use.
"""

from netui.io.errors import ImportFileError
from netui.io.formats import FIELDS, FORMATS, IGNORE
from netui.io.reader import ContactReader, read_contacts, sniff
from netui.io.records import ImportedContact, ReadStats, RowProblem, SourceInfo

__all__ = [
    "FIELDS",
    "FORMATS",
    "IGNORE",
    "ContactReader",
    "ImportFileError",
    "ImportedContact",
    "ReadStats",
    "RowProblem",
    "SourceInfo",
    "read_contacts",
    "sniff",
]
