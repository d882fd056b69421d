"""Runtime settings read from the environment (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEMO_DATA_DIR = PACKAGE_DIR / "demo_data"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = DEMO_DATA_DIR
    cache_dir: Path = PACKAGE_DIR.parent / ".cache"
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False

    @property
    def is_demo(self) -> bool:
        return self.data_dir.resolve() == DEMO_DATA_DIR.resolve()

    @classmethod
    def from_env(cls) -> Settings:
        """Read ``TI_DATA_DIR``, ``TI_CACHE_DIR``, ``TI_HOST``, ``TI_PORT`` and ``TI_DEBUG``."""
        env = os.environ
        return cls(
            data_dir=Path(env.get("TI_DATA_DIR", DEMO_DATA_DIR)).expanduser(),
            cache_dir=Path(env.get("TI_CACHE_DIR", cls.cache_dir)).expanduser(),
            host=env.get("TI_HOST", cls.host),
            port=int(env.get("TI_PORT", cls.port)),
            debug=env.get("TI_DEBUG", "") == "1",
        )
