"""The bad-input corpus (tests/data/corpus): every file with its hand-written outcome."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data.ingest import load_file
from dashboard.data.ingest.links import link_with_folder
from dashboard.settings import DEMO_DATA_DIR

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
REPO = CORPUS.parents[2]


def test_every_corpus_file_has_its_expected_outcome_and_back():
    """A file added to the corpus without an outcome (or an outcome whose file is gone)
    would go untested: both lists must match."""
    files = {path.name for path in CORPUS.iterdir() if path.is_file()}
    files -= {"expected.json", "build.py", "LISEZMOI.md", "README.md"}
    assert files == set(EXPECTED)
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_outcome(name, geography):
    spec = EXPECTED[name]
    result = load_file(spec["kind"], CORPUS / name, geography)
    link_with_folder(result, geography, DEMO_DATA_DIR)  # names, as the command line does
    report = result.report
    text = report.to_text(limit=10_000)
    assert (not report.ok) == spec["refused"], text
    assert (report.rows_kept, report.rows_rejected) == (spec["kept"], spec["rejected"]), text
    assert len(result.frame) == spec["kept"] or spec["kind"] == "indicateurs"
    for phrase in spec["says"]:
        assert phrase in text, f"« {phrase} » absent du rapport :\n{text}"
    for rejection in report.rejections:
        assert rejection.line is not None and rejection.reason, rejection


def test_long_and_html_texts_are_kept_whole(geography):
    frame = load_file("laureats", CORPUS / "textes_longs.csv", geography).frame
    assert len(frame.loc[0, "beneficiaire"]) == 100_000
    assert len(frame.loc[0, "description"]) == 30_000
    frame = load_file("laureats", CORPUS / "html_dans_les_noms.csv", geography).frame
    assert frame.loc[0, "beneficiaire"] == "<script>alert(1)</script>Forges SAS"


def test_arrondissements_are_attached_to_their_commune(geography):
    frame = load_file("laureats", CORPUS / "codes_arrondissements.csv", geography).frame
    assert frame["code_commune"].tolist() == ["75056", "69123", "13055"]


def test_command_line_prints_reports_without_traceback():
    """The whole corpus through ``python -m dashboard import``, as a user would run it."""
    for name, spec in sorted(EXPECTED.items()):
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", spec["kind"], str(CORPUS / name)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in done.stderr + done.stdout, name
        assert done.returncode == (2 if spec["refused"] else 0), (name, done.stderr)
        assert f"Fichier : {name}" in done.stdout


def _folder_with_oddities(tmp_path: Path) -> Path:
    folder = tmp_path / "donnees"
    folder.mkdir()
    outside = tmp_path / "secret.csv"
    outside.write_text(
        "id_laureat;beneficiaire;code_commune;programme;montant_aide\nS1;Secret;39300;X;1\n"
    )
    (folder / "laureats_lien_externe.csv").symlink_to(outside)
    (folder / "laureats_lien_casse.csv").symlink_to(tmp_path / "absent.csv")
    (folder / "laureats_dossier.csv").mkdir()
    inside = folder / "laureats_2021.csv"
    inside.write_text(
        "id_laureat;beneficiaire;code_commune;programme;montant_aide\n"
        "A1;Alpha;39300;Relance;1000\nA2;Beta;39198;Relance;2000\n"
    )
    (folder / "laureats_cumul.csv").write_text(
        "id_laureat;beneficiaire;code_commune;programme;montant_aide\n"
        "A2;Beta;39198;Relance;2000\nA3;Gamma;39300;Relance;500\n"
    )
    (folder / "laureats_lien_interne.csv").symlink_to(inside.name)
    (folder / "clusters.csv").write_bytes((CORPUS / "clusters_sans_identifiant.csv").read_bytes())
    return folder


def test_folder_oddities_are_reported_and_nothing_outside_is_read(tmp_path, geography):
    from dashboard.data.ingest import load_folder

    load = load_folder(_folder_with_oddities(tmp_path), geography)
    reasons = dict(load.unrecognised)
    assert "hors du dossier de données, non suivi" in reasons["laureats_lien_externe.csv"]
    assert reasons["laureats_lien_casse.csv"] == "lien symbolique cassé"
    assert "c'est un dossier" in reasons["laureats_dossier.csv"]
    ids = load.frames["laureats"]["id_laureat"].tolist()
    assert "S1" not in ids
    # A2 is in two files, A1 and A2 again through the inner link: each counted once.
    assert sorted(ids) == ["A1", "A2", "A3"]
    assert load.frames["laureats"]["montant_aide"].sum() == 3500
    text = load.to_text()
    assert "identifiant en double : déjà lu dans laureats_2021.csv, ligne 3" in text
    assert "Secret" not in text


def test_clusters_without_identifier_reach_the_map(tmp_path, geography):
    from dashboard.data.store import DataStore
    from dashboard.settings import Settings

    store = DataStore.load(
        Settings(data_dir=_folder_with_oddities(tmp_path), cache_dir=tmp_path / "cache")
    )
    assert sorted(store.cluster_points["nom"]) == ["Mont-Blanc Industries", "Plastipolis"]
    assert len(store.laureats) == 3


def test_whole_corpus_as_a_data_folder_serves_every_screen(tmp_path, geography):
    """Every bad file at once in one folder: the app starts, each valid row counts once."""
    from app import create_app
    from dashboard.data.store import DataStore
    from dashboard.settings import Settings
    from tests.integration.robustness.browser_sim import run_page

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in EXPECTED:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    store = DataStore.load(Settings(data_dir=folder, cache_dir=tmp_path / "cache"))
    assert len(store.folder.reports) + len(store.folder.unrecognised) == len(EXPECTED)
    assert not store.laureats["id_laureat"].duplicated().any()
    app = create_app(store.settings, store=store)
    client = app.server.test_client()
    for path in ["/", "/donnees", "/territoires-sans-financement", "/region/27", "/ti/ti-1"]:
        assert run_page(app, client, path).failures == [], path
