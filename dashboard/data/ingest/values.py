"""Typing of text cells, one vectorised function per schema type.

Each cleaner takes a column of text cells ("" when empty) and returns the
typed values, which cells are invalid and the French reason for each. An
empty cell is never invalid here (it means "unknown", never zero); whether a
value is required is decided by the validator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.schemas import (
    LIST_SEPARATOR,
    LIST_SPLIT,
    PANDAS_DTYPES,
    Column,
    normalise_value,
)

NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
SPACES = r"[\s\u00a0\u202f\u2009]"
EURO_SUFFIX = r"(?i)\s*(?:€|eur|euros)$"
EURO_PREFIX = r"(?i)^(?:€|eur)\s*"
# "12,5 M€", "300 k€", "2 millions": figures in another unit than the column's.
SCALED_UNIT = (
    r"(?i)(?:\d|\s)(?:k|m|md|mds|mrd)\s*(?:€|eur|euros?)$|(?:millions?|milliards?|milliers?)"
)
HTML_TAG = r"</?[a-zA-Z!?][^<>]*>"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
DATE_FORMATS = (
    "%d/%m/%Y",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%d/%m/%y",
)
# Excel day numbers between 1927 and 2119: a date cell exported as a plain number.
EXCEL_SERIALS = (10_000, 80_000)
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
TRUE_WORDS = {"oui", "o", "vrai", "true", "1", "x", "yes", "y", "v"}
FALSE_WORDS = {"non", "n", "faux", "false", "0", "no", "f"}
INSEE = r"\d{5}|2[AB]\d{3}"


@dataclass
class Cleaned:
    """Typed values of one column, its invalid cells with reasons, and optional warnings."""

    values: pd.Series
    invalid: pd.Series
    reasons: pd.Series
    warned: pd.Series | None = None
    warnings: pd.Series | None = None


def quoted(raw: pd.Series) -> pd.Series:
    return '"' + raw.str.strip() + '"'


def _empty_reasons(raw: pd.Series) -> pd.Series:
    return pd.Series("", index=raw.index, dtype="str")


def clean_column(raw: pd.Series, column: Column, multiplier: float = 1.0) -> Cleaned:
    """Dispatch on the column's schema type."""
    if column.dtype in ("float", "int"):
        return clean_number(raw, column, multiplier)
    cleaner = {
        "str": clean_text,
        "date": clean_date,
        "bool": clean_bool,
        "insee": clean_insee,
        "siret": clean_siret,
        "list": clean_list,
    }.get(column.dtype)
    if cleaner is not None:
        return cleaner(raw)
    return clean_category(raw, column)


def clean_text(raw: pd.Series) -> Cleaned:
    """Trimmed text, kept as the file writes it; HTML markup and overlong texts are flagged.

    A name such as "<b>Acme</b> SAS" stays what the file says (exports carry it
    whole); screens render it as text, never as markup (see ``formatting.plain``).
    """
    text = raw.str.replace(CONTROL, "", regex=True).str.strip()
    has_html = text.str.contains(HTML_TAG, regex=True)
    warnings = pd.Series("", index=raw.index, dtype="str").where(
        ~has_html,
        "balises HTML dans le texte : conservé tel quel, affiché comme du texte, jamais interprété",
    )
    values = text.where(text != "").astype("str")
    invalid = pd.Series(False, index=raw.index)
    return Cleaned(values, invalid, _empty_reasons(raw), has_html, warnings)


