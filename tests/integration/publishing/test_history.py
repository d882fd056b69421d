"""A version's history explains itself: what a roll-back would change before it is made, and
the rows each version added, updated or removed, as a CSV."""

from __future__ import annotations

import html
import io
import json

import pandas as pd

from tests.integration.publishing.support import (
    CASES,
    DEMO_LAUREATS,
    ORIGIN,
    confirm,
    draft_id,
    log_in,
    message,
    page_token,
    signed_in,
    upload,
    wait_for_version,
)

# laureats_bfc_ajout.csv: four valid new rows, hand-checked (the fifth has no valid commune).
ADDED = ["BFC-2026-01", "BFC-2026-02", "BFC-2026-03", "BFC-2026-04"]


def publish_additions(app, live) -> None:
    editor, token = signed_in(app, "bfc")
    assert (
        confirm(
            editor, token, draft_id(upload(editor, token, "laureats_bfc_ajout.csv"))
        ).status_code
        == 303
    )
    wait_for_version(live, 2)


def test_a_roll_back_says_what_it_will_change_before_it_is_made(app, live):
    publish_additions(app, live)
    admin = app.server.test_client()
    log_in(admin, "admin", target="/donnees")
    review = admin.get("/donnees/versions/1/retablir")
    assert review.status_code == 200
    text = html.unescape(review.get_data(True))
    now, after = DEMO_LAUREATS + len(ADDED), DEMO_LAUREATS
    lines = f"{now:,} → {after:,}".replace(",", "\u202f")
    assert lines in text
    table = pd.read_html(io.StringIO(review.get_data(True)), attrs={"id": "rollback-changes"})[0]
    laureats = table[table.iloc[:, 0] == "Lauréats"].iloc[0]
    assert laureats["retirées"] == str(len(ADDED))  # the four rows version 2 added leave
    assert live.number == 2  # nothing happened yet
    token = page_token(admin, "/donnees/versions/1/retablir")
    done = admin.post("/donnees/versions/1/retablir", data={"csrf_token": token}, headers=ORIGIN)
    assert done.status_code == 303
    wait_for_version(live, 3)
    assert len(live.store.laureats) == DEMO_LAUREATS


def test_only_administrators_see_the_roll_back_review(app, live):
    visitor = app.server.test_client().get("/donnees/versions/1/retablir")
    assert visitor.status_code == 302 and "/connexion" in visitor.headers["Location"]
    editor, _token = signed_in(app, "bfc")
    assert editor.get("/donnees/versions/1/retablir").status_code == 403
    admin = app.server.test_client()
    log_in(admin, "admin", target="/donnees")
    assert admin.get("/donnees/versions/999/retablir").status_code == 404


def test_each_version_lists_the_rows_it_changed(app, live):
    publish_additions(app, live)
    client = app.server.test_client()  # public, like the data page
    answer = client.get("/donnees/versions/2/differences.csv")
    assert answer.status_code == 200
    rows = pd.read_csv(io.BytesIO(answer.data), sep=";", encoding="utf-8-sig", dtype=str)
    assert sorted(rows["Identifiant"]) == ADDED
    assert set(rows["Changement"]) == {"ajoutées"}
    assert set(rows["Nature"]) == {"laureats"}
    assert client.get("/donnees/versions/1/differences.csv").status_code == 404
    page = client.get("/_dash-layout", headers={"Referer": "http://localhost/donnees"})
    assert "/donnees/versions/2/differences.csv" in json.dumps(page.get_json())


def test_a_draft_lists_every_row_it_would_change_for_its_editor_only(app, live):
    editor, token = signed_in(app, "bfc")
    draft = draft_id(upload(editor, token, "laureats_bfc_retraits.csv", mode="retirer"))
    answer = editor.get(f"/donnees/publier/changements.csv?brouillon={draft}")
    assert answer.status_code == 200
    rows = pd.read_csv(io.BytesIO(answer.data), sep=";", encoding="utf-8-sig", dtype=str)
    assert rows["Identifiant"].tolist() == ["demo-fictif-0002", "demo-fictif-0003"]
    assert set(rows["Changement"]) == {"retirées"}
    other, _token = signed_in(app, "grandest")
    assert other.get(f"/donnees/publier/changements.csv?brouillon={draft}").status_code == 404
    assert live.number == 1  # a look changes nothing


def test_malformed_history_and_mode_requests_get_a_french_4xx(app, live):
    editor, token = signed_in(app, "bfc")
    with (CASES / "laureats_bfc_ajout.csv").open("rb") as handle:
        bad_mode = editor.post(
            "/donnees/publier",
            data={
                "nature": "laureats",
                "mode": "effacer-tout",
                "csrf_token": token,
                "fichier": (handle, "x.csv"),
            },
            headers=ORIGIN,
            content_type="multipart/form-data",
        )
    assert bad_mode.status_code == 400 and "Mode de publication inconnu" in message(bad_mode)
    draft = draft_id(upload(editor, token, "laureats_bfc_retraits.csv", mode="retirer"))
    for typed in ("abc", "", "-2", "2" * 40):
        refused = (
            confirm(editor, token, draft, None)
            if typed == ""
            else editor.post(
                "/donnees/publier/confirmer",
                data={"brouillon": draft, "csrf_token": token, "retraits": typed},
                headers=ORIGIN,
            )
        )
        assert refused.status_code == 400, typed
    client = app.server.test_client()
    for path in (
        "/donnees/versions/0/differences.csv",
        "/donnees/versions/99999999999999999999999/differences.csv",
        "/donnees/publier/changements.csv?brouillon=%3Cscript%3E",
    ):
        answer = client.get(path)
        assert answer.status_code in (302, 404), path
    assert live.number == 1
