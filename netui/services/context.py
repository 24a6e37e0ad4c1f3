"""Build every service over one database: the single entry point for the app and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netui.db.engine import BUSY_TIMEOUT_MS, Database, open_database
from netui.domain.clock import Clock
from netui.services.backup import BackupService
from netui.services.changes import ChangeService
from netui.services.contacts import ContactService
from netui.services.export import ExportService
from netui.services.importer import ImportService
from netui.services.interactions import InteractionService
from netui.services.merge import MergeService
from netui.services.safekeeping import prepare_to_write
from netui.services.scripts import ScriptService
from netui.services.settings import SettingsService
from netui.services.triage import TriageService


@dataclass(frozen=True)
class Services:
    """Every use case over one database, and the clock they all tell time by."""

    db: Database
    clock: Clock
    contacts: ContactService
    triage: TriageService
    interactions: InteractionService
    settings: SettingsService
    backup: BackupService
    export: ExportService
    imports: ImportService
    merge: MergeService
    changes: ChangeService
    scripts: ScriptService

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.changes.close()
        self.db.close()


def open_services(
    path: Path, clock: Clock, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, writing: bool = True
) -> Services:
    """Open (creating or migrating) the database at ``path`` and wire the services to it.

    ``busy_timeout_ms`` is how long a write waits while another netui is writing.
    ``writing`` (the app, and every command that writes) first refuses a damaged file;
    a command that only reads passes False and is spared the check.
    """
    if writing:
        prepare_to_write(path, clock)
    db = open_database(path, clock, busy_timeout_ms)
    settings = SettingsService(db)
    backup = BackupService(db, clock)
    return Services(
        db=db,
        clock=clock,
        contacts=ContactService(db, settings, clock),
        triage=TriageService(db, clock),
        interactions=InteractionService(db, clock),
        settings=settings,
        backup=backup,
        export=ExportService(db, clock, backup),
        imports=ImportService(db, clock),
        merge=MergeService(db, clock),
        changes=ChangeService(db),
        scripts=ScriptService(db, clock),
    )
