"""The one in-memory store the app serves: geography, TI list, lauréats, clusters, indicators.

Loaded once at start-up. Parsing and joining is cached on disk (Parquet and
JSON, see ``store_cache``) keyed by the content of every data file, the
reference geography, the code and the libraries, so a restart with unchanged
files skips the import.
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data import store_cache
from dashboard.data.ingest import FolderLoad, load_folder
from dashboard.data.ingest.folder import concat_kind, data_files
from dashboard.data.ingest.scope import FilePlan
from dashboard.data.schemas import KINDS, SCHEMAS
from dashboard.settings import Settings
from dashboard.territory.clusters import ClusterNetwork, cluster_network
from dashboard.territory.geography import Geography
from dashboard.territory.territoires_industrie import TerritoiresIndustrie
from dashboard.text.formatting import shorten

if TYPE_CHECKING:
    from dashboard.data.versions import Version
from geodata import paths
from geodata.web import write_web_geojson

log = logging.getLogger(__name__)
PERIMETERS_FILE = "ti.geojson"
TI_WEB_TOLERANCE = 0.004  # degrees, as for the EPCI layer


_TOKENS = itertools.count(1)


@dataclass
class DataStore:
    settings: Settings
    geography: Geography
    folder: FolderLoad
    tis: TerritoiresIndustrie
    laureats: pd.DataFrame
    ti_perimeters_path: Path
    clusters: ClusterNetwork
    load_seconds: float = 0.0
    from_cache: bool = False
    # The database version this store was loaded from (None: a folder read directly).
    version: Version | None = None
    # Names this loaded data in dashboard.data.cache keys (a new one for every store).
    cache_token: int = field(
        default_factory=lambda: next(_TOKENS), init=False, repr=False, compare=False
    )

    @property
    def is_demo(self) -> bool:
        """Demonstration data are on screen: the demo's files and still some of its
        fictitious lauréats (a publication that replaced them all ends the banner)."""
        demo = self.version.is_demo if self.version is not None else self.settings.is_demo
        fictitious = self.laureats.get("fictif")
        return demo and fictitious is not None and bool(fictitious.fillna(False).astype(bool).any())

    @property
    def data_date(self) -> str | None:
        """« Les données sont arrêtées au … »: the date the lauréat files state, while no
        publication has changed them; after one, the date its publisher gave, else the
        latest decision date of the data."""
        published = self.version.files if self.version is not None else ()
        publications = [
            f for f in published if f.origin == "publication" and f.plan.kind == "laureats"
        ]
        if not publications:
            return self.folder.data_date("laureats")
        given = [f.plan.data_date for f in publications if f.plan.data_date]
        if given and given[-1] == publications[-1].plan.data_date:  # the latest one said it
            return f"{pd.Timestamp(given[-1]):%d/%m/%Y}"
        dates = pd.to_datetime(self.laureats.get("date_decision"), errors="coerce").dropna()
        return None if dates.empty else f"{dates.max():%d/%m/%Y}"

    @property
    def version_label(self) -> str:
        """« Données : version 7 du 02/12/2026 » ("" for a folder read without a database)."""
        if self.version is None:
            return ""
        demo = " (démonstration)" if self.version.is_demo else ""
        return f"Données : {self.version.label}{demo}"

    @classmethod
    def load(
        cls,
        settings: Settings,
        plans: dict[str, FilePlan] | None = None,
        version=None,
        previous: DataStore | None = None,
    ) -> DataStore:
        """Import the data folder, or read it back from the disk cache when unchanged.

        ``plans`` and ``version`` come with a database version (see ``dashboard.data.versions``).
        ``previous`` is the store being replaced: its reference geography and, when the
        TI list is unchanged, its TI perimeters are reused, so that a publication reaches
        the screens in about a second instead of three.
        """
        start = time.perf_counter()
        if not settings.data_dir.is_dir():
            raise DataFolderMissing(
                f"dossier de données introuvable : {settings.data_dir} "
                "(variable TI_DATA_DIR) ; l'application ne peut pas démarrer"
            )
        geography = previous.geography if previous is not None else Geography.load()
        cache_dir = _usable_cache_dir(settings.cache_dir)
        plan_text = json.dumps({n: p.to_json() for n, p in sorted((plans or {}).items())})
        key = store_cache.cache_key(data_files(settings.data_dir), paths.report_path(), plan_text)
        cached = store_cache.read_entry(cache_dir, key, KINDS, concat_kind) if cache_dir else None
        if cached is not None:
            folder, laureats = cached.folder, cached.laureats
            tis = TerritoiresIndustrie(cached.members, geography, cached.vintage)
            perimeters = cached.root / PERIMETERS_FILE
        else:
            folder = load_folder(settings.data_dir, geography, plans)
            tis = _territoires_industrie(folder, geography)
            laureats = enrich_laureats(folder.frames.get("laureats"), geography, tis)
            scratch = Path(tempfile.mkdtemp(prefix="ti-perimetres-"))
            perimeters = scratch / PERIMETERS_FILE
            _write_perimeters(tis, perimeters, previous)
            if cache_dir is not None:
                perimeters = _write_cache(cache_dir, key, folder, tis, laureats, perimeters)
        clusters = cluster_network(
            folder.frames.get("clusters"), folder.frames.get("collaborations"), geography, tis
        )
        return cls(
            settings,
            geography,
            folder,
            tis,
            laureats,
            perimeters,
            clusters,
            round(time.perf_counter() - start, 2),
            cached is not None,
            version,
        )

    @property
    def cluster_points(self) -> pd.DataFrame:
        """The clusters that have a place on a map (see ClusterNetwork)."""
        return self.clusters.points

    @property
    def cluster_links(self) -> pd.DataFrame:
        return self.clusters.links

    @property
    def indicators(self) -> pd.DataFrame:
        return self.folder.frames.get("indicateurs", pd.DataFrame())


class DataFolderMissing(Exception):
    """The data folder named by TI_DATA_DIR does not exist; the message is French."""


def _usable_cache_dir(cache_dir: Path) -> Path | None:
    try:
        return store_cache.prepare_dir(cache_dir)
    except store_cache.CacheUnavailable as error:
        log.warning("%s", error)
        return None


def _write_cache(
    cache_dir: Path,
    key: str,
    folder: FolderLoad,
    tis: TerritoiresIndustrie,
    laureats: pd.DataFrame,
    perimeters: Path,
) -> Path:
    """The perimeters' path inside the new cache entry (or the scratch one if writing failed)."""
    try:
        entry = store_cache.write_entry(
            cache_dir,
            key,
            folder,
            tis.members,
            tis.vintage,
            laureats,
            perimeters.parent,
        )
    except (OSError, ValueError) as error:
        log.warning("cache non écrit dans %s : %s", cache_dir, error)
        return perimeters
    shutil.rmtree(perimeters.parent, ignore_errors=True)
    return entry / PERIMETERS_FILE


