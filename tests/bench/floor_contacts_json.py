"""The floor for ``netui contacts --json``: a plain script on the standard library alone.

Run: python tests/bench/floor_contacts_json.py DATABASE > out.json

It reads the columns ``netui contacts --json`` prints (of the contacts it lists by default:
all but the archived) with ``sqlite3`` and writes the same JSON
(the same keys in the same order, two-space indents, the terminal-safe ``\\uXXXX`` escapes)
as it reads, one record at a time with ``json.dumps``. It orders by id, where netui orders by
priority, which it would need netui's rules to score, so the bytes are the same ones in
another order (the benchmark checks the sizes match). No netui import: a floor must not pay
for netui's modules.
"""

from __future__ import annotations

import json
import sqlite3
import sys

# Each key of a contact's JSON, in order, and how its column becomes a JSON value.
TEXT, LIST, SAME = "text", "list", "same"
FIELDS = (
    ("id", SAME),
    ("full_name", SAME),
    ("first_name", SAME),
    ("last_name", SAME),
    ("company", SAME),
    ("title", SAME),
    ("emails", LIST),
    ("phones", LIST),
    ("linkedin_url", SAME),
    ("how_we_met", SAME),
    ("notes", SAME),
    ("tags", LIST),
    ("strength", SAME),
    ("status", SAME),
    ("top20_rank", SAME),
    ("last_contacted", SAME),
    ("last_contacted_precision", TEXT),
    ("cadence", SAME),
    ("next_follow_up", SAME),
    ("connected_on", SAME),
    ("previous_company", SAME),
    ("previous_title", SAME),
    ("job_changed_on", SAME),
    ("uid", SAME),
)
# DEL, C1 controls, bidirectional controls and the line/paragraph separators, as \uXXXX:
# the same set as netui.cli.output's, written out again because a floor imports no netui.
ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (
        0x7F,
        *range(0x80, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x2028,
        0x2029,
    )
}


def main() -> None:
    connection = sqlite3.connect(sys.argv[1])
    columns = ", ".join(name for name, _ in FIELDS)
    out = sys.stdout
    first = True
    for row in connection.execute(
        f"SELECT {columns} FROM contact WHERE status != 'archived' ORDER BY id"
    ):
        record = {}
        for (name, kind), value in zip(FIELDS, row, strict=True):
            if kind is LIST:
                value = value.split("\n") if value else []
            elif kind is TEXT:
                value = value or None
            record[name] = value
        text = json.dumps(record, ensure_ascii=False, indent=2).translate(ESCAPES)
        out.write(("[\n  " if first else ",\n  ") + text.replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")
    connection.close()


if __name__ == "__main__":
    main()
