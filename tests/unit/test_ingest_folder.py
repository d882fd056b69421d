"""A data folder as users download it: kinds detected, metadata carried, strays listed."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.ingest import load_folder
from dashboard.data.ingest.links import DERIVED_COLUMNS
from dashboard.data.schemas import SCHEMAS
from tests.conftest_ingest import DATA, fake_geography


@pytest.fixture(scope="module")
def folder():
    return load_folder(DATA / "dossier", fake_geography())


def test_kinds_come_from_file_names_then_from_columns(folder):
    kinds = {result.path.name: result.kind for result in folder.results}
    assert kinds == {
        "clusters.csv": "clusters",
        "emploi_extrait.csv": "indicateurs",  # no prefix: recognised by its columns
        "indicateurs_population.csv": "indicateurs",
        "laureats_2021.csv": "laureats",
        "ti_2023.csv": "territoires_industrie",
    }


def test_files_that_are_not_data_are_listed_not_errors(folder):
    assert folder.unrecognised == [
        ("LISEZMOI.md", "format non pris en charge"),
        ("notes.txt", "type non reconnu d'après le nom ni les colonnes"),
    ]
    assert "Fichier non pris en compte : notes.txt" in folder.to_text()


def test_every_kind_has_a_frame_in_canonical_columns(folder):
    assert set(folder.frames) == set(SCHEMAS)
    for kind, frame in folder.frames.items():
        assert list(frame.columns) == SCHEMAS[kind].names + list(DERIVED_COLUMNS.get(kind, ()))
    assert len(folder.frames["laureats"]) == 2
    assert len(folder.frames["clusters"]) == 2
    # 2 communes x 2 indicators (wide file) + 4 rows (long file).
    assert len(folder.frames["indicateurs"]) == 8


def test_metadata_gives_vintage_source_and_data_date(folder):
    assert folder.vintage_of("territoires_industrie") == "2023-2027"
    assert folder.data_date() == "24/09/2021"
    laureats = folder.frames["laureats"].set_index("id_laureat")
    assert laureats.loc["D1", "source"] == "DGE, DTI, Bpifrance"  # empty cell filled
    assert laureats.loc["D2", "source"] == "Région"  # the file's own value wins
    assert set(folder.frames["territoires_industrie"]["millesime"]) == {"2023-2027"}


def test_a_commune_in_two_tis_is_a_warning(folder):
    ti_report = next(r for r in folder.reports if r.kind == "territoires_industrie")
    assert ti_report.rows_kept == 4
    assert [(w.line, w.column, w.reason) for w in ti_report.warnings] == [
        (4, "insee_com", "commune présente dans plusieurs Territoires d'industrie : ti-1, ti-3"),
    ]


def test_long_indicators_normalise_levels_and_codes(folder):
    long = folder.frames["indicateurs"].query("annee == 2021")
    assert long[["code_territoire", "niveau"]].values.tolist() == [
        ["39", "departement"],
        ["01", "departement"],
        ["27", "region"],
        ["FR", "france"],
    ]
    assert long["valeur"].tolist() == [259_199.0, 657_856.0, 2_800_000.0, 1416.0]


def test_clusters_link_territories_by_code_or_by_name_and_name_what_they_cannot(folder):
    clusters = folder.frames["clusters"].set_index("id_cluster")
    assert clusters.loc["C1", "type"] == "pôle de compétitivité"
    assert clusters.loc["C1", "territoires_lies"] == "ti:ti-2; epci:200071751"
    # « TI Haut Jura » is ti-1 (hyphen left out); the EPCI written with its legal form in
    # full and without hyphens is the CA du Bassin de Bourg-en-Bresse.
    assert clusters.loc["C2", "territoires_lies"] == "ti:ti-1; epci:200071751"
    report = next(r for r in folder.reports if r.kind == "clusters")
    assert [(w.line, w.column, w.value, w.reason) for w in report.warnings] == [
        (3, None, "", "cluster sans localisation : il n'apparaîtra pas sur la carte"),
        (3, "territoires_lies", "TI Rochefort", "territoire inconnu « TI Rochefort »"),
        (
            3,
            "territoires_lies",
            "Ajaccio",
            "territoire ambigu « Ajaccio » : Ajaccio (Territoire d'industrie) "
            "ou Ajaccio (commune 2A)",
        ),
    ]


def test_missing_folder_is_a_note(tmp_path):
    load = load_folder(tmp_path / "absent", None)
    assert load.notes == [f"dossier introuvable : {tmp_path / 'absent'}"]
    assert all(frame.empty for frame in load.frames.values())


def test_broken_metadata_file_is_a_note(tmp_path):
    (tmp_path / "metadonnees.json").write_text("{pas du json", encoding="utf-8")
    (tmp_path / "clusters.csv").write_text("id_cluster,nom\nC1,Vallée\n", encoding="utf-8")
    load = load_folder(tmp_path, None)
    assert load.notes[0].startswith("metadonnees.json illisible, ignoré")
    assert load.frames["clusters"]["nom"].tolist() == ["Vallée"]
    assert pd.isna(load.frames["clusters"].loc[0, "code_commune"])
