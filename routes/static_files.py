"""Static responses sent pre-compressed: geometry files, plotly.js and MapLibre.

Brotli at its highest quality is too slow to run per request (6 s for plotly.min.js) but
pays off once: plotly.min.js 4.8 MB is 1.44 MB gzipped and 1.11 MB in Brotli; the EPCI
layer 2.1 MB is 0.49 MB gzipped and 0.30 MB in Brotli. So geometry is compressed when it
is built (``geodata.web``), and the big scripts (plotly.js, MapLibre and its worker: 1.1
and 0.55 MB, 0.25 and 0.13 MB in Brotli) once per version, beside the built geography
(``geodata/build/static``, shared by every data folder and worker), in a background
thread; until that file exists the usual gzip of flask-compress applies.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import brotli
import plotly
from dash import Dash
from flask import Response, request, send_file

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
PLOTLY_ROUTE = "/_dash-component-suites/plotly/package_data/plotly.min.js"
MAP_VENDOR = Path(__file__).resolve().parents[1] / "assets" / "vendor" / "map"
# Route -> (file, type) of every script served from its Brotli copy.
BIG_SCRIPTS = {
    PLOTLY_ROUTE: (PLOTLY_JS, "application/javascript"),
    **{
        f"/assets/vendor/map/{name}": (MAP_VENDOR / name, "text/javascript")
        for name in ("maplibre-gl.mjs", "maplibre-gl-worker.mjs")
    },
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def send_precompressed(path: Path, mimetype: str, max_age: int) -> Response:
    """``path`` as its ``.br`` or ``.gz`` twin when the browser takes it, else as is."""
    accepted = request.headers.get("Accept-Encoding", "")
    for encoding, suffix in ENCODINGS:
        twin = path.with_name(path.name + suffix)
        if encoding in accepted and twin.exists():
            response = send_file(twin, mimetype=mimetype, conditional=True, max_age=max_age)
            response.headers["Content-Encoding"] = encoding
            response.headers["Vary"] = "Accept-Encoding"
            return response
    return send_file(path, mimetype=mimetype, conditional=True, max_age=max_age)


def brotli_twin(source: Path, cache_dir: Path) -> Path:
    """Where the Brotli copy of ``source`` lives: named after its content, so a new plotly
    version gets a new file."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return cache_dir / f"{source.stem}-{digest}.js"


def write_brotli(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # Several gunicorn workers may write at once: each its own partial file, then a rename.
    partial = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.part")
    partial.write_bytes(brotli.compress(source.read_bytes(), quality=11))
    partial.replace(target.with_name(target.name + ".br"))


def register(app: Dash, cache_dir: Path, max_age: int) -> None:
    """Serve the big scripts from their Brotli copies once written (see module docstring)."""
    targets = {route: brotli_twin(source, cache_dir) for route, (source, _t) in BIG_SCRIPTS.items()}
    missing = [
        (BIG_SCRIPTS[route][0], target)
        for route, target in targets.items()
        if not target.with_name(target.name + ".br").exists()
    ]
    if missing:
        threading.Thread(target=write_all, args=(missing,), daemon=True).start()

    @app.server.before_request
    def big_script():
        target = targets.get(request.path)
        if target is None:
            return None
        ready = target.with_name(target.name + ".br").exists()
        if not ready or "br" not in request.headers.get("Accept-Encoding", ""):
            return None  # Dash serves it, flask-compress gzips it
        return send_precompressed(target, BIG_SCRIPTS[request.path][1], max_age)


def write_all(pairs: list[tuple[Path, Path]]) -> None:
    for source, target in pairs:
        write_brotli(source, target)


def write_big_scripts(static_dir: Path) -> list[Path]:
    """The Brotli copies of the big scripts, written now if missing (``make`` runs it)."""
    written = []
    for source, _type in BIG_SCRIPTS.values():
        target = brotli_twin(source, static_dir)
        compressed = target.with_name(target.name + ".br")
        if not compressed.exists():
            write_brotli(source, target)
        written.append(compressed)
    return written


def main() -> None:
    """``make geodata``: the Brotli copies of the big scripts, once per version."""
    from geodata import paths

    for written in write_big_scripts(paths.build_dir() / "static"):
        print(f"Script pré-compressé : {written} ({written.stat().st_size / 1e6:.2f} Mo)")
