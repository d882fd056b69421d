"""Presentation mode: the slides the clientside script (assets/presentation.js) steps
through, served as JSON because they follow the data (the annex panels' order, the
régions and TIs that exist), whether the report's sequence or one a presenter composed."""

from __future__ import annotations

from dash import Dash
from flask import jsonify, request

from callbacks.request_store import request_store
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.region_summary import (
    UnknownTerritory,
    panel_codes,
    region_choices,
    region_codes,
    ti_choices,
)
from dashboard.text import labels
from layouts.paths import (
    GAPS_SLIDE,
    NATIONAL_SLIDE,
    REGION_SLIDE,
    SLIDES_PARAM,
    TI_SLIDE,
    region_slide,
    slide_path,
    ti_slide,
)

STEPS_URL = "/presentation/etapes.json"
MAX_SLIDES = 60
MAX_SEQUENCE_LENGTH = 4000


def report_sequence(store: DataStore) -> list[str]:
    """National view, then each annex panel in the report's order (others after)."""
    return [NATIONAL_SLIDE, *(region_slide(code) for code in panel_codes(store))]


def slide_exists(store: DataStore, token: str) -> bool:
    if token in (NATIONAL_SLIDE, GAPS_SLIDE):
        return True
    if token.startswith(REGION_SLIDE):
        try:
            region_codes(store, token.removeprefix(REGION_SLIDE))
        except UnknownTerritory:
            return False
        return True
    return token.startswith(TI_SLIDE) and token.removeprefix(TI_SLIDE) in store.tis.table.index


def read_sequence(store: DataStore, text: object) -> tuple[list[str], list[str]]:
    """The slides of a ``diapos`` value that exist in this data, and those that do not
    (an address shared before a publication may name a TI that has since gone)."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    tokens = [t.strip() for t in text[:MAX_SEQUENCE_LENGTH].split(",") if t.strip()]
    kept = [t for t in tokens if slide_exists(store, t)][:MAX_SLIDES]
    return kept, [t[:40] for t in tokens if not slide_exists(store, t)]


def slide_choices(store: DataStore) -> list[dict[str, str]]:
    """Everything a presenter may put in a sequence, as the composer's list offers it."""
    return [
        {"label": labels.SLIDE_NATIONAL, "value": NATIONAL_SLIDE},
        {"label": labels.SLIDE_GAPS, "value": GAPS_SLIDE},
        *(
            {
                "label": labels.SLIDE_REGION.format(name=o["label"]),
                "value": region_slide(o["value"]),
            }
            for o in region_choices(store)
        ),
        *(
            {"label": labels.SLIDE_TI.format(name=o["label"]), "value": ti_slide(o["value"])}
            for o in ti_choices(store)
        ),
    ]


def presentation_steps(store: DataStore, sequence: object = None) -> dict:
    """The pages to step through: the presenter's sequence if it names any slide that
    exists, else the report's; with what was left out, so the screen can say it."""
    kept, ignored = read_sequence(store, sequence)
    tokens = kept or report_sequence(store)
    return {"steps": [slide_path(t) for t in tokens], "ignored": ignored}


def register(app: Dash, store: StoreSource) -> None:
    texts = {
        "on": labels.PRESENTATION_ON,
        "off": labels.PRESENTATION_OFF,
        "hint": labels.PRESENTATION_HINT,
        "ignored": labels.SLIDES_IGNORED,
    }

    def presentation_config():
        steps = presentation_steps(request_store(store), request.args.get(SLIDES_PARAM))
        response = jsonify({**steps, "labels": texts})
        response.headers["Cache-Control"] = "no-cache"
        return response

    app.server.add_url_rule(STEPS_URL, "presentation_steps", presentation_config)
