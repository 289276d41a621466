"""Backup, restore and start-up health-check figures on SQLite (and PostgreSQL when a URL is given).

    .venv/bin/python bench/bench_backup.py --db sqlite:////path/jingwu.db       a real database (e.g. after demo)
    .venv/bin/python bench/bench_backup.py --synthetic-mb 500                  a scratch file of about that size
    .venv/bin/python bench/bench_backup.py --db postgresql+psycopg://...      pg_dump / pg_restore into a new db

The synthetic file holds rows shaped like the audit trail (short text columns, an index), so PRAGMA
quick_check reads b-tree pages as it would in a bureau's database. Nothing is written to the given database:
backups go to a temporary folder and restores into a new file or a new database.
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

import app.models  # noqa: E402,F401 - loaded in the program already: not part of a restore's time
from app.services import backup, db_health  # noqa: E402


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - t:8.2f} s")
    return result


def synthetic(path: Path, megabytes: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE rec (id INTEGER PRIMARY KEY, at TEXT, username TEXT, action TEXT, entity TEXT, detail TEXT)"
    )
    conn.execute("CREATE INDEX ix_rec_user_at ON rec (username, at)")
    batch = [
        (
            f"2026-11-{i % 28 + 1:02d}T08:00:{i % 60:02d}",
            f"user{i % 300}",
            "update",
            "citizen",
            secrets.token_hex(60),
        )
        for i in range(20000)
    ]
    while path.stat().st_size < megabytes * 1_048_576:
        conn.executemany(
            "INSERT INTO rec (at, username, action, entity, detail) VALUES (?, ?, ?, ?, ?)", batch
        )
        conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def bench_sqlite(url: str, work: Path) -> None:
    path = Path(make_url(url).database or "")
    size_mb = path.stat().st_size / 1_048_576
    print(f"SQLite file {path} ({size_mb:.1f} MB)")
    full = _timed("start-up check: PRAGMA quick_check", lambda: db_health.check_file(path, full=True))
    _timed("start-up check: header/schema probe only", lambda: db_health.check_file(path, full=False))
    print(f"{'  quick_check result':<44} {full}")
    info = _timed("backup (online backup API + checks + manifest)", lambda: backup.create(url, work / "b.db"))
    _timed("verify checksum (SHA-256)", lambda: backup.verify(info.path))
    target = f"sqlite:///{work / 'restored.db'}"
    _timed(
        "restore into a new file (verify, copy, quick_check, swap)",
        lambda: backup.restore(info.path, target),
    )
    print(f"{'  rows':<44} {info.total_rows:8d}")


def bench_pg(url: str, work: Path) -> None:
    parsed = make_url(url)
    print(f"PostgreSQL {parsed.render_as_string(hide_password=True)}")
    info = _timed(
        "backup (pg_dump -Fc, snapshot counts, manifest)", lambda: backup.create(url, work / "b.dump")
    )
    print(f"{'  dump size MB / rows':<44} {info.size / 1_048_576:8.1f} / {info.total_rows}")
    name = f"{parsed.database}_bench_restore"
    admin = create_engine(parsed, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        target = parsed.set(database=name).render_as_string(hide_password=False)
        _timed("restore into a new database (pg_restore, 1 txn)", lambda: backup.restore(info.path, target))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="database URL to measure (default: a synthetic SQLite file)")
    p.add_argument("--synthetic-mb", type=int, default=200, help="size of the synthetic SQLite file")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        work = Path(tmp)
        url = args.db
        if not url:
            path = work / "synthetic.db"
            _timed(
                f"build a synthetic {args.synthetic_mb} MB file", lambda: synthetic(path, args.synthetic_mb)
            )
            url = f"sqlite:///{path}"
        (bench_sqlite if make_url(url).get_backend_name() == "sqlite" else bench_pg)(url, work)


if __name__ == "__main__":
    main()
