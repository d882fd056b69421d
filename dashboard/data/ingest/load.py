"""Load one file of a known kind: read, validate, attach the metadata that came with it."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.ingest.readers import FileRefused, RawTable, read_tables
from dashboard.data.ingest.report import LoadReport, Rejection
from dashboard.data.ingest.validate import validate
from dashboard.data.schemas import KINDS, SCHEMAS
from dashboard.text.formatting import plural

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography

log = logging.getLogger(__name__)

# Metadata keys of metadonnees.json filled into empty cells of the same column.
FILLED_FROM_METADATA = {"source": "source", "millesime": "millesime"}


@dataclass
class LoadResult:
    """A clean frame in canonical columns, its report and the file's metadata."""

    kind: str
    path: Path
    frame: pd.DataFrame
    report: LoadReport
    metadata: dict[str, str] = field(default_factory=dict)
    # Line of the file each row of ``frame`` came from (same order).
    lines: list[int] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return self.report.ok

    @property
    def data_date(self) -> str | None:
        """ "Les données sont arrêtées au …": the ``date_donnees`` given in metadonnees.json."""
        return self.metadata.get("date_donnees")


def unknown_kind_message(kind: str) -> str:
    return f"type de données inconnu : {kind!r} (types possibles : {', '.join(KINDS)})"


def load_file(
    kind: str,
    path: str | Path,
    geography: Geography | None,
    *,
    metadata: dict[str, str] | None = None,
) -> LoadResult:
    """Read and check one file; never raises for a bad file (the report says what went wrong).

    Raises ValueError only for an unknown ``kind``, which is a programming or
    command-line error rather than a data problem.
    """
    if kind not in SCHEMAS:
        raise ValueError(unknown_kind_message(kind))
    path = Path(path)
    try:
        tables = read_tables(path)
    except FileRefused as error:
        return refused(kind, path, str(error), metadata)
    return load_tables(kind, path, tables, geography, metadata)


def refused(kind: str | None, path: Path, reason: str, metadata=None) -> LoadResult:
    """A result for a file refused as a whole: empty frame, one fatal reason."""
    report = LoadReport(path.name, kind, fatal=Rejection(path.name, None, None, "", reason))
    frame = SCHEMAS[kind].empty_frame() if kind in SCHEMAS else pd.DataFrame()
    return LoadResult(kind or "", path, frame, report, dict(metadata or {}))


def load_tables(
    kind: str,
    path: Path,
    tables: list[RawTable],
    geography: Geography | None,
    metadata: dict[str, str] | None = None,
) -> LoadResult:
    """Validate tables already read (the folder loader reads once to detect the kind)."""
    metadata = {key: str(value) for key, value in (metadata or {}).items()}
    try:
        frame, report = validate(tables, SCHEMAS[kind], geography, path.name)
    except Exception as error:  # a bad file must never stop the application
        log.exception("unexpected error while validating %s", path)
        return refused(
            kind,
            path,
            f"erreur inattendue à la lecture ({type(error).__name__} : {error})",
            metadata,
        )
    lines = [int(line) for line in frame.index] if kind != "indicateurs" else []
    frame = frame.reset_index(drop=True)
    _apply_metadata(frame, report, metadata)
    return LoadResult(kind, path, frame, report, metadata, lines)


def _apply_metadata(frame: pd.DataFrame, report: LoadReport, metadata: dict[str, str]) -> None:
    """Fill empty ``source``/``millesime`` cells from metadonnees.json, and say so."""
    for key, column in FILLED_FROM_METADATA.items():
        if key not in metadata or column not in frame:
            continue
        empty = frame[column].isna()
        if empty.any():
            frame.loc[empty, column] = metadata[key]
            report.notes.append(
                f"{column} : « {metadata[key]} » repris de metadonnees.json "
                f"({plural(int(empty.sum()), 'ligne')})"
            )
