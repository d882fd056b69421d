"""The key that signs session cookies, kept outside the database.

Read access to the database (a backup, a read-only replica) must not be enough to
forge a session, so the key lives in the environment (``TI_SECRET_KEY``, the same on
every host) or in a file readable by its owner only (``TI_SECRET_KEY_FILE``, by default
``instance/secret_key``), made on first start. Rotating it: replace the value or delete
the file, then restart every process; everyone logs in again.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
import time
from pathlib import Path

log = logging.getLogger(__name__)
MIN_LENGTH = 32


class SigningKeyError(Exception):
    """The key cannot be read or made; the message is French."""


def signing_key(from_env: str, key_file: Path) -> str:
    """``from_env`` when given, else the file's key (made, owner-only, when missing)."""
    if from_env:
        if len(from_env) < MIN_LENGTH:
            raise SigningKeyError(
                f"TI_SECRET_KEY est trop courte ({len(from_env)} caractères, au moins {MIN_LENGTH})"
            )
        return from_env
    try:
        return _read(key_file) if key_file.exists() else _make(key_file)
    except OSError as error:
        raise SigningKeyError(
            f"clé de signature des sessions illisible ou impossible à créer ({key_file}) : "
            f"{error.strerror}"
        ) from None


def _read(key_file: Path) -> str:
    mode = key_file.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s est lisible par d'autres comptes que son propriétaire", key_file)
    value = key_file.read_text(encoding="ascii").strip()
    if len(value) < MIN_LENGTH:
        raise SigningKeyError(f"la clé de {key_file} est trop courte : supprimez le fichier")
    return value


def _make(key_file: Path) -> str:
    """Made with O_EXCL: of processes starting together, one writes and the others read."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    try:
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_when_written(key_file)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value


def _read_when_written(key_file: Path) -> str:
    for _ in range(50):
        try:
            return _read(key_file)
        except SigningKeyError:
            time.sleep(0.05)  # the other process has not written it yet
    return _read(key_file)
