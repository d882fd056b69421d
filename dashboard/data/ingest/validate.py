"""Raw text cells -> clean typed frame and report, against a written schema.

Checks are vectorised per column; a bad value rejects its row (or, for a
descriptive column, is emptied with a warning) and is listed with the line
number the user sees. Valid rows are always kept, and nothing is dropped
without a line in the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.data.ingest.communes import resolve_communes
from dashboard.data.ingest.readers import RawTable
from dashboard.data.ingest.report import LoadReport, Rejection
from dashboard.data.ingest.values import (
    INSEE,
    Cleaned,
    clean_column,
    format_point,
    normalise_insee,
    parse_numbers,
    quoted,
)
from dashboard.data.schemas import PANDAS_DTYPES, Schema, normalise_header, normalise_value
from dashboard.territory.geography import REGION_GROUPS

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography

HEADER_SEARCH_ROWS = 20
GEOGRAPHY_UNCHECKED = (
    "référentiel géographique non chargé : codes INSEE et coordonnées non vérifiés"
)
# Header words that scale a euro column: "Aide (M€)", "Investissement en k€".
EURO_SCALES = {"m": 1e6, "meur": 1e6, "millions": 1e6, "k": 1e3, "keur": 1e3, "milliers": 1e3}
# Codes accepted per level in the long indicator layout.
LEVEL_CODES = {
    "commune": INSEE,
    "epci": r"\d{9}",
    "departement": r"\d{2}|2[AB]|97\d",
    # "outre-mer" is the report's group of the five overseas régions (one annex panel).
    "region": r"\d{2}|outre-mer",
    "ti": r".+",
    "france": r"FR",
}
LEVEL_COLUMNS = {"epci": "epci", "departement": "dep", "region": "reg"}
LEVEL_NAMES = {
    "commune": "code INSEE",
    "epci": "code EPCI",
    "departement": "code de département",
    "region": "code de région",
    "ti": "identifiant de TI",
    "france": "code France (FR)",
}


@dataclass
class HeaderMatch:
    """Where the header is and which file column feeds which canonical column."""

    table: RawTable
    header_line: int
    mapping: dict[int, str] = field(default_factory=dict)  # position -> canonical
    headers: dict[int, str] = field(default_factory=dict)  # position -> header as written
    duplicates: list[int] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)
    width: int = 0

    @property
    def canonical(self) -> set[str]:
        return set(self.mapping.values())

    def position(self, name: str) -> int | None:
        return next((pos for pos, canon in self.mapping.items() if canon == name), None)

    def missing_required(self, schema: Schema) -> list[str]:
        missing = [c.name for c in schema.columns if c.required and c.name not in self.canonical]
        if schema.location and not any(set(group) <= self.canonical for group in schema.location):
            missing.append(schema.location[0][0])
        return missing

    def is_wide_indicators(self, schema: Schema) -> bool:
        """Commune-level indicators as columns (code_commune, annee, <numbers>...)."""
        return (
            schema.kind == "indicateurs"
            and "code_territoire" in self.canonical
            and "indicateur" not in self.canonical  # a long file without "valeur" is refused
            and "valeur" not in self.canonical
        )

    def loadable(self, schema: Schema) -> bool:
        return not self.missing_required(schema) or (
            self.is_wide_indicators(schema) and len(self.unknown) > 0
        )


def match_header(tables: list[RawTable], schema: Schema) -> HeaderMatch:
    """The (sheet, row) among the first rows whose cells name the most schema columns.

    Exports often carry a title line or two above the header; a workbook may
    hold notes in its first sheet and the table in another.
    """
    aliases = schema.alias_map()
    best: HeaderMatch | None = None
    for table in tables:
        for line in table.cells.index[:HEADER_SEARCH_ROWS]:
            match = _match_row(table, line, aliases)
            if best is None or len(match.canonical) > len(best.canonical):
                best = match
    if best is None or not best.mapping:
        table = tables[0]
        filled = table.cells.index[(table.cells != "").any(axis=1)]
        first = int(filled[0]) if len(filled) else 1
        return _match_row(table, first, aliases) if len(table.cells) else HeaderMatch(table, 1)
    return best


def _match_row(table: RawTable, line: int, aliases: dict[str, str]) -> HeaderMatch:
    cells = table.cells.loc[line]
    filled = np.flatnonzero(cells.to_numpy() != "")
    match = HeaderMatch(table, int(line), width=int(filled[-1]) + 1 if len(filled) else 0)
    for position in filled:
        header = cells.iloc[position].strip()
        match.headers[int(position)] = header
        canonical = aliases.get(normalise_header(header))
        if canonical is None:
            match.unknown.append(int(position))
        elif canonical in match.canonical:
            match.duplicates.append(int(position))
        else:
            match.mapping[int(position)] = canonical
    return match


class Issues:
    """Rejections and warnings gathered as small frames, turned into Rejection objects once."""

    def __init__(self, file: str, index: pd.Index) -> None:
        self.file = file
        self.index = index
        self.parts: dict[str, list[pd.DataFrame]] = {"reject": [], "warn": []}

    def add(
        self,
        severity: str,
        mask: pd.Series | np.ndarray,
        column: str | None,
        value: pd.Series | str,
        reason: pd.Series | str,
    ) -> None:
        mask = pd.Series(np.asarray(mask, dtype=bool), index=self.index)
        if not mask.any():
            return
        frame = pd.DataFrame(
            {"line": self.index[mask.to_numpy()], "column": column, "value": "", "reason": ""}
        )
        for name, content in (("value", value), ("reason", reason)):
            frame[name] = content[mask].to_numpy() if isinstance(content, pd.Series) else content
        self.parts[severity].append(frame)

    def reject(self, mask, column, value, reason) -> None:
        self.add("reject", mask, column, value, reason)

    def warn(self, mask, column, value, reason) -> None:
        self.add("warn", mask, column, value, reason)

    def rejected(self) -> pd.Series:
        """Which rows carry at least one rejection."""
        lines = [frame["line"] for frame in self.parts["reject"]]
        hit = pd.concat(lines).unique() if lines else []
        return pd.Series(self.index.isin(hit), index=self.index)

    def records(self, severity: str) -> list[Rejection]:
        if not self.parts[severity]:
            return []
        frame = pd.concat(self.parts[severity], ignore_index=True)
        frame = frame.sort_values("line", kind="stable")
        return [
            Rejection(self.file, int(line), column, str(value), str(reason))
            for line, column, value, reason in frame[
                ["line", "column", "value", "reason"]
            ].itertuples(index=False, name=None)
        ]


def validate(
    tables: list[RawTable], schema: Schema, geography: Geography | None, file_name: str
) -> tuple[pd.DataFrame, LoadReport]:
    """Check every row of the best-matching table against ``schema``."""
    first = tables[0]
    report = LoadReport(file_name, schema.kind, encoding=first.encoding, separator=first.separator)
    match = match_header(tables, schema)
    if match.table.sheet is not None:
        report.sheet = match.table.sheet
    report.notes += match.table.notes
    data = _data_rows(match)
    report.rows_read = len(data)
    report.columns = {canon: match.headers[pos] for pos, canon in match.mapping.items()}
    for position in match.duplicates:
        canonical = schema.alias_map()[normalise_header(match.headers[position])]
        report.notes.append(
            f"colonne « {match.headers[position]} » ignorée : {canonical} est déjà lu dans "
            f"« {report.columns[canonical]} »"
        )
    if match.is_wide_indicators(schema):
        return _validate_wide(data, match, schema, geography, report)
    if match.unknown:
        ignored = ", ".join(f"« {match.headers[pos]} »" for pos in match.unknown)
        report.notes.append(f"colonnes non reconnues, ignorées : {ignored}")
    missing = match.missing_required(schema)
    if missing:
        report.fatal = Rejection(
            file_name, match.header_line, missing[0], "", _missing_reason(schema, missing)
        )
        return schema.empty_frame(), report
    if geography is None:
        report.notes.append(GEOGRAPHY_UNCHECKED)

    issues = Issues(file_name, data.index)
    _check_overflow(data, match, issues)
    values = _clean_columns(data, match, schema, issues, report)
    headers = {canon: match.headers[pos] for pos, canon in match.mapping.items()}
    if schema.kind == "clusters":
        _derive_cluster_ids(values, headers, data.index, issues)
    _check_unique(values, headers, schema, issues)
    if "longitude" in schema.names:
        _check_location(values, headers, schema, geography, issues)
    for name in ("code_commune", "insee_com"):
        if name in values and geography is not None:
            values[name] = resolve_communes(values[name], headers[name], geography, issues)
    if schema.kind == "territoires_industrie":
        _check_territoires(values, headers, geography, issues)
    if schema.kind == "indicateurs":
        _check_indicator_rows(values, data, match, headers, geography, issues)

    rejected = issues.rejected()
    # Indexed by the line each row came from (the folder loader names it for duplicates).
    frame = _assemble(values, schema, data.index)[~rejected.to_numpy()]
    report.rejections = issues.records("reject")
    report.warnings = issues.records("warn")
    report.rows_kept = len(frame)
    return frame, report


def _data_rows(match: HeaderMatch) -> pd.DataFrame:
    """Rows below the header, fully empty rows left out (they are not data)."""
    cells = match.table.cells
    data = cells.loc[cells.index > match.header_line]
    return data[(data != "").any(axis=1)]


def _missing_reason(schema: Schema, missing: list[str]) -> str:
    parts = []
    for name in missing:
        label = name
        if schema.location and name == schema.location[0][0]:
            label = f"{name} (ou longitude et latitude)"
        accepted = ", ".join(schema.accepted_names(name)[1:])
        parts.append(f"{label} (alias acceptés : {accepted})")
    word = "colonne obligatoire absente" if len(parts) == 1 else "colonnes obligatoires absentes"
    return f"{word} : " + " ; ".join(parts)


def _check_overflow(data: pd.DataFrame, match: HeaderMatch, issues: Issues) -> None:
    """Cells right of the last header: in a CSV, a separator inside an unquoted value."""
    extra = data.loc[:, data.columns >= match.width]
    if extra.empty or match.table.separator is None:
        return
    filled = (extra != "").any(axis=1)
    first_extra = extra.where(extra != "").bfill(axis=1).iloc[:, 0].fillna("").astype("str")
    issues.reject(
        filled,
        None,
        first_extra,
        "plus de valeurs que de colonnes d'en-tête "
        "(séparateur dans une valeur sans guillemets ?) : " + quoted(first_extra.astype("str")),
    )


def _euro_multiplier(header: str) -> float:
    words = normalise_header(header.replace("€", " eur ").replace("(", " ").replace(")", " "))
    tokens = words.split("_")
    for token in tokens:
        if token in ("meur", "keur", "millions", "milliers"):
            return EURO_SCALES[token]
    for scale, following in zip(tokens, [*tokens[1:], ""], strict=True):
        if scale in ("m", "k") and following == "eur":
            return EURO_SCALES[scale]
    return 1.0


def _clean_columns(
    data: pd.DataFrame, match: HeaderMatch, schema: Schema, issues: Issues, report: LoadReport
) -> dict[str, pd.Series]:
    values: dict[str, pd.Series] = {}
    for position, canonical in match.mapping.items():
        column = schema.column(canonical)
        header = match.headers[position]
        raw = data[position].astype("str")
        multiplier = _euro_multiplier(header) if column.unit == "EUR" else 1.0
        if multiplier != 1.0:
            report.notes.append(
                f"{canonical} : en-tête « {header} », valeurs multipliées par "
                f"{multiplier:,.0f}".replace(",", "\u202f")
                + " pour les exprimer en euros"
            )
        cleaned: Cleaned = clean_column(raw, column, multiplier)
        if column.on_invalid == "reject":
            issues.reject(cleaned.invalid, header, raw, cleaned.reasons)
        else:
            issues.warn(cleaned.invalid, header, raw, cleaned.reasons + " (valeur ignorée)")
        if cleaned.warned is not None:
            issues.warn(cleaned.warned, header, raw, cleaned.warnings)
        if column.display_limit is not None:
            _warn_long_texts(cleaned.values, column.display_limit, header, issues)
        if not column.nullable:
            empty = cleaned.values.isna() & ~cleaned.invalid
            issues.reject(empty, header, raw, "valeur obligatoire manquante")
        values[canonical] = cleaned.values
    return values


def _derive_cluster_ids(
    values: dict[str, pd.Series], headers: dict[str, str], index: pd.Index, issues: Issues
) -> None:
    """A cluster without identifier gets one from its name and place, the same at every load.

    Real lists of clusters often have no identifier column; refusing them would
    lose every cluster. Two rows with the same name and place get the same
    identifier, so the second is reported as a repeat.
    """
    ids = values.get("id_cluster", pd.Series(pd.NA, index=index, dtype="str"))
    missing = ids.isna() & values["nom"].notna()
    if not missing.any():
        return
    place = values.get("code_commune", pd.Series("", index=index)).fillna("")
    for axis in ("longitude", "latitude"):
        if axis in values:
            place = place + "|" + values[axis].round(4).astype("str").fillna("")
    keys = values["nom"].fillna("").map(normalise_value) + "|" + place
    derived = keys.map(lambda key: "cl-" + hashlib.sha1(key.encode()).hexdigest()[:10])
    values["id_cluster"] = ids.where(~missing, derived).astype("str")
    headers.setdefault("id_cluster", "id_cluster")
    issues.warn(
        missing,
        headers["id_cluster"],
        "",
        "identifiant absent : " + derived + " attribué d'après le nom et la localisation",
    )


def _warn_long_texts(values: pd.Series, limit: int, header: str, issues: Issues) -> None:
    lengths = values.str.len()
    long = (lengths > limit).fillna(False).astype(bool)
    if not long.any():
        return
    issues.warn(
        long,
        header,
        values.fillna("").str.slice(0, 60) + "…",
        "texte de "
        + lengths.fillna(0).astype(int).map(_thousands)
        + " caractères : conservé entier dans les exports, raccourci à "
        + _thousands(limit)
        + " à l'écran",
    )


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _first_lines(keys: pd.DataFrame | pd.Series, lines: pd.Index) -> pd.Series:
    """For each row, the line of the first row with the same key."""
    frame = pd.DataFrame(keys).assign(_line=np.asarray(lines))
    return frame.groupby(list(frame.columns[:-1]), dropna=False)["_line"].transform("first")


def _check_unique(
    values: dict[str, pd.Series], headers: dict[str, str], schema: Schema, issues: Issues
) -> None:
    for column in schema.columns:
        if not column.unique or column.name not in values:
            continue
        ids = values[column.name]
        repeated = ids.notna() & ids.duplicated(keep="first")
        first = _first_lines(ids, issues.index).astype("str")
        reason = "identifiant en double (déjà vu ligne " + first + ")"
        issues.reject(repeated, headers[column.name], ids.fillna(""), reason)


def _check_location(
    values: dict[str, pd.Series],
    headers: dict[str, str],
    schema: Schema,
    geography: Geography | None,
    issues: Issues,
) -> None:
    """A place for each row: commune code and/or both coordinates, inside France."""
    index = issues.index
    nothing = pd.Series(np.nan, index=index)
    code = values.get("code_commune", nothing)
    lon, lat = values.get("longitude", nothing), values.get("latitude", nothing)
    half = lon.notna() ^ lat.notna()
    lone = pd.Series("longitude sans latitude", index=index).where(lon.notna(), "latitude seule")
    column = headers.get("longitude") if lon.notna().any() else headers.get("latitude")
    issues.reject(half, column, lon.astype("str").fillna(""), "coordonnées incomplètes : " + lone)
    unplaced = code.isna() & lon.isna() & lat.isna() & ~issues.rejected()
    if schema.kind == "clusters":
        unplaced &= values.get("territoire", nothing).isna()
        issues.warn(
            unplaced, None, "", "cluster sans localisation : il n'apparaîtra pas sur la carte"
        )
    else:
        issues.reject(
            unplaced,
            None,
            "",
            "localisation manquante : code commune ou longitude et latitude requis",
        )
    both = lon.notna() & lat.notna()
    point = format_point(lon[both], lat[both]).reindex(index).fillna("")
    out_of_range = both & ((lon.abs() > 180) | (lat.abs() > 90))
    issues.reject(
        out_of_range,
        headers.get("longitude"),
        point,
        "coordonnées invalides : " + point + " (degrés WGS 84 attendus)",
    )
    if geography is None:
        return
    check = both & ~out_of_range
    if not check.any():
        return
    found = pd.Series(
        geography.locate(lon[check].to_numpy(), lat[check].to_numpy()), index=index[check]
    ).reindex(index)
    outside = check & found.isna()
    reason = "coordonnées hors de France : " + point
    if outside.any():
        swapped = pd.Series(
            geography.locate(lat[outside].to_numpy(), lon[outside].to_numpy()),
            index=index[outside],
        ).reindex(index)
        reason = reason.where(swapped.isna(), reason + " (longitude et latitude inversées ?)")
    issues.reject(outside, headers.get("longitude"), point, reason)


def _check_territoires(
    values: dict[str, pd.Series],
    headers: dict[str, str],
    geography: Geography | None,
    issues: Issues,
) -> None:
    """One row per (commune, TI); a commune in two TIs and a TI with two names are warnings."""
    commune, ti, name = values["insee_com"], values["id_ti"], values["lib_ti"]
    index = issues.index
    pair = pd.DataFrame({"c": commune, "t": ti})
    repeated = commune.notna() & ti.notna() & pair.duplicated(keep="first")
    first = _first_lines(pair, index).astype("str")
    issues.reject(
        repeated,
        headers["insee_com"],
        commune.fillna(""),
        "commune en double dans ce territoire (déjà vue ligne " + first + ")",
    )
    kept = ~issues.rejected()
    tis_of = ti[kept].groupby(commune[kept]).agg(lambda ids: ", ".join(dict.fromkeys(ids)))
    n_tis = ti[kept].groupby(commune[kept]).nunique()
    several = commune.map(n_tis).fillna(0) > 1
    repeated_commune = kept & commune.notna() & commune.where(kept).duplicated(keep="first")
    issues.warn(
        several & repeated_commune,
        headers["insee_com"],
        commune.fillna(""),
        "commune présente dans plusieurs Territoires d'industrie : "
        + commune.map(tis_of).fillna(""),
    )
    first_name = name.groupby(ti).transform("first")
    renamed = kept & ti.notna() & name.notna() & (name != first_name)
    issues.warn(
        renamed,
        headers["lib_ti"],
        name.fillna(""),
        "nom différent pour "
        + ti.fillna("")
        + " : "
        + quoted(name.fillna(""))
        + " (ailleurs "
        + quoted(first_name.fillna(""))
        + ")",
    )


def normalise_territory_codes(codes: pd.Series, levels: pd.Series) -> pd.Series:
    """Codes per level: commune codes padded to 5, département and région codes to 2."""
    text = codes.fillna("").str.strip().str.upper()
    text = text.where(~text.str.lower().isin(REGION_GROUPS), text.str.lower())
    text = text.where(levels != "commune", normalise_insee(text))
    short = levels.isin(["departement", "region"]) & text.str.fullmatch(r"\d")
    return text.where(~short, text.str.zfill(2))


def _check_territory_codes(
    codes: pd.Series,
    levels: pd.Series,
    header: str,
    raw: pd.Series,
    geography: Geography | None,
    issues: Issues,
) -> None:
    """Code format by level, then membership in the reference geography."""
    for level, pattern in LEVEL_CODES.items():
        here = levels == level
        if not here.any():
            continue
        name = LEVEL_NAMES[level]
        bad = here & codes.notna() & ~codes.fillna("").str.fullmatch(pattern)
        issues.reject(bad, header, raw, f"{name} invalide : " + quoted(raw))
        if geography is None or level in ("ti", "france"):
            continue
        check = here & codes.notna() & ~bad
        if level == "commune":  # arrondissements attached in place (the caller keeps ``codes``)
            resolved = resolve_communes(codes.where(check), header, geography, issues)
            codes.update(resolved.where(check).dropna())
            continue
        reference = geography.communes[LEVEL_COLUMNS[level]].dropna().astype("str")
        known = codes.isin(set(reference) | set(REGION_GROUPS))
        issues.reject(check & ~known, header, raw, f"{name} inconnu : " + codes.fillna(""))


def _check_indicator_rows(
    values: dict[str, pd.Series],
    data: pd.DataFrame,
    match: HeaderMatch,
    headers: dict[str, str],
    geography: Geography | None,
    issues: Issues,
) -> None:
    levels = values["niveau"]
    raw = data[match.position("code_territoire")].astype("str")
    codes = normalise_territory_codes(values["code_territoire"], levels)
    codes = codes.where(codes != "")
    _check_territory_codes(codes, levels, headers["code_territoire"], raw, geography, issues)
    values["code_territoire"] = codes.astype("str")
    keys = pd.DataFrame(
        {
            name: values[name]
            for name in ("code_territoire", "niveau", "indicateur", "annee")
            if name in values
        }
    )
    repeated = keys.notna().all(axis=1) & keys.duplicated(keep="first")
    first = _first_lines(keys, issues.index).astype("str")
    issues.reject(
        repeated,
        headers.get("valeur"),
        values["valeur"].astype("str").fillna(""),
        "valeur en double pour ce territoire, cet indicateur et cette année (déjà vue ligne "
        + first
        + ")",
    )


def _assemble(values: dict[str, pd.Series], schema: Schema, index: pd.Index) -> pd.DataFrame:
    """Every canonical column, in schema order and dtype; absent ones empty or defaulted."""
    columns = {}
    for column in schema.columns:
        series = values.get(column.name)
        if series is None:
            series = pd.Series(column.default, index=index, dtype=object)
        if column.dtype == "bool":
            series = series.astype("boolean").fillna(bool(column.default)).astype("bool")
        columns[column.name] = series.astype(PANDAS_DTYPES[column.dtype])
    return pd.DataFrame(columns, index=index)


# Wide indicator columns that count people or places (URSSAF: effectif_salarie_*,
# etablissements_employeurs_*): a negative value is an error, not a decline.
COUNT_PREFIXES = ("effectif", "etablissement", "nombre", "nb_")


def _check_wide_repeats(
    codes: pd.Series, years: pd.Series | None, header: str, issues: Issues
) -> None:
    """A commune given twice for the same year would be summed twice: the later row is refused."""
    keys = pd.DataFrame({"code": codes, "annee": years if years is not None else ""})
    repeated = codes.notna() & keys.duplicated(keep="first") & ~issues.rejected()
    first = _first_lines(keys, issues.index).astype("str")
    issues.reject(
        repeated,
        header,
        codes.fillna(""),
        "commune en double pour cette année (déjà vue ligne " + first + ")",
    )


def _validate_wide(
    data: pd.DataFrame,
    match: HeaderMatch,
    schema: Schema,
    geography: Geography | None,
    report: LoadReport,
) -> tuple[pd.DataFrame, LoadReport]:
    """Commune-level columns of numbers melted to the long layout, one indicator per column.

    An empty cell is "no value" (for example no declaration), kept as NaN and
    never summed as zero; a non-numeric cell rejects its row.
    """
    if geography is None:
        report.notes.append(GEOGRAPHY_UNCHECKED)
    issues = Issues(report.file, data.index)
    _check_overflow(data, match, issues)
    values = _clean_columns(
        data,
        HeaderMatch(
            match.table,
            match.header_line,
            {p: c for p, c in match.mapping.items() if c != "niveau"},
            match.headers,
        ),
        schema,
        issues,
        report,
    )
    levels = pd.Series("commune", index=data.index, dtype="str")
    if "niveau" in match.canonical:
        raw_levels = data[match.position("niveau")].astype("str")
        levels = raw_levels.map(
            {
                v: schema.column("niveau").value_aliases.get(normalise_value(v))
                for v in pd.unique(raw_levels)
            }
        ).fillna("commune")
    code_position = match.position("code_territoire")
    raw_codes = data[code_position].astype("str")
    codes = normalise_territory_codes(values["code_territoire"], levels)
    codes = codes.where(codes != "")
    header = match.headers[code_position]
    _check_territory_codes(codes, levels, header, raw_codes, geography, issues)

    _check_wide_repeats(codes, values.get("annee"), header, issues)
    kept = ~issues.rejected()  # rows refused as a whole (code, overflow); a bad cell is not
    indicators: dict[str, pd.Series] = {}
    discarded: dict[str, pd.Series] = {}
    for position in match.unknown:
        raw = data[position].astype("str")
        numbers, invalid, reasons = parse_numbers(raw)
        filled = raw.str.strip() != ""
        if not filled.any() or invalid[filled].mean() > 0.5:
            report.notes.append(f"colonne « {match.headers[position]} » ignorée (pas numérique)")
            continue
        name = normalise_header(match.headers[position])
        if name.startswith(COUNT_PREFIXES):  # a head count cannot be negative
            negative = numbers < 0
            reasons = reasons.where(~negative, "effectif négatif : " + raw.str.strip())
            invalid = invalid | negative
        issues.warn(
            invalid & kept,
            match.headers[position],
            raw,
            "valeur écartée, " + reasons + " (les autres valeurs de la ligne sont conservées)",
        )
        indicators[name] = numbers
        discarded[name] = invalid
    if not indicators:
        report.fatal = Rejection(
            report.file,
            match.header_line,
            "valeur",
            "",
            "aucune colonne de valeurs : format long (code_territoire, niveau, indicateur, "
            "valeur) ou large (code_commune, annee, puis une colonne de nombres par "
            "indicateur) attendu",
        )
        report.rejections = issues.records("reject")
        return schema.empty_frame(), report
    report.notes.append(
        f"format large : {len(indicators)} indicateurs ({', '.join(indicators)}) "
        "passés en format long, une valeur par commune et par indicateur"
    )
    report.columns |= {name: name for name in indicators}

    base = {
        "code_territoire": codes,
        "niveau": levels,
        "unite": values.get("unite"),
        "source": values.get("source"),
        "annee": values.get("annee"),
    }
    frames = [
        _assemble(
            base | {"indicateur": pd.Series(name, index=data.index), "valeur": numbers},
            schema,
            data.index,
        )[(kept & ~discarded[name]).to_numpy()]
        for name, numbers in indicators.items()
    ]
    frame = pd.concat(frames, ignore_index=True) if frames else schema.empty_frame()
    report.rejections = issues.records("reject")
    report.warnings = issues.records("warn")
    report.rows_kept = int(kept.sum())
    return frame, report
