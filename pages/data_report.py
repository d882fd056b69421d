"""Rapport de chargement (``/donnees``): the versions (roll-back for administrators) and
the load report of the version in force."""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Dash
from sqlalchemy.exc import SQLAlchemyError

from dashboard.analysis.url_state import query_params
from dashboard.data.live_store import LiveStore, StoreSource
from dashboard.data.store import DataStore
from dashboard.text import labels
from layouts.data_report import data_report_page
from layouts.paths import DATA_PATH
from pages import framed, serving_live, serving_store
from routes.sessions import current_session


def layout(**query):
    """Never cached: what it shows follows the session (roll-back forms) and the database."""
    search = urlencode({k: v[-1] if isinstance(v, list) else v for k, v in query.items()})
    return framed(data_page_for(serving_store(), serving_live(), search))


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(__name__, path=DATA_PATH, title=labels.REPORT_TITLE, layout=layout)


def data_page_for(store: DataStore, live: LiveStore | None, search: str):
    """The page for ``search`` (« publie=7 », « retour=5&depuis=7 »: what just happened)."""
    current = current_session()
    query = query_params(search)
    versions, notice = [], ""
    if live is not None:
        try:
            versions = live.versions.all()
        except SQLAlchemyError:
            notice = labels.PUBLISH_UNREACHABLE
    if "publie" in query:
        notice = labels.PUBLISH_DONE.format(version=_label(versions, query["publie"]))
        if query.get("entre"):
            notice += labels.PUBLISH_OVERTOOK.format(numbers=query["entre"])
    if "retour" in query:
        notice = labels.VERSION_ROLLED_BACK.format(
            version=_label(versions, query["retour"]), old=query.get("depuis", "?")
        )
    admin_token = current.csrf_token if current and current.account.is_admin else None
    source = store.version_label or f"Dossier de données : {store.settings.data_dir.name}"
    current_number = versions[0].number if versions else None
    if store.version is not None and current_number != store.version.number:
        source += labels.VERSION_LOADING.format(number=current_number)
    return data_report_page(
        store.folder, source, versions, current_number, admin_token, notice, current is not None
    )


def _label(versions: list, text: str) -> str:
    number = int(text) if text.isdigit() else None
    return next((v.label for v in versions if v.number == number), f"version {number}")
