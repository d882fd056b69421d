"""Publishing through the app: upload and review, publish or abandon, roll back; health.

Plain form POSTs (redirect after POST), each checked by ``sessions.check_form``
(session, CSRF token, origin, role) before anything is read or written. The
review page itself is a Dash page (``layouts.publish``) rendered by the router.
"""

from __future__ import annotations

import logging
import re
import threading

from dash import Dash
from flask import Blueprint, Response, current_app, jsonify, redirect, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import RequestEntityTooLarge

from dashboard.data.changes import version_changes, version_diff
from dashboard.data.drafts import (
    DraftRefused,
    Drafts,
    RemovalsNotConfirmed,
    check_upload,
    draft_changes,
)
from dashboard.data.ingest.scope import DEFAULT_MODE, MODES
from dashboard.data.live_store import LiveStore
from dashboard.data.schemas import KINDS
from dashboard.data.versions import VersionNotFound
from dashboard.reports.exports import to_excel_csv
from dashboard.text import formatting, labels
from layouts.paths import DATA_PATH, PUBLISH_PATH, rollback_path
from layouts.publish import publish_context, rollback_context
from routes.sessions import (
    LOGIN_PATH,
    Refused,
    check_form,
    current_session,
    database_down,
    message_page,
    render,
)

LOG = logging.getLogger(__name__)
CONFIRMED = re.compile(r"\s*(\d[\d \u00a0\u202f]*)\s*(?:lignes?)?\s*")
MULTIPART_MARGIN = 64 * 1024  # form fields and multipart boundaries around the file


MAX_VERSION_NUMBER = 2**31 - 1  # the largest INTEGER of PostgreSQL
publishing = Blueprint("publishing", __name__)


def register(app: Dash, live: LiveStore | None) -> None:
    server = app.server
    limit = server.config["TI_SETTINGS"].max_file_bytes
    server.config["MAX_CONTENT_LENGTH"] = max(limit + MULTIPART_MARGIN, 3 * 1024 * 1024)
    server.config["TI_DRAFTS"] = Drafts(live.versions) if live is not None else None
    server.register_blueprint(publishing)


def _live() -> LiveStore | None:
    return current_app.config["TI_LIVE"]


def _drafts() -> Drafts | None:
    return current_app.config["TI_DRAFTS"]


def _limit() -> int:
    return current_app.config["TI_SETTINGS"].max_file_bytes


def _refuse_while_faulty() -> None:
    """No write into a base the live store found unreachable, deleted or replaced."""
    live = _live()
    if live is not None and live.database_error:
        raise Refused(503, live.database_error)


def refuse(status: int, message: str):
    return message_page(labels.ACTION_REFUSED_TITLE, message, status, PUBLISH_PATH)


@publishing.route(PUBLISH_PATH, methods=["GET"])
def publish_form():
    current = current_session()
    if current is None and database_down():
        return refuse(503, labels.DATABASE_DOWN_LOGIN)
    if current is None:
        return redirect(f"{LOGIN_PATH}?suite={PUBLISH_PATH}")
    if not current.account.may_publish:
        return message_page(labels.ACTION_REFUSED_TITLE, labels.ROLE_REFUSED_PUBLISH, 403)
    live = _live()
    if live is None:
        return refuse(503, labels.PUBLISH_NO_DATABASE)
    draft, message, tone = None, "", "info"
    draft_id = request.args.get("brouillon", "")
    if draft_id:
        try:
            draft = _drafts().get(draft_id, current.account)
        except DraftRefused as error:
            message, tone = labels.sentence(str(error)), "warning"
        except SQLAlchemyError:
            message, tone = labels.PUBLISH_UNREACHABLE, "danger"
    if request.args.get("abandon"):
        message = labels.PUBLISH_ABANDONED
    regions = live.store.geography.names("reg")
    context = publish_context(current, draft, _size(_limit()), regions)
    return render("publish.html", message=message, tone=tone, **context)


@publishing.app_errorhandler(RequestEntityTooLarge)
def too_large(_error):
    text = labels.PUBLISH_TOO_BIG.format(limit=_size(_limit()))
    return message_page(labels.ACTION_REFUSED_TITLE, text, 413, PUBLISH_PATH)


