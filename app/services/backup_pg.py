"""PostgreSQL: ``pg_dump -Fc`` from one exported snapshot, ``pg_restore --single-transaction``.

The row counts in the manifest are read inside a REPEATABLE READ transaction whose snapshot pg_dump then
uses (``--snapshot``), so counts and dump describe the same instant even while workstations keep saving.
The restore runs in one transaction with ``--clean --if-exists``: it replaces the tables of the target
database or, on any error (or when cancelled), changes nothing. Grants and row-level-security policies in the
dump come back with it; the roles they name must exist on the server (``db provision``).

The client programs come from PATH or, on Debian, ``/usr/lib/postgresql/<version>/bin`` (newest first): a
pg_dump must not be older than the server.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from app.core.errors import Cancelled, DomainError
from app.services import backup
from app.services.backup import BackupInfo, Report, RestoreResult

_TABLE_LINE = re.compile(r"(dumping contents of table|processing data for table)")


def tool(name: str) -> str:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key, reverse=True)
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        raise DomainError("backup_tool_missing", tool=name)
    return found


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"/postgresql/(\d+)", path)) or (0,)


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and the environment that carries it."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(cmd: list[str], env: dict[str, str], total: int, report: Report | None, label: str) -> None:
    """Run a client program, turning its ``--verbose`` table lines into progress; cancel kills it."""
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    done, errors = 0, []
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            if _TABLE_LINE.search(line):
                done += 1
                if report is not None:
                    report(min(done, total), total, label)
            elif "error" in line.lower() or "fatal" in line.lower():
                errors.append(line.strip())
        code = proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    if code != 0:
        raise DomainError(
            "backup_failed", detail="；".join(errors[-3:]) or f"{Path(cmd[0]).name} 退出码 {code}"
        )


def create(url: str, dest: Path, report: Report | None) -> BackupInfo:
    parsed = make_url(url)
    uri, env = _libpq(parsed)
    partial = dest.with_name(dest.name + ".partial")
    engine = create_engine(parsed, isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as conn:  # holds the snapshot open while pg_dump reads it
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            counts = backup.row_counts(conn)
            revisions = backup.revisions_in(conn)
            cmd = [tool("pg_dump"), "--format=custom", "--verbose", f"--snapshot={snapshot}"]
            _run([*cmd, f"--file={partial}", f"--dbname={uri}"], env, len(counts), report, "正在备份数据库……")
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        engine.dispose()
    return backup.write_manifest(
        dest, "postgresql", parsed.render_as_string(hide_password=True), revisions, counts
    )


def restore(info: BackupInfo, url: str, report: Report | None, schema_current: bool) -> RestoreResult:
    started = time.monotonic()
    parsed = make_url(url)
    uri, env = _libpq(parsed)
    cmd = [
        tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--verbose",
    ]
    try:
        _run([*cmd, f"--dbname={uri}", str(info.path)], env, len(info.tables), report, "正在恢复数据库……")
    except Cancelled:
        raise  # pg_restore was killed: the server rolled its single transaction back
    engine = create_engine(parsed)
    try:
        with engine.connect() as conn:
            counts = backup.row_counts(conn)
    finally:
        engine.dispose()
    # pg_restore committed already; a difference here means the dump itself disagrees with its manifest
    backup.compare_counts(info.tables, counts)
    return RestoreResult(
        info, parsed.render_as_string(hide_password=True), None, time.monotonic() - started, schema_current
    )
