"""The filter panel of the national map: every control is keyboard-usable and labelled."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.analysis.filters import LIST_FILTERS, FilterState
from dashboard.text import formatting, labels


def layer_options(order: tuple[str, ...] = ("pins", "ti", "clusters")) -> list[dict]:
    return [{"label": labels.MAP_LAYERS[value], "value": value} for value in order]


LAYER_OPTIONS = layer_options()
DEFAULT_LAYERS = ["pins", "ti"]
TI_SCOPE_OPTIONS = [
    {"label": "Tous les projets", "value": "tous"},
    {"label": "Dans un Territoire d'industrie", "value": "dans"},
    {"label": "Hors Territoire d'industrie", "value": "hors"},
]
ZONES = {
    "metropole": ("Métropole", 46.5, 2.4, 4.8),
    "971": ("Guadeloupe", 16.2, -61.55, 8.3),
    "972": ("Martinique", 14.65, -61.0, 8.8),
    "973": ("Guyane", 4.0, -53.1, 5.9),
    "974": ("La Réunion", -21.12, 55.53, 8.8),
    "976": ("Mayotte", -12.82, 45.15, 9.5),
}
# Multi-select filters: (FilterState field, control id suffix, French label).
MULTI_FILTERS = tuple(
    (item.field, item.param, labels.FILTER_NAMES[item.field]) for item in LIST_FILTERS
)


def labelled(label: str, control, control_id: str) -> html.Div:
    return html.Div(
        [dbc.Label(label, html_for=control_id, className="small mb-0"), control], className="mb-2"
    )


def date_input(control_id: str, label: str, value: str | None) -> html.Div:
    """A text box read day first (jj/mm/aaaa): ``type="date"`` follows the browser's
    locale (mm/dd/yyyy in an English browser), which French users misread."""
    control = dcc.Input(
        id=control_id,
        type="text",
        inputMode="numeric",
        autoComplete="off",
        value=formatting.date(value) if value else "",
        placeholder=labels.DATE_PLACEHOLDER,
        maxLength=10,
        debounce=True,
        className="form-control form-control-sm date-input",
    )
    feedback = html.Div(
        id=date_feedback_id(control_id), className="small text-danger", **{"aria-live": "polite"}
    )
    return html.Div([labelled(label, control, control_id), feedback], className="date-field")


def date_feedback_id(control_id: str) -> str:
    return f"{control_id}-feedback"


def filter_panel(options: dict[str, list[dict]], state: FilterState) -> html.Div:
    """Controls initialised from ``state`` (itself read from the URL)."""
    level_options = [{"label": text, "value": key} for key, text in labels.LEVELS.items()]
    metric_options = [{"label": text, "value": key} for key, text in labels.METRICS.items()]
    controls = [
        labelled(
            labels.SEARCH_LABEL,
            dcc.Dropdown(
                id="territory-search",
                options=[],
                searchable=True,
                clearable=True,
                placeholder=labels.SEARCH_PLACEHOLDER,
                search_order="original",
                labels={**labels.DROPDOWN_LABELS, "no_options_found": labels.SEARCH_WAITING},
            ),
            "territory-search",
        ),
        labelled(
            "Niveau",
            dbc.RadioItems(
                id="f-level",
                options=level_options,
                value=state.level,
                inline=True,
                className="small",
            ),
            "f-level",
        ),
        labelled(
            "Indicateur",
            dbc.Select(id="f-metric", options=metric_options, value=state.metric, size="sm"),
            "f-metric",
        ),
        dbc.Checklist(
            id="f-per-capita",
            options=[{"label": labels.PER_CAPITA_TOGGLE, "value": "1"}],
            value=["1"] if state.per_capita else [],
            switch=True,
            className="small mb-2",
        ),
    ]
    for field_name, suffix, label in MULTI_FILTERS:
        control_id = f"f-{suffix}"
        controls.append(
            labelled(
                label,
                dcc.Dropdown(
                    id=control_id,
                    options=options.get(field_name, []),
                    value=list(getattr(state, field_name)),
                    multi=True,
                    searchable=True,
                    placeholder="Tous",
                    optionHeight=40,
                    labels=labels.DROPDOWN_LABELS,
                ),
                control_id,
            )
        )
    controls += [
        html.Fieldset(
            [
                html.Legend("Période de décision", className="small mb-0 fs-6"),
                html.Div(
                    [
                        date_input("f-date-from", "Du", state.date_from),
                        date_input("f-date-to", "Au", state.date_to),
                    ]
                ),
            ]
        ),
        labelled(
            "Projets",
            dbc.RadioItems(
                id="f-ti-scope", options=TI_SCOPE_OPTIONS, value=state.ti_scope, className="small"
            ),
            "f-ti-scope",
        ),
        labelled(
            "Couches",
            dbc.Checklist(
                id="f-layers", options=LAYER_OPTIONS, value=DEFAULT_LAYERS, className="small"
            ),
            "f-layers",
        ),
        dbc.Button(
            "Effacer tous les filtres",
            id="clear-filters",
            color="secondary",
            outline=True,
            size="sm",
            className="w-100 mt-1",
        ),
    ]
    return html.Div(
        controls, id="filter-panel", role="search", **{"aria-label": "Filtres de la carte"}
    )


def zone_selector() -> dbc.ButtonGroup:
    """Jump to metropolitan France or one overseas région."""
    return dbc.RadioItems(
        id="f-zone",
        options=[{"label": name, "value": key} for key, (name, *_view) in ZONES.items()],
        value="metropole",
        inline=True,
        className="btn-group btn-group-sm flex-wrap",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-primary",
        labelCheckedClassName="active",
    )
