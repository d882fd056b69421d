"""Filtered lauréats as files a French office user opens: CSV for Excel and XLSX.

Domain code (no Dash): the HTTP routes in ``callbacks/downloads.py`` only parse the
query string and call these functions.

Choices, measured against Excel (French locale) and LibreOffice:
- CSV: UTF-8 *with* BOM (without it Excel reads UTF-8 as Windows-1252 and breaks
  accents), ``;`` separator (the comma is the French decimal mark), CRLF line ends,
  dates ``dd/mm/yyyy``, decimal comma and **no thousands separator**
  (``285500000,00``): Excel parses that as a number in a French locale, whereas
  ``285 500 000,00`` with a (narrow) no-break space stays text.
- Any text cell that a spreadsheet could read as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return, or their full-width forms) gets a leading
  apostrophe (OWASP "CSV injection"). Only text columns are touched, so a negative
  amount stays a number.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from dashboard import formatting, labels
from dashboard.filters import FilterState
from dashboard.queries import named_filters

# Text starting with one of these is a formula to Excel, LibreOffice or Google Sheets.
FORMULA_PREFIXES = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
_FORMULA_PATTERN = f"^[{re.escape(FORMULA_PREFIXES)}]"

# Export header -> store column, in the order of the file.
COLUMNS = {
    labels.EXPORT_COLUMNS["id_laureat"]: "id_laureat",
    labels.EXPORT_COLUMNS["beneficiaire"]: "beneficiaire",
    labels.EXPORT_COLUMNS["siret"]: "siret",
    labels.EXPORT_COLUMNS["commune"]: "commune",
    labels.EXPORT_COLUMNS["code_commune"]: "code_commune",
    labels.EXPORT_COLUMNS["epci"]: "epci",
    labels.EXPORT_COLUMNS["dep"]: "dep",
    labels.EXPORT_COLUMNS["reg"]: "reg",
    labels.EXPORT_COLUMNS["lib_ti"]: "lib_ti",
    labels.EXPORT_COLUMNS["dans_ti"]: "dans_ti",
    labels.EXPORT_COLUMNS["programme"]: "programme",
    labels.EXPORT_COLUMNS["montant_aide"]: "montant_aide",
    labels.EXPORT_COLUMNS["investissement"]: "investissement",
    labels.EXPORT_COLUMNS["emplois_prevus"]: "emplois_prevus",
    labels.EXPORT_COLUMNS["filiere"]: "filiere",
    labels.EXPORT_COLUMNS["enjeux"]: "enjeux",
    labels.EXPORT_COLUMNS["taille_entreprise"]: "taille_entreprise",
    labels.EXPORT_COLUMNS["date_decision"]: "date_decision",
    labels.EXPORT_COLUMNS["description"]: "description",
    labels.EXPORT_COLUMNS["fictif"]: "fictif",
}
EURO_COLUMNS = (labels.EXPORT_COLUMNS["montant_aide"], labels.EXPORT_COLUMNS["investissement"])
INTEGER_COLUMNS = (labels.EXPORT_COLUMNS["emplois_prevus"],)
DATE_COLUMNS = (labels.EXPORT_COLUMNS["date_decision"],)
# Excel number formats: the separators are the locale's, so these read "1 234" and
# "1 234,50 €" in a French Excel.
XLSX_FORMATS = {"euro": '#,##0.00 "€"', "integer": "#,##0", "date": "dd/mm/yyyy"}
XLSX_MAX_WIDTH = 60
LAUREATS_SHEET = "Lauréats"
INFO_SHEET = "Informations"


def laureats_for_export(store, state: FilterState) -> pd.DataFrame:
    """The rows ``state`` keeps, one column per French header, names rather than codes."""
    rows = store.laureats[state.mask(store.laureats)]
    names = {level: store.geography.names(level) for level in ("epci", "dep", "reg")}
    frame = pd.DataFrame(index=rows.index)
    for header, column in COLUMNS.items():
        values = rows[column] if column in rows else pd.Series(pd.NA, index=rows.index)
        if column in names:
            values = values.map(names[column]).fillna(values)
        elif column in ("dans_ti", "fictif"):
            values = values.fillna(False).astype(bool).map({True: "oui", False: "non"})
        frame[header] = values
    for header in EURO_COLUMNS:
        frame[header] = pd.to_numeric(frame[header], errors="coerce").astype("float64")
    for header in INTEGER_COLUMNS:
        frame[header] = pd.to_numeric(frame[header], errors="coerce").astype("Int64")
    for header in DATE_COLUMNS:
        frame[header] = pd.to_datetime(frame[header], errors="coerce")
    return frame.reset_index(drop=True)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix with ``'`` every text cell a spreadsheet would run as a formula."""
    safe = frame.copy()
    for header in safe.columns:
        column = safe[header]
        if not (pd.api.types.is_string_dtype(column) or column.dtype == object):
            continue
        text = column.astype("string")
        risky = text.str.contains(_FORMULA_PATTERN, regex=True).fillna(False).to_numpy(bool)
        if risky.any():
            safe[header] = column.astype(object).where(~risky, "'" + text.astype(object))
    return safe


