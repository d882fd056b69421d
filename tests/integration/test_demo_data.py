"""The embedded demo folder: what a user checks against the report's annex.

Read with plain pandas, as a user opening the downloaded files would. The annex
figures are written here (not read from ../shared) so the checks run on any
checkout; only the rebuild test needs ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

DEMO = Path(__file__).resolve().parents[2] / "dashboard" / "demo_data"
FILES = (
    "laureats.csv",
    "territoires_industrie.csv",
    "clusters.csv",
    "collaborations.csv",
    "indicateurs.csv",
    "metadonnees.json",
)
LAUREAT_COLUMNS = [
    "id_laureat", "beneficiaire", "siret", "code_commune", "longitude", "latitude",
    "programme", "montant_aide", "investissement", "emplois_prevus", "filiere", "activite",
    "enjeux", "taille_entreprise", "date_decision", "description", "fictif", "deduit",
    "mis_en_avant", "emplois_texte", "source",
]  # fmt: skip
OVERSEAS = ("01", "02", "03", "04", "06")

# Annex panel -> (région codes, lauréats, investment M€, aid M€, planned jobs), 24/09/2021.
ANNEX = {
    "Bourgogne-Franche-Comté": (("27",), 87, 285.5, 41.7, 1966),
    "Bretagne": (("53",), 85, 256.1, 29.7, 1548),
    "Corse": (("94",), 10, 21.4, 3.8, 89),
    "Centre-Val de Loire": (("24",), 103, 276.5, 35.2, 1637),
    "Grand Est": (("44",), 142, 746.3, 52.1, 2219),
    "Hauts-de-France": (("32",), 110, 591.9, 53.9, 3022),
    "Île-de-France": (("11",), 160, 324.9, 51.8, 2614),
    "Normandie": (("28",), 90, 844.8, 41.9, 2161),
    "Nouvelle-Aquitaine": (("75",), 126, 391.6, 56.5, 2294),
    "Occitanie": (("76",), 91, 326.0, 38.6, 2357),
    "Pays de la Loire": (("52",), 137, 600.2, 50.0, 2802),
    "Provence-Alpes-Côte d'Azur": (("93",), 101, 271.3, 43.0, 1808),
    "Outre-mer": (OVERSEAS, 54, 94.8, 21.2, 452),
    # No panel: national (1 416 / 5 400 / 573 / 27 255) minus the 13 panels.
    "Auvergne-Rhône-Alpes (déduit)": (("84",), 120, 368.7, 53.6, 2286),
}

# Annex cards and the INSEE code of the commune printed on them.
ANNEX_CARDS = {
    "Atelier Haute Lunetterie Bourgeat": "39368",  # Hauts de Bienne (39)
    "PDG Plastiques": "45191",  # Le Malesherbois
    "Le Matelas 365": "45229",  # « Nogent-Sur-Vernisson »
    "Textile des Dunes": "59580",  # Steenvoorde
    "Société Industrielle Auer": "80308",  # « Feuquières en Vimeu »
    "Établissements Martinenq": "77251",  # « Lieuxaint », read Lieusaint
    "Tryon": "78123",  # Carrières-sous-Poissy
    "Société Industrielle de Produits Diélectriques (SIPD)": "50099",  # Carentan-les-Marais
    "La Ferté Couture": "61168",  # La Ferté-Macé
    "AG + Spars": "17353",  # « Saint Laurent de la Prée »
    "Bovetti Chocolats": "24547",  # Terrasson-Lavilledieu
    "Renaissance Textile": "53054",  # Changé (Mayenne, not Sarthe)
    "Fonderie d'art Macheret": "72241",  # Montfort-le-Gesnois
    "IES Labo": "04143",  # Oraison
    "Batteries Prod": "84080",  # Monteux
    "Piriou Réunion": "97407",  # Le Port (La Réunion)
    "Guyane Spiruline": "97312",  # Sinnamary
}


@pytest.fixture(scope="module")
def laureats() -> pd.DataFrame:
    frame = pd.read_csv(DEMO / "laureats.csv", dtype=str, keep_default_na=False)
    for column in ("montant_aide", "investissement", "emplois_prevus"):
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    return frame


@pytest.fixture(scope="module")
def placed(laureats, geography) -> pd.DataFrame:
    rows = geography.commune_rows(laureats["code_commune"])
    return laureats.assign(reg=rows["reg"].to_numpy(), nom_commune=rows["nom"].to_numpy())


@pytest.fixture(scope="module")
def metadata() -> dict:
    return json.loads((DEMO / "metadonnees.json").read_text(encoding="utf-8"))


def test_demo_folder_holds_every_file():
    assert all((DEMO / name).is_file() for name in FILES)


def test_laureats_file_has_exactly_the_importer_columns(laureats):
    assert list(laureats.columns) == LAUREAT_COLUMNS
    assert laureats["id_laureat"].is_unique


@pytest.mark.parametrize("panel", list(ANNEX), ids=list(ANNEX))
def test_panel_totals_match_annex(placed, panel):
    regions, count, invest_meur, aid_meur, jobs = ANNEX[panel]
    rows = placed[placed["reg"].isin(regions)]
    assert len(rows) == count
    # Published to 0.1 M€; the demo reproduces the figure to the euro.
    assert rows["investissement"].sum() == round(invest_meur * 1_000_000)
    assert rows["montant_aide"].sum() == round(aid_meur * 1_000_000)
    assert rows["emplois_prevus"].sum() == jobs


def test_national_totals_match_report(laureats):
    assert len(laureats) == 1416
    assert laureats["investissement"].sum() == 5_400_000_000
    assert laureats["montant_aide"].sum() == 573_000_000
    assert laureats["emplois_prevus"].sum() == 27255


def test_synthetic_rows_are_flagged_as_fictitious(laureats):
    synthetic = laureats[laureats["fictif"] == "true"]
    real = laureats[laureats["fictif"] == "false"]
    assert len(synthetic) + len(real) == len(laureats)
    assert synthetic["beneficiaire"].str.match(r"^Projet fictif n° \d{4}$").all()
    assert synthetic["description"].str.contains("fictif").all()
    assert synthetic["emplois_texte"].str.contains("fictif").all()
    assert not real["beneficiaire"].str.contains("fictif").any()
    assert (synthetic["mis_en_avant"] == "false").all()


def test_ara_synthetic_rows_are_marked_deduced(placed):
    ara = placed[placed["reg"] == "84"]
    assert (ara.loc[ara["fictif"] == "true", "deduit"] == "true").all()
    assert (placed.loc[placed["reg"] != "84", "deduit"] == "false").all()


def test_every_laureat_sits_in_a_known_commune_of_a_panel_region(placed, geography):
    assert geography.is_known_commune(placed["code_commune"]).all()
    panel_regions = {code for regions, *_ in ANNEX.values() for code in regions}
    assert set(placed["reg"]) <= panel_regions
    # The app places each project at its commune's centre.
    assert (placed["longitude"] == "").all() and (placed["latitude"] == "").all()


def test_annex_cards_are_real_and_at_their_commune(placed):
    cards = placed[placed["mis_en_avant"] == "true"].set_index("beneficiaire")
    assert cards["code_commune"].to_dict() == ANNEX_CARDS
    assert (cards["fictif"] == "false").all()


def test_bourgeat_card_is_in_hauts_de_bienne_jura(placed):
    row = placed[placed["beneficiaire"] == "Atelier Haute Lunetterie Bourgeat"].iloc[0]
    assert row["code_commune"] == "39368" and row["code_commune"][:2] == "39"
    assert row["nom_commune"] == "Hauts de Bienne"
    assert row["emplois_prevus"] == 6
    assert row["emplois_texte"] == "Création d'au moins 6 emplois prévue"


def test_no_reference_commune_is_left_unmatched(metadata):
    assert metadata["laureats.csv"]["communes_non_trouvees"] == []


def test_values_follow_the_file_contract(laureats):
    assert (laureats[["montant_aide", "investissement", "emplois_prevus"]].fillna(0) >= 0).all(
        axis=None
    )
    both = laureats.dropna(subset=["montant_aide", "investissement"])
    assert (both["montant_aide"] <= both["investissement"]).all()
    synthetic = laureats[laureats["fictif"] == "true"]
    assert synthetic[["montant_aide", "investissement", "emplois_prevus"]].notna().all(axis=None)
    assert synthetic["investissement"].between(200_000, 20_000_000).all()
    dates = pd.to_datetime(synthetic["date_decision"], format="%Y-%m-%d")
    assert dates.between("2020-09-01", "2021-09-24").all()
    enjeux = laureats["enjeux"].str.split("; ").explode()
    assert set(enjeux) <= {"transition écologique", "compétences", "innovation",
                           "attractivité", "foncier", "numérique"}  # fmt: skip
    assert set(laureats["taille_entreprise"]) <= {"TPE", "PME", "ETI", "GE", ""}
    for column in ("fictif", "deduit", "mis_en_avant"):
        assert set(laureats[column]) <= {"true", "false"}
    programme = "Fonds d'accélération des investissements industriels dans les territoires"
    assert (laureats["programme"] == programme).all()


def test_indicators_give_bfc_10_ti_and_112_projects():
    frame = pd.read_csv(DEMO / "indicateurs.csv", dtype={"code_territoire": str})
    values = frame.set_index(["code_territoire", "indicateur"])["valeur"]
    assert values[("27", "territoires_industrie")] == 10
    assert values[("27", "projets_plans_actions")] == 112
    assert values[("outre-mer", "territoires_industrie")] == 8
    assert values[("84", "territoires_industrie")] == 146 - 133
    assert values[("84", "projets_plans_actions")] == 1800 - 1541
    assert values[("FR", "territoires_industrie")] == 146
    assert (frame["annee"] == 2021).all()


def test_ti_list_is_the_real_anct_list_with_its_vintage(geography, shared_dir):
    """The demo ships ANCT's phase-2 list as published: 183 TIs, 18,640 communes."""
    frame = pd.read_csv(DEMO / "territoires_industrie.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["insee_com", "lib_com", "id_ti", "lib_ti", "millesime"]
    assert frame["id_ti"].nunique() == 183
    assert frame["insee_com"].nunique() == 18_640
    assert geography.is_known_commune(frame["insee_com"]).all()
    assert frame["millesime"].str.startswith("2023-2027 (phase 2").all()
    anct = pd.read_csv(
        shared_dir / "data" / "territoires_industrie_communes.csv", dtype=str, keep_default_na=False
    )
    key = ["id_ti", "insee_com"]
    pd.testing.assert_frame_equal(
        frame.drop(columns="millesime").sort_values(key).reset_index(drop=True),
        anct.sort_values(key).reset_index(drop=True),
    )


def test_metadata_says_which_list_the_figures_are_of(metadata):
    ti_meta = metadata["territoires_industrie.csv"]
    assert "ANCT" in ti_meta["source"] and "Licence Ouverte" in ti_meta["source"]
    assert "phase 1 (146 TI)" in ti_meta["note"]
    indicators = pd.read_csv(DEMO / "indicateurs.csv", dtype={"code_territoire": str})
    ti_counts = indicators[
        (indicators["indicateur"] == "territoires_industrie") & (indicators["niveau"] == "region")
    ]
    assert ti_counts["source"].str.contains("phase 1").all()


def test_source_names_of_tis_point_at_the_real_list(metadata):
    """AG + SPARS's card names its TI « Rochefort » (Saint-Laurent-de-la-Prée, 17353): the
    name leads to the real TI holding that commune."""
    tis = pd.read_csv(DEMO / "territoires_industrie.csv", dtype=str)
    named = metadata["territoires_industrie.csv"]["noms_des_sources"]
    rochefort = named["rochefort"]["id_ti"]
    assert "17353" in set(tis.loc[tis["id_ti"] == rochefort, "insee_com"])
    assert set(entry["id_ti"] for entry in named.values()) <= set(tis["id_ti"])


def test_synthetic_laureats_fall_inside_a_ti_as_the_source_says():
    """More than two thirds of the projects the fonds d'accélération funded were in a TI
    (Cour des comptes 2024, cited in seed 001)."""
    laureats = pd.read_csv(DEMO / "laureats.csv", dtype=str)
    tis = pd.read_csv(DEMO / "territoires_industrie.csv", dtype=str)
    inside = laureats["code_commune"].isin(set(tis["insee_com"]))
    assert inside.mean() > 2 / 3


def test_every_cluster_and_collaboration_of_the_sources_is_in_the_demo(shared_dir, geography):
    reference = pd.read_csv(shared_dir / "reference" / "clusters.csv", dtype=str)
    collaborations = pd.read_csv(shared_dir / "reference" / "collaborations.csv", dtype=str)
    clusters = pd.read_csv(DEMO / "clusters.csv", dtype=str, keep_default_na=False)
    demo_collaborations = pd.read_csv(DEMO / "collaborations.csv", dtype=str)
    assert len(clusters) == len(reference) == 62
    assert len(demo_collaborations) == len(collaborations) == 31
    stated = clusters["code_commune"] != ""
    assert geography.is_known_commune(clusters.loc[stated, "code_commune"]).all()
    # Every row has a place: its commune, or a territory it is tied to (or national / abroad).
    assert ((clusters["code_commune"] != "") | (clusters["territoire"] != "")).all()
    assert clusters["id_cluster"].is_unique
    # The kinds the sources use (« other » written « autre »).
    kinds = set(reference["kind"].replace({"other": "autre"}))
    assert set(clusters["type"]) == kinds


def test_metadata_describes_every_file_and_panel(metadata):
    assert metadata["demo"] is True
    for name in FILES[:-1]:
        assert {"millesime", "source", "date_donnees"} <= set(metadata[name])
    panels = metadata["panels"]
    assert len(panels) == 14
    assert panels["27"]["laureats_label_exact"] == "87 projets lauréats en Bourgogne-Franche-Comté"
    assert panels["94"]["engagement_label"] == "Engagés par l'Etat (2020-2021)"
    assert panels["outre-mer"]["region_codes"] == list(OVERSEAS)
    assert panels["84"]["deduit"] is True and panels["84"]["laureats_label_exact"] is None
    assert panels["27"]["source_line_exact"] is None
    assert panels["32"]["source_line_exact"] == "Source : DGE, DTI, Bpifrance"


@pytest.mark.shared
def test_annex_figures_here_match_the_shared_reference(shared_dir):
    annex = pd.read_csv(shared_dir / "reference" / "regions_annex.csv")
    panels = annex.set_index("region")
    for panel, (_, count, invest, aid, jobs) in ANNEX.items():
        if panel.endswith("(déduit)"):
            continue
        row = panels.loc[panel]
        assert (row["n_laureats"], row["emplois_prevus"]) == (count, jobs)
        assert row["investissement_meur"] == pytest.approx(invest)
        assert row["engagement_etat_region_meur"] == pytest.approx(aid)


@pytest.mark.shared
def test_builder_rebuilds_the_committed_files_byte_for_byte(shared_dir, geography, tmp_path):
    from tools.demo_builder import build

    build(shared_dir, tmp_path, geography)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


def test_the_demo_carries_the_real_jura_industrial_employment(demo_store):
    """URSSAF 2025, Jura: 17,904 industrial jobs in 492 communes (../shared/data/README.md);
    elsewhere the per-job criterion says « non renseigné », never zero."""
    from dashboard.analysis.funding_gaps import GapState, funding_gaps

    table = funding_gaps(demo_store, GapState(level="epci", basis="emploi_industriel")).table
    communes = demo_store.geography.communes
    jura_epci = set(communes.loc[communes["dep"] == "39", "epci"])
    inside = table[table["code"].isin(jura_epci)]
    outside = table[~table["code"].isin(jura_epci)]
    assert inside["n_communes_renseignees"].sum() == 492
    assert inside["emplois_industriels"].sum() == 17_904
    assert outside["emplois_industriels"].isna().all()
    funded_outside = outside[outside["n_laureats"] > 0]
    assert (funded_outside["verdict"] == "non_evaluable").all()
