"""Questions the screens ask of the store, answered with vectorised pandas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.analysis import metrics
from dashboard.analysis.filters import FilterState
from dashboard.data.cache import cached
from dashboard.text import formatting, labels
from dashboard.text.formatting import shorten_one

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

PER_CAPITA_UNIT = 10_000  # "pour 10 000 habitants"

OPTION_LIMIT = 120  # characters of a filter choice's label (its value stays whole)


@dataclass(frozen=True)
class MapData:
    """What the national map shows for one filter state."""

    values: pd.Series  # metric per territory code, every territory of the level (0 if none)
    laureats: pd.DataFrame  # the filtered rows
    totals: dict[str, float]


def territory_names(store: DataStore, level: str) -> pd.Series:
    """Code -> name for a level; TI names come from the loaded TI list."""
    if level == "id_ti":
        return store.tis.table["lib_ti"]
    return store.geography.names(level)


def territory_population(store: DataStore, level: str) -> pd.Series:
    if level == "id_ti":
        return store.tis.table["population"]
    if level == "commune":
        return store.geography.communes.set_index("code")["population"]
    table = {
        "epci": store.geography.epci,
        "dep": store.geography.departements,
        "reg": store.geography.regions,
    }[level]
    if "population" in table:
        return table.set_index("code")["population"]
    return store.geography.communes.groupby(level)["population"].sum()


def map_data(store: DataStore, state: FilterState) -> MapData:
    """Filtered lauréats, the chosen metric per territory, and the totals (computed once
    per state: the map, its table, its exports and the page layout all ask)."""
    return cached(store, ("map_data", state), lambda: _map_data(store, state))


def _map_data(store: DataStore, state: FilterState) -> MapData:
    laureats = store.laureats[state.mask(store.laureats)]
    names = territory_names(store, state.level)
    values = metrics.aggregate(laureats, state.level)[state.metric]
    values = values.reindex(names.index, fill_value=0).astype(float)
    if state.per_capita:
        population = territory_population(store, state.level).reindex(names.index)
        values = (values / population * PER_CAPITA_UNIT).where(population > 0, 0.0)
    return MapData(values=values, laureats=laureats, totals=metrics.totals(laureats))


Bounds = tuple[float, float, float, float]


def places(state) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The places a state selects: régions, départements, TIs (each possibly empty)."""
    return tuple(tuple(getattr(state, name, ())) for name in ("regions", "departements", "tis"))


def selected_communes(store: DataStore, state) -> pd.Index | None:
    """INSEE codes of the communes inside every place filter of ``state``; None without any."""
    regions, departements, tis = places(state)
    if not (regions or departements or tis):
        return None
    communes = store.geography.communes
    inside = pd.Series(True, index=communes.index)
    if regions:
        inside &= communes["reg"].isin(regions)
    if departements:
        inside &= communes["dep"].isin(departements)
    if tis:
        members = store.tis.members
        inside &= communes["code"].isin(members.loc[members["id_ti"].isin(tis), "insee_com"])
    return pd.Index(communes.loc[inside, "code"])


def touching_territories(store: DataStore, state, level: str) -> pd.Index | None:
    """Codes of the ``level`` territories that touch the places of ``state`` (None: all).

    A territory touches when one of its communes is inside: a TI or EPCI spanning two
    régions is listed under each."""
    key = ("touching", level, places(state))
    return cached(store, key, lambda: _touching(store, state, level))


def _touching(store: DataStore, state, level: str) -> pd.Index | None:
    communes = selected_communes(store, state)
    if communes is None:
        return None
    if level == "id_ti":
        members = store.tis.members
        return pd.Index(members.loc[members["insee_com"].isin(communes), "id_ti"].unique())
    table = store.geography.communes
    column = "code" if level == "commune" else level
    return pd.Index(table.loc[table["code"].isin(communes), column].dropna().unique())


def places_bounds(store: DataStore, state) -> Bounds | None:
    """lon/lat box of the places ``state`` selects, to fit the map to them (None: none)."""
    return cached(store, ("bounds", places(state)), lambda: _places_bounds(store, state))


def _places_bounds(store: DataStore, state) -> Bounds | None:
    communes = selected_communes(store, state)
    if communes is None:
        return None
    shapes = store.geography.communes_gdf
    chosen = shapes[shapes["code"].isin(communes)]
    if chosen.empty:
        return None
    return tuple(float(value) for value in chosen.total_bounds)


