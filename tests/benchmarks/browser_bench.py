"""This app against the naive Dash app, side by side in one run, in headless Chromium.

Both are served by gunicorn (one worker, four threads) on loopback and loaded
alternately, each load in a new browser profile (cold cache), so machine noise
falls on both alike; medians are printed. Measured from the page's own clock
(``performance.now()``, 0 = navigation start):

- first map drawn: this app's map has applied its data and is idle (its container's
  ``data-drawn``, assets/map/ti_map.mjs); the naive app's MapLibre has loaded its
  sources and the choropleth's fill layer has features on screen;
- région changed → repainted: from the Enter key that picks « Bretagne » in
  ``f-region`` to the last frame MapLibre drew once every callback had answered;
- round trips and bytes: ``_dash-update-component`` requests the change caused.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APPS = {"application naïve": "tests.benchmarks.naive_app:server", "cette application": "app:server"}

# Installed before any page script: counts callback requests and records map frames.
PROBE_JS = """
(() => {
  const probe = window.__probe = {pending: 0, responses: [], renders: [], drawnAt: null, t0: null};
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    const isCallback = url.includes('_dash-update-component');
    if (isCallback) probe.pending++;
    return realFetch.apply(this, arguments).finally(() => {
      if (isCallback) { probe.pending--; probe.responses.push(performance.now()); }
    });
  };
  document.addEventListener('keydown', e => {
    if (e.key === 'Enter') probe.t0 = performance.now();
  }, true);
  // This app's hook (assets/map/ti_map.mjs): the map in its container, data-drawn set once
  // its data is applied and the map idle. The naive app: plotly's map with its fill drawn.
  function drawnMap() {
    const own = window.tiMaps && window.tiMaps['national-map'];
    const host = document.querySelector('#national-map[data-drawn]');
    if (own) return host && host.contains(own.getContainer()) && own.loaded() ? own : null;
    const gd = document.querySelector('#national-map .js-plotly-plot');
    const map = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot
      && gd._fullLayout.map._subplot.map;
    if (!map || !map.loaded()) return null;
    const fills = map.getStyle().layers
      .filter(l => l.type === 'fill' && l.id.startsWith('plotly-trace'));
    const ids = fills.map(l => l.id);
    return fills.length && map.queryRenderedFeatures({layers: ids}).length ? map : null;
  }
  const watch = setInterval(() => {
    const map = drawnMap();
    if (!map) return;
    probe.drawnAt = performance.now();
    map.on('render', () => probe.renders.push(performance.now()));
    clearInterval(watch);
  }, 10);
})();
"""
STATE_JS = "return Object.assign({now: performance.now()}, window.__probe);"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(target: str, scratch: Path, workers: tuple[str, ...] = ("-w", "1", "--threads", "4")):
    """``target`` under gunicorn on a free loopback port; yields its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "TI_CACHE_DIR": str(scratch / "cache"),
        "TI_DATABASE_URL": f"sqlite:///{scratch}/bench.sqlite3",
    }
    command = [sys.executable, "-m", "gunicorn", *workers, "-b", f"127.0.0.1:{port}", target]
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url + "/", timeout=5):
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='bench-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE_JS})
    return driver


def _network(driver) -> list[dict]:
    return [json.loads(e["message"])["message"] for e in driver.get_log("performance")]


