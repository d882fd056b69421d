"""The empty file of each nature: it loads as it is (one example row, nothing rejected), and
its XLSX says which values each column accepts."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from app import create_app
from dashboard.data.ingest import load_file
from dashboard.data.schemas import SCHEMAS


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_each_template_loads_with_its_example_row(client, geography, tmp_path, kind):
    answer = client.get(f"/donnees/modele/{kind}.csv")  # no login: a public page
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == f'attachment; filename="modele-{kind}.csv"'
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(answer.data)
    report = load_file(kind, path, geography).report
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (1, 1, 0), report.to_text()
    header = answer.data.decode("utf-8-sig").splitlines()[0].split(";")
    assert header == SCHEMAS[kind].names


def test_the_xlsx_template_lists_accepted_values_and_programmes_in_use(client):
    answer = client.get("/donnees/modele/laureats.xlsx")
    assert answer.status_code == 200
    book = load_workbook(io.BytesIO(answer.data))
    assert book.sheetnames == ["Données", "Valeurs admises"]
    rows = {row[0]: row for row in book["Valeurs admises"].iter_rows(values_only=True)}
    assert rows["taille_entreprise"][4] == "TPE, PME, ETI, GE"
    assert rows["id_laureat"][2] == "oui"  # obligatoire
    # The demo's programme, in use in the published data.
    assert "Fonds d'accélération des investissements industriels" in rows["programme"][4]


def test_an_unknown_template_is_a_404(client):
    for path in ("/donnees/modele/inconnu.csv", "/donnees/modele/laureats.pdf"):
        assert client.get(path).status_code == 404
