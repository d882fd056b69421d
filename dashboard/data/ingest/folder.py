"""Load a whole data folder as users download it: detect each file's kind, load, concatenate.

Kind comes from the file name (``laureats*``, ``territoires_industrie*`` or
``ti*``, ``clusters*``, ``indicateurs*``), otherwise from its columns. An
optional ``metadonnees.json`` gives per-file vintage, source and data date.
Files that are not data (a README, a PDF) are listed, never an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.ingest.links import (
    DERIVED_COLUMNS,
    TERRITORY_COLUMNS,
    resolve_clusters,
    resolve_territories,
    territory_names,
)
from dashboard.data.ingest.load import LoadResult, load_tables, refused
from dashboard.data.ingest.overlay import apply_overlays, load_identifiers
from dashboard.data.ingest.readers import SUPPORTED_SUFFIXES, FileRefused, RawTable, read_tables
from dashboard.data.ingest.report import KIND_LABELS, LoadReport, Rejection
from dashboard.data.ingest.scope import FilePlan, apply_scope
from dashboard.data.ingest.validate import match_header
from dashboard.data.schemas import KINDS, SCHEMAS, normalise_header
from dashboard.text.formatting import plural

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography

METADATA_FILE = "metadonnees.json"
PANELS_KEY = "panels"
# Annex panel labels that cannot be derived from the rows, with their expected JSON type.
PANEL_FIELDS: dict[str, type | tuple[type, ...]] = {
    "panel": str,
    "panel_order": int,
    "region_codes": list,
    "laureats_label_exact": str,
    "engagement_label": str,
    "emplois_label_exact": str,
    "source_line_exact": str,
    "legend_header_exact": str,
    "data_date": str,
    "featured_ids": list,
    "deduit": bool,
}
MIN_PARTIAL_MATCH = 3
NAME_PATTERNS = {
    "laureats": r"laureat",
    "territoires_industrie": r"territoires?_d?_?industrie|ti(?![a-z])",
    "clusters": r"cluster",
    "collaborations": r"collaboration",
    "indicateurs": r"indicateur",
}


@dataclass
class FolderLoad:
    """Every file of a data folder: per-kind clean frames and one report per file."""

    folder: Path
    results: list[LoadResult] = field(default_factory=list)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    unrecognised: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    notes: list[str] = field(default_factory=list)
    # Per annex panel (région code or group such as "outre-mer"): validated labels.
    panels: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def reports(self) -> list[LoadReport]:
        return [result.report for result in self.results]

    def results_of(self, kind: str) -> list[LoadResult]:
        return [result for result in self.results if result.kind == kind]

    def vintage_of(self, kind: str) -> str:
        """Vintages declared in metadonnees.json for the files of ``kind`` ("" if none)."""
        vintages = [
            r.metadata["millesime"] for r in self.results_of(kind) if "millesime" in r.metadata
        ]
        return ", ".join(dict.fromkeys(vintages))

    def source_of(self, kind: str) -> str:
        """Sources declared in metadonnees.json for the files of ``kind`` ("" if none)."""
        found = [
            str(r.metadata["source"]) for r in self.results_of(kind) if r.metadata.get("source")
        ]
        return " ; ".join(dict.fromkeys(found))

    def data_date(self, kind: str = "laureats") -> str | None:
        """The ``date_donnees`` of the first file of ``kind`` that declares one."""
        return next((r.data_date for r in self.results_of(kind) if r.data_date), None)

    def to_text(self) -> str:
        """French report of the whole folder, as printed by ``python -m dashboard check``."""
        lines = [f"Dossier : {self.folder}"]
        for kind in KINDS:
            frame = self.frames.get(kind)
            count = 0 if frame is None else len(frame)
            files = len(self.results_of(kind))
            kept = f"{plural(count, 'ligne')} conservée{'s' if count > 1 else ''}"
            lines.append(f"  {KIND_LABELS[kind]} : {kept} ({plural(files, 'fichier')})")
        lines += [f"Remarque : {note}" for note in self.notes]
        for name, reason in self.unrecognised:
            lines.append(f"Fichier non pris en compte : {name} ({reason})")
        for report in self.reports:
            lines += ["", report.to_text()]
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, object]]:
        return [record for report in self.reports for record in report.to_records()]


def kind_from_name(path: Path) -> str | None:
    name = normalise_header(path.stem)
    for kind, pattern in NAME_PATTERNS.items():
        if re.match(pattern, name):
            return kind
    return None


def detect_kind(path: Path) -> str:
    """The nature the folder importer would give ``path`` ("" when it cannot tell)."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return ""
    kind = kind_from_name(path)
    if kind:
        return kind
    try:
        return kind_from_columns(read_tables(path)) or ""
    except FileRefused:
        return ""