def _wait(condition, timeout: float = 60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError("la page n'a pas fini à temps")


def _settled(driver, since: float, quiet_ms: float = 400, answered: bool = True) -> dict | None:
    """The probe's state once no callback is pending and nothing was drawn for ``quiet_ms``
    (and, with ``answered``, once some callback has answered: after a change)."""
    state = driver.execute_script(STATE_JS)
    last = max([since, *state["responses"], *state["renders"]])
    if state["pending"] == 0 and state["now"] - last > quiet_ms:
        return state if state["responses"] or not answered else None
    return None


def choose_region(driver, text: str) -> None:
    """Open the dash dropdown, type, pick with Enter (the keypress starts the clock)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.find_element(By.CSS_SELECTOR, "#f-region").click()
    search = _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search"), 10)[0]
    search.send_keys(text)
    time.sleep(0.5)
    search.send_keys(Keys.ENTER)


def first_map(url: str, query: str) -> float:
    """Seconds from navigation to the map drawn, for ``query`` (a new profile: cold)."""
    driver = chromium()
    try:
        driver.get(url + "/" + query)
        return _wait(lambda: driver.execute_script("return window.__probe.drawnAt")) / 1000
    finally:
        driver.quit()


def measure_once(url: str, commune_query: str) -> dict[str, float]:
    figures = {"commune_s": first_map(url, commune_query)}
    driver = chromium()
    try:
        driver.get(url + "/")
        drawn = _wait(lambda: driver.execute_script("return window.__probe.drawnAt"))
        # This app's first page asks no callback: only the naive one waits for answers.
        _wait(lambda: _settled(driver, drawn, 1000, answered=False))
        first_bytes = sum(
            m["params"].get("encodedDataLength", 0)
            for m in _network(driver)
            if m["method"] == "Network.loadingFinished"
        )
        choose_region(driver, "Bretagne")
        t0 = _wait(lambda: driver.execute_script("return window.__probe.t0"), 10)
        state = _wait(lambda: _settled(driver, t0))
        after = [r for r in state["responses"] if r > t0]
        repainted = max([*after, *[r for r in state["renders"] if r > t0]]) - t0
        events = _network(driver)
        callback_ids = {
            m["params"]["requestId"]
            for m in events
            if m["method"] == "Network.requestWillBeSent"
            and "_dash-update-component" in m["params"]["request"]["url"]
        }
        change_bytes = sum(
            m["params"].get("encodedDataLength", 0)
            for m in events
            if m["method"] == "Network.loadingFinished" and m["params"]["requestId"] in callback_ids
        )
        return {
            **figures,
            "first_mb": first_bytes / 1e6,
            "drawn_s": drawn / 1000,
            "repaint_s": repainted / 1000,
            "round_trips": len(callback_ids),
            "change_kb": change_bytes / 1e3,
        }
    finally:
        driver.quit()


ROWS = (
    ("first_mb", "premier chargement transféré", "{:.2f} Mo"),
    ("drawn_s", "carte dessinée après le chargement", "{:.2f} s"),
    ("repaint_s", "région changée → carte redessinée", "{:.2f} s"),
    ("round_trips", "allers-retours HTTP par changement", "{:.0f}"),
    ("change_kb", "octets reçus par changement", "{:.1f} ko"),
    ("commune_s", "carte des communes dessinée (naïve : ses EPCI)", "{:.2f} s"),
)
# The naive app has no commune level: its EPCI map is the yardstick (issue goal: the
# commune map drawn no later than the naive EPCI map).
COMMUNE_QUERIES = {"application naïve": "", "cette application": "?niveau=commune"}


@contextmanager
def one_core_busy(seconds: float = 1800):
    """A bounded background process keeping one CPU core busy (a laptop in a video call)."""
    hog = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time\nend = time.time() + {seconds}\nwhile time.time() < end: pass",
        ],
    )
    try:
        yield
    finally:
        hog.kill()
        hog.wait(timeout=10)


def run(loads: int = 5) -> dict[str, dict[str, dict[str, float]]]:
    """Alternate loads of both apps, on a quiet machine then with one core kept busy;
    print and return the medians."""
    results = {}
    with (
        tempfile.TemporaryDirectory() as scratch,
        served(APPS["application naïve"], Path(scratch)) as naive_url,
        served(APPS["cette application"], Path(scratch)) as own_url,
    ):
        urls = {"application naïve": naive_url, "cette application": own_url}
        for name, url in urls.items():  # warm-up: caches, brotli copies
            measure_once(url, COMMUNE_QUERIES[name])
        results["machine calme"] = measure(urls, loads)
        with one_core_busy():
            results["un cœur occupé"] = measure(urls, loads)
    for condition, medians in results.items():
        print_medians(f"{condition}, médianes de {loads} chargements alternés", medians)
    return results


def measure(urls: dict[str, str], loads: int) -> dict[str, dict[str, float]]:
    samples: dict[str, list[dict]] = {name: [] for name in urls}
    for _ in range(loads):
        for name, url in urls.items():
            samples[name].append(measure_once(url, COMMUNE_QUERIES[name]))
    return {
        name: {key: statistics.median(s[key] for s in runs) for key, *_ in ROWS}
        for name, runs in samples.items()
    }


def print_medians(title: str, medians: dict[str, dict[str, float]]) -> None:
    print(f"\nCarte nationale dans Chromium ({title})")
    names = list(APPS)
    print(f"| mesure | {' | '.join(names)} | rapport |")
    print("|---|---|---|---|")
    for key, label, fmt in ROWS:
        naive, own = (medians[n][key] for n in names)
        ratio = f"{own / naive:.2f}×" if naive else "–"
        print(f"| {label} | {fmt.format(naive)} | {fmt.format(own)} | {ratio} |")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
