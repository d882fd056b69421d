"""Publishing adds and corrects, withdraws on request, replaces only when confirmed.

Expected values are hand counts on the demo file (87 lauréats in Bourgogne-Franche-Comté,
the annex panel) and on the small files of tests/data/publishing, written down below."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from dashboard.accounts.users import Account
from dashboard.data.drafts import Drafts, RemovalsNotConfirmed, check_upload
from dashboard.data.live_store import LiveStore, open_live_store
from dashboard.settings import DEMO_DATA_DIR
from tests.integration.publishing.support import (
    CASES,
    DEMO_LAUREATS,
    ORIGIN,
    confirm,
    draft_id,
    message,
    run_cli,
    signed_in,
    upload,
    wait_for_version,
    with_limit,
)

BFC = Account("bfc", "editeur", ("27",))
GRAND_EST = Account("grandest", "editeur", ("44",))
BFC_LAUREATS = 87  # annex panel
# laureats_bfc_ajout.csv: four valid new rows (aid 120 000 + 300 000 + 80 000 + 410 000 €)
# and one with a commune code that does not exist.
ADDED, ADDED_AID = 4, 910_000
# laureats_bfc_retraits.csv: demo-fictif-0002 (4 507 732 €) and demo-fictif-0003 (40 348 €).
WITHDRAWN_AID = 4_507_732 + 40_348


def demo_row(identifier: str) -> pd.Series:
    demo = pd.read_csv(DEMO_DATA_DIR / "laureats.csv", dtype=str)
    return demo.set_index("id_laureat").loc[identifier]


def draft_of(live: LiveStore, account: Account, case: str, mode: str, content=None):
    content = (CASES / case).read_bytes() if content is None else content
    return check_upload("laureats", case, content, account, live.store, mode)


def publish(live: LiveStore, account: Account, draft, removals: int | None = None) -> None:
    box = Drafts(live.versions)
    box.save(draft)
    box.publish(draft.id, account, removals)
    assert live.refresh()


def region(live: LiveStore, code: str = "27") -> pd.DataFrame:
    return live.store.laureats[live.store.laureats["reg"] == code]


def test_adding_keeps_every_row_and_adds_the_valid_new_ones(settings):
    live = open_live_store(settings)
    aid_before = region(live)["montant_aide"].sum()
    draft = draft_of(live, BFC, "laureats_bfc_ajout.csv", "ajouter")
    assert (draft.report.rows_read, draft.report.rows_kept, draft.report.rows_rejected) == (5, 4, 1)
    assert draft.impact["changes"] == {
        "ajoutees": ADDED,
        "mises_a_jour": 0,
        "inchangees": DEMO_LAUREATS,
        "retirees": 0,
    }
    assert draft.removed == 0
    publish(live, BFC, draft)  # nothing removed: no confirmation asked
    assert len(region(live)) == BFC_LAUREATS + ADDED == 91
    assert len(live.store.laureats) == DEMO_LAUREATS + ADDED
    assert region(live)["montant_aide"].sum() == aid_before + ADDED_AID


def test_an_update_changes_one_amount_and_the_panel_by_exactly_that(settings, tmp_path):
    live = open_live_store(settings)
    row = demo_row("demo-fictif-0004")
    old_aid = float(row["montant_aide"])
    assert old_aid == 631_654
    changed = row.to_frame().T.rename_axis("id_laureat").reset_index()
    changed["montant_aide"] = "700000"
    content = changed.to_csv(index=False).encode()
    aid_before = region(live)["montant_aide"].sum()
    draft = draft_of(live, BFC, "correction.csv", "ajouter", content)
    assert draft.impact["changes"]["mises_a_jour"] == 1
    assert draft.impact["changes"]["ajoutees"] == 0
    assert draft.impact["exemples"]["mises_a_jour"] == [
        "demo-fictif-0004 — Projet fictif n° 0004 : montant_aide"
    ]
    publish(live, BFC, draft)
    assert len(region(live)) == BFC_LAUREATS
    assert region(live)["montant_aide"].sum() == aid_before + (700_000 - old_aid)


def test_withdrawing_two_identifiers_needs_their_number_confirmed(settings):
    live = open_live_store(settings)
    aid_before = region(live)["montant_aide"].sum()
    draft = draft_of(live, BFC, "laureats_bfc_retraits.csv", "retirer")
    assert draft.removed == 2
    assert sorted(draft.impact["exemples"]["retirees"]) == [
        "demo-fictif-0002 — Projet fictif n° 0002",
        "demo-fictif-0003 — Projet fictif n° 0003",
    ]
    box = Drafts(live.versions)
    box.save(draft)
    for wrong in (None, 1, 3):
        with pytest.raises(RemovalsNotConfirmed):
            box.publish(draft.id, BFC, wrong)
    assert [version.number for version in live.versions.all()] == [1]
    box.publish(draft.id, BFC, 2)
    assert live.refresh()
    assert len(region(live)) == BFC_LAUREATS - 2
    assert region(live)["montant_aide"].sum() == aid_before - WITHDRAWN_AID
    # The version's reports explain every row: the demo file says which rows left.
    notes = [note for report in live.store.folder.reports for note in report.notes]
    assert "2\u00a0lignes retirée(s) par laureats_bfc_retraits.csv" in notes


def test_an_editor_of_one_region_cannot_touch_a_row_of_another(settings):
    live = open_live_store(settings)
    # demo-fictif-0085 lies in Bretagne (53), demo-fictif-0001 in Bourgogne-Franche-Comté.
    draft = draft_of(live, BFC, "laureats_retrait_bretagne.csv", "retirer")
    assert draft.removed == 1
    reasons = [rejection.reason for rejection in draft.report.rejections]
    assert reasons == ["ligne de la région 53, hors des régions de l'éditeur (27) : non retirée"]
    # An update of the Bretagne row by the same editor is refused as well.
    row = demo_row("demo-fictif-0085").to_frame().T.rename_axis("id_laureat").reset_index()
    row["montant_aide"] = "1"
    update = draft_of(live, BFC, "bretagne.csv", "ajouter", row.to_csv(index=False).encode())
    assert update.report.rows_kept == 0
    assert "hors des régions de l'éditeur (27)" in update.report.rejections[0].reason
    publish(live, BFC, draft, 1)
    assert "demo-fictif-0085" in set(live.store.laureats["id_laureat"])
    assert "demo-fictif-0001" not in set(live.store.laureats["id_laureat"])


def test_two_editors_adding_at_the_same_moment_both_keep_their_rows(settings, database_url):
    live = open_live_store(with_limit(settings, database_url=database_url))
    ready = []
    for account, case in ((BFC, "laureats_bfc_ajout.csv"), (GRAND_EST, "laureats_grand_est.csv")):
        draft = draft_of(live, account, case, "ajouter")
        Drafts(live.versions).save(draft)
        ready.append((draft, account))
    barrier = threading.Barrier(2)

    def go(draft, account):
        barrier.wait()
        Drafts(live.versions).publish(draft.id, account)

    threads = [threading.Thread(target=go, args=pair) for pair in ready]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert live.refresh()
    ids = set(live.store.laureats["id_laureat"])
    # Grand Est's file: GE-1 and GE-2 in its région (the two others are elsewhere).
    assert {"BFC-2026-01", "BFC-2026-04", "GE-1", "GE-2"} <= ids
    assert len(live.store.laureats) == DEMO_LAUREATS + ADDED + 2


def test_the_web_review_states_the_mode_and_what_leaves(app, live):
    client, token = signed_in(app, "bfc")
    sent = upload(client, token, "laureats_bfc_retraits.csv", mode="retirer")
    review = client.get(f"/donnees/publier?brouillon={draft_id(sent)}").get_data(True)
    assert (
        "Lignes (retrait) : 0\u00a0ajoutées" in review or "Lignes (retrait) : 0 ajoutées" in review
    )
    assert 'id="publish-removals-number"' in review
    draft = draft_id(sent)
    assert confirm(client, token, draft, 1).status_code == 400  # the wrong number
    assert confirm(client, token, draft, 2).status_code == 303
    wait_for_version(live, 2)
    assert len(live.store.laureats) == DEMO_LAUREATS - 2


def test_the_command_line_offers_the_same_modes_and_exit_codes(settings):
    def cli(*args: str, **env: str):
        return run_cli(settings.database, settings.cache_dir, *args, **env)

    added_user = cli(
        "users", "add", "bfc", "--role", "editeur", "--regions", "27",
        TI_PASSWORD="motdepasse-bfc-27",
    )  # fmt: skip
    assert added_user.returncode == 0, added_user.stderr
    retraits = str(CASES / "laureats_bfc_retraits.csv")
    refused = cli("publish", "laureats", retraits, "--user", "bfc", "--mode", "retirer")
    assert refused.returncode == 2
    assert "--confirmer-retraits 2" in refused.stderr
    assert "version 2" not in cli("versions").stdout
    done = cli(
        "publish", "laureats", retraits, "--user", "bfc", "--mode", "retirer",
        "--confirmer-retraits", "2",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Lignes (retrait) : " in done.stdout and "2\u00a0retirées" in done.stdout
    ajout = str(CASES / "laureats_bfc_ajout.csv")
    undated = cli("publish", "laureats", ajout, "--user", "bfc", "--date-donnees", "demain")
    assert undated.returncode == 2 and "date illisible : « demain »" in undated.stderr
    # « ajouter » by default; the data date as the publisher gives it.
    added = cli("publish", "laureats", ajout, "--user", "bfc", "--date-donnees", "30/04/2026")
    assert added.returncode == 0, added.stderr
    assert f"{ADDED}\u00a0ajoutées" in added.stdout


def test_a_replaced_region_keeps_the_counts_of_each_file_adding_up(settings):
    """The demo file's report after Bourgogne-Franche-Comté was replaced: 1 416 read,
    1 416 kept, 0 rejected, and a note saying which 87 a later publication replaced."""
    live = open_live_store(settings)
    draft = draft_of(live, BFC, "laureats_bfc.csv", "remplacer")
    assert draft.removed == BFC_LAUREATS
    publish(live, BFC, draft, BFC_LAUREATS)
    demo = next(r for r in live.store.folder.reports if r.file == "laureats.csv")
    assert (demo.rows_read, demo.rows_kept, demo.rows_rejected) == (DEMO_LAUREATS,) * 2 + (0,)
    assert "87\u00a0lignes des régions 27 remplacée(s) par une publication plus récente" in (
        demo.notes
    )
    assert len(region(live)) == 3


def test_the_panel_follows_the_published_data(settings):
    """Before: the annex's wording, date and report figures. After four lauréats are added
    in Bourgogne-Franche-Comté, none of them is presented as the 2021 report's."""
    from dashboard.reports.region_summary import region_summary

    live = open_live_store(settings)
    before = region_summary(live.store, "27")
    assert before.title == "87 projets lauréats en Bourgogne-Franche-Comté"
    assert before.data_date == "24/09/2021"
    assert before.projets_plans_actions is not None  # 112, from the report's annex
    assert live.store.is_demo
    publish(live, BFC, draft_of(live, BFC, "laureats_bfc_ajout.csv", "ajouter"))
    after = region_summary(live.store, "27")
    assert after.title == "91 projets lauréats en Bourgogne-Franche-Comté"
    assert after.projets_plans_actions is None  # a report figure, not about these data
    # The latest decision of the data shown: 10/03/2026 (the added Fonderie de Nevers).
    assert after.data_date == "10/03/2026"
    assert after.engagement_meur.label.endswith("(2020-2026)")
    assert after.territoires_industrie.value == len(live.store.tis.touching("reg", ("27",)))
    # Other régions still show the report's panel, and the demo banner stays (fictitious rows).
    assert region_summary(live.store, "53").data_date == "24/09/2021"
    assert live.store.is_demo


