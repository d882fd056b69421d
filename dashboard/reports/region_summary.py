"""What the drill-down screens show: the annex panel of a région and the sheet of a TI.

Figures are computed from the lauréat rows (never copied from the report), so a
user's own files give their own panels; only the wording the rows cannot give
(engagement label, emplois label, source line, data date) comes from the
``panels`` entry of ``metadonnees.json``. Indicators that are not lauréat rows
(TI count, projects in action plans) come from the indicators file when known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.territory.geography import OVERSEAS_REGIONS, REGION_GROUPS
from dashboard.text import formatting, labels
from dashboard.text.formatting import DESCRIPTION_LIMIT, NAME_LIMIT

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

Bounds = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
# Communes drawn on a TI sheet are simplified to about 200 m: small enough to send once.
TI_COMMUNE_TOLERANCE = 0.002
CORSE = "94"


@dataclass(frozen=True)
class Area:
    """One map frame of a panel: the région itself, or each overseas région of a group."""

    code: str
    name: str
    bounds: Bounds


@dataclass(frozen=True)
class FeaturedProject:
    """A card of the annex: NAME / taille – filière / commune – TI / text / jobs."""

    id_laureat: str
    name: str
    size_sector: str
    commune: str
    ti_label: str  # "TI Haut-Jura" or "hors Territoire d'industrie"
    description: str
    jobs: str
    id_ti: str | None

    @property
    def place(self) -> str:
        return f"{self.commune} – {self.ti_label}" if self.commune else self.ti_label


@dataclass(frozen=True)
class Kpi:
    value: float | None
    label: str
    source: str | None = None


@dataclass(frozen=True)
class RegionSummary:
    code: str
    name: str
    region_codes: tuple[str, ...]
    title: str
    n_laureats: int
    territoires_industrie: Kpi
    projets_plans_actions: Kpi | None
    investissement_meur: Kpi
    engagement_meur: Kpi
    emplois_prevus: Kpi
    featured: tuple[FeaturedProject, ...]
    tis: pd.DataFrame = field(compare=False, repr=False)  # id_ti, lib_ti, lon, lat; by name
    ti_vintage: str
    areas: tuple[Area, ...]
    legend_header: str
    data_date: str | None
    sources: tuple[str, ...]
    n_fictifs: int
    deduced: bool
    laureats: pd.DataFrame = field(compare=False, repr=False)
    version_label: str = ""  # « Données : version 7 du 02/12/2026 »
    # Clusters and networks sitting or working in the région: id_cluster, nom, type, liens_texte
    clusters: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False, repr=False)

    @property
    def kpis(self) -> tuple[tuple[str, str, Kpi], ...]:
        """The annex figures in order, as (key, value as written, figure); "projets
        remontés" only when the indicator is known."""
        n_label = labels.KPI_LAUREATS if self.n_laureats != 1 else "projet lauréat"
        figures = [
            ("territoires", self.territoires_industrie),
            ("plans-actions", self.projets_plans_actions),
            ("laureats", Kpi(self.n_laureats, n_label)),
            ("investissement", self.investissement_meur),
            ("engagement", self.engagement_meur),
            ("emplois", self.emplois_prevus),
        ]
        amounts = {"investissement", "engagement"}
        return tuple(
            (key, (formatting.annex_amount if key in amounts else formatting.count)(kpi.value), kpi)
            for key, kpi in figures
            if kpi is not None
        )

    @property
    def source_line(self) -> str | None:
        """ "Source : DGE, DTI, Bpifrance ; …", or None when no source is known."""
        return labels.SOURCE_LINE.format(sources=" ; ".join(self.sources)) if self.sources else None


class UnknownTerritory(KeyError):
    """A URL names a région or TI the loaded data does not have."""


def panel_codes(store: DataStore) -> list[str]:
    """Annex panels in the report's order, then the other régions (by name), then groups."""
    panels = store.folder.panels
    ordered = sorted(
        (key for key, meta in panels.items() if meta.get("panel_order") is not None),
        key=lambda key: panels[key]["panel_order"],
    )
    names = store.geography.names("reg").sort_values()
    grouped = {code for codes in REGION_GROUPS.values() for code in codes}
    rest = [code for code in names.index if code not in ordered and code not in grouped]
    groups = [key for key in REGION_GROUPS if key not in ordered]
    return ordered + rest + groups


