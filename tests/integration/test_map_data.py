"""The MapLibre map's data (layouts/figures/vector_map.py) as the browser receives it:
counts, ranks and pins checked against the demo files read with pandas only."""

from __future__ import annotations

import pandas as pd
import pytest

from app import create_app
from dashboard.settings import DEMO_DATA_DIR
from geodata import paths
from tests.demo_files import demo_rows


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


def epci_counts(query: str = "") -> pd.Series:
    rows = demo_rows(query)
    communes = pd.read_parquet(paths.build_dir() / "communes.parquet", columns=["code", "epci"])
    epci = rows["code_commune"].map(communes.set_index("code")["epci"])
    return epci.value_counts()


def test_national_map_data_gives_each_epci_its_count_and_rank(client):
    data = client.get("/carte/nationale.json").get_json()
    choropleth = data["choropleth"]
    assert choropleth["level"] == "epci"
    counts = epci_counts()
    shown = dict(zip(choropleth["codes"], choropleth["texts"], strict=True))
    ranks = dict(zip(choropleth["codes"], choropleth["ranks"], strict=True))
    # Only the EPCI with lauréats travel; the others read the default card.
    assert set(shown) == set(counts.index)
    assert choropleth["default"] == ["0\u00a0lauréat", "–"]
    top = counts.index[0]
    assert shown[top] == f"{counts.iloc[0]}\u00a0lauréats"
    assert ranks[top] == "1 / 1253"  # 1,253 EPCI in the reference geography
    one = counts.index[counts == 1][0]
    assert shown[one] == "1\u00a0lauréat"
    classes = dict(zip(choropleth["codes"], choropleth["classes"], strict=True))
    assert classes[top] == len(choropleth["legend"]["labels"]) - 1  # the darkest class
    assert min(classes.values()) == 1
    assert choropleth["legend"]["labels"][0] == "Aucun lauréat"


def test_pins_are_every_located_laureat_split_by_ti(client):
    data = client.get("/carte/nationale.json").get_json()
    assert len(data["pins"]["in"]["id"]) + len(data["pins"]["out"]["id"]) == 1416
    tis = pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv", dtype={"insee_com": str})
    inside = demo_rows()["code_commune"].isin(tis["insee_com"]).sum()
    assert len(data["pins"]["in"]["id"]) == inside
    assert set(data["pins"]["in"]) == {"lon", "lat", "id"}  # no text: cards come on hover


def test_a_region_keeps_its_85_pins_and_fits_the_map_to_it(client):
    data = client.get("/carte/nationale.json?region=53").get_json()
    assert len(data["pins"]["in"]["lon"]) + len(data["pins"]["out"]["lon"]) == 85  # annex
    west, south, east, north = data["view"]["bounds"]
    assert -5.2 < west < -4.5 and 47.2 < south < 47.5 and -1.1 < east < -0.9 and north < 49


def test_unreadable_values_in_the_address_fall_back_to_the_defaults(client):
    response = client.get("/carte/nationale.json?niveau=%3Cscript%3E&region=zz")
    assert response.status_code == 200
    assert response.get_json()["choropleth"]["level"] == "epci"


def test_a_pin_card_is_plain_text_and_says_when_a_project_is_synthetic(client):
    synthetic = client.get("/carte/laureat/demo-fictif-0001.json").get_json()
    assert synthetic[0] == "Projet fictif n° 0001 (projet fictif)"
    assert synthetic[3] == "Aide : 0,2\u00a0M€ · Investissement : 1,4\u00a0M€"
    assert synthetic[4] == "8\u00a0emplois prévus"
    real = demo_rows().query("fictif == False").iloc[0]
    card = client.get(f"/carte/laureat/{real['id_laureat']}.json").get_json()
    assert "projet fictif" not in " ".join(card)


def test_an_unknown_pin_is_a_404(client):
    assert client.get("/carte/laureat/inconnu.json").status_code == 404
    assert client.get("/carte/laureat/%3Cscript%3E.json").status_code == 404


def test_the_view_of_one_address_is_not_served_to_another(client):
    zoomed = client.get("/carte/nationale.json?vue=46.8,4.85,8").get_json()["view"]
    assert zoomed["center"] == [4.85, 46.8] and zoomed["zoom"] == 8
    assert "bounds" in client.get("/carte/nationale.json").get_json()["view"]  # France


def test_the_commune_level_colours_each_commune_with_laureats(client):
    data = client.get("/carte/nationale.json?niveau=commune&region=27").get_json()
    choropleth = data["choropleth"]
    assert choropleth["level"] == "commune"
    counts = demo_rows("?region=27")["code_commune"].value_counts()
    shown = dict(zip(choropleth["codes"], choropleth["texts"], strict=True))
    assert set(shown) == set(counts.index)
    top = counts.index[0]
    assert shown[top] == f"{counts.iloc[0]}\u00a0lauréat" + ("s" if counts.iloc[0] > 1 else "")
    ranks = dict(zip(choropleth["codes"], choropleth["ranks"], strict=True))
    assert ranks[top].startswith("1 / ")  # ranked among every commune of France


def test_the_territory_table_lists_communes_at_the_commune_level(demo_store):
    from dashboard.analysis import queries
    from dashboard.analysis.filters import FilterState

    table = queries.territory_table(
        demo_store, FilterState.from_query("?niveau=commune&region=53"), []
    )
    communes = pd.read_parquet(paths.build_dir() / "communes.parquet", columns=["code", "reg"])
    assert len(table) == (communes["reg"] == "53").sum()  # every commune of Bretagne
    counts = demo_rows("?region=53")["code_commune"].value_counts()
    first = table.iloc[0]
    assert first["valeur"] == counts.iloc[0] and first["code"] in set(
        counts.index[counts == counts.iloc[0]]
    )
