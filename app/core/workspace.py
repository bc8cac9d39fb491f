"""The core facade: one open data folder with its database and services.

The GUI and the CLI both start here::

    ws = Workspace.open(resolve_location(args.data_dir))
    ws.clients.create(ClientFields(name="Ромашка", main_address="info@romashka.ru"))
"""

from __future__ import annotations

import logging
import os
from types import TracebackType

from app.core.addresses.service import AddressService
from app.core.clients.service import ChannelService, ClientService
from app.core.credentials import get_password
from app.core.leads.service import LeadService
from app.core.mailboxes.service import MailboxService
from app.core.paths import DB_URL_ENV, Location
from app.core.reports.costs import CostService
from app.core.reports.deals import DealImporter
from app.core.reports.numbers import ReportService
from app.core.reports.overview import OverviewService
from app.core.settings import Settings, load_settings, save_settings
from app.core.storage.database import (
    Database,
    DatabaseTarget,
    password_key,
    server_target,
    sqlite_target,
)
from app.core.storage.lock import DataFolderLock
from app.core.storage.migrate import MigrationResult, upgrade
from app.core.visits.service import VisitService

log = logging.getLogger(__name__)


def database_target(
    location: Location, settings: Settings, url: str | None = None
) -> DatabaseTarget:
    """The database to use: an explicit URL, the environment, Settings, else the SQLite file.

    The URL in Settings carries no password; it is read from the keyring (see
    :func:`app.core.storage.database.password_key`).
    """
    chosen = url or os.environ.get(DB_URL_ENV) or settings.database_url
    if not chosen:
        return sqlite_target(location.database_file)
    target = server_target(chosen)
    if target.is_sqlite or target.url.password:
        return target
    password = get_password(password_key(target.url))
    if password:
        target = DatabaseTarget(target.url.set(password=password), None)
    return target


class Workspace:
    """An open data folder: settings, the database (migrated) and the services on it."""

    def __init__(
        self,
        location: Location,
        settings: Settings,
        db: Database,
        lock: DataFolderLock | None,
        migration: MigrationResult | None,
    ) -> None:
        self.location = location
        self.settings = settings
        self.db = db
        self.migration = migration
        self._lock = lock
        self.clients = ClientService(db)
        self.channels = ChannelService(db)
        self.addresses = AddressService(db)
        self.mailboxes = MailboxService(db)
        self.leads = LeadService(db)
        self.visits = VisitService(db)
        self.costs = CostService(db)
        self.deals = DealImporter(db)
        self.reports = ReportService(db)
        self.overview = OverviewService(db)

    @classmethod
    def open(
        cls,
        location: Location,
        *,
        database_url: str | None = None,
        lock: bool = True,
        migrate: bool = True,
    ) -> Workspace:
        """Lock the data folder, open the database and bring its schema up to date.

        ``lock=False`` is for read-only commands that may run beside an open window.
        """
        settings = load_settings(location.settings_file)
        folder_lock = DataFolderLock(location.data_dir) if lock else None
        if folder_lock is not None:
            folder_lock.acquire()
        try:
            db = Database(database_target(location, settings, database_url))
            try:
                db.check()
                migration = upgrade(db) if migrate else None
            except BaseException:
                db.dispose()
                raise
        except BaseException:
            if folder_lock is not None:
                folder_lock.release()
            raise
        log.info("Opened %s", db.describe())
        return cls(location, settings, db, folder_lock, migration)

    def save_settings(self, settings: Settings) -> None:
        save_settings(self.location.settings_file, settings)
        self.settings = settings

    def close(self) -> None:
        self.db.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
