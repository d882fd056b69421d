"""Data versions: each publication, folder import or roll-back is a numbered, kept version.

A version is a list of stored files (content-addressed, deduplicated) with the
plan to read each (its nature and the régions it covers). The current version
is the highest number; a roll-back copies an earlier version's files into a new
one, so history is never rewritten. Each process materialises the current
version as a folder and loads it with the ordinary folder importer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, insert, select

from dashboard.data.database import as_utc, blobs, now, record, versions, writing
from dashboard.data.ingest.folder import METADATA_FILE, data_files, detect_kind
from dashboard.data.ingest.scope import FilePlan

ACTION_LABELS = {
    "demo": "données de démonstration",
    "dossier": "dossier de données",
    "publication": "publication",
    "retour": "retour à une version antérieure",
}
log = logging.getLogger(__name__)
SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
MAX_NAME_LENGTH = 120  # characters of a stored file name (ext4 takes 255 bytes)


@dataclass(frozen=True)
class StoredFile:
    name: str
    sha256: str
    plan: FilePlan
    origin: str  # demo, dossier, publication

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "origin": self.origin,
            "plan": self.plan.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict) -> StoredFile:
        return cls(data["name"], data["sha256"], FilePlan.from_json(data["plan"]), data["origin"])


@dataclass(frozen=True)
class Version:
    number: int
    created_at: datetime
    author: str
    action: str
    files: tuple[StoredFile, ...]
    metadata_sha256: str | None = None
    nature: str | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    rows_read: int | None = None
    rows_kept: int | None = None
    rows_rejected: int | None = None
    report: str = ""
    restored_from: int | None = None
    folder_digest: str | None = None
    is_demo: bool = False

    @property
    def label(self) -> str:
        """« version 7 du 02/12/2026 », as every footnote prints it."""
        return f"version {self.number} du {self.created_at.astimezone():%d/%m/%Y}"

    @property
    def by_account(self) -> bool:
        """Made by a person's account (a publication or a roll-back), not at start-up."""
        return self.action in ("publication", "retour")

    @property
    def mode(self) -> str | None:
        """How a publication changed its nature (ajouter, retirer, remplacer); None otherwise."""
        if self.action != "publication" or not self.files:
            return None
        return self.files[-1].plan.mode

    @property
    def plans(self) -> dict[str, FilePlan]:
        return {stored.name: stored.plan for stored in self.files}

    def files_of(self, kind: str) -> list[StoredFile]:
        return [stored for stored in self.files if stored.plan.kind == kind]


@dataclass(frozen=True)
class Upload:
    """A checked file about to become a version: what the report said of it."""

    kind: str
    name: str
    content: bytes
    rows_read: int
    rows_kept: int
    rows_rejected: int
    report: str
    regions: tuple[str, ...] = ()  # the editor's régions; () = all
    mode: str = "remplacer"  # see dashboard.data.ingest.scope.MODES
    data_date: str | None = None  # ISO date the publisher says the data are current at

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class Published:
    version: Version
    overtook: list[int] = field(default_factory=list)  # versions published since the review


class VersionNotFound(Exception):
    """No version has that number; the message is French."""


