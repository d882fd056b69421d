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
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.text import formatting

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
    # What the reader guessed or changed (encoding, formulas...), for the report.
    notes: list[str] = field(default_factory=list)


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


# Bytes where ISO-8859-15 (Latin-9) and Windows-1252 disagree: € Š š Ž ž Œ œ Ÿ in Latin-9,
# ¤ ¦ ¨ ´ ¸ ¼ ½ ¾ in Windows-1252 (signs a French table almost never holds).
LATIN9_BYTES = frozenset(b"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe")
CP1252_ONLY = frozenset(range(0x80, 0xA0))  # printable in Windows-1252, controls in Latin-9
LINES_NAMED = 10
BINARY_SHARE = 0.05
WIDE_SINGLE_ROW = 500  # cells: no real table has a header this wide
# A workbook is a zip: a few megabytes may unpack into gigabytes of sheet XML (a « zip
# bomb »). Its size once unpacked is read from the zip's directory before anything is
# parsed, and rows and cells are counted while reading.
MAX_XLSX_UNPACKED_MB = 150
MAX_XLSX_ROWS = 300_000
MAX_XLSX_CELLS = 6_000_000


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Text, the name of the encoding used, and notes on what was guessed.

    UTF-8 is tried first because a valid UTF-8 file is almost never Windows-1252
    by accident; Excel's "CSV (séparateur : point-virgule)" gives Windows-1252.
    A file with some lines in each (two exports pasted together) is read line by
    line and the Windows-1252 lines are named.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 (avec BOM)", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16", []
    try:
        return data.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8_lines, other_lines = _split_by_encoding(lines)
    if utf8_lines and other_lines:
        text = "\n".join(_decode_line(line) for line in lines)
        named = ", ".join(str(number) for number in other_lines[:LINES_NAMED])
        more = (
            f" et {len(other_lines) - LINES_NAMED} autres" if len(other_lines) > LINES_NAMED else ""
        )
        note = (
            f"encodage mixte : {len(other_lines)} ligne(s) en Windows-1252 ({named}{more}), "
            "les autres en UTF-8 ; chaque ligne a été lue dans son encodage, vérifiez les accents"
        )
        return text, "mixte UTF-8 / Windows-1252", [note]
    present = set(data)
    if present & LATIN9_BYTES and not present & CP1252_ONLY:
        note = (
            "encodage lu comme ISO-8859-15 (Latin-9) : le fichier contient des octets qui y "
            "sont « € », « œ » ou « Œ » (en Windows-1252 : « ¤ », « ½ », « ¼ ») ; "
            "enregistrez-le en UTF-8 pour lever le doute"
        )
        return data.decode("iso-8859-15"), "ISO-8859-15", [note]
    try:
        return data.decode("cp1252"), "Windows-1252", []
    except UnicodeDecodeError:
        # Bytes undefined in Windows-1252 (0x81, 0x8D...): Latin-1 maps every byte.
        return data.decode("latin-1"), "ISO-8859-1", []


