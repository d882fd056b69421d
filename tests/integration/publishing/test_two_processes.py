"""Two app processes (gunicorn, as two hosts would run) sharing one database.

SQLite in the default run; PostgreSQL too when ``TI_TEST_POSTGRES_URL`` names a
server (``.ci/run`` starts Debian's and sets it).
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pandas as pd

from tests.integration.publishing.support import CASES, DEMO_LAUREATS, REPO, run_cli

# laureats_bfc.csv, published « ajouter » (the default): its 3 rows of région 27 are new.
AFTER = DEMO_LAUREATS + 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database_url: str, cache, **extra) -> dict:
    return {
        **os.environ,
        "TI_DATABASE_URL": database_url,
        "TI_CACHE_DIR": str(cache),
        "TI_POLL_SECONDS": "1",
        **extra,
    }


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


def exported_rows(port: int) -> int:
    body = get(f"http://127.0.0.1:{port}/export/laureats.csv")
    return len(pd.read_csv(io.BytesIO(body), sep=";", encoding="utf-8-sig"))


def served_version(port: int) -> int | None:
    import json

    return json.loads(get(f"http://127.0.0.1:{port}/sante"))["version"]


def wait_until(check, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s")


def command(database_url: str, cache, *args: str, **extra):
    return run_cli(database_url, cache, *args, TI_POLL_SECONDS="1", **extra)


def test_a_publication_on_one_process_reaches_the_other_within_5_seconds(database_url, tmp_path):
    # Version 1 and the accounts first, so both servers start on the same data.
    made = command(
        database_url,
        tmp_path / "cli",
        "users",
        "add",
        "bfc",
        "--role",
        "editeur",
        "--regions",
        "27",
        TI_PASSWORD="motdepasse-bfc",
    )
    assert made.returncode == 0, made.stderr
    admin = command(
        database_url,
        tmp_path / "cli",
        "users",
        "add",
        "chef",
        "--role",
        "administrateur",
        TI_PASSWORD="motdepasse-chef",
    )
    assert admin.returncode == 0, admin.stderr
    ports, servers = [free_port(), free_port()], []
    try:
        for number, port in enumerate(ports):
            servers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "--workers",
                        "1",
                        "--threads",
                        "4",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "app:server",
                    ],
                    cwd=REPO,
                    env=environment(database_url, tmp_path / f"hote-{number}"),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        for port in ports:
            wait_until(lambda port=port: served_version(port) is not None, 120)
        assert [exported_rows(port) for port in ports] == [DEMO_LAUREATS, DEMO_LAUREATS]

        published = command(
            database_url,
            tmp_path / "cli",
            "publish",
            "laureats",
            str(CASES / "laureats_bfc.csv"),
            "--user",
            "bfc",
        )
        assert published.returncode == 0, published.stderr
        for port in ports:
            wait_until(lambda port=port: exported_rows(port) == AFTER, 5)
        assert [served_version(port) for port in ports] == [2, 2]

        back = command(database_url, tmp_path / "cli", "rollback", "1", "--user", "chef")
        assert back.returncode == 0, back.stderr
        for port in ports:
            wait_until(lambda port=port: exported_rows(port) == DEMO_LAUREATS, 5)
        assert [served_version(port) for port in ports] == [3, 3]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
