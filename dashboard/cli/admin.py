"""The administrators' commands of ``python -m dashboard``: publish, versions, rollback, users,
migrate.

They act on the app's own database through the same code as the web pages,
so a file published here gets the same checks, report and version.
"""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace

from alembic.util.exc import CommandError
from sqlalchemy.exc import SQLAlchemyError

from dashboard.accounts.users import ROLES, Account, AccountError, Accounts, parse_regions
from dashboard.data import migrations
from dashboard.data.database import DatabaseUnavailable, open_engine
from dashboard.data.ingest.load import unknown_kind_message
from dashboard.data.schemas import KINDS
from dashboard.data.store import DataFolderMissing
from dashboard.data.versions import ACTION_LABELS, DataVersions, Version, VersionNotFound
from dashboard.settings import Settings, SettingsError
from dashboard.text.formatting import parse_date, plural

EXIT_OK = 0
EXIT_REFUSED = 2


def run(args: Namespace) -> int:
    try:
        settings = Settings.from_env()
        if args.command == "users":
            return _users(args, Accounts(open_engine(settings.database)))
        if args.command == "migrate":
            return _migrate(settings)
        if args.command == "versions":
            return _versions(DataVersions(open_engine(settings.database)))
        if args.command == "rollback":
            return _rollback(args, settings)
        return _publish(args, settings)
    except (
        DatabaseUnavailable,
        DataFolderMissing,
        AccountError,
        VersionNotFound,
        SettingsError,
    ) as error:
        return _fail(str(error))
    except (SQLAlchemyError, CommandError) as error:
        return _fail(f"base de données injoignable ({type(error).__name__})")


def _migrate(settings: Settings) -> int:
    before, after = migrations.upgrade(open_engine(settings.database, migrate=False))
    if before == after:
        print(f"Schéma de la base à jour (révision {after})")
    else:
        print(f"Schéma de la base migré : révision {before or 'aucune'} → {after}")
    return EXIT_OK


def _users(args: Namespace, accounts: Accounts) -> int:
    if args.users_command == "list":
        for account in accounts.all():
            regions = ",".join(account.regions) or "toutes"
            print(f"{account.name}\t{ROLES[account.role]}\trégions : {regions}")
        return EXIT_OK
    if args.users_command == "unlock":
        count = accounts.unlock(args.name, actor="ligne de commande")
        print(f"Compte déverrouillé : {args.name} ({count} échec(s) de connexion oublié(s))")
        return EXIT_OK
    if args.users_command == "remove":
        accounts.remove(args.name, actor="ligne de commande")
        print(f"Compte supprimé : {args.name}")
        return EXIT_OK
    password = os.environ.get("TI_PASSWORD") or _ask_password()
    account = accounts.add(
        args.name, password, args.role, parse_regions(args.regions), actor="ligne de commande"
    )
    print(f"Compte créé : {account.description}")
    return EXIT_OK


def _ask_password() -> str:
    if not sys.stdin.isatty():
        raise AccountError("mot de passe absent : donnez-le dans TI_PASSWORD")
    first = getpass.getpass("Mot de passe : ")
    if first != getpass.getpass("Mot de passe (confirmation) : "):
        raise AccountError("les deux mots de passe diffèrent")
    return first


def _versions(versions: DataVersions) -> int:
    current = versions.current_number()
    for version in versions.all():
        print(version_line(version, version.number == current))
    return EXIT_OK


def version_line(version: Version, current: bool) -> str:
    """« 7  02/12/2026 14:05  alice  publication (lauréats)  laureats.csv  a1b2c3d4e5f6 … »"""
    action = ACTION_LABELS.get(version.action, version.action)
    if version.nature:
        action += f" ({version.nature})"
    if version.restored_from:
        action += f" : version {version.restored_from}"
    parts = [
        str(version.number),
        f"{version.created_at.astimezone():%d/%m/%Y %H:%M}",
        version.author,
        action,
        version.file_name or "–",
        (version.file_sha256 or "–")[:12],
    ]
    if version.rows_read is not None:
        parts.append(
            ", ".join(
                (
                    plural(version.rows_read, "ligne lue", "lignes lues"),
                    plural(version.rows_kept, "conservée", "conservées"),
                    plural(version.rows_rejected, "rejetée", "rejetées"),
                )
            )
        )
    if current:
        parts.append("(en vigueur)")
    return "\t".join(parts)


def _account(accounts: Accounts, name: str, need_admin: bool) -> Account:
    account = accounts.get(name)
    if account is None:
        raise AccountError(f"compte inconnu : {name}")
    if need_admin and not account.is_admin:
        raise AccountError(f"le compte {name} n'est pas administrateur : rien n'a été fait")
    if not account.may_publish:
        raise AccountError(f"le compte {name} est en lecture seule : rien n'a été publié")
    return account


def _rollback(args: Namespace, settings: Settings) -> int:
    engine = open_engine(settings.database)
    account = _account(Accounts(engine), args.user, need_admin=True)
    version = DataVersions(engine).rollback(args.number, account.name)
    print(f"Retour effectué : {version.label} reprend les données de la version {args.number}.")
    return EXIT_OK


def _publish(args: Namespace, settings: Settings) -> int:
    if args.kind not in KINDS:
        return _fail(unknown_kind_message(args.kind))
    if not args.file.is_file():
        return _fail(f"fichier introuvable : {args.file}")
    from dashboard.data.drafts import DraftRefused, Drafts, check_upload
    from dashboard.data.live_store import open_live_store
    from layouts.publish import changes_title

    live = open_live_store(settings)
    account = _account(Accounts(live.versions.engine), args.user, need_admin=False)
    content = args.file.read_bytes()
    data_date = parse_date(args.data_date)
    if args.data_date and data_date is None:
        return _fail(f"date illisible : « {args.data_date} » (jj/mm/aaaa attendu)")
    try:
        draft = check_upload(
            args.kind, args.file.name, content, account, live.store, args.mode, data_date
        )
    except DraftRefused as error:
        return _fail(str(error))
    print(draft.report.to_text())
    if changes_title(draft):
        print(changes_title(draft))
    if not draft.publishable:
        return _fail("rien n'a été publié : aucune ligne de ce fichier ne peut l'être")
    if draft.removed and args.confirmed_removals != draft.removed:
        return _fail(
            f"cette publication retire {draft.removed} ligne(s) : relancez avec "
            f"--confirmer-retraits {draft.removed} pour publier ; rien n'a été publié"
        )
    drafts = Drafts(live.versions)
    try:
        drafts.save(draft)
        published = drafts.publish(draft.id, account, args.confirmed_removals)
    except DraftRefused as error:
        return _fail(str(error))
    print(f"Publié : {published.version.label}.")
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"Erreur : {message}", file=sys.stderr)
    return EXIT_REFUSED
