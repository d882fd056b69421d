"""Territories named as people write them, resolved to one code or reported.

A clusters file says « TI Rochefort Royan Marennes Oléron », « Plastics Vallee -
Oyonnax », « Communauté urbaine de Dunkerque » or « Dieppe (76) »; an identifier
is rare. One index of every région, département, TI, EPCI and commune name, and
one way to compare names (case, accents, hyphens and dashes, apostrophes, spaces,
the legal form of an EPCI written in full) serve the importer and the search box.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.text import labels

# Kinds in the order a match is listed when two names match as well.
KINDS = ("reg", "dep", "ti", "epci", "commune")
# Written in full by people, abbreviated in the reference names (BANATIC's legal forms).
LONG_FORMS = {
    "communaute urbaine": "cu",
    "communaute d agglomeration": "ca",
    "communaute de communes": "cc",
    "communaute de commune": "cc",
    "agglomeration": "agglo",
    "saint": "st",
    "sainte": "ste",
    "sur": "s",
}
LEGAL_FORM = (
    r"^(?:cu|ca|cc|metropole|agglo|communaute|eurometropole)(?: de la| de l| de| d| du| des)? "
)
KIND_PREFIXES = {
    "ti": ("territoire d industrie", "territoires d industrie", "ti"),
    "reg": ("region",),
    "dep": ("departement",),
}
ABROAD = ("etranger", "hors de france", "international")
NATIONAL = ("national", "nationale", "france", "france entiere")
MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.75
# Close names are looked for among the first unknown names of a file only (0.05 s each).
MAX_SUGGESTION_SEARCHES = 200


def normalised(text: str) -> str:
    """Lower case, no accents, every run of punctuation or spaces one space."""
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower().replace("&", " et ")
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def match_key(text: str) -> str:
    """The form two names are compared in: normalised, long forms shortened."""
    key = f" {normalised(text)} "
    for long, short in LONG_FORMS.items():
        key = key.replace(f" {long} ", f" {short} ")
    return key.strip()


def token(kind: str, code: str) -> str:
    """How a resolved territory is written in a clean frame: ``"ti:ti-8418"``."""
    return f"{kind}:{code}"


def parse_token(value: str | None) -> tuple[str, str] | None:
    """``"epci:200046977"`` -> ``("epci", "200046977")``; None when it is not one of ours."""
    kind, _, code = str(value or "").partition(":")
    return (kind, code) if kind in KINDS and code else None


@dataclass(frozen=True)
class Resolution:
    """A name resolved to one territory (``token``), or why not."""

    token: str | None = None
    candidates: tuple[str, ...] = ()  # labels of the territories an ambiguous name matches
    suggestions: tuple[str, ...] = ()  # labels of the closest names to an unknown one
    outside: str | None = None  # "etranger" or "national": known not to be a French territory

    def problem(self, text: str) -> str | None:
        """The French warning for ``text``, None when it resolved or lies outside France."""
        if self.token is not None or self.outside is not None:
            return None
        if self.candidates:
            return f"territoire ambigu « {text} » : " + " ou ".join(self.candidates)
        closest = f" (noms proches : {', '.join(self.suggestions)})" if self.suggestions else ""
        return f"territoire inconnu « {text} »{closest}"


def name_index(geography, ti_names: pd.Series) -> pd.DataFrame:
    """Every territory name: kind, code, name, label, match key and département.

    ``ti_names`` is TI id -> name (the loaded TI list).
    """
    communes = geography.communes
    parts = [
        _names("reg", geography.names("reg")),
        _names("dep", geography.names("dep"), suffix=lambda code: code),
        _names("ti", ti_names.dropna().astype(str)),
        _names("epci", geography.names("epci")),
        _names(
            "commune",
            pd.Series(communes["nom"].to_numpy(), index=communes["code"].to_numpy()),
            suffix=commune_departement,
        ),
    ]
    index = pd.concat(parts, ignore_index=True)
    index["key"] = index["name"].map(match_key)
    index["dep"] = [
        commune_departement(code) if kind == "commune" else ""
        for kind, code in zip(index["kind"], index["code"], strict=True)
    ]
    index["rank"] = index["kind"].map({kind: rank for rank, kind in enumerate(KINDS)})
    return index


def commune_departement(code: str) -> str:
    return code[:3] if code.startswith("97") else code[:2]


def _names(kind: str, names: pd.Series, suffix=None) -> pd.DataFrame:
    kind_label = labels.SEARCH_KINDS[kind]
    codes = names.index.astype(str)
    tails = [f"{kind_label} {suffix(code)}" if suffix else kind_label for code in codes]
    return pd.DataFrame(
        {
            "kind": kind,
            "code": codes,
            "name": names.astype(str).to_numpy(),
            "label": [
                f"{name} ({tail})" for name, tail in zip(names.astype(str), tails, strict=True)
            ],
        }
    )


class TerritoryNames:
    """Resolve a territory written by a person to one ``kind:code`` token."""

    def __init__(self, index: pd.DataFrame) -> None:
        self.index = index
        self._searches = 0  # close-name searches made (bounded: a hostile file has many names)

    @cached_property
    def _by_key(self) -> dict[str, np.ndarray]:
        return self.index.groupby("key").indices

    @cached_property
    def _by_short_key(self) -> dict[str, np.ndarray]:
        """EPCI names without their legal form (« Lamballe Terre et Mer »), tried last."""
        epci = self.index[self.index["kind"] == "epci"]
        short = epci["key"].str.replace(LEGAL_FORM, "", regex=True)
        positions = pd.Series(np.flatnonzero(self.index["kind"] == "epci"), index=short.to_numpy())
        return {key: group.to_numpy() for key, group in positions.groupby(level=0)}

    @cached_property
    def _codes(self) -> dict[str, str]:
        """Bare codes a file may give: TI id, EPCI SIREN, commune code (as before names)."""
        known = self.index[self.index["kind"].isin(["ti", "epci", "commune"])]
        pairs = zip(known["kind"], known["code"], strict=True)
        return {code.lower(): token(kind, code) for kind, code in pairs}

    @cached_property
    def _departements(self) -> dict[str, str]:
        """Département code -> code, and its name's key -> code (« Seine-Maritime » -> 76)."""
        deps = self.index[self.index["kind"] == "dep"]
        return {
            **dict(zip(deps["code"].str.lower(), deps["code"], strict=True)),
            **dict(zip(deps["key"], deps["code"], strict=True)),
        }

    def resolve(self, text: str) -> Resolution:
        text = str(text).strip()
        parsed = parse_token(text)
        if parsed is not None and parsed[0] in KINDS:
            return Resolution(token=text)
        if text.lower() in self._codes:
            return Resolution(token=self._codes[text.lower()])
        key = match_key(text)
        outside = _outside(key)
        if outside:
            return Resolution(outside=outside)
        kinds, key = _kind_prefix(key)
        name, hint = _split_hint(text)
        found = self._matches(key, kinds)
        if found.empty and hint is not None:
            kinds, name_key = _kind_prefix(match_key(name))
            found = self._matches(name_key, kinds)
            departement = self._departements.get(match_key(hint))
            if departement is not None and not found.empty:
                here = found[found["dep"] == departement]
                found = here if not here.empty else found
        found = _prefer_higher_levels(found)
        if len(found) == 1:
            row = found.iloc[0]
            return Resolution(token=token(row["kind"], row["code"]))
        if len(found) > 1:
            return Resolution(candidates=tuple(found.sort_values(["rank", "label"])["label"]))
        if self._searches >= MAX_SUGGESTION_SEARCHES:
            return Resolution()  # unknown, without a 0.05 s search for close names
        self._searches += 1
        close = difflib.get_close_matches(key, self._by_key, MAX_SUGGESTIONS, SUGGESTION_CUTOFF)
        return Resolution(
            suggestions=tuple(self.index["label"].iloc[self._by_key[name][0]] for name in close)
        )

    def _matches(self, key: str, kinds: tuple[str, ...] | None) -> pd.DataFrame:
        positions = self._by_key.get(key)
        if positions is None and kinds in (None, ("epci",)):
            positions = self._by_short_key.get(key)
        if positions is None:
            return self.index.iloc[:0]
        found = self.index.iloc[positions]
        return found[found["kind"].isin(kinds)] if kinds else found


