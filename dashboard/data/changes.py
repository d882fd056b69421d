"""What a publication or a roll-back changes: rows added, updated (and which fields), unchanged
and removed, matched by identifier, nationally and per région."""

from __future__ import annotations

import pandas as pd

from dashboard.data.ingest.overlay import identifier_column
from dashboard.data.ingest.scope import SCOPED_KINDS, row_regions
from dashboard.data.schemas import SCHEMAS

CHANGE_KEYS = ("ajoutees", "mises_a_jour", "inchangees", "retirees")
EXAMPLES = 20  # rows of each kind of change listed in a review


def changed_rows(kind: str, before: pd.DataFrame | None, after: pd.DataFrame) -> pd.DataFrame:
    """One row per identifier in either frame: its status, name, région code (when the kind
    has places) and the fields that changed; empty when rows have no identifier."""
    column = identifier_column(kind)
    before = before if before is not None else SCHEMAS[kind].empty_frame()
    if column is None:
        return pd.DataFrame(columns=[column or "id", "statut", "nom", "champs", "code_commune"])
    old = before.drop_duplicates(column).set_index(column)
    new = after.drop_duplicates(column).set_index(column)
    added = new.index.difference(old.index)
    removed = old.index.difference(new.index)
    common = new.index.intersection(old.index)
    fields = [c for c in SCHEMAS[kind].names if c != column and c in old and c in new]
    differs = pd.DataFrame(
        {field: ~_same(old.loc[common, field], new.loc[common, field]) for field in fields},
        index=common,
    )
    updated = differs.index[differs.any(axis=1)] if len(differs.columns) else common[:0]
    label = "beneficiaire" if "beneficiaire" in SCHEMAS[kind].names else "nom"
    parts = []
    for status, codes, source in (
        ("ajoutees", added, new),
        ("mises_a_jour", updated, new),
        ("inchangees", common.difference(updated), new),
        ("retirees", removed, old),
    ):
        rows = source.loc[codes]
        parts.append(
            pd.DataFrame(
                {
                    column: codes,
                    "statut": status,
                    "nom": rows[label].to_numpy() if label in rows else "",
                    "champs": [
                        ", ".join(differs.columns[differs.loc[code]])
                        if status == "mises_a_jour"
                        else ""
                        for code in codes
                    ],
                    "code_commune": rows["code_commune"].to_numpy()
                    if "code_commune" in rows
                    else None,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def changes(kind: str, before: pd.DataFrame | None, after: pd.DataFrame, store) -> dict:
    """Rows added, updated (with the fields that change), unchanged and removed, nationally
    and per région, and the first ones of each, for a review."""
    before = before if before is not None else SCHEMAS[kind].empty_frame()
    result: dict = {"rows": {"avant": len(before), "apres": len(after)}}
    column = identifier_column(kind)
    if column is None:
        return result
    rows = changed_rows(kind, before, after)
    result["changes"] = {key: int((rows["statut"] == key).sum()) for key in CHANGE_KEYS}
    if kind in SCOPED_KINDS and store.geography is not None and len(rows):
        regions = row_regions(rows, store.geography).to_numpy()
        table = pd.DataFrame({"statut": rows["statut"].to_numpy(), "reg": regions})
        moved = table[table["statut"] != "inchangees"]["reg"].unique()
        per_region = table.groupby(["reg", "statut"]).size().unstack(fill_value=0)
        names = store.geography.names("reg")
        result["par_region"] = [
            {"region": names.get(code, code)}
            | {
                key: int(per_region.at[code, key]) if key in per_region else 0
                for key in CHANGE_KEYS
            }
            for code in per_region.index
            if code in moved
        ]
    result["exemples"] = {
        key: [
            f"{code} — {name} : {fields}" if fields else (f"{code} — {name}" if name else str(code))
            for code, name, fields in rows.loc[rows["statut"] == key, [column, "nom", "champs"]]
            .head(EXAMPLES)
            .fillna("")
            .itertuples(index=False)
        ]
        for key in ("ajoutees", "mises_a_jour", "retirees")
    }
    return result


def _same(left: pd.Series, right: pd.Series) -> pd.Series:
    """Equal values, two blanks equal too (a cell left empty is not a change)."""
    both_blank = left.isna() & right.isna()
    return both_blank | (left.astype("string") == right.astype("string")).fillna(False)


def version_changes(before, after) -> dict[str, dict]:
    """Per nature, what going from store ``before`` to store ``after`` changes."""
    return {
        kind: changes(kind, before.folder.frames.get(kind), after.folder.frames.get(kind), after)
        for kind in SCHEMAS
        if len(before.folder.frames.get(kind, ())) or len(after.folder.frames.get(kind, ()))
    }


def version_diff(before, after) -> pd.DataFrame:
    """Every row that differs between two stores, by nature (for a CSV download)."""
    parts = []
    for kind in SCHEMAS:
        column = identifier_column(kind)
        if column is None:
            continue
        rows = changed_rows(kind, before.folder.frames.get(kind), after.folder.frames.get(kind))
        rows = rows[rows["statut"] != "inchangees"].rename(columns={column: "identifiant"})
        parts.append(rows.assign(nature=kind)[["nature", "identifiant", "statut", "nom", "champs"]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
