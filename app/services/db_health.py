"""The start-up health check of the embedded SQLite file: a damaged file is caught before anyone works on it.

``PRAGMA quick_check`` reads every page (b-tree structure, record formats; not index contents), so its cost
grows with the file (bench/bench_backup.py prints the figures for a given database). It runs in the
background while the login dialog is already on screen and the user types. Above :data:`FULL_CHECK_MAX_BYTES`
start-up only probes the header and the schema (milliseconds) and leaves the full check to the daily
automatic backup, which checks every page of its copy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.core.errors import DomainError
from app.core.messages import QT_TRANSLATE_NOOP, register

register(
    {
        "db_damaged": QT_TRANSLATE_NOOP(
            "messages", "数据库文件“{path}”已损坏（{detail}），不能继续使用。可以从备份恢复。"
        ),
    }
)

FULL_CHECK_MAX_BYTES = 128 * 1024 * 1024  # about 1 s of quick_check on a busy 2-core desk PC


class DatabaseDamaged(DomainError):
    code = "db_damaged"

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(path=str(path), detail=detail)
        self.path = path
        self.detail = detail


def _probe(path: Path) -> str:
    """Header and schema only: catches a file that is no database or whose schema pages are broken."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "ok"


def check_file(path: Path, *, full: bool | None = None) -> str:
    """ "ok" or the first problem SQLite reports; the file is opened read-only and never changed."""
    from app.services.backup_sqlite import quick_check

    if full is None:
        full = path.stat().st_size <= FULL_CHECK_MAX_BYTES
    return quick_check(path) if full else _probe(path)


def check_at_start(url: str) -> None:
    """Raise :class:`DatabaseDamaged` when the embedded database file is damaged (other backends: nothing)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    path = Path(parsed.database)
    if not path.exists() or path.stat().st_size == 0:
        return  # first start: the file is created and initialised
    problem = check_file(path)
    if problem != "ok":
        raise DatabaseDamaged(path, problem)
