"""The one place that relies on Dash Pages' layout (layouts/page_container.py) fails
loudly on a Dash release that changes it; the page matching follows the registry."""

from __future__ import annotations

import pytest

from app import create_app
from layouts.page_container import PAGES, match_page, query_arguments


@pytest.fixture(scope="module")
def app(demo_store):
    app = create_app(demo_store.settings, store=demo_store)
    app.server.test_client().get("/")  # Dash registers its router at the first request
    return app


def test_dash_pages_router_listens_to_the_container_the_shell_builds(app):
    routers = [
        callback
        for callback in app.callback_map.values()
        if any(
            i["id"] == PAGES.location and i["property"] == "pathname" for i in callback["inputs"]
        )
    ]
    assert routers, "le routeur de Dash Pages n'écoute plus " + PAGES.location
    outputs = " ".join(str(callback["output"]) for callback in routers)
    assert f"{PAGES.content}.children" in outputs
    assert f"{PAGES.store}.data" in outputs


def test_the_first_layout_holds_the_page_asked_for(app):
    response = app.server.test_client().get(
        "/_dash-layout", headers={"Referer": "http://localhost/region/27"}
    )
    text = response.get_data(as_text=True)
    assert f'"id":"{PAGES.content}"' in text.replace(" ", "")
    assert "Bourgogne-Franche-Comt" in text


@pytest.mark.parametrize(
    ("path", "module", "variables"),
    [
        ("/", "pages.national_map", {}),
        ("/region/27", "pages.region", {"region_code": "27"}),
        ("/region/27/", "pages.region", {"region_code": "27"}),
        ("/ti/ti-3205", "pages.ti_sheet", {"id_ti": "ti-3205"}),
        ("/territoires-sans-financement", "pages.funding_gaps", {}),
        ("/region/27/autre", None, {}),
        ("/nulle-part", None, {}),
    ],
)
def test_paths_find_their_page(app, path, module, variables):
    page, found = match_page(path)
    assert page.get("module") == module
    assert found == variables


def test_query_arguments_as_layouts_receive_them():
    assert query_arguments("?niveau=ti&region=27&region=53&du=") == {
        "niveau": "ti",
        "region": ["27", "53"],
        "du": "",
    }
    assert query_arguments("") == {}
