"""Backups and restores: one data file plus a SHA-256 manifest beside it, checked before every restore.

    jingwu-20261129-013000.db                 SQLite online-backup copy (one self-contained file)
    jingwu-20261129-013000.db.manifest.json   checksum, size, schema revision, row count per table
    jingwu-20261129-013000.dump               PostgreSQL: pg_dump custom format, same manifest

A restore never leaves a half-restored database: SQLite is restored into a temporary file beside the target,
checked, and swapped in with one atomic rename (the old file is kept as ``*.before-restore-*``); PostgreSQL
is restored with ``pg_restore --single-transaction`` (all or nothing). The backend specifics live in
``backup_sqlite.py`` and ``backup_pg.py``; the row counts in the manifest are taken from the same snapshot
the backup copies, so a restore drill compares them exactly.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, inspect, select, table, text
from sqlalchemy.engine import make_url

from app.core import config
from app.core.errors import DomainError
from app.core.messages import QT_TRANSLATE_NOOP, register
from app.core.paths import data_dir

log = logging.getLogger(__name__)

register(
    {
        "backup_checksum": QT_TRANSLATE_NOOP(
            "messages", "备份文件“{file}”的校验值不符（文件已损坏或被改动），已拒绝恢复，数据库保持原样。"
        ),
        "backup_no_manifest": QT_TRANSLATE_NOOP(
            "messages", "找不到备份文件“{file}”的校验清单（{manifest}），无法确认备份完好，已拒绝恢复。"
        ),
        "backup_missing": QT_TRANSLATE_NOOP("messages", "找不到备份文件“{file}”。"),
        "backup_wrong_backend": QT_TRANSLATE_NOOP(
            "messages", "这是 {backup} 数据库的备份，不能恢复到 {target} 数据库。"
        ),
        "backup_newer_schema": QT_TRANSLATE_NOOP(
            "messages", "备份来自更新版本的程序（结构版本 {revisions}），请先升级本程序再恢复。"
        ),
        "backup_mismatch": QT_TRANSLATE_NOOP(
            "messages", "恢复后核对不一致：{detail}。已放弃本次恢复，数据库保持原样。"
        ),
        "backup_failed": QT_TRANSLATE_NOOP("messages", "备份或恢复失败：{detail}"),
        "backup_tool_missing": QT_TRANSLATE_NOOP(
            "messages", "找不到 PostgreSQL 客户端程序 {tool}，请安装 PostgreSQL 客户端（postgresql-client）。"
        ),
    }
)

FORMAT = "jingwu-backup/1"
MANIFEST_SUFFIX = ".manifest.json"
AUTO_PREFIX = "auto-"
AUTO_KEEP = 7
AUTO_INTERVAL_HOURS = 20  # "daily", without drifting later every day

Report = Callable[[int, int, str], None]
"""Progress: done, total, text. Raises :class:`~app.core.errors.Cancelled` when the user cancelled."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    backend: str
    created_at: datetime
    sha256: str
    size: int
    source: str
    revisions: tuple[str, ...]
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def manifest_path(self) -> Path:
        return manifest_of(self.path)

    @property
    def automatic(self) -> bool:
        return self.path.name.startswith(AUTO_PREFIX)

    @property
    def total_rows(self) -> int:
        return sum(self.tables.values())


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    target: str
    kept_old: Path | None  # SQLite: the replaced file, kept beside the database
    seconds: float
    schema_current: bool  # False: the backup's schema is older than this program (run ``db upgrade``)


def manifest_of(path: Path) -> Path:
    return path.with_name(path.name + MANIFEST_SUFFIX)


def backup_dir() -> Path:
    """``[backup] folder`` in settings.ini, else ``backups`` in the user data folder."""
    configured = config.get("backup", "folder").strip()
    folder = Path(configured) if configured else data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backend_of(url: str) -> str:
    return make_url(url).get_backend_name()


