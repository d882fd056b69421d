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
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState
from dashboard.analysis.funding_gaps import GapResult, GapState, rule_sentence
from dashboard.data.store import FULL_TEXT_SUFFIX
from dashboard.text import labels
from geodata.vintage import POPULATION_VINTAGE

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore
    from dashboard.reports.cluster_summary import ClusterSummary

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
    labels.EXPORT_COLUMNS["activite"]: "activite",
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
XLSX_FORMATS = {
    "euro": '#,##0.00 "€"',
    "integer": "#,##0",
    "date": "dd/mm/yyyy",
    "decimal": "#,##0.00",
    "one_decimal": "#,##0.0",
}
LAUREAT_FORMATS = {
    **dict.fromkeys(EURO_COLUMNS, XLSX_FORMATS["euro"]),
    **dict.fromkeys(INTEGER_COLUMNS, XLSX_FORMATS["integer"]),
    **dict.fromkeys(DATE_COLUMNS, XLSX_FORMATS["date"]),
}
XLSX_MAX_WIDTH = 60
LAUREATS_SHEET = "Lauréats"
INFO_SHEET = "Informations"


def laureats_for_export(store: DataStore, state: FilterState) -> pd.DataFrame:
    """The rows ``state`` keeps, one column per French header, names rather than codes."""
    return laureat_rows_for_export(store, store.laureats[state.mask(store.laureats)])


def laureat_rows_for_export(store: DataStore, rows: pd.DataFrame) -> pd.DataFrame:
    """Lauréat rows with one column per French header, names rather than codes."""
    names = {level: store.geography.names(level) for level in ("epci", "dep", "reg")}
    frame = pd.DataFrame(index=rows.index)
    for header, column in COLUMNS.items():
        values = rows[column] if column in rows else pd.Series(pd.NA, index=rows.index)
        if column + FULL_TEXT_SUFFIX in rows:  # texts shortened on screen, whole here
            values = rows[column + FULL_TEXT_SUFFIX].fillna(values)
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


def export_information(
    store: DataStore, state: FilterState, n_rows: int
) -> list[tuple[str, str | int]]:
    """Lines of the "Informations" sheet: what was exported, from which data, when."""
    info = labels.EXPORT_INFO
    filters = queries.describe_filters(store, state, titled=True)
    lines = [
        (info["title"], labels.EXPORT_TITLE),
        (info["filters"], filters or labels.EXPORT_NO_FILTER),
        (info["rows"], n_rows),
        (info["data_date"], store.data_date or labels.NOT_GIVEN),
        (info["source"], data_source(store) or labels.NOT_GIVEN),
        (info["version"], store.version_label or labels.NOT_GIVEN),
        (info["exported"], datetime.now().strftime("%d/%m/%Y %H:%M")),
    ]
    if store.is_demo:
        lines.append((info["warning"], labels.EXPORT_DEMO_NOTE))
    return lines


def data_source(store: DataStore) -> str:
    """The ``source`` of the loaded lauréat files, as their metadata states it."""
    return store.folder.source_of("laureats")


def to_xlsx(
    frame: pd.DataFrame,
    title_rows: Sequence[tuple[str, object]],
    sheet_name: str = LAUREATS_SHEET,
    formats: dict[str, str] | None = None,
    more_sheets: Sequence[tuple[str, pd.DataFrame, dict[str, str]]] = (),
) -> bytes:
    """Workbook with the rows (typed cells, French number formats: ``formats`` maps a
    header to an Excel format, the lauréat columns' by default) and an "Informations"
    sheet stating filters, data date, source and the demo warning.

    Write-only mode streams rows instead of holding every cell object (same speed,
    measured 0.8 s for the 1,416 demo rows, most of it openpyxl's XML writer).
    """
    book = Workbook(write_only=True)
    _write_rows(
        book.create_sheet(sheet_name), frame, LAUREAT_FORMATS if formats is None else formats
    )
    for name, rows, row_formats in more_sheets:
        _write_rows(book.create_sheet(name), rows, row_formats)
    info = book.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    for label, value in title_rows:
        info.append([_cell(info, label, font=Font(bold=True)), _cell(info, value, alignment=wrap)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_rows(sheet, frame: pd.DataFrame, number_formats: dict[str, str]) -> None:
    """Header row in bold and frozen, typed cells, formula-like text kept as text."""
    safe = neutralise_formulas(frame)
    _set_widths(sheet, safe)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, header, font=bold) for header in frame.columns])
    formats = [number_formats.get(header) for header in frame.columns]
    values = safe.astype(object).where(safe.notna(), None)
    for record in values.itertuples(index=False):
        sheet.append(
            [
                _cell(sheet, _plain(value), number_format=fmt) if fmt else _text_cell(sheet, value)
                for value, fmt in zip(record, formats, strict=True)
            ]
        )


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


def export_filename(
    extension: str, day: date | None = None, version: int | None = None, stem: str = "laureats"
) -> str:
    """ "laureats-2021-09-24-version-7.csv": the export date (sortable) and the data version
    (a CSV has no footnote: its name says which data it holds)."""
    suffix = f"-version-{version}" if version is not None else ""
    return f"{stem}-{(day or date.today()).isoformat()}{suffix}.{extension}"


