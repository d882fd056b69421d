"""The list of unfunded territories as CSV (French Excel) and XLSX, from the download routes."""

from __future__ import annotations

import io

import openpyxl
import pytest

from app import create_app
from dashboard.analysis.funding_gaps import GapState, funding_gaps, rule_sentence
from dashboard.text import labels
from tests.integration.test_exports import french_number, read_csv

QUERY = "?niveau=epci&region=27&du=2021-01-01"


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.fixture(scope="module")
def expected(demo_store):
    state = GapState.from_query(QUERY)
    result = funding_gaps(demo_store, state)
    return state, result, result.listed(state.regions)


def test_csv_lists_the_regions_unfunded_territories_in_rank_order(client, expected, demo_store):
    _state, _result, listed = expected
    response = client.get(f"/export/territoires-sans-financement.csv{QUERY}")
    assert response.status_code == 200
    assert "territoires-sans-financement-" in response.headers["Content-Disposition"]
    header, *rows = read_csv(response.data)
    assert header[:5] == ["Rang national", "Code", "Territoire", "Région", "Verdict"]
    assert len(rows) == len(listed) > 0
    # Each touches the région; the few lying mostly in a neighbour are named after it.
    assert all("27" in crossed for crossed in listed["regions"])
    assert [row[3] for row in rows] == listed["nom_region"].tolist()
    assert [row[3] for row in rows].count("Bourgogne-Franche-Comté") > 0.9 * len(rows)
    assert [row[1] for row in rows] == listed["code"].tolist()
    first = dict(zip(header, rows[0], strict=True))
    assert first["Verdict"] == labels.VERDICTS["non_finance"]
    assert int(first["Population"]) == listed.iloc[0]["population"]
    assert french_number(first["Aide publique (€)"]) == 0
    # Industrial employment is known for Jura only (the demo's URSSAF file): elsewhere the
    # cell stays empty, never zero.
    communes = demo_store.geography.communes
    jura = set(communes.loc[communes["dep"] == "39", "epci"])
    jobs = {
        row[1]: dict(zip(header, row, strict=True))["Emplois industriels salariés"] for row in rows
    }
    assert all(jobs[code] for code in jobs if code in jura)
    assert not any(jobs[code] for code in jobs if code not in jura)


def test_xlsx_states_the_rule_and_keeps_numbers_as_numbers(client, expected):
    state, result, listed = expected
    response = client.get(f"/export/territoires-sans-financement.xlsx{QUERY}")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    sheet = book[labels.GAPS_EXPORT_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) - 1 == len(listed)
    header = rows[0]
    population = rows[1][header.index("Population")]
    assert isinstance(population, int) and population == listed.iloc[0]["population"]
    info = dict(book["Informations"].iter_rows(values_only=True))
    assert info[labels.GAPS_EXPORT_RULE] == rule_sentence(result, state)
    assert "Bourgogne-Franche-Comté" in info[labels.EXPORT_INFO["filters"]]
    assert info[labels.EXPORT_INFO["warning"]] == labels.EXPORT_DEMO_NOTE
