"""Clusters and networks: names resolved as people write them, the sources' 62 entries and 31
collaborations in the demo, counted per TI, the « sans cluster ni réseau » list, the exports.

Expected values come from ../shared/reference (clusters.csv, collaborations.csv) read here,
from the ANCT list of TIs and from hand counts written down below."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.analysis.funding_gaps import GapState, funding_gaps
from dashboard.data.ingest import load_folder
from dashboard.data.ingest.links import territory_names
from dashboard.reports.cluster_summary import cluster_summary

DATA = Path(__file__).resolve().parents[1] / "data" / "clusters"
ANCT = "territoires_industrie_communes.csv"


@pytest.fixture(scope="module")
def anct(shared_dir) -> pd.DataFrame:
    return pd.read_csv(shared_dir / "data" / ANCT, dtype=str)


@pytest.fixture(scope="module")
def names(geography, anct):
    return territory_names(geography, anct)


def ti_id(anct: pd.DataFrame, name: str) -> str:
    return anct.loc[anct["lib_ti"] == name, "id_ti"].iloc[0]


@pytest.mark.parametrize(
    ("written", "anct_name"),
    [
        ("Rochefort Royan Marennes Oléron", "Rochefort Royan Marennes Oléron"),  # exact
        ("rochefort royan marennes oleron", "Rochefort Royan Marennes Oléron"),  # no accent
        ("TI Plastics Vallée – Oyonnax", "Plastics Vallée – Oyonnax"),  # with « TI »
        ("Plastics Vallee - Oyonnax", "Plastics Vallée – Oyonnax"),  # hyphen for a dash
        ("Territoire d'industrie Lacq-Pau-Tarbes", "Lacq – Pau – Tarbes"),
        ("Pays d’Evian  Vallée d'Abondance", "Pays d'Evian – vallée d'Abondance"),  # ’ and spaces
    ],
)
def test_ti_names_resolve_however_they_are_written(names, anct, written, anct_name):
    assert names.resolve(written).token == f"ti:{ti_id(anct, anct_name)}"


@pytest.mark.parametrize(
    ("written", "token"),
    [
        ("Communauté urbaine de Dunkerque", "epci:245900428"),  # legal form in full
        ("Métropole de Lyon", "epci:200046977"),
        ("Dieppe (76)", "commune:76217"),  # a commune with its département
        ("Dieppe, Seine-Maritime", "commune:76217"),
        ("Lot-et-Garonne", "dep:47"),
        ("Département de la Marne", "dep:51"),
        ("Région Nouvelle-Aquitaine", "reg:75"),
        ("Doubs", "dep:25"),  # the département, not the village of the same name
    ],
)
def test_other_territories_resolve_by_name(names, written, token):
    assert names.resolve(written).token == token


def test_a_name_of_several_territories_names_them_all(names):
    problem = names.resolve("Saint-Denis").problem("Saint-Denis")
    assert problem.startswith("territoire ambigu « Saint-Denis » : ")
    for candidate in ("Saint-Denis (commune 93)", "Saint-Denis (commune 974)"):
        assert candidate in problem
    # The TI and the département named Ariège: « TI » settles it.
    assert "Ariège (département 09)" in names.resolve("Ariège").problem("Ariège")
    assert names.resolve("TI Ariège").token.startswith("ti:")


def test_an_unknown_name_gets_the_closest_names(names):
    problem = names.resolve("Rochfort Royan Marenes").problem("Rochfort Royan Marenes")
    assert problem.startswith("territoire inconnu « Rochfort Royan Marenes » (noms proches : ")
    assert "Rochefort Royan Marennes Oléron (Territoire d'industrie)" in problem


def test_a_held_out_clusters_file_keeps_every_link_it_can_resolve(tmp_path, shared_dir, anct):
    """A Windows-1252 file written by hand, territories by name: exact, unaccented, with
    « TI », with hyphens; one ambiguous and one unknown name, each named with its line."""
    shutil.copy(DATA / "clusters_noms.csv", tmp_path / "clusters_noms.csv")
    shutil.copy(shared_dir / "data" / ANCT, tmp_path / "ti_anct.csv")
    from dashboard.territory.geography import Geography

    folder = load_folder(tmp_path, Geography.load())
    clusters = folder.frames["clusters"].set_index("nom")
    rochefort = f"ti:{ti_id(anct, 'Rochefort Royan Marennes Oléron')}"
    plastics = f"ti:{ti_id(anct, 'Plastics Vallée – Oyonnax')}"
    dieppe = "ti:" + ti_id(anct, "Dieppe Côte d'Albâtre")
    assert clusters.loc["Cluster Océan", "territoires_lies"] == rochefort
    assert clusters.loc["Plasturgie Ain", "territoires_lies"] == plastics
    assert clusters.loc["Sans accents", "territoires_lies"] == f"{plastics}; {rochefort}"
    assert clusters.loc["Traits d'union", "territoires_lies"] == dieppe
    assert pd.isna(clusters.loc["Ambigu", "territoires_lies"])
    assert pd.isna(clusters.loc["Inconnu", "territoires_lies"])
    assert len(clusters) == 6  # every row kept
    report = next(r for r in folder.reports if r.kind == "clusters")
    named = [(w.line, w.value) for w in report.warnings if w.column == "Territoire lié"]
    assert named == [(6, "Saint-Denis"), (7, "Rochfort Royan")]


def test_the_demo_serves_the_sources_62_clusters_and_31_collaborations(demo_store, shared_dir):
    reference = pd.read_csv(shared_dir / "reference" / "clusters.csv")
    collaborations = pd.read_csv(shared_dir / "reference" / "collaborations.csv")
    assert len(demo_store.clusters.clusters) == len(reference) == 62
    assert len(demo_store.clusters.collaborations) == len(collaborations) == 31
    report = demo_store.folder.to_text()
    assert "clusters : 62\xa0lignes conservées" in report
    assert "collaborations : 31\xa0lignes conservées" in report
    # Every name of the demo files resolved: no warning on either file.
    for kind in ("clusters", "collaborations"):
        assert not next(r for r in demo_store.folder.reports if r.kind == kind).warnings
    # Abroad (Spain, Germany/Austria): listed, not placed.
    clusters = demo_store.clusters.clusters.set_index("nom")
    for name in ("CAAR", "Eiffo"):
        assert pd.isna(clusters.loc[name, "lon"])


def test_the_atlantic_cluster_works_with_its_ti_and_its_region(demo_store, anct):
    summary = cluster_summary(demo_store, "demo-cluster-01")
    assert summary.name == "Atlantic Cluster"
    rochefort = ti_id(anct, "Rochefort Royan Marennes Oléron")
    assert set(summary.territories["territoire"]) == {f"ti:{rochefort}", "reg:75"}
    assert summary.approximate  # no commune in the source: placed on the TI
    assert len(summary.collaborations) == 2
    assert set(summary.collaborations["lignes"]) == {"000:L37,L55-102", "000:L67-69,L95,L100"}


def test_collaborations_per_ti_match_the_reference(demo_store, shared_dir, anct):
    """Hand rule on the reference: a collaboration is with the TI of Aurillac-Figeac-Rodez
    when its territory names it (3 rows: Mecanic Vallée twice, the wood cluster once)."""
    reference = pd.read_csv(shared_dir / "reference" / "collaborations.csv")
    expected = reference["territory"].str.contains("Aurillac", regex=False).sum()
    assert expected == 3
    afr = f"ti:{ti_id(anct, 'Aurillac – Figeac – Rodez')}"
    served = demo_store.clusters.collaborations["territoire_code"] == afr
    assert served.sum() == expected


def test_clusters_per_ti_match_a_hand_count(demo_store, shared_dir, anct):
    """The reference ties six entries to the TI Dieppe Côte d'Albâtre (its column
    ``linked_territoire_industrie``): Dieppe Méca Énergies, UIMM Rouen-Dieppe, the FNEP,
    the Club interentreprises du littoral, the dieppois groupings and Vialog."""
    reference = pd.read_csv(shared_dir / "reference" / "clusters.csv")
    linked = reference["linked_territoire_industrie"].str.contains("Dieppe", regex=False)
    assert linked.sum() == 6
    counts = demo_store.clusters.clusters_per_territory("id_ti")
    assert counts[ti_id(anct, "Dieppe Côte d'Albâtre")] == 6


# TIs some cluster or network of the sources works with or sits in, by hand from
# clusters.csv and collaborations.csv (the demo places and links them that way).
TIS_WITH_A_NETWORK = {
    "Rochefort Royan Marennes Oléron": "Atlantic Cluster",
    "Saint-Marcellin Vercors Bièvre Isère": "Tenerrdis",
    "Pays d'Evian – vallée d'Abondance": "Tenerrdis (essaimage)",
    "Baie d'Armor Industrie": "Brit'Inov, Dix7",
    "Pays Basque": "Cluster Pays Basque Industrie",
    "Aurillac – Figeac – Rodez": "Mecanic Vallée, cluster bois, pôle ESS",
    "Sud Isère": "Minalogic",
    "Dieppe Côte d'Albâtre": "six Dieppe entries",
    "Grand Chalon": "Nuclear Valley, UIMM 71",
    "Axe Seine": "Entente Axe Seine, placed on the TI",
    "Lacq – Pau – Tarbes": "GIP Chemparc, UIMM",
    "Aix-Marseille-Provence": "Piicto",
    "Aa – Dunkerque – Flandre": "ÉcosystèmeD, Ecopal (Communauté urbaine de Dunkerque)",
    "Alliances Luxe et Précision Doubs": "horlogerie in Besançon",
}


def test_the_gaps_list_without_cluster_or_network(demo_store, anct):
    result = funding_gaps(demo_store, GapState(criterion="sans_reseau"))
    listed = set(result.listed()["code"])
    with_network = {ti_id(anct, name) for name in TIS_WITH_A_NETWORK}
    assert len(with_network) == 14
    assert listed == set(anct["id_ti"]) - with_network
    assert len(listed) == anct["id_ti"].nunique() - 14


def test_a_cluster_sheet_exports_its_collaborations_and_laureats(demo_store):
    from app import create_app

    client = create_app(demo_store.settings, store=demo_store).server.test_client()
    answer = client.get("/export/cluster/demo-cluster-08-collaborations.csv")
    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.data.decode("utf-8-sig")), delimiter=";"))
    # Mecanic Vallée: the reference has 4 collaborations of it (its name in ``cluster``).
    assert len(rows) == 4
    assert {row["Lignes de la source"] for row in rows} >= {"000:L326-370", "000:L336"}
    laureats = client.get("/export/cluster/demo-cluster-08-laureats.csv")
    lines = laureats.data.decode("utf-8-sig").strip().splitlines()
    summary = cluster_summary(demo_store, "demo-cluster-08")
    assert len(lines) - 1 == len(summary.laureats) > 0
    assert client.get("/export/cluster/demo-cluster-08.xlsx").status_code == 200
    assert client.get("/export/cluster/inconnu.xlsx").status_code == 404
    assert client.get("/cluster/inconnu").status_code == 404


def test_the_search_finds_clusters_and_abbreviated_names(demo_store):
    from dashboard.territory import search

    found = search.find(demo_store, "mecanic")
    assert found[0].value == "cluster:demo-cluster-08"
    assert found[0].label == "Mecanic Vallée (cluster ou réseau)"
    # « st » for saint, as people write it (the same comparison as the importer's).
    labels_found = [item.label for item in search.find(demo_store, "st etienne metropole")]
    assert "Saint-Etienne Métropole (EPCI)" in labels_found  # spelt so by the EPCI list
