"""Publishing in the app over HTTP: the editor's journey and the requests an attacker sends."""

from __future__ import annotations

import html
import io
import json
import re

import pandas as pd
import pytest

from dashboard.data.database import drafts
from tests.integration.publishing.support import (
    DEMO_LAUREATS,
    ORIGIN,
    REPO,
    confirm,
    draft_id,
    log_in,
    make_app,
    message,
    page_token,
    signed_in,
    upload,
    wait_for_version,
    with_limit,
)
from tests.integration.robustness.browser_sim import run_page

# Demo lauréats in Bourgogne-Franche-Comté: the annex panel's count (shared/reference).
BFC_ANNEX_LAUREATS = 87


def version_numbers(live) -> list[int]:
    return [version.number for version in live.versions.all()]


def export_rows(client, query: str = "") -> pd.DataFrame:
    body = client.get(f"/export/laureats.csv{query}").get_data()
    return pd.read_csv(io.BytesIO(body), sep=";", encoding="utf-8-sig", dtype=str)


def test_a_visitor_reads_freely_but_is_sent_to_the_login_page_to_publish(app):
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert len(export_rows(client)) == DEMO_LAUREATS
    answer = client.get("/donnees/publier")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith("/connexion?suite=/donnees/publier")


def test_an_editor_publishes_and_every_screen_follows(app, live):
    client, token = signed_in(app, "bfc")
    sent = upload(client, token, "laureats_bfc.csv", mode="remplacer")
    review = client.get(f"/donnees/publier?brouillon={draft_id(sent)}")
    text = review.get_data(True)
    # The review says what the file gives before anything changes.
    assert "rien n&#39;est encore publié" in text
    assert "région 44 hors des régions de l&#39;éditeur (27)" in text
    assert re.search(r"<td>4</td>\s*<td>3</td>\s*<td>1</td>", text)  # read, kept, rejected
    assert f"{BFC_ANNEX_LAUREATS} → 3" in text
    after = DEMO_LAUREATS - BFC_ANNEX_LAUREATS + 3
    assert f"→ {after:,}".replace(",", "\u202f") in text
    assert version_numbers(live) == [1]
    assert len(export_rows(client)) == DEMO_LAUREATS

    # A replacement removes the 87 demo rows of the région: said, and to be confirmed.
    assert "retire 87\u00a0lignes des données publiées" in html.unescape(text)
    draft = re.search(r'name="brouillon" value="([^"]+)"', text).group(1)
    refused = confirm(client, token, draft)
    assert refused.status_code == 400 and "confirmez ce nombre (87)" in message(refused)
    assert version_numbers(live) == [1]
    done = confirm(client, token, draft, BFC_ANNEX_LAUREATS)
    assert done.status_code == 303 and done.headers["Location"] == "/donnees?publie=2"
    wait_for_version(live, 2)
    assert len(export_rows(client)) == after
    disposition = client.get("/export/laureats.xlsx").headers["Content-Disposition"]
    assert disposition.endswith('-version-2.xlsx"')
    bfc = export_rows(client, "?region=27")
    assert sorted(bfc.iloc[:, 0]) == ["BFC-1", "BFC-2", "BFC-3"]
    # The footnote of the national map names the version in force.
    run = run_page(app, client, "/")
    assert run.failures == []
    assert "Données : version 2 du" in str(run.props.get("map-footnote", {}))
    # Versions listed on /donnees, with the file, its author and counts.
    version = live.versions.get(2)
    assert (version.author, version.file_name, version.rows_kept, version.rows_rejected) == (
        "bfc",
        "laureats_bfc.csv",
        3,
        1,
    )


def test_abandoning_changes_nothing(app, live):
    client, token = signed_in(app, "bfc")
    draft = draft_id(upload(client, token, "laureats_bfc.csv"))
    answer = client.post(
        "/donnees/publier/abandonner",
        data={"brouillon": draft, "csrf_token": token},
        headers=ORIGIN,
    )
    assert answer.status_code == 303
    assert "aucune donnée n&#39;a changé" in client.get(answer.headers["Location"]).get_data(True)
    assert version_numbers(live) == [1]
    with live.versions.engine.connect() as connection:
        assert connection.execute(drafts.select()).first() is None


