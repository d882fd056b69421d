"""The store a process serves, following the shared database's current version.

Each process keeps its fast in-memory ``DataStore`` and a thread that asks the
database for the current version number every ``TI_POLL_SECONDS``; when it
changes, the new version is materialised as a folder, loaded (from the disk
cache when another process of the host already imported it) and swapped in,
while requests keep being served from the old one. A database that stops
answering leaves the last version on screen, with a notice.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from dashboard.data import cache, store_cache
from dashboard.data.database import DatabaseUnavailable, open_engine
from dashboard.data.store import DataFolderMissing, DataStore
from dashboard.data.versions import DataVersions, Version
from dashboard.settings import Settings

log = logging.getLogger(__name__)
DEMO_AUTHOR = "installation (données de démonstration)"
FOLDER_AUTHOR = "démarrage (dossier TI_DATA_DIR)"


class LiveStore:
    """Holds the current ``DataStore`` (``store``); ``refresh`` swaps in a newer version.

    Readers take ``store`` once and keep it for their whole answer (``current_store``):
    there is no delegation of attributes, so no answer can read two versions."""

    def __init__(self, settings: Settings, versions: DataVersions) -> None:
        self.settings = settings
        self.versions = versions
        self.database_error: str | None = None
        self._refresh_lock = threading.Lock()
        self._sqlite_file = sqlite_identity(versions.engine)
        self._store: DataStore = self._load(self._current_or_fail(), None)
        self._poller: threading.Thread | None = None
        self._stopped = threading.Event()

    @property
    def store(self) -> DataStore:
        return self._store

    @property
    def number(self) -> int | None:
        version = self._store.version
        return None if version is None else version.number

    def refresh(self) -> bool:
        """Load the database's current version if it is newer; True when the store changed."""
        with self._refresh_lock:
            vanished = self._sqlite_vanished()
            if vanished:
                if self.database_error != vanished:
                    log.error(vanished)
                self.database_error = vanished
                return False
            try:
                number = self.versions.current_number()
                if number is None or number == self.number:
                    self.database_error = None
                    return False
                version = self.versions.get(number)
                store = self._load(version, self._store)
            except SQLAlchemyError as error:
                self._note_unreachable(error)
                return False
            self._store = store
            self.database_error = None
            log.info("données : %s chargée en %.1f s", version.label, store.load_seconds)
            return True

    def start_polling(self) -> None:
        if self._poller is not None:
            return
        self._poller = threading.Thread(target=self._poll, name="ti-versions", daemon=True)
        self._poller.start()

    def stop_polling(self) -> None:
        self._stopped.set()

    def _poll(self) -> None:
        _lower_this_threads_priority()  # requests first: a reload only takes spare CPU
        while not self._stopped.wait(self.settings.poll_seconds):
            try:
                self.refresh()
            except Exception:  # the poller must outlive any one bad version
                log.exception("rechargement des données impossible")

    def _current_or_fail(self) -> Version:
        version = self.versions.current()
        if version is None:
            raise DatabaseUnavailable("la base de données ne contient aucune version de données")
        return version

    def _load(self, version: Version, previous: DataStore | None) -> DataStore:
        """The version loaded, one process of the host at a time: the first one imports
        the files and writes the disk cache, the others then read that cache (a fraction
        of the work), so a publication never has every worker importing at once."""
        root = _versions_dir(self.settings)
        with _host_lock(root):
            folder = self.versions.materialise(version, root)
            settings = replace(self.settings, data_dir=folder)
            store = DataStore.load(settings, version.plans, version, previous)
        if previous is not None:
            cache.forget(previous.cache_token)  # its pages and results are never asked again
            _keep_recent_folders(root, KEPT_VERSIONS)
            with suppress(OSError):
                store_cache.keep_recent_entries(self.settings.cache_dir, KEPT_VERSIONS)
        return store

    def version_store(self, number: int) -> DataStore:
        """Version ``number`` loaded (from the disk cache when it was served before), without
        serving it: what a roll-back would bring back, or what a version changed."""
        if self.number == number:
            return self.store
        version = self.versions.get(number)
        root = _versions_dir(self.settings)
        with _host_lock(root):
            folder = self.versions.materialise(version, root)
            settings = replace(self.settings, data_dir=folder)
            return DataStore.load(settings, version.plans, version, self.store)

    def _sqlite_vanished(self) -> str | None:
        """A French sentence when the SQLite file was deleted or replaced since the start:
        the open connections would go on reading the old file, new ones an empty one."""
        if self._sqlite_file is None:
            return None
        path, identity = self._sqlite_file
        try:
            now_identity = _identity(path)
        except OSError:
            now_identity = None
        if now_identity == identity:
            return None
        label = self._store.version.label if self._store.version else ""
        return (
            f"Le fichier de la base de données ({path.name}) a été supprimé ou remplacé : "
            f"les écrans montrent la {label}, les publications sont suspendues ; "
            "rétablissez le fichier puis redémarrez l'application."
        )

    def _note_unreachable(self, error: Exception) -> None:
        if self.database_error is None:
            log.warning("base de données injoignable : %s", error)
            since = time.strftime("%H:%M")
            label = self._store.version.label if self._store.version else ""
            self.database_error = (
                f"Base de données injoignable depuis {since} : les écrans montrent la {label}, "
                "dernière version chargée."
            )


def sqlite_identity(engine) -> tuple[Path, tuple[int, int]] | None:
    """The SQLite file of ``engine`` and its (device, inode); None for another database."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    path = Path(engine.url.database).resolve()
    try:
        return path, _identity(path)
    except OSError:
        return None


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


KEPT_VERSIONS = 3  # version folders and disk-cache entries kept per host (the newest)


@contextmanager
def _host_lock(root: Path):
    """An exclusive lock shared by the processes of this host (a file in ``root``)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".chargement.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _keep_recent_folders(root: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest version folders (another process may still be
    reading an older one: its files stay open until it is done)."""
    folders = sorted(
        (path for path in root.glob("version-*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _lower_this_threads_priority() -> None:
    """Nice 10 for the calling thread (Linux schedules threads as tasks); elsewhere a no-op."""
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


StoreSource = DataStore | LiveStore  # what the app serves: a fixed store, or the live one


def current_store(source: StoreSource) -> DataStore:
    """The ``DataStore`` in force now (also the key of caches that must follow versions)."""
    return source.store if isinstance(source, LiveStore) else source


def open_live_store(settings: Settings) -> LiveStore:
    """Database opened, data folder imported as a version if it changed, current version loaded.

    Raises DatabaseUnavailable or DataFolderMissing, both with a French message.
    """
    if not settings.data_dir.is_dir():
        raise DataFolderMissing(
            f"dossier de données introuvable : {settings.data_dir} "
            "(variable TI_DATA_DIR) ; l'application ne peut pas démarrer"
        )
    versions = DataVersions(open_engine(settings.database))
    author = DEMO_AUTHOR if settings.is_demo else FOLDER_AUTHOR
    try:
        imported = versions.import_folder(settings.data_dir, author, settings.is_demo)
    except SQLAlchemyError as error:
        raise DatabaseUnavailable(f"base de données inutilisable : {error}") from None
    if imported is not None:
        log.info("dossier %s publié : %s", settings.data_dir, imported.label)
    return LiveStore(settings, versions)


def _versions_dir(settings: Settings) -> Path:
    root = settings.cache_dir / "versions"
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root
    except OSError:
        return Path(tempfile.gettempdir()) / "ti-versions"
