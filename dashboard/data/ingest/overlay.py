"""Files published to add, update or withdraw rows of a version, applied in publication order.

A version is a list of stored files. A file published « ajouter » wins over the
earlier rows with the same identifier (an update) and adds the others; a file
published « retirer » lists identifiers whose earlier rows are dropped. Both stay
within the publisher's régions: a row elsewhere is neither updated nor withdrawn,
and the report says so. Every dropped row is counted in a note of the earlier file,
so the reports of a version explain every row.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.ingest.load import LoadResult
from dashboard.data.ingest.readers import RawTable
from dashboard.data.ingest.report import LoadReport, Rejection
from dashboard.data.ingest.scope import FilePlan, row_regions
from dashboard.data.ingest.validate import _data_rows, match_header
from dashboard.data.schemas import SCHEMAS
from dashboard.text.formatting import plural

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography


def identifier_column(kind: str) -> str | None:
    """The column naming a row of ``kind`` (``id_laureat``…), None when rows have none."""
    return next((column.name for column in SCHEMAS[kind].columns if column.unique), None)


def load_identifiers(kind: str, path: Path, tables: list[RawTable]) -> LoadResult:
    """A withdrawal file: the identifiers of its identifier column, one per line."""
    column = identifier_column(kind)
    schema = SCHEMAS[kind]
    first = tables[0]
    report = LoadReport(path.name, kind, encoding=first.encoding, separator=first.separator)
    frame = pd.DataFrame({column: pd.Series(dtype="str")}) if column else pd.DataFrame()
    match = match_header(tables, schema)
    position = match.position(column) if column else None
    if position is None:
        label = schema.column(column).label if column else kind
        report.fatal = Rejection(
            path.name,
            match.header_line,
            column,
            "",
            f"colonne « {label} » absente : un fichier de retraits liste les identifiants "
            "des lignes à retirer",
        )
        return LoadResult(kind, path, frame, report)
    data = _data_rows(match)
    values = data[position].astype(str).str.strip()
    report.rows_read = len(values)
    report.columns = {column: match.headers[position]}
    empty = values == ""
    for line in values.index[empty]:
        report.rejections.append(
            Rejection(path.name, int(line), match.headers[position], "", "identifiant vide")
        )
    kept = values[~empty]
    repeated = kept.duplicated()
    for line in kept.index[repeated]:
        report.warnings.append(
            Rejection(
                path.name, int(line), match.headers[position], kept[line], "identifiant répété"
            )
        )
    kept = kept[~repeated]
    frame = pd.DataFrame({column: kept.to_numpy()})
    report.rows_kept = len(frame)
    return LoadResult(kind, path, frame, report, lines=[int(line) for line in kept.index])


def apply_overlays(
    results: list[LoadResult], plans: Mapping[str, FilePlan], geography: Geography | None
) -> None:
    """Apply each « ajouter » and « retirer » file to the rows of the files before it."""
    for position, result in enumerate(results):
        plan = plans.get(result.path.name)
        column = identifier_column(result.kind) if result.kind in SCHEMAS else None
        if plan is None or plan.mode == "remplacer" or column is None or not result.ok:
            continue
        earlier = [other for other in results[:position] if other.kind == result.kind]
        ids = set(result.frame[column].dropna().astype(str))
        if plan.mode == "ajouter":
            _drop_earlier(
                earlier,
                column,
                ids,
                result.path.name,
                "mise(s) à jour",
                plan.only_regions,
                geography,
            )
            continue
        found = _drop_earlier(
            earlier, column, ids, result.path.name, "retirée(s)", plan.only_regions, geography
        )
        _report_withdrawals(result, column, found, plan.only_regions)
        result.frame = result.frame.iloc[:0]
        result.lines = []


def _drop_earlier(
    earlier: list[LoadResult],
    column: str,
    ids: set[str],
    by: str,
    verb: str,
    regions: tuple[str, ...] | None,
    geography: Geography | None,
) -> dict[str, str | None]:
    """Drop the earlier rows whose identifier is in ``ids`` (in ``regions`` when given);
    returns each identifier met with the région of its row (None: dropped)."""
    met: dict[str, str | None] = {}
    for other in earlier:
        if other.frame.empty:
            continue
        named = other.frame[column].astype(str).isin(ids).to_numpy()
        if not named.any():
            continue
        drop = named.copy()
        if regions and geography is not None and "code_commune" in other.frame:
            where = row_regions(other.frame, geography).to_numpy()
            outside = named & ~pd.Series(where).isin(regions).to_numpy()
            for code, region in zip(other.frame[column][outside], where[outside], strict=True):
                met[str(code)] = str(region) if pd.notna(region) else "inconnue"
            drop &= ~outside
        for code in other.frame[column][drop]:
            met[str(code)] = None
        if drop.any():
            # The file's own counts stay as read (read = kept + rejected); the note says
            # which of its rows a later publication took over.
            other.report.notes.append(f"{plural(int(drop.sum()), 'ligne')} {verb} par {by}")
            other.frame = other.frame[~drop].reset_index(drop=True)
            if len(other.lines) == len(drop):
                other.lines = [
                    line for line, gone in zip(other.lines, drop, strict=True) if not gone
                ]
    return met


def _report_withdrawals(
    result: LoadResult, column: str, met: dict[str, str | None], regions: tuple[str, ...]
) -> None:
    header = result.report.columns.get(column, column)
    lines = result.lines if len(result.lines) == len(result.frame) else [None] * len(result.frame)
    withdrawn = 0
    for line, code in zip(lines, result.frame[column].astype(str), strict=True):
        if code not in met:
            result.report.warnings.append(
                Rejection(result.path.name, line, header, code, "identifiant absent des données")
            )
        elif met[code] is not None:
            result.report.rejections.append(
                Rejection(
                    result.path.name,
                    line,
                    header,
                    code,
                    f"ligne de la région {met[code]}, hors des régions de l'éditeur "
                    f"({', '.join(regions)}) : non retirée",
                )
            )
        else:
            withdrawn += 1
    result.report.rows_kept = withdrawn
    result.report.notes.append(f"{plural(withdrawn, 'ligne retirée', 'lignes retirées')}")
    result.report.rejections.sort(key=lambda item: item.line or 0)