def parse_numbers(raw: pd.Series, euros: bool = False) -> tuple[pd.Series, pd.Series, pd.Series]:
    """French or English number text -> float, invalid mask, reason.

    "1 234,5" (spaces, U+00A0 or U+202F), "1.234,5", "1234.5" and "1,234.5"
    are read; a single comma is a decimal comma (French files). Figures with
    a scale ("12,5 M€") are refused rather than guessed.
    """
    text = raw.str.strip().str.replace("\u2212", "-", regex=False)
    scaled = text.str.contains(SCALED_UNIT, regex=True)
    if euros:
        text = text.str.replace(EURO_SUFFIX, "", regex=True).str.replace(
            EURO_PREFIX, "", regex=True
        )
    compact = text.str.replace(SPACES, "", regex=True)
    n_comma = compact.str.count(",")
    comma_decimal = (n_comma == 1) & (compact.str.rfind(",") > compact.str.rfind("."))
    number = compact.where(
        ~comma_decimal,
        compact.str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
    )
    comma_thousands = ~comma_decimal & compact.str.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
    number = number.where(~comma_thousands, compact.str.replace(",", "", regex=False))
    dot_thousands = (n_comma == 0) & compact.str.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3}){2,}")
    number = number.where(~dot_thousands, compact.str.replace(".", "", regex=False))
    valid = number.str.fullmatch(NUMBER) & ~scaled
    values = pd.to_numeric(number.where(valid), errors="coerce").astype("float64")
    overflow = valid & ~np.isfinite(values.fillna(0.0))  # "1e309" reads as infinity
    values = values.where(~overflow)
    invalid = (text != "") & (~valid | overflow)
    reasons = ("valeur non numérique : " + quoted(raw)).where(
        ~scaled,
        "unité non prise en charge : " + quoted(raw) + " (nombre attendu sans unité)",
    )
    reasons = reasons.where(~overflow, "nombre hors limites : " + quoted(raw))
    formula = text.str.startswith("=")
    reasons = reasons.where(
        ~formula,
        "formule sans valeur calculée : "
        + quoted(raw)
        + " (enregistrez le fichier dans Excel ou LibreOffice pour la calculer)",
    )
    return values, invalid, reasons


def clean_number(raw: pd.Series, column: Column, multiplier: float = 1.0) -> Cleaned:
    """Numbers with the column's minimum and integer constraints."""
    euros = column.unit == "EUR"
    values, invalid, reasons = parse_numbers(raw, euros=euros)
    values = values * multiplier
    if column.dtype == "int":
        fractional = values.notna() & (values % 1 != 0)
        reasons = reasons.where(~fractional, "nombre entier attendu : " + quoted(raw))
        invalid = invalid | fractional
    if column.minimum is not None:
        below = values.notna() & (values < column.minimum)
        word = "montant négatif" if euros else "valeur négative"
        if column.minimum > 0:
            word = f"valeur inférieure à {column.minimum:g}"
        reasons = reasons.where(~below, word + " : " + raw.str.strip())
        invalid = invalid | below
    values = values.where(~invalid)
    if column.dtype == "int":
        values = values.round().astype("Int64")
    return Cleaned(values, invalid, reasons)


def clean_date(raw: pd.Series) -> Cleaned:
    """Dates written 24/09/2021, 2021-09-24 (XLSX cells) or as an Excel day number."""
    text = raw.str.strip()
    values = pd.Series(pd.NaT, index=raw.index, dtype=PANDAS_DTYPES["date"])
    for date_format in DATE_FORMATS:
        missing = values.isna() & (text != "")
        if not missing.any():
            break
        values[missing] = pd.to_datetime(text[missing], format=date_format, errors="coerce")
    serial = values.isna() & text.str.fullmatch(r"\d{5}(?:\.\d+)?")
    if serial.any():
        days = pd.to_numeric(text[serial])
        in_range = days.between(*EXCEL_SERIALS)
        values[serial] = (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).where(in_range)
    values = values.dt.normalize()
    invalid = (text != "") & values.isna()
    reasons = "date non reconnue : " + quoted(raw) + " (format attendu JJ/MM/AAAA)"
    return Cleaned(values, invalid, reasons)


def _map_words(raw: pd.Series, mapping: dict[str, object]) -> pd.Series:
    """Map cells through ``mapping`` keyed by normalised text (computed once per distinct value)."""
    distinct = pd.unique(raw)
    keys = {value: mapping.get(normalise_value(value)) for value in distinct}
    return raw.map(keys)


