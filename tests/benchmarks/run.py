"""``make bench``: print build, start-up, load and memory figures (no assertion)."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dashboard.data.store import DataStore
from dashboard.settings import DEMO_DATA_DIR, Settings
from tests.benchmarks import browser_bench, gaps_bench, load_test, map_bench, slides_bench

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_geodata_build() -> float:
    """Full build into a scratch folder, reusing the already downloaded wheel."""
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        cache.mkdir()
        for wheel in (REPO / "geodata" / "build" / "cache").glob("*.whl"):
            (cache / wheel.name).symlink_to(wheel)
        env = {**os.environ, "TI_GEODATA_DIR": scratch}
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geodata", "build"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=REPO,
        )
        return time.perf_counter() - start


def bench_cold_start(cache_dir: str) -> tuple[float, float]:
    """Seconds from ``python app.py`` to the first page served, and the server's peak RSS (MB)."""
    port = _free_port()
    env = {
        **os.environ,
        "TI_PORT": str(port),
        "TI_CACHE_DIR": cache_dir,
        "TI_DATABASE_URL": f"sqlite:///{cache_dir}/bench.sqlite3",
    }
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "app.py"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = start + 300
        while time.perf_counter() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        elapsed = time.perf_counter() - start
        peak_kb = _peak_rss_kb(server.pid)
        return elapsed, peak_kb / 1024
    finally:
        server.terminate()
        server.wait(timeout=30)


def _peak_rss_kb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return float(line.split()[1])
    return float("nan")


def bench_store_load(cache_dir: str) -> tuple[float, float]:
    settings = Settings(data_dir=DEMO_DATA_DIR, cache_dir=Path(cache_dir))
    cold = DataStore.load(settings).load_seconds
    warm = DataStore.load(settings).load_seconds
    return cold, warm


def main() -> None:
    print(f"Construction de la géographie de référence : {bench_geodata_build():.1f} s")
    with tempfile.TemporaryDirectory() as cache:
        cold, peak = bench_cold_start(cache)
        print(
            f"Démarrage à froid jusqu'à la première page : {cold:.1f} s (pic mémoire {peak:.0f} Mo)"
        )
        warm, peak_warm = bench_cold_start(cache)
        print(f"Redémarrage, fichiers inchangés : {warm:.1f} s (pic mémoire {peak_warm:.0f} Mo)")
    with tempfile.TemporaryDirectory() as cache:
        cold_load, warm_load = bench_store_load(cache)
        print(
            f"Chargement du magasin : {cold_load:.2f} s à froid, {warm_load:.2f} s depuis le cache"
        )
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Pic mémoire du processus de chargement : {peak_self:.0f} Mo")
    with tempfile.TemporaryDirectory() as cache:
        store = DataStore.load(Settings(data_dir=DEMO_DATA_DIR, cache_dir=Path(cache)))
        map_bench.run(store)
        gaps_bench.run(store)
    browser_bench.run()
    slides_bench.run()
    load_test.run(publish_at=load_test.DURATION_S / 3)  # a publication in the middle


if __name__ == "__main__":
    main()
