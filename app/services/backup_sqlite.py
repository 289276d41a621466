"""SQLite: the online backup API (a consistent copy while the program runs), integrity checks, atomic swap.

Why the swap is safe: the restored copy is built and checked in ``<db>.restoring`` beside the database; the
current file is first checkpointed and hard-linked (or copied) to ``<db>.before-restore-<time>``, its ``-wal``
and ``-shm`` moved beside that copy, and only then does one ``os.replace`` put the restored file in place.
At every instant the database path holds either the old database or the whole restored one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.core.errors import DomainError
from app.services import backup
from app.services.backup import BackupInfo, Report, RestoreResult

PAGES_PER_STEP = 4096  # 16 MiB with 4 KiB pages: progress a few times a second, few restarts under writes


def path_of(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise DomainError("backup_failed", detail="内存数据库不能备份")
    return Path(database)


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, report: Report | None, text: str) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if report is not None:
            report(total - remaining, total, text)  # raises Cancelled: sqlite3 then aborts the backup

    src.backup(dst, pages=PAGES_PER_STEP, progress=step, sleep=0)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _counts_and_revisions(path: Path) -> tuple[dict[str, int], list[str]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return backup.row_counts(conn), backup.revisions_in(conn)
    finally:
        engine.dispose()


def quick_check(path: Path) -> str:
    """ "ok", or SQLite's first complaint (a damaged page, a bad header). Never modifies the file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            row = conn.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return str(row[0]) if row else "no result"


def create(url: str, dest: Path, report: Report | None) -> BackupInfo:
    source = path_of(url)
    if not source.exists():
        raise DomainError("backup_missing", file=str(source))
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(source, timeout=10)
        dst = sqlite3.connect(partial)
        try:
            _copy(src, dst, report, "正在备份数据库……")
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
            src.close()
        problem = quick_check(partial)
        if problem != "ok":
            raise DomainError("backup_failed", detail=f"备份副本检查未通过（{problem}）")
        _fsync(partial)
        counts, revisions = _counts_and_revisions(partial)
        partial.replace(dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return backup.write_manifest(dest, "sqlite", str(source), revisions, counts)


def _set_aside(target: Path) -> Path | None:
    """Keep the current database beside it as ``*.before-restore-<time>`` (its WAL folded in when possible)."""
    if not target.exists():
        return None
    with contextlib.suppress(sqlite3.DatabaseError):  # a damaged file may refuse; it is kept as it is
        conn = sqlite3.connect(target, timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    aside = target.with_name(f"{target.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        os.link(target, aside)
    except OSError:
        shutil.copy2(target, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = target.with_name(target.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside


def restore(info: BackupInfo, url: str, report: Report | None, schema_current: bool) -> RestoreResult:
    started = time.monotonic()
    target = path_of(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
        dst = sqlite3.connect(staging)
        try:
            _copy(src, dst, report, "正在恢复数据库……")
        finally:
            dst.close()
            src.close()
        problem = quick_check(
            staging
        )  # the SHA-256 already proved the file is the one checked at backup time
        if problem != "ok":
            raise DomainError("backup_mismatch", detail=f"完整性检查未通过（{problem}）")
        counts, _revisions = _counts_and_revisions(staging)
        backup.compare_counts(info.tables, counts)
        _fsync(staging)
        kept = _set_aside(target)
        staging.replace(target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return RestoreResult(info, str(target), kept, time.monotonic() - started, schema_current)
