"""Faults done to a running app: the database gone or unreachable. Readers keep the last
version with a French notice, writes answer a French 503, /sante tells a load balancer."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.exc import OperationalError

from dashboard.accounts.users import Accounts
from tests.integration.publishing.support import (
    ORIGIN,
    draft_id,
    log_in,
    make_app,
    message,
    signed_in,
    upload,
    with_limit,
)


def test_a_deleted_sqlite_file_is_reported_and_nothing_is_published_into_it(app, live, settings):
    live.stop_polling()  # the test drives ``refresh`` itself
    client, token = signed_in(app, "national")
    draft = draft_id(upload(client, token, "laureats_bfc.csv"))
    assert app.server.test_client().get("/sante").status_code == 200
    database = Path(settings.database.removeprefix("sqlite:///"))
    for path in database.parent.glob(database.name + "*"):  # the file, its -wal and -shm
        path.unlink()
    assert live.refresh() is False
    health = app.server.test_client().get("/sante")
    assert health.status_code == 503
    assert health.get_json()["base"] == "injoignable"
    assert "supprimé ou remplacé" in health.get_json()["detail"]
    reader = app.server.test_client()
    assert reader.get("/").status_code == 200
    layout = reader.get("/_dash-layout", headers={"Referer": "http://localhost/"})
    assert layout.status_code == 200
    assert "supprimé ou remplacé" in json.dumps(layout.get_json(), ensure_ascii=False)
    refused = client.post(
        "/donnees/publier/confirmer", data={"brouillon": draft, "csrf_token": token}, headers=ORIGIN
    )
    assert refused.status_code == 503
    assert "publications sont suspendues" in message(refused)
    assert live.number == 1


def test_a_signed_in_reader_keeps_reading_while_the_base_is_unreachable(app, monkeypatch):
    client = app.server.test_client()
    assert log_in(client, "bfc").status_code == 303

    def unreachable(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(Accounts, "session", unreachable)
    monkeypatch.setattr(Accounts, "log_in", unreachable)
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout", headers={"Referer": "http://localhost/"}).status_code == 200
    assert client.get("/export/laureats.csv?region=27").status_code == 200
    publish_page = client.get("/donnees/publier")
    assert publish_page.status_code == 503
    assert "ne répond pas" in message(publish_page)
    again = log_in(app.server.test_client(), "admin")
    assert again.status_code == 503
    assert "ne répond pas" in again.get_data(as_text=True)


def test_private_mode_answers_503_not_500_while_the_base_is_unreachable(
    settings, tmp_path, monkeypatch
):
    private_base = f"sqlite:///{tmp_path / 'privee.sqlite3'}"
    app = make_app(with_limit(settings, private=True, database_url=private_base))
    try:
        client = app.server.test_client()
        assert log_in(client, "bfc", target="/").status_code == 303

        def unreachable(*_args, **_kwargs):
            raise OperationalError("SELECT", {}, Exception("connection refused"))

        monkeypatch.setattr(Accounts, "session", unreachable)
        for path in ("/", "/region/27", "/export/laureats.csv"):
            answer = client.get(path)
            assert answer.status_code == 503, path
            assert "ne répond pas" in message(answer)
    finally:
        app.server.config["TI_STORE"].stop_polling()
