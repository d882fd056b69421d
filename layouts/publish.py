"""The publication page (server-rendered form: a Dash page cannot hold a file input).

Pure functions from a session and a draft to the template's context; the
templates live in ``layouts/templates``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.accounts.users import Session
from dashboard.data.drafts import Draft
from dashboard.data.ingest.scope import DEFAULT_MODE, SCOPED_KINDS
from dashboard.data.schemas import SCHEMAS
from dashboard.text import formatting, labels
from layouts.data_report import kind_label
from layouts.paths import PUBLISH_PATH, rollback_path, template_path

TEMPLATES = Path(__file__).resolve().parent / "templates"
PROBLEMS_SHOWN = 500
MEASURES = (
    ("laureats", formatting.number),
    ("montant_aide", formatting.millions_eur),
    ("investissement", formatting.millions_eur),
    ("emplois_prevus", formatting.number),
)


def publish_context(
    current: Session,
    draft: Draft | None,
    size_limit: str,
    region_names: pd.Series | None = None,
) -> dict:
    """What ``publish.html`` shows: the upload form, or the review of a draft."""
    account = current.account
    scope = ""
    if account.regions:
        names = [_region(code, region_names) for code in account.regions]
        scope = labels.PUBLISH_SCOPE.format(regions=", ".join(names))
    context = {
        "title": labels.PUBLISH_TITLE,
        "width": "72rem",
        "draft": draft,
        "publish_path": PUBLISH_PATH,
        "intro": labels.PUBLISH_INTRO.format(scope=scope),
        "kinds": [
            (kind, SCHEMAS[kind].label)
            for kind in SCHEMAS
            if not account.regions or kind in SCOPED_KINDS
        ],
        "file_label": labels.PUBLISH_FILE.format(limit=size_limit),
        "number": formatting.number,
        "modes": list(labels.PUBLISH_MODES.items()),
        "default_mode": DEFAULT_MODE,
        "templates": template_links(),
    }
    if draft is not None:
        problems = draft.report.to_records()
        context |= {
            "review_title": labels.PUBLISH_REVIEW.format(
                name=draft.file_name, kind=kind_label(draft.kind)
            ),
            "report": draft.report,
            "kind_label": kind_label(draft.kind),
            "impact_rows": impact_rows(draft.impact),
            "impact_text": impact_text(draft.impact),
            "problems": problems,
            "shown": PROBLEMS_SHOWN,
            "more": f"{formatting.number(len(problems) - PROBLEMS_SHOWN)} lignes de plus : "
            "le rapport complet est gardé avec la version publiée.",
            "columns": list(labels.REPORT_COLUMNS.values()),
            "changes_title": changes_title(draft),
            "change_rows": change_rows(draft.impact),
            "change_keys": list(labels.PUBLISH_CHANGES.values()),
            "examples": examples(draft.impact),
            "confirm_removals": labels.PUBLISH_CONFIRM_REMOVALS.format(
                n=formatting.plural(draft.removed, "ligne")
            ),
        }
    return context


def changes_title(draft: Draft) -> str:
    """« Lignes (ajout ou mise à jour) : 4 ajoutées, 1 mise à jour, 0 retirée »."""
    counts = draft.impact.get("changes")
    if not counts:
        return ""
    summary = ", ".join(
        f"{formatting.number(counts.get(key, 0))}\u00a0{word}"
        for key, word in labels.PUBLISH_CHANGES.items()
    )
    mode = f"({labels.PUBLISH_MODE_SHORT.get(draft.mode, draft.mode)})"
    return labels.PUBLISH_CHANGES_TITLE.format(mode=mode, summary=summary)


def change_rows(impact: dict) -> list[list[str]]:
    """Per région: added, updated, unchanged, removed (national first)."""
    counts = impact.get("changes")
    if not counts:
        return []
    rows = [["France entière", *(formatting.number(counts[key]) for key in labels.PUBLISH_CHANGES)]]
    for row in impact.get("par_region", []):
        rows.append(
            [row["region"], *(formatting.number(row.get(key, 0)) for key in labels.PUBLISH_CHANGES)]
        )
    return rows


def examples(impact: dict) -> list[tuple[str, list[str], str]]:
    """(title, first rows, « … et N de plus ») for each kind of change that has rows."""
    counts = impact.get("changes", {})
    listed = []
    for key, title in labels.PUBLISH_EXAMPLES.items():
        items = impact.get("exemples", {}).get(key, [])
        if not items:
            continue
        more = counts.get(key, 0) - len(items)
        tail = labels.PUBLISH_EXAMPLES_MORE.format(n=formatting.number(more)) if more > 0 else ""
        listed.append((f"{title} ({formatting.number(counts.get(key, 0))})", items, tail))
    return listed


def template_links() -> list[tuple[str, str]]:
    """(label, address) of each nature's template, CSV and XLSX."""
    return [
        (f"{SCHEMAS[kind].label} ({extension.upper()})", template_path(kind, extension))
        for kind in SCHEMAS
        for extension in ("csv", "xlsx")
    ]


def impact_rows(impact: dict) -> list[list[str]]:
    """« 87 → 1 » per measure: France first, then each région whose totals change."""
    if "national" not in impact:
        return []
    rows = [["France entière", *_changes(impact["national"])]]
    rows += [[row["region"], *_changes(row)] for row in impact["regions"]]
    return rows


def impact_text(impact: dict) -> str:
    rows = impact.get("rows", {})
    return labels.PUBLISH_ROWS.format(
        before=formatting.number(rows.get("avant")), after=formatting.number(rows.get("apres"))
    )


def _changes(values: dict) -> list[str]:
    return [
        f"{shown(values.get(f'{name}_avant', 0))} → {shown(values.get(f'{name}_apres', 0))}"
        for name, shown in MEASURES
    ]


def _region(code: str, names: pd.Series | None) -> str:
    if names is None or code not in names.index:
        return code
    return f"{names[code]} ({code})"


def rollback_context(version, current_number: int | None, changes: dict[str, dict]) -> dict:
    """The roll-back confirmation: per nature, rows now and after, and what changes."""
    rows = []
    for kind, change in changes.items():
        counts = change.get("changes", {})
        rows.append(
            [
                kind_label(kind),
                f"{formatting.number(change['rows']['avant'])} → "
                f"{formatting.number(change['rows']['apres'])}",
                *(
                    formatting.number(counts[key]) if key in counts else "–"
                    for key in ("ajoutees", "mises_a_jour", "retirees")
                ),
            ]
        )
    return {
        "title": labels.ROLLBACK_TITLE.format(number=version.number),
        "width": "60rem",
        "intro": labels.ROLLBACK_INTRO.format(
            number=version.number,
            date=f"{version.created_at.astimezone():%d/%m/%Y %H:%M}",
            current=current_number,
        ),
        "rows": rows,
        "number": version.number,
        "action": rollback_path(version.number),
    }
