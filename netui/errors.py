"""netui's own errors: each carries a message fit to show a user as it is."""


class NetuiError(Exception):
    """Base class for problems a user can act on (bad input, unusable file...)."""


class DatabaseFileError(NetuiError):
    """The database file cannot be used: not netui's, from a newer netui, or unreadable."""


class NotFoundError(NetuiError):
    """A contact (or other record) asked for by id does not exist."""


class ValidationError(NetuiError):
    """Input that breaks a rule; ``field`` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class Top20FullError(NetuiError):
    """The Top 20 already holds 20 people; one must be swapped out first."""


class ContactChangedError(NetuiError):
    """The contact was saved by another netui since the draft was made; nothing was written."""


class DatabaseBusyError(NetuiError):
    """Another netui (or program) holds the database's write lock; nothing was changed."""


class DatabaseDamagedError(DatabaseFileError):
    """SQLite found the file malformed; nothing was written."""


class DiskFullError(NetuiError):
    """The disk (or the database's size limit) is full; nothing was written."""
