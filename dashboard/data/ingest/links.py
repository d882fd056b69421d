"""Territories and clusters named in a file, resolved once every file of the version is read.

A clusters or collaborations file names territories as people write them; the
TI names come from the TI list, which may be another file of the same folder, so
names are resolved after the whole folder is read (or against the live store for
an upload). A name that matches several territories, or none, is a warning naming
the line, the candidates or the closest names; the row is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.ingest.load import LoadResult
from dashboard.data.ingest.report import Rejection
from dashboard.territory.names import TerritoryNames, match_key, name_index

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography

# Per kind: (column naming territories, column receiving the resolved token(s) or None
# to rewrite the column in place, several territories per cell).
TERRITORY_COLUMNS = {
    "clusters": (("territoire", "territoire_code", False), ("territoires_lies", None, True)),
    "collaborations": (("territoire", "territoire_code", False),),
}
LIST_SEPARATOR = "; "
# Columns a resolved frame has beyond its schema's.
DERIVED_COLUMNS = {
    "clusters": ("territoire_code",),
    "collaborations": ("territoire_code", "id_cluster"),
}


def territory_names(geography: Geography, ti_list: pd.DataFrame) -> TerritoryNames:
    """The names of the version being read: reference geography and its TI list."""
    ti_names = pd.Series(dtype="str")
    if ti_list is not None and not ti_list.empty:
        ti_names = ti_list.drop_duplicates("id_ti").set_index("id_ti")["lib_ti"]
    return TerritoryNames(name_index(geography, ti_names))


def resolve_territories(result: LoadResult, names: TerritoryNames) -> None:
    """Write each named territory as a ``kind:code`` token; warn where a name does not resolve."""
    cache: dict[str, tuple[str | None, str | None]] = {}

    def resolve(text: str) -> tuple[str | None, str | None]:
        if text not in cache:
            resolution = names.resolve(text)
            cache[text] = (resolution.token or resolution.outside, resolution.problem(text))
        return cache[text]

    for column, target, several in TERRITORY_COLUMNS.get(result.kind, ()):
        if column not in result.frame:
            continue
        header = result.report.columns.get(column, column)
        resolved = []
        for line, cell in zip(_lines(result), result.frame[column], strict=True):
            if pd.isna(cell) or not str(cell).strip():
                resolved.append(pd.NA)
                continue
            parts = str(cell).split(LIST_SEPARATOR) if several else [str(cell)]
            tokens = []
            for part in parts:
                value, problem = resolve(part)
                if value is not None and not (several and ":" not in value):
                    tokens.append(value)
                if problem is not None:
                    result.report.warnings.append(
                        Rejection(result.report.file, line, header, part, problem)
                    )
            resolved.append(LIST_SEPARATOR.join(dict.fromkeys(tokens)) or pd.NA)
        result.frame[target or column] = pd.Series(resolved, index=result.frame.index, dtype="str")
    result.report.warnings.sort(key=lambda item: item.line or 0)


def resolve_clusters(result: LoadResult, clusters: pd.DataFrame) -> None:
    """A collaboration's cluster by identifier or name (« Tenerrdis (implication non précisée) »
    finds Tenerrdis); an unknown cluster is a warning and the row stays, unlinked."""
    if result.kind != "collaborations" or "cluster" not in result.frame:
        return
    by_key: dict[str, str] = {}
    if clusters is not None and not clusters.empty:
        by_key = dict(zip(clusters["nom"].map(match_key), clusters["id_cluster"], strict=True))
        by_key |= {match_key(code): code for code in clusters["id_cluster"]}
    header = result.report.columns.get("cluster", "cluster")
    ids = []
    for line, name in zip(_lines(result), result.frame["cluster"], strict=True):
        found = by_key.get(match_key(name)) or by_key.get(match_key(str(name).split("(")[0]))
        ids.append(found if found is not None else pd.NA)
        if found is None:
            result.report.warnings.append(
                Rejection(
                    result.report.file,
                    line,
                    header,
                    str(name),
                    f"cluster inconnu « {name} » : absent du fichier des clusters, "
                    "collaboration gardée sans lien",
                )
            )
    result.frame["id_cluster"] = pd.Series(ids, index=result.frame.index, dtype="str")
    result.report.warnings.sort(key=lambda item: item.line or 0)


def _lines(result: LoadResult) -> list[int | None]:
    """The file line of each kept row (None where a cached result lost them)."""
    if len(result.lines) == len(result.frame):
        return list(result.lines)
    return [None] * len(result.frame)


def link_with_folder(result: LoadResult, geography: Geography, folder: Path) -> None:
    """Names of one file resolved against the TI list and clusters of a data folder (the
    command line checks a file against TI_DATA_DIR, the demo by default)."""
    from dashboard.data.ingest.folder import concat_kind, data_files, kind_from_name
    from dashboard.data.ingest.load import load_file

    if result.kind not in TERRITORY_COLUMNS:
        return
    own: dict[str, list[LoadResult]] = {"territoires_industrie": [], "clusters": []}
    for path in data_files(folder):
        kind = kind_from_name(path)
        if kind in own:
            own[kind].append(load_file(kind, path, geography))
    ti_list = concat_kind("territoires_industrie", own["territoires_industrie"])
    resolve_territories(result, territory_names(geography, ti_list))
    resolve_clusters(result, concat_kind("clusters", own["clusters"]))