def default_path(url: str, folder: Path, *, automatic: bool = False) -> Path:
    """A new file named after the time (never an existing one: two backups in one second get -2, -3...)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    ext = ".db" if backend_of(url) == "sqlite" else ".dump"
    base = f"{AUTO_PREFIX if automatic else ''}jingwu-{stamp}"
    path, n = folder / f"{base}{ext}", 1
    while path.exists() or manifest_of(path).exists():
        n += 1
        path = folder / f"{base}-{n}{ext}"
    return path


def sha256_of(path: Path, report: Report | None = None) -> str:
    digest = hashlib.sha256()
    size = path.stat().st_size
    done = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            done += len(chunk)
            if report is not None:
                report(done, size, "正在计算校验值……")
    return digest.hexdigest()


def write_manifest(
    path: Path, backend: str, source: str, revisions: list[str], tables: dict[str, int]
) -> BackupInfo:
    info = BackupInfo(
        path=path,
        backend=backend,
        created_at=datetime.now(UTC),
        sha256=sha256_of(path),
        size=path.stat().st_size,
        source=source,
        revisions=tuple(sorted(revisions)),
        tables=dict(sorted(tables.items())),
    )
    body = {
        "format": FORMAT,
        "file": path.name,
        "backend": backend,
        "created_at": info.created_at.isoformat(),
        "sha256": info.sha256,
        "size": info.size,
        "source": source,
        "schema_revisions": list(info.revisions),
        "tables": info.tables,
    }
    tmp = manifest_of(path).with_suffix(".tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(manifest_of(path))
    return info


def read_manifest(path: Path) -> BackupInfo:
    """The manifest's claims (not yet checked against the file: see :func:`verify`)."""
    if not path.exists():
        raise DomainError("backup_missing", file=str(path))
    manifest = manifest_of(path)
    try:
        body = json.loads(manifest.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT:
            raise ValueError(body.get("format"))
        return BackupInfo(
            path=path,
            backend=str(body["backend"]),
            created_at=datetime.fromisoformat(body["created_at"]),
            sha256=str(body["sha256"]),
            size=int(body["size"]),
            source=str(body.get("source", "")),
            revisions=tuple(body.get("schema_revisions", ())),
            tables={str(k): int(v) for k, v in body.get("tables", {}).items()},
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DomainError("backup_no_manifest", file=path.name, manifest=manifest.name) from exc


def verify(path: Path, report: Report | None = None) -> BackupInfo:
    """The manifest, after checking the file's size and SHA-256 against it; refuses a damaged backup."""
    info = read_manifest(Path(path))
    if info.path.stat().st_size != info.size or sha256_of(info.path, report) != info.sha256:
        raise DomainError("backup_checksum", file=info.path.name)
    return info


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    """Backups with a readable manifest in ``folder`` (default: the backup folder), newest first."""
    folder = folder or backup_dir()
    found = []
    for manifest in folder.glob("*" + MANIFEST_SUFFIX):
        data = manifest.with_name(manifest.name[: -len(MANIFEST_SUFFIX)])
        try:
            found.append(read_manifest(data))
        except DomainError:
            continue
    return sorted(found, key=lambda i: i.created_at, reverse=True)


# --- what a backup holds: row counts and content digests, table by table -------------------------------------
def row_counts(conn: Connection) -> dict[str, int]:
    names = sorted(inspect(conn).get_table_names())
    return {n: int(conn.execute(select(text("count(*)")).select_from(table(n))).scalar_one()) for n in names}


def content_digests(url: str) -> dict[str, str]:
    """SHA-256 of every table's rows in primary-key order: equal digests, equal contents (same backend)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            out = {}
            for name in sorted(insp.get_table_names()):
                columns = [c["name"] for c in insp.get_columns(name)]
                keys = insp.get_pk_constraint(name).get("constrained_columns") or columns
                quote = conn.dialect.identifier_preparer.quote
                sql = f"SELECT {', '.join(map(quote, columns))} FROM {quote(name)} ORDER BY {', '.join(map(quote, keys))}"
                digest = hashlib.sha256()
                for row in conn.exec_driver_sql(sql):
                    digest.update(repr(tuple(row)).encode("utf-8"))
                out[name] = digest.hexdigest()
            return out
    finally:
        engine.dispose()


def revisions_in(conn: Connection) -> list[str]:
    if not inspect(conn).has_table("alembic_version"):
        return []
    return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]


def check_revisions(revisions: tuple[str, ...] | list[str]) -> bool:
    """True when the backup's schema is this program's; False when older; refuses a newer one."""
    from app.services import schema

    unknown = set(revisions) - schema.known_revisions()
    if unknown:
        raise DomainError("backup_newer_schema", revisions=",".join(sorted(unknown)))
    return set(revisions) == set(schema.heads())


def compare_counts(expected: dict[str, int], actual: dict[str, int]) -> None:
    wrong = [f"{t}：应为 {n} 行，实为 {actual.get(t)} 行" for t, n in expected.items() if actual.get(t) != n]
    if wrong:
        raise DomainError("backup_mismatch", detail="；".join(wrong[:5]))


# --- the entry points ----------------------------------------------------------------------------------------
def create(
    url: str, dest: Path | None = None, report: Report | None = None, *, automatic: bool = False
) -> BackupInfo:
    """Back up the database at ``url`` to ``dest`` (default: a new file in the backup folder)."""
    dest = Path(dest) if dest else default_path(url, backup_dir(), automatic=automatic)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if backend_of(url) == "sqlite":
        from app.services import backup_sqlite as impl
    else:
        from app.services import backup_pg as impl  # type: ignore[no-redef]
    return impl.create(url, dest, report)


def restore(path: Path, url: str, report: Report | None = None) -> RestoreResult:
    """Check the backup's checksum, then restore it over the database at ``url`` (all or nothing).

    The caller closes its own connections to that database first (SQLite: the file is swapped).
    """
    info = verify(Path(path), report)
    target = backend_of(url)
    if info.backend != target:
        raise DomainError("backup_wrong_backend", backup=info.backend, target=target)
    current = check_revisions(info.revisions)
    if target == "sqlite":
        from app.services import backup_sqlite as impl
    else:
        from app.services import backup_pg as impl  # type: ignore[no-redef]
    result: RestoreResult = impl.restore(info, url, report, current)
    log.info("restored %s into %s in %.1f s", info.path, result.target, result.seconds)
    return result


def auto_backup(url: str, keep: int = AUTO_KEEP, folder: Path | None = None) -> BackupInfo | None:
    """The daily automatic backup of an embedded SQLite database: made when the newest one is older than
    :data:`AUTO_INTERVAL_HOURS`; only the ``keep`` newest automatic backups are kept. None when not due."""
    if backend_of(url) != "sqlite":
        return None  # a shared server is backed up by its administrator's schedule (pg_dump), not by clients
    folder = folder or backup_dir()
    autos = [b for b in list_backups(folder) if b.automatic]
    if autos and (datetime.now(UTC) - autos[0].created_at).total_seconds() < AUTO_INTERVAL_HOURS * 3600:
        return None
    made = create(url, default_path(url, folder, automatic=True))
    for old in [made, *autos][keep:]:
        for p in (old.path, old.manifest_path):
            p.unlink(missing_ok=True)
    return made


def describe(info: BackupInfo) -> dict[str, Any]:
    """One line of the backup list, for the CLI and the dialogs."""
    return {
        "file": info.path.name,
        "at": info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        "size_mb": round(info.size / 1_048_576, 1),
        "rows": info.total_rows,
        "automatic": info.automatic,
    }
