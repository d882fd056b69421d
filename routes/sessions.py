"""Who is asking: login and logout, the private-access gate, CSRF and origin checks.

Every state-changing action is a form POST carrying the session's CSRF token,
from a page of this very origin; the session cookie is HttpOnly, SameSite=Lax
and Secure (except on loopback, for ``make run``). With ``TI_AUTH_HEADER`` an
authenticating proxy names the user instead (see the README for when that
header may be trusted).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from urllib.parse import quote, urlsplit

from dash import Dash
from flask import Response, g, redirect, render_template, request, session
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy.exc import SQLAlchemyError

from dashboard.accounts.users import Account, Accounts, Session, TooManyFailures
from dashboard.settings import Settings
from dashboard.text import labels
from layouts import paths
from layouts.paths import LOGIN_PATH, LOGOUT_PATH
from layouts.publish import TEMPLATES
from routes.safe_redirect import safe_target

LOG = logging.getLogger(__name__)
# Reachable without a login when TI_ACCES=prive: the login form and what it needs.
OPEN_PATHS = (LOGIN_PATH, "/assets/", "/sante")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class Refused(Exception):
    """A request refused with an HTTP status and one French sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _SessionCookies(SecureCookieSessionInterface):
    """Secure cookies, except over plain HTTP on loopback (development with ``make run``)."""

    def get_cookie_secure(self, app) -> bool:
        return request.host.rsplit(":", 1)[0] not in LOOPBACK_HOSTS or request.is_secure


def register(app: Dash, settings: Settings, accounts: Accounts | None) -> None:
    server = app.server
    server.session_interface = _SessionCookies()
    server.config.update(
        SESSION_COOKIE_NAME="ti_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    server.template_folder = str(TEMPLATES)
    server.config["TI_ACCOUNTS"] = accounts
    server.config["TI_SETTINGS"] = settings

    @server.before_request
    def private_gate():
        if not settings.private or request.path.startswith(OPEN_PATHS):
            return None
        if current_session() is not None:
            return None
        if database_down():
            return message_page(labels.DATABASE_DOWN_TITLE, labels.DATABASE_DOWN_LOGIN, 503)
        if request.method == "GET" and _is_page(request.path):
            return redirect(f"{LOGIN_PATH}?suite={quote(request.full_path.rstrip('?'))}")
        return message_page(labels.AUTH_REQUIRED_TITLE, labels.AUTH_REQUIRED, 401)

    @server.route(LOGIN_PATH, methods=["GET"])
    def login_form():
        return _login_page(request.args.get("suite", ""))

    @server.route(LOGIN_PATH, methods=["POST"])
    def login():
        target = request.form.get("suite", "")
        if accounts is None:
            return _login_page(target, labels.LOGIN_NO_DATABASE, 503)
        if not _same_origin() or not _valid_token(request.form.get("csrf_token"), _login_token()):
            return _login_page(target, labels.CSRF_REFUSED, 403)
        name, password = request.form.get("nom", ""), request.form.get("mot_de_passe", "")
        try:
            opened = accounts.log_in(name, password, request.remote_addr or "")
        except TooManyFailures as error:
            return _login_page(target, labels.sentence(str(error)), 429)
        except SQLAlchemyError:
            return _login_page(target, labels.DATABASE_DOWN_LOGIN, 503)
        if opened is None:
            return _login_page(target, labels.LOGIN_FAILED, 401)
        token, _session = opened
        session.clear()
        session["token"] = token
        session.permanent = False
        return redirect(safe_target(target) or "/", code=303)

    @server.route(LOGOUT_PATH, methods=["POST"])
    def logout():
        current = current_session()
        if current is None:
            return redirect("/", code=303)
        try:
            check_form(current)
        except Refused as refusal:
            return message_page(labels.ACTION_REFUSED_TITLE, refusal.message, refusal.status)
        if accounts is not None:
            accounts.log_out(session.get("token"))
        session.clear()
        return redirect("/", code=303)


def current_session() -> Session | None:
    """The session of this request (cached for the request); None for a visitor, and
    None too while the database cannot be read (the pages keep being served; every
    write answers 503)."""
    if "ti_session" not in g:
        try:
            g.ti_session = _find_session()
        except SQLAlchemyError as error:
            LOG.warning("session illisible, base injoignable : %s", type(error).__name__)
            g.ti_session, g.ti_database_down = None, True
    return g.ti_session


def database_down() -> bool:
    """Whether this request found the database unreadable (see ``current_session``)."""
    return bool(g.get("ti_database_down"))


def _find_session() -> Session | None:
    from flask import current_app

    accounts: Accounts | None = current_app.config.get("TI_ACCOUNTS")
    settings: Settings = current_app.config["TI_SETTINGS"]
    if accounts is None:
        return None
    signed_in = accounts.session(session.get("token"))
    if signed_in is not None or not settings.auth_header:
        return signed_in  # a login with a password outranks the proxy's header
    name = request.headers.get(settings.auth_header, "").strip()[:80]
    if not name:
        return None
    account = accounts.get(name) or Account(name, "lecteur")
    return Session(account, _header_csrf_token(name))


def _header_csrf_token(name: str) -> str:
    """A CSRF token for a proxy-authenticated user: random, kept in the signed session
    cookie, new whenever the header names someone else (never derived from the name)."""
    if session.get("header_user") != name or "header_csrf" not in session:
        session["header_user"] = name
        session["header_csrf"] = secrets.token_urlsafe(32)
    return session["header_csrf"]


def check_form(current: Session | None, need: str = "any") -> Session:
    """The session allowed to perform this POST, or Refused (no change is made)."""
    if current is None and database_down():
        raise Refused(503, labels.DATABASE_DOWN_LOGIN)
    if current is None:
        raise Refused(401, labels.AUTH_REQUIRED)
    if not _same_origin() or not _valid_token(request.form.get("csrf_token"), current.csrf_token):
        raise Refused(403, labels.CSRF_REFUSED)
    if need == "publish" and not current.account.may_publish:
        raise Refused(403, labels.ROLE_REFUSED_PUBLISH)
    if need == "admin" and not current.account.is_admin:
        raise Refused(403, labels.ROLE_REFUSED_ADMIN)
    return current


def _valid_token(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(given, expected)


def _same_origin() -> bool:
    """The request comes from a page of this site (Origin, or else Referer, names this host)."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin:
        return False
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


def _login_token() -> str:
    """A CSRF token for the login form itself, kept in the signed cookie before any login."""
    if "login_csrf" not in session:
        session["login_csrf"] = secrets.token_urlsafe(32)
    return session["login_csrf"]


def _is_page(path: str) -> bool:
    return not path.startswith(("/_dash", "/_reload", "/export/", "/geo/", "/static/", "/_"))


def render(template: str, status: int = 200, **context) -> Response:
    """A server-rendered page (Jinja autoescapes every value), never cached."""
    context.setdefault("current", current_session())
    page = render_template(template, labels=labels, paths=paths, **context)
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def _login_page(target: str, message: str = "", status: int = 200) -> Response:
    return render(
        "login.html",
        status,
        title=labels.LOGIN_TITLE,
        message=message,
        token=_login_token(),
        target=safe_target(target),
    )


def message_page(title: str, message: str, status: int, link: str = "/") -> Response:
    """A plain French page for a refused or failed request (no traceback, no data)."""
    return render(
        "message.html",
        status,
        title=title,
        message=message,
        tone="danger" if status >= 400 else "success",
        link=safe_target(link) or "/",
        link_text=labels.BACK,
    )
