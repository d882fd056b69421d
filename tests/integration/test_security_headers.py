"""Security headers on every kind of response, and the session key outside the database."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select

from dashboard.accounts.signing_key import SigningKeyError, signing_key
from dashboard.data.database import app_settings

PATHS = {
    "Dash page": "/",
    "Dash layout": "/_dash-layout",
    "Flask form": "/connexion",
    "export": "/export/laureats.csv",
    "static file": "/assets/app.css",
    "geometry": "/geo/reg.geojson",
    "error page": "/nulle-part",
    "health": "/sante",
}


@pytest.fixture
def client(app):
    return app.server.test_client()


def _policy(response) -> dict[str, list[str]]:
    text = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in text.split("; ")}


@pytest.mark.parametrize("kind", PATHS)
def test_every_kind_of_response_carries_the_security_headers(client, kind):
    response = client.get(PATHS[kind])
    assert response.status_code in (200, 404), response.status_code
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert all(
        source == "'self'" or source.startswith("'sha256-") for source in policy["script-src"]
    )
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_refused_requests_carry_them_too(client):
    malformed = client.post(
        "/_dash-update-component", data=b"{not json", content_type="application/json"
    )
    assert malformed.status_code == 400
    assert "frame-ancestors 'self'" in malformed.headers["Content-Security-Policy"]
    forged = client.post("/connexion", data={"nom": "chef", "mot_de_passe": "x"})
    assert forged.status_code in (400, 403)
    assert forged.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_session_key_is_not_in_the_database(app, live):
    with live.versions.engine.connect() as connection:
        keys = connection.execute(select(app_settings.c.key)).scalars().all()
    assert "secret_key" not in keys
    assert len(app.server.secret_key) >= 32


def test_the_key_file_is_made_once_readable_by_its_owner_only(tmp_path):
    key_file = tmp_path / "instance" / "secret_key"
    first = signing_key("", key_file)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert signing_key("", key_file) == first
    assert len(first) >= 32


def test_the_environment_key_wins_and_a_short_one_is_refused(tmp_path):
    key = "k" * 40
    assert signing_key(key, tmp_path / "absent") == key
    assert not (tmp_path / "absent").exists()
    with pytest.raises(SigningKeyError, match="trop courte"):
        signing_key("court", tmp_path / "absent")
