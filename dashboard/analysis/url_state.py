"""The one codec between a screen's state (a frozen dataclass) and its URL query string.

Each screen declares its parameters once (URL name, state field, how to read and
write a value); reading and writing, defaults left out of URLs and the list of
unreadable values shown to the user all live here, so two screens cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlencode

import numpy as np

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_FIELDS = 100
NOTED_VALUE_LENGTH = 40


@dataclass(frozen=True)
class Param:
    """One query parameter: ``read`` gives the field's value, or None when unreadable."""

    name: str
    field: str
    read: Callable[[str], object | None]
    write: Callable[[object], str] = str
    # Unreadable values are named in a note on the screen (lists just drop bad items).
    noted: bool = True


class UrlCodec:
    """Query string <-> state of one screen, from its ``Param`` list (in URL order)."""

    def __init__(self, state_class: type, params: tuple[Param, ...]) -> None:
        self.state_class = state_class
        self.params = params

    def decode(self, query: object):
        """The state a query string (or a parsed mapping) describes; unreadable values
        are left at their default and listed in the state's ``ignored``."""
        values = query if isinstance(query, Mapping) else query_params(query)
        state: dict = {}
        ignored: list[str] = []
        for param in self.params:
            text = values.get(param.name)
            if isinstance(text, list | tuple):  # Dash Pages hands repeated keys as lists
                text = text[-1] if text else None
            if not isinstance(text, str) or text == "":
                continue
            value = param.read(text)
            if value is None:
                if param.noted:
                    ignored.append(f"{param.name}={text[:NOTED_VALUE_LENGTH]}")
                continue
            state[param.field] = value
        return self.state_class(**state, ignored=tuple(ignored))

    def encode(self, state) -> str:
        """``?a=1&b=2,3`` restoring ``state``, defaults omitted ("" when all are default)."""
        default = self.state_class()
        params = {
            p.name: p.write(getattr(state, p.field))
            for p in self.params
            if _plain(getattr(state, p.field)) != _plain(getattr(default, p.field))
        }
        return "?" + urlencode(params, safe=",") if params else ""


def _plain(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def query_params(query: object) -> dict[str, str]:
    """The last value of each parameter of a query string (anything else: no parameter)."""
    if not isinstance(query, str):
        return {}
    fields = query.lstrip("?").split("&")[:MAX_FIELDS]  # the rest is ignored, never an error
    pairs = parse_qs("&".join(fields))
    return {k: v[-1] for k, v in pairs.items()}


def too_many_fields(query: str) -> bool:
    """More parameters than any screen writes (``MAX_FIELDS``): a forged address."""
    return query.count("&") >= MAX_FIELDS


def choice(mapping: Mapping[str, object]) -> Callable[[str], object | None]:
    """A value among ``mapping``'s keys, read as the mapped value."""
    return mapping.get


def inverse(mapping: Mapping[str, object]) -> Callable[[object], str]:
    reverse = {v: k for k, v in mapping.items()}
    return reverse.__getitem__


def flag(text: str) -> bool | None:
    return {"0": False, "1": True}.get(text)


def write_flag(value: object) -> str:
    return "1" if value else "0"


def code_list(text: str) -> tuple[str, ...] | None:
    """``27,53`` -> ("27", "53"), sorted so one selection has one URL."""
    return tuple(sorted(v for v in text.split(",") if v)) or None


def members_of(allowed: tuple[str, ...]) -> Callable[[str], tuple[str, ...] | None]:
    """A comma list keeping only ``allowed`` items, in the order written (possibly empty)."""
    return lambda text: tuple(v for v in text.split(",") if v in allowed)


def write_list(values: object) -> str:
    return ",".join(values)  # type: ignore[arg-type]


def iso_date(text: str) -> str | None:
    return text if is_iso_date(text) else None


def is_iso_date(text: str | None) -> bool:
    """A calendar date written AAAA-MM-JJ between 1900 and 2100 (what pandas can compare).

    ``date.fromisoformat`` alone also takes week dates ("2021-W01-1") and compact
    forms that pandas then refuses.
    """
    if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
        return False
    try:
        return 1900 <= date.fromisoformat(text).year <= 2100
    except ValueError:
        return False


def map_view(text: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,zoom`` within the world and MapLibre's zoom range."""
    try:
        lat, lon, zoom = (float(v) for v in (text or "").split(","))
    except ValueError:
        return None
    if not all(np.isfinite((lat, lon, zoom))):
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 22:
        return (lat, lon, zoom)
    return None


def write_view(view: object) -> str:
    return ",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in view)  # type: ignore[union-attr]
