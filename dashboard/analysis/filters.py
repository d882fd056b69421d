"""The filter state of a screen: parsed from and written to the URL query string."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

import numpy as np
import pandas as pd

from dashboard.analysis import url_state
from dashboard.analysis.url_state import Param, UrlCodec

LEVELS = ("id_ti", "epci", "dep", "reg")
METRICS = ("n_laureats", "montant_aide", "investissement", "emplois_prevus")
TI_SCOPES = ("tous", "dans", "hors")


@dataclass(frozen=True)
class ListFilter:
    """A multi-valued filter: its FilterState field, URL parameter (also the control's id
    suffix) and the lauréat column it tests. The one list of them: URL codec, row mask,
    filter panel and summaries all read ``LIST_FILTERS``; its French name is
    ``labels.FILTER_NAMES[field]``."""

    field: str
    param: str
    column: str


LIST_FILTERS = (
    ListFilter("regions", "region", "reg"),
    ListFilter("departements", "departement", "dep"),
    ListFilter("tis", "ti", "id_ti"),
    ListFilter("programmes", "programme", "programme"),
    ListFilter("filieres", "filiere", "filiere"),
    ListFilter("enjeux", "enjeu", "enjeux"),  # a « ; »-separated list in each row
    ListFilter("tailles", "taille", "taille_entreprise"),
)
LIST_PARAMS = {item.param: item.field for item in LIST_FILTERS}
# Level names as they read in a URL.
LEVEL_PARAMS = {
    "ti": "id_ti",
    "commune": "commune",
    "epci": "epci",
    "departement": "dep",
    "region": "reg",
}


@dataclass(frozen=True)
class FilterState:
    level: str = "epci"
    metric: str = "n_laureats"
    per_capita: bool = False
    regions: tuple[str, ...] = ()
    departements: tuple[str, ...] = ()
    tis: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    filieres: tuple[str, ...] = ()
    enjeux: tuple[str, ...] = ()
    tailles: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    ti_scope: str = "tous"
    view: tuple[float, float, float] | None = field(default=None, compare=False)
    # "param=valeur" pairs of the URL that could not be read (shown as a note, never used).
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query: object) -> FilterState:
        """Parse ``?niveau=epci&region=27,53&...``; unknown or malformed values are ignored."""
        return FILTER_CODEC.decode(query)

    def to_query(self) -> str:
        """The query string that restores this state (defaults omitted)."""
        return FILTER_CODEC.encode(self)

    def cleared(self) -> FilterState:
        """Same level, metric and view, no filter."""
        return FilterState(
            level=self.level, metric=self.metric, per_capita=self.per_capita, view=self.view
        )

    def rows_key(self) -> str:
        """The part of the state that selects rows (not how they are drawn)."""
        return FilterState(
            **{
                f.name: getattr(self, f.name)
                for f in fields(self)
                if f.name not in ("level", "metric", "per_capita", "view")
            }
        ).to_query()

    def with_(self, **changes) -> FilterState:
        return replace(self, **changes)

    def active_filters(self) -> dict[str, tuple[str, ...] | str]:
        """Filters that restrict the rows (for the summary line)."""
        active = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name in LIST_PARAMS.values() and getattr(self, f.name)
        }
        if self.date_from or self.date_to:
            active["periode"] = (self.date_from, self.date_to)
        if self.ti_scope != "tous":
            active["ti_scope"] = self.ti_scope
        return active

    def mask(self, laureats: pd.DataFrame) -> np.ndarray:
        """Rows of ``laureats`` kept by this state: one vectorised test per active filter."""
        keep = np.ones(len(laureats), dtype=bool)
        for item in LIST_FILTERS:
            wanted = getattr(self, item.field)
            if not wanted or item.column not in laureats:
                continue
            if item.field == "enjeux":
                keep &= _has_any(laureats[item.column], wanted)
            else:
                keep &= laureats[item.column].isin(wanted).to_numpy()
        if (self.date_from or self.date_to) and "date_decision" in laureats:
            dates = laureats["date_decision"]  # datetime64, parsed once at load
            if self.date_from:
                keep &= (dates >= pd.Timestamp(self.date_from)).to_numpy()
            if self.date_to:
                keep &= (dates <= pd.Timestamp(self.date_to)).to_numpy()
        if self.ti_scope != "tous":
            inside = laureats["dans_ti"].to_numpy(dtype=bool)
            keep &= inside if self.ti_scope == "dans" else ~inside
        return keep


def _has_any(column: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    """True where the ``;``-separated list in ``column`` contains one of ``wanted``."""
    choices = "|".join(re.escape(value) for value in wanted)
    pattern = rf"(?:^|[;|])\s*(?:{choices})\s*(?:[;|]|$)"
    return column.fillna("").str.contains(pattern, regex=True).to_numpy(dtype=bool)


FILTER_CODEC = UrlCodec(
    FilterState,
    (
        Param("niveau", "level", url_state.choice(LEVEL_PARAMS), url_state.inverse(LEVEL_PARAMS)),
        Param("indicateur", "metric", url_state.choice({m: m for m in METRICS})),
        Param("par_habitant", "per_capita", url_state.flag, url_state.write_flag),
        *(
            Param(name, field_name, url_state.code_list, url_state.write_list, noted=False)
            for name, field_name in LIST_PARAMS.items()
        ),
        Param("du", "date_from", url_state.iso_date),
        Param("au", "date_to", url_state.iso_date),
        Param("ti_statut", "ti_scope", url_state.choice({s: s for s in TI_SCOPES})),
        Param("vue", "view", url_state.map_view, url_state.write_view),
    ),
)
