"""A file on its way to publication: checked, shown to its editor, then published or dropped.

The draft lives in the database, not in a process, so the review and the
« Publier » click may reach different processes behind a load balancer. Only
the editor who brought it can publish or abandon it; publishing and deleting
the draft happen in one transaction.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import delete, func, insert, select

from dashboard.accounts.users import Account
from dashboard.data.database import as_utc, drafts, now, record, writing
from dashboard.data.ingest import LoadReport, load_file
from dashboard.data.ingest.links import (
    TERRITORY_COLUMNS,
    resolve_clusters,
    resolve_territories,
    territory_names,
)
from dashboard.data.ingest.scope import SCOPED_KINDS, FilePlan, apply_scope
from dashboard.data.store import enrich_laureats
from dashboard.data.versions import (
    DataVersions,
    Published,
    Upload,
    publish_in,
    shortened,
    unique_name,
)

DRAFT_HOURS = 24
MAX_DRAFTS_PER_ACCOUNT = 5  # drafts awaiting « Publier » or « Abandonner », per account
MAX_DRAFT_MB_PER_ACCOUNT = 60  # their files together
IMPACT_COLUMNS = ("montant_aide", "investissement", "emplois_prevus")


@dataclass(frozen=True)
class Draft:
    id: str
    account: str
    kind: str
    file_name: str
    content: bytes
    regions: tuple[str, ...]
    reviewed_on: int | None
    report: LoadReport
    impact: dict

    @property
    def publishable(self) -> bool:
        return self.report.ok and self.report.rows_kept > 0


class DraftRefused(Exception):
    """The draft is unknown, expired or someone else's; the message is French."""


def check_upload(kind: str, file_name: str, content: bytes, account: Account, store) -> Draft:
    """Validate ``content`` exactly as a published file will be read, and what it would change.

    Raises DraftRefused when the account may not publish this nature: an editor
    limited to régions publishes lauréats only (a TI list or clusters are national).
    """
    if account.regions and kind not in SCOPED_KINDS:
        raise DraftRefused(
            "un éditeur limité à des régions ne publie que des lauréats : rien n'a été modifié"
        )
    file_name = shortened(file_name)
    with tempfile.TemporaryDirectory(prefix="ti-publication-") as scratch:
        path = Path(scratch) / unique_name(file_name, set(), kind)
        path.write_bytes(content)
        result = load_file(kind, path, store.geography)
    link_to_store(result, store)
    apply_scope(result, FilePlan(kind, only_regions=account.regions), store.geography)
    impact = _impact(kind, result.frame, account.regions, store)
    return Draft(
        secrets.token_urlsafe(24),
        account.name,
        kind,
        path.name,
        content,
        account.regions,
        store.version.number if store.version is not None else None,
        result.report,
        impact,
    )


def link_to_store(result, store) -> None:
    """Names in an uploaded clusters or collaborations file, resolved as at publication."""
    if result.kind in TERRITORY_COLUMNS:
        resolve_territories(
            result,
            territory_names(store.geography, store.folder.frames.get("territoires_industrie")),
        )
    resolve_clusters(result, store.folder.frames.get("clusters"))


def _impact(kind: str, frame: pd.DataFrame, regions: tuple[str, ...], store) -> dict:
    """Totals now and after publication: national, and per région for lauréats."""
    if kind != "laureats":
        current = store.folder.frames.get(kind, pd.DataFrame())
        return {"rows": {"avant": len(current), "apres": len(frame)}}
    before = store.laureats
    new = enrich_laureats(frame, store.geography, store.tis) if not frame.empty else before[:0]
    after = new
    if regions:
        after = pd.concat([before[~before["reg"].isin(regions)], new], ignore_index=True)
    names = store.geography.names("reg")

    def totals(laureats: pd.DataFrame) -> pd.DataFrame:
        grouped = laureats.groupby("reg", dropna=False)
        table = grouped[list(IMPACT_COLUMNS)].sum(min_count=0)
        table.insert(0, "laureats", grouped.size())
        return table

    table = totals(before).merge(
        totals(after), left_index=True, right_index=True, how="outer", suffixes=("_avant", "_apres")
    )
    table = table.fillna(0)
    measures = ("laureats", *IMPACT_COLUMNS)
    old = table[[f"{name}_avant" for name in measures]].to_numpy()
    new_values = table[[f"{name}_apres" for name in measures]].to_numpy()
    changed = table[(old != new_values).any(axis=1)]
    rows = [
        {"region": names.get(code, "région inconnue") if pd.notna(code) else "hors région"}
        | {key: float(value) for key, value in values.items()}
        for code, values in changed.sort_index().iterrows()
    ]
    national = {
        f"{name}_{when}": float(table[f"{name}_{when}"].sum())
        for name in measures
        for when in ("avant", "apres")
    }
    return {"national": national, "regions": rows}