# Gap list export: header -> (result column, Excel format or None).
GAP_COLUMNS = {
    "Rang national": ("rang", "integer"),
    "Code": ("code", None),
    "Territoire": ("nom", None),
    "Région": ("nom_region", None),
    "Verdict": ("verdict_texte", None),
    "Population": ("population", "integer"),
    "Emplois industriels salariés": ("emplois_industriels", "integer"),
    "Communes renseignées (emploi)": ("n_communes_renseignees", "integer"),
    "Communes du territoire": ("n_communes", "integer"),
    "Part de l'emploi industriel (%)": ("part_emploi_industriel", "one_decimal"),
    "Lauréats": ("n_laureats", "integer"),
    "Lauréats sans montant d'aide": ("n_aide_inconnue", "integer"),
    "Aide publique (€)": ("aide", "euro"),
    "Investissement (€)": ("investissement", "euro"),
    "Emplois prévus": ("emplois_prevus", "integer"),
    "Aide par habitant (€)": ("aide_par_habitant", "decimal"),
    "Aide par emploi industriel (€)": ("aide_par_emploi_industriel", "decimal"),
    "Clusters et réseaux qui travaillent avec lui": ("n_clusters", "integer"),
    "Cluster ou pôle le plus proche": ("cluster_proche", None),
    "Type": ("type_cluster_proche", None),
    "Distance au cluster (km)": ("distance_cluster_km", "one_decimal"),
}
JOB_COLUMNS = (
    "emplois_industriels",
    "n_communes_renseignees",
    "part_emploi_industriel",
    "aide_par_emploi_industriel",
)
GAP_FORMATS = {header: XLSX_FORMATS[fmt] for header, (_c, fmt) in GAP_COLUMNS.items() if fmt}


def gaps_for_export(result: GapResult, regions: tuple[str, ...]) -> pd.DataFrame:
    """The listed territories (unfunded, under-funded) with every number of their verdict."""
    listed = result.listed(regions).assign(
        verdict_texte=lambda t: t["verdict"].map(labels.VERDICTS),
        n_aide_inconnue=lambda t: t["n_laureats"] - t["n_aide_connue"],
    )
    frame = pd.DataFrame({header: listed[column] for header, (column, _fmt) in GAP_COLUMNS.items()})
    if not result.industrial_jobs_loaded:
        frame = frame.drop(columns=[h for h, (c, _f) in GAP_COLUMNS.items() if c in JOB_COLUMNS])
    for header, (_column, fmt) in GAP_COLUMNS.items():
        if fmt == "integer" and header in frame:
            frame[header] = pd.to_numeric(frame[header], errors="coerce").round().astype("Int64")
    return frame


def gaps_information(
    store, state: GapState, result: GapResult, n_rows: int
) -> list[tuple[str, object]]:
    """The "Informations" sheet of the gap export: the rule, criteria, sources."""
    info = labels.EXPORT_INFO
    names = store.geography.names("reg")
    criteria = [labels.GAPS_LEVELS[state.level]]
    if state.regions:
        criteria.append("Région : " + ", ".join(names.get(r, r) for r in state.regions))
    if state.programmes:
        criteria.append("Programme : " + ", ".join(state.programmes))
    lines = [
        (info["title"], labels.GAPS_EXPORT_TITLE),
        (labels.GAPS_EXPORT_RULE, rule_sentence(result, state)),
        (info["filters"], " · ".join(criteria)),
        (labels.GAPS_EXPORT_ROWS, n_rows),
        (info["data_date"], store.data_date or labels.NOT_GIVEN),
        (info["source"], data_source(store) or labels.NOT_GIVEN),
        (info["version"], store.version_label or labels.NOT_GIVEN),
        (labels.GAPS_EXPORT_POPULATION, POPULATION_VINTAGE),
        (
            labels.GAPS_EXPORT_JOBS,
            f"{result.indicator_source or labels.NOT_GIVEN}, {result.indicator_year}"
            if result.industrial_jobs_loaded
            else labels.NOT_GIVEN,
        ),
        (labels.GAPS_CONTEXT_TITLE, labels.GAPS_CONTEXT),
        (info["exported"], datetime.now().strftime("%d/%m/%Y %H:%M")),
    ]
    if store.is_demo:
        lines.append((info["warning"], labels.EXPORT_DEMO_NOTE))
    return lines


def gaps_filename(extension: str, day: date | None = None, version: int | None = None) -> str:
    return export_filename(extension, day, version, stem="territoires-sans-financement")


def cluster_collaborations_for_export(summary: ClusterSummary) -> pd.DataFrame:
    """The cluster's collaborations as the sources give them, one column per French header."""
    frame = summary.collaborations
    return pd.DataFrame(
        {header: frame[column] for column, header in labels.CLUSTER_EXPORT_COLUMNS.items()}
    )


def cluster_information(store: DataStore, summary: ClusterSummary) -> list[tuple[str, object]]:
    info = labels.EXPORT_INFO
    lines = [
        (info["title"], summary.name),
        (labels.CLUSTER_FILIERES, ", ".join(summary.laureat_filieres) or labels.NOT_GIVEN),
        (info["rows"], len(summary.laureats)),
        (info["source"], summary.source or labels.NOT_GIVEN),
        (info["version"], store.version_label or labels.NOT_GIVEN),
        (info["exported"], datetime.now().strftime("%d/%m/%Y %H:%M")),
    ]
    if store.is_demo:
        lines.append((info["warning"], labels.EXPORT_DEMO_NOTE))
    return lines
