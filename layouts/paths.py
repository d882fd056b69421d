"""Addresses of the screens that link to one another, written once."""

from __future__ import annotations

from dashboard.filters import FilterState
from dashboard.funding_gaps import GapState

GAPS_PATH = "/territoires-sans-financement"
DATA_PATH = "/donnees"
PUBLISH_PATH = "/donnees/publier"
ACCOUNTS_PATH = "/donnees/comptes"


def gaps_href(filters: FilterState) -> str:
    """The gaps screen for the national map's level, period, régions and programmes."""
    return GAPS_PATH + GapState.from_filters(filters).to_query()


def national_href(state: GapState) -> str:
    """The national map on the same lauréats (aid, same level) as a gaps screen."""
    return "/" + state.to_filters().to_query()