def kind_from_columns(tables: list[RawTable]) -> str | None:
    """The kind whose required columns are all present, naming the most columns.

    Failing that, a kind naming at least ``MIN_PARTIAL_MATCH`` columns is
    still chosen, so that the user reads which required column is missing
    rather than "type non reconnu".
    """
    scores = {}
    for kind, schema in SCHEMAS.items():
        match = match_header(tables, schema)
        scores[kind] = (match.loadable(schema), len(match.canonical))
    best = max(scores, key=lambda kind: scores[kind])
    loadable, score = scores[best]
    return best if loadable or score >= MIN_PARTIAL_MATCH else None


def read_metadata(folder: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """``metadonnees.json`` as {file name: {key: value}}; a broken file is a note, not a crash."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}, []
    try:
        content = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, [f"{METADATA_FILE} illisible, ignoré ({error})"]
    if not isinstance(content, dict):
        return {}, [f'{METADATA_FILE} ignoré : un objet {{"fichier": {{…}}}} est attendu']
    metadata = {
        str(name): {
            str(key): str(value)
            for key, value in entry.items()
            if isinstance(value, str | int | float) and not isinstance(value, bool)
        }
        for name, entry in content.items()
        if isinstance(entry, dict)
    }
    return metadata, []


def read_panels(folder: Path) -> tuple[dict[str, dict[str, object]], list[str]]:
    """The ``panels`` entry of ``metadonnees.json``: labels of each annex panel.

    Only the known fields (``PANEL_FIELDS``) of the right type are kept, so a
    misspelt label never reaches the screen as "None"; each rejected value is a note.
    """
    path = folder / METADATA_FILE
    try:
        content = json.loads(path.read_text(encoding="utf-8-sig")) if path.is_file() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}, []  # already reported by read_metadata
    raw = content.get(PANELS_KEY) if isinstance(content, dict) else None
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [f"{METADATA_FILE} : « {PANELS_KEY} » ignoré, un objet est attendu"]
    panels: dict[str, dict[str, object]] = {}
    notes: list[str] = []
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            notes.append(f"{METADATA_FILE} : panneau « {key} » ignoré, un objet est attendu")
            continue
        panels[str(key)], rejected = _valid_panel(entry)
        notes += [f"{METADATA_FILE} : panneau « {key} », {name} ignoré" for name in rejected]
    return panels, notes


def _valid_panel(entry: dict) -> tuple[dict[str, object], list[str]]:
    """Known fields with the expected type (lists of strings for lists); None means absent."""
    kept: dict[str, object] = {}
    rejected: list[str] = []
    for name, expected in PANEL_FIELDS.items():
        value = entry.get(name)
        if value is None:
            continue
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if ok and expected is list:
            ok = all(isinstance(item, str | int) for item in value)
            value = [str(item) for item in value] if ok else value
        if ok:
            kept[name] = value
        else:
            rejected.append(name)
    return kept, rejected


def data_files(folder: Path) -> list[Path]:
    """The regular files of ``folder`` that may be read: inside it, links resolved.

    A symbolic link is followed only when its target stays inside the folder, so a
    link to /etc/passwd never reaches the report or the cache key.
    """
    return [path for path, reason in _entries(folder) if reason is None]


def _entries(folder: Path) -> list[tuple[Path, str | None]]:
    """Every entry of ``folder`` in name order, with why it cannot be read (None if it can)."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    entries = []
    for path in sorted(folder.iterdir()):
        if path.name == METADATA_FILE or path.name.startswith((".", "~$")):
            continue
        entries.append((path, _unreadable_reason(path, root)))
    return entries


def _unreadable_reason(path: Path, root: Path) -> str | None:
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "lien symbolique cassé"
        if not target.is_relative_to(root):
            return "lien symbolique vers un fichier hors du dossier de données, non suivi"
    if path.is_dir():
        return "c'est un dossier, pas un fichier (les sous-dossiers ne sont pas lus)"
    if not path.is_file():
        return "ce n'est pas un fichier ordinaire"
    return None


def load_folder(
    path: str | Path, geography: Geography | None, plans: Mapping[str, FilePlan] | None = None
) -> FolderLoad:
    """Load every data file of ``path`` (not recursive), in name order.

    ``plans`` (file name -> FilePlan) comes with a published version: it fixes each
    file's nature and the régions it covers instead of guessing from the name.
    """
    plans = plans or {}
    folder = Path(path)
    metadata, notes = read_metadata(folder)
    panels, panel_notes = read_panels(folder) if not notes else ({}, [])
    load = FolderLoad(folder, notes=notes + panel_notes, panels=panels)
    if not folder.is_dir():
        load.notes.append(f"dossier introuvable : {folder}")
    entries = _entries(folder)
    if plans:  # a version's files apply in publication order (updates after what they update)
        order = {name: position for position, name in enumerate(plans)}
        entries.sort(key=lambda entry: order.get(entry[0].name, len(order)))
    for file, reason in entries:
        if reason is not None:
            load.unrecognised.append((file.name, reason))
            continue
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            load.unrecognised.append((file.name, "format non pris en charge"))
            continue
        plan = plans.get(file.name)
        result = _load_one(file, geography, metadata.get(file.name, {}), load, plan)
        if result is not None:
            if plan is not None and plan.mode != "retirer":
                apply_scope(result, plan, geography)
            load.results.append(result)
    described = {name for name in metadata if Path(name).suffix.lower() in SUPPORTED_SUFFIXES}
    for name in sorted(described - {p.name for p, _ in entries}):
        load.notes.append(f"{METADATA_FILE} décrit un fichier absent : {name}")
    apply_overlays(load.results, plans, geography)
    reject_cross_file_duplicates(load.results)
    if geography is not None:
        link_named_territories(load.results, geography)
    load.frames = {kind: concat_kind(kind, load.results_of(kind)) for kind in KINDS}
    return load


def link_named_territories(results: list[LoadResult], geography: Geography) -> None:
    """Territories and clusters named in the clusters and collaborations files, resolved
    against this folder's own TI list and clusters."""
    linking = [result for result in results if result.kind in TERRITORY_COLUMNS]
    if not linking:
        return
    names = territory_names(
        geography,
        concat_kind("territoires_industrie", results_of_kind(results, "territoires_industrie")),
    )
    for result in linking:
        resolve_territories(result, names)
    clusters = concat_kind("clusters", results_of_kind(results, "clusters"))
    for result in results_of_kind(results, "collaborations"):
        resolve_clusters(result, clusters)


def _load_one(
    file: Path,
    geography: Geography | None,
    metadata: dict[str, str],
    load: FolderLoad,
    plan: FilePlan | None = None,
) -> LoadResult | None:
    kind = (plan.kind if plan is not None else None) or kind_from_name(file)
    try:
        tables = read_tables(file)
    except FileRefused as error:
        return refused(kind, file, str(error), metadata)
    kind = kind or kind_from_columns(tables)
    if kind is None:
        load.unrecognised.append((file.name, "type non reconnu d'après le nom ni les colonnes"))
        return None
    if plan is not None and plan.mode == "retirer":
        return load_identifiers(kind, file, tables)
    return load_tables(kind, file, tables, geography, metadata)


def reject_cross_file_duplicates(results: list[LoadResult]) -> None:
    """An identifier already kept from an earlier file of the same kind rejects the later row.

    Otherwise one project exported twice (a yearly file and a cumulative one) is
    counted twice in every total; both files and lines are named.
    """
    for kind in KINDS:
        unique = [column.name for column in SCHEMAS[kind].columns if column.unique]
        if not unique:
            continue
        seen: dict[str, tuple[str, int | None]] = {}
        for result in results_of_kind(results, kind):
            _drop_seen(result, unique[0], seen)


def results_of_kind(results: list[LoadResult], kind: str) -> list[LoadResult]:
    return [result for result in results if result.kind == kind]


def _drop_seen(result: LoadResult, column: str, seen: dict[str, tuple[str, int | None]]) -> None:
    if result.frame.empty or column not in result.frame:
        return
    ids = result.frame[column].astype("str")
    lines = result.lines if len(result.lines) == len(ids) else [None] * len(ids)
    repeated = ids.isin(seen.keys()).to_numpy()
    header = result.report.columns.get(column, column)
    for identifier, line, again in zip(ids, lines, repeated, strict=True):
        if again:
            first_file, first_line = seen[identifier]
            where = f"{first_file}, ligne {first_line}" if first_line else first_file
            result.report.rejections.append(
                Rejection(
                    result.path.name,
                    line,
                    header,
                    identifier,
                    f"identifiant en double : déjà lu dans {where} (compté une seule fois)",
                )
            )
        else:
            seen.setdefault(identifier, (result.path.name, line))
    if repeated.any():
        result.frame = result.frame[~repeated].reset_index(drop=True)
        result.lines = [line for line, again in zip(lines, repeated, strict=True) if not again]
        result.report.rows_kept = len(result.frame)
        result.report.rejections.sort(key=lambda item: item.line or 0)


def concat_kind(kind: str, results: list[LoadResult]) -> pd.DataFrame:
    """The clean frames of one kind's files, one after the other."""
    frames = [result.frame for result in results if not result.frame.empty]
    derived = list(DERIVED_COLUMNS.get(kind, ()))
    if not frames:
        return SCHEMAS[kind].empty_frame().reindex(columns=SCHEMAS[kind].names + derived)
    frame = pd.concat(frames, ignore_index=True)
    missing = [column for column in derived if column not in frame]
    return frame.reindex(columns=[*frame.columns, *missing]) if missing else frame
