"""Seminar mode: how soon the next slide's map is drawn after the presenter presses →.

Served by gunicorn as in ``browser_bench``, at 1366×768 in presentation mode: from the
key press to the first frame where the new page's map shows its fill layer (not the
previous page's map, which stays in the DOM until Dash swaps the page: what the
audience sees as "the map is there"), and to the moment the map has loaded everything
(town names placed, ``map.loaded()``). Prints each step and the medians; no assertion
(the machine is shared, figures are noisy).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.browser_bench import _wait, chromium, served

# Marks the maps on screen, then watches for a new one with its fill drawn.
PROBE_JS = """
document.querySelectorAll('.js-plotly-plot').forEach(g => { g.__previous = true; });
const slide = window.__slide = {
  t0: performance.now(), drawn: null, complete: null, path: location.pathname};
const watch = setInterval(() => {
  if (location.pathname === slide.path) return;
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    if (gd.__previous || !gd._fullLayout) continue;
    for (const key of Object.keys(gd._fullLayout).filter(k => k.startsWith('map'))) {
      const map = gd._fullLayout[key] && gd._fullLayout[key]._subplot
        && gd._fullLayout[key]._subplot.map;
      if (!map || !map.isStyleLoaded()) continue;
      const fills = map.getStyle().layers.filter(l => l.type === 'fill').map(l => l.id);
      if (!fills.length || !map.queryRenderedFeatures({layers: fills}).length) continue;
      if (slide.drawn === null) slide.drawn = performance.now() - slide.t0;
      if (map.loaded()) {
        slide.complete = performance.now() - slide.t0;
        clearInterval(watch);
        return;
      }
    }
  }
}, 10);
"""


def run(steps: int = 6) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    with served("app:server", Path(tempfile.mkdtemp(prefix="slides-bench-"))) as url:
        driver = chromium()
        try:
            driver.set_window_size(1366, 768)
            driver.get(url + "/?presentation=1")
            time.sleep(8)  # first map and its sources
            drawn, complete = [], []
            for _ in range(steps):
                driver.execute_script(PROBE_JS)
                ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
                done = _wait(lambda: driver.execute_script("return window.__slide.complete"))
                first = driver.execute_script("return window.__slide.drawn")
                path = driver.current_url.removeprefix(url).split("?")[0]
                print(f"  → {path} : carte dessinée en {first:.0f} ms, complète en {done:.0f} ms")
                drawn.append(first)
                complete.append(done)
                time.sleep(2)
            print(
                f"Diapositive suivante (médiane sur {steps}) : carte dessinée en "
                f"{statistics.median(drawn):.0f} ms, complète (noms placés) en "
                f"{statistics.median(complete):.0f} ms"
            )
        finally:
            driver.quit()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