def region_choices(store: DataStore) -> list[dict[str, str]]:
    """Options of the région list: every panel, then each overseas région on its own."""
    names = store.geography.names("reg")
    codes = panel_codes(store) + [code for code in OVERSEAS_REGIONS if code in names.index]
    return [{"label": region_name(store, code), "value": code} for code in codes]


def region_codes(store: DataStore, code: str) -> tuple[str, ...]:
    """The INSEE région codes behind a panel code; raises UnknownTerritory."""
    if code in REGION_GROUPS:
        return tuple(REGION_GROUPS[code])
    if code in store.geography.names("reg").index:
        return (code,)
    raise UnknownTerritory(code)


def region_name(store: DataStore, code: str) -> str:
    meta = store.folder.panels.get(code, {})
    if code in REGION_GROUPS:
        return str(meta.get("panel", labels.OVERSEAS_NAME))
    return str(store.geography.names("reg").get(code, code))


def region_summary(store: DataStore, code: str) -> RegionSummary:
    """The annex panel of ``code`` (INSEE région code or a group such as "outre-mer")."""
    codes = region_codes(store, code)
    name = region_name(store, code)
    rows = store.laureats[store.laureats["reg"].isin(codes).to_numpy()]
    n = len(rows)
    # The report's wording, date and figures describe the report's data only.
    as_report = as_in_report(store, code, rows)
    meta = store.folder.panels.get(code, {}) if as_report else {}
    plans = _indicator(store, code, codes, "projets_plans_actions") if as_report else None
    tis = store.tis.touching("reg", codes).sort_values("lib_ti")
    ti_indicator = _indicator(store, code, codes, "territoires_industrie") if as_report else None
    ti_count = ti_indicator[0] if ti_indicator else float(len(tis))
    sources = _sources(store, meta, plans)
    return RegionSummary(
        code=code,
        name=name,
        region_codes=codes,
        title=_title(meta, code, name, n),
        n_laureats=n,
        territoires_industrie=Kpi(
            ti_count,
            labels.KPI_TI_SINGULAR if ti_count == 1 else labels.KPI_TI,
            _ti_count_source(store, ti_indicator, len(tis)),
        ),
        projets_plans_actions=Kpi(plans[0], labels.KPI_PLANS_ACTIONS, plans[1]) if plans else None,
        investissement_meur=Kpi(_meur(rows, "investissement"), labels.KPI_INVESTMENT),
        engagement_meur=Kpi(_meur(rows, "montant_aide"), _engagement_label(meta, code, rows)),
        emplois_prevus=Kpi(
            float(rows["emplois_prevus"].sum()),
            str(meta.get("emplois_label_exact", labels.KPI_JOBS)),
        ),
        featured=featured_projects(rows, meta.get("featured_ids", [])),
        tis=_ti_labels(store, tis),
        ti_vintage=store.tis.vintage,
        areas=_areas(store, codes),
        legend_header=str(meta.get("legend_header_exact", labels.LEGEND_HEADER)),
        data_date=meta.get("data_date") if as_report else store.data_date,
        sources=sources,
        n_fictifs=int(rows["fictif"].sum()) if "fictif" in rows else 0,
        deduced=bool(meta.get("deduit", False)),
        version_label=store.version_label,
        laureats=rows,
        clusters=region_clusters(store, codes),
    )


def as_in_report(store: DataStore, code: str, rows: pd.DataFrame) -> bool:
    """The région shows the data its panel metadata describe: as many lauréats as the panel
    counted, none from a publication. Else its labels, date and report figures would
    present someone's new data as the 2021 report's."""
    meta = store.folder.panels.get(code)
    if not meta:
        return False
    expected = meta.get("n_laureats")
    if expected is not None and int(expected) != len(rows):
        return False
    published = store.version.files if store.version is not None else ()
    names = {stored.name for stored in published if stored.origin == "publication"}
    ids: set[str] = set()
    for result in store.folder.results_of("laureats"):
        if result.path.name in names and "id_laureat" in result.frame:
            ids |= set(result.frame["id_laureat"].astype(str))
    return not rows["id_laureat"].astype(str).isin(ids).any()


