"""Lauréat files as users send them: each test reads a real (malformed) file from disk."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from openpyxl import Workbook

from dashboard.data.ingest import load_file
from dashboard.data.schemas import LAUREATS
from tests.conftest_ingest import DATA, fake_geography


@pytest.fixture(scope="module")
def geography():
    return fake_geography()


def problems(items) -> list[tuple]:
    return [(item.line, item.column, item.reason) for item in items]


def test_unknown_insee_code_rejects_its_row_only(geography):
    result = load_file("laureats", DATA / "laureats_insee_inconnu.csv", geography)
    assert problems(result.report.rejections) == [
        (3, "code_commune", "code INSEE inconnu : 99999"),
        (
            5,
            "code_commune",
            'code INSEE invalide : "123" (5 caractères attendus, par ex. 01053 ou 2A004)',
        ),
    ]
    assert result.report.rows_read == 4
    assert result.report.rows_kept == 2
    # "1053" lost its leading zero in a spreadsheet: padded, not rejected.
    assert result.frame["code_commune"].tolist() == ["39300", "01053"]


def test_missing_required_column_refuses_the_file_with_one_clear_message(geography):
    result = load_file("laureats", DATA / "laureats_sans_montant.csv", geography)
    fatal = result.report.fatal
    assert (fatal.line, fatal.column) == (1, "montant_aide")
    assert fatal.reason.startswith(
        "colonne obligatoire absente : montant_aide (alias acceptés : montant de l'aide, aide,"
    )
    assert result.frame.empty and list(result.frame.columns) == LAUREATS.names
    assert (result.report.rows_read, result.report.rows_kept) == (2, 0)
    assert "FICHIER REFUSÉ : colonne obligatoire absente : montant_aide" in result.report.to_text()


def test_negative_amounts_are_rejected(geography):
    result = load_file("laureats", DATA / "laureats_montant_negatif.csv", geography)
    assert problems(result.report.rejections) == [
        (2, "montant_aide", "montant négatif : -500"),
        (3, "investissement", "montant négatif : -2 000"),
    ]
    assert result.frame["id_laureat"].tolist() == ["L3"]


def test_non_numeric_amounts_are_rejected_and_empty_ones_stay_unknown(geography):
    result = load_file("laureats", DATA / "laureats_montant_non_numerique.csv", geography)
    assert problems(result.report.rejections) == [
        (2, "Montant de l'aide", 'valeur non numérique : "abc"'),
        (
            3,
            "Montant de l'aide",
            'unité non prise en charge : "12,5 M€" (nombre attendu sans unité)',
        ),
    ]
    assert result.report.rows_kept == 2
    amounts = result.frame.set_index("id_laureat")["montant_aide"]
    assert amounts["L3"] == 1234.5
    assert pd.isna(amounts["L4"])  # empty cell: unknown, never zero


def test_duplicate_identifiers_name_the_first_line(geography):
    result = load_file("laureats", DATA / "laureats_id_double.csv", geography)
    assert problems(result.report.rejections) == [
        (5, "id_laureat", "identifiant en double (déjà vu ligne 3)"),
        (6, "id_laureat", "identifiant en double (déjà vu ligne 3)"),
    ]
    assert result.frame["beneficiaire"].tolist() == ["Alpha", "Beta", "Gamma"]


def test_coordinates_outside_france_are_rejected(geography):
    result = load_file("laureats", DATA / "laureats_hors_france.csv", geography)
    assert problems(result.report.rejections) == [
        (3, "longitude", "coordonnées hors de France : (12.5, 60.1)"),
        (
            4,
            "longitude",
            "coordonnées hors de France : (46.67, 5.55) (longitude et latitude inversées ?)",
        ),
        (5, "longitude", "coordonnées invalides : (700000, 6600000) (degrés WGS 84 attendus)"),
        (6, None, "localisation manquante : code commune ou longitude et latitude requis"),
        (7, "longitude", "coordonnées incomplètes : longitude sans latitude"),
    ]
    kept = result.frame
    assert kept["id_laureat"].tolist() == ["P1"]
    assert (kept.loc[0, "longitude"], kept.loc[0, "latitude"]) == (5.55, 46.67)


def test_without_geography_codes_and_points_are_not_checked_and_the_report_says_so():
    result = load_file("laureats", DATA / "laureats_insee_inconnu.csv", None)
    assert result.report.rows_kept == 3  # 99999 cannot be checked; "123" is still malformed
    assert "référentiel géographique non chargé" in " ".join(result.report.notes)


def test_cp1252_semicolon_file_with_french_decimals_is_read(geography):
    result = load_file("laureats", DATA / "laureats_cp1252.csv", geography)
    report = result.report
    assert (report.encoding, report.separator) == ("Windows-1252", ";")
    assert (report.rows_read, report.rows_kept, report.rejections) == (3, 3, [])
    frame = result.frame.set_index("id_laureat")
    assert frame["beneficiaire"].tolist() == [
        "Lunetterie Bourgeat",
        "Société Générale d'Équipements",
        "Atelier Œuvre",
    ]
    assert frame["montant_aide"].tolist() == [1234.5, 12.5, 300_000.0]
    assert frame.loc["FA-001", "investissement"] == 250_000  # no-break space thousands
    assert frame.loc["FA-002", "investissement"] == 1_500_000
    assert frame["code_commune"].tolist() == ["39300", "01053", "2A004"]
    assert frame["taille_entreprise"].tolist() == ["PME", "GE", "ETI"]
    assert frame.loc["FA-002", "siret"] == "55210055400013"
    assert frame.loc["FA-001", "enjeux"] == "transition écologique; compétences"
    # 24/09/2021, 2021-09-24 and Excel's day number 44463 are the same date.
    assert set(frame["date_decision"]) == {pd.Timestamp("2021-09-24")}
    assert frame["emplois_prevus"].tolist()[:2] == [6, 12]
    assert report.columns["montant_aide"] == "Montant de l'aide (€)"


def test_utf8_bom_file_keeps_spreadsheet_row_numbers(geography):
    result = load_file("laureats", DATA / "laureats_bom.csv", geography)
    report = result.report
    assert report.encoding == "UTF-8 (avec BOM)"
    assert report.columns["id_laureat"] == "id_laureat"  # the BOM is not part of the header
    # B-1 has a two-line quoted description: B-2 is still row 3, as in a spreadsheet.
    assert problems(report.rejections) == [
        (3, "emplois_prevus", 'nombre entier attendu : "10,5"'),
    ]
    assert result.frame["montant_aide"].tolist() == [1234.5, 15_000.0]  # U+202F thousands
    assert result.frame.loc[0, "description"] == "Teinturier historique\nsur deux lignes"


@pytest.fixture
def xlsx_file(tmp_path):
    """A workbook as exported by a regional team: a notes sheet first, a title above the header."""
    path = tmp_path / "export_laureats.xlsx"
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes["A1"] = "Export du 24/09/2021 – ne pas diffuser"
    sheet = workbook.create_sheet("Lauréats")
    sheet.append(["Liste des lauréats – Bourgogne-Franche-Comté"])
    sheet.append([])
    sheet.append(
        [
            "Identifiant",
            "Raison sociale",
            "Code commune",
            "Dispositif",
            "Montant de l'aide (M€)",
            "Date de décision",
            "Taille",
        ]
    )
    sheet.append(["X1", "Bourgeat", 39300, "Relance", 1.2, dt.datetime(2021, 9, 24), "pme"])
    sheet.append(["X2", "Dole Métal", "39198", "Relance", 0.35, "24/09/2021", "Grande entreprise"])
    sheet.append(["X3", "Bresse Bois", 1053, "Relance", "abc", None, None])
    sheet.append(["X4", "Jura Plast", 39300, "Relance", -0.1, None, "moyenne"])
    workbook.save(path)
    return path


def test_xlsx_file_picks_the_data_sheet_and_reports_row_numbers(geography, xlsx_file):
    result = load_file("laureats", xlsx_file, geography)
    report = result.report
    assert report.sheet == "Lauréats"
    assert (report.rows_read, report.rows_kept) == (4, 2)
    assert problems(report.rejections) == [
        (6, "Montant de l'aide (M€)", 'valeur non numérique : "abc"'),
        (7, "Montant de l'aide (M€)", "montant négatif : -0.1"),
    ]
    assert problems(report.warnings) == [
        (6, "Code commune", 'code complété : "1053" lu comme 01053 (zéro initial perdu ?)'),
        (
            7,
            "Taille",
            'valeur non reconnue : "moyenne" (valeurs possibles : TPE, PME, ETI, GE)'
            " (valeur ignorée)",
        ),
    ]
    frame = result.frame
    assert frame["montant_aide"].tolist() == [1_200_000.0, 350_000.0]  # header in M€
    assert frame["date_decision"].tolist() == [pd.Timestamp("2021-09-24")] * 2
    assert frame["taille_entreprise"].tolist() == ["PME", "GE"]
    assert frame["code_commune"].tolist() == ["39300", "39198"]
    assert any("M€" in note or "1\u202f000\u202f000" in note for note in report.notes)


def test_html_in_a_name_is_kept_as_written_with_a_warning(geography):
    """The file's text is data: kept whole (exports, screens as text), flagged once."""
    result = load_file("laureats", DATA / "laureats_html.csv", geography)
    assert result.report.rows_kept == 2 and result.report.rejections == []
    assert result.frame["beneficiaire"].tolist() == [
        "<script>alert('x')</script>ACME <b>Industrie</b>",
        "Sans balise",
    ]
    assert result.frame["description"].tolist() == [
        '<a href="http://evil.example">voir</a> le projet',
        "a < b et c > d",
    ]
    kept = (
        "balises HTML dans le texte : conservé tel quel, affiché comme du texte, jamais interprété"
    )
    assert problems(result.report.warnings) == [(2, "beneficiaire", kept), (2, "description", kept)]


