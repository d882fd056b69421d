"""Schema migrations (Alembic), applied at start and by ``python -m dashboard migrer``.

A database made before migrations existed (its tables, no ``alembic_version``) is
stamped at the first revision, which is exactly that schema, then upgraded. Migrations
run in one write transaction (serialised like every write), so processes starting
together on one database upgrade it once.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

HERE = Path(__file__).resolve().parent
FIRST_REVISION = "0001"


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; (revision before, revision after)."""
    from dashboard.data.database import writing

    with writing(engine) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        config = alembic_config(connection)
        if before is None and inspect(connection).has_table("data_versions"):
            command.stamp(config, FIRST_REVISION)  # made by the release before migrations
            before = FIRST_REVISION
        command.upgrade(config, "head")
    return before, head_revision()
