"""The filter state of a screen: parsed from and written to the URL query string."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

LEVELS = ("id_ti", "epci", "dep", "reg")
METRICS = ("n_laureats", "montant_aide", "investissement", "emplois_prevus")
TI_SCOPES = ("tous", "dans", "hors")
# URL parameter name -> FilterState field, for the multi-valued filters.
LIST_PARAMS = {
    "region": "regions",
    "departement": "departements",
    "ti": "tis",
    "programme": "programmes",
    "filiere": "filieres",
    "enjeu": "enjeux",
    "taille": "tailles",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Level names as they read in a URL.
LEVEL_PARAMS = {"ti": "id_ti", "epci": "epci", "departement": "dep", "region": "reg"}


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
    def from_query(cls, query: str | None) -> FilterState:
        """Parse ``?niveau=epci&region=27,53&...``; unknown or malformed values are ignored."""
        params = query_params(query)
        ignored = IgnoredParams(params)
        values: dict = {}
        level = LEVEL_PARAMS.get(ignored.check("niveau", lambda v: v in LEVEL_PARAMS) or "")
        if level:
            values["level"] = level
        if ignored.check("indicateur", lambda v: v in METRICS):
            values["metric"] = params["indicateur"]
        values["per_capita"] = ignored.check("par_habitant", lambda v: v in ("0", "1")) == "1"
        for param, name in LIST_PARAMS.items():
            if params.get(param):
                values[name] = tuple(sorted(v for v in params[param].split(",") if v))
        for param, name in (("du", "date_from"), ("au", "date_to")):
            if ignored.check(param, is_iso_date):
                values[name] = params[param]
        if ignored.check("ti_statut", lambda v: v in TI_SCOPES):
            values["ti_scope"] = params["ti_statut"]
        values["view"] = _parse_view(ignored.check("vue", lambda v: _parse_view(v) is not None))
        return cls(**values, ignored=ignored.items())

    def to_query(self) -> str:
        """The query string that restores this state (defaults omitted)."""
        default = FilterState()
        params: dict[str, str] = {}
        if self.level != default.level:
            params["niveau"] = {v: k for k, v in LEVEL_PARAMS.items()}[self.level]
        if self.metric != default.metric:
            params["indicateur"] = self.metric
        if self.per_capita:
            params["par_habitant"] = "1"
        for param, name in LIST_PARAMS.items():
            if getattr(self, name):
                params[param] = ",".join(getattr(self, name))
        if self.date_from:
            params["du"] = self.date_from
        if self.date_to:
            params["au"] = self.date_to
        if self.ti_scope != default.ti_scope:
            params["ti_statut"] = self.ti_scope
        if self.view:
            params["vue"] = ",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in self.view)
        return "?" + urlencode(params, safe=",") if params else ""

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
            active["periode"] = (self.date_from or "…", self.date_to or "…")
        if self.ti_scope != "tous":
            active["ti_scope"] = self.ti_scope
        return active

    def mask(self, laureats: pd.DataFrame) -> np.ndarray:
        """Rows of ``laureats`` kept by this state: one vectorised test per active filter."""
        keep = np.ones(len(laureats), dtype=bool)
        for name, column in (
            ("regions", "reg"),
            ("departements", "dep"),
            ("tis", "id_ti"),
            ("programmes", "programme"),
            ("filieres", "filiere"),
            ("tailles", "taille_entreprise"),
        ):
            wanted = getattr(self, name)
            if wanted and column in laureats:
                keep &= laureats[column].isin(wanted).to_numpy()
        if self.enjeux and "enjeux" in laureats:
            keep &= _has_any(laureats["enjeux"], self.enjeux)
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


def query_params(query: object) -> dict[str, str]:
    """The last value of each parameter of a query string (anything else: no parameter)."""
    if not isinstance(query, str):
        return {}
    return {k: v[-1] for k, v in parse_qs(query.lstrip("?"), max_num_fields=100).items()}


class IgnoredParams:
    """Collects the URL parameters whose value is unreadable, to say so on the screen."""

    def __init__(self, params: dict[str, str]) -> None:
        self.params = params
        self.ignored: list[str] = []

    def check(self, name: str, valid) -> str | None:
        """The value of ``name`` if present and ``valid``; otherwise None (noted if present)."""
        value = self.params.get(name)
        if value is None or value == "":
            return None
        if valid(value):
            return value
        self.ignored.append(f"{name}={value[:40]}")
        return None

    def items(self) -> tuple[str, ...]:
        return tuple(self.ignored)


def is_iso_date(text: str | None) -> bool:
    """A calendar date written AAAA-MM-JJ between 1900 and 2100 (what pandas can compare).

    ``date.fromisoformat`` alone also takes week dates ("2021-W01-1") and compact
    forms that pandas then refuses.
    """
    if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
        return False
    try:
        return 1900 <= date.fromisoformat(text).year <= 2100
    except ValueError:
        return False


def _parse_view(text: str | None) -> tuple[float, float, float] | None:
    try:
        lat, lon, zoom = (float(v) for v in (text or "").split(","))
    except ValueError:
        return None
    if not all(np.isfinite((lat, lon, zoom))):
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 22:
        return (lat, lon, zoom)
    return None
