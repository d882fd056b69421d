"""The HTML page Dash serves at every address, with what the first map needs asked at once.

Left to themselves, plotly.js is requested only once the first graph is rendered,
the GeoJSON only once plotly.js has run, and the label glyphs only once MapLibre has
started: three waits in a row before the first map. From the page's head instead:
plotly.js and the glyphs are preloaded, and the geometry of the screen's level is
fetched and parsed straight into ``window.PlotlyGeoAssets``, plotly's own store of
fetched GeoJSON (``lib/geo_location_utils.js``), which plotly then reads instead of
fetching. Browsers without WebGL (``ti_webgl=0``) draw SVG maps from other files:
nothing is fetched for them.
"""

from __future__ import annotations

import json

from dashboard.analysis.filters import LEVEL_PARAMS
from dashboard.analysis.funding_gaps import GapState
from layouts.figures.map_style import DEFAULT_GLYPHS_URL
from layouts.figures.national_map import GEOJSON_URLS
from layouts.paths import GAPS_PATH, NATIONAL_PATH

PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"
FIRST_GLYPHS = ("Open Sans Regular", "0-255")

PREFETCH_JS = """
(function () {
  if (document.cookie.indexOf("ti_webgl=0") !== -1 || !window.fetch) return;
  var screens = %(screens)s, levels = %(levels)s, urls = %(urls)s;
  var screen = screens[window.location.pathname.replace(/\\/$/, "") || "/"];
  if (!screen) return;
  var level = levels[new URLSearchParams(window.location.search).get("niveau")] || screen;
  var url = urls[level];
  fetch(url, {credentials: "same-origin"})
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (geojson) {
      // plotly creates this store with its "topojson" part only when it finds none.
      var assets = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
      if (geojson && !assets[url]) assets[url] = geojson;
    })
    .catch(function () {});
})();
"""


def prefetch_script() -> str:
    screens = {NATIONAL_PATH: "epci", GAPS_PATH: GapState().level}
    return PREFETCH_JS % {
        "screens": json.dumps(screens),
        "levels": json.dumps(LEVEL_PARAMS),
        "urls": json.dumps(GEOJSON_URLS),
    }


def inline_scripts() -> list[str]:
    """The page's own inline scripts, exactly as written (their hashes go in the CSP)."""
    return [prefetch_script()]


def first_paint_head() -> str:
    """``<link>`` and ``<script>`` elements for the head of the page (no outside host)."""
    script = prefetch_script()
    font, glyph_range = FIRST_GLYPHS
    glyphs = DEFAULT_GLYPHS_URL.replace("{fontstack}", font.replace(" ", "%20"))
    glyphs = glyphs.replace("{range}", glyph_range)
    return (
        f'<link rel="preload" href="{PLOTLY_JS}" as="script">\n'
        f'<link rel="preload" href="{glyphs}" as="fetch" crossorigin="anonymous">\n'
        f"<script>{script}</script>\n"
    )


def index_string(dash_index: str) -> str:
    """Dash's page template in French, with the first paint's requests in its head."""
    page = dash_index.replace("<html>", '<html lang="fr">', 1)
    return page.replace("{%metas%}", "{%metas%}\n" + first_paint_head(), 1)
