"""An import finds a contact by its card's UID before any other key, and keeps new cards' UIDs.

vCards carry a UID, and so does netui's CSV export (its UID column).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from builders import write_csv

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.context import Services, open_services


def card(name: str, uid: str = "", email: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    if uid:
        lines.append(f"UID:{uid}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    return "\r\n".join([*lines, "END:VCARD"]) + "\r\n"


def write_cards(path: Path, *cards: str) -> Path:
    path.write_text("".join(cards), encoding="utf-8", newline="")
    return path


def uids(services: Services) -> dict[str, str]:
    """Each contact's UID by name."""
    rows = services.contacts.list_rows()
    return {c.full_name: c.uid for c in services.contacts.get_many([row.id for row in rows])}


def test_a_reimport_of_the_vcard_export_finds_each_contact_by_uid(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    """Two people with the same name and nothing else to tell them apart: by name alone a
    re-import would take both cards for the first of them."""
    sam = {"first_name": "Sam", "last_name": "Lee"}
    first, second = add("Sam Lee", **sam), add("Sam Lee", **sam, notes="The other Sam")
    ana = add(
        "Ana Lima",
        first_name="Ana",
        last_name="Lima",
        emails=("ana@larkspur.example",),
        how_we_met="Data meetup",
    )
    path = tmp_path / "contacts.vcf"
    services.export.export(path)

    summary = services.imports.run(path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 3)
    assert summary.in_file_duplicates == 0
    assert services.contacts.get(second).notes == "The other Sam"
    assert services.contacts.get(first).notes == ""
    assert (services.contacts.get(ana).notes, services.contacts.get(ana).how_we_met) == (
        "",
        "Data meetup",
    )


def test_a_reimport_of_the_csv_export_finds_each_contact_by_uid(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    sam = {"first_name": "Sam", "last_name": "Lee"}
    add("Sam Lee", **sam)
    other = add("Sam Lee", **sam, notes="The other Sam")
    path = tmp_path / "contacts.csv"
    services.export.export(path)
    assert services.imports.preview(path).info.mapping["UID"] == "uid"

    summary = services.imports.run(path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 2)
    assert summary.in_file_duplicates == 0
    assert services.contacts.get(other).notes == "The other Sam"


def test_a_uid_column_of_another_program_is_kept(services: Services, tmp_path: Path) -> None:
    path = write_csv(  # two email columns: read by the general path, not the fast one
        tmp_path / "crm.csv",
        ["Name", "Email", "Email 2", "Contact UID"],
        [["Dana Whitfield", "dana@tidewell.example", "", "crm-0042"], ["Kwame Mensah", "", "", ""]],
    )
    assert services.imports.run(path).added == 2
    found = uids(services)
    assert found["Dana Whitfield"] == "crm-0042"
    assert found["Kwame Mensah"] != ""


def test_the_uid_comes_before_email(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    ana = add("Ana Lima", emails=("ana@larkspur.example",))
    ben = add("Ben Okafor", emails=("ben@quill.example",))
    ana_uid = services.contacts.get(ana).uid
    # Ana's card, her address since given to Ben (a shared inbox, a typo fixed...).
    path = write_cards(tmp_path / "a.vcf", card("Ana L.", ana_uid, "ben@quill.example"))
    summary = services.imports.run(path)
    assert (summary.added, summary.updated) == (0, 1)
    assert services.contacts.get(ana).emails == ("ana@larkspur.example", "ben@quill.example")
    assert services.contacts.get(ben).emails == ("ben@quill.example",)


def test_a_new_card_keeps_its_uid_and_is_found_by_it_again(
    services: Services, tmp_path: Path
) -> None:
    path = write_cards(
        tmp_path / "apple.vcf",
        card("Dana Whitfield", "E2B2F5C1-0A7D-4C47-9E38-6E1B0F1A2C3D", "dana@tidewell.example"),
        card("Kwame Mensah"),
    )
    assert services.imports.run(path).added == 2
    found = uids(services)
    assert found["Dana Whitfield"] == "E2B2F5C1-0A7D-4C47-9E38-6E1B0F1A2C3D"
    assert found["Kwame Mensah"]  # a new one of its own

    # The address book renamed her and changed her address: the UID still says who she is.
    renamed = card("Dana Whitfield-Ortiz", found["Dana Whitfield"], "dana@ortiz.example")
    summary = services.imports.run(write_cards(tmp_path / "later.vcf", renamed))
    assert (summary.added, summary.updated) == (0, 1)
    assert uids(services) == found


def test_cards_sharing_a_uid_in_one_file_are_one_contact(
    services: Services, tmp_path: Path
) -> None:
    path = write_cards(
        tmp_path / "twice.vcf",
        card("Dana Whitfield", "dana-1", "dana@tidewell.example"),
        card("D. Whitfield", "dana-1", "d.whitfield@home.example"),
    )
    summary = services.imports.run(path)
    assert (summary.added, summary.in_file_duplicates) == (1, 1)
    (contact,) = services.contacts.get_many([row.id for row in services.contacts.list_rows()])
    assert contact.emails == ("dana@tidewell.example", "d.whitfield@home.example")
    assert contact.uid == "dana-1"


def test_uids_survive_a_move_to_another_database_through_vcard(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    """A CardDAV server knows the cards by UID: a second netui fed the export must write the
    same UIDs again, or every card would arrive twice."""
    for name in ("Ana Lima", "Ben Okafor", "Cleo Vance"):
        services.contacts.add(ContactDraft(full_name=name))
    path = tmp_path / "contacts.vcf"
    services.export.export(path)
    other = open_services(tmp_path / "other.db", clock)
    try:
        assert other.imports.run(path).added == 3
        assert uids(other) == uids(services)
        other.export.export(tmp_path / "again.vcf")
    finally:
        other.close()
    assert (tmp_path / "again.vcf").read_text("utf-8") == path.read_text("utf-8")
