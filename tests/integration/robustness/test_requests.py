"""No screen, export or callback answers 500, whatever the data folder, the URL or the body.

The expected outcome comes from HTTP itself (a 4xx for a bad request, a 2xx page
otherwise) and from the French notices a user reads on an empty folder.
"""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from dashboard.settings import DEMO_DATA_DIR, Settings
from tests.integration.robustness.bodies import malformed_bodies
from tests.integration.robustness.browser_sim import UPDATE, run_page

FOLDERS = {
    "vide": (),
    "sans_liste_ti": ("laureats",),
    "sans_laureats": ("territoires_industrie", "clusters", "indicateurs"),
    "demo": None,
}
PAGES = [
    "/",
    "/?niveau=ti&indicateur=montant_aide&par_habitant=1",
    "/?region=27&du=2021-W01-1&au=x&niveau=zz&indicateur=%3Cscript%3E&vue=nan,nan,nan",
    "/?du=0001-01-01&au=9999-12-31&ti_statut=dans&par_habitant=2",
    "/?region=" + "9" * 5000,
    "/region/27",
    "/region/99",
    "/region/outre-mer",
    "/region/%00",
    "/ti/inconnu",
    "/ti/../../etc/passwd",
    "/territoires-sans-financement",
    "/territoires-sans-financement?niveau=epci&base=emploi_industriel&seuil=abc&du=2021-W01-1",
    "/territoires-sans-financement?seuil=-5&seuil=1e400&couches=x,y",
    "/donnees",
    "/page/inexistante",
]
EXPORTS = [
    "/export/laureats.csv?du=2021-W01-1&region=27",
    "/export/laureats.xlsx?au=2021-13-45",
    "/export/region/27.pdf",
    "/export/region/outre-mer.pdf",
    "/export/region/%3Cscript%3E.pdf",
    "/export/territoires-sans-financement.csv?du=2021-W01-1",
    "/export/territoires-sans-financement.xlsx?seuil=nan",
    "/geo/zz.geojson",
    "/geo/ti-communes/inconnu.geojson",
]
GARBAGE = [None, 12, -1.5, "", "<script>alert(1)</script>", [], [None, {}], {}, {"a": [1]}, True]
# Values of the right type but absurd content, for the second fuzzing pass.
ODD_VALUES = [
    "?du=2021-W01-1&niveau=zz&region=" + "x" * 3000,
    -5,
    10**12,
    [{"column_id": "inexistante", "direction": "asc"}],
    [{"column_id": "rang", "direction": "nulle-part"}],
    {"row": 10**6, "column_id": "zz"},
    {"points": [{"location": "zz", "customdata": [None]}]},
    {"points": [{}]},
    {"map.center": {"lat": "nan", "lon": 1}, "map.zoom": -3},
    "2021-W01-1",
    ["999", "<b>"],
]


def _folder(tmp_path_factory, name: str):
    keep = FOLDERS[name]
    if keep is None:
        return DEMO_DATA_DIR
    folder = tmp_path_factory.mktemp(name)
    for path in DEMO_DATA_DIR.iterdir():
        if path.name.startswith(keep):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def serve(tmp_path_factory, geography):
    """The app on one of ``FOLDERS``, built once per module: each test asks only for the
    folders it needs (no test skips itself)."""
    from app import create_app
    from dashboard.data.store import DataStore

    apps = {}

    def served(name: str):
        if name not in apps:
            folder = _folder(tmp_path_factory, name)
            cache = tmp_path_factory.mktemp("c")
            store = DataStore.load(Settings(data_dir=folder, cache_dir=cache))
            app = create_app(store.settings, store=store)
            apps[name] = (name, store, app, app.server.test_client())
        return apps[name]

    return served


@pytest.fixture(params=list(FOLDERS))
def served(request, serve):
    return serve(request.param)


def test_no_page_answers_500(served):
    _name, store, app, client = served
    tis = list(store.tis.table.index[:1])
    failures = []
    for path in [*PAGES, *(f"/ti/{ti}" for ti in tis)]:
        run = run_page(app, client, path)
        failures += [(path, f.what, f.status, f.body[-300:]) for f in run.failures]
        assert len(run.statuses) > 1, f"{path} : la page n'a pas été rendue"
    assert failures == []


def test_no_export_answers_500(served):
    _name, _store, _app, client = served
    statuses = {path: client.get(path).status_code for path in EXPORTS}
    assert all(status < 500 for status in statuses.values()), statuses
    assert statuses["/export/laureats.csv?du=2021-W01-1&region=27"] == 200
    assert statuses["/geo/zz.geojson"] == 404


