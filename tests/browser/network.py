"""Read Chromium's network log in browser tests: which hosts did a page talk to?"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

OWN_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def network_events(driver) -> list[dict]:
    """``Network.*`` DevTools events logged since the last call (the log empties on read)."""
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method", "").startswith("Network."):
            events.append(message)
    return events


def requested_urls(events: list[dict]) -> list[str]:
    return [
        e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"
    ]


def is_own(url: str) -> bool:
    """True for the app's own host and for in-page URLs (data:, blob:)."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in OWN_HOSTS


def outside_requests(events: list[dict]) -> list[str]:
    return sorted({url for url in requested_urls(events) if not is_own(url)})
