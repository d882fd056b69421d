"""A workbook written by a script, whose <dimension> says one row: every row is read."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from dashboard.data.ingest import load_file

HEADER = ["id_laureat", "beneficiaire", "code_commune", "programme", "montant_aide"]
DECLARED = '<dimension ref="A1:E1"/>'
ROWS = [[f"X-{n}", f"Entreprise {n}", "39198", "France 2030", 1000 * n] for n in range(1, 10)]


def workbook_with_a_wrong_dimension(path: Path) -> Path:
    """Nine lauréats; then, as some generators write it, no ``r`` on cells and rows and
    a ``<dimension>`` of A1:E1."""
    book = Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    written = io.BytesIO()
    book.save(written)
    source = zipfile.ZipFile(io.BytesIO(written.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(
                    r'<dimension ref="[^"]*"/>', '<dimension ref="A1:E1"/>', data.decode()
                )
                data = re.sub(r' r="[A-Z]*[0-9]+"', "", text).encode()
            target.writestr(item, data)
    return path


def test_every_row_is_read_whatever_the_declared_dimension(tmp_path):
    path = workbook_with_a_wrong_dimension(tmp_path / "laureats_script.xlsx")
    assert b'<dimension ref="A1:E1"/>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    result = load_file("laureats", path, None)
    assert result.report.rows_kept == 9
    assert sorted(result.frame["id_laureat"]) == [f"X-{n}" for n in range(1, 10)]
    assert result.frame["montant_aide"].sum() == 45_000  # 1 000 + 2 000 + ... + 9 000
