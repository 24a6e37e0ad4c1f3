"""The floor for ``netui import``: a LinkedIn file's rows into netui's own contact table.

Run: python tests/bench/floor_import.py Connections.csv DATABASE

DATABASE is a new, empty netui database (the benchmark copies one netui made), so the rows
go into the real ``contact`` table with its columns, CHECK constraints, foreign key and
indexes. The script reads the file with the csv module, turns each row into the columns a
new imported contact gets (names, company, title, email, profile, the connection date as
ISO text, a UID, the batch and time stamps), and inserts them all with one ``executemany``
in one transaction, after the batch row they belong to. It checks, matches and cleans
nothing: what is left is the least an import into this schema can cost.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import sys
from datetime import UTC, datetime

MONTHS = {
    name: f"{number:02d}"
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
COLUMNS = (
    "full_name, first_name, last_name, company, title, emails, linkedin_url, connected_on,"
    " uid, source, import_batch_id, created_at, updated_at"
)


def uids(count: int) -> list[str]:
    """Random version-4 UUIDs as text, from one read of the system's randomness."""
    digits = os.urandom(16 * count).hex()
    return [
        f"{d[:8]}-{d[8:12]}-4{d[13:16]}-{'89ab'[int(d[16], 16) & 3]}{d[17:20]}-{d[20:]}"
        for d in (digits[at : at + 32] for at in range(0, 32 * count, 32))
    ]


def iso_day(text: str) -> str | None:
    """``05 Mar 2019`` as ``2019-03-05``."""
    parts = text.split()
    if len(parts) != 3 or parts[1] not in MONTHS:
        return None
    return f"{parts[2]}-{MONTHS[parts[1]]}-{int(parts[0]):02d}"


def main() -> None:
    csv_path, db_path = sys.argv[1], sys.argv[2]
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if row[:2] == ["First Name", "Last Name"]:
                break
        rows = [row for row in reader if len(row) >= 7]
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA foreign_keys = ON")
    with connection:  # one transaction
        batch = connection.execute(
            "INSERT INTO import_batch (source_path, format, created_at) VALUES (?, ?, ?)",
            (csv_path, "linkedin", stamp),
        ).lastrowid
        connection.executemany(
            f"INSERT INTO contact ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    f"{first} {last}",
                    first,
                    last,
                    company,
                    title,
                    email,
                    url,
                    iso_day(connected),
                    uid,
                    "linkedin",
                    batch,
                    stamp,
                    stamp,
                )
                for (first, last, url, email, company, title, connected, *_), uid in zip(
                    rows, uids(len(rows)), strict=True
                )
            ),
        )
    connection.close()


if __name__ == "__main__":
    main()