@publishing.route(PUBLISH_PATH, methods=["POST"])
def upload():
    limit, drafts = _limit(), _drafts()
    if (request.content_length or 0) > limit + MULTIPART_MARGIN:
        return refuse(413, labels.PUBLISH_TOO_BIG.format(limit=_size(limit)))
    try:
        current = check_form(current_session(), "publish")
    except Refused as refusal:
        return refuse(refusal.status, refusal.message)
    if drafts is None:
        return refuse(503, labels.PUBLISH_NO_DATABASE)
    kind = request.form.get("nature", "")
    if kind not in KINDS:
        return refuse(400, labels.PUBLISH_BAD_KIND)
    sent = request.files.get("fichier")
    if sent is None or not sent.filename:
        return refuse(400, labels.PUBLISH_NO_FILE)
    content = sent.stream.read(limit + 1)
    if len(content) > limit:
        return refuse(413, labels.PUBLISH_TOO_BIG.format(limit=_size(limit)))
    mode = request.form.get("mode", DEFAULT_MODE)
    if mode not in MODES:
        return refuse(400, labels.PUBLISH_BAD_MODE)
    typed_date = request.form.get("date_donnees", "")[:40]
    data_date = formatting.parse_date(typed_date)
    if typed_date.strip() and data_date is None:
        return refuse(400, labels.PUBLISH_BAD_DATE.format(text=typed_date.strip()))
    try:
        draft = check_upload(
            kind, sent.filename, content, current.account, _live().store, mode, data_date
        )
    except DraftRefused as error:
        return refuse(403, labels.sentence(str(error)))
    try:
        drafts.save(draft)
    except DraftRefused as error:
        return refuse(429, labels.sentence(str(error)))
    except SQLAlchemyError:
        LOG.exception("brouillon non enregistré")
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    return redirect(f"{PUBLISH_PATH}?brouillon={draft.id}", code=303)


@publishing.route(f"{PUBLISH_PATH}/confirmer", methods=["POST"])
def confirm():
    try:
        current = check_form(current_session(), "publish")
        _refuse_while_faulty()
        if _drafts() is None:
            raise Refused(503, labels.PUBLISH_NO_DATABASE)
        published = _drafts().publish(
            request.form.get("brouillon", ""),
            current.account,
            confirmed_number(request.form.get("retraits")),
        )
    except Refused as refusal:
        return refuse(refusal.status, refusal.message)
    except RemovalsNotConfirmed as error:
        return refuse(400, labels.sentence(str(error)))
    except DraftRefused as error:
        return refuse(409, labels.sentence(str(error)))
    except SQLAlchemyError:
        LOG.exception("publication impossible")
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    _refresh_soon(_live())
    overtook = ",".join(str(number) for number in published.overtook)
    target = f"{DATA_PATH}?publie={published.version.number}"
    return redirect(target + (f"&entre={overtook}" if overtook else ""), code=303)


@publishing.route(f"{PUBLISH_PATH}/abandonner", methods=["POST"])
def abandon():
    try:
        current = check_form(current_session(), "publish")
        if _drafts() is not None:
            _drafts().abandon(request.form.get("brouillon", ""), current.account)
    except Refused as refusal:
        return refuse(refusal.status, refusal.message)
    except DraftRefused:
        pass  # already gone: abandoning it again changes nothing either
    return redirect(f"{PUBLISH_PATH}?abandon=1", code=303)


@publishing.route(f"{PUBLISH_PATH}/changements.csv")
def draft_changes_csv():
    """Every row the editor's draft would add, update or remove (its owner only)."""
    current = current_session()
    if current is None:
        return redirect(f"{LOGIN_PATH}?suite={PUBLISH_PATH}")
    if _drafts() is None:
        return refuse(503, labels.PUBLISH_NO_DATABASE)
    try:
        draft = _drafts().get(request.args.get("brouillon", ""), current.account)
    except DraftRefused as error:
        return refuse(404, labels.sentence(str(error)))
    except SQLAlchemyError:
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    frame = draft_changes(draft, _live().store)
    column = frame.columns[0]
    frame = frame.drop(columns=["code_commune"]).rename(
        columns={column: labels.DIFF_COLUMNS["identifiant"], **labels.DIFF_COLUMNS}
    )
    frame[labels.DIFF_COLUMNS["statut"]] = frame[labels.DIFF_COLUMNS["statut"]].map(
        labels.PUBLISH_CHANGES
    )
    return _csv(frame, f"changements-{draft.file_name.rsplit('.', 1)[0]}.csv")


