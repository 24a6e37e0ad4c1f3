"""netui serve's rules without a server: loopback only, the command each tab runs, ports."""

from __future__ import annotations

import errno
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_runner import Netui

import netui.serve
from netui.errors import ValidationError
from netui.serve import (
    CannotListenError,
    PortInUseError,
    app_command,
    check_port,
    free_port_after,
    is_local_request,
    loopback_host,
    port_is_free,
    public_url,
)

HOSTILE_PATH = 'Ann\'s "net" $(touch pwned) `id` ;|&*?\\ ui.db'


@pytest.fixture
def listening() -> Iterator[int]:
    """A port that another program is listening on, for as long as the test runs."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]"])
def test_loopback_addresses_are_accepted(host: str) -> None:
    assert loopback_host(host) == host.strip("[]")


@pytest.mark.parametrize(
    "host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "8.8.8.8", "fe80::1", "  "]
)
def test_other_addresses_are_refused(host: str) -> None:
    with pytest.raises(ValidationError) as refused:
        loopback_host(host)
    assert refused.value.field == "--host"
    assert "\n" not in str(refused.value)


def _resolving_to(*addresses: str) -> Any:
    def getaddrinfo(name: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in addresses]

    return getaddrinfo


def test_a_name_must_resolve_to_loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _resolving_to("::1", "127.0.0.1"))
    assert loopback_host("localhost") == "127.0.0.1"  # IPv4 first
    monkeypatch.setattr(socket, "getaddrinfo", _resolving_to("127.0.0.1", "203.0.113.7"))
    with pytest.raises(ValidationError, match=r"localhost \(203\.0\.113\.7\) is not a loopback"):
        loopback_host("localhost")


def test_an_unknown_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    with pytest.raises(ValidationError, match=r"nowhere\.invalid is not a known host name"):
        loopback_host("nowhere.invalid")


def test_public_url_brackets_ipv6() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8001) == "http://[::1]:8001"


@pytest.mark.parametrize(
    ("headers", "local"),
    [
        ({"Host": "127.0.0.1:8000"}, True),
        ({"Host": "LOCALHOST:8000", "Origin": "http://localhost:8000"}, True),
        ({"Host": "[::1]:8000", "Origin": "http://127.0.0.1:8000"}, True),
        ({}, False),
        ({"Host": "127.0.0.1:8001"}, False),
        ({"Host": "evil.example:8000"}, False),  # DNS rebinding
        ({"Host": "127.0.0.1:8000", "Origin": "https://evil.example"}, False),
        ({"Host": "127.0.0.1:8000", "Origin": "http://127.0.0.1:8001"}, False),
        ({"Host": "127.0.0.1:8000", "Origin": "null"}, False),
    ],
)
def test_only_requests_from_this_computer_are_local(headers: dict[str, str], local: bool) -> None:
    assert is_local_request(headers, "127.0.0.1", 8000) is local


def test_each_tab_runs_this_python_on_the_resolved_database(tmp_path: Path) -> None:
    db = tmp_path / HOSTILE_PATH
    assert shlex.split(app_command(db)) == ["exec", sys.executable, "-m", "netui", "--db", str(db)]


def test_the_command_survives_a_real_shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """textual-serve hands the command to a shell: the path must reach netui as one word.
    The interpreter is swapped for a script that prints the words it was given."""
    echo = tmp_path / "bin dir" / "python's"
    echo.parent.mkdir()
    echo.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    echo.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(echo))
    db = tmp_path / HOSTILE_PATH
    shown = subprocess.run(
        app_command(db), shell=True, cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert shown.stdout.splitlines() == ["-m", "netui", "--db", str(db)]
    assert not (tmp_path / "pwned").exists()


def test_a_relative_database_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert shlex.split(app_command(Path("mine.db")))[-1] == str(tmp_path / "mine.db")


def test_a_taken_port_is_found_and_a_free_one_suggested(listening: int) -> None:
    assert not port_is_free("127.0.0.1", listening)
    suggestion = free_port_after("127.0.0.1", listening)
    assert suggestion is not None
    assert suggestion > listening
    assert port_is_free("127.0.0.1", suggestion)
    with pytest.raises(PortInUseError) as taken:
        check_port("127.0.0.1", listening)
    assert str(taken.value) == f"port {listening} is in use; try --port {suggestion}"


def test_a_port_that_cannot_be_listened_on_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: socket.socket, address: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(socket.socket, "bind", refuse)
    with pytest.raises(CannotListenError) as refused:
        check_port("127.0.0.1", 80)
    assert str(refused.value) == "cannot listen on 127.0.0.1 port 80: Permission denied"


# --- the command line, in-process (nothing here gets as far as serving) -------------------


def test_cli_refuses_a_non_loopback_host(cmd: Netui, db_path: Path) -> None:
    result = cmd.run("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert result.stderr.startswith("netui: error: --host: 0.0.0.0 is not a loopback address;")
    assert "authentication" in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert not db_path.exists()


def test_cli_says_which_port_is_in_use(cmd: Netui, db_path: Path, listening: int) -> None:
    result = cmd.run("serve", "--port", str(listening))
    assert result.exit_code == 1
    suggestion = free_port_after("127.0.0.1", listening)
    assert result.stderr == f"netui: error: port {listening} is in use; try --port {suggestion}\n"
    assert result.stdout == ""
    assert not db_path.exists()


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_cli_refuses_a_port_out_of_range(cmd: Netui, port: str) -> None:
    result = cmd.run("serve", "--port", port)
    assert result.exit_code == 2
    assert "--port" in result.stderr


class Recorded:
    """Stands in for netui.serve.serve: what the command would have served."""

    def __init__(self) -> None:
        self.calls: list[tuple[Path, str, int]] = []

    def __call__(self, db: Path, *, host: str, port: int, on_ready: Any) -> None:
        self.calls.append((db, host, port))
        on_ready(public_url(host, port) + "/")


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    fake = Recorded()
    monkeypatch.setattr(netui.serve, "serve", fake)
    return fake


def test_cli_serves_the_db_option(
    cmd: Netui, db_path: Path, recorded: Recorded, free_port: int
) -> None:
    out = cmd.ok("serve", "--port", str(free_port))
    assert recorded.calls == [(db_path.absolute(), "127.0.0.1", free_port)]
    assert out.splitlines() == [
        f"netui is serving {db_path.absolute()} at http://127.0.0.1:{free_port}/",
        "This computer only, no password. Press Ctrl+C to stop.",
        "netui serve stopped.",
    ]


def test_cli_prints_a_hostile_database_path_as_plain_text(
    cmd: Netui, recorded: Recorded, tmp_path: Path, free_port: int
) -> None:
    db = tmp_path / "evil\x1b]0;PWNED\x07\x1b[2J[bold]x[/].db"
    out = cmd.ok("serve", "--port", str(free_port), db=db)
    assert recorded.calls == [(db, "127.0.0.1", free_port)]  # netui gets the path as it is
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "[bold]x[/].db at http://127.0.0.1:" in out  # brackets are text, not markup


def test_cli_serves_netui_db_from_the_environment(
    cmd: Netui, recorded: Recorded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, free_port: int
) -> None:
    monkeypatch.setenv("NETUI_DB", str(tmp_path / "from env.db"))
    cmd.ok("serve", "--port", str(free_port), db=False)
    assert recorded.calls == [(tmp_path / "from env.db", "127.0.0.1", free_port)]


def test_cli_refuses_a_foreign_file_before_serving(
    cmd: Netui, db_path: Path, recorded: Recorded, free_port: int
) -> None:
    db_path.write_text("not a database, just someone's notes\n")
    result = cmd.run("serve", "--port", str(free_port))
    assert result.exit_code == 1
    assert result.stderr.startswith("netui: error: ")
    assert result.stderr.count("\n") == 1
    assert recorded.calls == []


def test_help_says_there_is_no_authentication(cmd: Netui) -> None:
    out = " ".join(cmd.ok("serve", "--help", db=False).split())
    assert "There is no authentication" in out
    assert "listens on this computer only" in out
    assert "[default: 8000; 1<=x<=65535]" in out
