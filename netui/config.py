"""Where netui keeps its data: one place for paths and the environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV_VAR = "NETUI_DB"
DB_FILENAME = "netui.db"


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/netui on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("netui", appauthor=False))


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Pick the database file: ``--db`` wins, then ``NETUI_DB``, then the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir() / DB_FILENAME
