"""Publication tests' helpers: accounts, an app with them, a client that logs in like a browser.

The fixtures (``settings``, ``app``, ``live``, ``database_url``) are in ``tests/conftest.py``.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

from dashboard.settings import DEMO_DATA_DIR, Settings

REPO = Path(__file__).resolve().parents[3]
CASES = REPO / "tests" / "data" / "publishing"
ORIGIN = {"Origin": "http://localhost"}
PASSWORDS = {
    "bfc": "motdepasse-bfc-27",
    "grandest": "motdepasse-ge-44",
    "national": "motdepasse-national",
    "admin": "motdepasse-admin!",
    "lecteur": "motdepasse-lecteur",
}
ROLES = {
    "bfc": ("editeur", ("27",)),
    "grandest": ("editeur", ("44",)),
    "national": ("editeur", ()),
    "admin": ("administrateur", ()),
    "lecteur": ("lecteur", ()),
}
# Counted here from the demo file itself, not through the code under test.
DEMO_LAUREATS = len(pd.read_csv(DEMO_DATA_DIR / "laureats.csv"))


def make_app(settings: Settings):
    from app import create_app
    from dashboard.accounts.users import Accounts

    app = create_app(settings)
    accounts = Accounts(app.server.config["TI_STORE"].versions.engine)
    for name, (role, regions) in ROLES.items():
        accounts.add(name, PASSWORDS[name], role, regions)
    return app


def log_in(client, name: str, password: str | None = None, target: str = "/donnees/publier"):
    """Log in through the form, as a browser does; the response of the POST."""
    page = client.get("/connexion")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(True)).group(1)
    return client.post(
        "/connexion",
        data={
            "nom": name,
            "mot_de_passe": PASSWORDS[name] if password is None else password,
            "csrf_token": token,
            "suite": target,
        },
        headers=ORIGIN,
    )


def page_token(client, path: str = "/donnees/publier") -> str:
    """The CSRF token a signed-in page carries in its forms."""
    page = client.get(path).get_data(True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def signed_in(app, name: str):
    client = app.server.test_client()
    assert log_in(client, name).status_code == 303
    return client, page_token(client)


def upload(
    client, token: str, case: str, kind: str = "laureats", headers=ORIGIN, mode: str | None = None
):
    """The upload form sent with ``mode`` (left out: the form's default, « ajouter »)."""
    form = {"nature": kind, "csrf_token": token}
    if mode is not None:
        form["mode"] = mode
    with (CASES / case).open("rb") as handle:
        return client.post(
            "/donnees/publier",
            data={**form, "fichier": (handle, case)},
            headers=headers,
            content_type="multipart/form-data",
        )


def confirm(client, token: str, draft: str, removals: int | None = None):
    """« Publier », with the number of removals typed when the review asks for it."""
    form = {"brouillon": draft, "csrf_token": token}
    if removals is not None:
        form["retraits"] = str(removals)
    return client.post("/donnees/publier/confirmer", data=form, headers=ORIGIN)


def draft_id(response) -> str:
    location = response.headers["Location"]
    assert "brouillon=" in location, location
    return location.split("brouillon=")[1]


def wait_for_version(live, number: int, seconds: float = 5.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if live.number == number:
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"version {number} not loaded after {seconds} s (at {live.number})")


def message(response) -> str:
    """The French sentence of a refusal page."""
    found = re.search(r'id="auth-message">\s*(.*?)</div>', response.get_data(True), re.S)
    return html.unescape(found.group(1).strip()) if found else ""


def with_limit(settings: Settings, **changes) -> Settings:
    return replace(settings, **changes)


def run_cli(database_url: str, cache: Path, *args: str, **env: str):
    """``python -m dashboard ARGS`` on that database, as an administrator types it."""
    variables = {**os.environ, "TI_DATABASE_URL": database_url, "TI_CACHE_DIR": str(cache)}
    variables.pop("TI_PASSWORD", None)
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=REPO,
        env={**variables, **env},
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
