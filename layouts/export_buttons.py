"""The "Exporter" menu: filtered data (CSV, XLSX), the A4 région sheet, the map as an image.

Data files are plain links to the Flask routes of ``callbacks/downloads.py`` (the
browser downloads them; no callback round trip). The image items are buttons read by
``assets/exports.js``, which calls ``Plotly.downloadImage`` on the page's graph:
everything is produced by this app, nothing leaves the machine.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.text import labels

EXPORT_ROOT = "/export"
# Map images drawn in the browser (assets/exports.js) with title, filters, legend, source,
# data date and version: 1920×1080 slides, A4 landscape at 300 dpi.
IMAGE_FORMATS = {"png": labels.EXPORT_PNG, "png-a4": labels.EXPORT_PNG_A4, "svg": labels.EXPORT_SVG}


def export_hrefs(
    query: str, region: str | None = None, dataset: str = "laureats"
) -> dict[str, str]:
    """Download URLs of ``dataset`` for a screen's query string (with or without its "?"):
    keys "csv", "xlsx", and "pdf" when a région (INSEE code or "outre-mer") is given."""
    query = (query or "").lstrip("?")
    suffix = f"?{query}" if query else ""
    hrefs = {
        "csv": f"{EXPORT_ROOT}/{dataset}.csv{suffix}",
        "xlsx": f"{EXPORT_ROOT}/{dataset}.xlsx{suffix}",
    }
    if region:
        hrefs["pdf"] = f"{EXPORT_ROOT}/region/{region}.pdf"
    return hrefs


def link_id(kind: str, graph_id: str = "national-map") -> str:
    """Component id of a download link ("csv", "xlsx", "pdf"), for callbacks that keep
    its ``href`` in step with the filters."""
    return f"{graph_id}-export-{kind}"


def export_menu(
    query: str,
    region: str | None = None,
    graph_id: str = "national-map",
    dataset: str = "laureats",
):
    """ "Exporter" drop-down: CSV (Excel), XLSX, PDF région (when given), PNG and SVG map."""
    hrefs = export_hrefs(query, region, dataset)
    names = {"csv": labels.EXPORT_CSV, "xlsx": labels.EXPORT_XLSX, "pdf": labels.EXPORT_PDF}
    links = [
        dbc.DropdownMenuItem(names[kind], id=link_id(kind, graph_id), href=href, external_link=True)
        for kind, href in hrefs.items()
    ]
    filename = f"carte-{region}" if region else f"carte-{dataset}"
    images = [
        html.Button(
            text,
            type="button",
            className="dropdown-item",
            id=f"{graph_id}-export-{fmt}",
            **{"data-export-image": fmt, "data-graph": graph_id, "data-filename": filename},
        )
        for fmt, text in IMAGE_FORMATS.items()
    ]
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(labels.EXPORT_MENU_HINT, header=True),
            *links,
            dbc.DropdownMenuItem(divider=True),
            *images,
        ],
        label=labels.EXPORT_MENU,
        id=f"{graph_id}-export-menu",
        color="secondary",
        size="sm",
        align_end=True,
        className="export-menu",
    )
