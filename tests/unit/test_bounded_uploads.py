"""Bounded work per file: a workbook that unpacks into hundreds of megabytes is refused
before it is parsed, and a stored report keeps exact counts with a bounded list."""

from __future__ import annotations

import resource
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook

from dashboard.data.ingest import load_file
from dashboard.data.ingest.report import LoadReport, Rejection

ROW = (
    '<row><c t="inlineStr"><is><t>ZB</t></is></c><c t="inlineStr"><is><t>Entreprise</t></is>'
    '</c><c t="inlineStr"><is><t>39198</t></is></c><c t="inlineStr"><is><t>France 2030</t>'
    "</is></c><c><v>1000</v></c></row>"
)


def zip_bomb(path: Path, unpacked_mb: int) -> Path:
    """A real workbook whose sheet is replaced by ``unpacked_mb`` megabytes of identical
    rows: a few hundred kilobytes on disk."""
    book = Workbook()
    book.active.append(["id_laureat", "beneficiaire", "code_commune", "programme", "montant"])
    book.save(path.with_suffix(".base.xlsx"))
    source = zipfile.ZipFile(path.with_suffix(".base.xlsx"))
    chunk = ROW * 10_000
    repeats = unpacked_mb * 1024 * 1024 // len(chunk) + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
                continue
            with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>'
                )
                for _ in range(repeats):
                    sheet.write(chunk.encode())
                sheet.write(b"</sheetData></worksheet>")
    return path


def test_a_zip_bomb_workbook_is_refused_at_once_with_little_memory(tmp_path):
    bomb = zip_bomb(tmp_path / "laureats_bombe.xlsx", unpacked_mb=400)
    assert bomb.stat().st_size < 5 * 1024 * 1024  # small on disk...
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = load_file("laureats", bomb, None)
    seconds = time.perf_counter() - start
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert not result.report.ok
    assert "décompressé, il ferait" in result.report.fatal.reason
    assert "150 Mo" in result.report.fatal.reason
    assert seconds < 30 and grown_mb < 1_500, (seconds, grown_mb)


def test_a_stored_report_keeps_exact_counts_and_a_bounded_list():
    report = LoadReport(file="laureats.csv", kind="laureats", rows_read=5_000, rows_kept=0)
    report.rejections = [
        Rejection("laureats.csv", line, "montant_aide", "-1", "montant négatif")
        for line in range(2, 5_002)
    ]
    stored = report.to_json(limit=1_000)
    assert len(stored["rejections"]) == 1_000
    again = LoadReport.from_json(stored)
    assert again.rows_rejected == 5_000 == report.rows_rejected
    assert "4\u202f000 autres lignes rejetées" in again.to_text()
