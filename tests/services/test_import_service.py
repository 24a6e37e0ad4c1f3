"""Importing contact files: every format, deduplication and merging, problems, dry runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import CONNECTIONS, DANA, LENA, MARCUS, PRIYA, table_dump, write_csv, write_linkedin

from netui.domain.clock import FakeClock, local_today
from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services
from netui.services.importer import ImportFileUnusableError

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"


def contacts_by_name(services: Services) -> dict[str, int]:
    return {row.full_name: row.id for row in services.contacts.list_rows()}


# --- every format -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mapping", "added", "problems", "skipped"),
    [
        ("linkedin_7col_preamble.csv", None, 5, 0, 1),
        ("linkedin_6col.csv", None, 3, 0, 0),
        ("google_current.csv", None, 3, 1, 1),
        ("google_legacy.csv", None, 2, 0, 0),
        ("outlook_desktop.csv", None, 3, 0, 1),  # a company's card is named by its company
        ("outlook_com.csv", None, 3, 0, 0),
        ("generic_synonyms.csv", None, 3, 1, 0),
        (
            "generic_semicolon_mapped.csv",
            {"Nom": "last_name", "Prénom": "first_name", "Entreprise": "company"},
            2,
            0,
            0,
        ),
        ("apple_3_0.vcf", None, 3, 0, 0),
        ("google_3_0.vcf", None, 1, 0, 0),
        ("android_2_1_qp.vcf", None, 2, 0, 0),
        ("v4_0.vcf", None, 1, 0, 0),
        ("broken_middle.vcf", None, 2, 2, 0),
    ],
)
def test_each_fixture_format_imports_and_a_second_import_adds_nothing(
    services: Services,
    name: str,
    mapping: dict[str, str] | None,
    added: int,
    problems: int,
    skipped: int,
) -> None:
    first = services.imports.run(FIXTURES / name, mapping=mapping)
    assert (first.added, len(first.problems), first.skipped_blank) == (added, problems, skipped)
    assert first.batch_id is not None
    assert services.contacts.counts().total == added
    stored = table_dump(services.path)["contact"]

    again = services.imports.run(FIXTURES / name, mapping=mapping)
    assert (again.added, again.updated, again.unchanged) == (0, 0, added)
    assert table_dump(services.path)["contact"] == stored


def test_imported_contacts_carry_what_the_file_says(services: Services) -> None:
    summary = services.imports.run(FIXTURES / "linkedin_7col_preamble.csv")
    dana = services.contacts.get(contacts_by_name(services)["Dana Whitfield, PMP"])
    assert (dana.first_name, dana.last_name) == ("Dana", "Whitfield")
    assert (dana.company, dana.title) == ("Tidewell Systems", "Director of Operations")
    assert dana.linkedin_url == "https://www.linkedin.com/in/dana-whitfield-4821"
    assert dana.connected_on is not None
    assert dana.connected_on.isoformat() == "2025-02-07"
    assert dana.status is TriageStatus.NEW
    assert dana.source == "linkedin"
    assert dana.job_changed_on is None
    assert summary.format == "linkedin"


def test_all_the_fixtures_together_dedupe_across_formats(services: Services) -> None:
    """The same invented people appear in several exports; they are matched across them."""
    for name in sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".vcf")):
        if name != "generic_semicolon_mapped.csv":
            services.imports.run(FIXTURES / name)
    names = [row.full_name for row in services.contacts.list_rows()]
    # Dana is in the Apple vCards (with her email and profile) and the LinkedIn export.
    assert sum(1 for n in names if n.startswith("Dana Whitfield")) == 1
    assert sum(1 for n in names if n.startswith("Ines Quiroga")) == 1
    assert sum(1 for n in names if n.startswith("Kwame")) == 1


# --- updating what is there ------------------------------------------------------------------


def test_a_newer_export_updates_the_job_and_keeps_what_the_user_set(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    services.imports.run(write_linkedin(tmp_path / "2024.csv", *CONNECTIONS))
    dana_id = contacts_by_name(services)["Dana Whitfield, PMP"]
    dana = services.contacts.get(dana_id)
    services.contacts.update(
        dana_id,
        dataclasses.replace(
            dana.to_draft(), notes="Owes me an intro", how_we_met="Ops meetup", strength=4
        ),
    )
    services.triage.set_status([dana_id], TriageStatus.TOP20)

    moved = (*DANA[:4], "Harbor & Finch", "VP Operations", DANA[6])
    summary = services.imports.run(write_linkedin(tmp_path / "2026.csv", moved, *CONNECTIONS[1:]))

    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    assert summary.job_changes == 1
    (job,) = summary.changed_jobs
    assert (job.contact_id, job.old_company, job.new_company) == (
        dana_id,
        "Tidewell Systems",
        "Harbor & Finch",
    )
    after = services.contacts.get(dana_id)
    assert (after.company, after.title) == ("Harbor & Finch", "VP Operations")
    assert (after.previous_company, after.previous_title) == (
        "Tidewell Systems",
        "Director of Operations",
    )
    assert after.job_changed_on == local_today(clock)
    assert (after.notes, after.how_we_met, after.strength) == ("Owes me an intro", "Ops meetup", 4)
    assert (after.status, after.top20_rank) == (TriageStatus.TOP20, 1)
    assert services.contacts.row(dana_id).job_changed

    again = services.imports.run(tmp_path / "2026.csv")
    assert (again.updated, again.job_changes) == (0, 0)
    older = services.imports.run(tmp_path / "2024.csv")  # an old export must not flip it back
    assert older.updated == 0
    assert services.contacts.get(dana_id).company == "Harbor & Finch"


def test_matching_by_email(services: Services, add: Callable[..., int], tmp_path: Path) -> None:
    marcus = add("Marc Oyelaran", emails=("Marcus.Oyelaran@Example.com",), notes="old friend")
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", MARCUS))
    assert (summary.added, summary.updated) == (0, 1)
    after = services.contacts.get(marcus)
    assert after.full_name == "Marc Oyelaran"  # the name the user typed stays
    assert (after.company, after.linkedin_url) == (
        "Bluefen Labs",
        "https://www.linkedin.com/in/marcus-oyelaran",
    )
    assert after.emails == ("Marcus.Oyelaran@Example.com",)
    assert after.notes == "old friend"


def test_matching_by_linkedin_profile(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    dana = add("D. Whitfield", linkedin_url="linkedin.com/in/Dana-Whitfield-4821/")
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", DANA))
    assert (summary.added, summary.updated) == (0, 1)
    assert services.contacts.get(dana).company == "Tidewell Systems"


def test_matching_by_phone(services: Services, add: Callable[..., int], tmp_path: Path) -> None:
    dana = add("Dana W.", phones=("+1 (555) 010-4477",))
    path = write_csv(
        tmp_path / "phones.csv",
        ("Name", "Phone", "Email"),
        [("Dana Whitfield", "555-010-4477", "dana@tidewell.example")],
    )
    summary = services.imports.run(path)
    assert (summary.added, summary.updated) == (0, 1)
    after = services.contacts.get(dana)
    assert after.phones == ("+1 (555) 010-4477",)
    assert after.emails == ("dana@tidewell.example",)


def test_matching_by_name_and_company(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    lena = add("Lena Voss", company="Pinecrest Health Inc")
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", LENA))
    assert (summary.added, summary.updated) == (0, 1)
    after = services.contacts.get(lena)
    assert after.linkedin_url == "https://www.linkedin.com/in/lenavoss"
    assert after.company == "Pinecrest Health Inc"


def test_a_similar_name_elsewhere_is_added_and_listed_as_a_possible_duplicate(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    priya = add("Priya Raman", company="Saltmarsh Foods")
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", PRIYA))
    assert summary.added == 1
    (dupe,) = summary.duplicates
    assert (dupe.row_number, dupe.contact_id, dupe.contact_name) == (5, priya, "Priya Raman")
    assert dupe.new_contact_id == contacts_by_name(services)["Priya Raman, MBA"]


def test_a_different_linkedin_profile_is_a_different_person(
    services: Services, tmp_path: Path
) -> None:
    namesake = ("Dana", "Whitfield", "dana-whitfield-77", "", "Tidewell Systems", "Analyst", "")
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", DANA, namesake))
    assert summary.added == 2
    again = services.imports.run(tmp_path / "c.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_a_person_named_twice_in_one_file_becomes_one_contact(
    services: Services, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "twice.csv",
        ("Name", "Email", "Phone", "Company", "Title"),
        [
            ("Marcus Oyelaran", "marcus@bluefen.example", "", "Bluefen Labs", "Founder"),
            ("Lena Voss", "lena@pinecrest.example", "", "", ""),
            ("M. Oyelaran", "MARCUS@bluefen.example", "+1 206 555 0142", "Bluefen", "CTO"),
        ],
    )
    summary = services.imports.run(path)
    assert (summary.added, summary.in_file_duplicates) == (2, 1)
    marcus = services.contacts.get(contacts_by_name(services)["Marcus Oyelaran"])
    assert marcus.phones == ("+1 206 555 0142",)
    assert (marcus.company, marcus.title) == ("Bluefen Labs", "Founder")  # the first row's job
    again = services.imports.run(path)
    assert (again.added, again.updated, again.unchanged, again.in_file_duplicates) == (0, 0, 2, 1)
    assert again.job_changes == 0


def test_duplicates_within_a_big_file_merge_across_chunks(
    services: Services, tmp_path: Path
) -> None:
    rows = [(f"Person {i:05d}", f"p{i}@example.com", "") for i in range(5000)]
    rows.append(("Person 00001", "p1@example.com", "+44 20 7946 0001"))
    path = write_csv(tmp_path / "big.csv", ("Name", "Email", "Phone"), rows)
    summary = services.imports.run(path)
    assert (summary.added, summary.in_file_duplicates) == (5000, 1)
    person = services.contacts.get(contacts_by_name(services)["Person 00001"])
    assert person.phones == ("+44 20 7946 0001",)


# --- problems, dry runs, previews ------------------------------------------------------------


def test_row_problems_are_listed_while_the_good_rows_go_in(
    services: Services, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "mixed.csv",
        ("Name", "Company", "Email"),
        [
            ("Dana Whitfield", "Tidewell", ""),
            ("", "Nameless Corp", "someone@example.com"),
            ("x" * 300, "", ""),
            ("Lena Voss", "", ""),
        ],
    )
    summary = services.imports.run(path)
    assert summary.added == 2
    assert [p.row_number for p in summary.problems] == [3, 4]
    assert "no name" in summary.problems[0].reason
    assert "300 characters" in summary.problems[1].reason
    assert services.imports.batches()[0].problems == 2


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n....", "PNG image"),
        (b"Company,Position\nTidewell,Director\n", "no usable name column"),
    ],
)
def test_an_unusable_file_is_refused_and_nothing_is_written(
    services: Services, add: Callable[..., int], tmp_path: Path, content: bytes, problem: str
) -> None:
    add("Dana Whitfield")
    before = table_dump(services.path)
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileUnusableError, match=problem) as raised:
        services.imports.run(path)
    assert str(raised.value).startswith(str(path))
    assert table_dump(services.path) == before


def test_a_file_broken_half_way_is_refused_whole(services: Services, tmp_path: Path) -> None:
    rows = [f"Person{i},Example{i},p{i}@example.com" for i in range(4000)]
    text = "First Name,Last Name,Email\n" + "\n".join(rows) + '\nBroken,"Quote,never@closed.com\n'
    path = tmp_path / "broken.csv"
    path.write_text(text + "\n".join(rows[:50]), encoding="utf-8")
    before = table_dump(services.path)
    with pytest.raises(ImportFileUnusableError, match="never closed"):
        services.imports.run(path)
    assert table_dump(services.path) == before


def test_a_dry_run_reports_the_same_and_writes_nothing(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    add("Lena Voss", company="Pinecrest Health")
    path = write_linkedin(tmp_path / "c.csv", *CONNECTIONS)
    before = table_dump(services.path)
    dry = services.imports.run(path, dry_run=True)
    assert table_dump(services.path) == before
    assert dry.dry_run
    assert dry.batch_id is None
    real = services.imports.run(path)
    assert (dry.added, dry.updated, dry.unchanged) == (real.added, real.updated, real.unchanged)
    assert (dry.added, dry.updated) == (3, 1)


def test_preview_shows_the_layout_and_first_records_without_writing(
    services: Services, tmp_path: Path
) -> None:
    before = table_dump(services.path)
    preview = services.imports.preview(FIXTURES / "linkedin_7col_preamble.csv", rows=2)
    assert preview.info.format == "linkedin"
    assert preview.info.mapping["Position"] == "title"
    assert [item.row_number for item in preview.sample] == [5, 6]
    assert table_dump(services.path) == before
    with pytest.raises(ImportFileUnusableError):
        services.imports.preview(tmp_path / "missing.csv")


def test_progress_is_reported_while_reading(services: Services, tmp_path: Path) -> None:
    rows = [(f"Person {i:04d}", f"p{i}@example.com") for i in range(2500)]
    path = write_csv(tmp_path / "many.csv", ("Name", "Email"), rows)
    calls: list[tuple[int, int | None]] = []
    services.imports.run(path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1000, None), (2000, None), (2500, 2500)]


def test_batches_list_every_import_newest_first(services: Services, tmp_path: Path) -> None:
    services.imports.run(write_linkedin(tmp_path / "a.csv", DANA))
    services.imports.run(write_linkedin(tmp_path / "b.csv", DANA, MARCUS))
    newest, oldest = services.imports.batches()
    assert (newest.added, newest.unchanged, newest.format) == (1, 1, "linkedin")
    assert (oldest.added, oldest.source_path) == (1, str((tmp_path / "a.csv").resolve()))
    assert newest.id > oldest.id
    assert newest.undone_at is None


def test_manual_contacts_are_untouched_by_an_unrelated_import(
    services: Services, tmp_path: Path
) -> None:
    kept = services.contacts.add(ContactDraft(full_name="Oren Adler", notes="keep me"))
    before = table_dump(services.path)["contact"]
    services.imports.run(write_linkedin(tmp_path / "c.csv", *CONNECTIONS))
    assert table_dump(services.path)["contact"][0] == before[0]
    assert services.contacts.get(kept.id).notes == "keep me"
