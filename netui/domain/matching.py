"""Recognising the same person twice: the front door to three modules of pure rules.

- :mod:`netui.domain.identity_keys`: normalised keys (email, LinkedIn, phone, name,
  company, title, name + company);
- :mod:`netui.domain.record_merge`: merging an incoming record into a stored contact;
- :mod:`netui.domain.name_similarity`: similar names, the name index, likely duplicates.

New code imports from those modules; this one keeps ``netui.domain.matching`` imports
working for the code that already uses them.
"""

from __future__ import annotations

from netui.domain.identity_keys import (
    PHONE_KEY_DIGITS,
    PHONE_MIN_DIGITS,
    name_company_key,
    normalize_company,
    normalize_email,
    normalize_linkedin,
    normalize_name,
    normalize_phone,
    normalize_title,
    phone_key,
)
from netui.domain.name_similarity import (
    SIMILAR_RATIO,
    NameIndex,
    PersonName,
    likely_duplicates,
    name_ratio,
    nickname_groups,
    person_name,
    similar_first_names,
    similar_names,
)
from netui.domain.record_merge import (
    UNCHANGED,
    FieldChange,
    FieldChanges,
    FieldValue,
    IncomingFields,
    StoredFields,
    merge_plan,
    union_emails,
    union_phones,
    union_tags,
)

__all__ = [
    "PHONE_KEY_DIGITS",
    "PHONE_MIN_DIGITS",
    "SIMILAR_RATIO",
    "UNCHANGED",
    "FieldChange",
    "FieldChanges",
    "FieldValue",
    "IncomingFields",
    "NameIndex",
    "PersonName",
    "StoredFields",
    "likely_duplicates",
    "merge_plan",
    "name_company_key",
    "name_ratio",
    "nickname_groups",
    "normalize_company",
    "normalize_email",
    "normalize_linkedin",
    "normalize_name",
    "normalize_phone",
    "normalize_title",
    "person_name",
    "phone_key",
    "similar_first_names",
    "similar_names",
    "union_emails",
    "union_phones",
    "union_tags",
]
