"""khard, a terminal address book, reads netui's vCard export: every card, by its UID.

khard keeps one card a file in a folder (a vdir, as CardDAV sync tools write them) and
skips a card that has no UID. The export is split into such a folder and read by khard's
own command line, run as a user would with a configuration of its own: nothing here asks
the network or the user's real khard set-up.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import CONNECTIONS, write_linkedin

from netui.domain.types import Contact
from netui.services.context import Services
from netui.services.demo import fill_demo

pytest.importorskip("khard", reason="khard is in the test extra")


def split_into_vdir(export: Path, folder: Path) -> int:
    """One file per card, as khard and CardDAV sync tools keep them; returns how many."""
    folder.mkdir()
    cards = export.read_bytes().decode("utf-8").split("END:VCARD\r\n")
    assert cards[-1] == ""
    for number, card in enumerate(cards[:-1]):
        (folder / f"{number:05}.vcf").write_bytes((card + "END:VCARD\r\n").encode("utf-8"))
    return len(cards) - 1


class Khard:
    """khard's command line on one address book folder, with a configuration of its own."""

    def __init__(self, home: Path, book: Path) -> None:
        home.mkdir()
        self.config = home / "khard.conf"
        self.config.write_text(
            f"[addressbooks]\n[[netui]]\npath = {book}\n"
            "[general]\neditor = true\nmerge_editor = true\n"
            "[vcard]\nprivate_objects = NETUI-HOW-WE-MET,\n",
            encoding="utf-8",
        )
        # khard opens cards in the locale's encoding: UTF-8 mode makes that UTF-8 anywhere.
        self.env = {**os.environ, "HOME": str(home), "PYTHONUTF8": "1"}
        self.env.pop("XDG_CONFIG_HOME", None)

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "khard", "-c", str(self.config), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            check=False,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == "", result.stderr  # khard warns here of every card it skips
        return result.stdout

    def cards(self) -> dict[str, tuple[str, list[str], list[str]]]:
        """Every card khard makes available: its name, emails and phones, by UID."""
        found = {}
        fields = "uid,formatted_name,emails,phone_numbers"
        for line in self.run("list", "--parsable", "--fields", fields).splitlines():
            uid, name, emails, phones = line.split("\t")
            found[uid] = (name, flat(emails), flat(phones))
        return found


def flat(shown: str) -> list[str]:
    """khard's ``{type: [values]}`` (printed as a Python literal) as one sorted list."""
    if not shown:
        return []
    by_type = ast.literal_eval(shown)
    return sorted(value for values in by_type.values() for value in values)


@pytest.fixture
def khard_book(services: Services, tmp_path: Path) -> Callable[[], Khard]:
    """Export every contact as vCard, split it into a vdir and hand back khard on it."""

    def export() -> Khard:
        export = tmp_path / "contacts.vcf"
        services.export.export(export, force=True)
        book = tmp_path / "book"
        split_into_vdir(export, book)
        return Khard(tmp_path / "khard-home", book)

    return export


def every_contact(services: Services) -> list[Contact]:
    return services.contacts.get_many([row.id for row in services.contacts.list_rows()])


def test_khard_reads_every_contact_with_its_name_emails_and_phones(
    services: Services, add: Callable[..., int], khard_book: Callable[[], Khard], tmp_path: Path
) -> None:
    fill_demo(services, 40)
    add(
        "José Müller-Łukasiewicz",
        company="Café Noël, GmbH; Paris",
        emails=("jose@cafe.example", "jm@home.example"),
        phones=("+33 1 23 45 67 89", "+1 206 555 0100 ext. 12"),
        notes="First line\nSecond; with, everything \\ 🎉",
    )
    add('Robert "Bobby" Tables; Jr.', emails=("bobby@tables.example",))
    add("Kwame Mensah")  # nothing but a name
    services.imports.run(write_linkedin(tmp_path / "Connections.csv", *CONNECTIONS))
    contacts = every_contact(services)
    assert len(contacts) == 40 + 3 + len(CONNECTIONS)

    available = khard_book().cards()

    assert sorted(available) == sorted(c.uid for c in contacts)
    for contact in contacts:
        assert available[contact.uid] == (
            contact.full_name,
            sorted(contact.emails),
            sorted(contact.phones),
        ), contact.full_name


def test_khard_shows_how_we_met_in_the_note_and_as_netuis_own_field(
    services: Services, add: Callable[..., int], khard_book: Callable[[], Khard]
) -> None:
    ines = add("Ines Okoro", notes="Owes me a coffee.", how_we_met="Data meetup, 2019")
    shown = khard_book().run("show", "--format", "pretty", f"uid:{services.contacts.get(ines).uid}")
    lines = [line.strip() for line in shown.splitlines()]
    assert "NETUI-HOW-WE-MET: Data meetup, 2019" in lines  # khard's private objects
    note = lines.index("Note:")
    assert lines[note + 1 : note + 4] == ["Owes me a coffee.", "", "How we met: Data meetup, 2019"]
