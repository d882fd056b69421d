"""Files as users send them -> raw text cells indexed by the line number they see.

Real files come as CSV with ``;``, ``,`` or tabs, in UTF-8 (with or without
BOM) or Windows-1252 when they were saved by Excel on Windows, or as XLSX.
Every cell is kept as text here; typing and checks happen in ``validate`` so
that a bad value is reported, never guessed away by a parser.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUPPORTED_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES
DEFAULT_MAX_FILE_MB = 100
SEPARATORS = (";", ",", "\t", "|")
SNIFF_LINES = 50


class FileRefused(Exception):
    """The whole file cannot be read as a table; the message is French and shown as is."""


@dataclass
class RawTable:
    """Cells of one CSV file or one XLSX sheet, all text ("" when empty).

    ``cells`` has columns 0..n-1 and its index is the line (CSV) or row (XLSX)
    number a spreadsheet user sees, so line 1 is the first line of the file.
    """

    path: Path
    cells: pd.DataFrame
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None


def max_file_bytes() -> int:
    """Size limit from ``TI_MAX_FILE_MB`` (default 100 Mo): a bigger upload is refused whole."""
    try:
        megabytes = float(os.environ.get("TI_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    return int(megabytes * 1024 * 1024)


def _megabytes(size: int, decimals: bool = True) -> str:
    megabytes = size / 1024 / 1024
    text = f"{megabytes:.1f}" if decimals else f"{megabytes:g}"
    return text.replace(".", ",") + " Mo"


def check_file(path: Path) -> None:
    """Refuse a missing, empty, too large or unsupported file before reading a byte of it."""
    if not path.is_file():
        raise FileRefused(f"fichier introuvable : {path}")
    size = path.stat().st_size
    limit = max_file_bytes()
    if size > limit:
        raise FileRefused(
            f"fichier trop volumineux : {_megabytes(size)} "
            f"(limite : {_megabytes(limit, decimals=False)}, "
            "réglable par la variable TI_MAX_FILE_MB)"
        )
    if size == 0:
        raise FileRefused("fichier vide")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods"):
        raise FileRefused(
            f"format {suffix} non pris en charge : enregistrez le fichier en .xlsx ou en CSV"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRefused(
            f"format {suffix or 'sans extension'} non pris en charge "
            "(formats acceptés : CSV, TXT, TSV, XLSX)"
        )


def read_tables(path: Path) -> list[RawTable]:
    """All tables of a file: one for a CSV, one per sheet for an XLSX."""
    path = Path(path)
    check_file(path)
    if path.suffix.lower() in XLSX_SUFFIXES:
        return read_xlsx(path)
    return [read_csv(path)]


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding used.

    UTF-8 is tried first because a valid UTF-8 file is almost never Windows-1252
    by accident; Excel's "CSV (séparateur : point-virgule)" gives Windows-1252.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 (avec BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # Bytes undefined in Windows-1252 (0x81, 0x8D...): Latin-1 maps every byte.
        return data.decode("latin-1"), "ISO-8859-1"


def sniff_separator(text: str) -> str:
    """The separator giving the most consistent number of fields (>1) over the first lines.

    A ``;`` file with French decimals ("1 234,5") gives ragged rows when split
    on ``,``, so consistency rather than raw counts decides.
    """
    sample = text.splitlines()[:SNIFF_LINES]
    best, best_score = ",", (False, 0.0, 0)
    for separator in SEPARATORS:
        counts = pd.Series([len(row) for row in csv.reader(sample, delimiter=separator) if row])
        if counts.empty:
            continue
        mode = int(counts.mode().iloc[0])
        score = (mode > 1, float((counts == mode).mean()), mode)
        if score > best_score:
            best, best_score = separator, score
    return best


def read_csv(path: Path) -> RawTable:
    """A CSV file as text cells; quoted multi-line cells stay one spreadsheet row."""
    text, encoding = decode(path.read_bytes())
    separator = "\t" if path.suffix.lower() == ".tsv" else sniff_separator(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    return RawTable(path, _cells(rows), encoding=encoding, separator=separator)


def _cells(rows: list[list[str]]) -> pd.DataFrame:
    cells = pd.DataFrame(rows, dtype=object).fillna("").astype(str)
    cells.index = pd.RangeIndex(1, len(cells) + 1)
    cells.columns = pd.RangeIndex(cells.shape[1])
    return cells


def read_xlsx(path: Path) -> list[RawTable]:
    """Every sheet of a workbook (cached values of formulas), cells rendered as text."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors alike
        raise FileRefused(f"fichier Excel illisible ({type(error).__name__})") from error
    try:
        tables = []
        for sheet in workbook.worksheets:
            rows = [
                [cell_text(value) for value in row]
                for row in sheet.iter_rows(min_row=1, values_only=True)
            ]
            tables.append(RawTable(path, _cells(rows), sheet=sheet.title))
    finally:
        workbook.close()
    return tables


def cell_text(value: object) -> str:
    """An XLSX cell as the text a user would type: dates ISO, whole floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)
