"""Versions in the database: folder imports, regional publications, concurrency, faults."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading

import pandas as pd
import pytest
from sqlalchemy.exc import OperationalError

from dashboard.accounts.users import Account
from dashboard.data.database import drafts, open_engine
from dashboard.data.drafts import Drafts, check_upload
from dashboard.data.live_store import LiveStore, open_live_store
from dashboard.data.versions import DataVersions
from dashboard.settings import DEMO_DATA_DIR
from tests.integration.publishing.support import CASES, DEMO_LAUREATS, REPO, with_limit

BFC = Account("bfc", "editeur", ("27",))
GRAND_EST = Account("grandest", "editeur", ("44",))
NATIONAL = Account("national", "editeur")


def publish(live: LiveStore, account: Account, case: str, mode: str = "remplacer"):
    """Publish ``case`` as a replacement, its removals confirmed (the confirmation has
    tests of its own in test_modes.py; these are about versions)."""
    content = (CASES / case).read_bytes()
    draft = check_upload("laureats", case, content, account, live.store, mode)
    box = Drafts(live.versions)
    box.save(draft)
    return box.publish(draft.id, account, draft.removed)


def test_a_new_install_starts_at_version_1_with_the_demo_and_keeps_it(settings):
    live = open_live_store(settings)
    first = live.versions.get(1)
    assert (first.action, first.is_demo) == ("demo", True)
    assert live.store.version_label.startswith("Données : version 1 du ")
    assert live.store.version_label.endswith("(démonstration)")
    assert open_live_store(settings).versions.all() == [first]  # same folder: no new version


def test_a_data_folder_whose_content_changed_becomes_a_new_version(settings, tmp_path):
    folder = tmp_path / "donnees"
    shutil.copytree(DEMO_DATA_DIR, folder)
    settings = with_limit(settings, data_dir=folder)
    assert open_live_store(settings).number == 1
    laureats = pd.read_csv(folder / "laureats.csv")
    laureats.iloc[:10].to_csv(folder / "laureats.csv", index=False)
    live = open_live_store(settings)
    assert live.number == 2
    assert live.versions.get(2).action == "dossier"
    assert len(live.store.laureats) == 10
    assert open_live_store(settings).number == 2


def test_regional_editors_each_replace_their_own_region(settings):
    live = open_live_store(settings)
    bfc_annex = 87  # annex panel, Bourgogne-Franche-Comté
    publish(live, BFC, "laureats_bfc.csv")
    publish(live, GRAND_EST, "laureats_grand_est.csv")
    live.refresh()
    regions = live.store.laureats["reg"].value_counts()
    assert regions["27"] == 3
    assert regions["44"] == 2
    grand_est_demo = _demo_region_count("44")
    assert len(live.store.laureats) == DEMO_LAUREATS - bfc_annex + 3 - grand_est_demo + 2
    # GE-1 appears in both files: the BFC editor's copy was rejected, never counted twice.
    assert (live.store.laureats["id_laureat"] == "GE-1").sum() == 1
    publish(live, NATIONAL, "laureats_bfc.csv")  # a national file replaces everything
    live.refresh()
    assert sorted(live.store.laureats["id_laureat"]) == ["BFC-1", "BFC-2", "BFC-3", "GE-1"]


def _demo_region_count(code: str) -> int:
    """Demo lauréats of a région, counted from the demo file and the commune list."""
    from dashboard.territory.geography import Geography

    demo = pd.read_csv(DEMO_DATA_DIR / "laureats.csv", dtype={"code_commune": str})
    regions = Geography.load().commune_rows(demo["code_commune"])["reg"]
    return int((regions == code).sum())


def test_two_editors_publishing_at_once_both_get_a_version(settings, database_url):
    live = open_live_store(with_limit(settings, database_url=database_url))
    ready = []
    for account, case in ((BFC, "laureats_bfc.csv"), (GRAND_EST, "laureats_grand_est.csv")):
        draft = check_upload("laureats", case, (CASES / case).read_bytes(), account, live.store)
        Drafts(live.versions).save(draft)
        ready.append((draft, account))
    results, barrier = {}, threading.Barrier(2)

    def go(draft, account):
        barrier.wait()
        results[account.name] = Drafts(live.versions).publish(draft.id, account)

    threads = [threading.Thread(target=go, args=pair) for pair in ready]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    numbers = sorted(result.version.number for result in results.values())
    assert numbers == [2, 3]
    last = live.versions.get(3)
    names = {stored.name for stored in last.files}
    assert {"laureats_bfc.csv", "laureats_grand_est.csv"} <= names  # neither lost
    later = max(results.values(), key=lambda result: result.version.number)
    assert later.overtook == [2]


def test_a_publication_that_fails_midway_changes_nothing(settings, monkeypatch):
    live = open_live_store(settings)
    draft = check_upload(
        "laureats", "laureats_bfc.csv", (CASES / "laureats_bfc.csv").read_bytes(), BFC, live.store
    )
    box = Drafts(live.versions)
    box.save(draft)

    def broken(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("disque plein"))

    monkeypatch.setattr("dashboard.data.versions.record", broken)
    with pytest.raises(OperationalError):
        box.publish(draft.id, BFC)
    assert [v.number for v in live.versions.all()] == [1]
    with live.versions.engine.connect() as connection:
        assert connection.execute(drafts.select()).first() is not None  # still reviewable


def test_an_unreachable_database_keeps_the_last_version_on_screen(settings, monkeypatch):
    live = open_live_store(settings)

    def down():
        raise OperationalError("SELECT", {}, Exception("connexion refusée"))

    monkeypatch.setattr(live.versions, "current_number", down)
    assert live.refresh() is False
    assert live.number == 1
    assert "Base de données injoignable depuis" in live.database_error
    assert "version 1 du" in live.database_error
    from pages import data_notices

    assert "injoignable" in str(data_notices(live.store, (), live.database_error))
    monkeypatch.undo()
    live.refresh()
    assert live.database_error is None


def test_an_unreachable_database_at_start_up_is_one_french_sentence(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "TI_DATABASE_URL": "postgresql+psycopg://personne:secret@127.0.0.1:9/absente",
        "TI_CACHE_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Erreur : base de données injoignable")
    assert "secret" not in done.stderr  # the password is masked
    assert "Traceback" not in done.stderr


def test_files_are_stored_once_and_rebuilt_byte_for_byte(settings, tmp_path):
    live = open_live_store(settings)
    publish(live, BFC, "laureats_bfc.csv")
    versions = DataVersions(open_engine(settings.database))
    folder = versions.materialise(versions.get(2), tmp_path / "v")
    assert (folder / "laureats_bfc.csv").read_bytes() == (CASES / "laureats_bfc.csv").read_bytes()
    assert (folder / "laureats.csv").read_bytes() == (DEMO_DATA_DIR / "laureats.csv").read_bytes()
    version = versions.get(2)
    assert (
        version.file_sha256 == hashlib.sha256((CASES / "laureats_bfc.csv").read_bytes()).hexdigest()
    )


def test_an_unreadable_setting_stops_the_start_with_one_french_sentence(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TI_MAX_FILE_MB": "vingt", "TI_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "Erreur : TI_MAX_FILE_MB='vingt' n'est pas un nombre"


def _perimeter_bytes(live: LiveStore) -> bytes:
    return live.store.ti_perimeters_path.read_bytes()


def test_a_new_version_reuses_unchanged_ti_perimeters_and_redraws_changed_ones(settings):
    live = open_live_store(settings)
    before = _perimeter_bytes(live)
    publish(live, BFC, "laureats_bfc.csv")
    assert live.refresh()
    assert _perimeter_bytes(live) == before  # same TI list: same outlines on the map
    tis = pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv", dtype=str)
    first = tis["id_ti"].iloc[0]
    fewer = tis[tis["id_ti"] != first].to_csv(index=False).encode()
    draft = check_upload(
        "territoires_industrie", "ti.csv", fewer, NATIONAL, live.store, "remplacer"
    )
    box = Drafts(live.versions)
    box.save(draft)
    box.publish(draft.id, NATIONAL)
    assert live.refresh()
    after = _perimeter_bytes(live)
    assert after != before
    assert first.encode() in before and first.encode() not in after


def test_a_publication_landing_mid_request_does_not_mix_two_versions(app, live, monkeypatch):
    """The export reads its rows, a publication lands and is loaded, then the export names
    its file: rows and name must come from the same version (the one the request began on)."""
    from dashboard.reports import exports

    read_rows = exports.laureats_for_export

    def rows_then_publication(store, state):
        rows = read_rows(store, state)
        publish(live, NATIONAL, "laureats_bfc.csv")  # its 4 lauréats replace all the demo's
        assert live.refresh()
        return rows

    monkeypatch.setattr(exports, "laureats_for_export", rows_then_publication)
    response = app.server.test_client().get("/export/laureats.csv")
    assert response.status_code == 200
    assert "version-1.csv" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).lstrip("\ufeff").strip().splitlines()
    assert len(lines) - 1 == DEMO_LAUREATS
    assert live.number == 2  # the next request gets the new version
    monkeypatch.undo()
    after = app.server.test_client().get("/export/laureats.csv")
    assert "version-2.csv" in after.headers["Content-Disposition"]
    assert len(after.get_data(as_text=True).strip().splitlines()) - 1 == 4  # BFC-1 to 3, GE-1


def test_a_data_file_edited_in_the_cache_folder_is_never_served(settings):
    live = open_live_store(settings)
    version = live.versions.current()
    folder = live.versions.materialise(version, settings.cache_dir / "versions")
    laureats = folder / "laureats.csv"
    original = laureats.read_bytes()
    lines = original.splitlines(keepends=True)
    laureats.write_bytes(b"".join(lines[:11]))  # someone keeps 10 lauréats out of 1 416
    again = open_live_store(settings)  # a restart, or another process of this host
    assert len(again.store.laureats) == DEMO_LAUREATS
    assert laureats.read_bytes() == original
    assert hashlib.sha256(original).hexdigest() in {f.sha256 for f in version.files}
