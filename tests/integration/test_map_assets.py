"""The map's browser libraries: vendored from the lock file with their licences, served
by the app (pre-compressed), and asked for by the page's head, from its own host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import brotli
import pytest

from app import create_app
from geodata import paths
from routes.static_files import MAP_VENDOR, write_big_scripts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


def test_vendored_files_are_the_locked_versions_with_their_licences():
    lock = json.loads((REPO / "tools/vendor/package-lock.json").read_text())
    packages = lock["packages"]
    maplibre = packages["node_modules/maplibre-gl"]["version"]
    assert f"v{maplibre}/LICENSE.txt" in (MAP_VENDOR / "maplibre-gl.mjs").read_text()[:300]
    for name in ("maplibre-gl", "pmtiles", "fflate"):
        assert (MAP_VENDOR / f"{name}.LICENSE.txt").stat().st_size > 500
    assert "sourceMappingURL" not in (MAP_VENDOR / "pmtiles.js").read_text()


def test_maplibre_is_served_from_its_brotli_copy(client):
    write_big_scripts(paths.build_dir() / "static")  # what make geodata does
    response = client.get(
        "/assets/vendor/map/maplibre-gl-worker.mjs?v=6.20.0",
        headers={"Accept-Encoding": "gzip, br"},
    )
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.data) == (MAP_VENDOR / "maplibre-gl-worker.mjs").read_bytes()


def test_the_page_head_starts_the_map_from_the_apps_own_host(client):
    page = client.get("/").get_data(as_text=True)
    head = page.split("</head>")[0]
    assert '<script type="module" src="/assets/map/ti_map.mjs" async>' in head
    assert '<link rel="modulepreload" href="/assets/vendor/map/maplibre-gl.mjs">' in head
    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls)
    # The module is not loaded a second time by Dash (assets_path_ignore).
    assert page.count("ti_map.mjs") == 1 and "maplibre-gl-worker" not in page
