"""The one exception the import readers raise for a file that cannot be used."""

from __future__ import annotations

from os import PathLike

from netui.errors import NetuiError


class ImportFileError(NetuiError):
    """A file cannot be imported at all; the message is meant for the user.

    ``str(error)`` names the file and says what is wrong with it, for example
    ``contacts.csv: no contacts found (the file has a header row but no data rows)``.
    """

    def __init__(self, path: str | PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
