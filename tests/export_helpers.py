"""A Contact builder for the export writer tests (every person here is invented)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from netui.domain.types import Contact, DatePrecision, TriageStatus

STAMP = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def make_contact(contact_id: int = 1, **fields: Any) -> Contact:
    values: dict[str, Any] = {
        "id": contact_id,
        "full_name": "Dana Whitfield",
        "first_name": "Dana",
        "last_name": "Whitfield",
        "company": "Tidewell Systems",
        "title": "Director of Operations",
        "emails": ("dana.whitfield@tidewell.example",),
        "phones": ("+1 206 555 0142",),
        "linkedin_url": "https://www.linkedin.com/in/dana-whitfield-4821",
        "how_we_met": "Same team at Tidewell",
        "notes": "Knows everyone in logistics.",
        "tags": ("former colleague", "mentor"),
        "strength": 4,
        "status": TriageStatus.TOP20,
        "top20_rank": 3,
        "last_contacted": date(2021, 3, 1),
        "last_contacted_precision": DatePrecision.MONTH,
        "cadence": "3m",
        "next_follow_up": date(2026, 12, 1),
        "source": "manual",
        "created_at": STAMP,
        "updated_at": STAMP,
        "connected_on": date(2019, 1, 16),
        "uid": f"0b7d3c2e-5f1a-4c8e-9d6b-{contact_id:012}",
    }
    values.update(fields)
    return Contact(**values)
