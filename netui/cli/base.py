"""What every command shares: the clock, the database, ``--db``/``--json``, error handling.

The clock travels in click's context object (:class:`CliContext`): the ``netui`` group puts
the real one there unless its caller (a test) gave another, and commands ask :func:`clock`.

Problems a user can fix become one line on stderr (``netui: error: ...``) and exit status 1;
usage mistakes exit 2 (click); nothing prints a traceback unless ``NETUI_DEBUG=1`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from netui.config import DB_ENV_VAR, resolve_db_path
from netui.domain.clock import Clock, local_today
from netui.errors import NetuiError, ValidationError

if TYPE_CHECKING:
    from netui.services.context import Services

DEBUG_ENV_VAR = "NETUI_DEBUG"
WRITE_WAIT_MS = 10_000
"""How long a command's write waits for another netui's to finish before it gives up."""

# Which option to name when a service rejects a field.
FIELD_OPTIONS = {
    "name": "NAME",
    "email": "--email",
    "phones": "--phone",
    "strength": "--strength",
    "cadence": "--cadence",
    "company": "--company",
    "title": "--title",
    "linkedin_url": "--linkedin",
    "how_we_met": "--met",
    "notes": "--notes",
    "note": "--note",
    "when": "--when",
    "follow-up": "--follow-up",
    "rank": "--rank",
    "contacts": "--contacts",
}

F = TypeVar("F", bound=Callable[..., Any])


# --- time ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CliContext:
    """What a run of ``netui`` carries from its start to every command: the one clock."""

    clock: Clock


def clock() -> Clock:
    """The clock this run of ``netui`` tells time by (from click's context object)."""
    state = click.get_current_context().find_object(CliContext)
    if state is None:
        raise RuntimeError("netui's commands run under the netui group, which sets the clock")
    return state.clock


def today() -> date:
    return local_today(clock())


# --- errors -------------------------------------------------------------------------------


class CliError(click.ClickException):
    """A one-line message on stderr and exit status 1."""

    exit_code = 1

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind

    def show(self, file: Any = None) -> None:
        from netui.cli.output import printable

        click.echo(f"netui: {self.kind}: {printable(self.message)}", err=True)


def _option_message(error: ValidationError) -> str:
    return f"{FIELD_OPTIONS.get(error.field, error.field)}: {error.message}"


def _debugging() -> bool:
    return os.environ.get(DEBUG_ENV_VAR, "") not in ("", "0")


def _damage_behind() -> NetuiError | None:
    """The database's damage, if that is what made a command fail unexpectedly."""
    from netui.services.maintenance import damage_behind

    return damage_behind(db_path())


class NetuiGroup(click.Group):
    """The top-level group: turns every error from any subcommand into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except ValidationError as error:
            raise CliError(_option_message(error)) from None
        except NetuiError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            if _debugging():
                raise
            where = f": {error.filename}" if error.filename else ""
            raise CliError(f"{error.strerror or error}{where}") from None
        except Exception as error:
            if _debugging():
                raise
            damage = _damage_behind()
            if damage is not None:
                raise CliError(str(damage)) from None
            raise CliError(
                f"{type(error).__name__}: {error} (run with {DEBUG_ENV_VAR}=1 for details)",
                kind="internal error",
            ) from None


# --- shared options and the database ------------------------------------------------------

_DB_KEY = "netui.db"


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    """``--db`` works before or after the subcommand; the later one wins."""
    if value is not None:
        ctx.find_root().meta[_DB_KEY] = value


def db_option(func: F) -> F:
    option = click.option(
        "--db",
        type=click.Path(path_type=Path),
        metavar="PATH",
        expose_value=False,
        callback=_remember_db,
        help=f"Database file (default: ${DB_ENV_VAR}, else your user data folder).",
    )
    return option(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def given_db() -> Path | None:
    """The ``--db`` given on the command line, if any."""
    return click.get_current_context().find_root().meta.get(_DB_KEY)


def db_path() -> Path:
    """The database file: ``--db``, else ``$NETUI_DB``, else the default."""
    return resolve_db_path(given_db())


@contextmanager
def open_services(*, writing: bool) -> Iterator[Services]:
    """The services on the database file, closed afterwards (SQLAlchemy loads only here).

    A command that may write says so with ``writing``: the file is then checked for damage
    first. Each command chooses; there is no default to forget.
    """
    from netui.services import context

    services = context.open_services(
        db_path(), clock(), busy_timeout_ms=WRITE_WAIT_MS, writing=writing
    )
    try:
        yield services
    finally:
        services.close()
