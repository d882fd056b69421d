"""A browser without a browser: render a page through the router callback, then fire
every callback whose inputs are on that page, as Dash's renderer does on first load.

Used to prove that no screen answers HTTP 500, whatever the data folder or the URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

UPDATE = "/_dash-update-component"
ROUNDS = 3


@dataclass
class Failure:
    what: str
    status: int
    body: str


@dataclass
class PageRun:
    path: str
    statuses: list[int] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    props: dict[str, dict] = field(default_factory=dict)

    def text(self) -> str:
        """Every string shown by the components reached (to look for French messages)."""
        return json.dumps(self.props, ensure_ascii=False)


def component_props(tree, found: dict[str, dict]) -> None:
    """{id: props} of every component with a string id in a serialised layout."""
    if isinstance(tree, list):
        for item in tree:
            component_props(item, found)
        return
    if not isinstance(tree, dict):
        return
    props = tree.get("props")
    if isinstance(props, dict) and "type" in tree:
        if isinstance(props.get("id"), str):
            found.setdefault(props["id"], {}).update(props)
        for value in props.values():
            component_props(value, found)


def _post(client, body) -> tuple[int, object, str]:
    response = client.post(UPDATE, json=body)
    text = response.get_data(as_text=True)
    try:
        payload = json.loads(text) if response.status_code == 200 else None
    except json.JSONDecodeError:
        payload = None
    return response.status_code, payload, text


def body_for(callback: dict, props: dict[str, dict]) -> dict | None:
    """The request the renderer sends for ``callback`` with the page's current values."""
    return _body(callback, props)


def _body(callback: dict, props: dict[str, dict]) -> dict | None:
    dependencies = [*callback["inputs"], *callback["state"]]
    if any(not isinstance(d["id"], str) or d["id"] not in props for d in dependencies):
        return None

    def values(items):
        return [
            {"id": d["id"], "property": d["property"], "value": props[d["id"]].get(d["property"])}
            for d in items
        ]

    first = callback["inputs"][0]
    return {
        "output": callback["output"],
        "outputs": _outputs(callback["output"]),
        "inputs": values(callback["inputs"]),
        "state": values(callback["state"]),
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }


def _outputs(key: str):
    parts = key.strip(".").split("...") if key.startswith("..") else [key]
    outputs = []
    for part in parts:
        component, _, prop = part.partition(".")
        outputs.append({"id": component, "property": prop.split("@")[0]})
    return outputs if key.startswith("..") else outputs[0]


def run_page(app, client, path: str) -> PageRun:
    """Load ``path`` as the renderer would; every non-200 answer is a failure."""
    run = PageRun(path)
    index = client.get(path)
    run.statuses.append(index.status_code)
    if index.status_code >= 500:
        run.failures.append(Failure(f"GET {path}", index.status_code, index.get_data(True)[:500]))
    # The skeleton as the renderer gets it (the layout is a function of the session).
    # The browser asks for the layout from the page it shows: the page comes built in.
    layout = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}"})
    component_props(layout.get_json(), run.props)
    callbacks = [c for c in app._callback_list if not c.get("clientside_function")]
    fired: set[str] = set()
    for _ in range(ROUNDS):
        for callback in callbacks:
            if callback["output"] in fired:
                continue
            body = _body(callback, run.props)
            if body is None:
                continue
            fired.add(callback["output"])
            status, payload, text = _post(client, body)
            run.statuses.append(status)
            if status >= 500:
                run.failures.append(Failure(callback["output"][:80], status, text[-800:]))
            if isinstance(payload, dict):
                for component, changes in payload.get("response", {}).items():
                    run.props.setdefault(component, {}).update(changes)
                    for value in changes.values():
                        component_props(value, run.props)
    return run
