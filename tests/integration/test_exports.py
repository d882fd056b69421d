"""Filtered lauréats as CSV and XLSX files, checked as a French Excel user would open them."""

from __future__ import annotations

import csv
import dataclasses
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from app import create_app
from dashboard.analysis.filters import FilterState
from dashboard.reports import exports
from dashboard.settings import DEMO_DATA_DIR
from dashboard.text import labels
from geodata import paths
from layouts.export_buttons import export_hrefs, export_menu, link_id

BOM = b"\xef\xbb\xbf"
H = labels.EXPORT_COLUMNS
INJECTIONS = {
    '=HYPERLINK("http://exemple.invalid","clic")': "beneficiaire",
    "+33 1 23 45 67 89": "beneficiaire",
    "-x": "beneficiaire",
    "@SUM(A1:A9)": "beneficiaire",
    "\tcmd": "description",
}


def read_csv(body: bytes) -> list[list[str]]:
    """Rows as Excel (French locale) would split them."""
    assert body.startswith(BOM)
    return list(
        csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8"), newline=""), delimiter=";")
    )


def french_number(text: str) -> float:
    return float(text.replace(",", "."))


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.fixture(scope="module")
def bfc(demo_store) -> pd.DataFrame:
    return exports.laureats_for_export(demo_store, FilterState.from_query("region=27"))


@pytest.fixture(scope="module")
def hostile_store(demo_store):
    """The demo store with formula-like names and texts, and one negative amount."""
    laureats = demo_store.laureats.copy()
    rows = np.flatnonzero((laureats["reg"] == "27").to_numpy())[: len(INJECTIONS)]
    for row, (text, column) in zip(rows, INJECTIONS.items(), strict=True):
        laureats.loc[row, column] = text
    laureats.loc[rows[0], "montant_aide"] = -1500.5
    return dataclasses.replace(demo_store, laureats=laureats)


def test_csv_is_utf8_with_bom_semicolons_and_crlf(bfc):
    body = exports.to_excel_csv(bfc)
    assert body.startswith(BOM)
    text = body[len(BOM) :].decode("utf-8")
    header = text.split("\r\n", 1)[0]
    assert header.split(";") == list(H.values())
    assert text.count("\r\n") == len(bfc) + 1
    assert "\n" not in text.replace("\r\n", "")


def test_csv_amounts_use_a_decimal_comma_without_thousands_separator(bfc):
    rows = read_csv(exports.to_excel_csv(bfc))
    header, data = rows[0], rows[1:]
    aid = [r[header.index(H["montant_aide"])] for r in data]
    investment = [r[header.index(H["investissement"])] for r in data]
    filled = [a for a in aid if a]
    assert all(a.count(",") == 1 and " " not in a and "." not in a for a in filled)
    # The annex figures of Bourgogne-Franche-Comté: 41,7 M€ of aid, 285,5 M€ invested.
    assert sum(map(french_number, filled)) == pytest.approx(41.7e6)
    assert sum(french_number(v) for v in investment if v) == pytest.approx(285.5e6)
    jobs = [r[header.index(H["emplois_prevus"])] for r in data]
    assert sum(int(j) for j in jobs if j) == 1966


def test_csv_dates_are_day_month_year(bfc):
    rows = read_csv(exports.to_excel_csv(bfc))
    dates = [r[rows[0].index(H["date_decision"])] for r in rows[1:]]
    assert all(pd.notna(pd.to_datetime(d, format="%d/%m/%Y")) for d in dates if d)
    assert any(d.endswith("/2020") or d.endswith("/2021") for d in dates)


def test_csv_export_neutralises_formulas(hostile_store):
    frame = exports.laureats_for_export(hostile_store, FilterState.from_query("region=27"))
    rows = read_csv(exports.to_excel_csv(frame))
    header, data = rows[0], rows[1:]
    names = [r[header.index(H["beneficiaire"])] for r in data]
    descriptions = [r[header.index(H["description"])] for r in data]
    for text, column in INJECTIONS.items():
        cells = names if column == "beneficiaire" else descriptions
        assert "'" + text in cells
        assert text not in cells
    amounts = header.index(H["montant_aide"])
    risky = [c for r in data for i, c in enumerate(r) if i != amounts and c[:1] in list("=+-@\t\r")]
    assert not risky
    # A negative amount is a number, not text: no apostrophe.
    assert "-1500,50" in [r[header.index(H["montant_aide"])] for r in data]


def test_region_filter_gives_the_87_bfc_lauréats(demo_store, bfc):
    state = FilterState.from_query("region=27")
    assert len(bfc) == 87 == int(state.mask(demo_store.laureats).sum())
    expected = demo_store.laureats.loc[state.mask(demo_store.laureats), "id_laureat"]
    assert bfc[H["id_laureat"]].tolist() == expected.tolist()


def test_export_writes_names_not_codes(bfc):
    assert set(bfc[H["reg"]]) == {"Bourgogne-Franche-Comté"}
    assert "Jura" in set(bfc[H["dep"]])
    assert bfc[H["epci"]].str.contains("Communauté|Métropole|Agglomération|Pays").all()
    assert set(bfc[H["dans_ti"]]) <= {"oui", "non"}
    assert set(bfc[H["fictif"]]) == {"oui", "non"}
    assert bfc[H["code_commune"]].str.fullmatch(r"\d[\dAB]\d{3}").all()


