"""Every address of the app, written once: screens (Dash Pages), forms and links."""

from __future__ import annotations

from dashboard.filters import FilterState
from dashboard.funding_gaps import GapState

NATIONAL_PATH = "/"
REGION_PATH = "/region"
TI_PATH = "/ti"
GAPS_PATH = "/territoires-sans-financement"
DATA_PATH = "/donnees"
PUBLISH_PATH = "/donnees/publier"
ACCOUNTS_PATH = "/donnees/comptes"
LOGIN_PATH = "/connexion"
LOGOUT_PATH = "/deconnexion"
# Dash Pages templates of the screens that take a code in their path.
REGION_TEMPLATE = REGION_PATH + "/<region_code>"
TI_TEMPLATE = TI_PATH + "/<id_ti>"


def region_path(code: str) -> str:
    return f"{REGION_PATH}/{code}"


def ti_path(id_ti: str) -> str:
    return f"{TI_PATH}/{id_ti}"


def rollback_path(number: int) -> str:
    return f"{DATA_PATH}/versions/{number}/retablir"


def gaps_href(filters: FilterState) -> str:
    """The gaps screen for the national map's level, period, régions and programmes."""
    return GAPS_PATH + GapState.from_filters(filters).to_query()


def national_href(state: GapState) -> str:
    """The national map on the same lauréats (aid, same level) as a gaps screen."""
    return NATIONAL_PATH + state.to_filters().to_query()