def test_publishing_is_refused_to_every_request_but_the_editors_own(app, live):
    editor, token = signed_in(app, "bfc")
    draft = draft_id(upload(editor, token, "laureats_bfc.csv"))
    form = {"brouillon": draft, "csrf_token": token}
    confirm = "/donnees/publier/confirmer"

    stranger = app.server.test_client()
    refusals = {
        "no session": (stranger.post(confirm, data=form, headers=ORIGIN), 401, "Connexion"),
        "no token": (editor.post(confirm, data={"brouillon": draft}, headers=ORIGIN), 403, "jeton"),
        "other origin": (
            editor.post(confirm, data=form, headers={"Origin": "https://pirate.example"}),
            403,
            "ne vient pas d'une page de ce site",
        ),
        "no origin": (editor.post(confirm, data=form), 403, "jeton"),
    }
    reader, reader_token = signed_in_without_publish_page(app, "lecteur")
    refusals["reader"] = (
        reader.post(confirm, data={"brouillon": draft, "csrf_token": reader_token}, headers=ORIGIN),
        403,
        "lecture seule",
    )
    other, other_token = signed_in(app, "grandest")
    refusals["other editor's draft"] = (
        other.post(confirm, data={"brouillon": draft, "csrf_token": other_token}, headers=ORIGIN),
        409,
        "autre compte",
    )
    for case, (answer, status, words) in refusals.items():
        assert answer.status_code == status, case
        assert words in message(answer), (case, message(answer))
        assert "Rien n'a été modifié" in message(answer) or status in (401, 409), case
    assert version_numbers(live) == [1]

    # After logging out, the same cookie no longer opens anything.
    cookie = editor.get_cookie("ti_session").value
    editor.post("/deconnexion", data={"csrf_token": token}, headers=ORIGIN)
    replay = app.server.test_client()
    replay.set_cookie("ti_session", cookie)
    answer = replay.post(confirm, data=form, headers=ORIGIN)
    assert answer.status_code == 401
    assert version_numbers(live) == [1]


def signed_in_without_publish_page(app, name: str):
    """A reader has no publication page: its token comes from a logged-in refusal."""
    client = app.server.test_client()
    assert log_in(client, name, target="/").status_code == 303
    from dashboard.accounts.users import Accounts

    accounts = Accounts(app.server.config["TI_STORE"].versions.engine)
    with client.session_transaction() as session:
        return client, accounts.session(session["token"]).csrf_token


def test_a_reader_cannot_open_the_publication_page(app):
    client = app.server.test_client()
    log_in(client, "lecteur", target="/")
    answer = client.get("/donnees/publier")
    assert answer.status_code == 403
    assert "lecture seule" in message(answer)


def test_failed_logins_are_limited_and_cross_site_logins_refused(app):
    client = app.server.test_client()
    for _ in range(5):
        answer = log_in(client, "bfc", "mauvais mot de passe")
        assert answer.status_code == 401
        assert message(answer) == "Nom de compte ou mot de passe incorrect."
    answer = log_in(client, "bfc")  # the right password, too late
    assert answer.status_code == 429
    assert "trop de tentatives" in message(answer).lower()

    other = app.server.test_client()
    token = re.search(r'csrf_token" value="([^"]+)"', other.get("/connexion").get_data(True))[1]
    form = {"nom": "admin", "mot_de_passe": "motdepasse-admin!", "csrf_token": token}
    answer = other.post("/connexion", data=form, headers={"Origin": "https://pirate.example"})
    assert answer.status_code == 403
    # A login never sends the browser to another site.
    answer = other.post("/connexion", data=form | {"suite": "//pirate.example/x"}, headers=ORIGIN)
    assert answer.status_code == 303 and answer.headers["Location"] == "/"


def test_an_oversized_file_is_refused_before_it_is_read(settings, tmp_path):
    app = make_app(with_limit(settings, max_file_mb=0.01))  # 10 KB
    try:
        client, token = signed_in(app, "national")
        big = tmp_path / "laureats_gros.csv"
        line = "BIG-{n};Entreprise;25462;Programme;1000;2000;1;2022-01-01\n"
        big.write_text(
            "id_laureat;beneficiaire;code_commune;programme;montant_aide;investissement;"
            "emplois_prevus;date_decision\n" + "".join(line.format(n=n) for n in range(2000))
        )
        with big.open("rb") as handle:
            answer = client.post(
                "/donnees/publier",
                data={"nature": "laureats", "csrf_token": token, "fichier": (handle, big.name)},
                headers=ORIGIN,
                content_type="multipart/form-data",
            )
        assert answer.status_code == 413
        assert "il dépasse 10 Ko" in message(answer)
        assert "TI_MAX_FILE_MB" in message(answer)
        with app.server.config["TI_STORE"].versions.engine.connect() as connection:
            assert connection.execute(drafts.select()).first() is None
    finally:
        app.server.config["TI_STORE"].stop_polling()