def region_clusters(store: DataStore, codes: tuple[str, ...]) -> pd.DataFrame:
    """Clusters and networks sitting or working in the régions ``codes``, by name."""
    network = store.clusters
    ids = network.region_clusters.loc[network.region_clusters["reg"].isin(codes), "id_cluster"]
    found = network.clusters[network.clusters["id_cluster"].isin(set(ids))]
    columns = ["id_cluster", "nom", "type", "liens_texte"]
    return found[columns].sort_values("nom").reset_index(drop=True)


def _ti_count_source(
    store: DataStore, indicator: tuple[float, str | None] | None, in_list: int
) -> str:
    """Where the TI count comes from; a published count (the annex's, phase 1) is shown
    with the loaded list's own, so the two vintages are never confused."""
    listed = labels.KPI_TI_IN_LIST.format(n=formatting.count(in_list), vintage=store.tis.vintage)
    if indicator is None:
        return labels.KPI_TI_FROM_LIST.format(vintage=store.tis.vintage)
    return f"{indicator[1]} · {listed}" if indicator[1] else listed


def ti_list_names(tis: pd.DataFrame, short: bool = False) -> list[str]:
    """A région's TIs by name; one that crosses into another région says how much of it
    lies here (« Vaucluse (17 % de ses communes dans la région) », or « (17 % des
    communes) » where room is short, as on the PDF sheet)."""
    wording = labels.TI_PARTLY_IN_REGION_SHORT if short else labels.TI_PARTLY_IN_REGION
    return [
        name
        if part >= 1
        else wording.format(name=name, share=f"{formatting.number(max(part * 100, 1))}\u202f%")
        for name, part in zip(tis["lib_ti"], tis["part"], strict=True)
    ]


def _ti_labels(store: DataStore, tis: pd.DataFrame) -> pd.DataFrame:
    """Each TI with where its name is written: above its northernmost commune centre, so the
    name does not sit on the TI's own pins."""
    members = store.tis.members[store.tis.members["id_ti"].isin(tis.index)]
    centres = store.geography.commune_rows(members["insee_com"])[["lon", "lat"]]
    grouped = centres.groupby(members["id_ti"].to_numpy())
    position = pd.DataFrame({"lon": grouped["lon"].mean(), "lat": grouped["lat"].max() + 0.04})
    frame = tis[["lib_ti", "part"]].join(position)
    frame.index.name = "id_ti"
    return frame.reset_index()


def _title(meta: dict, code: str, name: str, n: int) -> str:
    """ "87 projets lauréats en Bourgogne-Franche-Comté": the wording from the panel metadata
    with the count from the rows."""
    exact = meta.get("laureats_label_exact")
    if exact:
        words = re.sub(r"^[\d\s\u00a0\u202f]+", "", str(exact))
    elif code in REGION_GROUPS:
        words = labels.OVERSEAS_TITLE
    else:
        preposition = labels.REGION_PREPOSITIONS.get(code, "en")
        words = labels.REGION_TITLE.format(preposition=preposition, name=name)
    if n < 2:
        words = words.replace("projets lauréats", "projet lauréat", 1)
    return f"{formatting.count(n)} {words}"


def _jobs_label(meta: dict) -> str:
    return str(meta.get("emplois_label_exact", labels.KPI_JOBS))


def _meur(rows: pd.DataFrame, column: str) -> float:
    return float(rows[column].sum()) / 1e6


def _engagement_label(meta: dict, code: str, rows: pd.DataFrame) -> str:
    """The annex label; without metadata, the State alone in Corse and overseas (as in the
    annex), State and Région elsewhere, with the decision years."""
    if meta.get("engagement_label"):
        return str(meta["engagement_label"])
    state_only = code in REGION_GROUPS or code == CORSE
    label = labels.KPI_ENGAGEMENT_STATE if state_only else labels.KPI_ENGAGEMENT_STATE_REGION
    dates = pd.to_datetime(rows.get("date_decision"), errors="coerce").dropna()
    if dates.empty:
        return label
    first, last = dates.min().year, dates.max().year
    return f"{label} ({first}-{last})" if first != last else f"{label} ({first})"


