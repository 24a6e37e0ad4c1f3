"""Every service over one database: the single entry point for the app and the CLI.

A service is built, and its module imported, the first time it is asked for: a command
that lists contacts builds the contact and settings services and nothing else, and never
imports what the others need (SQLAlchemy's ORM, the file formats). Adding a service is one
line in :class:`Services` (plus its type for the checker).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from netui.db.engine import BUSY_TIMEOUT_MS, Database, open_database
from netui.domain.clock import Clock
from netui.services.safekeeping import prepare_to_write
from netui.settings_file import resolve_settings_path

if TYPE_CHECKING:
    from netui.services.audit import AuditService
    from netui.services.backup import BackupService
    from netui.services.changes import ChangeService
    from netui.services.contacts import ContactService
    from netui.services.export import ExportService
    from netui.services.importer import ImportService
    from netui.services.interactions import InteractionService
    from netui.services.merge import MergeService
    from netui.services.referrals import ReferralService
    from netui.services.report import ReportService
    from netui.services.scripts import ScriptService
    from netui.services.settings import SettingsService
    from netui.services.stats import StatsService
    from netui.services.timer import TimerService
    from netui.services.today import TodayService
    from netui.services.triage import TriageService

T = TypeVar("T")


class Lazy(Generic[T]):
    """A service made on first use from ``module.name(*arguments)``, then kept.

    Each argument names another attribute of :class:`Services` (``"db"``, ``"clock"``,
    another service), so services can be built from each other.
    """

    def __init__(self, module: str, name: str, *arguments: str) -> None:
        self.module = module
        self.name = name
        self.arguments = arguments
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, services: Services | None, owner: type | None = None) -> T:
        if services is None:
            raise AttributeError(self.attribute)  # asked of the class, not of an instance
        built = services.__dict__.get(self.attribute)
        if built is None:
            with services._building:  # the app's worker and UI threads both ask
                built = services.__dict__.get(self.attribute)
                if built is None:
                    make: Callable[..., Any] = getattr(
                        importlib.import_module(self.module), self.name
                    )
                    built = make(*(getattr(services, a) for a in self.arguments))
                    services.__dict__[self.attribute] = built
        return cast("T", built)


class Services:
    """Every use case over one database, and the clock they all tell time by."""

    contacts: Lazy[ContactService] = Lazy(
        "netui.services.contacts", "ContactService", "db", "settings", "clock"
    )
    triage: Lazy[TriageService] = Lazy("netui.services.triage", "TriageService", "db", "clock")
    interactions: Lazy[InteractionService] = Lazy(
        "netui.services.interactions", "InteractionService", "db", "clock"
    )
    settings: Lazy[SettingsService] = Lazy(
        "netui.services.settings", "SettingsService", "db", "settings_path"
    )
    backup: Lazy[BackupService] = Lazy("netui.services.backup", "BackupService", "db", "clock")
    export: Lazy[ExportService] = Lazy(
        "netui.services.export", "ExportService", "db", "clock", "backup"
    )
    imports: Lazy[ImportService] = Lazy("netui.services.importer", "ImportService", "db", "clock")
    merge: Lazy[MergeService] = Lazy("netui.services.merge", "MergeService", "db", "clock")
    changes: Lazy[ChangeService] = Lazy("netui.services.changes", "ChangeService", "db")
    scripts: Lazy[ScriptService] = Lazy("netui.services.scripts", "ScriptService", "db", "clock")
    timer: Lazy[TimerService] = Lazy(
        "netui.services.timer", "TimerService", "db", "clock", "settings"
    )
    today: Lazy[TodayService] = Lazy(
        "netui.services.today", "TodayService", "db", "clock", "settings"
    )
    audit: Lazy[AuditService] = Lazy(
        "netui.services.audit", "AuditService", "db", "clock", "settings"
    )
    stats: Lazy[StatsService] = Lazy(
        "netui.services.stats", "StatsService", "db", "clock", "settings", "referrals"
    )
    referrals: Lazy[ReferralService] = Lazy(
        "netui.services.referrals", "ReferralService", "db", "clock"
    )
    report: Lazy[ReportService] = Lazy(
        "netui.services.report", "ReportService", "db", "clock", "today", "stats"
    )

    def __init__(self, db: Database, clock: Clock, settings_path: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.settings_path = settings_path or resolve_settings_path()
        """The settings file: ``$NETUI_CONFIG`` or the user config folder unless given."""
        self._building = threading.RLock()  # a service built from others takes it again

    @property
    def path(self) -> Path:
        return self.db.path

    def built(self) -> list[str]:
        """The services made so far (the others' modules may not even be imported)."""
        return [
            name
            for name, value in vars(type(self)).items()
            if isinstance(value, Lazy) and name in self.__dict__
        ]

    def close(self) -> None:
        if "changes" in self.__dict__:  # only the app starts watching; nothing to stop else
            self.changes.close()
        self.db.close()


def open_services(
    path: Path,
    clock: Clock,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    writing: bool = True,
    settings_path: Path | None = None,
) -> Services:
    """Open (creating or migrating) the database at ``path``; services are made as used.

    ``busy_timeout_ms`` is how long a write waits while another netui is writing.
    ``writing`` (the app, and every command that writes) first refuses a damaged file;
    a command that only reads passes False and is spared the check.
    ``settings_path`` is the settings file (``$NETUI_CONFIG``, else the user config folder).
    """
    if writing:
        prepare_to_write(path, clock)
    return Services(open_database(path, clock, busy_timeout_ms), clock, settings_path)