@publishing.route(f"{DATA_PATH}/versions/<int:number>/retablir", methods=["GET"])
def rollback_review(number: int):
    """What a roll-back to ``number`` would change, and the form that does it (administrators)."""
    current = current_session()
    if current is None:
        return redirect(f"{LOGIN_PATH}?suite={rollback_path(number)}")
    if not current.account.is_admin:
        return refuse(403, labels.ROLE_REFUSED_ADMIN)
    live = _live()
    if live is None:
        return refuse(503, labels.PUBLISH_NO_DATABASE)
    try:
        if number > MAX_VERSION_NUMBER:
            raise VersionNotFound(f"la version {number} n'existe pas")
        version = live.versions.get(number)
        target = live.version_store(number)
    except VersionNotFound as error:
        return refuse(404, labels.sentence(str(error)))
    except SQLAlchemyError:
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    context = rollback_context(version, live.number, version_changes(live.store, target))
    return render("rollback.html", **context)


@publishing.route(f"{DATA_PATH}/versions/<int:number>/differences.csv")
def version_differences(number: int):
    """Rows a version added, updated or removed, against the version before it (CSV)."""
    live = _live()
    if live is None:
        return refuse(503, labels.PUBLISH_NO_DATABASE)
    try:
        if number > MAX_VERSION_NUMBER or number < 2:
            raise VersionNotFound(f"la version {number} n'a pas de version précédente")
        after = live.version_store(number)
        before = live.version_store(number - 1)
    except VersionNotFound as error:
        return refuse(404, labels.sentence(str(error)))
    except SQLAlchemyError:
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    frame = version_diff(before, after).rename(columns=labels.DIFF_COLUMNS)
    frame[labels.DIFF_COLUMNS["statut"]] = frame[labels.DIFF_COLUMNS["statut"]].map(
        labels.PUBLISH_CHANGES
    )
    return _csv(frame, f"differences-version-{number}.csv")


def _csv(frame, name: str) -> Response:
    response = Response(to_excel_csv(frame), mimetype="text/csv")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    response.headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@publishing.route(f"{DATA_PATH}/versions/<int:number>/retablir", methods=["POST"])
def rollback(number: int):
    live = _live()
    try:
        current = check_form(current_session(), "admin")
        if live is None:
            raise Refused(503, labels.PUBLISH_NO_DATABASE)
        _refuse_while_faulty()
        if number > MAX_VERSION_NUMBER:  # beyond the column's integers: none such
            raise VersionNotFound(f"la version {number} n'existe pas")
        version = live.versions.rollback(number, current.account.name)
    except Refused as refusal:
        return refuse(refusal.status, refusal.message)
    except VersionNotFound as error:
        return refuse(404, labels.sentence(str(error)))
    except SQLAlchemyError:
        return refuse(503, labels.PUBLISH_UNREACHABLE)
    _refresh_soon(live)
    return redirect(f"{DATA_PATH}?retour={version.number}&depuis={number}", code=303)


@publishing.route("/sante")
def health():
    """For load balancers: the version this process serves and whether the base answers
    (503 while it cannot: unreachable, deleted or replaced SQLite file)."""
    live = _live()
    fault = live.database_error if live is not None else None
    answer = jsonify(
        statut="degrade" if fault else "ok",
        version=live.number if live is not None else None,
        base="injoignable" if fault else "ok",
        detail=fault or "",
    )
    # A load balancer takes a process whose served version cannot follow the base out.
    answer.status_code = 503 if fault else 200
    return answer


def confirmed_number(text: str | None) -> int | None:
    """The number of removals the editor typed (« 83 », « 1 416 », « 83 lignes »), None when
    it is anything else (« -2 », « deux »)."""
    found = CONFIRMED.fullmatch((text or "")[:40])
    return int(re.sub(r"\D", "", found.group(1))) if found else None


def _refresh_soon(live: LiveStore | None) -> None:
    """This process reloads at once; the others within their polling interval."""
    if live is not None:
        threading.Thread(target=live.refresh, name="ti-refresh", daemon=True).start()


def _size(limit: int) -> str:
    """« 20 Mo », « 1,5 Mo », « 10 Ko »: the limit as the user reads it."""
    megabytes = limit / 1024 / 1024
    if megabytes >= 1:
        return f"{formatting.number(megabytes, 0 if megabytes == int(megabytes) else 1)} Mo"
    return f"{formatting.number(limit / 1024, 0)} Ko"
