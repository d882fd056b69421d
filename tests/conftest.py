"""Shared fixtures: reference geography, the demo store, ../shared, an app on its own database.

Browser set-up (Chromium options, network log) lives in ``tests/browser/conftest.py``, so
unit tests run without dash[testing].
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared absent ({SHARED}) : données réelles de test indisponibles")
    return SHARED


@pytest.fixture(scope="session")
def geography():
    from dashboard.territory.geography import Geography

    return Geography.load()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, geography):
    from dashboard.data.store import DataStore
    from dashboard.settings import DEMO_DATA_DIR, Settings

    settings = Settings(data_dir=DEMO_DATA_DIR, cache_dir=tmp_path_factory.mktemp("cache"))
    return DataStore.load(settings)


@pytest.fixture(scope="session")
def jura_store(tmp_path_factory, shared_dir, geography):
    """A user folder: the real ANCT TI list and URSSAF Jura employment (from ../shared),
    with four hand-placed lauréats (tests/data/funding_gaps) whose verdicts are known."""
    from dashboard.data.store import DataStore
    from dashboard.settings import Settings

    folder = tmp_path_factory.mktemp("donnees")
    case = REPO / "tests" / "data" / "funding_gaps"
    for name in ("laureats.csv", "metadonnees.json"):
        shutil.copy(case / name, folder / name)
    for name in ("territoires_industrie_communes.csv", "emploi_industriel_jura_2025.csv"):
        shutil.copy(shared_dir / "data" / name, folder / name)
    settings = Settings(data_dir=folder, cache_dir=tmp_path_factory.mktemp("cache"))
    return DataStore.load(settings)


# --- an app on its own database (publication tests, here and in tests/browser) -----------


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'partagee.sqlite3'}"
        return
    postgres = os.environ.get("TI_TEST_POSTGRES_URL", "")
    if not postgres:
        pytest.skip("TI_TEST_POSTGRES_URL absent : pas de serveur PostgreSQL pour ce test")
    from sqlalchemy import create_engine, text

    name = f"ti_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def store_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def settings(tmp_path, store_cache):
    from dashboard.settings import Settings

    return Settings(
        database_url=f"sqlite:///{tmp_path / 'tableau.sqlite3'}",
        cache_dir=store_cache,
        poll_seconds=0.5,
        secret_key_file=tmp_path / "secret_key",
    )


@pytest.fixture
def app(settings):
    from tests.integration.publishing.support import make_app

    app = make_app(settings)
    yield app
    app.server.config["TI_STORE"].stop_polling()


@pytest.fixture
def live(app):
    return app.server.config["TI_STORE"]
