"""50 simulated sessions against gunicorn on loopback: each loads the national map as a
new visitor would (page, scripts, styles, MapLibre, the map's data, TIs, glyphs, layout) and then
changes filters, one callback per change, for 60 s. Prints requests per second and the
latency percentiles over all requests. Bounded in time and count; loopback only.

The generator runs on the same machine as the server (2 cores here), so the figures
are a floor. Server: ``WORKERS`` gunicorn processes of ``THREADS`` threads each.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import requests

from dashboard.settings import DEMO_DATA_DIR
from tests.benchmarks.browser_bench import REPO, served
from tests.benchmarks.map_bench import FILTER_QUERIES, filter_body

SESSIONS = 50
DURATION_S = 60.0
MAX_REQUESTS = 200_000
THINK_S = (0.1, 0.4)  # pause between two filter changes of one session
WORKERS = int(os.environ.get("TI_BENCH_WORKERS", "4"))
THREADS = int(os.environ.get("TI_BENCH_THREADS", "4"))
HEADERS = {"Accept-Encoding": "gzip, deflate, br"}
STATIC = re.compile(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"')
FIRST_LOAD = (
    "/assets/vendor/map/maplibre-gl.mjs",
    "/assets/vendor/map/maplibre-gl-worker.mjs",
    "/assets/map/ti_map.mjs",
    "/carte/nationale.json",
    "/geo/ti.geojson",
    "/assets/map/glyphs/Open%20Sans%20Regular/0-255.pbf",
    "/_dash-dependencies",
)


def kind_of(url: str) -> str:
    """Requests grouped as the server handles them: callbacks, layout, static files."""
    for marker, kind in (
        ("_dash-update-component", "rappels"),
        ("_dash-layout", "mise en page"),
        ("_dash-dependencies", "mise en page"),
    ):
        if marker in url:
            return kind
    return "page et fichiers statiques"


class Recorder:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.finished_at: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.errors = 0
        self.failures: list[str] = []
        self.lock = threading.Lock()

    def get(self, session: requests.Session, method: str, url: str, **kwargs):
        start = time.perf_counter()
        try:
            response = session.request(method, url, timeout=30, **kwargs)
            ok = response.status_code < 400
            failure = f"HTTP {response.status_code}"
        except requests.RequestException as error:
            response, ok, failure = None, False, type(error).__name__
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latencies.append(elapsed)
            self.finished_at.append(time.time())
            self.by_kind.setdefault(kind_of(url), []).append(elapsed)
            self.errors += not ok
            if not ok and len(self.failures) < 5:
                self.failures.append(f"{method} {url.split('?')[0]} : {failure}")
        return response


def run_session(base: str, recorder: Recorder, deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    with requests.Session() as session:
        session.headers.update(HEADERS)
        page = recorder.get(session, "GET", base + "/")
        if page is None:
            return
        for path in [*sorted(set(STATIC.findall(page.text))), *FIRST_LOAD]:
            recorder.get(session, "GET", base + path)
        recorder.get(session, "GET", base + "/_dash-layout", headers={"Referer": base + "/"})
        dependencies = recorder.get(session, "GET", base + "/_dash-dependencies")
        callbacks = json.loads(dependencies.text) if dependencies is not None else []
        while time.time() < deadline and len(recorder.latencies) < MAX_REQUESTS:
            body = filter_body(callbacks, rng.choice(FILTER_QUERIES))
            recorder.get(session, "POST", base + "/_dash-update-component", json=body)
            time.sleep(rng.uniform(*THINK_S))


def publish_during_load(scratch: Path, delay: float, published: list[float]) -> None:
    """After ``delay`` seconds, an editor republishes the whole national list with one
    amount corrected, through the command line on the served database: every worker then
    reloads 1,416 lauréats while the sessions go on."""
    time.sleep(delay)
    env = {
        **os.environ,
        "TI_DATABASE_URL": f"sqlite:///{scratch}/bench.sqlite3",
        "TI_CACHE_DIR": str(scratch / "cache-cli"),
        "TI_PASSWORD": "motdepasse-banc-essai",
    }
    corrected = scratch / "laureats_corriges.csv"
    lines = (DEMO_DATA_DIR / "laureats.csv").read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    first[7] = str(int(first[7]) + 1_000)  # montant_aide of the first lauréat
    corrected.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n", "utf-8")
    cli = [sys.executable, "-m", "dashboard"]
    account = [*cli, "users", "add", "banc", "--role", "editeur"]
    subprocess.run(account, env=env, check=True, capture_output=True, cwd=REPO)
    published.append(time.time())
    command = [*cli, "publish", "laureats", str(corrected), "--user", "banc"]
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=REPO)


def run(
    sessions: int = SESSIONS, duration: float = DURATION_S, publish_at: float | None = None
) -> dict[str, float]:
    recorder = Recorder()
    published: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        extra = ("-w", str(WORKERS), "--threads", str(THREADS))
        with served("app:server", Path(scratch), extra) as base:
            start = time.time()
            deadline = start + duration
            if publish_at is not None:
                threading.Thread(
                    target=publish_during_load, args=(Path(scratch), publish_at, published)
                ).start()
            threads = [
                threading.Thread(target=run_session, args=(base, recorder, deadline, i))
                for i in range(sessions)
            ]
            for thread in threads:
                thread.start()
                time.sleep(duration / sessions / 10)  # arrivals spread over the first tenth
            for thread in threads:
                thread.join()
            elapsed = time.time() - start
    latencies = np.array(recorder.latencies) * 1000
    figures = {
        "requests": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50_ms": float(np.percentile(latencies, 50)),
        "p95_ms": float(np.percentile(latencies, 95)),
        "p99_ms": float(np.percentile(latencies, 99)),
        "max_ms": float(latencies.max()),
        "errors": recorder.errors,
    }
    print(
        f"\nCharge : {sessions} sessions pendant {duration:.0f} s, gunicorn {WORKERS} processus "
        f"× {THREADS} fils : {figures['requests']} requêtes, "
        f"{figures['per_second']:.0f} requêtes/s, p50 {figures['p50_ms']:.0f} ms, "
        f"p95 {figures['p95_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms, "
        f"{figures['errors']} erreurs (médiane {statistics.median(latencies):.0f} ms)"
    )
    print(f"  plus lente : {figures['max_ms']:.0f} ms")
    if published:
        done = np.array(recorder.finished_at)
        after = latencies[(done >= published[0]) & (done <= published[0] + 20)]
        if after.size:
            print(
                f"  pendant les 20 s qui suivent la publication : {after.size} requêtes, "
                f"p95 {np.percentile(after, 95):.0f} ms, p99 {np.percentile(after, 99):.0f} ms, "
                f"plus lente {after.max():.0f} ms"
            )
    for failure in recorder.failures:
        print(f"  erreur : {failure}")
    for kind, values in sorted(recorder.by_kind.items()):
        ms = np.array(values) * 1000
        print(
            f"  {kind} : {len(ms)} requêtes, p50 {np.percentile(ms, 50):.0f} ms, "
            f"p95 {np.percentile(ms, 95):.0f} ms"
        )
    return figures


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else DURATION_S
    run(duration=seconds, publish_at=seconds / 3 if "--publication" in sys.argv else None)
