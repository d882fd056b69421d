"""Geometry reaches the browser as static, cacheable files: check the routes that serve them."""

from __future__ import annotations

import gzip
import json

import pytest

from app import create_app


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


def test_epci_layer_is_served_compressed_and_cacheable(client, demo_store):
    response = client.get("/geo/epci.geojson", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age" in response.headers["Cache-Control"]
    features = json.loads(gzip.decompress(response.data))["features"]
    assert len(features) == len(demo_store.geography.epci)


def test_svg_fallback_layer_has_clockwise_twin(client):
    response = client.get("/geo/reg.cw.geojson")
    assert response.status_code == 200
    assert len(json.loads(response.data)["features"]) == 18


def test_ti_communes_are_a_static_file(client, demo_store):
    id_ti = demo_store.tis.table.index[0]
    response = client.get(f"/geo/ti-communes/{id_ti}.geojson")
    assert response.status_code == 200
    codes = {f["properties"]["code"] for f in json.loads(response.data)["features"]}
    members = demo_store.tis.members
    assert codes == set(members.loc[members["id_ti"] == id_ti, "insee_com"])


@pytest.mark.parametrize("path", ["/geo/nope.geojson", "/geo/ti-communes/inconnu.geojson"])
def test_unknown_geometry_is_404(client, path):
    assert client.get(path).status_code == 404
