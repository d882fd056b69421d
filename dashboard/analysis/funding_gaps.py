"""Territories that received nothing, or little for their population or industrial weight.

The rule is meant to be read and argued with, so every input of a verdict is a
column of the result:

- *non financé*: no lauréat in the period;
- *sous-financé*: funded, but aid per inhabitant (or per industrial job) below a
  threshold; by default the lowest quintile of the **funded** territories of the
  same kind, nationally (counting the unfunded ones would put the quintile at 0 €
  wherever most territories got nothing, and the class would vanish);
- *non évaluable*: funded, but the ratio is unknown (no industrial employment
  loaded for it, or no lauréat with a known aid amount): not ranked rather than
  guessed;
- *financé*: the rest.

A région filter narrows the list, never the threshold, so a regional team sees its
territories against the national benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.analysis import metrics, url_state
from dashboard.analysis.filters import FilterState
from dashboard.analysis.url_state import Param, UrlCodec
from dashboard.data.cache import cached
from dashboard.data.ingest import aggregate_indicator
from dashboard.territory.clusters import nearest_clusters
from dashboard.text import formatting, labels

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

GAP_LEVELS = ("id_ti", "epci")
BASES = ("habitant", "emploi_industriel")
VERDICTS = ("non_finance", "sous_finance", "non_evaluable", "finance")
DEFAULT_QUANTILE = 0.2
INDUSTRIAL_JOBS = "effectif_salarie_industrie"
INDUSTRIAL_SHARE = "part_emploi_industriel"
LAYERS = ("ti", "pins", "clusters")
DEFAULT_LAYERS = ("ti",)
LEVEL_PARAMS = {"ti": "id_ti", "epci": "epci"}
# What the list holds: the unfunded and under-funded territories, or those no cluster or
# network works with (any funding).
CRITERIA = ("financement", "sans_reseau")
CRITERION_PARAMS = {"financement": "financement", "sans-reseau": "sans_reseau"}


@dataclass(frozen=True)
class GapState:
    """What the "Territoires sans financement" screen shows: parsed from and written to its URL."""

    level: str = "id_ti"
    basis: str = "habitant"
    threshold: float | None = None  # € per inhabitant or per industrial job; None: quintile
    date_from: str | None = None
    date_to: str | None = None
    regions: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    criterion: str = "financement"
    layers: tuple[str, ...] = field(default=DEFAULT_LAYERS, compare=False)
    # "param=valeur" pairs of the URL that could not be read (shown as a note, never used).
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query: object) -> GapState:
        """``?niveau=epci&base=emploi_industriel&seuil=12,5&du=2021-01-01&region=27``."""
        return GAP_CODEC.decode(query)

    def to_query(self) -> str:
        return GAP_CODEC.encode(self)

    def rows(self) -> FilterState:
        """The lauréats counted: period and programme only (a région narrows the list)."""
        return FilterState(
            date_from=self.date_from, date_to=self.date_to, programmes=self.programmes
        )

    @classmethod
    def from_filters(cls, filters: FilterState) -> GapState:
        """The same level (TI or EPCI), period, régions and programmes as the national map."""
        level = filters.level if filters.level in GAP_LEVELS else cls.level
        return cls(
            level=level,
            date_from=filters.date_from,
            date_to=filters.date_to,
            regions=filters.regions,
            programmes=filters.programmes,
        )

    def to_filters(self) -> FilterState:
        """The national map showing the same lauréats' aid, at the same level."""
        return self.rows().with_(level=self.level, metric="montant_aide", regions=self.regions)


