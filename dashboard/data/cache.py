"""The one in-process cache of the app.

What several callbacks of one change share (the filtered lauréats and their
aggregates), results derived from a loaded version alone (filter choices, TI
commune layers, industrial jobs per territory) and whole page layouts by URL
state all go through ``cached``. Keys start with the store's ``cache_token``, so
a newly published version never meets an older version's entries.

One ``cachetools.LRUCache`` behind one lock: thread-safe under gunicorn threads,
sized by entry count. Values stay Python objects in memory (flask-caching's
in-memory backend pickles each value in and out, which is CPU on every hit and a
deserialisation we keep out of the app).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from cachetools import LRUCache

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

T = TypeVar("T")
MAX_ENTRIES = 512

_entries: LRUCache = LRUCache(maxsize=MAX_ENTRIES)
_lock = threading.Lock()


def cached(store: DataStore, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()`` once per (store version, key) while it stays among the recent entries.

    Two threads missing the same key at once both compute it (the second result
    wins): cheaper than holding the lock during a computation.
    """
    full_key = (store.cache_token, *key)
    with _lock:
        try:
            return _entries[full_key]
        except KeyError:
            pass
    value = compute()
    with _lock:
        _entries[full_key] = value
    return value


def forget(cache_token: Hashable) -> int:
    """Drop every entry of one loaded version (once a newer one is served); how many."""
    with _lock:
        stale = [key for key in _entries if key[0] == cache_token]
        for key in stale:
            del _entries[key]
    return len(stale)


def clear() -> None:
    with _lock:
        _entries.clear()
