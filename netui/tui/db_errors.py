"""What a key says when its database call fails, so no key can take the app down.

Two failures come from other netuis sharing the file: it is busy (another netui holds the
write lock; nothing was changed, and the same key works once it is done) and a contact is
gone (another netui merged or deleted it). Everything else is said as netui's error says it.
"""

from __future__ import annotations

from textual.dom import DOMNode

from netui.errors import DatabaseBusyError, NetuiError, NotFoundError
from netui.tui.text import one_line
from netui.tui.workers import describe_error

__all__ = ["busy_message", "gone_message", "report", "save_failed"]

BUSY_TIMEOUT_S = 8
"""How long a busy message stays up: long enough to read, then retry."""


def busy_message(retry: str) -> str:
    """Another netui is writing: what happened, that nothing changed, and how to retry."""
    return (
        "Another netui is writing to this database right now, so nothing was changed. "
        f"{retry} tries again."
    )


def gone_message(name: str) -> str:
    """The contact ``name`` no longer exists: another netui merged it or deleted it."""
    return f"{one_line(name)} was merged or deleted by another netui."


def report(node: DOMNode, error: NetuiError, retry: str = "The same key") -> None:
    """Say why a database call failed: busy as a warning with how to retry, others as errors."""
    if isinstance(error, DatabaseBusyError):
        node.app.notify(busy_message(retry), severity="warning", timeout=BUSY_TIMEOUT_S)
    else:
        node.app.notify(describe_error(error), severity="error", timeout=BUSY_TIMEOUT_S)


def save_failed(node: DOMNode, error: NetuiError, name: str) -> None:
    """A form about ``name`` saved nothing: what was typed stays in it, to retry or copy."""
    if isinstance(error, NotFoundError):
        message = f"{gone_message(name)} Nothing was saved; esc closes the form."
        node.app.notify(message, severity="error", timeout=2 * BUSY_TIMEOUT_S)
    else:
        report(node, error, retry="ctrl+s")
