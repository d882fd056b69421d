"""``python -m dashboard users / publish / versions / rollback`` on the app's database."""

from __future__ import annotations

import pytest

from tests.integration.publishing.support import CASES, run_cli


def cli(settings, *args: str, password: str | None = None):
    extra = {} if password is None else {"TI_PASSWORD": password}
    return run_cli(settings.database, settings.cache_dir, *args, **extra)


def test_accounts_publication_versions_and_rollback_from_the_command_line(settings):
    added = cli(
        settings,
        "users",
        "add",
        "bfc",
        "--role",
        "editeur",
        "--regions",
        "27",
        password="motdepasse-bfc",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Compte créé : bfc (éditeur, régions 27)"
    assert (
        cli(
            settings, "users", "add", "chef", "--role", "administrateur", password="motdepasse-chef"
        ).returncode
        == 0
    )
    short = cli(settings, "users", "add", "x1", "--role", "lecteur", password="court")
    assert short.returncode == 2 and "trop court" in short.stderr
    no_password = cli(settings, "users", "add", "x2", "--role", "lecteur")
    assert no_password.returncode == 2 and "TI_PASSWORD" in no_password.stderr
    listed = cli(settings, "users", "list").stdout.splitlines()
    assert listed == ["bfc\téditeur\trégions : 27", "chef\tadministrateur\trégions : toutes"]

    published = cli(
        settings, "publish", "laureats", str(CASES / "laureats_bfc.csv"), "--user", "bfc"
    )
    assert published.returncode == 0, published.stderr
    assert "Lignes lues : 4 ; conservées : 3 ; rejetées : 1" in published.stdout
    assert "région 44 hors des régions de l'éditeur (27)" in published.stdout
    assert published.stdout.strip().endswith(".") and "Publié : version 2 du" in published.stdout

    # Nothing of this file lies in the editor's région: nothing is published, exit 2.
    nothing = cli(
        settings, "publish", "laureats", str(CASES / "laureats_grand_est.csv"), "--user", "bfc"
    )
    assert nothing.returncode == 2 and "rien n'a été publié" in nothing.stderr
    unknown = cli(
        settings, "publish", "laureats", str(CASES / "laureats_bfc.csv"), "--user", "personne"
    )
    assert unknown.returncode == 2 and "compte inconnu : personne" in unknown.stderr

    lines = cli(settings, "versions").stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["2", "1"]
    assert "laureats_bfc.csv" in lines[0] and lines[0].endswith("(en vigueur)")
    # Counts in words that agree with them: 4 lines read, 3 kept, 1 rejected.
    assert "4\u00a0lignes lues, 3\u00a0conservées, 1\u00a0rejetée" in lines[0]

    refused = cli(settings, "rollback", "1", "--user", "bfc")
    assert refused.returncode == 2 and "pas administrateur" in refused.stderr
    back = cli(settings, "rollback", "1", "--user", "chef")
    assert back.returncode == 0, back.stderr
    assert "version 3 du" in back.stdout and "version 1" in back.stdout
    assert cli(settings, "rollback", "9", "--user", "chef").returncode == 2

    removed = cli(settings, "users", "remove", "bfc")
    assert removed.returncode == 0
    assert cli(settings, "users", "list").stdout.splitlines() == [
        "chef\tadministrateur\trégions : toutes"
    ]


def test_the_command_line_unlocks_an_account(settings, monkeypatch, capsys):
    from dashboard.accounts.users import Accounts, TooManyFailures
    from dashboard.cli import main as cli
    from dashboard.data.database import open_engine

    monkeypatch.setenv("TI_DATABASE_URL", settings.database)
    accounts = Accounts(open_engine(settings.database))
    accounts.add("chef", "mot-de-passe-du-chef", "administrateur")
    for _ in range(5):
        assert accounts.log_in("chef", "faux", "10.0.0.1") is None
    with pytest.raises(TooManyFailures):
        accounts.log_in("chef", "mot-de-passe-du-chef", "10.0.0.1")
    assert cli.main(["users", "unlock", "chef"]) == 0
    assert "5 échec(s)" in capsys.readouterr().out
    assert accounts.log_in("chef", "mot-de-passe-du-chef", "10.0.0.1") is not None