def parse_threshold(text: str | None) -> float | None:
    """ "12,5" or "12.5" -> 12.5; empty, negative or unreadable -> None (the default rule)."""
    try:
        value = float((text or "").replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        return None
    return value if np.isfinite(value) and value >= 0 else None


GAP_CODEC = UrlCodec(
    GapState,
    (
        Param("niveau", "level", url_state.choice(LEVEL_PARAMS), url_state.inverse(LEVEL_PARAMS)),
        Param("base", "basis", url_state.choice({b: b for b in BASES})),
        Param("seuil", "threshold", parse_threshold, lambda value: f"{value:g}"),
        Param("du", "date_from", url_state.iso_date),
        Param("au", "date_to", url_state.iso_date),
        Param("region", "regions", url_state.code_list, url_state.write_list, noted=False),
        Param("programme", "programmes", url_state.code_list, url_state.write_list, noted=False),
        Param(
            "critere",
            "criterion",
            url_state.choice(CRITERION_PARAMS),
            url_state.inverse(CRITERION_PARAMS),
        ),
        Param("couches", "layers", url_state.members_of(LAYERS), url_state.write_list, noted=False),
    ),
)


@dataclass(frozen=True)
class GapResult:
    """Every territory of the level with the numbers behind its verdict."""

    table: pd.DataFrame  # one row per territory, in rank order (see ``rank_territories``)
    threshold: float | None  # the threshold applied (None when nothing could be evaluated)
    threshold_is_default: bool
    n_reference: int  # funded territories the default quintile was taken from
    basis: str
    industrial_jobs_loaded: bool
    indicator_year: int | None
    indicator_source: str | None
    criterion: str = "financement"
    # Départements with industrial employment loaded, and how many there are.
    jobs_departements: tuple[int, int] = (0, 0)

    def listed(self, regions: tuple[str, ...] = ()) -> pd.DataFrame:
        """The unfunded and under-funded territories (or, by the network criterion, those no
        cluster or network works with), of ``regions`` when given; ``rang`` is the
        national rank, ``rang_liste`` the rank in this list."""
        if self.criterion == "sans_reseau":
            table = self.table[self.table["n_clusters"] == 0]
        else:
            table = self.table[self.table["verdict"].isin(VERDICTS[:2])]
        table = table[in_regions(table, regions)] if regions else table
        return table.assign(rang_liste=np.arange(1, len(table) + 1)).reset_index(drop=True)

    def shown(self, regions: tuple[str, ...] = ()) -> pd.DataFrame:
        """Every territory of ``regions`` (all when empty), in rank order."""
        return self.table[in_regions(self.table, regions)] if regions else self.table

    def counts(self, regions: tuple[str, ...] = ()) -> dict[str, int]:
        table = self.shown(regions)
        return {
            v: int(n)
            for v, n in table["verdict"].value_counts().reindex(VERDICTS, fill_value=0).items()
        }


def in_regions(table: pd.DataFrame, regions: tuple[str, ...]) -> np.ndarray:
    """A territory is in a région when any of its communes is (a TI may span two)."""
    wanted = set(regions)
    return table["regions"].map(lambda codes: bool(wanted.intersection(codes))).to_numpy(bool)


def classify_funding(
    territories: pd.DataFrame, basis: str, threshold: float | None
) -> tuple[pd.DataFrame, float | None, int]:
    """Verdict of each territory from its ``n_laureats``, ``aide`` and denominator.

    ``territories`` has ``population`` and, for the industrial basis,
    ``emplois_industriels``. Returns the frame with ``aide_par_habitant``,
    ``aide_par_emploi_industriel``, ``ratio`` (the one compared), ``verdict``;
    the threshold applied; and how many funded territories the default came from.
    """
    frame = territories.copy()
    population = frame["population"].astype(float)
    jobs = frame.get("emplois_industriels", pd.Series(np.nan, index=frame.index)).astype(float)
    # Lauréats whose aid is not given do not make a territory look poorly funded.
    known = frame.get("n_aide_connue", frame["n_laureats"])
    aid = frame["aide"].where((known > 0) | (frame["n_laureats"] == 0))
    frame["aide_par_habitant"] = (aid / population).where(population > 0)
    frame["aide_par_emploi_industriel"] = (aid / jobs).where(jobs > 0)
    column = "aide_par_habitant" if basis == "habitant" else "aide_par_emploi_industriel"
    frame["ratio"] = frame[column]
    funded = frame["n_laureats"] > 0
    reference = frame.loc[funded, "ratio"].dropna()
    if threshold is None and not reference.empty:
        threshold = float(reference.quantile(DEFAULT_QUANTILE, interpolation="linear"))
    verdict = np.select(
        [
            ~funded,
            frame["ratio"].isna(),
            frame["ratio"] < (threshold if threshold is not None else -np.inf),
        ],
        ["non_finance", "non_evaluable", "sous_finance"],
        default="finance",
    )
    frame["verdict"] = verdict
    return frame, threshold, len(reference)


def rank_territories(frame: pd.DataFrame, basis: str) -> pd.DataFrame:
    """Unfunded first, the heaviest first (industrial jobs or population); then the
    under-funded, lowest ratio first; then the others. ``rang`` counts the first two."""
    weight = "emplois_industriels" if basis == "emploi_industriel" else "population"
    order = frame.assign(
        _verdict=frame["verdict"].map({v: i for i, v in enumerate(VERDICTS)}),
        _weight=-frame[weight].fillna(-1).astype(float),
        _ratio=frame["ratio"].fillna(np.inf),
    )
    order["_key"] = np.where(order["verdict"] == "non_finance", order["_weight"], order["_ratio"])
    order = order.sort_values(["_verdict", "_key", "nom"], kind="stable")
    listed = order["verdict"].isin(VERDICTS[:2]).to_numpy()
    order["rang"] = np.where(listed, np.cumsum(listed), 0)
    return order.drop(columns=["_verdict", "_weight", "_ratio", "_key"]).reset_index(drop=True)


def funding_gaps(store: DataStore, state: GapState) -> GapResult:
    """The verdict of every territory of ``state.level`` for the lauréats of its period.

    One state change asks it from several callbacks (map, list page, detail, export): the
    result is kept in the app's cache (layers do not enter the key, they draw only).
    """
    return cached(store, ("gaps", state), lambda: _funding_gaps(store, state))


def _funding_gaps(store: DataStore, state: GapState) -> GapResult:
    territories = territory_frame(store, state.level)
    laureats = store.laureats[state.rows().mask(store.laureats)]
    funding = metrics.aggregate(laureats, state.level).reindex(territories.index)
    territories["n_laureats"] = funding["n_laureats"].fillna(0).astype(int)
    territories["aide"] = funding["montant_aide"].fillna(0.0)
    territories["investissement"] = funding["investissement"].fillna(0.0)
    territories["emplois_prevus"] = funding["emplois_prevus"].fillna(0.0)
    known = laureats.dropna(subset=[state.level, "montant_aide"]).groupby(state.level).size()
    territories["n_aide_connue"] = known.reindex(territories.index, fill_value=0).astype(int)
    jobs = cached(store, ("jobs", state.level), lambda: industrial_jobs(store, state.level))
    territories = territories.join(jobs.table)
    loaded = bool(territories["emplois_industriels"].notna().any())
    basis = state.basis if loaded else "habitant"
    threshold = state.threshold
    classified, applied, n_reference = classify_funding(territories, basis, threshold)
    classified = classified.join(
        cached(store, ("nearest", state.level), lambda: _nearest(store, state.level))
    )
    counts = store.clusters.clusters_per_territory(state.level)
    classified["n_clusters"] = counts.reindex(classified.index, fill_value=0).astype(int)
    classified = classified.reset_index(names="code")
    return GapResult(
        table=rank_territories(classified, basis),
        threshold=applied,
        threshold_is_default=threshold is None,
        n_reference=n_reference,
        basis=basis,
        industrial_jobs_loaded=loaded,
        indicator_year=jobs.year,
        indicator_source=jobs.source,
        criterion=state.criterion,
        jobs_departements=jobs_departements(store),
    )


def territory_frame(store: DataStore, level: str) -> pd.DataFrame:
    """Name, main région, every région crossed, population and commune count, by code."""
    return cached(store, ("territories", level), lambda: _territory_frame(store, level)).copy()


def _territory_frame(store: DataStore, level: str) -> pd.DataFrame:
    geography = store.geography
    if level == "id_ti":
        table = store.tis.table
        members = store.tis.members
        frame = pd.DataFrame(
            {
                "nom": table["lib_ti"],
                "reg": table["reg"],
                "population": table["population"],
                "n_communes": table["n_communes"],
            }
        )
        crossed = members.groupby("id_ti")["reg"].agg(lambda s: tuple(sorted(set(s.dropna()))))
    else:
        communes = geography.communes
        table = geography.epci.set_index("code")
        counts = communes.groupby(["epci", "reg"]).size().rename("n").reset_index()
        main = counts.sort_values(["epci", "n"], ascending=[True, False]).drop_duplicates("epci")
        frame = pd.DataFrame(
            {
                "nom": table["nom"],
                "reg": main.set_index("epci")["reg"].reindex(table.index),
                "population": table["population"],
                "n_communes": table["n_communes"],
            }
        )
        crossed = communes.groupby("epci")["reg"].agg(lambda s: tuple(sorted(set(s.dropna()))))
    frame["regions"] = crossed.reindex(frame.index)
    frame["regions"] = frame["regions"].map(lambda v: v if isinstance(v, tuple) else ())
    frame["nom_region"] = frame["reg"].map(geography.names("reg"))
    frame.index.name = "code"
    return frame


@dataclass(frozen=True)
class IndustrialJobs:
    table: pd.DataFrame  # emplois_industriels, part_emploi_industriel, n_communes_renseignees
    year: int | None
    source: str | None


def industrial_jobs(store: DataStore, level: str) -> IndustrialJobs:
    """Industrial salaried jobs per territory, summed from the communes that have a value.

    ``n_communes_renseignees`` says how many communes carried a value, so a total over
    part of a territory (a TI half in Jura) is shown as partial, not as complete.
    """
    columns = ["emplois_industriels", "part_emploi_industriel", "n_communes_renseignees"]
    indicators = store.indicators
    empty = IndustrialJobs(pd.DataFrame(columns=columns, dtype=float), None, None)
    if indicators.empty or INDUSTRIAL_JOBS not in set(indicators["indicateur"]):
        return empty
    rows = indicators[indicators["indicateur"] == INDUSTRIAL_JOBS]
    year = int(rows["annee"].max()) if rows["annee"].notna().any() else None
    latest = indicators[indicators["annee"] == year] if year is not None else indicators
    territoires = store.folder.frames.get("territoires_industrie")
    summed = aggregate_indicator(
        latest, store.geography, level_name(level), territoires=territoires
    )
    if summed.empty:
        return empty
    wide = summed.pivot_table(
        index="code_territoire", columns="indicateur", values="valeur", aggfunc="first"
    )
    coverage = summed[summed["indicateur"] == INDUSTRIAL_JOBS].set_index("code_territoire")
    table = pd.DataFrame(
        {
            "emplois_industriels": wide.get(INDUSTRIAL_JOBS),
            "part_emploi_industriel": wide.get(INDUSTRIAL_SHARE),
            "n_communes_renseignees": coverage["n_communes"],
        }
    )
    sources = rows["source"].dropna().astype(str).unique().tolist()
    source = " ; ".join(sources) or (store.folder.source_of("indicateurs") or None)
    return IndustrialJobs(table.reindex(columns=columns), year, source)


def jobs_departements(store: DataStore) -> tuple[int, int]:
    """(départements with industrial employment for at least one commune, all départements)."""
    total = len(store.geography.names("dep"))
    indicators = store.indicators
    if indicators.empty:
        return 0, total
    rows = indicators[
        (indicators["indicateur"] == INDUSTRIAL_JOBS) & (indicators["niveau"] == "commune")
    ]
    codes = store.geography.commune_rows(rows["code_territoire"].astype(str))["dep"].dropna()
    return int(codes.nunique()), total


def level_name(level: str) -> str:
    return "ti" if level == "id_ti" else level


def _nearest(store: DataStore, level: str) -> pd.DataFrame:
    geometries = territory_geometries(store, level)
    return nearest_clusters(geometries, store.cluster_points)


def territory_geometries(store: DataStore, level: str):
    """Polygons of the level (EPSG:4326), indexed by code."""
    if level == "id_ti":
        return store.tis.perimeters().set_index("id_ti")[["geometry"]]
    return store.geography.layer("epci").set_index("code")[["geometry"]]


def period_text(state: GapState) -> str:
    """The chosen period in words, or the whole period."""
    return formatting.period(state.date_from, state.date_to) or labels.GAPS_PERIOD_ALL


def threshold_text(value: float | None, basis: str) -> str:
    if value is None:
        return labels.GAPS_RULE_NO_THRESHOLD
    return f"{formatting.number(value, 2)}\u00a0{labels.GAPS_BASIS_UNITS[basis]}"


def rule_sentence(result: GapResult, state: GapState) -> str:
    """The rule in one French sentence, with the threshold actually applied."""
    if result.threshold is None:
        origin = ""
    elif result.threshold_is_default:
        origin = labels.GAPS_RULE_DEFAULT.format(
            n=result.n_reference, kind=labels.GAPS_LEVEL_KIND[state.level]
        )
    else:
        origin = labels.GAPS_RULE_USER
    return labels.GAPS_RULE.format(
        level=_capitalised(labels.GAPS_LEVEL_ONE[state.level]),
        period=period_text(state),
        basis=labels.GAPS_BASES[result.basis],
        threshold=threshold_text(result.threshold, result.basis),
        origin=origin,
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def counts_sentence(result: GapResult, state: GapState) -> str:
    """« 807 non financés · 89 sous-financés · 354 financés, sur 1 253 EPCI »."""
    counts = result.counts(state.regions)
    said = {key: formatting.plural(counts[key], *labels.GAPS_COUNT_WORDS[key]) for key in counts}
    total = sum(counts.values())
    kinds = labels.GAPS_LEVEL_KIND if total >= 2 else labels.GAPS_LEVEL_KIND_ONE
    text = labels.GAPS_SUMMARY.format(
        non=said["non_finance"],
        sous=said["sous_finance"],
        ok=said["finance"],
        n=formatting.count(total),
        kind=kinds[state.level],
    )
    if counts["non_evaluable"]:
        text += labels.GAPS_SUMMARY_UNKNOWN.format(n=said["non_evaluable"])
    if state.criterion == "sans_reseau":
        alone = len(result.listed(state.regions))
        text += labels.GAPS_SUMMARY_NO_NETWORK.format(
            n=formatting.count(alone), kind=kinds[state.level]
        )
    return text


def verdict_reason(row: pd.Series, result: GapResult) -> str:
    """Why this verdict, with the numbers: "3,12 € par habitant < seuil de 4,00 € …"."""
    template = labels.GAPS_REASONS[row["verdict"]]
    return template.format(
        ratio=threshold_text(row["ratio"], result.basis),
        threshold=threshold_text(result.threshold, result.basis),
    )


def jobs_coverage(row: pd.Series) -> str:
    """ "492 / 492 communes renseignées", or "" when no industrial employment is loaded."""
    covered = row.get("n_communes_renseignees")
    if covered is None or pd.isna(covered):
        return ""
    return labels.GAPS_PARTIAL.format(n=int(covered), total=int(row["n_communes"]))


def nearest_text(row: pd.Series) -> str:
    if pd.isna(row.get("distance_cluster_km")):
        return labels.GAPS_NO_CLUSTER
    if row["distance_cluster_km"] == 0:
        return f"{row['cluster_proche']} ({labels.GAPS_INSIDE_CLUSTER})"
    return f"{row['cluster_proche']} ({formatting.number(row['distance_cluster_km'], 0)} km)"