@pytest.mark.parametrize(
    "query",
    ["ti=ti-2706", "taille=PME&region=27", "ti_statut=hors&region=53", "du=2021-01-01"],
)
def test_filtered_rows_are_the_rows_counted_from_the_files(demo_store, query):
    """The expected rows come from the demo CSVs and the reference communes read here
    with pandas, not from the filter code under test."""
    state = FilterState.from_query(query)
    frame = exports.laureats_for_export(demo_store, state)
    expected = set(rows_from_the_files(query)["id_laureat"])
    assert set(frame[H["id_laureat"]]) == expected
    assert len(expected) > 0


def rows_from_the_files(query: str) -> pd.DataFrame:
    rows = pd.read_csv(DEMO_DATA_DIR / "laureats.csv", dtype={"code_commune": str})
    communes = pd.read_parquet(paths.build_dir() / "communes.parquet", columns=["code", "reg"])
    rows["reg"] = rows["code_commune"].map(communes.set_index("code")["reg"])
    tis = pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv", dtype={"insee_com": str})
    in_any_ti = rows["code_commune"].isin(tis["insee_com"])
    keep = {
        "ti=ti-2706": rows["code_commune"].isin(tis.loc[tis["id_ti"] == "ti-2706", "insee_com"]),
        "taille=PME&region=27": (rows["taille_entreprise"] == "PME") & (rows["reg"] == "27"),
        "ti_statut=hors&region=53": ~in_any_ti & (rows["reg"] == "53"),
        "du=2021-01-01": pd.to_datetime(rows["date_decision"]) >= "2021-01-01",
    }[query]
    return rows[keep]


def test_xlsx_has_typed_cells_french_formats_and_an_information_sheet(demo_store, bfc):
    state = FilterState.from_query("region=27")
    info = exports.export_information(demo_store, state, len(bfc))
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(bfc, info)))
    assert book.sheetnames == ["Lauréats", "Informations"]
    sheet = book["Lauréats"]
    header = [c.value for c in sheet[1]]
    assert header == list(H.values())
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 88
    aid = header.index(H["montant_aide"]) + 1
    jobs = header.index(H["emplois_prevus"]) + 1
    decided = header.index(H["date_decision"]) + 1
    values = [sheet.cell(r, aid).value for r in range(2, 89)]
    assert sum(v for v in values if v is not None) == pytest.approx(41.7e6)
    assert sheet.cell(2, aid).number_format == '#,##0.00 "€"'
    assert sheet.cell(2, jobs).number_format == "#,##0"
    assert isinstance(sheet.cell(2, jobs).value, int)
    assert sheet.cell(2, decided).is_date
    assert sheet.column_dimensions["B"].width > 10
    text = {row[0]: row[1] for row in book["Informations"].iter_rows(values_only=True)}
    assert text["Filtres appliqués"] == "Région : Bourgogne-Franche-Comté"
    assert text["Données arrêtées au"] == "24/09/2021"
    assert "Territoires d'industrie" in text["Source"]
    assert text["Avertissement"] == "Données de démonstration : projets fictifs"


def test_xlsx_keeps_formula_like_text_as_text(hostile_store):
    state = FilterState.from_query("region=27")
    frame = exports.laureats_for_export(hostile_store, state)
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(frame, [])))
    cells = [c for row in book["Lauréats"].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = {c.value for c in cells if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://exemple.invalid","clic")' in names
    assert -1500.5 in {c.value for c in cells}


def test_csv_route_applies_the_map_query_and_names_the_file(client):
    response = client.get("/export/laureats.csv?niveau=departement&region=27&vue=47,5,6")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="laureats-')
    assert disposition.endswith('.csv"')
    assert len(read_csv(response.data)) == 88


def test_ti_sheet_list_downloads_through_the_same_filter(client, demo_store):
    response = client.get("/export/laureats.csv?ti=ti-2706")
    rows = read_csv(response.data)
    expected = int((demo_store.laureats["id_ti"] == "ti-2706").sum())
    assert len(rows) - 1 == expected > 0
    assert {r[rows[0].index(H["lib_ti"])] for r in rows[1:]} == {"Haut-Jura"}


def test_xlsx_route(client):
    response = client.get("/export/laureats.xlsx?region=27&taille=PME")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    header, *rows = book["Lauréats"].iter_rows(values_only=True)
    size = header.index(labels.EXPORT_COLUMNS["taille_entreprise"])
    assert {row[size] for row in rows} == {"PME"}


def test_export_menu_links_follow_the_query():
    hrefs = export_hrefs("?region=27&taille=PME", region="27")
    assert hrefs == {
        "csv": "/export/laureats.csv?region=27&taille=PME",
        "xlsx": "/export/laureats.xlsx?region=27&taille=PME",
        "pdf": "/export/region/27.pdf",
    }
    assert export_hrefs("") == {"csv": "/export/laureats.csv", "xlsx": "/export/laureats.xlsx"}
    menu = export_menu("region=27", region="27")
    text = repr(menu.to_plotly_json())
    assert labels.EXPORT_PNG in text and labels.EXPORT_SVG in text
    assert link_id("csv") in text and "/export/region/27.pdf" in text