def test_too_large_file_is_refused_whole_with_its_size_and_the_limit(tmp_path, geography):
    path = tmp_path / "laureats_national.csv"
    with path.open("wb") as handle:
        handle.write(b"id_laureat;beneficiaire\n")
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 Mo actually written
    result = load_file("laureats", path, geography)
    assert result.report.fatal.reason == (
        "fichier trop volumineux : 200,0 Mo (limite : 100 Mo, réglable par la variable "
        "TI_MAX_FILE_MB)"
    )
    assert result.frame.empty


def test_file_size_limit_comes_from_the_environment(tmp_path, monkeypatch, geography):
    path = tmp_path / "laureats.csv"
    path.write_bytes(b"x" * 2 * 1024 * 1024)
    monkeypatch.setenv("TI_MAX_FILE_MB", "1")
    reason = load_file("laureats", path, geography).report.fatal.reason
    assert reason.startswith("fichier trop volumineux : 2,0 Mo (limite : 1 Mo")


def test_missing_and_unsupported_files_give_a_report_not_an_exception(tmp_path, geography):
    missing = load_file("laureats", tmp_path / "absent.csv", geography)
    assert missing.report.fatal.reason.startswith("fichier introuvable : ")
    old_excel = tmp_path / "laureats.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0")
    assert load_file("laureats", old_excel, geography).report.fatal.reason == (
        "format .xls non pris en charge : enregistrez le fichier en .xlsx ou en CSV"
    )
    broken = tmp_path / "laureats.xlsx"
    broken.write_bytes(b"not a zip")
    assert load_file("laureats", broken, geography).report.fatal.reason.startswith(
        "fichier Excel illisible"
    )


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="type de données inconnu"):
        load_file("projets", DATA / "laureats_bom.csv", None)


def test_report_records_feed_the_ui_table(geography):
    report = load_file("laureats", DATA / "laureats_html.csv", geography).report
    records = report.to_records()
    assert records[0] == {
        "severity": "avertissement",
        "file": "laureats_html.csv",
        "line": 2,
        "column": "beneficiaire",
        "value": "<script>alert('x')</script>ACME <b>Industrie</b>",
        "reason": records[0]["reason"],
    }
