"""Contact UIDs: random version-4 UUIDs netui makes, and UIDs read from files."""

from __future__ import annotations

import uuid

from netui.domain.contact_uid import MAX_UID_LENGTH, new_uid, new_uids, uid_problem, usable_uid


def test_new_uids_are_distinct_random_uuids_written_as_uuid4_writes_them() -> None:
    made = [*new_uids(5000), new_uid()]
    assert len(set(made)) == len(made)
    for uid in made:
        parsed = uuid.UUID(uid)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == uid
    assert new_uids(0) == []


def test_a_uid_from_a_file_is_cleaned_or_not_kept() -> None:
    assert usable_uid("  urn:uuid:abc\x07 ") == "urn:uuid:abc"
    assert usable_uid("x" * MAX_UID_LENGTH) == "x" * MAX_UID_LENGTH
    assert usable_uid("x" * (MAX_UID_LENGTH + 1)) == ""
    assert uid_problem("abc") is None
    assert uid_problem("") == "a contact needs a UID"
    assert uid_problem("x" * 300) == "is 300 characters long (a UID is at most 255)"
