"""On-disk cache of the imported data folder: Parquet for frames, JSON for the rest.

Nothing in it can run code when read back (no pickle): a file planted in the
cache folder is at worst data that fails to parse, and a cache that cannot be
read is logged in one French line and rebuilt. Each entry is written into a
temporary folder then renamed, so a crash mid-write never leaves half a cache.
The key covers the data files' bytes, the geography build, the code and the
versions of the libraries that write and read the frames.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from dashboard.data.ingest import FolderLoad, LoadReport, LoadResult

log = logging.getLogger(__name__)

# Bump when the cached structure or the enrichment changes.
CACHE_FORMAT = "4"
MANIFEST = "manifest.json"
LIBRARIES = ("pandas", "geopandas", "pyarrow", "shapely", "numpy")
CODE_PACKAGES = ("dashboard", "geodata")
ROOT = Path(__file__).resolve().parents[2]


class CacheUnavailable(Exception):
    """The cache folder cannot be created or written; the message is French."""


def library_versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


def code_digest() -> str:
    """Hash of the Python sources that import and enrich the data."""
    digest = hashlib.sha256()
    for package in CODE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(data_files: list[Path], geography_report: Path, plans: str = "") -> str:
    """Hash of every data file's name and bytes, how each is read (``plans``, as JSON),
    the geography build, code and libraries."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    digest.update(plans.encode())
    digest.update(json.dumps(library_versions(), sort_keys=True).encode())
    digest.update(code_digest().encode())
    for path in sorted(data_files, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(geography_report.read_bytes())
    return digest.hexdigest()[:24]


def prepare_dir(cache_dir: Path) -> Path:
    """The cache folder, created; CacheUnavailable when it is a file or not writable."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, prefix=".probe-"):
            pass
    except OSError as error:
        raise CacheUnavailable(
            f"dossier de cache inutilisable : {cache_dir} (TI_CACHE_DIR) : "
            f"{_os_reason(cache_dir, error)} ; l'application démarre sans cache disque"
        ) from error
    return cache_dir


def _os_reason(path: Path, error: OSError) -> str:
    if path.exists() and not path.is_dir():
        return "c'est un fichier, pas un dossier"
    if isinstance(error, PermissionError):
        return "droits d'écriture insuffisants"
    return f"erreur système ({error.strerror or type(error).__name__})"


def entry_dir(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"store-{key}"


def keep_recent_entries(cache_dir: Path, keep: int) -> int:
    """Delete all but the ``keep`` most recently written entries; how many were deleted."""
    entries = sorted(
        (path for path in cache_dir.glob("store-*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return len(entries[keep:])


# --- writing -----------------------------------------------------------------------


def write_entry(
    cache_dir: Path,
    key: str,
    folder: FolderLoad,
    members: pd.DataFrame,
    vintage: str,
    laureats: pd.DataFrame,
    files_dir: Path,
) -> Path:
    """Write the entry in a temporary folder, then rename it into place (atomic).

    The files of ``files_dir`` (GeoJSON served to the browser) are copied beside the frames.
    """
    final = entry_dir(cache_dir, key)
    staging = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".store-{key}-"))
    try:
        results = []
        for number, result in enumerate(folder.results):
            name = f"result-{number}.parquet"
            _write_frame(result.frame, staging / name)
            results.append(
                {
                    "kind": result.kind,
                    "path": str(result.path),
                    "frame": name,
                    "report": result.report.to_json(),
                    "metadata": result.metadata,
                }
            )
        _write_frame(members, staging / "ti_members.parquet")
        _write_frame(laureats, staging / "laureats.parquet")
        for path in files_dir.iterdir():  # the TI perimeters written for the browser
            shutil.copyfile(path, staging / path.name)
        manifest = {
            "format": CACHE_FORMAT,
            "folder": str(folder.folder),
            "results": results,
            "unrecognised": folder.unrecognised,
            "notes": folder.notes,
            "panels": folder.panels,
            "ti_vintage": vintage,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
        try:
            os.replace(staging, final)
        except OSError:
            if not (final / MANIFEST).is_file():  # not another process finishing first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def _write_frame(frame: pd.DataFrame, path: Path) -> None:
    frame = frame.copy()
    frame.columns = [str(column) for column in frame.columns]
    frame.to_parquet(path, index=False)


# --- reading -----------------------------------------------------------------------


class CachedStore:
    """What an entry holds, read back."""

    def __init__(self, folder: FolderLoad, members, vintage: str, laureats, root: Path):
        self.folder = folder
        self.members = members
        self.vintage = vintage
        self.laureats = laureats
        self.root = root


def read_entry(cache_dir: Path, key: str, kinds: tuple[str, ...], concat) -> CachedStore | None:
    """The entry for ``key``, or None when absent or unreadable (logged, removed, rebuilt)."""
    root = entry_dir(cache_dir, key)
    if not root.is_dir():
        return None
    try:
        manifest = json.loads((root / MANIFEST).read_text("utf-8"))
        if manifest.get("format") != CACHE_FORMAT:
            raise ValueError(f"format {manifest.get('format')!r}")
        results = [
            LoadResult(
                item["kind"],
                Path(item["path"]),
                _read_frame(root / item["frame"]),
                LoadReport.from_json(item["report"]),
                {str(k): str(v) for k, v in item["metadata"].items()},
            )
            for item in manifest["results"]
        ]
        folder = FolderLoad(
            Path(manifest["folder"]),
            results=results,
            unrecognised=[tuple(pair) for pair in manifest["unrecognised"]],
            notes=[str(note) for note in manifest["notes"]],
            panels=dict(manifest["panels"]),
        )
        folder.frames = {kind: concat(kind, folder.results_of(kind)) for kind in kinds}
        members = _read_frame(root / "ti_members.parquet")
        laureats = _read_frame(root / "laureats.parquet")
        return CachedStore(folder, members, str(manifest["ti_vintage"]), laureats, root)
    except Exception as error:  # any damage: data, never code; rebuild
        log.warning(
            "cache illisible, reconstruit : %s (%s : %s)", root, type(error).__name__, error
        )
        shutil.rmtree(root, ignore_errors=True)
        return None


def _read_frame(path: Path) -> pd.DataFrame:
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise ValueError(f"chemin hors du cache : {path}")
    return pd.read_parquet(path)