def test_empty_folder_says_what_is_missing(served):
    name, _store, app, client = served
    text = run_page(app, client, "/").text()
    if name in ("vide", "sans_laureats"):
        assert "Aucun lauréat chargé" in text
    if name in ("vide", "sans_liste_ti"):
        assert "Aucune liste de Territoires d'industrie chargée" in text
    if name == "demo":
        assert "Aucun lauréat chargé" not in text
        assert "Aucune liste de Territoires" not in text


def test_unreadable_url_values_are_named_not_used(served):
    _name, _store, app, client = served
    text = run_page(app, client, "/?du=2021-W01-1&niveau=zz&vue=nan,1,1").text()
    assert "Paramètres de l'adresse ignorés (valeur illisible) : " in text
    assert "du=2021-W01-1" in text and "niveau=zz" in text and "vue=nan,1,1" in text


def _router_body(pathname="/", search=""):
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
    }


def test_malformed_callback_bodies_get_4xx_and_one_log_line(serve, caplog):
    _name, _store, _app, client = serve("demo")  # one folder is enough for request bodies
    bodies = malformed_bodies(_router_body())
    assert len(bodies) >= 30
    outcomes = {}
    for label, raw in bodies:
        with caplog.at_level(logging.WARNING):
            caplog.clear()
            response = client.post(UPDATE, data=raw, content_type="application/json")
        outcomes[label] = response.status_code
        assert "Traceback" not in caplog.text, label
    assert all(status < 500 for status in outcomes.values()), outcomes
    assert outcomes["JSON null"] == 400
    assert outcomes["sans output"] == 400
    assert outcomes["imbrication 5000"] == 400
    assert outcomes["10 Mo"] == 413
    # Dash Pages' router cannot read a number as a path: refused, never a 500.
    assert outcomes["valeur nombre pour pathname"] == 400


@pytest.mark.parametrize("folder", ["demo", "vide"])
def test_every_callback_survives_garbage_values(serve, folder):
    """Each input and state of each callback replaced in turn by values of the wrong type."""
    _name, _store, app, client = serve(folder)
    failures = []
    for callback in app._callback_list:
        if callback.get("clientside_function"):
            continue
        dependencies = [*callback["inputs"], *callback["state"]]
        if any(not isinstance(d["id"], str) for d in dependencies):
            continue
        for position in range(len(dependencies)):
            for garbage in GARBAGE:
                values = [
                    {**d, "value": garbage if i == position else None}
                    for i, d in enumerate(dependencies)
                ]
                n_inputs = len(callback["inputs"])
                body = {
                    "output": callback["output"],
                    "outputs": _outputs(callback["output"]),
                    "inputs": values[:n_inputs],
                    "state": values[n_inputs:],
                    "changedPropIds": [f"{dependencies[0]['id']}.{dependencies[0]['property']}"],
                }
                response = client.post(
                    UPDATE, data=json.dumps(body), content_type="application/json"
                )
                if response.status_code >= 500:
                    failures.append((callback["output"][:60], position, repr(garbage)))
    assert failures == []


def _outputs(key: str):
    from tests.integration.robustness.browser_sim import _outputs as outputs

    return outputs(key)


ODD_PAGES = ["/", "/?niveau=ti", "/territoires-sans-financement", "/region/27"]


@pytest.mark.parametrize(
    ("folder", "path"),
    [
        *(("demo", path) for path in [*ODD_PAGES, "/ti/first"]),
        *(("sans_liste_ti", path) for path in ODD_PAGES),  # no TI list: no TI sheet
    ],
)
def test_callbacks_survive_one_odd_value_among_real_ones(serve, folder, path):
    """Start from the values a real page holds, then spoil one input or state at a time."""
    from tests.integration.robustness.browser_sim import body_for

    _name, store, app, client = serve(folder)
    if path == "/ti/first":
        path = f"/ti/{store.tis.table.index[0]}"
    props = run_page(app, client, path).props
    failures = []
    for callback in app._callback_list:
        if callback.get("clientside_function"):
            continue
        body = body_for(callback, props)
        if body is None:
            continue
        for part in ("inputs", "state"):
            for position in range(len(body[part])):
                for odd in [*ODD_VALUES, *GARBAGE]:
                    spoilt = json.loads(json.dumps(body))
                    spoilt[part][position]["value"] = odd
                    response = client.post(
                        UPDATE, data=json.dumps(spoilt), content_type="application/json"
                    )
                    if response.status_code >= 500:
                        dependency = spoilt[part][position]
                        failures.append((dependency["id"], dependency["property"], repr(odd)))
    assert failures == []
