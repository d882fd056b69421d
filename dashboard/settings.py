"""Runtime settings read from the environment (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEMO_DATA_DIR = PACKAGE_DIR / "demo_data"
INSTANCE_DIR = PACKAGE_DIR.parent / "instance"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = DEMO_DATA_DIR
    cache_dir: Path = PACKAGE_DIR.parent / ".cache"
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    # SQLAlchemy URL of the shared database; "" = the SQLite file instance/tableau.sqlite3.
    database_url: str = ""
    private: bool = False  # TI_ACCES=prive: every page and export needs a login
    auth_header: str = ""  # header set by an authenticating proxy, naming the user
    secret_key: str = ""  # "" = read from secret_key_file (made once, owner-only)
    secret_key_file: Path = INSTANCE_DIR / "secret_key"
    max_file_mb: float = 20.0
    poll_seconds: float = 1.0
    behind_proxy: bool = False  # TI_DERRIERE_PROXY=1: trust one proxy's X-Forwarded-* headers

    @property
    def is_demo(self) -> bool:
        return self.data_dir.resolve() == DEMO_DATA_DIR.resolve()

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{INSTANCE_DIR / 'tableau.sqlite3'}"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @classmethod
    def from_env(cls) -> Settings:
        """Read the ``TI_*`` variables listed in the README; SettingsError names a bad one."""
        env = os.environ
        return cls(
            data_dir=Path(env.get("TI_DATA_DIR", DEMO_DATA_DIR)).expanduser(),
            cache_dir=Path(env.get("TI_CACHE_DIR", cls.cache_dir)).expanduser(),
            host=env.get("TI_HOST", cls.host),
            port=int(_number(env, "TI_PORT", cls.port)),
            debug=env.get("TI_DEBUG", "") == "1",
            database_url=env.get("TI_DATABASE_URL", ""),
            private=env.get("TI_ACCES", "public").strip().lower().replace("é", "e") == "prive",
            auth_header=env.get("TI_AUTH_HEADER", "").strip(),
            secret_key=env.get("TI_SECRET_KEY", ""),
            secret_key_file=Path(
                env.get("TI_SECRET_KEY_FILE", INSTANCE_DIR / "secret_key")
            ).expanduser(),
            max_file_mb=_number(env, "TI_MAX_FILE_MB", cls.max_file_mb),
            poll_seconds=_number(env, "TI_POLL_SECONDS", cls.poll_seconds),
            behind_proxy=env.get("TI_DERRIERE_PROXY", "") == "1",
        )


class SettingsError(ValueError):
    """An environment variable that cannot be read; the message is French."""


def _number(env, name: str, default: float) -> float:
    text = env.get(name, "").strip().replace(",", ".")
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(f"{name}={env[name]!r} n'est pas un nombre") from None
    if value <= 0:
        raise SettingsError(f"{name}={env[name]!r} doit être un nombre positif")
    return value
