"""``python -m dashboard import|check``: the report a data manager reads before publishing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main as cli
from tests.conftest_ingest import DATA, fake_geography

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "--sans-geographie", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_import_prints_the_report_and_exits_0_despite_rejected_rows():
    done = run("import", "laureats", str(DATA / "laureats_montant_negatif.csv"))
    assert done.returncode == 0, done.stderr
    assert "Fichier : laureats_montant_negatif.csv (lauréats)" in done.stdout
    assert "Lignes lues : 3 ; conservées : 1 ; rejetées : 2" in done.stdout
    assert "ligne 2, colonne « montant_aide » : montant négatif : -500" in done.stdout
    assert "référentiel géographique non chargé" in done.stdout


def test_import_exits_2_on_unusable_input():
    unknown_kind = run("import", "projets", str(DATA / "laureats_bom.csv"))
    assert unknown_kind.returncode == 2
    assert "type de données inconnu : 'projets'" in unknown_kind.stderr
    missing = run("import", "laureats", str(DATA / "absent.csv"))
    assert missing.returncode == 2
    assert "fichier introuvable" in missing.stderr
    refused = run("import", "laureats", str(DATA / "laureats_sans_montant.csv"))
    assert refused.returncode == 2
    assert "FICHIER REFUSÉ : colonne obligatoire absente : montant_aide" in refused.stdout


def test_check_prints_every_file_of_the_folder(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_geography", lambda skip: fake_geography())
    assert cli.main(["check", str(DATA / "dossier")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Dossier : {DATA / 'dossier'}")
    assert "  lauréats : 2\u00a0lignes conservées (1\u00a0fichier)" in out
    assert "Fichier : ti_2023.csv (Territoires d'industrie)" in out
    assert (
        "ligne 4, colonne « insee_com » : commune présente dans plusieurs Territoires "
        "d'industrie : ti-1, ti-3"
    ) in out
    assert "Fichier non pris en compte : LISEZMOI.md (format non pris en charge)" in out


def test_check_of_a_missing_folder_exits_2(capsys):
    assert cli.main(["--sans-geographie", "check", "/nonexistent/dossier"]) == 2
    assert "dossier introuvable" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["export"]])
def test_bad_command_line_exits_2(argv):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
