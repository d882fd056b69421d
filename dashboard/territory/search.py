"""Finding a territory by name, typed as people type it: without accents, hyphens or
capitals (« saint etienne » finds « Saint-Étienne Métropole »)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.cache import cached
from dashboard.territory.names import KINDS, match_key, name_index, normalised
from dashboard.text import labels

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

CLUSTER_KIND = "cluster"  # clusters and networks are found too: their value opens their sheet
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


def find(store: DataStore, query: str | None, limit: int = MAX_RESULTS) -> list[Found]:
    """Territories with a word starting with each word of ``query``; names that start with it
    first, then régions before départements, TIs, EPCI and communes, then shorter."""
    words = match_key(query or "").split()
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
    clusters = store.clusters.clusters
    found = pd.DataFrame(
        {
            "kind": CLUSTER_KIND,
            "code": clusters["id_cluster"].astype(str),
            "name": clusters["nom"].astype(str),
            "label": clusters["nom"].astype(str) + f" ({labels.SEARCH_CLUSTER})",
        }
    )
    found["key"] = found["name"].map(match_key)
    found["rank"] = len(KINDS)
    index = pd.concat(
        [name_index(store.geography, store.tis.table["lib_ti"]), found], ignore_index=True
    )
    # Both spellings searched: what was typed so far (« sai ») and the short forms (« st »).
    index["spaced"] = " " + index["name"].map(normalised) + " " + index["key"]
    return index