def _indicator(
    store, code: str, codes: tuple[str, ...], name: str
) -> tuple[float, str | None] | None:
    """Latest value and source of a région indicator; a group sums its régions when all
    of them have it."""
    table = store.indicators
    if table.empty:
        return None
    rows = table[(table["indicateur"] == name) & (table["niveau"] == "region")]
    rows = rows.sort_values("annee").drop_duplicates("code_territoire", keep="last")
    rows = rows.set_index("code_territoire")
    if code in rows.index:
        return float(rows.at[code, "valeur"]), _text(rows.at[code, "source"])
    if len(codes) > 1 and set(codes) <= set(rows.index):
        part = rows.loc[list(codes)]
        return float(part["valeur"].sum()), "; ".join(dict.fromkeys(part["source"].dropna()))
    return None


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _sources(
    store: DataStore, meta: dict, plans: tuple[float, str | None] | None
) -> tuple[str, ...]:
    """The annex source line when the panel has one, then the sources of the loaded files."""
    found = []
    if meta.get("source_line_exact"):
        found.append(re.sub(r"^Source\s*:\s*", "", str(meta["source_line_exact"])))
    found += [
        str(result.metadata["source"])
        for result in store.folder.results_of("laureats")
        if result.metadata.get("source")
    ]
    if plans and plans[1] and not any(plans[1] in text for text in found):
        found.append(plans[1])
    return tuple(dict.fromkeys(found))


def featured_projects(rows: pd.DataFrame, order: list[str]) -> tuple[FeaturedProject, ...]:
    """Cards of the rows flagged ``mis_en_avant``, in the panel's order when it gives one."""
    if "mis_en_avant" not in rows:
        return ()
    cards = rows[rows["mis_en_avant"].fillna(False).astype(bool).to_numpy()].copy()
    rank = {id_: i for i, id_ in enumerate(order)}
    cards["_rank"] = cards["id_laureat"].map(rank).fillna(len(rank))
    cards = cards.sort_values(["_rank", "beneficiaire"], kind="stable")
    size = cards["taille_entreprise"].fillna("")
    # The annex card names the activity ("Lunetterie"), else the filière stands in.
    activity = cards["activite"] if "activite" in cards else pd.Series(None, index=cards.index)
    sector = activity.fillna(cards["filiere"]).fillna("")
    size_sector = (size + " – " + sector).str.strip(" –")
    ti = (labels.TI_PREFIX + cards["lib_ti"]).fillna(labels.OUTSIDE_TI)
    return tuple(
        FeaturedProject(*values)
        for values in zip(
            cards["id_laureat"].astype(str),
            formatting.shorten(cards["beneficiaire"].fillna(""), NAME_LIMIT).str.upper(),
            size_sector,
            cards["commune"].fillna(""),
            ti,
            formatting.shorten(cards["description"].fillna(""), DESCRIPTION_LIMIT),
            cards["emplois_texte"].fillna(""),
            cards["id_ti"].astype(object).where(cards["id_ti"].notna(), None),
            strict=True,
        )
    )


def _areas(store: DataStore, codes: tuple[str, ...]) -> tuple[Area, ...]:
    """One map frame for a région; one per overseas région of a group (insets)."""
    communes = store.geography.communes_gdf
    names = store.geography.names("reg")
    parts = [codes] if len(codes) == 1 else [(code,) for code in codes]
    areas = []
    for part in parts:
        shapes = communes[communes["reg"].isin(part).to_numpy()]
        if shapes.empty:
            continue
        bounds = tuple(float(v) for v in shapes.total_bounds)
        areas.append(Area(part[0], str(names.get(part[0], part[0])), bounds))
    return tuple(areas)


# --- TI sheet -------------------------------------------------------------------------


@dataclass(frozen=True)
class TiSummary:
    id_ti: str
    name: str
    vintage: str
    region: str | None  # main région's panel code ("27", "outre-mer")
    region_name: str | None
    n_communes: int
    population: float
    epci: pd.DataFrame = field(compare=False, repr=False)  # code, nom, n_communes, partiel
    laureats: pd.DataFrame = field(compare=False, repr=False)
    by_programme: pd.DataFrame = field(compare=False, repr=False)
    by_enjeu: pd.DataFrame = field(compare=False, repr=False)
    n_tis: int = 0
    clusters: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False, repr=False)
    communes: gpd.GeoDataFrame | None = field(default=None, compare=False, repr=False)
    bounds: Bounds = (0.0, 0.0, 0.0, 0.0)
    # (panel code, région name, share of the TI's communes), largest first: one entry
    # per région the TI touches.
    regions: tuple[tuple[str, str, float], ...] = ()


