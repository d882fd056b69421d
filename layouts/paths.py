"""Every address of the app, written once: screens (Dash Pages), forms and links."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from dashboard.analysis.filters import FilterState
from dashboard.analysis.funding_gaps import GapState
from dashboard.territory.geography import PANEL_OF_REGION

NATIONAL_PATH = "/"
REGION_PATH = "/region"
TI_PATH = "/ti"
CLUSTER_PATH = "/cluster"
GAPS_PATH = "/territoires-sans-financement"
DATA_PATH = "/donnees"
PUBLISH_PATH = "/donnees/publier"
ACCOUNTS_PATH = "/donnees/comptes"
TEMPLATE_PATH = "/donnees/modele"
LOGIN_PATH = "/connexion"
LOGOUT_PATH = "/deconnexion"
PRESENTATION_PATH = "/presentation"
# Dash Pages templates of the screens that take a code in their path.
REGION_TEMPLATE = REGION_PATH + "/<region_code>"
TI_TEMPLATE = TI_PATH + "/<id_ti>"
CLUSTER_TEMPLATE = CLUSTER_PATH + "/<id_cluster>"


def region_path(code: str) -> str:
    return f"{REGION_PATH}/{code}"


def ti_path(id_ti: str) -> str:
    return f"{TI_PATH}/{id_ti}"


def cluster_path(id_cluster: str) -> str:
    return f"{CLUSTER_PATH}/{quote(id_cluster, safe='')}"


def territory_href(token: str) -> str | None:
    """The screen of a territory token: a TI's sheet, a région's panel; None for the others."""
    kind, _, code = token.partition(":")
    if kind == "ti":
        return ti_path(code)
    if kind == "reg":
        return region_path(PANEL_OF_REGION.get(code, code))
    return None


# A presenter's sequence in an address: ``?presentation=1&diapos=carte,region-27,ti-…``
# (assets/presentation.js keeps it while stepping; the server checks each slide exists).
SLIDES_PARAM = "diapos"
NATIONAL_SLIDE = "carte"
GAPS_SLIDE = "sans-financement"
REGION_SLIDE = "region-"
TI_SLIDE = "ti-"


def region_slide(code: str) -> str:
    return REGION_SLIDE + code


def ti_slide(id_ti: str) -> str:
    return TI_SLIDE + id_ti


def slide_path(token: str) -> str:
    """The page a slide token opens (existence is the store's question, not this one's)."""
    fixed = {NATIONAL_SLIDE: NATIONAL_PATH, GAPS_SLIDE: GAPS_PATH}
    if token in fixed:
        return fixed[token]
    if token.startswith(REGION_SLIDE):
        return region_path(token.removeprefix(REGION_SLIDE))
    return ti_path(token.removeprefix(TI_SLIDE))


def slides_href(tokens: list[str]) -> str:
    """The first slide in presentation mode, carrying the whole sequence."""
    query = urlencode({"presentation": "1", SLIDES_PARAM: ",".join(tokens)}, safe=",")
    return f"{slide_path(tokens[0])}?{query}"


def template_path(kind: str, extension: str) -> str:
    """The empty file of a nature, with its columns and one example row."""
    return f"{TEMPLATE_PATH}/{kind}.{extension}"


def rollback_path(number: int) -> str:
    return f"{DATA_PATH}/versions/{number}/retablir"


def diff_path(number: int) -> str:
    """The rows version ``number`` added, updated or removed, as a CSV."""
    return f"{DATA_PATH}/versions/{number}/differences.csv"


def gaps_href(filters: FilterState) -> str:
    """The gaps screen for the national map's level, period, régions and programmes."""
    return GAPS_PATH + GapState.from_filters(filters).to_query()


def national_href(state: GapState) -> str:
    """The national map on the same lauréats (aid, same level) as a gaps screen."""
    return NATIONAL_PATH + state.to_filters().to_query()
