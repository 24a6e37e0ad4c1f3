"""Referrals from the command line: add someone as referred, see the chain, the log hint."""

from __future__ import annotations

from pathlib import Path

from builders import store_raw
from cli_runner import Netui

from netui.services.context import Services


def test_add_referred_by_links_the_new_person(cmd: Netui, services: Services) -> None:
    cmd.ok("add", "Ann Lee", "--company", "Larkspur")
    said = cmd.ok("add", "Bo Park", "--company", "Acme", "--referred-by", "#1")
    assert said == "Added #2 Bo Park, referred by #1 Ann Lee\n"
    assert services.referrals.chain_for(2).ids == (1, 2)


def test_add_referred_by_json_is_the_usual_contact(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    plain = cmd.json("add", "Cy Dunmore")
    referred = cmd.json("add", "Bo Park", "--referred-by", "1")
    assert list(referred) == list(plain)  # no new key: contacts --json stays as it was


def test_a_referrer_that_does_not_exist_adds_nobody(cmd: Netui) -> None:
    assert (
        cmd.fail("add", "Bo Park", "--referred-by", "7") == "netui: error: no contact with id 7\n"
    )
    assert cmd.json("contacts") == []


def test_a_bad_referrer_id_is_a_usage_error(cmd: Netui) -> None:
    error = cmd.fail("add", "Bo Park", "--referred-by", "Ann", code=2)
    assert "'Ann' is not a contact id" in error


def test_show_says_who_referred_them_the_chain_and_whom_they_referred(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park", "--company", "Acme", "--referred-by", "1")
    cmd.ok("add", "Cy Dunmore", "--referred-by", "2")
    cmd.ok("log", "2", "--channel", "call", "--outcome", "meeting set")

    bo = cmd.ok("show", "2")
    assert "Referred by:    #1 Ann Lee\n" in bo
    assert "Chain:          Ann Lee → Bo Park → a meeting at Acme\n" in bo
    assert "Referred:       #3 Cy Dunmore\n" in bo
    ann = cmd.ok("show", "1")
    assert "Referred by" not in ann
    assert "Chain" not in ann
    assert "Referred:       #2 Bo Park\n" in ann


def test_show_json_is_unchanged_by_referrals(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park", "--referred-by", "1")
    assert "referred" not in " ".join(cmd.json("show", "2"))


def test_hostile_names_in_a_chain_are_shown_safely(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park", "--referred-by", "1")
    store_raw(db, 1, full_name="Ann \x1b[31mRed\x1b[0m [b]Lee[/b]\nNext")  # as a file could
    store_raw(db, 2, full_name="Bo\u202e Park")
    shown = cmd.ok("show", "2")
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    assert "Chain:          Ann [31mRed[0m [b]Lee[/b] Next → Bo Park\n" in shown
    assert "Referred by:    #1 Ann [31mRed[0m [b]Lee[/b] Next\n" in shown


def test_logging_a_referral_says_how_to_add_the_person(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    said = cmd.ok("log", "1", "--channel", "call", "--outcome", "referral")
    assert said.endswith('Add the person they referred you to: netui add "NAME" --referred-by 1\n')
    other = cmd.ok("log", "1", "--channel", "call", "--outcome", "talked")
    assert "--referred-by" not in other
    assert "--referred-by" not in cmd.ok(
        "log", "1", "--channel", "call", "--outcome", "referral", "--json"
    )


def test_edit_links_and_unlinks_a_referrer(cmd: Netui, services: Services) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park")
    assert cmd.ok("edit", "2", "--referred-by", "1") == "Updated #2 Bo Park (referred by)\n"
    assert services.referrals.chain_for(2).ids == (1, 2)
    said = cmd.ok("edit", "2", "--not-referred", "--company", "Acme")
    assert said == "Updated #2 Bo Park (company, referred by)\n"
    assert services.referrals.chain_for(2).ids == (2,)
    assert services.contacts.get(2).company == "Acme"


def test_edit_refuses_a_loop_naming_the_option(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park", "--referred-by", "1")
    error = cmd.fail("edit", "1", "--referred-by", "2", "--company", "Larkspur")
    assert error == (
        "netui: error: referred by: that contact was referred (directly or through others)"
        " by this one\n"
    )
    assert cmd.json("show", "1")["company"] == ""  # nothing else was written either
    assert "referred by" in cmd.fail("edit", "1", "--referred-by", "1")


def test_edit_takes_one_of_the_referral_options(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    error = cmd.fail("edit", "1", "--referred-by", "1", "--not-referred", code=2)
    assert "cannot go together" in error
