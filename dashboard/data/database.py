"""The shared database: data versions, stored files, accounts, sessions and the audit log.

SQLite by default (one file, nothing to install), PostgreSQL when
``TI_DATABASE_URL`` says so, so that several processes on several hosts serve
the same version. Write transactions are serialised (``BEGIN IMMEDIATE`` on
SQLite, an advisory lock on PostgreSQL) so two publications never get the same
number. The reference geography is not here: it stays in its GeoParquet files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic.util.exc import CommandError
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from dashboard.data import migrations

WRITE_LOCK_ID = 720_2026  # PostgreSQL advisory lock taken by every write transaction
SQLITE_BUSY_SECONDS = 30

metadata = MetaData()

versions = Table(
    "data_versions",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("author", String(200), nullable=False),
    Column("action", String(20), nullable=False),  # demo, dossier, publication, retour
    Column("nature", String(40)),
    Column("file_name", String(255)),
    Column("file_sha256", String(64)),
    Column("rows_read", Integer),
    Column("rows_kept", Integer),
    Column("rows_rejected", Integer),
    Column("report", Text),
    Column("restored_from", Integer),
    Column("folder_digest", String(64)),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("manifest", Text, nullable=False),  # JSON: the files of the version and their plans
)

blobs = Table(
    "stored_files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
)

drafts = Table(
    "publication_drafts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("account", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("regions", String(200), nullable=False, default=""),
    Column("reviewed_on", Integer),
    Column("report", Text, nullable=False),  # JSON of the LoadReport
    Column("impact", Text, nullable=False),  # JSON: totals before and after, per région
    # ajouter, retirer or remplacer (dashboard.data.ingest.scope.MODES)
    Column("mode", String(20), nullable=False, server_default="remplacer"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(20), nullable=False),
    Column("regions", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

login_sessions = Table(
    "login_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account", String(80), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, index=True),
    Column("address", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

app_settings = Table(
    "app_settings",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)


class DatabaseUnavailable(Exception):
    """The database cannot be reached or opened; the message is one French sentence."""


def now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands timezone-aware columns back naive: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def default_url(instance_dir: Path) -> str:
    return f"sqlite:///{instance_dir / 'tableau.sqlite3'}"


def safe_url(url: str) -> str:
    """The URL as it may be printed: password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(adresse illisible)"


def open_engine(url: str, migrate: bool = True) -> Engine:
    """An engine on ``url`` with its schema migrated; DatabaseUnavailable in French otherwise."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnavailable(
            f"adresse de base de données illisible : {safe_url(url)} (TI_DATABASE_URL)"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, pool_pre_ping=True, **_engine_options(parsed))
        if engine.dialect.name == "sqlite":
            _serialise_sqlite_writes(engine)
        if migrate:
            migrations.upgrade(engine)
    except (SQLAlchemyError, OSError, ImportError, CommandError) as error:
        raise DatabaseUnavailable(
            f"base de données injoignable : {safe_url(url)} ({_reason(error)})"
        ) from None
    return engine


def _engine_options(url) -> dict:
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}}
    return {"pool_size": 5, "max_overflow": 5, "pool_recycle": 1800}


def _serialise_sqlite_writes(engine: Engine) -> None:
    """pysqlite defers locks on its own; take them at BEGIN instead (SQLAlchemy's recipe)."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        mode = "IMMEDIATE" if connection.get_execution_options().get("write") else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split())[:300] or type(error).__name__


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction, serialised against every other writer of the database."""
    try:
        with engine.connect().execution_options(write=True) as connection, connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": WRITE_LOCK_ID})
            yield connection
    except OperationalError:
        # A connection opened while the file was read-only (or the server away) stays so:
        # drop the pool, the next write opens fresh connections once the fault has passed.
        engine.dispose()
        raise


def record(connection: Connection, actor: str, action: str, detail: dict | str = "") -> None:
    """One line of the audit log, in the caller's transaction."""
    if not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    connection.execute(
        insert(audit_log).values(at=now(), actor=actor, action=action, detail=detail)
    )