class Drafts:
    def __init__(self, versions: DataVersions) -> None:
        self.engine = versions.engine
        self.versions = versions

    def save(self, draft: Draft) -> None:
        """Store ``draft``; DraftRefused when its account already has too many or too much."""
        with writing(self.engine) as connection:
            connection.execute(delete(drafts).where(drafts.c.created_at < _oldest()))
            waiting = connection.execute(
                select(
                    func.count(), func.coalesce(func.sum(func.length(drafts.c.content)), 0)
                ).where(drafts.c.account == draft.account)
            ).one()
            if waiting[0] >= MAX_DRAFTS_PER_ACCOUNT:
                raise DraftRefused(
                    f"vous avez déjà {waiting[0]} brouillons en attente : publiez-en ou "
                    "abandonnez-en un avant d'en déposer un autre"
                )
            if waiting[1] + len(draft.content) > MAX_DRAFT_MB_PER_ACCOUNT * 1024 * 1024:
                raise DraftRefused(
                    f"vos brouillons en attente dépasseraient {MAX_DRAFT_MB_PER_ACCOUNT} Mo : "
                    "publiez-en ou abandonnez-en avant d'en déposer un autre"
                )
            connection.execute(
                insert(drafts).values(
                    id=draft.id,
                    account=draft.account,
                    kind=draft.kind,
                    file_name=draft.file_name,
                    content=draft.content,
                    regions=",".join(draft.regions),
                    reviewed_on=draft.reviewed_on,
                    report=json.dumps(draft.report.to_json(), ensure_ascii=False),
                    impact=json.dumps(draft.impact, ensure_ascii=False),
                    created_at=now(),
                )
            )

    def get(self, draft_id: str, account: Account) -> Draft:
        with self.engine.connect() as connection:
            row = connection.execute(select(drafts).where(drafts.c.id == draft_id)).first()
        _check_owner(row, account)
        return _draft(row)

    def abandon(self, draft_id: str, account: Account) -> Draft:
        draft = self.get(draft_id, account)
        with writing(self.engine) as connection:
            connection.execute(delete(drafts).where(drafts.c.id == draft_id))
            record(connection, account.name, "abandon", {"fichier": draft.file_name})
        return draft

    def publish(self, draft_id: str, account: Account) -> Published:
        """The draft becomes the next version and disappears, in one transaction."""
        with writing(self.engine) as connection:
            row = connection.execute(select(drafts).where(drafts.c.id == draft_id)).first()
            _check_owner(row, account)
            draft = _draft(row)
            if not draft.publishable:
                raise DraftRefused("aucune ligne de ce fichier ne peut être publiée")
            upload = Upload(
                draft.kind,
                draft.file_name,
                draft.content,
                draft.report.rows_read,
                draft.report.rows_kept,
                draft.report.rows_rejected,
                draft.report.to_text(),
                draft.regions,
            )
            published = publish_in(connection, upload, account.name, draft.reviewed_on)
            connection.execute(delete(drafts).where(drafts.c.id == draft_id))
        return published


def _check_owner(row, account: Account) -> None:
    if row is None or as_utc(row.created_at) < _oldest():
        raise DraftRefused("ce fichier à publier n'existe plus (publié, abandonné ou expiré)")
    if row.account != account.name:
        raise DraftRefused("ce fichier a été déposé par un autre compte : rien n'a été publié")


def _oldest():
    return now() - timedelta(hours=DRAFT_HOURS)


def _draft(row) -> Draft:
    return Draft(
        row.id,
        row.account,
        row.kind,
        row.file_name,
        row.content,
        tuple(code for code in row.regions.split(",") if code),
        row.reviewed_on,
        LoadReport.from_json(json.loads(row.report)),
        json.loads(row.impact),
    )
