"""The disk cache runs nothing, heals itself and never stops the app from starting."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.store import DataFolderMissing, DataStore
from dashboard.settings import DEMO_DATA_DIR, Settings

REPO = Path(__file__).resolve().parents[3]


class _Exploit:
    """A pickle that creates a marker file when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _load(cache: Path, data: Path = DEMO_DATA_DIR) -> DataStore:
    return DataStore.load(Settings(data_dir=data, cache_dir=cache))


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory, geography):
    cache = tmp_path_factory.mktemp("cache")
    first = _load(cache)
    return cache, first


def test_second_load_reads_the_same_data_back(warm_cache):
    cache, first = warm_cache
    again = _load(cache)
    assert again.from_cache and not first.from_cache
    pd.testing.assert_frame_equal(first.laureats, again.laureats)
    pd.testing.assert_frame_equal(first.tis.members, again.tis.members)
    assert first.folder.reports == again.folder.reports
    assert first.folder.panels == again.folder.panels
    assert again.ti_perimeters_path.is_file()


def test_no_pickle_in_the_cache(warm_cache):
    cache, _ = warm_cache
    suffixes = {path.suffix for path in cache.rglob("*") if path.is_file()}
    assert suffixes <= {".parquet", ".json", ".geojson", ".gz", ".br"}, suffixes


def test_crafted_pickle_in_the_cache_runs_nothing(tmp_path, geography):
    marker = tmp_path / "code-execute"
    cache = tmp_path / "cache"
    cache.mkdir()
    payload = pickle.dumps(_Exploit(marker))
    store = _load(cache)
    entry = next(cache.glob("store-*/"))
    # The pickle where the cache's own files are read: the manifest and the lauréats.
    (entry / "manifest.json").write_bytes(payload)
    (entry / "laureats.parquet").write_bytes(payload)
    again = _load(cache)
    assert not marker.exists()
    assert not again.from_cache  # read as damaged, rebuilt from the data files
    assert len(store.laureats) == len(again.laureats) > 0


@pytest.mark.parametrize("damage", ["random", "truncated", "empty", "missing"])
def test_damaged_cache_is_rebuilt(tmp_path, geography, damage, caplog):
    cache = tmp_path / "cache"
    first = _load(cache)
    entry = next(cache.glob("store-*/"))
    target = entry / "laureats.parquet"
    if damage == "random":
        target.write_bytes(os.urandom(4096))
    elif damage == "truncated":
        target.write_bytes(target.read_bytes()[:200])
    elif damage == "empty":
        target.write_bytes(b"")
    else:
        target.unlink()
    rebuilt = _load(cache)
    assert not rebuilt.from_cache
    assert "cache illisible, reconstruit" in caplog.text
    pd.testing.assert_frame_equal(first.laureats, rebuilt.laureats)
    assert _load(cache).from_cache  # healed


def test_cache_dir_that_is_a_file_means_no_disk_cache(tmp_path, geography, caplog):
    not_a_dir = tmp_path / "cache"
    not_a_dir.write_text("x")
    store = _load(not_a_dir)
    assert len(store.laureats) > 0 and store.ti_perimeters_path.is_file()
    assert "dossier de cache inutilisable" in caplog.text
    assert "c'est un fichier, pas un dossier" in caplog.text


def test_cache_key_follows_library_versions(monkeypatch, tmp_path):
    from dashboard.data import store_cache

    data = tmp_path / "f.csv"
    data.write_text("a")
    report = tmp_path / "report.json"
    report.write_text("{}")
    before = store_cache.cache_key([data], report)
    monkeypatch.setattr(store_cache, "library_versions", lambda: {"pandas": "99.0", "pyarrow": "1"})
    assert store_cache.cache_key([data], report) != before


def test_missing_data_folder_is_one_french_sentence(tmp_path):
    with pytest.raises(DataFolderMissing, match="dossier de données introuvable"):
        _load(tmp_path / "cache", tmp_path / "absent")
    env = {**os.environ, "TI_DATA_DIR": str(tmp_path / "absent"), "TI_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Erreur : dossier de données introuvable" in done.stderr
