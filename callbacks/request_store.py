"""One data version per request: every callback and route reads the store through here.

A publication lands at any moment (the live store's poller swaps versions); pinning the
version at the request's first read keeps an answer from mixing two versions (rows of
one, totals or file name of the next). Outside a request (tests, scripts) the current
version is returned as is."""

from __future__ import annotations

from flask import g, has_request_context

from dashboard.data.live_store import StoreSource, current_store
from dashboard.data.store import DataStore


def request_store(source: StoreSource) -> DataStore:
    if not has_request_context():
        return current_store(source)
    pinned = g.get("ti_store")
    if pinned is None:
        pinned = g.ti_store = current_store(source)
    return pinned
