"""The publication page (server-rendered form: a Dash page cannot hold a file input).

Pure functions from a session and a draft to the template's context; the
templates live in ``layouts/templates``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.accounts.users import Session
from dashboard.data.drafts import Draft
from dashboard.data.ingest.scope import SCOPED_KINDS
from dashboard.data.schemas import SCHEMAS
from dashboard.text import formatting, labels
from layouts.data_report import kind_label
from layouts.paths import PUBLISH_PATH

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
        }
    return context


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