class DataVersions:
    """Reading and writing versions in the shared database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- reading ---------------------------------------------------------------------

    def current_number(self) -> int | None:
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(versions.c.number))).scalar()

    def get(self, number: int) -> Version:
        with self.engine.connect() as connection:
            row = connection.execute(select(versions).where(versions.c.number == number)).first()
        if row is None:
            raise VersionNotFound(f"la version {number} n'existe pas")
        return _version(row)

    def current(self) -> Version | None:
        number = self.current_number()
        return None if number is None else self.get(number)

    def all(self) -> list[Version]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(versions).order_by(versions.c.number.desc()))
            return [_version(row) for row in rows]

    def content(self, sha256: str) -> bytes:
        with self.engine.connect() as connection:
            return connection.execute(
                select(blobs.c.content).where(blobs.c.sha256 == sha256)
            ).scalar_one()

    # --- writing ---------------------------------------------------------------------

    def import_folder(self, folder: Path, author: str, demo: bool) -> Version | None:
        """The folder as a new version, unless the last folder version has the same content."""
        paths = data_files(folder)
        contents = {path.name: path.read_bytes() for path in paths}
        kinds = {path.name: detect_kind(path) for path in paths}
        meta_path = folder / METADATA_FILE
        meta = meta_path.read_bytes() if meta_path.is_file() else None
        digest = folder_digest(contents, meta)
        with writing(self.engine) as connection:
            last = connection.execute(
                select(versions.c.folder_digest)
                .where(versions.c.folder_digest.is_not(None))
                .order_by(versions.c.number.desc())
                .limit(1)
            ).scalar()
            if last == digest:
                return None
            origin = "demo" if demo else "dossier"
            files = []
            for name, content in contents.items():
                files.append(
                    StoredFile(
                        name, _store_blob(connection, content), FilePlan(kinds[name]), origin
                    )
                )
            meta_sha = _store_blob(connection, meta) if meta is not None else None
            version = _insert_version(
                connection,
                author=author,
                action=origin,
                files=tuple(files),
                metadata_sha256=meta_sha,
                folder_digest=digest,
                is_demo=demo,
                file_name=str(folder),
            )
            record(connection, author, "import_dossier", {"version": version.number})
        return version

    def publish(self, upload: Upload, author: str, reviewed_on: int | None) -> Published:
        """The upload replaces its nature (within the editor's régions) in a new version."""
        with writing(self.engine) as connection:
            return publish_in(connection, upload, author, reviewed_on)

    def rollback(self, number: int, author: str) -> Version:
        """A new version with the files of version ``number``."""
        with writing(self.engine) as connection:
            row = connection.execute(select(versions).where(versions.c.number == number)).first()
            if row is None:
                raise VersionNotFound(f"la version {number} n'existe pas")
            old = _version(row)
            version = _insert_version(
                connection,
                author=author,
                action="retour",
                files=old.files,
                metadata_sha256=old.metadata_sha256,
                is_demo=old.is_demo,
                restored_from=number,
                report=f"Retour aux données de la {old.label}.",
            )
            record(connection, author, "retour", {"version": version.number, "depuis": number})
        return version

    # --- materialising -----------------------------------------------------------------

    def materialise(self, version: Version, root: Path) -> Path:
        """The version's files as a data folder under ``root`` (written once, atomically).

        A folder already there is used only if every file still has the hash the database
        records: a file edited or damaged on disk is never served as the official version;
        the folder is written again from the database."""
        folder = root / f"version-{version.number}-{_manifest_digest(version)}"
        if folder.is_dir():
            if _matches(folder, version):
                return folder
            log.warning("%s ne correspond plus à la base : réécrit depuis la base", folder)
            shutil.rmtree(folder, ignore_errors=True)
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=root, prefix=".version-"))
        for stored in version.files:
            (staging / stored.name).write_bytes(self.content(stored.sha256))
        if version.metadata_sha256:
            (staging / METADATA_FILE).write_bytes(self.content(version.metadata_sha256))
        try:
            os.replace(staging, folder)
        except OSError:  # another process of this host wrote it first
            if not folder.is_dir():
                raise
        return folder


def _matches(folder: Path, version: Version) -> bool:
    """Exactly the version's files, each with its recorded SHA-256."""
    expected = {stored.name: stored.sha256 for stored in version.files}
    if version.metadata_sha256:
        expected[METADATA_FILE] = version.metadata_sha256
    present = {path.name for path in folder.iterdir() if path.is_file()}
    if present != set(expected):
        return False
    return all(
        hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        for name, digest in expected.items()
    )


def publish_in(connection, upload: Upload, author: str, reviewed_on: int | None) -> Published:
    """Publication inside the caller's write transaction (see ``drafts.Drafts.publish``)."""
    base = _current(connection)
    files = base.files if base else ()
    kept = _files_after_replacing(files, upload) if upload.mode == "remplacer" else list(files)
    name = unique_name(upload.name, {stored.name for stored in kept}, upload.kind)
    plan = FilePlan(
        upload.kind, only_regions=upload.regions, mode=upload.mode, data_date=upload.data_date
    )
    new = StoredFile(name, _store_blob(connection, upload.content), plan, "publication")
    files = (*kept, new)
    version = _insert_version(
        connection,
        author=author,
        action="publication",
        files=files,
        metadata_sha256=base.metadata_sha256 if base else None,
        is_demo=any(stored.origin == "demo" for stored in files),
        nature=upload.kind,
        file_name=upload.name,
        file_sha256=upload.sha256,
        rows_read=upload.rows_read,
        rows_kept=upload.rows_kept,
        rows_rejected=upload.rows_rejected,
        report=upload.report,
    )
    detail = {"version": version.number, "nature": upload.kind, "fichier": upload.name}
    record(connection, author, "publication", detail)
    overtook = list(range(reviewed_on + 1, version.number)) if reviewed_on else []
    return Published(version, overtook)