def ti_choices(store: DataStore) -> list[dict[str, str]]:
    table = store.tis.table.sort_values("lib_ti")
    return [{"label": name, "value": id_} for id_, name in table["lib_ti"].items()]


def ti_summary(store: DataStore, id_ti: str) -> TiSummary:
    """The sheet of one TI: its EPCI and communes, lauréats, funding against the
    national average per TI, and the clusters linked to it; raises UnknownTerritory."""
    table = store.tis.table
    if id_ti not in table.index:
        raise UnknownTerritory(id_ti)
    info = table.loc[id_ti]
    members = store.tis.members[store.tis.members["id_ti"] == id_ti]
    rows = store.laureats[(store.laureats["id_ti"] == id_ti).to_numpy()]
    in_ti = store.laureats[store.laureats["dans_ti"].to_numpy(dtype=bool)]
    n_tis = len(table)
    communes = _ti_communes(store, members)
    region = _panel_of(str(info["reg"]))
    return TiSummary(
        id_ti=id_ti,
        name=str(info["lib_ti"]),
        vintage=store.tis.vintage,
        region=region,
        region_name=region_name(store, region) if region else None,
        n_communes=int(info["n_communes"]),
        population=float(info["population"]) if pd.notna(info["population"]) else float("nan"),
        epci=_ti_epci(store, members),
        laureats=rows,
        by_programme=compare_funding(rows, in_ti, "programme", n_tis),
        by_enjeu=compare_funding(_explode_enjeux(rows), _explode_enjeux(in_ti), "enjeux", n_tis),
        n_tis=n_tis,
        clusters=ti_clusters(store, id_ti),
        communes=communes,
        bounds=tuple(float(v) for v in communes.total_bounds)
        if not communes.empty
        else (-5.2, 41.3, 9.6, 51.1),
        regions=_ti_regions(store, members),
    )


def _ti_regions(store: DataStore, members: pd.DataFrame) -> tuple[tuple[str, str, float], ...]:
    shares = members.drop_duplicates("insee_com")["reg"].dropna().value_counts(normalize=True)
    panels = [(_panel_of(str(reg)) or str(reg), float(share)) for reg, share in shares.items()]
    return tuple((panel, region_name(store, panel), share) for panel, share in panels)


def _panel_of(reg: str) -> str | None:
    if reg in ("", "nan", "None"):
        return None
    return next((key for key, codes in REGION_GROUPS.items() if reg in codes), reg)


def _ti_epci(store: DataStore, members: pd.DataFrame) -> pd.DataFrame:
    """EPCI of the TI with their commune count; "partiel" when only part of it is in the TI."""
    counts = members.groupby("epci").size().rename("n_communes")
    totals = store.geography.communes.groupby("epci").size().reindex(counts.index)
    frame = counts.reset_index().rename(columns={"epci": "code"})
    frame["nom"] = store.geography.names("epci").reindex(frame["code"]).fillna("").to_numpy()
    frame["partiel"] = (counts.to_numpy() < totals.to_numpy()).tolist()
    return frame.sort_values("nom").reset_index(drop=True)


def ti_communes_geojson(store: DataStore, id_ti: str, clockwise: bool = False) -> str | None:
    """GeoJSON text of a TI's communes (10 m grid), for the static route; None if unknown.
    ``clockwise`` exterior rings for d3's SVG maps (see geodata.web)."""
    members = store.tis.members[store.tis.members["id_ti"] == id_ti]
    if members.empty:
        return None
    communes = _ti_communes(store, members)
    shapes = shapely.set_precision(communes.geometry.to_numpy(), 1e-4)
    if clockwise:
        shapes = shapely.orient_polygons(shapes, exterior_cw=True)
    light = communes.set_geometry(shapes)
    return light[["code", "nom", "geometry"]].to_json(drop_id=True)