def clean_bool(raw: pd.Series) -> Cleaned:
    """oui/non, vrai/faux, true/false, 1/0, x: an empty cell takes the column default."""
    mapping = {word: True for word in TRUE_WORDS} | {word: False for word in FALSE_WORDS}
    values = _map_words(raw, mapping)
    invalid = (raw.str.strip() != "") & values.isna()
    reasons = "valeur oui/non attendue : " + quoted(raw)
    return Cleaned(values.astype("boolean"), invalid, reasons)


def clean_category(raw: pd.Series, column: Column) -> Cleaned:
    """Allowed values whatever the case or accents, plus their aliases ("Grande entreprise")."""
    mapping = {normalise_value(value): value for value in column.allowed}
    mapping |= {normalise_value(alias): value for alias, value in column.value_aliases.items()}
    values = _map_words(raw, mapping).astype("str")
    invalid = (raw.str.strip() != "") & values.isna()
    reasons = (
        "valeur non reconnue : "
        + quoted(raw)
        + f" (valeurs possibles : {', '.join(column.allowed)})"
    )
    return Cleaned(values, invalid, reasons)


def clean_list(raw: pd.Series) -> Cleaned:
    """Several values in one cell, separated by ``;`` or ``|``, rewritten "a; b" without repeats."""
    base = clean_text(raw)
    distinct = pd.unique(base.values.dropna())
    joined = {
        value: LIST_SEPARATOR.join(
            dict.fromkeys(item for item in re.split(LIST_SPLIT, value) if item)
        )
        for value in distinct
    }
    values = base.values.map(joined).astype("str")
    values = values.where(values != "")
    return Cleaned(values, base.invalid, base.reasons, base.warned, base.warnings)


def normalise_insee(raw: pd.Series) -> pd.Series:
    """Commune codes as 5 characters: "1053" (leading zero lost by a spreadsheet) -> "01053"."""
    text = raw.str.strip().str.upper().str.replace(r"\.0$", "", regex=True)
    return text.where(~text.str.fullmatch(r"\d{4}"), text.str.zfill(5))


def clean_insee(raw: pd.Series) -> Cleaned:
    """Commune INSEE codes: 5 digits, or 2A/2B + 3 digits for Corsica; anything else refused."""
    codes = normalise_insee(raw)
    invalid = (codes != "") & ~codes.str.fullmatch(INSEE)
    reasons = (
        "code INSEE invalide : " + quoted(raw) + " (5 caractères attendus, par ex. 01053 ou 2A004)"
    )
    values = codes.where((codes != "") & ~invalid).astype("str")
    padded = ~invalid & raw.str.strip().str.replace(r"\.0$", "", regex=True).str.fullmatch(r"\d{4}")
    warnings = "code complété : " + quoted(raw) + " lu comme " + codes + " (zéro initial perdu ?)"
    return Cleaned(values, invalid, reasons, padded, warnings)


def clean_siret(raw: pd.Series) -> Cleaned:
    """14 digits once spaces and dots are removed (a 9-digit SIREN is named as such)."""
    digits = raw.str.replace(r"[\s\u00a0\u202f.\-]", "", regex=True)
    invalid = (digits != "") & ~digits.str.fullmatch(r"\d{14}")
    siren = digits.str.fullmatch(r"\d{9}")
    hint = pd.Series(" (14 chiffres attendus)", index=raw.index).where(
        ~siren, " (14 chiffres attendus ; 9 chiffres : c'est un SIREN)"
    )
    reasons = "SIRET invalide : " + quoted(raw) + hint
    values = digits.where((digits != "") & ~invalid).astype("str")
    return Cleaned(values, invalid, reasons)


def format_point(lon: pd.Series, lat: pd.Series) -> pd.Series:
    """ "(12.5, 60.1)" as the user can compare with their file."""
    lon_text = lon.map(repr_float).astype("str")
    lat_text = lat.map(repr_float).astype("str")
    return "(" + lon_text + ", " + lat_text + ")"


def repr_float(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def as_bool_array(mask: pd.Series) -> np.ndarray:
    return mask.fillna(False).to_numpy(dtype=bool)
