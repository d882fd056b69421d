"""Cluster sheet (``/cluster/<id>``): one cluster or network, whom it works with, and the
lauréats of its territories in its filières."""

from __future__ import annotations

import dash
from dash import Dash, html

from callbacks.webgl import browser_draws_webgl
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.cluster_summary import cluster_choices, cluster_summary
from dashboard.reports.region_summary import UnknownTerritory
from dashboard.text import labels
from layouts.cluster_sheet import cluster_not_found, cluster_sheet
from layouts.figures.clusters import cluster_sheet_figure
from layouts.paths import CLUSTER_PATH, CLUSTER_TEMPLATE
from pages import framed, serving_store


def layout(id_cluster: str = "", **_query):
    store = serving_store()
    webgl = browser_draws_webgl()
    key = ("page", CLUSTER_PATH, id_cluster, webgl)
    return framed(cached(store, key, lambda: cluster_page(store, id_cluster, webgl)))


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(
        __name__,
        path_template=CLUSTER_TEMPLATE,
        title=labels.CLUSTER_PAGE_TITLE,
        layout=layout,
        exists=lambda store, id_cluster="": (
            id_cluster in set(store.clusters.clusters["id_cluster"])
        ),
    )


def cluster_page(store: DataStore, id_cluster: str, webgl: bool = True) -> html.Div:
    """The sheet of ``id_cluster``, or the list of clusters when the id is unknown."""
    choices = cluster_choices(store)
    try:
        summary = cluster_summary(store, id_cluster)
    except UnknownTerritory:
        return cluster_not_found(id_cluster, choices)
    return cluster_sheet(summary, cluster_sheet_figure(summary, webgl), choices)