def _ti_communes(store: DataStore, members: pd.DataFrame) -> gpd.GeoDataFrame:
    """The TI's commune polygons, simplified as a coverage so borders stay shared."""
    gdf = store.geography.communes_gdf
    shapes = gdf[gdf["code"].isin(members["insee_com"]).to_numpy()][
        ["code", "nom", "epci", "geometry"]
    ]
    if shapes.empty:
        return shapes.reset_index(drop=True)
    simplified = shapely.coverage_simplify(shapes.geometry.to_numpy(), TI_COMMUNE_TOLERANCE)
    return shapes.set_geometry(shapely.make_valid(simplified)).reset_index(drop=True)


def _explode_enjeux(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (lauréat, enjeu): a project with three enjeux counts in each."""
    if "enjeux" not in rows:
        return rows.assign(enjeux=pd.Series(dtype=object))
    split = rows["enjeux"].fillna("").str.split(r"\s*[;|]\s*", regex=True)
    exploded = rows.assign(enjeux=split).explode("enjeux")
    return exploded[exploded["enjeux"].fillna("").str.len() > 0]


def compare_funding(
    rows: pd.DataFrame, national: pd.DataFrame, column: str, n_tis: int
) -> pd.DataFrame:
    """Per value of ``column``: this TI's lauréats and aid, and the aid of all TI lauréats
    divided by the number of TIs (the national average per TI, zeros included)."""
    here = rows.groupby(column).agg(n_laureats=("id_laureat", "size"), aide=("montant_aide", "sum"))
    average = national.groupby(column)["montant_aide"].sum() / max(n_tis, 1)
    frame = pd.concat([here, average.rename("aide_moyenne")], axis=1).fillna(0.0)
    frame["n_laureats"] = frame["n_laureats"].astype(int)
    frame.index.name = "libelle"
    return frame.sort_values(["aide", "aide_moyenne"], ascending=False).reset_index()


def ti_clusters(store: DataStore, id_ti: str) -> pd.DataFrame:
    """Clusters and networks working with the TI (see ClusterNetwork.ti_clusters), with how."""
    network = store.clusters
    columns = ["id_cluster", "nom", "type", "filieres", "liens_texte", "lon", "lat", "relation"]
    ids = network.ti_clusters.loc[network.ti_clusters["id_ti"] == id_ti, "id_cluster"]
    found = network.clusters[network.clusters["id_cluster"].isin(ids)].copy()
    ties = network.ties[network.ties["id_cluster"].isin(ids)]
    to_ti = ties[ties["territoire"] == f"ti:{id_ti}"]
    direct = set(to_ti["id_cluster"])
    collaborating = set(to_ti.loc[to_ti["relation"] == "collaboration", "id_cluster"])
    found["relation"] = [
        labels.TI_CLUSTER_COLLABORATION
        if code in direct and code in collaborating
        else labels.TI_CLUSTER_DIRECT
        if code in direct
        else labels.TI_CLUSTER_NEARBY
        for code in found["id_cluster"]
    ]
    return found[columns].sort_values("nom").reset_index(drop=True)


def fit_view(bounds: Bounds, width: float, height: float, padding: float = 0.08) -> dict:
    """Centre and zoom of a MapLibre view showing ``bounds`` in a ``width``×``height`` px frame.

    plotly's ``layout.map`` has no fit-to-bounds, and ``bounds`` there would forbid panning
    out; so compute the Web Mercator zoom (512 px tiles) the way MapLibre's fitBounds does.
    """
    lon_min, lat_min, lon_max, lat_max = bounds

    def mercator_y(lat: float) -> float:
        return float(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))

    span_x = max(lon_max - lon_min, 1e-3) / 360 * 2 * np.pi
    span_y = max(mercator_y(lat_max) - mercator_y(lat_min), 1e-3)
    usable = 1 - 2 * padding
    zoom = min(
        np.log2(width * usable * 2 * np.pi / (512 * span_x)),
        np.log2(height * usable * 2 * np.pi / (512 * span_y)),
    )
    centre_y = (mercator_y(lat_max) + mercator_y(lat_min)) / 2
    centre_lat = float(np.degrees(2 * np.arctan(np.exp(centre_y)) - np.pi / 2))
    return {
        "center": {"lat": round(centre_lat, 4), "lon": round((lon_min + lon_max) / 2, 4)},
        "zoom": round(float(min(zoom, 12.0)), 2),
    }
