"""``netui import``, ``netui dupes`` and ``netui merge`` from the shell."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import write_csv
from cli_runner import Netui

from netui.services.context import Services

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"
LINKEDIN = FIXTURES / "linkedin_7col_preamble.csv"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_prints_what_it_did_and_how_to_undo_it(cmd: Netui) -> None:
    out = cmd.ok("import", str(LINKEDIN))
    assert out.splitlines()[0] == (
        "Imported linkedin_7col_preamble.csv (linkedin, 6 rows) as import #1."
    )
    assert "  added            5  new contacts" in out
    assert "  skipped          1  blank rows" in out
    assert out.rstrip().endswith("Undo this whole import with: netui import --undo 1")
    assert len(cmd.json("contacts")) == 5

    again = cmd.ok("import", str(LINKEDIN))
    assert "  unchanged        5  contacts you had already" in again
    assert "Nothing changed: everyone in the file was already here." in again
    assert len(cmd.json("contacts")) == 5


def test_import_json_is_stable(cmd: Netui, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        ("Name", "Company", "Email"),
        [("Dana Whitfield", "Tidewell", "dana@example.com"), ("", "Nameless Corp", "x@y.org")],
    )
    summary = cmd.json("import", str(path))
    assert summary == {
        "batch_id": 1,
        "dry_run": False,
        "path": str(path),
        "format": "csv",
        "rows": 2,
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "in_file_duplicates": 0,
        "skipped_blank": 0,
        "job_changes": [],
        "possible_duplicates": [],
        "problems": [
            {
                "row": 3,
                "reason": 'no name (column "Name" is empty; '
                "the row has only a company and an email address)",
            }
        ],
        "warnings": [],
        "warning_count": 0,
    }


def test_row_problems_exit_0_and_are_listed_with_row_numbers(cmd: Netui) -> None:
    out = cmd.ok("import", str(FIXTURES / "generic_synonyms.csv"))
    assert "  problems         1  rows not imported (listed below)" in out
    assert "Problems (these rows were not imported; the others were):" in out
    assert (
        '  row 5: no name (columns "Display Name"/"Given"/"Surname" are empty; '
        "the row has only a company)"
    ) in out


def test_job_changes_and_possible_duplicates_are_reported(
    cmd: Netui, add: Callable[..., int], tmp_path: Path
) -> None:
    header = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position")
    url = "https://www.linkedin.com/in/dana-whitfield-4821"
    add("Priya Raman", company="Saltmarsh Foods")
    dana = ("Dana", "Whitfield", url, "", "Tidewell", "Ops")
    old = write_csv(tmp_path / "old.csv", header, [dana])
    cmd.ok("import", str(old))
    new = write_csv(
        tmp_path / "new.csv",
        header,
        [
            ("Dana", "Whitfield", url, "", "Harbor & Finch", "VP Operations"),
            ("Priya", "Raman", "", "", "Quarry & Vine", "Program Manager"),
        ],
    )
    out = cmd.ok("import", str(new))
    assert "1 contact has changed jobs" in out
    assert "  #2 Dana Whitfield: Ops at Tidewell → VP Operations at Harbor & Finch" in out
    assert "  row 3 Priya Raman (#3) looks like #1 Priya Raman" in out
    assert "↗" in out


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Company,Position\nTidewell,Director\n", "no usable name column"),
        (b"", "is empty"),
        (b"%PDF-1.7 not contacts", "is a PDF document"),
    ],
)
def test_an_unusable_file_is_exit_1_and_leaves_the_database_untouched(
    cmd: Netui, add: Callable[..., int], db: Path, tmp_path: Path, content: bytes, problem: str
) -> None:
    add("Dana Whitfield")
    before = digest(db)
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    err = cmd.fail("import", str(path))
    assert err.startswith(f"netui: error: {path}: ")
    assert problem in err
    assert digest(db) == before


def test_an_unusable_file_does_not_even_create_the_database(cmd: Netui, db: Path) -> None:
    err = cmd.fail("import", "nowhere.csv")
    assert err == "netui: error: nowhere.csv: does not exist\n"
    assert not db.exists()


def test_a_dry_run_writes_nothing(cmd: Netui, services: Services) -> None:
    out = cmd.ok("import", str(LINKEDIN), "--dry-run")
    assert out.startswith("Dry run of linkedin_7col_preamble.csv (linkedin, 6 rows): nothing")
    assert "  added            5  new contacts" in out
    assert services.contacts.is_empty()
    assert services.imports.batches() == []
    assert cmd.json("import", str(LINKEDIN), "--dry-run")["batch_id"] is None


def test_a_column_mapping(cmd: Netui) -> None:
    path = str(FIXTURES / "generic_semicolon_mapped.csv")
    assert "no usable name column" in cmd.fail("import", path)
    summary = cmd.json(
        "import", path, "--map", "Nom=last_name", "--map", "Prénom=first_name", "--format", "csv"
    )
    assert summary["added"] == 2
    names = sorted(c["full_name"] for c in cmd.json("contacts"))
    assert names == ["Jürgen Groß", "Renée Lefèvre"]
    assert "netui: error:" in cmd.fail("import", path, "--map", "Nom=shoe_size")


def test_list_and_undo(cmd: Netui) -> None:
    cmd.ok("import", str(LINKEDIN))
    listed = cmd.json("import", "--list")
    assert [(b["id"], b["added"], b["format"], b["undone_at"]) for b in listed] == [
        (1, 5, "linkedin", None)
    ]
    assert "linkedin_7col_preamble.csv" in cmd.ok("import", "--list")
    assert cmd.ok("import", "--undo", "1") == "Undid import #1: removed 5 contacts it added\n"
    assert cmd.json("contacts") == []
    assert cmd.json("import", "--list")[0]["undone_at"] is not None
    assert cmd.fail("import", "--undo", "1").startswith("netui: error: import 1 was already undone")
    assert cmd.fail("import", "--undo", "7") == "netui: error: no import with id 7\n"


def test_undo_json(cmd: Netui) -> None:
    cmd.ok("import", str(LINKEDIN))
    assert cmd.json("import", "--undo", "1") == {
        "batch_id": 1,
        "removed": 5,
        "kept": 0,
        "kept_with_interactions": 0,
        "kept_triaged": 0,
        "kept_edited": 0,
        "reverted_contacts": 0,
        "reverted_fields": 0,
        "fields_edited_since": 0,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give a file to import, --undo BATCH or --list"),
        (("x.csv", "--undo", "1"), "PATH and --undo cannot be combined"),
        (("--list", "--undo", "1"), "--undo and --list cannot be combined"),
        (("--undo", "1", "--dry-run"), "--dry-run, --map and --format go with a file"),
        (("x.csv", "--map", "Nom"), "--map takes COLUMN=FIELD"),
        (("x.csv", "--format", "excel"), "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2(cmd: Netui, args: tuple[str, ...], message: str) -> None:
    assert message in cmd.fail("import", *args, code=2)


def test_a_json_backup_is_restored(
    cmd: Netui, services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    add("Dana Whitfield", notes="backed up")
    backup = tmp_path / "netui-backup.json"
    services.backup.export_json(backup)
    fresh = tmp_path / "fresh.db"
    out = cmd.ok("import", str(backup), db=fresh)
    assert out.startswith("Restored the backup netui-backup.json: ")
    assert "1 contact" in out
    assert [c["notes"] for c in cmd.json("contacts", db=fresh)] == ["backed up"]
    assert "only into" in cmd.fail("import", "--format", "json", str(backup))
    assert "do not apply" in cmd.fail("import", str(backup), "--dry-run", code=2)


def test_dupes_lists_likely_pairs(cmd: Netui, add: Callable[..., int]) -> None:
    assert cmd.ok("dupes") == "No likely duplicates.\n"
    add("Robert Oyelaran", company="Bluefen Labs")
    add("Bob Oyelaran")
    out = cmd.ok("dupes")
    assert out.splitlines()[0] == (
        "#1 Robert Oyelaran (Bluefen Labs)  ⇄  #2 Bob Oyelaran  (similar name)"
    )
    assert "Merge one into another with: netui merge KEEP OTHER" in out
    (pair,) = cmd.json("dupes")
    assert (pair["first"]["id"], pair["second"]["id"], pair["reason"]) == (1, 2, "similar name")


def test_merge_asks_first_unless_told_yes(cmd: Netui, add: Callable[..., int]) -> None:
    add("Robert Oyelaran", emails=("rob@bluefen.example",))
    add("Bob Oyelaran", emails=("bob@home.example",), notes="likes chess")
    declined = cmd.run("merge", "1", "2", input="n\n")
    assert declined.exit_code == 1
    assert "Keep:  #1 Robert Oyelaran" in declined.stdout
    assert declined.stderr == "netui: error: nothing merged\n"
    assert len(cmd.json("contacts")) == 2

    accepted = cmd.run("merge", "1", "2", input="y\n")
    assert accepted.exit_code == 0
    assert "Merged #2 into #1 Robert Oyelaran" in accepted.stdout
    (merged,) = cmd.json("contacts")
    assert merged["emails"] == ["rob@bluefen.example", "bob@home.example"]
    assert merged["notes"] == "likes chess"


def test_merge_with_yes_and_json(cmd: Netui, add: Callable[..., int]) -> None:
    add("Kate Voss")
    add("Katherine Voss", company="Pinecrest Health")
    merged = cmd.json("merge", "2", "1", "--yes")
    assert (merged["id"], merged["company"]) == (2, "Pinecrest Health")
    assert cmd.fail("merge", "2", "2", "--yes") == (
        "netui: error: cannot merge contact 2 into itself; choose two contacts\n"
    )
    assert cmd.fail("merge", "2", "9", "--yes") == "netui: error: no contact with id 9\n"


@pytest.mark.parametrize(
    ("header", "rows", "damaged"),
    [
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            ["Dana,Whitfield,,,Tidewell,Ops,", "Lena,Vo\x00ss,,,,,", "Mei,Lin,,,,,"],
            '"Last Name"',
        ),
        (
            "Name,Company,Email",
            ["Dana Whitfield,Tidewell,", "Lena Voss,Pinecrest\x00,", "Mei Lin,,"],
            '"Company"',
        ),
    ],
    ids=["linkedin", "generic csv"],
)
def test_a_damaged_row_is_listed_and_the_others_imported(
    cmd: Netui, tmp_path: Path, header: str, rows: list[str], damaged: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("\n".join((header, *rows, "")).encode())

    out = cmd.ok("import", str(path))

    assert "  added            2  new contacts" in out
    assert "  problems         1  rows not imported (listed below)" in out
    assert f"  row 3: is damaged: its {damaged} value holds a NUL byte" in out
    assert sorted(c["full_name"] for c in cmd.json("contacts")) == ["Dana Whitfield", "Mei Lin"]


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, bytes(range(256)) * 300],
    ids=["a PNG image renamed .csv", "binary data with no signature"],
)
def test_a_binary_file_is_one_line_exit_1_and_writes_nothing(
    cmd: Netui, add: Callable[..., int], db: Path, tmp_path: Path, content: bytes
) -> None:
    add("Dana Whitfield")
    before = digest(db)
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)

    err = cmd.fail("import", str(path))  # checks: exit 1, one line, no traceback

    assert err.startswith(f"netui: error: {path}: is ")
    assert "PNG image" in err or "is not a text file (it looks like binary data" in err
    assert digest(db) == before
