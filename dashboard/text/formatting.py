"""French number and date formatting: "285,5 M€", "1 966 emplois", "24/09/2021"."""

from __future__ import annotations

import math
import re

import pandas as pd

from dashboard.analysis.url_state import iso_date
from dashboard.text import labels

NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def number(value: float | int | None, decimals: int = 0) -> str:
    """``1234.5`` -> ``"1 234,5"`` (narrow no-break spaces between thousands)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def millions_eur(value_eur: float | None, decimals: int = 1) -> str:
    """Euros -> ``"285,5 M€"``."""
    if value_eur is None or (isinstance(value_eur, float) and math.isnan(value_eur)):
        return "–"
    return f"{number(value_eur / 1e6, decimals)}\u00a0M€"


def annex_amount(value_meur: float | None) -> str:
    """M€ -> ``"285,5 M€"``; whole amounts without decimals (``"326 M€"``), as the annex
    writes them."""
    if value_meur is None or math.isnan(value_meur):
        return "–"
    decimals = 0 if round(value_meur, 1) == round(value_meur) else 1
    return f"{number(value_meur, decimals)}\u00a0M€"


def count(value: int | float | None, unit: str = "") -> str:
    """``1966, "emplois"`` -> ``"1 966 emplois"``."""
    text = number(value, 0)
    return f"{text}\u00a0{unit}" if unit else text


def plural(value: int | float | None, singular: str, plural_form: str | None = None) -> str:
    """``1, "lauréat"`` -> ``"1 lauréat"``; ``2`` -> ``"2 lauréats"``. French keeps 0 and 1
    (and anything below 2) in the singular; ``plural_form`` when adding « s » is wrong
    (« emploi prévu » -> « emplois prévus »)."""
    many = value is not None and not (isinstance(value, float) and math.isnan(value))
    many = many and abs(value) >= 2
    return count(value, (plural_form or singular + "s") if many else singular)


def date(value) -> str:
    """Any date-like value -> ``"24/09/2021"``; missing -> ``"–"``."""
    if isinstance(value, str):  # a French date is day first, never month first
        value = parse_date(value) or value
    stamp = pd.to_datetime(value, errors="coerce")
    return "–" if pd.isna(stamp) else stamp.strftime("%d/%m/%Y")


FRENCH_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date(text: str | None) -> str | None:
    """What a user types in a date box (« 01/03/2023 », « 1.3.2023 », or ISO) -> ISO
    ``"2023-03-01"``; ``None`` when empty or not a calendar date (see
    :func:`date_is_unreadable`). Day first, whatever the browser's locale."""
    text = (text or "").strip()
    match = FRENCH_DATE.fullmatch(text)
    if match:
        day, month, year = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    return iso_date(text)


def date_is_unreadable(text: str | None) -> bool:
    return bool((text or "").strip()) and parse_date(text) is None


def period(start, end) -> str:
    """« du 01/01/2021 au 24/09/2021 », « depuis le 01/01/2021 », « jusqu'au … » (dates as
    the user reads them, whatever form they came in); "" without either end."""
    start = date(start) if start else None
    end = date(end) if end else None
    if start and end:
        return labels.PERIOD_BETWEEN.format(start=start, end=end)
    if start:
        return labels.PERIOD_FROM.format(start=start)
    if end:
        return labels.PERIOD_TO.format(end=end)
    return ""


# Longest texts shown on a screen; files keep them whole (exports carry every character).
NAME_LIMIT = 2_000  # names, programmes, filières
DESCRIPTION_LIMIT = 20_000
HOVER_LIMIT = 160  # a map tooltip is one glance
ELLIPSIS = "…"


def shorten(values: pd.Series, limit: int) -> pd.Series:
    """Texts cut at ``limit`` characters with an ellipsis (missing values stay missing)."""
    text = values.astype("str")
    long = text.str.len() > limit
    if not long.fillna(False).any():
        return text
    return text.where(~long.fillna(False), text.str.slice(0, limit - 1) + ELLIPSIS)


def shorten_one(value: object, limit: int) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def hover_text(values: pd.Series, limit: int = HOVER_LIMIT) -> pd.Series:
    """User text for a Plotly tooltip: shortened, and its markup shown literally.

    Plotly reads ``<b>``, ``<a href>``... in hover texts; a name from a file is
    data, so ``&``, ``<`` and ``>`` become entities that Plotly displays as such.
    """
    text = shorten(values.fillna(""), limit)
    return text.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")
