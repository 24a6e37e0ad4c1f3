"""What the command line says about referrals: the lines ``show`` adds, and the hint
``log --outcome referral`` gives. Every name is made terminal-safe here."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from netui.cli.output import printable
from netui.domain.referrals import ChainPerson, ReferralChain, describe_chain
from netui.domain.types import Contact

if TYPE_CHECKING:
    from netui.services.referrals import ContactReferrals

__all__ = ["chain_text", "person_text", "referral_fields", "referral_hint"]


def person_text(person: ChainPerson | Contact) -> str:
    """``#4 Ann Lee``."""
    name = person.name if isinstance(person, ChainPerson) else person.full_name
    return f"#{person.id} {printable(name)}"


def chain_text(chain: ReferralChain) -> str:
    """``Ann Lee → Bo Park → a meeting at Acme``, each name on one safe line."""
    safe = dataclasses.replace(
        chain,
        people=tuple(ChainPerson(p.id, printable(p.name)) for p in chain.people),
        led_to=printable(chain.led_to),
    )
    return describe_chain(safe)


def referral_fields(about: ContactReferrals) -> list[tuple[str, str]]:
    """``show``'s labelled lines: who referred them, their chain, whom they referred."""
    fields: list[tuple[str, str]] = []
    if about.referred_by is not None:
        fields.append(("Referred by", person_text(about.referred_by)))
        fields.append(("Chain", chain_text(about.chain)))
    if about.referred:
        fields.append(("Referred", ", ".join(person_text(p) for p in about.referred)))
    return fields


def referral_hint(contact: Contact) -> str:
    """How to add the person ``contact`` referred the user to, linked to them."""
    return f'Add the person they referred you to: netui add "NAME" --referred-by {contact.id}'