def test_an_administrator_rolls_back_and_an_editor_cannot(app, live):
    editor, token = signed_in(app, "national")
    draft = draft_id(upload(editor, token, "laureats_grand_est.csv", mode="remplacer"))
    assert confirm(editor, token, draft, DEMO_LAUREATS).status_code == 303
    wait_for_version(live, 2)
    assert len(export_rows(editor)) == 2  # a national file replaces every lauréat

    refused = editor.post(
        "/donnees/versions/1/retablir", data={"csrf_token": token}, headers=ORIGIN
    )
    assert refused.status_code == 403 and "administrateur" in message(refused)

    admin = app.server.test_client()
    log_in(admin, "admin", target="/donnees")
    admin_token = page_token(admin)
    answer = admin.post(
        "/donnees/versions/1/retablir", data={"csrf_token": admin_token}, headers=ORIGIN
    )
    assert answer.status_code == 303
    wait_for_version(live, 3)
    assert live.versions.get(3).restored_from == 1
    assert len(export_rows(admin)) == DEMO_LAUREATS


def test_private_access_needs_a_login_for_every_page_and_export(settings):
    app = make_app(with_limit(settings, private=True))
    try:
        client = app.server.test_client()
        answer = client.get("/region/27")
        assert (
            answer.status_code == 302
            and "/connexion?suite=/region/27" in answer.headers["Location"]
        )
        for path in (
            "/export/laureats.csv",
            "/_dash-layout",
            "/geo/epci.geojson",
            "/export/region/27.pdf",
        ):
            assert client.get(path).status_code == 401, path
        assert client.get("/connexion").status_code == 200
        assert client.get("/sante").status_code == 200
        log_in(client, "lecteur", target="/")
        assert client.get("/export/laureats.csv").status_code == 200
        assert client.get("/_dash-layout").status_code == 200
    finally:
        app.server.config["TI_STORE"].stop_polling()


def test_an_authenticating_proxy_names_the_user(settings):
    app = make_app(with_limit(settings, auth_header="X-Utilisateur"))
    try:
        client = app.server.test_client()
        assert client.get("/donnees/publier").status_code == 302
        answer = client.get("/donnees/publier", headers={"X-Utilisateur": "bfc"})
        assert answer.status_code == 200
        assert "bfc (éditeur, régions 27)" in answer.get_data(True)
        unknown = client.get("/donnees/publier", headers={"X-Utilisateur": "inconnu"})
        assert unknown.status_code == 403  # a name the app does not know only reads
    finally:
        app.server.config["TI_STORE"].stop_polling()


def test_a_proxy_user_gets_a_fresh_csrf_token_and_a_password_login_wins(settings):
    app = make_app(with_limit(settings, auth_header="X-Utilisateur"))
    try:
        as_bfc = {"X-Utilisateur": "bfc"}
        first, second = app.server.test_client(), app.server.test_client()
        token_1 = page_token_with(first, as_bfc)
        token_2 = page_token_with(second, as_bfc)
        assert token_1 != token_2  # per session, not derived from the name
        assert page_token_with(first, as_bfc) == token_1  # stable within a session
        # A token of bfc's session is refused in another one.
        form = {"csrf_token": token_1, "brouillon": "x"}
        refused = second.post("/donnees/publier/abandonner", data=form, headers=as_bfc | ORIGIN)
        assert refused.status_code == 403
        # A browser logged in with a password stays that account whatever the header says.
        admin = app.server.test_client()
        assert log_in(admin, "admin").status_code == 303
        page = admin.get("/donnees/comptes", headers={"X-Utilisateur": "lecteur"})
        assert page.status_code == 200
    finally:
        app.server.config["TI_STORE"].stop_polling()


