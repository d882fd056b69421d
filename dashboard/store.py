"""The one in-memory store the app serves: geography, TI list, lauréats, clusters, indicators.

Loaded once at start-up. Parsing and joining is cached on disk keyed by the
content of every data file and of the reference geography, so a restart with
unchanged files skips the import.
"""

from __future__ import annotations

import hashlib
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.clusters import enrich_clusters
from dashboard.ingest import FolderLoad, load_folder
from dashboard.settings import Settings
from dashboard.territoires_industrie import TerritoiresIndustrie
from dashboard.territory import Geography
from geodata import paths
from geodata.web import write_web_geojson

# Bump when the cached structure or the enrichment changes.
CACHE_VERSION = "3"
TI_WEB_TOLERANCE = 0.004  # degrees, as for the EPCI layer


@dataclass
class DataStore:
    settings: Settings
    geography: Geography
    folder: FolderLoad
    tis: TerritoiresIndustrie
    laureats: pd.DataFrame
    ti_perimeters_path: Path
    cluster_points: pd.DataFrame
    cluster_links: pd.DataFrame
    load_seconds: float = 0.0
    from_cache: bool = False
    # Results derived from the loaded data alone (see dashboard.funding_gaps.store_memo).
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def is_demo(self) -> bool:
        return self.settings.is_demo

    @classmethod
    def load(cls, settings: Settings) -> DataStore:
        start = time.perf_counter()
        geography = Geography.load()
        key = _cache_key(settings.data_dir)
        cache_file = settings.cache_dir / f"store-{key}.pkl"
        perimeters = settings.cache_dir / f"ti-{key}.geojson"
        if cache_file.exists() and perimeters.exists():
            folder, tis_members, tis_vintage, laureats = pickle.loads(cache_file.read_bytes())
            tis = TerritoiresIndustrie(tis_members, geography, tis_vintage)
            from_cache = True
        else:
            folder = load_folder(settings.data_dir, geography)
            tis = _territoires_industrie(folder, geography)
            laureats = enrich_laureats(folder.frames.get("laureats"), geography, tis)
            settings.cache_dir.mkdir(parents=True, exist_ok=True)
            _write_perimeters(tis, perimeters)
            payload = (folder, tis.members, tis.vintage, laureats)
            cache_file.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
            from_cache = False
        cluster_points, cluster_links = enrich_clusters(
            folder.frames.get("clusters"), geography, tis
        )
        return cls(
            settings,
            geography,
            folder,
            tis,
            laureats,
            perimeters,
            cluster_points,
            cluster_links,
            round(time.perf_counter() - start, 2),
            from_cache,
        )

    @property
    def indicators(self) -> pd.DataFrame:
        return self.folder.frames.get("indicateurs", pd.DataFrame())


def _cache_key(data_dir: Path) -> str:
    """Hash of every data file's bytes, the geography build report and the cache version."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for path in sorted(p for p in Path(data_dir).iterdir() if p.is_file()):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(paths.report_path().read_bytes())
    return digest.hexdigest()[:20]


def _territoires_industrie(folder: FolderLoad, geography: Geography) -> TerritoiresIndustrie:
    communes_list = folder.frames.get("territoires_industrie")
    if communes_list is None or communes_list.empty:
        return TerritoiresIndustrie.empty(geography)
    return TerritoiresIndustrie.from_list(
        communes_list, geography, folder.vintage_of("territoires_industrie")
    )


def _write_perimeters(tis: TerritoiresIndustrie, path: Path) -> None:
    """TI perimeters as static GeoJSON files for the browser (simplified as a coverage)."""
    perimeters = tis.perimeters().rename(columns={"id_ti": "code", "lib_ti": "nom"})
    write_web_geojson(perimeters, path, TI_WEB_TOLERANCE)


def enrich_laureats(
    laureats: pd.DataFrame | None, geography: Geography, tis: TerritoiresIndustrie
) -> pd.DataFrame:
    """Attach commune, EPCI, département, région, TI and map position to each lauréat.

    The commune comes from the INSEE code, or from the coordinates when the
    code is missing; "dans un TI" is decided by that commune against the TI
    list (a TI perimeter is the union of its communes), never by free text.
    """
    if laureats is None or laureats.empty:
        return pd.DataFrame(
            columns=[
                "id_laureat",
                "code_commune",
                "epci",
                "dep",
                "reg",
                "id_ti",
                "dans_ti",
                "lon",
                "lat",
            ]
        )
    frame = laureats.copy()
    missing_code = frame["code_commune"].isna()
    if missing_code.any():
        frame.loc[missing_code, "code_commune"] = geography.locate(
            frame.loc[missing_code, "longitude"].to_numpy(),
            frame.loc[missing_code, "latitude"].to_numpy(),
        )
    rows = geography.commune_rows(frame["code_commune"])
    frame["commune"] = rows["nom"].to_numpy()
    for level in ("epci", "dep", "reg"):
        frame[level] = rows[level].to_numpy()
    frame["lon"] = frame["longitude"].fillna(rows["lon"]).astype(float)
    frame["lat"] = frame["latitude"].fillna(rows["lat"]).astype(float)
    frame["id_ti"] = tis.ti_of(frame["code_commune"]).to_numpy()
    frame["lib_ti"] = frame["id_ti"].map(tis.table["lib_ti"])
    frame["dans_ti"] = frame["id_ti"].notna()
    frame["date_decision"] = pd.to_datetime(frame.get("date_decision"), errors="coerce")
    return frame.reset_index(drop=True)
