"""Requests that used to end in HTTP 500 now get a French 4xx or are served (issue 23)."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from tests.integration.publishing.support import (
    CASES,
    ORIGIN,
    draft_id,
    make_app,
    message,
    signed_in,
)


@pytest.fixture
def shared_app(settings, database_url):
    app = make_app(replace(settings, database_url=database_url))
    yield app
    app.server.config["TI_STORE"].stop_polling()
    app.server.config["TI_STORE"].versions.engine.dispose()


def test_an_upload_with_a_300_character_name_is_reviewed(shared_app):
    client, token = signed_in(shared_app, "national")
    name = "l" * 296 + ".csv"
    answer = client.post(
        "/donnees/publier",
        data={
            "nature": "laureats",
            "csrf_token": token,
            "fichier": (io.BytesIO((CASES / "laureats_bfc.csv").read_bytes()), name),
        },
        headers=ORIGIN,
        content_type="multipart/form-data",
    )
    assert answer.status_code == 303
    review = client.get(f"/donnees/publier?brouillon={draft_id(answer)}")
    assert review.status_code == 200
    # Named in 120 characters, its extension kept (the cut marked « … », or « _ » on disk).
    assert re.search(r"[^l]l{115}[…_]\.csv", review.get_data(True))


def test_rolling_back_to_a_version_beyond_any_integer_says_it_does_not_exist(shared_app):
    client, token = signed_in(shared_app, "admin")
    answer = client.post(
        "/donnees/versions/99999999999999999999999/retablir",
        data={"csrf_token": token},
        headers=ORIGIN,
    )
    assert answer.status_code == 404
    assert "n'existe pas" in message(answer)


def test_an_export_address_with_500_regions_is_refused_in_french(shared_app):
    client = shared_app.server.test_client()
    query = "&".join(["region=27"] * 500)
    answer = client.get(f"/export/laureats.csv?{query}")
    assert answer.status_code == 400
    assert "100 paramètres" in message(answer)
    gaps = client.get(f"/export/territoires-sans-financement.xlsx?{query}")
    assert gaps.status_code == 400
    assert client.get("/export/laureats.csv?region=27").status_code == 200