def test_the_demo_banner_ends_when_published_data_replace_the_demos(settings):
    live = open_live_store(settings)
    national = Account("national", "editeur")
    content = (CASES / "laureats_bfc.csv").read_bytes()
    draft = check_upload("laureats", "tous.csv", content, national, live.store, "remplacer")
    assert draft.removed == DEMO_LAUREATS
    publish(live, national, draft, DEMO_LAUREATS)
    assert not live.store.is_demo


def test_the_data_date_is_the_publishers_else_the_latest_decision(settings):
    live = open_live_store(settings)
    assert live.store.data_date == "24/09/2021"  # the demo files' metadata
    content = (CASES / "laureats_bfc_ajout.csv").read_bytes()
    dated = check_upload("laureats", "a.csv", content, BFC, live.store, "ajouter", "2026-04-30")
    publish(live, BFC, dated)
    assert live.store.data_date == "30/04/2026"
    # A later publication that gives no date: the latest decision of the data shown.
    row = demo_row("demo-fictif-0004").to_frame().T.rename_axis("id_laureat").reset_index()
    row["date_decision"] = "2026-05-20"
    undated = draft_of(live, BFC, "b.csv", "ajouter", row.to_csv(index=False).encode())
    publish(live, BFC, undated)
    assert live.store.data_date == "20/05/2026"


def test_an_unreadable_data_date_is_refused_in_french(app, live):
    client, token = signed_in(app, "bfc")
    with (CASES / "laureats_bfc_ajout.csv").open("rb") as handle:
        answer = client.post(
            "/donnees/publier",
            data={
                "nature": "laureats",
                "csrf_token": token,
                "date_donnees": "31/02/2026",
                "fichier": (handle, "a.csv"),
            },
            headers=ORIGIN,
            content_type="multipart/form-data",
        )
    assert answer.status_code == 400
    assert message(answer) == "Date illisible : « 31/02/2026 » (jj/mm/aaaa attendu)."
