"""Schema migrations: a database of the release before them is upgraded in place,
keeping its versions and accounts; a new database gets exactly the tables the code uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from dashboard.accounts.users import Accounts
from dashboard.cli import main as cli
from dashboard.data.database import app_settings, metadata, open_engine
from dashboard.data.versions import DataVersions

HEAD = "0003"  # the latest migration (dashboard/data/migrations/versions)
PREVIOUS_RELEASE = Path(__file__).parents[1] / "data" / "databases" / "release_2026_12_06.sql"


def previous_release_database(tmp_path: Path) -> str:
    path = tmp_path / "ancienne.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(PREVIOUS_RELEASE.read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_a_database_of_the_previous_release_keeps_its_versions_and_accounts(tmp_path):
    engine = open_engine(previous_release_database(tmp_path))
    assert revision(engine) == HEAD
    versions = DataVersions(engine)
    assert [v.number for v in versions.all()] == [1]
    accounts = Accounts(engine)
    assert {a.name: (a.role, a.regions) for a in accounts.all()} == {
        "bfc": ("editeur", ("27",)),
        "chef": ("administrateur", ()),
    }
    assert accounts.log_in("bfc", "mot-de-passe-bfc-2026", "127.0.0.1") is not None
    with engine.connect() as connection:  # the session key it held is gone
        assert connection.execute(select(app_settings.c.key)).scalars().all() == []


def test_a_new_database_has_exactly_the_tables_the_code_uses(database_url):
    engine = open_engine(database_url)
    assert revision(engine) == HEAD
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []
    engine.dispose()


def test_the_migrate_command_upgrades_then_says_up_to_date(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TI_DATABASE_URL", previous_release_database(tmp_path))
    assert cli.main(["migrate"]) == 0
    assert f"révision 0001 → {HEAD}" in capsys.readouterr().out
    assert cli.main(["migrate"]) == 0
    assert f"à jour (révision {HEAD})" in capsys.readouterr().out