def page_token_with(client, headers: dict) -> str:
    page = client.get("/donnees/publier", headers=headers).get_data(True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_session_cookie_is_http_only_same_site_and_secure_off_loopback(app):
    client = app.server.test_client()
    answer = log_in(client, "bfc")
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    remote = app.server.test_client()
    page = remote.get("/connexion", base_url="https://tableau.example")
    assert "Secure" in page.headers["Set-Cookie"]


def test_a_regional_editor_cannot_replace_a_national_dataset(app, live):
    client, token = signed_in(app, "bfc")
    assert 'value="territoires_industrie"' not in client.get("/donnees/publier").get_data(True)
    answer = upload(client, token, "laureats_bfc.csv", kind="territoires_industrie")
    assert answer.status_code == 403
    assert "ne publie que des lauréats" in message(answer)
    assert version_numbers(live) == [1]


def test_malformed_publication_requests_get_a_french_4xx(app, live):
    client, token = signed_in(app, "national")
    cases = {
        "json body": client.post("/donnees/publier", json={"nature": "laureats"}, headers=ORIGIN),
        "no file": client.post(
            "/donnees/publier", data={"nature": "laureats", "csrf_token": token}, headers=ORIGIN
        ),
        "unknown nature": upload(client, token, "laureats_bfc.csv", kind="../../etc/passwd"),
        "unknown draft": client.post(
            "/donnees/publier/confirmer",
            data={"brouillon": "x" * 5000, "csrf_token": token},
            headers=ORIGIN,
        ),
        "unknown version": client.post(
            "/donnees/versions/999/retablir", data={"csrf_token": token}, headers=ORIGIN
        ),
        "draft of nobody": client.get("/donnees/publier?brouillon=%00%ff"),
    }
    for case, answer in cases.items():
        assert answer.status_code < 500, case
        if answer.status_code >= 400:
            assert message(answer), case
    assert version_numbers(live) == [1]


def test_without_a_database_the_login_page_says_so(demo_store):
    from app import create_app

    client = create_app(demo_store.settings, store=demo_store).server.test_client()
    page = client.get("/connexion")
    assert page.status_code == 200
    token = re.search(r'csrf_token" value="([^"]+)"', page.get_data(True))[1]
    answer = client.post(
        "/connexion", data={"nom": "x", "mot_de_passe": "y", "csrf_token": token}, headers=ORIGIN
    )
    assert answer.status_code == 503
    assert "sans base de données" in message(answer)
    assert client.get("/donnees/publier").status_code == 302


def test_behind_a_proxy_the_public_origin_and_client_address_are_used(settings):
    app = make_app(with_limit(settings, behind_proxy=True))
    try:
        client = app.server.test_client()
        proxied = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "tableau.example",
            "X-Forwarded-For": "203.0.113.7",
        }
        page = client.get("/connexion", headers=proxied)
        assert "Secure" in page.headers["Set-Cookie"]
        token = re.search(r'csrf_token" value="([^"]+)"', page.get_data(True))[1]
        form = {"nom": "bfc", "mot_de_passe": "motdepasse-bfc-27", "csrf_token": token}
        answer = client.post(
            "/connexion", data=form, headers={**proxied, "Origin": "https://tableau.example"}
        )
        assert answer.status_code == 303
    finally:
        app.server.config["TI_STORE"].stop_polling()


