"""Finding a territory by name, typed as people type it: without accents, hyphens or
capitals (« saint etienne » finds « Saint-Étienne Métropole »)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.cache import cached
from dashboard.text import labels

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

# Kinds in the order a match is listed when two names match as well.
KINDS = ("reg", "dep", "ti", "epci", "commune")
MAX_RESULTS = 12
MIN_QUERY = 2


@dataclass(frozen=True)
class Found:
    kind: str  # one of KINDS
    code: str
    label: str  # « Saint-Étienne Métropole (EPCI) »

    key: str = ""  # the normalised name

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.code}"

    def option(self) -> dict:
        """A dropdown option; ``search`` lets the browser's own filter keep it whatever
        accents the user typed or left out."""
        return {"label": self.label, "value": self.value, "search": f"{self.key} {self.label}"}


def normalised(text: str) -> str:
    """Lower case, no accents, every run of punctuation or spaces one space."""
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def parse_value(value: str | None) -> tuple[str, str] | None:
    """``"epci:200046977"`` -> ``("epci", "200046977")``; None when it is not one of ours."""
    kind, _, code = str(value or "").partition(":")
    return (kind, code) if kind in KINDS and code else None


def find(store: DataStore, query: str | None, limit: int = MAX_RESULTS) -> list[Found]:
    """Territories with a word starting with each word of ``query``; names that start with it
    first, then régions before départements, TIs, EPCI and communes, then shorter."""
    words = normalised(query or "").split()
    if not words or sum(map(len, words)) < MIN_QUERY:
        return []
    index = search_index(store)
    hits = pd.Series(True, index=index.index)
    for word in words:
        hits &= index["spaced"].str.contains(" " + word, regex=False)
    found = index[hits].assign(
        starts=lambda frame: ~frame["key"].str.startswith(" ".join(words)),
        length=lambda frame: frame["key"].str.len(),
    )
    found = found.sort_values(["starts", "rank", "length", "key"]).head(limit)
    return [Found(row.kind, row.code, row.label, row.key) for row in found.itertuples()]


def search_index(store: DataStore) -> pd.DataFrame:
    """Every searchable name of the loaded version, normalised once."""
    return cached(store, ("search_index",), lambda: _build_index(store))


def _build_index(store: DataStore) -> pd.DataFrame:
    geography = store.geography
    communes = geography.communes
    departements = geography.names("dep")
    parts = [
        _names("reg", geography.names("reg")),
        _names("dep", departements, suffix=lambda code: code),
        _names("ti", store.tis.table["lib_ti"]),
        _names("epci", geography.names("epci")),
        _names(
            "commune",
            pd.Series(communes["nom"].to_numpy(), index=communes["code"].to_numpy()),
            suffix=lambda code: code[:3] if code.startswith("97") else code[:2],
        ),
    ]
    index = pd.concat(parts, ignore_index=True)
    index["key"] = index["name"].map(normalised)
    index["spaced"] = " " + index["key"]
    index["rank"] = index["kind"].map({kind: rank for rank, kind in enumerate(KINDS)})
    return index


def _names(kind: str, names: pd.Series, suffix=None) -> pd.DataFrame:
    kind_label = labels.SEARCH_KINDS[kind]
    codes = names.index.astype(str)
    tails = [f"{kind_label} {suffix(code)}" if suffix else kind_label for code in codes]
    return pd.DataFrame(
        {
            "kind": kind,
            "code": codes,
            "name": names.astype(str).to_numpy(),
            "label": [
                f"{name} ({tail})" for name, tail in zip(names.astype(str), tails, strict=True)
            ],
        }
    )
