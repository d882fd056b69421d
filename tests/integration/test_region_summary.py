"""Région panels and TI sheets computed from the demo rows, checked against the annex."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from dashboard.data.ingest.folder import read_panels
from dashboard.reports.region_summary import (
    UnknownTerritory,
    fit_view,
    panel_codes,
    region_summary,
    ti_list_names,
    ti_summary,
)
from dashboard.settings import DEMO_DATA_DIR
from dashboard.territory.geography import OVERSEAS_REGIONS
from tests.annex import ANNEX_PANEL_CODES
from tests.demo_files import demo_rows


def annex_rows(shared_dir) -> list[dict]:
    with (shared_dir / "reference" / "regions_annex.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["region"] in ANNEX_PANEL_CODES]


def test_panels_follow_the_annex_order_then_auvergne_rhone_alpes(demo_store):
    assert panel_codes(demo_store) == [*ANNEX_PANEL_CODES.values(), "84"]


def test_each_annex_panel_sums_to_the_published_figures(demo_store, shared_dir):
    for row in annex_rows(shared_dir):
        summary = region_summary(demo_store, ANNEX_PANEL_CODES[row["region"]])
        assert summary.title == row["laureats_label_exact"], row["region"]
        assert summary.n_laureats == int(row["n_laureats"])
        assert summary.territoires_industrie.value == int(row["n_territoires_industrie"])
        assert summary.projets_plans_actions.value == int(row["n_projets_plans_actions"])
        assert round(summary.investissement_meur.value, 1) == float(row["investissement_meur"])
        assert round(summary.engagement_meur.value, 1) == float(row["engagement_etat_region_meur"])
        assert summary.engagement_meur.label == row["engagement_label"]
        assert summary.emplois_prevus.value == int(row["emplois_prevus"])
        assert summary.emplois_prevus.label == row["emplois_label_exact"]
        assert summary.data_date == row["data_date"]


def test_corse_and_overseas_engagement_is_the_state_alone(demo_store):
    for code in ("94", "outre-mer"):
        assert region_summary(demo_store, code).engagement_meur.label == (
            "Engagés par l'Etat (2020-2021)"
        )
    assert "Région" in region_summary(demo_store, "27").engagement_meur.label


def test_overseas_panel_groups_the_five_regions_with_one_inset_each(demo_store):
    summary = region_summary(demo_store, "outre-mer")
    assert summary.region_codes == OVERSEAS_REGIONS
    assert [area.code for area in summary.areas] == list(OVERSEAS_REGIONS)
    assert set(summary.laureats["reg"]) <= set(OVERSEAS_REGIONS)
    assert summary.title == "54 projets lauréats dans les Outre-mer"


def test_featured_cards_read_like_the_annex(demo_store):
    cards = region_summary(demo_store, "27").featured
    assert [card.name for card in cards] == ["ATELIER HAUTE LUNETTERIE BOURGEAT"]
    card = cards[0]
    assert card.size_sector == "PME – Lunetterie"
    assert card.place == "Hauts de Bienne – TI Haut-Jura"
    assert card.jobs == "Création d'au moins 6 emplois prévue"
    assert [c.name for c in region_summary(demo_store, "outre-mer").featured] == [
        "PIRIOU RÉUNION",
        "GUYANE SPIRULINE",
    ]


def test_a_region_without_panel_uses_rows_and_the_loaded_list(demo_store):
    summary = region_summary(demo_store, "04")
    assert summary.title.endswith("projets lauréats à La Réunion")
    assert summary.projets_plans_actions is None  # no indicator for La Réunion alone
    assert summary.territoires_industrie.value == 2  # ANCT list: 2 TIs in La Réunion
    assert "liste chargée" in summary.territoires_industrie.source
    assert summary.engagement_meur.label == "Engagés par l'Etat et la Région (2020-2021)"


def test_unknown_region_is_reported(demo_store):
    with pytest.raises(UnknownTerritory):
        region_summary(demo_store, "99")


def test_ti_sheet_compares_its_aid_with_the_national_average(demo_store):
    """Expected values from the demo files read with pandas (tests/demo_files.py): the
    TI's own lauréats, and per programme the aid of all lauréats inside a TI divided by
    the 183 TIs of the loaded ANCT list."""
    sheet = ti_summary(demo_store, "ti-2806")
    assert sheet.name == "Dieppe Côte d'Albâtre"
    assert sheet.region == "28"
    own = demo_rows("?ti=ti-2806")
    assert set(sheet.laureats["id_laureat"]) == set(own["id_laureat"])
    n_tis = pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv")["id_ti"].nunique()
    assert n_tis == 183 == sheet.n_tis
    in_any_ti = demo_rows("?ti_statut=dans")
    programme = sheet.by_programme.set_index("libelle")
    for name, row in programme.iterrows():
        expected = in_any_ti.loc[in_any_ti["programme"] == name, "montant_aide"].sum() / n_tis
        assert row["aide_moyenne"] == pytest.approx(expected)
    assert sheet.by_enjeu["n_laureats"].sum() >= len(sheet.laureats)
    assert {"Dieppe Méca Énergies", "Club interentreprises du littoral"} <= set(
        sheet.clusters["nom"]
    )
    assert set(sheet.communes["code"]) == set(
        demo_store.tis.members.loc[demo_store.tis.members["id_ti"] == "ti-2806", "insee_com"]
    )


def test_unknown_ti_is_reported(demo_store):
    with pytest.raises(UnknownTerritory):
        ti_summary(demo_store, "pas-un-ti")


def test_fit_view_frames_the_bounds():
    view = fit_view((2.84, 46.16, 7.14, 48.40), 760, 560)
    assert view["center"]["lon"] == pytest.approx(4.99)
    assert 46.16 < view["center"]["lat"] < 48.40
    assert 6.0 < view["zoom"] < 8.0
    assert fit_view((0, 0, 0.1, 0.1), 760, 560)["zoom"] > view["zoom"]


def test_panel_metadata_keeps_known_fields_and_reports_bad_ones(tmp_path):
    (tmp_path / "metadonnees.json").write_text(
        json.dumps(
            {
                "laureats.csv": {"source": "DGE"},
                "panels": {
                    "94": {
                        "engagement_label": "Engagés par l'Etat",
                        "panel_order": 3,
                        "region_codes": ["94"],
                        "n_laureats": 10,
                    },
                    "27": {"panel_order": "premier", "engagement_label": None},
                    "xx": "pas un objet",
                },
            }
        ),
        encoding="utf-8",
    )
    panels, notes = read_panels(tmp_path)
    assert panels["94"] == {
        "engagement_label": "Engagés par l'Etat",
        "panel_order": 3,
        "region_codes": ["94"],
    }
    assert panels["27"] == {}
    assert "xx" not in panels
    assert notes == [
        "metadonnees.json : panneau « 27 », panel_order ignoré",
        "metadonnees.json : panneau « xx » ignoré, un objet est attendu",
    ]


def test_a_ti_across_two_regions_is_on_both_panels(jura_store):
    """Real ANCT list: Vaucluse (mostly in Provence-Alpes-Côte d'Azur) and Lacq – Pau –
    Tarbes (mostly in Nouvelle-Aquitaine) reach into Occitanie: 16 TIs touch it, not 14."""
    occitanie = region_summary(jura_store, "76")
    names = set(occitanie.tis["lib_ti"])
    assert len(names) == 16
    assert {"Vaucluse", "Lacq – Pau – Tarbes"} <= names
    assert occitanie.territoires_industrie.value == 16
    assert "Vaucluse" in set(region_summary(jura_store, "93").tis["lib_ti"])
    assert "Lacq – Pau – Tarbes" in set(region_summary(jura_store, "75").tis["lib_ti"])
    assert len(region_summary(jura_store, "84").tis) == 28
    # Where it crosses in, the share of its communes there is said (hand count from the
    # ANCT file: 7 of Vaucluse's 42 communes are in Gard, 17 %).
    listed = ti_list_names(occitanie.tis)
    assert "Vaucluse (17\u202f% de ses communes dans la région)" in listed
    assert "Alès (99\u202f% de ses communes dans la région)" in listed


def test_the_sheet_of_a_ti_across_two_regions_names_both(jura_store):
    from layouts.ti_sheet import facts_line

    vaucluse = ti_summary(jura_store, "ti-9308")  # 35 communes in Vaucluse, 7 in Gard
    assert vaucluse.regions == (
        ("93", "Provence-Alpes-Côte d'Azur", pytest.approx(35 / 42)),
        ("76", "Occitanie", pytest.approx(7 / 42)),
    )
    assert facts_line(vaucluse).endswith(
        "à cheval sur 2 régions (part des communes) : "
        "Provence-Alpes-Côte d'Azur 83\u202f%, Occitanie 17\u202f%"
    )