def test_an_administrator_manages_accounts_in_the_browser_forms(app):
    admin = app.server.test_client()
    log_in(admin, "admin", target="/donnees/comptes")
    page = admin.get("/donnees/comptes")
    assert page.status_code == 200
    assert 'id="account-bfc"' in page.get_data(True)
    token = page_token(admin, "/donnees/comptes")
    form = {
        "nom": "occitanie",
        "role": "editeur",
        "regions": "76",
        "mot_de_passe": "motdepasse-occitanie",
        "csrf_token": token,
    }
    created = admin.post("/donnees/comptes", data=form, headers=ORIGIN)
    assert created.status_code == 303
    assert "Compte créé : occitanie." in admin.get(created.headers["Location"]).get_data(True)
    newcomer = app.server.test_client()
    answer = newcomer.get("/connexion")
    login_token = re.search(r'csrf_token" value="([^"]+)"', answer.get_data(True))[1]
    signed = newcomer.post(
        "/connexion",
        data={
            "nom": "occitanie",
            "mot_de_passe": "motdepasse-occitanie",
            "csrf_token": login_token,
        },
        headers=ORIGIN,
    )
    assert signed.status_code == 303
    assert "Occitanie (76)" in newcomer.get("/donnees/publier").get_data(True)

    bad = admin.post("/donnees/comptes", data=form | {"regions": "7a"}, headers=ORIGIN)
    assert bad.status_code == 400 and "Code de région invalide : 7a" in message(bad)
    again = admin.post("/donnees/comptes", data=form, headers=ORIGIN)
    assert again.status_code == 400 and "existe déjà" in message(again)
    itself = admin.post(
        "/donnees/comptes/supprimer", data={"nom": "admin", "csrf_token": token}, headers=ORIGIN
    )
    assert itself.status_code == 400

    editor, editor_token = signed_in(app, "bfc")
    assert editor.get("/donnees/comptes").status_code == 403
    refused = editor.post(
        "/donnees/comptes",
        data=form | {"nom": "pirate", "csrf_token": editor_token},
        headers=ORIGIN,
    )
    assert refused.status_code == 403
    forged = admin.post(
        "/donnees/comptes",
        data=form | {"nom": "pirate"},
        headers={"Origin": "https://pirate.example"},
    )
    assert forged.status_code == 403
    removed = admin.post(
        "/donnees/comptes/supprimer", data={"nom": "occitanie", "csrf_token": token}, headers=ORIGIN
    )
    assert removed.status_code == 303
    names = [account.name for account in app.server.config["TI_ACCOUNTS"].all()]
    assert "occitanie" not in names and "pirate" not in names
    # The removed account's session ended with it.
    assert newcomer.get("/donnees/publier").status_code == 302


@pytest.mark.parametrize(
    "target",
    ["/\t/evil.example", "/%09/evil.example", "/\\evil.example", "/\r\n/evil", "/%0d%0aX:1"],
)
def test_a_login_never_redirects_off_site_nor_fails(app, target):
    client = app.server.test_client()
    page = client.get("/connexion", query_string={"suite": target})
    assert page.status_code == 200
    assert "evil" not in page.get_data(True)
    answer = log_in(client, "admin", target=target)
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/"


def test_wrong_passwords_from_elsewhere_never_lock_the_owner_out(app):
    attacker = app.server.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for _ in range(5):
        assert log_in(attacker, "admin", "mauvais mot de passe").status_code == 401
    assert log_in(attacker, "admin").status_code == 429  # the guesser is stopped
    owner = app.server.test_client()
    owner.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    assert log_in(owner, "admin").status_code == 303  # the owner, elsewhere, gets in


def test_one_address_guessing_many_names_is_stopped(app):
    guesser = app.server.test_client()
    guesser.environ_base["REMOTE_ADDR"] = "203.0.113.10"
    names = ["bfc", "grandest", "national", "lecteur"]
    for name in names:  # 4 names x 5 failures = 20 from one address
        for _ in range(5):
            log_in(guesser, name, "mauvais mot de passe")
    assert log_in(guesser, "admin").status_code == 429


def test_the_data_page_names_accounts_only_to_signed_in_users_and_no_server_folder(
    app, live, settings
):
    client, token = signed_in(app, "bfc")
    draft = draft_id(upload(client, token, "laureats_bfc.csv"))
    answer = client.post(
        "/donnees/publier/confirmer", data={"brouillon": draft, "csrf_token": token}, headers=ORIGIN
    )
    assert answer.status_code == 303
    wait_for_version(live, 2)

    def layout(reader) -> str:
        answer = reader.get("/_dash-layout", headers={"Referer": "http://localhost/donnees"})
        return json.dumps(answer.get_json(), ensure_ascii=False)

    anonymous = layout(app.server.test_client())
    assert '"bfc"' not in anonymous
    assert "un compte éditeur" in anonymous
    for folder in (settings.cache_dir, settings.data_dir, REPO):
        assert str(folder) not in anonymous
    assert '"bfc"' in layout(client)


def test_an_account_keeps_at_most_five_drafts_waiting(app):
    client, token = signed_in(app, "national")
    for _ in range(5):
        assert upload(client, token, "laureats_bfc.csv").status_code == 303
    sixth = upload(client, token, "laureats_bfc.csv")
    assert sixth.status_code == 429
    assert "déjà 5 brouillons en attente" in message(sixth)
    other, other_token = signed_in(app, "bfc")  # the cap is per account
    assert upload(other, other_token, "laureats_bfc.csv").status_code == 303
