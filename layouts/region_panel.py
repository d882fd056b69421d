"""The région panel, laid out like the annex of the report: title, six KPIs, map, cards.

Pure functions of a :class:`~dashboard.reports.region_summary.RegionSummary`: no store, no callback.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.analysis.filters import FilterState
from dashboard.reports.region_summary import FeaturedProject, Kpi, RegionSummary, ti_list_names
from dashboard.text import formatting, labels
from layouts.components import map_body, not_found, territory_controls
from layouts.export_buttons import export_menu
from layouts.paths import NATIONAL_PATH, REGION_PATH, cluster_path, ti_path


def kpi_tile(key: str, value: str, kpi: Kpi) -> html.Div:
    """One figure of the annex strip: big number, its label, and its source when it has one."""
    children = [
        html.Span(value, className="kpi-value"),
        html.Span(kpi.label, className="kpi-label"),
    ]
    if kpi.source:
        children.append(html.Span(kpi.source, className="kpi-source"))
    return html.Div(children, id=f"kpi-{key}", className="kpi", role="listitem")


def kpi_strip(summary: RegionSummary) -> html.Div:
    """The six annex figures; "projets remontés" only when the indicator is known."""
    return html.Div(
        [kpi_tile(key, value, kpi) for key, value, kpi in summary.kpis],
        className="kpi-strip",
        role="list",
        **{"aria-label": "Chiffres clés"},
    )


def featured_card(project: FeaturedProject) -> html.Article:
    """NAME / taille – filière / commune – TI / text / jobs sentence, as on the annex."""
    ti = (
        dcc.Link(project.ti_label, href=ti_path(project.id_ti))
        if project.id_ti
        else project.ti_label
    )
    place = [project.commune, " – ", ti] if project.commune else [ti]
    return html.Article(
        [
            html.H3(project.name, className="featured-name"),
            html.P(project.size_sector, className="featured-sector"),
            html.P(place, className="featured-place"),
            html.P(project.description, className="featured-text"),
            html.P(project.jobs, className="featured-jobs"),
        ],
        className="featured-card",
        id=f"card-{project.id_laureat}",
    )


def featured_block(summary: RegionSummary) -> html.Section:
    cards = [featured_card(project) for project in summary.featured]
    return html.Section(
        [
            html.H2(labels.FEATURED_TITLE, className="h6 featured-title"),
            *(cards or [html.P(labels.NO_FEATURED, className="text-muted small")]),
        ],
        id="featured-projects",
        className="featured-block",
    )


def ti_list(summary: RegionSummary) -> html.Section:
    """TIs of the loaded list in this région, each a link to its sheet."""
    if summary.tis.empty:
        return html.Section(
            html.P(labels.REGION_TI_LIST_EMPTY, className="text-muted small"), className="ti-list"
        )
    names = ti_list_names(summary.tis)
    items = [
        html.Li(dcc.Link(name, href=ti_path(id_ti)))
        for id_ti, name in zip(summary.tis["id_ti"], names, strict=True)
    ]
    title = labels.REGION_TI_LIST.format(n=len(items), vintage=summary.ti_vintage)
    return html.Section(
        [html.H2(title, className="h6"), html.Ul(items, className="ti-links")],
        id="region-ti-list",
        className="ti-list",
    )


def cluster_list(summary: RegionSummary) -> html.Section:
    """Clusters and networks of the région, each a link to its sheet, with whom they work."""
    clusters = summary.clusters
    if clusters.empty:
        body = html.P(labels.REGION_NO_CLUSTER, className="text-muted small")
    else:
        body = html.Ul(
            [
                html.Li(
                    [
                        dcc.Link(name, href=cluster_path(code)),
                        f" ({kind})" if isinstance(kind, str) else "",
                        html.Br(),
                        html.Span(links, className="text-muted small"),
                    ]
                )
                for code, name, kind, links in zip(
                    clusters["id_cluster"],
                    clusters["nom"],
                    clusters["type"],
                    clusters["liens_texte"],
                    strict=True,
                )
            ],
            className="ti-links",
        )
    title = labels.REGION_CLUSTERS.format(n=len(clusters))
    return html.Section(
        [html.H2(title, className="h6"), body], id="region-clusters", className="ti-list"
    )


def footnotes(summary: RegionSummary, is_demo: bool) -> html.Footer:
    notes = []
    if summary.data_date:
        notes.append(
            html.P(
                labels.DATA_DATE_FOOTNOTE.format(date=summary.data_date),
                id="region-date",
                className="mb-0",
            )
        )
    if summary.source_line:
        notes.append(html.P(summary.source_line, id="region-source", className="mb-0"))
    if summary.version_label:
        notes.append(html.P(summary.version_label, id="region-version", className="mb-0"))
    if summary.deduced:
        notes.append(html.P(labels.REGION_DEDUCED_NOTE, className="mb-0"))
    if is_demo and summary.n_fictifs:
        notes.append(
            html.P(
                labels.REGION_SYNTHETIC_NOTE.format(
                    n_fictifs=formatting.count(summary.n_fictifs),
                    n=formatting.count(summary.n_laureats),
                ),
                className="mb-0 fst-italic",
            )
        )
    return html.Footer(notes, className="region-footnotes text-muted small")


def export_slot(summary: RegionSummary) -> html.Div:
    """The export menu, filtered to this région's lauréats, with its PDF sheet."""
    query = FilterState(regions=summary.region_codes).to_query()
    menu = export_menu(query, region=summary.code, graph_id="region-map")
    return html.Div(menu, id="region-export-slot", className="region-export")


def region_controls(summary: RegionSummary, choices: list[dict]) -> html.Div:
    """Back link, région list and exports: hidden in presentation mode."""
    back = dcc.Link(labels.BACK_TO_MAP, href=NATIONAL_PATH, className="me-3 small")
    return territory_controls(
        back, "region-choice", labels.REGION_CHOICE, choices, summary.code, export_slot(summary)
    )


def region_panel(
    summary: RegionSummary, figure, choices: list[dict], is_demo: bool = False
) -> html.Div:
    """The whole panel: controls, title, KPIs, map beside the cards and TI list, footnotes."""
    return html.Div(
        [
            region_controls(summary, choices),
            html.H1(summary.title, id="region-title", className="region-title"),
            kpi_strip(summary),
            map_body(
                "region-map",
                figure,
                labels.REGION_MAP_LABEL,
                [featured_block(summary), ti_list(summary), cluster_list(summary)],
            ),
            footnotes(summary, is_demo),
        ],
        id="region-panel",
        className="region-panel",
        **{"data-region": summary.code},
    )


def region_not_found(code: str, choices: list[dict]) -> html.Div:
    return not_found(labels.REGION_UNKNOWN.format(code=code), choices, REGION_PATH, "region-panel")