def _territoires_industrie(folder: FolderLoad, geography: Geography) -> TerritoiresIndustrie:
    communes_list = folder.frames.get("territoires_industrie")
    if communes_list is None or communes_list.empty:
        return TerritoiresIndustrie.empty(geography)
    return TerritoiresIndustrie.from_list(
        communes_list, geography, folder.vintage_of("territoires_industrie")
    )


def _write_perimeters(
    tis: TerritoiresIndustrie, path: Path, previous: DataStore | None = None
) -> None:
    """TI perimeters as static GeoJSON files for the browser (simplified as a coverage)."""
    if previous is not None and previous.tis.members.equals(tis.members):
        old = previous.ti_perimeters_path
        if old.is_file():
            for source in old.parent.glob(old.name.split(".")[0] + ".*"):
                shutil.copyfile(source, path.parent / source.name)
            return
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
        # Same columns and dtypes as a loaded file: every screen works on zero rows.
        laureats = SCHEMAS["laureats"].empty_frame()
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
    frame["id_ti"] = pd.Series(
        tis.ti_of(frame["code_commune"]).to_numpy(), index=frame.index, dtype="str"
    )
    frame["lib_ti"] = frame["id_ti"].map(tis.table["lib_ti"]).astype("str")
    frame["dans_ti"] = frame["id_ti"].notna()
    frame["date_decision"] = pd.to_datetime(frame.get("date_decision"), errors="coerce")
    return shorten_long_texts(frame.reset_index(drop=True), SCHEMAS["laureats"])


FULL_TEXT_SUFFIX = "__complet"


def shorten_long_texts(frame: pd.DataFrame, schema) -> pd.DataFrame:
    """Texts over their display limit shortened in place, the whole text kept beside them.

    Screens, filters and tooltips read the short column (a browser cannot hold a
    100,000-character filter choice); exports read ``<column>__complet`` where it
    is set (see ``exports.laureats_for_export``), so no character is lost.
    """
    for column in schema.columns:
        if column.display_limit is None or column.name not in frame:
            continue
        text = frame[column.name]
        long = (text.str.len() > column.display_limit).fillna(False).astype(bool)
        if long.any():
            frame[column.name + FULL_TEXT_SUFFIX] = text.where(long)
            frame[column.name] = shorten(text, column.display_limit)
    return frame
