"""The page the browser asked for, built into the first layout (no router round trip).

Dash Pages fills ``dash.page_container`` with the page only after its router callback
has run, a round trip before the first map can start. The layout is built instead with
that container's components, the location and the page already in them. This module is
the one place that relies on how Dash lays the container out (its four components, in
order: location, content, store, dummy): ``container_ids`` checks it and stops the app
with a clear message on a Dash release that changes it
(``tests/integration/test_page_container.py``).
The rest is public API: ``dash.page_registry`` and the path templates pages declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import dash
from dash import dcc, html


@dataclass(frozen=True)
class ContainerIds:
    location: str
    content: str
    store: str
    dummy: str


def container_ids() -> ContainerIds:
    """The ids of ``dash.page_container``'s components, which its router listens to."""
    children = list(dash.page_container.children)
    kinds = [type(child) for child in children]
    if kinds != [dcc.Location, html.Div, dcc.Store, html.Div]:
        raise RuntimeError(
            "dash.page_container a changé de forme (attendu : Location, Div, Store, Div ; "
            f"trouvé : {', '.join(kind.__name__ for kind in kinds)}) : "
            "adapter pages/first_paint.py à cette version de Dash"
        )
    return ContainerIds(*(child.id for child in children))


PAGES = container_ids()
# The app's own location: a callback that sets its pathname opens that page (the
# browser's history and Dash Pages' router follow, as for a link).
NAVIGATE = "navigate"


def page_container(location: dict | None, page, title: str) -> list:
    """``dash.page_container``'s components, the location and page filled in when known."""
    return [
        dcc.Location(id=PAGES.location, refresh="callback-nav", **(location or {})),
        html.Div(page, id=PAGES.content, disable_n_clicks=True),
        dcc.Store(id=PAGES.store, data={"title": title}),
        html.Div(id=PAGES.dummy, disable_n_clicks=True),
    ]


def match_page(path: str) -> tuple[dict, dict]:
    """The registered page for ``path`` and its path variables ({} and {} when none).

    A template segment ``<name>`` takes one path segment (``/region/<region_code>``)."""
    segments = path.strip("/").split("/")
    for page in dash.page_registry.values():
        template = (page.get("path_template") or "").strip("/")
        if template:
            variables = _template_variables(template.split("/"), segments)
            if variables is not None:
                return page, variables
        if segments == page["path"].strip("/").split("/"):
            return page, {}
    return {}, {}


def _template_variables(template: list[str], segments: list[str]) -> dict | None:
    if len(template) != len(segments):
        return None
    variables = {}
    for expected, segment in zip(template, segments, strict=True):
        if expected.startswith("<") and expected.endswith(">"):
            variables[expected[1:-1]] = segment
        elif expected != segment:
            return None
    return variables


def query_arguments(search: str) -> dict:
    """``?a=1&b=2&b=3`` -> {"a": "1", "b": ["2", "3"]}, as Dash Pages hands them to layouts."""
    parsed = parse_qs(search.removeprefix("?"), keep_blank_values=True)
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


def location_of(referrer: str) -> dict:
    parts = urlsplit(referrer)
    search = f"?{parts.query}" if parts.query else ""
    return {"pathname": parts.path, "search": search, "href": referrer, "hash": ""}
