"""``python -m netui`` in a pseudo-terminal of a given size, for tests that read its bytes."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
from collections.abc import Mapping
from pathlib import Path


def start_netui(
    db_path: Path, columns: int, lines: int, env_changes: Mapping[str, str | None] | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """The app on ``db_path`` in an xterm-256color terminal; the process and the pty's master.

    Textual's own environment variables are left out; ``env_changes`` sets variables (None
    removes one). NO_COLOR is removed unless it is given.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
    env.pop("NO_COLOR", None)
    for name, value in (env_changes or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    process = subprocess.Popen(
        [sys.executable, "-m", "netui", "--db", str(db_path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return process, master
