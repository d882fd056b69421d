"""Which régions a lauréats file speaks for, when it was published by a regional editor.

A regional team publishes the lauréats of its régions only: rows of its file
elsewhere are rejected with that reason, and the same régions' rows of the
earlier files are superseded (dropped, with a note) so nothing is counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.ingest.report import Rejection
from dashboard.text.formatting import plural

if TYPE_CHECKING:
    from dashboard.data.ingest.load import LoadResult
    from dashboard.territory.geography import Geography

SCOPED_KINDS = ("laureats",)
# How a published file changes its nature's rows: « ajouter » adds new identifiers and
# updates known ones, « retirer » removes the identifiers it lists, « remplacer » takes
# the place of every row of the publisher's perimeter. The safest is the default.
MODES = ("ajouter", "retirer", "remplacer")
DEFAULT_MODE = "ajouter"


@dataclass(frozen=True)
class FilePlan:
    """How one stored file of a version is read: its nature and the régions it covers."""

    kind: str
    only_regions: tuple[str, ...] = ()  # rows elsewhere are rejected
    except_regions: tuple[str, ...] = ()  # rows there were replaced by a later publication
    # Files stored before the modes existed replaced their perimeter: that stays their meaning.
    mode: str = "remplacer"
    # « Les données sont arrêtées au … » as the publisher gave it (ISO date), if any.
    data_date: str | None = None

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "only_regions": list(self.only_regions),
            "except_regions": list(self.except_regions),
            "mode": self.mode,
            "data_date": self.data_date,
        }

    @classmethod
    def from_json(cls, data: dict) -> FilePlan:
        mode = str(data.get("mode") or "remplacer")
        date = data.get("data_date")
        return cls(
            str(data["kind"]),
            tuple(str(code) for code in data.get("only_regions") or ()),
            tuple(str(code) for code in data.get("except_regions") or ()),
            mode if mode in MODES else "remplacer",
            str(date) if date else None,
        )


def row_regions(frame: pd.DataFrame, geography: Geography) -> pd.Series:
    """Région code of each row, from its commune or, failing that, its coordinates."""
    codes = frame["code_commune"].astype("object").copy()
    missing = codes.isna()
    if missing.any() and {"longitude", "latitude"} <= set(frame):
        codes[missing] = geography.locate(
            frame.loc[missing, "longitude"].to_numpy(), frame.loc[missing, "latitude"].to_numpy()
        )
    return geography.commune_rows(codes)["reg"].astype("object")


def apply_scope(result: LoadResult, plan: FilePlan, geography: Geography | None) -> None:
    """Keep the rows of ``result`` the plan's régions allow; the report says what was dropped."""
    if result.kind not in SCOPED_KINDS or geography is None or result.frame.empty:
        return
    if not plan.only_regions and not plan.except_regions:
        return
    regions = row_regions(result.frame, geography)
    lines = result.lines if len(result.lines) == len(regions) else [None] * len(regions)
    keep = pd.Series(True, index=result.frame.index)
    if plan.only_regions:
        outside = ~regions.isin(plan.only_regions)
        allowed = ", ".join(plan.only_regions)
        header = result.report.columns.get("code_commune", "code_commune")
        for position in outside[outside].index:
            code = result.frame.at[position, "code_commune"]
            result.report.rejections.append(
                Rejection(
                    result.path.name,
                    lines[position],
                    header,
                    "" if pd.isna(code) else str(code),
                    f"région {regions[position] if pd.notna(regions[position]) else 'inconnue'} "
                    f"hors des régions de l'éditeur ({allowed})",
                )
            )
        keep &= ~outside
    superseded = 0
    if plan.except_regions:
        replaced = regions.isin(plan.except_regions) & keep
        superseded = int(replaced.sum())
        if replaced.any():
            result.report.notes.append(
                f"{plural(superseded, 'ligne')} des régions "
                f"{', '.join(plan.except_regions)} remplacée(s) par une publication plus récente"
            )
        keep &= ~replaced
    result.frame = result.frame[keep.to_numpy()].reset_index(drop=True)
    result.lines = [line for line, kept in zip(lines, keep, strict=True) if kept]
    # Rows a later publication replaced were kept by this file (read = kept + rejected);
    # the note says where they went.
    result.report.rows_kept = len(result.frame) + superseded
    result.report.rejections.sort(key=lambda item: item.line or 0)
