"""Malformed bodies for ``/_dash-update-component``: what a script or an attacker sends."""

from __future__ import annotations

import json


def malformed_bodies(valid: dict) -> list[tuple[str, bytes]]:
    """(label, raw body) pairs built around one valid body of the app."""

    def variant(**changes) -> bytes:
        body = dict(valid)
        for key, value in changes.items():
            if value is _DROP:
                body.pop(key, None)
            else:
                body[key] = value
        return json.dumps(body).encode()

    deep = "[" * 5000 + "]" * 5000
    search = valid["inputs"][1:]
    nested_value = {
        "id": "_pages_location",
        "property": "pathname",
        "value": json.loads("[" * 200 + "]" * 200),
    }
    return [
        ("JSON null", b"null"),
        ("liste", b"[]"),
        ("nombre", b"42"),
        ("chaîne", b'"bonjour"'),
        ("JSON invalide", b"{output:"),
        ("octets aléatoires", bytes(range(256))),
        ("corps vide", b""),
        ("objet vide", b"{}"),
        ("sans output", variant(output=_DROP)),
        ("sans outputs", variant(outputs=_DROP)),
        ("sans inputs", variant(inputs=_DROP)),
        ("output nombre", variant(output=12)),
        ("output inconnu", variant(output="nexiste.pas")),
        ("outputs chaîne", variant(outputs="x")),
        ("outputs sans id", variant(outputs={"property": "children"})),
        ("inputs objet", variant(inputs={"id": "_pages_location"})),
        ("inputs chaînes", variant(inputs=["_pages_location.pathname"])),
        ("inputs null", variant(inputs=None)),
        ("inputs trop nombreux", variant(inputs=valid["inputs"] * 3)),
        ("state chaîne", variant(state="x")),
        ("changedPropIds nombre", variant(changedPropIds=3)),
        ("changedPropIds objets", variant(changedPropIds=[{}])),
        (
            "valeur nombre pour pathname",
            variant(inputs=[{**valid["inputs"][0], "value": 12}, *search]),
        ),
        (
            "valeur liste pour pathname",
            variant(inputs=[{**valid["inputs"][0], "value": [1]}, *search]),
        ),
        (
            "valeur objet pour pathname",
            variant(inputs=[{**valid["inputs"][0], "value": {}}, *search]),
        ),
        ("search nombre", variant(inputs=[valid["inputs"][0], {**valid["inputs"][1], "value": 5}])),
        ("imbrication 5000", deep.encode()),
        ("valeur imbriquée 200", variant(inputs=[nested_value])),
        ("10 Mo", b'{"output": "' + b"a" * (10 * 1024 * 1024) + b'"}'),
        ("id nombre", variant(inputs=[{"id": 3, "property": "pathname", "value": "/"}])),
        ("UTF-16", json.dumps(valid).encode("utf-16")),
        ("clé dupliquée", b'{"output": 1, "output": "_pages_content.children"}'),
    ]


_DROP = object()