def territory_bounds(store: DataStore, kind: str, code: str) -> Bounds | None:
    """lon/lat box of one commune or EPCI (the search flies there)."""
    if kind == "commune":
        shapes = store.geography.communes_gdf
    elif kind == "epci":
        shapes = store.geography.layer("epci")
    else:
        return None
    chosen = shapes[shapes["code"] == code]
    return None if chosen.empty else tuple(float(value) for value in chosen.total_bounds)


# Levels whose table counts the clusters and networks working with each territory.
NETWORK_LEVELS = ("id_ti", "epci")


def territory_table(store: DataStore, state: FilterState, sort_by: list[dict]) -> pd.DataFrame:
    """The territories of the level touching the chosen places (all without any), with
    their value and rank (0 = no lauréat), sorted."""
    data = map_data(store, state)
    values = data.values
    touching = touching_territories(store, state, state.level)
    if touching is not None:
        values = values[values.index.isin(touching)]
    names = territory_names(store, state.level).reindex(values.index)
    table = pd.DataFrame(
        {
            "code": values.index,
            "nom": names.fillna("").to_numpy(),
            "valeur": values.to_numpy(),
        }
    )
    table["rang"] = table["valeur"].rank(ascending=False, method="min").astype(int)
    if state.level in NETWORK_LEVELS:
        counts = store.clusters.clusters_per_territory(state.level)
        table["n_clusters"] = table["code"].map(counts).fillna(0).astype(int)
    column, direction = "rang", "asc"
    if sort_by:
        column = {"valeur_texte": "valeur"}.get(sort_by[0]["column_id"], sort_by[0]["column_id"])
        direction = sort_by[0]["direction"]
    return table.sort_values(
        [column, "nom"], ascending=[direction == "asc", True], kind="stable"
    ).reset_index(drop=True)


def laureat(store: DataStore, id_laureat: str) -> dict | None:
    """One lauréat as a dict, or None when the id is unknown."""
    rows = store.laureats[store.laureats["id_laureat"].astype(str) == str(id_laureat)]
    return None if rows.empty else rows.iloc[0].to_dict()


def filter_options(store: DataStore) -> dict[str, list[dict]]:
    """Choices of each multi-select filter, labelled in French, sorted by label."""
    return cached(store, ("filter_options",), lambda: _filter_options(store))


def _filter_options(store: DataStore) -> dict[str, list[dict]]:
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


def named_filters(store: DataStore, state: FilterState) -> dict[str, tuple[str, ...]]:
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


def describe_filters(store: DataStore, state: FilterState, titled: bool = False) -> str:
    """The active filters in French, names rather than codes: « Bourgogne-Franche-Comté,
    PME » in the summary line; titled, « Région : Bourgogne-Franche-Comté · Taille
    d'entreprise : PME » in an export."""
    parts = []
    for name, value in named_filters(store, state).items():
        if name == "periode":
            text = formatting.period(*value)
        elif name == "ti_scope":
            scopes = labels.EXPORT_TI_SCOPES if titled else labels.TI_SCOPE_SHORT
            text = scopes.get(str(value), str(value))
        else:
            text = ", ".join(value)
        parts.append(f"{labels.FILTER_NAMES.get(name, name)} : {text}" if titled else text)
    return (" · " if titled else ", ").join(parts)


@dataclass(frozen=True)
class EpciDetail:
    """What a click on an EPCI (map or table) shows, under the filters on screen."""

    code: str
    name: str
    departements: list[str]
    regions: list[tuple[str, str]]  # (code, name)
    tis: list[tuple[str, str]]  # (id_ti, lib_ti) of the TIs that hold some of its communes
    totals: dict[str, float]


def epci_detail(store: DataStore, state: FilterState, code: str) -> EpciDetail | None:
    communes = store.geography.communes
    inside = communes[communes["epci"] == code]
    if inside.empty:
        return None
    geography = store.geography
    members = store.tis.members
    tis = members.loc[members["epci"] == code, ["id_ti", "lib_ti"]].drop_duplicates("id_ti")
    regions = sorted(inside["reg"].dropna().unique())
    laureats = map_data(store, state).laureats
    return EpciDetail(
        code=code,
        name=str(geography.names("epci").get(code, code)),
        departements=[
            str(geography.names("dep").get(d, d)) for d in sorted(inside["dep"].unique())
        ],
        regions=[(r, str(geography.names("reg").get(r, r))) for r in regions],
        tis=sorted(tis.itertuples(index=False, name=None), key=lambda pair: pair[1]),
        totals=metrics.totals(laureats[laureats["epci"] == code]),
    )
