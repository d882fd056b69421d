"""An empty file per nature, to fill in a spreadsheet: its columns, one example row, and the
values each column accepts (or, for free lists such as programmes, those already in use)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from dashboard.data.schemas import SCHEMAS
from dashboard.reports.exports import to_excel_csv

if TYPE_CHECKING:
    from dashboard.data.store import DataStore

# One fictitious row per nature: a value in every column a user is likely to fill.
EXAMPLES = {
    "laureats": {
        "id_laureat": "BFC-2026-001",
        "beneficiaire": "Exemple Industrie SAS",
        "siret": "12345678900011",
        "code_commune": "39300",
        "programme": "Fonds d'accélération des investissements industriels dans les territoires",
        "montant_aide": "250000",
        "investissement": "1200000",
        "emplois_prevus": "12",
        "filiere": "Mécanique et métallurgie",
        "activite": "Usinage de précision",
        "enjeux": "compétences; transition écologique",
        "taille_entreprise": "PME",
        "date_decision": "2026-03-15",
        "description": "Nouvelle ligne d'usinage et formation de dix opérateurs.",
    },
    "territoires_industrie": {
        "insee_com": "39300",
        "lib_com": "Lons-le-Saunier",
        "id_ti": "ti-2706",
        "lib_ti": "Haut-Jura",
        "millesime": "2023-2027",
    },
    "clusters": {
        "id_cluster": "cluster-exemple",
        "nom": "Cluster exemple",
        "type": "cluster",
        "filieres": "mécanique; énergie",
        "code_commune": "76217",
        "territoires_lies": "TI Dieppe Côte d'Albâtre; Normandie",
        "themes": "compétences",
        "description": "Réseau d'entreprises de la mécanique et de l'énergie.",
        "source": "Votre organisme",
    },
    "collaborations": {
        "cluster": "Cluster exemple",
        "territoire": "TI Dieppe Côte d'Albâtre",
        "themes": "compétences",
        "description": "École de production portée avec le territoire.",
        "chiffres_cles": "12 entreprises partenaires",
        "source": "Votre organisme",
    },
    "indicateurs": {
        "code_territoire": "39300",
        "niveau": "commune",
        "indicateur": "effectif_salarie_industrie",
        "valeur": "1250",
        "unite": "emplois",
        "source": "URSSAF",
        "annee": "2025",
    },
}
# Columns whose accepted values are those already in use (free lists of the published data).
IN_USE = {"laureats": ("programme", "filiere", "enjeux")}


def template_frame(kind: str) -> pd.DataFrame:
    """The nature's columns in order, with the example row."""
    example = EXAMPLES.get(kind, {})
    return pd.DataFrame([{column: example.get(column, "") for column in SCHEMAS[kind].names}])


def accepted_values(kind: str, store: DataStore | None = None) -> pd.DataFrame:
    """One row per column: label, obligatoire, unit and the values it accepts."""
    rows = []
    for column in SCHEMAS[kind].columns:
        values = ", ".join(column.allowed)
        if not values and column.name in IN_USE.get(kind, ()) and store is not None:
            values = "en usage : " + ", ".join(_in_use(store, kind, column.name))
        rows.append(
            {
                "Colonne": column.name,
                "Libellé": column.label,
                "Obligatoire": "oui" if column.required else "non",
                "Unité": column.unit or "",
                "Valeurs admises": values,
            }
        )
    return pd.DataFrame(rows)


def template_csv(kind: str) -> bytes:
    return to_excel_csv(template_frame(kind))


def template_xlsx(kind: str, store: DataStore | None = None) -> bytes:
    """Sheet « Données » to fill in (header and example row), sheet « Valeurs admises »."""
    book = Workbook()
    for sheet, frame in (
        (book.active, template_frame(kind)),
        (book.create_sheet(), accepted_values(kind, store)),
    ):
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for record in frame.itertuples(index=False):
            sheet.append([str(value) for value in record])
        for index, header in enumerate(frame.columns, start=1):
            longest = max([len(str(header)), *frame[header].astype(str).str.len().tolist()])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(longest + 2, 60)
    book.active.title = "Données"
    book.worksheets[1].title = "Valeurs admises"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _in_use(store: DataStore, kind: str, column: str) -> list[str]:
    frame = store.folder.frames.get(kind)
    if frame is None or column not in frame:
        return []
    values = frame[column].dropna().astype(str)
    if column == "enjeux":
        values = values.str.split(r"\s*;\s*", regex=True).explode()
    return sorted(set(values) - {""})
