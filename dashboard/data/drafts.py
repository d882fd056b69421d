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
from dashboard.data.changes import changed_rows, changes
from dashboard.data.database import as_utc, drafts, now, record, writing
from dashboard.data.ingest import LoadReport, load_file
from dashboard.data.ingest.links import (
    TERRITORY_COLUMNS,
    resolve_clusters,
    resolve_territories,
    territory_names,
)
from dashboard.data.ingest.load import LoadResult, refused
from dashboard.data.ingest.overlay import apply_overlays, identifier_column, load_identifiers
from dashboard.data.ingest.readers import FileRefused, read_tables
from dashboard.data.ingest.scope import (
    DEFAULT_MODE,
    MODES,
    SCOPED_KINDS,
    FilePlan,
    apply_scope,
)
from dashboard.data.schemas import SCHEMAS
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
    mode: str = DEFAULT_MODE

    @property
    def data_date(self) -> str | None:
        """The date the editor says the data are current at (ISO), kept with the review."""
        return self.impact.get("date_donnees")

    @property
    def publishable(self) -> bool:
        return self.report.ok and self.report.rows_kept > 0

    @property
    def removed(self) -> int:
        """Rows of the published data this draft would remove (to be confirmed by number)."""
        return int(self.impact.get("changes", {}).get("retirees", 0))


class DraftRefused(Exception):
    """The draft is unknown, expired or someone else's; the message is French."""


class RemovalsNotConfirmed(DraftRefused):
    """The draft removes rows and their number was not confirmed; nothing was published."""

    def __init__(self, removed: int) -> None:
        super().__init__(
            f"cette publication retire {removed} ligne(s) des données publiées : confirmez "
            f"ce nombre ({removed}) pour publier ; rien n'a été publié"
        )
        self.removed = removed


def check_upload(
    kind: str,
    file_name: str,
    content: bytes,
    account: Account,
    store,
    mode: str = DEFAULT_MODE,
    data_date: str | None = None,
) -> Draft:
    """Validate ``content`` exactly as a published file will be read, and what it would change.

    Raises DraftRefused when the account may not publish this nature (an editor limited
    to régions publishes lauréats only: a TI list or clusters are national), or the mode
    does not apply to it (rows without identifiers can only be replaced).
    """
    if account.regions and kind not in SCOPED_KINDS:
        raise DraftRefused(
            "un éditeur limité à des régions ne publie que des lauréats : rien n'a été modifié"
        )
    if mode not in MODES:
        raise DraftRefused(f"mode de publication inconnu : {mode} ({', '.join(MODES)})")
    if mode == "retirer" and identifier_column(kind) is None:
        raise DraftRefused(
            f"un fichier de {SCHEMAS[kind].label.lower()} n'a pas d'identifiant de ligne : "
            "il ne peut que remplacer le précédent (mode « remplacer »)"
        )
    if identifier_column(kind) is None:
        mode = "remplacer"  # rows without identifiers cannot be matched: the file replaces
    plan = FilePlan(kind, only_regions=account.regions, mode=mode)
    result, after = simulate(kind, file_name, content, plan, store)
    impact = _impact(kind, after, store)
    impact |= {"mode": mode, **changes(kind, store.folder.frames.get(kind), after, store)}
    if data_date:
        impact["date_donnees"] = data_date
    return Draft(
        secrets.token_urlsafe(24),
        account.name,
        kind,
        result.path.name,
        content,
        account.regions,
        store.version.number if store.version is not None else None,
        result.report,
        impact,
        mode,
    )


def simulate(
    kind: str, file_name: str, content: bytes, plan: FilePlan, store
) -> tuple[LoadResult, pd.DataFrame]:
    """The file read as it will be at publication, and its nature's rows once it is."""
    with tempfile.TemporaryDirectory(prefix="ti-publication-") as scratch:
        path = Path(scratch) / unique_name(shortened(file_name), set(), kind)
        path.write_bytes(content)
        if plan.mode == "retirer":
            try:
                result = load_identifiers(kind, path, read_tables(path))
            except FileRefused as error:
                result = refused(kind, path, str(error))
        else:
            result = load_file(kind, path, store.geography)
    if plan.mode != "retirer":
        link_to_store(result, store)
        apply_scope(result, plan, store.geography)
    return result, published_after(store, result, plan)


def draft_changes(draft: Draft, store) -> pd.DataFrame:
    """Every row the draft adds, updates or removes (the review lists the first ones)."""
    plan = FilePlan(draft.kind, only_regions=draft.regions, mode=draft.mode)
    _result, after = simulate(draft.kind, draft.file_name, draft.content, plan, store)
    rows = changed_rows(draft.kind, store.folder.frames.get(draft.kind), after)
    return rows[rows["statut"] != "inchangees"].reset_index(drop=True)


def published_after(store, upload: LoadResult, plan: FilePlan) -> pd.DataFrame:
    """The rows of ``upload``'s nature once it is published: the loader's own rules
    (dashboard.data.ingest.overlay) applied to the current rows and the upload."""
    kind = upload.kind
    current = store.folder.frames.get(kind, SCHEMAS[kind].empty_frame())
    base = LoadResult(kind, Path("donnees-en-vigueur"), current.copy(), LoadReport("", kind))
    if plan.mode == "remplacer":
        if not plan.only_regions:  # a national file replaces every row of its nature
            return upload.frame.copy()
        apply_scope(base, FilePlan(kind, except_regions=plan.only_regions), store.geography)
    else:
        plans = {base.path.name: FilePlan(kind), upload.path.name: plan}
        kept = upload.frame.copy()
        apply_overlays([base, upload], plans, store.geography)
        if plan.mode == "ajouter":
            upload.frame = kept
    return pd.concat([base.frame, upload.frame], ignore_index=True)


def link_to_store(result, store) -> None:
    """Names in an uploaded clusters or collaborations file, resolved as at publication."""
    if result.kind in TERRITORY_COLUMNS:
        resolve_territories(
            result,
            territory_names(store.geography, store.folder.frames.get("territoires_industrie")),
        )
    resolve_clusters(result, store.folder.frames.get("clusters"))


def _impact(kind: str, after: pd.DataFrame, store) -> dict:
    """Totals now and once ``after`` is the published data: national, per région for lauréats."""
    if kind != "laureats":
        current = store.folder.frames.get(kind, pd.DataFrame())
        return {"rows": {"avant": len(current), "apres": len(after)}}
    before = store.laureats
    after = enrich_laureats(after, store.geography, store.tis) if not after.empty else before[:0]
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
                    mode=draft.mode,
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

    def publish(
        self, draft_id: str, account: Account, confirmed_removals: int | None = None
    ) -> Published:
        """The draft becomes the next version and disappears, in one transaction.

        A draft that removes published rows needs their number confirmed: a replacement
        that silently wipes a région's lauréats is the mistake this guards against.
        """
        with writing(self.engine) as connection:
            row = connection.execute(select(drafts).where(drafts.c.id == draft_id)).first()
            _check_owner(row, account)
            draft = _draft(row)
            if not draft.publishable:
                raise DraftRefused("aucune ligne de ce fichier ne peut être publiée")
            if draft.removed and confirmed_removals != draft.removed:
                raise RemovalsNotConfirmed(draft.removed)
            upload = Upload(
                draft.kind,
                draft.file_name,
                draft.content,
                draft.report.rows_read,
                draft.report.rows_kept,
                draft.report.rows_rejected,
                draft.report.to_text(),
                draft.regions,
                draft.mode,
                draft.data_date,
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
        row.mode,
    )