def _prefer_higher_levels(found: pd.DataFrame) -> pd.DataFrame:
    """« Doubs » is the département, not the village of 300 people: one région or département
    among homonymous communes wins (a commune is reached with its département, « Doubs (25) »)."""
    higher = found[found["kind"].isin(["reg", "dep"])]
    if len(higher) == 1 and found["kind"].isin(["reg", "dep", "commune"]).all():
        return higher
    return found


def _outside(key: str) -> str | None:
    if key.startswith(ABROAD):
        return "etranger"
    if key in NATIONAL:
        return "national"
    return None


def _kind_prefix(key: str) -> tuple[tuple[str, ...] | None, str]:
    """« ti pays basque » -> (("ti",), "pays basque"); a name without prefix -> (None, key)."""
    for kind, prefixes in KIND_PREFIXES.items():
        for prefix in prefixes:
            for joiner in (" de la ", " de l ", " de ", " d ", " du ", " des ", " "):
                start = prefix + joiner
                if key.startswith(start) and len(key) > len(start):
                    return (kind,), key[len(start) :].strip()
    return None, key


def _split_hint(text: str) -> tuple[str, str | None]:
    """« Dieppe (76) » or « Dieppe, Seine-Maritime » -> ("Dieppe", "76" / "Seine-Maritime")."""
    bracket = re.fullmatch(r"\s*(.+?)\s*\(([^()]*)\)\s*", text)
    if bracket:
        return bracket.group(1), bracket.group(2)
    name, comma, rest = text.rpartition(",")
    if comma and name.strip():
        return name.strip(), rest.strip()
    return text, None
