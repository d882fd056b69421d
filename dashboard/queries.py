"""Questions the screens ask of the store, answered with vectorised pandas."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import metrics
from dashboard.cache import cached
from dashboard.filters import FilterState
from dashboard.formatting import shorten_one

PER_CAPITA_UNIT = 10_000  # "pour 10 000 habitants"

OPTION_LIMIT = 120  # characters of a filter choice's label (its value stays whole)


@dataclass(frozen=True)
class MapData:
    """What the national map shows for one filter state."""

    values: pd.Series  # metric per territory code, every territory of the level (0 if none)
    laureats: pd.DataFrame  # the filtered rows
    totals: dict[str, float]


def territory_names(store, level: str) -> pd.Series:
    """Code -> name for a level; TI names come from the loaded TI list."""
    if level == "id_ti":
        return store.tis.table["lib_ti"]
    return store.geography.names(level)


def territory_population(store, level: str) -> pd.Series:
    if level == "id_ti":
        return store.tis.table["population"]
    table = {
        "epci": store.geography.epci,
        "dep": store.geography.departements,
        "reg": store.geography.regions,
    }[level]
    if "population" in table:
        return table.set_index("code")["population"]
    return store.geography.communes.groupby(level)["population"].sum()


def map_data(store, state: FilterState) -> MapData:
    """Filtered lauréats, the chosen metric per territory, and the totals (computed once
    per state: the map, its table, its exports and the page layout all ask)."""
    return cached(store, ("map_data", state), lambda: _map_data(store, state))


def _map_data(store, state: FilterState) -> MapData:
    laureats = store.laureats[state.mask(store.laureats)]
    names = territory_names(store, state.level)
    values = metrics.aggregate(laureats, state.level)[state.metric]
    values = values.reindex(names.index, fill_value=0).astype(float)
    if state.per_capita:
        population = territory_population(store, state.level).reindex(names.index)
        values = (values / population * PER_CAPITA_UNIT).where(population > 0, 0.0)
    return MapData(values=values, laureats=laureats, totals=metrics.totals(laureats))


def territory_table(store, state: FilterState, sort_by: list[dict]) -> pd.DataFrame:
    """Every territory of the level with its value and rank (0 = no lauréat), sorted."""
    data = map_data(store, state)
    names = territory_names(store, state.level).reindex(data.values.index)
    table = pd.DataFrame(
        {
            "code": data.values.index,
            "nom": names.fillna("").to_numpy(),
            "valeur": data.values.to_numpy(),
        }
    )
    table["rang"] = table["valeur"].rank(ascending=False, method="min").astype(int)
    column, direction = "rang", "asc"
    if sort_by:
        column = {"valeur_texte": "valeur"}.get(sort_by[0]["column_id"], sort_by[0]["column_id"])
        direction = sort_by[0]["direction"]
    return table.sort_values(
        [column, "nom"], ascending=[direction == "asc", True], kind="stable"
    ).reset_index(drop=True)


def laureat(store, id_laureat: str) -> dict | None:
    """One lauréat as a dict, or None when the id is unknown."""
    rows = store.laureats[store.laureats["id_laureat"].astype(str) == str(id_laureat)]
    return None if rows.empty else rows.iloc[0].to_dict()


def filter_options(store) -> dict[str, list[dict]]:
    """Choices of each multi-select filter, labelled in French, sorted by label."""
    return cached(store, ("filter_options",), lambda: _filter_options(store))


def _filter_options(store) -> dict[str, list[dict]]:
    laureats = store.laureats

    def from_column(column: str) -> list[dict]:
        if column not in laureats:
            return []
        values = laureats[column].dropna().astype(str)
        if column == "enjeux":
            values = values.str.split(r"\s*[;|]\s*", regex=True).explode()
        return [
            {"label": shorten_one(v, OPTION_LIMIT), "value": v} for v in sorted(set(values) - {""})
        ]

    def named(names: pd.Series, codes) -> list[dict]:
        present = names.reindex(sorted(set(codes))).dropna()
        return [
            {"label": f"{name} ({code})", "value": code}
            for code, name in sorted(present.items(), key=lambda item: item[1])
        ]

    return {
        "regions": named(store.geography.names("reg"), store.geography.regions["code"]),
        "departements": named(store.geography.names("dep"), store.geography.departements["code"]),
        "tis": named(store.tis.table["lib_ti"], store.tis.table.index),
        "programmes": from_column("programme"),
        "filieres": from_column("filiere"),
        "enjeux": from_column("enjeux"),
        "tailles": from_column("taille_entreprise"),
    }


def named_filters(store, state: FilterState) -> dict[str, tuple[str, ...]]:
    """Active filters with territory names instead of codes (for summaries and exports)."""
    lookups = {
        "regions": store.geography.names("reg"),
        "departements": store.geography.names("dep"),
        "tis": store.tis.table["lib_ti"],
    }
    named = {}
    for name, value in state.active_filters().items():
        lookup = lookups.get(name)
        named[name] = tuple(str(lookup.get(v, v)) for v in value) if lookup is not None else value
    return named
