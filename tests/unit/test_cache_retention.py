"""What an old version leaves behind once a newer one is served: nothing in memory, and
only the newest few folders on disk."""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

from dashboard.data import cache, store_cache
from dashboard.data.live_store import _keep_recent_folders


def test_a_version_no_longer_served_leaves_the_memory_cache():
    old, new = SimpleNamespace(cache_token=101), SimpleNamespace(cache_token=102)
    cache.cached(old, ("page", "/"), lambda: "ancienne page")
    cache.cached(old, ("page", "/region/27"), lambda: "ancien panneau")
    cache.cached(new, ("page", "/"), lambda: "nouvelle page")
    assert cache.forget(101) == 2
    assert cache.cached(old, ("page", "/"), lambda: "recalculée") == "recalculée"
    assert cache.cached(new, ("page", "/"), lambda: "recalculée") == "nouvelle page"


def test_only_the_newest_folders_and_cache_entries_stay_on_disk(tmp_path):
    for number in range(1, 6):
        for name in (f"version-{number}-abc", f"store-{number:04d}"):
            folder = tmp_path / name
            folder.mkdir()
            (folder / "laureats.csv").write_text("x")
            moment = time.time() - 100 + number  # version 5 is the newest
            os.utime(folder, (moment, moment))
    _keep_recent_folders(tmp_path, 3)
    assert sorted(p.name for p in tmp_path.glob("version-*")) == [
        "version-3-abc",
        "version-4-abc",
        "version-5-abc",
    ]
    assert store_cache.keep_recent_entries(tmp_path, 3) == 2
    assert sorted(p.name for p in tmp_path.glob("store-*")) == [
        "store-0003",
        "store-0004",
        "store-0005",
    ]
