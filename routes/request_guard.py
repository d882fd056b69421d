"""Malformed requests get a 4xx and one log line, never a 500 with a traceback.

Dash trusts the body of ``/_dash-update-component`` (it indexes ``output``,
``inputs``... and hands the values to the callbacks). A browser always sends a
well-formed body; anything else is a script, a fuzzer or an attacker, and is
refused here before Dash reads it. An exception a callback still raises on odd
input values is answered 400 and logged in one line with where it happened.
"""

from __future__ import annotations

import json
import logging
import traceback

from dash import Dash
from flask import Response, request
from werkzeug.exceptions import HTTPException

LOG = logging.getLogger(__name__)
UPDATE_PATH = "/_dash-update-component"
# A real callback body is a few KB (the largest: the figure state of a map, ~100 KB).
MAX_CALLBACK_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64


class BadCallbackRequest(ValueError):
    """The body is not what Dash's renderer sends; the message is French."""


def register(app: Dash) -> None:
    server = app.server
    update_path = app.config.requests_pathname_prefix.rstrip("/") + UPDATE_PATH

    @server.before_request
    def check_callback_body():
        if request.path != update_path or request.method != "POST":
            return None
        if (request.content_length or 0) > MAX_CALLBACK_BYTES:
            return _refuse(413, "requête trop volumineuse")
        try:
            body = json.loads(request.get_data(cache=True) or b"null")
            check_body(body, app.callback_map)
        except (ValueError, RecursionError) as error:
            return _refuse(400, f"requête de mise à jour invalide : {_short(error)}")
        return None

    @server.errorhandler(Exception)
    def unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return error
        where = traceback.extract_tb(error.__traceback__)[-1:]
        place = f"{where[0].filename}:{where[0].lineno}" if where else "?"
        if request.path == update_path:
            LOG.error("callback refusé (%s : %s, %s)", type(error).__name__, _short(error), place)
            return _refuse(400, "requête de mise à jour invalide")
        LOG.error("erreur sur %s (%s : %s, %s)", request.path, type(error).__name__, error, place)
        return Response(
            "Erreur interne : la page n'a pas pu être préparée. Réessayez ou signalez-le.",
            status=500,
            mimetype="text/plain",
        )


def check_body(body: object, callback_map: dict) -> None:
    """Raise BadCallbackRequest unless ``body`` has the shape the renderer sends."""
    if not isinstance(body, dict):
        raise BadCallbackRequest("un objet JSON est attendu")
    _check_depth(body, 0)
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        raise BadCallbackRequest("« output » absent ou inconnu")
    outputs = body.get("outputs")
    items = outputs if isinstance(outputs, list) else [outputs]
    if not items or not all(_is_dependency(item) for item in items):
        raise BadCallbackRequest("« outputs » mal formé")
    expected = callback_map[output]
    for name in ("inputs", "state"):
        given = body.get(name, [])
        if not isinstance(given, list) or not all(_is_value(item) for item in given):
            raise BadCallbackRequest(f"« {name} » mal formé")
        if len(given) != len(expected.get(name, [])):
            raise BadCallbackRequest(f"« {name} » : nombre de valeurs inattendu")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        raise BadCallbackRequest("« changedPropIds » mal formé")


def _is_dependency(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("id"), str | dict)
        and isinstance(item.get("property"), str)
    )


def _is_value(item: object) -> bool:
    """One input or state: a dependency, or a list of them (pattern-matching ALL)."""
    if isinstance(item, list):
        return all(_is_dependency(part) for part in item)
    return _is_dependency(item)


def _check_depth(value: object, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BadCallbackRequest("imbrication trop profonde")
    if isinstance(value, dict):
        for item in value.values():
            _check_depth(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)


def _short(error: BaseException) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__


def _refuse(status: int, message: str) -> Response:
    LOG.warning("%s %s refusé (%d) : %s", request.method, request.path, status, message)
    body = json.dumps({"erreur": message}, ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")
