"""Accounts, roles, login sessions and the failed-login limit, kept in the shared database.

Passwords are hashed with Argon2id (argon2-cffi). A session is a random token
whose SHA-256 only is stored, so a copied database cannot be used to log in;
logging out deletes it, so a copied cookie stops working at once. Each session
carries its own CSRF token, which every state-changing request must echo.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, insert, select

from dashboard.data.database import (
    accounts,
    as_utc,
    login_failures,
    login_sessions,
    now,
    record,
    writing,
)

ROLES = {"lecteur": "lecteur", "editeur": "éditeur", "administrateur": "administrateur"}
NAME_PATTERN = re.compile(r"^[A-Za-z0-9._@-]{2,80}$")
MIN_PASSWORD = 10
SESSION_HOURS = 12
FAILURE_LIMIT = 5  # failed logins per (name, address), 4 times more per address ...
FAILURE_WINDOW = timedelta(minutes=15)  # ... within this window
HASHER = PasswordHasher()
# Verified when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    regions: tuple[str, ...] = ()  # an editor limited to these régions; () = all

    @property
    def may_publish(self) -> bool:
        return self.role in ("editeur", "administrateur")

    @property
    def is_admin(self) -> bool:
        return self.role == "administrateur"

    @property
    def description(self) -> str:
        scope = f", régions {', '.join(self.regions)}" if self.regions else ""
        return f"{self.name} ({ROLES.get(self.role, self.role)}{scope})"


@dataclass(frozen=True)
class Session:
    account: Account
    csrf_token: str


class AccountError(Exception):
    """A refused account operation; the message is French."""


class TooManyFailures(Exception):
    """Logins refused for a while after repeated failures; the message is French."""


class Accounts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- accounts ----------------------------------------------------------------------

    def add(
        self, name: str, password: str, role: str, regions: tuple[str, ...] = (), actor: str = ""
    ) -> Account:
        if not NAME_PATTERN.match(name):
            raise AccountError(
                "nom de compte invalide : 2 à 80 caractères parmi lettres, chiffres et . _ @ -"
            )
        role = role.strip().lower().replace("é", "e")
        if role not in ROLES:
            raise AccountError(f"rôle inconnu : {role!r} (rôles : {', '.join(ROLES)})")
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"mot de passe trop court : au moins {MIN_PASSWORD} caractères")
        with writing(self.engine) as connection:
            if connection.execute(select(accounts.c.name).where(accounts.c.name == name)).first():
                raise AccountError(f"le compte {name} existe déjà")
            connection.execute(
                insert(accounts).values(
                    name=name,
                    password_hash=HASHER.hash(password),
                    role=role,
                    regions=",".join(regions),
                    created_at=now(),
                )
            )
            detail = {"compte": name, "role": role, "regions": list(regions)}
            record(connection, actor or name, "compte_cree", detail)
        return Account(name, role, tuple(regions))

    def remove(self, name: str, actor: str = "") -> None:
        with writing(self.engine) as connection:
            gone = connection.execute(delete(accounts).where(accounts.c.name == name)).rowcount
            if not gone:
                raise AccountError(f"compte inconnu : {name}")
            connection.execute(delete(login_sessions).where(login_sessions.c.account == name))
            record(connection, actor or name, "compte_supprime", {"compte": name})

    def get(self, name: str) -> Account | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(accounts).where(accounts.c.name == name)).first()
        return None if row is None else _account(row)

    def all(self) -> list[Account]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(accounts).order_by(accounts.c.name))
            return [_account(row) for row in rows]

    # --- logging in and out --------------------------------------------------------------

    def log_in(self, name: str, password: str, address: str) -> tuple[str, Session] | None:
        """A new session token for the right password; None for a wrong one (counted)."""
        name = name.strip()[:200]
        self._refuse_if_locked(name, address)
        with self.engine.connect() as connection:
            row = connection.execute(select(accounts).where(accounts.c.name == name)).first()
        if not _password_matches(row.password_hash if row else _DUMMY_HASH, password) or not row:
            with writing(self.engine) as connection:
                connection.execute(
                    insert(login_failures).values(name=name, address=address[:64], at=now())
                )
                record(connection, name or "(vide)", "connexion_refusee", {"adresse": address})
            return None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with writing(self.engine) as connection:
            connection.execute(
                insert(login_sessions).values(
                    token_hash=_digest(token),
                    account=name,
                    csrf_token=csrf,
                    created_at=now(),
                    expires_at=now() + timedelta(hours=SESSION_HOURS),
                )
            )
            connection.execute(
                delete(login_failures).where(
                    login_failures.c.name == name, login_failures.c.address == address[:64]
                )
            )
            connection.execute(delete(login_sessions).where(login_sessions.c.expires_at < now()))
            record(connection, name, "connexion", {"adresse": address})
        return token, Session(_account(row), csrf)

    def session(self, token: str | None) -> Session | None:
        """The live session of ``token`` (None when unknown, expired or logged out)."""
        if not token or len(token) > 200:
            return None
        with self.engine.connect() as connection:
            row = connection.execute(
                select(login_sessions, accounts)
                .join(accounts, accounts.c.name == login_sessions.c.account)
                .where(login_sessions.c.token_hash == _digest(token))
            ).first()
        if row is None or as_utc(row.expires_at) < now():
            return None
        return Session(_account(row), row.csrf_token)

    def log_out(self, token: str | None) -> None:
        if not token:
            return
        with writing(self.engine) as connection:
            row = connection.execute(
                select(login_sessions.c.account).where(
                    login_sessions.c.token_hash == _digest(token)
                )
            ).first()
            connection.execute(
                delete(login_sessions).where(login_sessions.c.token_hash == _digest(token))
            )
            if row is not None:
                record(connection, row.account, "deconnexion")

    def _refuse_if_locked(self, name: str, address: str) -> None:
        """Failures count per (name, address), and per address across names: someone
        guessing a password from elsewhere never locks the account's owner out."""
        since = now() - FAILURE_WINDOW
        recent = select(func.count()).select_from(login_failures)
        recent = recent.where(login_failures.c.at >= since)
        address = address[:64]
        with self.engine.connect() as connection:
            by_pair = connection.execute(
                recent.where(login_failures.c.name == name, login_failures.c.address == address)
            ).scalar()
            by_address = connection.execute(
                recent.where(login_failures.c.address == address)
            ).scalar()
        if by_pair >= FAILURE_LIMIT or by_address >= FAILURE_LIMIT * 4:
            minutes = int(FAILURE_WINDOW.total_seconds() // 60)
            raise TooManyFailures(
                f"trop de tentatives de connexion échouées : réessayez dans {minutes} minutes"
            )

    def unlock(self, name: str, actor: str = "") -> int:
        """Forget ``name``'s failed logins (the command line's way in); how many there were."""
        with writing(self.engine) as connection:
            count = connection.execute(
                delete(login_failures).where(login_failures.c.name == name)
            ).rowcount
            record(connection, actor or name, "deverrouillage", {"compte": name})
        return count


def parse_regions(text: str | None) -> tuple[str, ...]:
    """« 27,44 » -> ("27", "44"); région codes are two digits."""
    codes = tuple(part.strip() for part in (text or "").split(",") if part.strip())
    bad = [code for code in codes if not re.fullmatch(r"\d{2}", code)]
    if bad:
        raise AccountError(f"code de région invalide : {', '.join(bad)} (deux chiffres, ex. 27)")
    return codes


def _password_matches(hashed: str, password: str) -> bool:
    try:
        return HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _account(row) -> Account:
    regions = tuple(code for code in (row.regions or "").split(",") if code)
    return Account(row.name, row.role, regions)
