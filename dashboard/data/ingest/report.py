"""What a load did to a file: rows kept, rows rejected and why, in French.

The report is the contract with the people who send the files: every row that
is not kept is listed with the line number they see in their spreadsheet
(header = line 1), the column as they named it, the value and the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from dashboard.text.formatting import plural

TEXT_LIMIT = 50
OMITTED_LINES = ("autre ligne rejetée", "autres lignes rejetées")
OMITTED_LINES = ("autre ligne rejetée", "autres lignes rejetées")
STORED_ITEMS = 1_000  # rejections (and warnings) a stored report keeps, first ones first
SEPARATOR_NAMES = {";": "« ; »", ",": "« , »", "\t": "tabulation", "|": "« | »"}
KIND_LABELS = {
    "laureats": "lauréats",
    "territoires_industrie": "Territoires d'industrie",
    "clusters": "clusters",
    "collaborations": "collaborations",
    "indicateurs": "indicateurs",
}


@dataclass(frozen=True)
class Rejection:
    """One problem in one cell (``line`` None: the whole file; ``column`` None: the whole row)."""

    file: str
    line: int | None
    column: str | None
    value: str
    reason: str

    def location(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"ligne {self.line}")
        if self.column:
            parts.append(f"colonne « {self.column} »")
        return ", ".join(parts) or "fichier"


@dataclass
class LoadReport:
    """The outcome of loading one file."""

    file: str
    kind: str | None
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None
    rows_read: int = 0
    rows_kept: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fatal: Rejection | None = None
    columns: dict[str, str] = field(default_factory=dict)  # canonical -> header in the file
    # Rejected lines and warnings beyond those kept in a stored report (``to_json``).
    rejected_lines_omitted: int = 0
    warnings_omitted: int = 0

    @property
    def ok(self) -> bool:
        """False when the file was refused as a whole."""
        return self.fatal is None

    def to_json(self, limit: int = STORED_ITEMS) -> dict:
        """The report as stored (drafts, versions, cache): the first ``limit`` rejections
        and warnings, and how many lines and warnings were left out (counts stay exact)."""
        data = asdict(self)
        if len(self.rejections) > limit:
            kept_lines = {item.line for item in self.rejections[:limit]}
            data["rejections"] = data["rejections"][:limit]
            data["rejected_lines_omitted"] = self.rows_rejected - len(kept_lines)
        if len(self.warnings) > limit:
            data["warnings"] = data["warnings"][:limit]
            data["warnings_omitted"] = self.warnings_omitted + len(self.warnings) - limit
        return data

    @classmethod
    def from_json(cls, data: dict) -> LoadReport:
        """A report read back from JSON (disk cache, publication drafts): data, never code."""

        def rejection(item: dict | None) -> Rejection | None:
            return None if item is None else Rejection(**item)

        return cls(
            file=str(data["file"]),
            kind=data["kind"],
            encoding=data["encoding"],
            separator=data["separator"],
            sheet=data["sheet"],
            rows_read=int(data["rows_read"]),
            rows_kept=int(data["rows_kept"]),
            rejections=[rejection(item) for item in data["rejections"]],
            warnings=[rejection(item) for item in data["warnings"]],
            notes=[str(note) for note in data["notes"]],
            fatal=rejection(data["fatal"]),
            columns={str(k): str(v) for k, v in data["columns"].items()},
            rejected_lines_omitted=int(data.get("rejected_lines_omitted", 0)),
            warnings_omitted=int(data.get("warnings_omitted", 0)),
        )

    @property
    def rows_rejected(self) -> int:
        """Distinct rejected lines; every row read when the whole file was refused."""
        if self.fatal is not None:
            return self.rows_read
        lines = {rejection.line for rejection in self.rejections}
        return len(lines) + self.rejected_lines_omitted

    def reading_line(self) -> str:
        """ "Lecture : encodage UTF-8, séparateur « ; »": how the file was read ("" if unread)."""
        reading = []
        if self.sheet:
            reading.append(f"feuille « {self.sheet} »")
        if self.encoding:
            reading.append(f"encodage {self.encoding}")
        if self.separator:
            reading.append(f"séparateur {SEPARATOR_NAMES.get(self.separator, self.separator)}")
        return "Lecture : " + ", ".join(reading) if reading else ""

    def to_text(self, limit: int = TEXT_LIMIT) -> str:
        """Plain French text, as printed by ``python -m dashboard import``."""
        kind = KIND_LABELS.get(self.kind or "", "type inconnu")
        lines = [f"Fichier : {self.file} ({kind})"]
        if self.reading_line():
            lines.append(self.reading_line())
        if self.fatal is not None:
            lines.append(f"FICHIER REFUSÉ : {self.fatal.reason}")
        lines.append(
            f"Lignes lues : {_count(self.rows_read)} ; conservées : {_count(self.rows_kept)} ; "
            f"rejetées : {_count(self.rows_rejected)}"
        )
        if self.columns:
            mapped = ", ".join(
                name if name == header else f"{name} ← « {header} »"
                for name, header in self.columns.items()
            )
            lines.append(f"Colonnes reconnues : {mapped}")
        lines += [f"Remarque : {note}" for note in self.notes]
        lines += _section("Lignes rejetées", self.rejections, limit)
        if self.rejected_lines_omitted:
            omitted = self.rejected_lines_omitted
            word = OMITTED_LINES[omitted > 1]
            lines.append(f"  (et {_count(omitted)} {word}, non détaillées dans ce rapport)")
        lines += _section("Avertissements", self.warnings, limit)
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, object]]:
        """One dict per problem for the report table of the UI (keys of labels.REPORT_COLUMNS)."""
        problems = [("fichier refusé", self.fatal)] if self.fatal else []
        problems += [("rejet", rejection) for rejection in self.rejections]
        problems += [("avertissement", warning) for warning in self.warnings]
        return [
            {
                "severity": severity,
                "file": item.file,
                "line": item.line,
                "column": item.column,
                "value": item.value,
                "reason": item.reason,
            }
            for severity, item in problems
        ]


def _count(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _section(title: str, items: list[Rejection], limit: int) -> list[str]:
    if not items:
        return []
    lines = [f"{title} ({_count(len(items))}) :"]
    if len(items) > limit:
        # A long list hides its pattern: say first which kinds of problem dominate.
        kinds = Counter(item.reason.split(" : ")[0] for item in items).most_common()
        lines.append("  par motif : " + " ; ".join(f"{kind} ({_count(n)})" for kind, n in kinds))
    lines += [f"  {item.location()} : {item.reason}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"  … et {plural(len(items) - limit, 'autre')}")
    return lines
