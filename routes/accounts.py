"""Accounts page for administrators: list, create with a role and régions, remove.

Plain form POSTs, each checked by ``sessions.check_form`` (session, CSRF token, origin,
administrator role) before anything is written."""

from __future__ import annotations

from urllib.parse import quote

from dash import Dash
from flask import Blueprint, current_app, redirect, request

from dashboard.accounts.users import ROLES, AccountError, Accounts, parse_regions
from dashboard.text import labels
from layouts.paths import ACCOUNTS_PATH
from routes.sessions import LOGIN_PATH, Refused, check_form, current_session, message_page, render

accounts_pages = Blueprint("accounts", __name__)


def register(app: Dash) -> None:
    app.server.register_blueprint(accounts_pages)


def _accounts() -> Accounts | None:
    return current_app.config.get("TI_ACCOUNTS")


def _refused(message: str, status: int):
    return message_page(labels.ACTION_REFUSED_TITLE, message, status, ACCOUNTS_PATH)


@accounts_pages.route(ACCOUNTS_PATH, methods=["GET"])
def accounts_page():
    current = current_session()
    if current is None:
        return redirect(f"{LOGIN_PATH}?suite={ACCOUNTS_PATH}")
    accounts = _accounts()
    if not current.account.is_admin or accounts is None:
        return message_page(labels.ACTION_REFUSED_TITLE, labels.ROLE_REFUSED_ACCOUNTS, 403)
    notice = labels.ACCOUNT_NOTICES.get(request.args.get("fait", ""), "")
    return render(
        "accounts.html",
        title=labels.ACCOUNTS_TITLE,
        width="56rem",
        message=notice.format(name=request.args.get("nom", "")) if notice else "",
        tone="success",
        accounts=accounts.all(),
        roles=ROLES,
    )


@accounts_pages.route(ACCOUNTS_PATH, methods=["POST"])
def add_account():
    try:
        current = check_form(current_session(), "admin")
        accounts = _accounts()
        if accounts is None:
            raise Refused(503, labels.PUBLISH_NO_DATABASE)
        regions = parse_regions(request.form.get("regions", ""))
        created = accounts.add(
            request.form.get("nom", "").strip(),
            request.form.get("mot_de_passe", ""),
            request.form.get("role", ""),
            regions,
            actor=current.account.name,
        )
    except Refused as refusal:
        return _refused(refusal.message, refusal.status)
    except AccountError as error:
        return _refused(labels.sentence(str(error)), 400)
    return redirect(f"{ACCOUNTS_PATH}?fait=cree&nom={quote(created.name)}", code=303)


@accounts_pages.route(f"{ACCOUNTS_PATH}/supprimer", methods=["POST"])
def remove_account():
    try:
        current = check_form(current_session(), "admin")
        name = request.form.get("nom", "")
        if name == current.account.name:
            raise AccountError("un administrateur ne supprime pas son propre compte")
        accounts = _accounts()
        if accounts is None:
            raise Refused(503, labels.PUBLISH_NO_DATABASE)
        accounts.remove(name, actor=current.account.name)
    except Refused as refusal:
        return _refused(refusal.message, refusal.status)
    except AccountError as error:
        return _refused(labels.sentence(str(error)), 400)
    return redirect(f"{ACCOUNTS_PATH}?fait=supprime&nom={quote(name)}", code=303)