def to_excel_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes a French Excel opens by double-click (see the module docstring)."""
    text = neutralise_formulas(frame).to_csv(
        sep=";",
        decimal=",",
        float_format="%.2f",
        date_format="%d/%m/%Y",
        lineterminator="\r\n",
        index=False,
    )
    return text.encode("utf-8-sig")


def export_information(store, state: FilterState, n_rows: int) -> list[tuple[str, str]]:
    """Lines of the "Informations" sheet: what was exported, from which data, when."""
    info = labels.EXPORT_INFO
    lines = [
        (info["title"], labels.EXPORT_TITLE),
        (info["filters"], describe_filters(store, state) or labels.EXPORT_NO_FILTER),
        (info["rows"], str(n_rows)),
        (info["data_date"], store.folder.data_date("laureats") or labels.NOT_GIVEN),
        (info["source"], data_source(store) or labels.NOT_GIVEN),
        (info["exported"], datetime.now().strftime("%d/%m/%Y %H:%M")),
    ]
    if store.is_demo:
        lines.append((info["warning"], labels.EXPORT_DEMO_NOTE))
    return lines


def data_source(store) -> str:
    """The ``source`` of the loaded lauréat files, as their metadata states it."""
    found = [
        str(result.metadata["source"])
        for result in store.folder.results_of("laureats")
        if result.metadata.get("source")
    ]
    return " ; ".join(dict.fromkeys(found))


def describe_filters(store, state: FilterState) -> str:
    """ "Région : Bourgogne-Franche-Comté · Taille : PME": names rather than codes."""
    parts = []
    for name, value in named_filters(store, state).items():
        title = labels.EXPORT_FILTER_NAMES.get(name, name)
        if name == "periode":
            text = labels.EXPORT_PERIOD.format(
                start=_french_date(value[0]), end=_french_date(value[1])
            )
        elif name == "ti_scope":
            text = labels.EXPORT_TI_SCOPES.get(str(value), str(value))
        else:
            text = ", ".join(value)
        parts.append(f"{title} : {text}")
    return " · ".join(parts)


def _french_date(text: str) -> str:
    return formatting.date(text) if text and text != "…" else "…"


def to_xlsx(frame: pd.DataFrame, title_rows: Sequence[tuple[str, str]]) -> bytes:
    """Workbook with the lauréats (typed cells, French number formats) and an
    "Informations" sheet stating filters, data date, source and the demo warning.

    Write-only mode streams rows instead of holding every cell object (same speed,
    measured 0.8 s for the 1,416 demo rows, most of it openpyxl's XML writer).
    """
    book = Workbook(write_only=True)
    _write_laureats(book.create_sheet(LAUREATS_SHEET), frame)
    info = book.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    for label, value in title_rows:
        info.append([_cell(info, label, font=Font(bold=True)), _cell(info, value, alignment=wrap)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_laureats(sheet, frame: pd.DataFrame) -> None:
    """Header row in bold and frozen, typed cells, formula-like text kept as text."""
    safe = neutralise_formulas(frame)
    _set_widths(sheet, safe)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, header, font=bold) for header in frame.columns])
    formats = [_number_format(header) for header in frame.columns]
    values = safe.astype(object).where(safe.notna(), None)
    for record in values.itertuples(index=False):
        sheet.append(
            [
                _cell(sheet, _plain(value), number_format=fmt) if fmt else _text_cell(sheet, value)
                for value, fmt in zip(record, formats, strict=True)
            ]
        )


def _number_format(header: str) -> str | None:
    if header in EURO_COLUMNS:
        return XLSX_FORMATS["euro"]
    if header in INTEGER_COLUMNS:
        return XLSX_FORMATS["integer"]
    if header in DATE_COLUMNS:
        return XLSX_FORMATS["date"]
    return None


def _cell(sheet, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=..." a formula
    return cell


def _text_cell(sheet, value):
    """Raw value for the common case; a typed text cell when openpyxl would guess wrong."""
    if isinstance(value, str) and value[:1] in ("=", "'"):
        return _cell(sheet, value)
    return _plain(value)


def _plain(value):
    """Plain Python values for openpyxl (Timestamps -> date, numpy scalars -> numbers)."""
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):
        return value.item()
    return value


def _set_widths(sheet, frame: pd.DataFrame) -> None:
    """Column width from the longest of header and (sampled) values, capped."""
    sample = frame.head(500).astype("string").fillna("")
    for i, header in enumerate(frame.columns, start=1):
        longest = max([len(header), *sample[header].str.len().tolist()])
        width = min(max(longest, 8) + 2, XLSX_MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(i)].width = width


def export_filename(extension: str, day: date | None = None) -> str:
    """ "laureats-2021-09-24.csv": the export date, sortable."""
    return f"laureats-{(day or date.today()).isoformat()}.{extension}"
