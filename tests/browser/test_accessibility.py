"""axe-core (npm, tests/browser/axe) on every screen: no serious or critical violation.

The test reads axe.min.js from disk and injects it into the page: nothing is fetched
from the internet. ``.ci/run`` installs it (``npm ci`` in tests/browser/axe)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import create_app

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => done(r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));
"""
SCREENS = [
    ("/", "#national-map .maplibregl-canvas"),
    ("/region/27", "#region-map .maplibregl-canvas"),
    ("/ti/ti-3205", "#ti-map .js-plotly-plot"),
    ("/cluster/demo-cluster-08", "#cluster-map .js-plotly-plot"),
    ("/territoires-sans-financement", ".js-plotly-plot"),
    ("/donnees", "h1"),
    ("/region/27?presentation=1", "#region-map .maplibregl-canvas"),
    ("/presentation", "#slides-order li"),
    ("/ti/ti-3205?presentation=1&diapos=ti-ti-3205,carte", "#ti-map .js-plotly-plot"),
    ("/nulle-part", "h1"),
]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core absent ({AXE}) : lancer « npm ci --prefix tests/browser/axe »")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "ready"), SCREENS)
def test_no_serious_accessibility_violation(dash_duo, demo_store, axe_source, path, ready):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element(ready, timeout=30)
    dash_duo.wait_for_element("h1", timeout=10)
    dash_duo.driver.set_script_timeout(60)
    dash_duo.driver.execute_script(axe_source)
    violations = dash_duo.driver.execute_async_script(RUN_AXE % json.dumps(RULES))
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    headings = dash_duo.driver.execute_script("return document.querySelectorAll('h1').length;")
    assert headings == 1
    # The Content-Security-Policy (routes/security_headers.py) blocks nothing the page needs.
    refused = [
        e["message"] for e in dash_duo.get_logs() or [] if "Content Security" in e["message"]
    ]
    assert refused == []


def test_the_first_tab_offers_to_skip_to_the_content(dash_duo, demo_store):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from dashboard.text import labels

    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    dash_duo.driver.get(dash_duo.server_url + "/region/27")
    dash_duo.wait_for_element("#region-title", timeout=30)
    ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
    focused = dash_duo.driver.switch_to.active_element
    assert focused.text == labels.SKIP_LINK
    focused.send_keys(Keys.ENTER)
    active = dash_duo.driver.execute_script("return document.activeElement.id;")
    assert active == "page-content"