def _current(connection) -> Version | None:
    row = connection.execute(select(versions).order_by(versions.c.number.desc()).limit(1)).first()
    return None if row is None else _version(row)


def _insert_version(connection, *, files, metadata_sha256, **values) -> Version:
    number = (connection.execute(select(func.max(versions.c.number))).scalar() or 0) + 1
    manifest = {"files": [stored.to_json() for stored in files], "metadata_sha256": metadata_sha256}
    row = {"number": number, "created_at": now(), "manifest": json.dumps(manifest), **values}
    connection.execute(insert(versions).values(**row))
    return _version(connection.execute(select(versions).where(versions.c.number == number)).one())


def folder_digest(contents: dict[str, bytes], meta: bytes | None) -> str:
    digest = hashlib.sha256()
    for name in sorted(contents):
        digest.update(name.encode() + b"\0" + hashlib.sha256(contents[name]).digest())
    digest.update(hashlib.sha256(meta or b"").digest())
    return digest.hexdigest()


def _manifest_digest(version: Version) -> str:
    payload = json.dumps(
        [[s.to_json() for s in version.files], version.metadata_sha256], sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def _store_blob(connection, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    exists = connection.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first()
    if exists is None:
        connection.execute(insert(blobs).values(sha256=sha, size=len(content), content=content))
    return sha


def _files_after_replacing(files: tuple[StoredFile, ...], upload: Upload) -> list[StoredFile]:
    """The base version's files once ``upload`` takes over its nature (in its régions)."""
    kept = []
    for stored in files:
        if stored.plan.kind != upload.kind:
            kept.append(stored)
            continue
        if not upload.regions:
            continue  # a national file replaces every file of its nature
        only = set(stored.plan.only_regions)
        if only and only <= set(upload.regions):
            continue
        excluded = tuple(sorted(set(stored.plan.except_regions) | set(upload.regions)))
        plan = FilePlan(stored.plan.kind, stored.plan.only_regions, excluded)
        kept.append(StoredFile(stored.name, stored.sha256, plan, stored.origin))
    return kept


def shortened(name: str, limit: int = MAX_NAME_LENGTH) -> str:
    """``name`` within ``limit`` characters, its extension kept (file systems and the
    database's columns both refuse longer names)."""
    if len(name) <= limit:
        return name
    suffix = Path(name).suffix[:10]
    return name[: limit - len(suffix) - 1].rstrip() + "…" + suffix


def unique_name(name: str, taken: set[str], kind: str) -> str:
    """A safe file name (no folders, no odd characters) not used by another file."""
    base = SAFE_NAME.sub("_", Path(name).name).strip(" .") or f"{kind}.csv"
    base = shortened(base).replace("…", "_")
    if base == METADATA_FILE or base.startswith((".", "~$")):
        base = f"{kind}-{base.lstrip('.~$')}"
    stem, suffix = Path(base).stem, Path(base).suffix
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _version(row) -> Version:
    manifest = json.loads(row.manifest)
    return Version(
        number=row.number,
        created_at=as_utc(row.created_at),
        author=row.author,
        action=row.action,
        files=tuple(StoredFile.from_json(item) for item in manifest["files"]),
        metadata_sha256=manifest.get("metadata_sha256"),
        nature=row.nature,
        file_name=row.file_name,
        file_sha256=row.file_sha256,
        rows_read=row.rows_read,
        rows_kept=row.rows_kept,
        rows_rejected=row.rows_rejected,
        report=row.report or "",
        restored_from=row.restored_from,
        folder_digest=row.folder_digest,
        is_demo=bool(row.is_demo),
    )
