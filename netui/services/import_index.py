"""Who is who during one import: contact ids by each key a row can be matched on.

A row names a person by email, LinkedIn profile, phone and name + company; the index
answers "which contact already has this key?" for the stored contacts and for the ones
the import adds as it goes, so that a person named twice in one file is one contact.
"""

from __future__ import annotations

from collections.abc import Iterable

from netui.db.import_records import MatchRecord
from netui.domain.identity_keys import normalize_email, normalize_linkedin, phone_key


class ContactIndex:
    """Contact ids by email key, LinkedIn profile key and phone key.

    The first contact to have a key keeps it. ``unprofiled`` counts the contacts without
    a LinkedIn profile: while there are none, a row with a profile cannot match anyone
    by name, and the costly name keys need not be built.
    """

    __slots__ = ("_by_email", "_by_phone", "_by_profile", "unprofiled")

    def __init__(self) -> None:
        self._by_email: dict[str, int] = {}
        self._by_profile: dict[str, int] = {}
        self._by_phone: dict[str, int] = {}
        self.unprofiled = 0

    def load(self, records: Iterable[MatchRecord]) -> dict[int, int]:
        """Index the stored contacts; returns each one's fingerprint by contact id (a hash
        of its importable columns, equal to :func:`~netui.services.import_rows.fingerprint`
        of a record it holds exactly).

        A row of ``records`` comes from the cursor as a plain tuple: it is unpacked into
        names here, which costs no more than indexing it.
        """
        by_email, by_profile, by_phone = self._by_email, self._by_profile, self._by_phone
        fingerprints: dict[int, int] = {}
        unprofiled = 0
        for record in records:
            contact_id, _, _, _, _, emails, phones, url, _, _, _, _ = record
            if emails:
                for email in emails.split("\n"):
                    if key := normalize_email(email):
                        by_email.setdefault(key, contact_id)
            if url and (key := normalize_linkedin(url)):
                by_profile.setdefault(key, contact_id)
            else:
                unprofiled += 1
            if phones:
                for phone in phones.split("\n"):
                    if key := phone_key(phone):
                        by_phone.setdefault(key, contact_id)
            fingerprints[contact_id] = hash(record[1:])  # every column but the id
        self.unprofiled = unprofiled
        return fingerprints

    def by_emails(self, keys: list[str]) -> int:
        """The contact with the first of these email keys that anyone has (0: nobody)."""
        by_email = self._by_email
        for key in keys:
            if found := by_email.get(key, 0):
                return found
        return 0

    def by_profile(self, key: str) -> int:
        return self._by_profile.get(key, 0)

    def by_phone(self, key: str) -> int:
        return self._by_phone.get(key, 0)

    def remember(
        self,
        contact_id: int,
        email_keys: list[str] | None,
        profile_key: str,
        phone_keys: list[str] | None,
    ) -> None:
        """Give a contact the keys it does not share with an earlier one."""
        if email_keys:
            by_email = self._by_email
            for key in email_keys:
                by_email.setdefault(key, contact_id)
        if profile_key:
            self._by_profile.setdefault(profile_key, contact_id)
        if phone_keys:
            by_phone = self._by_phone
            for key in phone_keys:
                by_phone.setdefault(key, contact_id)


class NameKeys:
    """Name + company keys of every contact, for the rows no other key matched.

    A row with a LinkedIn profile may match by name only someone without a profile
    (a profile identifies a person), so those are kept apart too.
    """

    __slots__ = ("_everyone", "_unprofiled")

    def __init__(self) -> None:
        self._everyone: dict[str, int] = {}
        self._unprofiled: dict[str, int] = {}

    def add(self, key: str, contact_id: int, profiled: bool) -> None:
        self._everyone.setdefault(key, contact_id)
        if not profiled:
            self._unprofiled.setdefault(key, contact_id)

    def find(self, key: str, *, profiled: bool) -> int:
        """The contact a row with this key matches (0: nobody); see the class docstring."""
        return (self._unprofiled if profiled else self._everyone).get(key, 0)
