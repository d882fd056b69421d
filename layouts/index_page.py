"""The HTML page Dash serves at every address, with what the first map needs asked at once.

The MapLibre maps (``assets/map/ti_map.mjs``) start from the head, in parallel with the
Dash renderer: the module and its libraries load ``async``, and on the national map the
head fetches the map's data for the address (``/carte/nationale.json``) so the module
draws it before Dash has built the page. ``dash_clientside.tiMap`` is defined here,
waiting for the module, so a callback never calls it before it has loaded.

The other screens still draw plotly maps. Left to themselves, plotly.js is requested
only once the first graph is rendered,
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

from dashboard.analysis.funding_gaps import LEVEL_PARAMS as GAPS_LEVEL_PARAMS
from dashboard.analysis.funding_gaps import GapState
from layouts.figures.map_style import DEFAULT_GLYPHS_URL
from layouts.figures.national_map import GEOJSON_URLS
from layouts.paths import GAPS_PATH, NATIONAL_PATH

PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"
FIRST_GLYPHS = ("Open Sans Regular", "0-255")
MAP_MODULE = "/assets/map/ti_map.mjs"
MAP_VENDOR = "/assets/vendor/map/"
NATIONAL_MAP_DATA = "/carte/nationale.json"

MAP_START_JS = """
(function () {
  var ready = new Promise(function (resolve) { window.tiMapLoaded = resolve; });
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    tiMap: {
      apply: function (data, id) {
        return ready.then(function (module) { return module.apply(data, id); });
      }
    }
  });
  if (document.cookie.indexOf("ti_webgl=0") !== -1 || !window.fetch) return;
  var path = window.location.pathname.replace(/\\/$/, "") || "/";
  if (path !== %(national)s) {
    var link = document.createElement("link");
    link.rel = "preload"; link.as = "script"; link.href = %(plotly)s;
    document.head.appendChild(link);
    return;
  }
  window.tiEarly = {
    id: "national-map",
    data: fetch(%(data)s + window.location.search, {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; })
  };
})();
"""

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


def map_start_script() -> str:
    return MAP_START_JS % {
        "national": json.dumps(NATIONAL_PATH),
        "plotly": json.dumps(PLOTLY_JS),
        "data": json.dumps(NATIONAL_MAP_DATA),
    }


def prefetch_script() -> str:
    screens = {GAPS_PATH: GapState().level}
    return PREFETCH_JS % {
        "screens": json.dumps(screens),
        "levels": json.dumps(GAPS_LEVEL_PARAMS),
        "urls": json.dumps(GEOJSON_URLS),
    }


def inline_scripts() -> list[str]:
    """The page's own inline scripts, exactly as written (their hashes go in the CSP)."""
    return [map_start_script(), prefetch_script()]


def first_paint_head() -> str:
    """``<link>`` and ``<script>`` elements for the head of the page (no outside host)."""
    script = prefetch_script()
    font, glyph_range = FIRST_GLYPHS
    glyphs = DEFAULT_GLYPHS_URL.replace("{fontstack}", font.replace(" ", "%20"))
    glyphs = glyphs.replace("{range}", glyph_range)
    return (
        f'<link rel="stylesheet" href="{MAP_VENDOR}maplibre-gl.css">\n'
        f"<script>{map_start_script()}</script>\n"
        f'<link rel="modulepreload" href="{MAP_VENDOR}maplibre-gl.mjs">\n'
        f'<script id="ti-pmtiles" src="{MAP_VENDOR}pmtiles.js" async></script>\n'
        f'<script type="module" src="{MAP_MODULE}" async></script>\n'
        f'<link rel="preload" href="{glyphs}" as="fetch" crossorigin="anonymous">\n'
        f"<script>{script}</script>\n"
    )


def index_string(dash_index: str) -> str:
    """Dash's page template in French, with the first paint's requests in its head."""
    page = dash_index.replace("<html>", '<html lang="fr">', 1)
    return page.replace("{%metas%}", "{%metas%}\n" + first_paint_head(), 1)
