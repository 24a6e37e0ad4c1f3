"""The backup's storage half: tables described as plain shapes, and a refused row named."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from netui.db.backup import BackupRepository, RestoreConflictError, record_shapes
from netui.domain.record_shape import ValueKind
from netui.services.context import Services


def test_tables_are_described_without_sqlalchemy_types() -> None:
    shapes = {shape.name: shape for shape in record_shapes()}
    contact = shapes["contact"]
    assert contact.plural == "contacts"
    assert contact.primary_key == ("id",)
    assert ("import_batch_id", "import_batch") in contact.references
    fields = {field.name: field for field in contact.fields}
    assert (fields["emails"].kind, fields["created_at"].kind) == (ValueKind.LIST, ValueKind.MOMENT)
    assert fields["full_name"].required  # no default to fall back on
    assert not fields["first_name"].required
    assert ("builtin_key",) in shapes["script"].unique
    # A name is unique only among scripts not deleted: a section rule checks that instead.
    assert ("name",) not in shapes["script"].unique
    assert ("script_id", "number") in shapes["script_revision"].unique
    assert ("script_revision_id", "script_revision") in shapes["interaction"].references
    assert order_of(shapes, "script_revision") < order_of(shapes, "interaction")
    assert shapes["setting"].named_values
    order = list(shapes)
    assert order.index("contact") < order.index("interaction")  # parents first


def order_of(shapes: Mapping[str, object], name: str) -> int:
    return list(shapes).index(name)


def contact_row(contact_id: int, status: str) -> dict[str, object]:
    return {"id": contact_id, "full_name": f"Person {contact_id}", "status": status}


def test_the_first_row_the_database_refuses_is_named(services: Services) -> None:
    rows = [contact_row(1, "new"), contact_row(2, "later"), contact_row(3, "vip")]
    rows += [contact_row(4, "also wrong")]
    with pytest.raises(RestoreConflictError) as caught, services.db.session() as session:
        BackupRepository(session).restore({"contact": rows}, {})
    assert caught.value.place == "contacts[2]"
    assert "CHECK constraint failed" in caught.value.detail
    assert str(caught.value).startswith("contacts[2]: CHECK constraint failed")
    assert services.contacts.is_empty()  # the transaction was rolled back


def test_rows_lacking_a_column_go_in_apart_yet_are_named_by_their_place(
    services: Services,
) -> None:
    """Rows are inserted grouped by the columns they have, not in file order."""
    rows = [contact_row(1, "new"), contact_row(1, "later"), {"id": 2, "full_name": "No status"}]
    with pytest.raises(RestoreConflictError) as caught, services.db.session() as session:
        BackupRepository(session).restore({"contact": rows}, {})
    assert caught.value.place == "contacts[1]"
    assert "UNIQUE constraint failed" in caught.value.detail