def looks_binary(data: bytes) -> bool:
    """Control bytes (NUL, 0x01-0x08, 0x0E-0x1F) in more than 5 % of the first 4 KB.

    UTF-16 text is full of NULs: it is recognised by its byte-order mark first.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:4096]
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return bool(head) and controls / len(head) > BINARY_SHARE


def _split_by_encoding(lines: list[bytes]) -> tuple[list[int], list[int]]:
    """Line numbers (from 1) holding valid non-ASCII UTF-8, and those that are not UTF-8."""
    utf8, other = [], []
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    return utf8, other


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


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
    data = path.read_bytes()
    if looks_binary(data):
        raise FileRefused(
            "fichier binaire : ce n'est ni un texte CSV ni un classeur XLSX "
            "(exportez-le en CSV ou en XLSX)"
        )
    text, encoding, notes = decode(data)
    # A cell may be as long as the file (the size limit applies to the whole file).
    csv.field_size_limit(max(csv.field_size_limit(), max_file_bytes()))
    try:
        separator = "\t" if path.suffix.lower() == ".tsv" else sniff_separator(text)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as error:
        raise FileRefused(f"fichier CSV illisible ({error})") from error
    return RawTable(path, _cells(rows), encoding=encoding, separator=separator, notes=notes)


def _cells(rows: list[list[str]]) -> pd.DataFrame:
    cells = pd.DataFrame(rows, dtype=object).fillna("").astype(str)
    cells.index = pd.RangeIndex(1, len(cells) + 1)
    cells.columns = pd.RangeIndex(cells.shape[1])
    return cells


def read_xlsx(path: Path) -> list[RawTable]:
    """Every sheet of a workbook (cached values of formulas), cells rendered as text.

    A formula whose value was never computed (a file written by a script, not
    saved by Excel) is given as its formula text, so that the validator names it
    instead of reading an empty amount.
    """
    from openpyxl import load_workbook

    _check_unpacked_size(path)
    workbook = _open_workbook(path, load_workbook, data_only=True)
    formulas = _open_workbook(path, load_workbook, data_only=False) if _has_formulas(path) else None
    try:
        tables = []
        for number, sheet in enumerate(workbook.worksheets):
            # A file written by a script may declare a <dimension> smaller than its sheet
            # (and cells without « r »): read the sheet's real extent, never the declared one.
            sheet.reset_dimensions()
            rows = _bounded_rows(sheet)
            notes = []
            if formulas is not None:
                notes += _uncomputed_formulas(rows, formulas.worksheets[number])
            notes += _single_row_note(rows)
            tables.append(RawTable(path, _cells(rows), sheet=sheet.title, notes=notes))
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()
    return tables


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts would unpack beyond ``MAX_XLSX_UNPACKED_MB``."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (OSError, zipfile.BadZipFile):
        return  # not a zip: openpyxl's reading names the problem
    if unpacked > MAX_XLSX_UNPACKED_MB * 1024 * 1024:
        megabytes = formatting.number(unpacked / 1024 / 1024)
        raise FileRefused(
            f"classeur refusé : décompressé, il ferait {megabytes} Mo, "
            f"au-delà de la limite de {MAX_XLSX_UNPACKED_MB} Mo ; enregistrez les données "
            "en CSV ou découpez le fichier"
        )


def _bounded_rows(sheet) -> list[list[str]]:
    """The sheet's rows as text, refused past ``MAX_XLSX_ROWS`` rows or ``MAX_XLSX_CELLS``."""
    rows, cells = [], 0
    for row in sheet.iter_rows(min_row=1, values_only=True):
        cells += len(row)
        if len(rows) >= MAX_XLSX_ROWS or cells > MAX_XLSX_CELLS:
            limits = (formatting.number(MAX_XLSX_ROWS), formatting.number(MAX_XLSX_CELLS))
            raise FileRefused(
                f"classeur refusé : la feuille « {sheet.title} » dépasse {limits[0]} lignes "
                f"ou {limits[1]} cellules ; découpez le fichier"
            )
        rows.append([cell_text(value) for value in row])
    return rows


def _open_workbook(path: Path, load_workbook, data_only: bool):
    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises zip, XML and key errors alike
        raise FileRefused(_unreadable_workbook(path)) from error


def _unreadable_workbook(path: Path) -> str:
    """What a file named .xlsx that is not a workbook most likely is."""
    head = path.read_bytes()[:4096]
    if not head.startswith(b"PK"):
        try:
            head.decode("utf-8")
            looks_like_text = True
        except UnicodeDecodeError:
            looks_like_text = all(byte >= 9 for byte in head[:512])
        if looks_like_text:
            return (
                "fichier Excel illisible : son contenu est du texte, c'est sans doute un CSV "
                "renommé en .xlsx (renommez-le en .csv)"
            )
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return (
                "fichier Excel illisible : c'est un classeur .xls (ancien format), "
                "enregistrez-le en .xlsx"
            )
    return "fichier Excel illisible : le classeur est endommagé ou n'est pas au format .xlsx"


def _has_formulas(path: Path) -> bool:
    """Whether a worksheet of the workbook holds a formula element (read from the zip)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as member:
                        while chunk := member.read(1 << 20):
                            if b"<f>" in chunk or b"<f " in chunk:
                                return True
    except (OSError, zipfile.BadZipFile):
        return False
    return False


def _uncomputed_formulas(rows: list[list[str]], sheet) -> list[str]:
    """Put the formula text where no value was cached; one note naming the cells."""
    found = []
    sheet.reset_dimensions()
    for line, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        if line > len(rows):
            break
        for column, value in enumerate(row):
            cells = rows[line - 1]
            is_formula = isinstance(value, str) and value.startswith("=")
            if is_formula and column < len(cells) and cells[column] == "":
                cells[column] = value
                found.append(f"{_column_letter(column)}{line}")
    if not found:
        return []
    cells = ", ".join(found[:10]) + (f" et {len(found) - 10} autres" if len(found) > 10 else "")
    return [
        f"{len(found)} cellule(s) contiennent une formule sans valeur calculée ({cells}) : "
        "ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le pour calculer les formules"
    ]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _single_row_note(rows: list[list[str]]) -> list[str]:
    """A sheet read as one very wide row: its rows were not delimited in the file."""
    if len(rows) == 1 and len(rows[0]) > WIDE_SINGLE_ROW:
        return [
            f"feuille lue comme une seule ligne de {len(rows[0])} cellules : le fichier "
            "n'indique pas où commencent les lignes ; ouvrez-le dans Excel ou LibreOffice "
            "et enregistrez-le à nouveau"
        ]
    return []


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
