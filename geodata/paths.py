"""Where the built reference geography lives (git-ignored, outside the package data)."""

from __future__ import annotations

import json
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# Bump when the built layers change, so an older build is rebuilt (see ``is_built``).
BUILD_VERSION = 4
LAYER_FILES = (
    "communes.parquet",
    "commune_points.parquet",
    "epci.parquet",
    "departements.parquet",
    "regions.parquet",
    "web/epci.geojson",
    "web/departements.geojson",
    "web/regions.geojson",
    "web/lieux.geojson",
    "web/regions.cw.geojson.gz",
    "web/epci.geojson.br",
    "report.json",
)


def build_dir() -> Path:
    """``TI_GEODATA_DIR`` when set, else ``geodata/build`` beside this module."""
    return Path(os.environ.get("TI_GEODATA_DIR", PACKAGE_DIR / "build")).expanduser()


def cache_dir() -> Path:
    return build_dir() / "cache"


def report_path() -> Path:
    return build_dir() / "report.json"


def web_dir() -> Path:
    return build_dir() / "web"


def is_built() -> bool:
    """Every layer is there, from a build of the current ``BUILD_VERSION``."""
    if not all((build_dir() / name).exists() for name in LAYER_FILES):
        return False
    report = json.loads(report_path().read_text(encoding="utf-8"))
    return report.get("build_version") == BUILD_VERSION
