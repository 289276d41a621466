"""Backup and restore on the backend under test: the restore drill, checksums, all-or-nothing, damaged files."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from conftest import TEST_PG_URL, drop_database_url, make_user, new_database_url
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from app.core.errors import Cancelled, DomainError
from app.models.audit import AuditRecord
from app.models.db import Database
from app.services import audit, backup, db_health
from app.services.backup_sqlite import path_of
from app.services.demo_data import load_demo

sqlite_only = pytest.mark.skipif(
    bool(TEST_PG_URL), reason="the embedded SQLite file only"
)


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory: pytest.TempPathFactory):
    """One database with demo data (units, accounts, citizens) and an audit chain, filled once per module."""
    url = new_database_url(tmp_path_factory.mktemp("filled"))
    db = Database(url)
    make_user(db, "admin1", ["admin"])
    with db.session() as s:
        load_demo(s, citizens=120)
    db.dispose()
    yield url
    drop_database_url(url)


@pytest.fixture
def filled(filled_template: str, tmp_path: Path):
    """A copy of the filled database for one test."""
    if TEST_PG_URL:
        name = f"jingwu_bk_{uuid.uuid4().hex[:12]}"
        engine = create_engine(TEST_PG_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(filled_template).database}"')
        engine.dispose()
        url = make_url(TEST_PG_URL).set(database=name).render_as_string(hide_password=False)
    else:
        target = tmp_path / "filled.db"
        shutil.copyfile(make_url(filled_template).database, target)
        url = f"sqlite:///{target}"
    db = Database(url)
    yield db
    db.dispose()
    drop_database_url(url)


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return backup.row_counts(conn)
    finally:
        engine.dispose()


@pytest.fixture
def other_url(tmp_path: Path):
    """A second database of the same backend: empty for PostgreSQL (a new database), a new file for SQLite."""
    if TEST_PG_URL:
        url = new_database_url(tmp_path)
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:  # a truly new database: drop the template's schema
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
        yield url
        drop_database_url(url)
    else:
        yield f"sqlite:///{tmp_path / 'restored' / 'new.db'}"


def test_restore_drill_into_a_new_database(filled: Database, other_url: str, tmp_path: Path):
    url = _url(filled)
    reports: list[tuple[int, int]] = []
    info = backup.create(
        url,
        tmp_path / "drill" / ("b.db" if filled.backend == "sqlite" else "b.dump"),
        lambda d, t, _x: reports.append((d, t)),
    )
    assert reports and reports[-1][0] == reports[-1][1]
    manifest = json.loads(info.manifest_path.read_text(encoding="utf-8"))
    assert manifest["sha256"] == backup.sha256_of(info.path) and manifest["tables"]["citizen"] == 120
    assert manifest["schema_revisions"]

    result = backup.restore(info.path, other_url)
    assert result.schema_current
    source_counts = _counts(url)
    restored_counts = _counts(other_url)
    assert restored_counts == source_counts == info.tables  # row counts per table
    assert backup.content_digests(other_url) == backup.content_digests(url)  # contents, table by table
    restored = Database(other_url)
    try:
        with restored.read_session() as s:
            chain = audit.verify(s)
        assert chain.ok and chain.checked == source_counts["audit_record"] > 0  # audit chain intact
    finally:
        restored.dispose()


def test_a_backup_whose_checksum_does_not_match_is_refused_and_nothing_changes(
    filled: Database, other_url: str, tmp_path: Path
):
    url = _url(filled)
    info = backup.create(url, tmp_path / ("c.db" if filled.backend == "sqlite" else "c.dump"))
    backup.restore(info.path, other_url)
    before = backup.content_digests(other_url)
    make_user(filled, "later1", ["clerk"])  # the source moves on; the backup file is then damaged
    raw = bytearray(info.path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    info.path.write_bytes(bytes(raw))
    with pytest.raises(DomainError) as exc:
        backup.restore(info.path, other_url)
    assert exc.value.code == "backup_checksum"
    assert "校验值不符" in exc.value.message() and "保持原样" in exc.value.message()
    assert backup.content_digests(other_url) == before

    info.manifest_path.unlink()
    with pytest.raises(DomainError) as missing:
        backup.restore(info.path, other_url)
    assert missing.value.code == "backup_no_manifest" and "拒绝恢复" in missing.value.message()


def test_cancelled_backup_leaves_no_file_and_cancelled_restore_leaves_the_database(
    filled: Database, other_url: str, tmp_path: Path
):
    url = _url(filled)
    folder = tmp_path / "cancel"

    def stop(_done: int, _total: int, _text: str) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        backup.create(url, folder / "x.bak", stop)
    assert list(folder.iterdir()) == []

    info = backup.create(url, folder / "y.bak")
    backup.restore(info.path, other_url)
    make_user(filled, "later2", ["clerk"])
    newer = backup.create(url, folder / "z.bak")
    before = backup.content_digests(other_url)
    calls = []

    def stop_while_restoring(done: int, total: int, text: str) -> None:
        calls.append(text)
        if "恢复" in text:
            raise Cancelled()

    with pytest.raises(Cancelled):
        backup.restore(newer.path, other_url, stop_while_restoring)
    assert backup.content_digests(other_url) == before
    if not TEST_PG_URL:
        assert not list(path_of(other_url).parent.glob("*.restoring"))
    backup.restore(newer.path, other_url)  # and the same backup, not cancelled, goes in whole
    assert _counts(other_url) == newer.tables


def test_restore_over_the_live_database_replaces_it(filled: Database, tmp_path: Path):
    url = _url(filled)
    info = backup.create(url, tmp_path / ("d.db" if filled.backend == "sqlite" else "d.dump"))
    make_user(filled, "after_backup", ["clerk"])
    with filled.read_session() as s:
        grown = s.execute(select(AuditRecord.id)).all()
    filled.dispose()  # the program closes its connections before a restore
    result = backup.restore(info.path, url)
    assert _counts(url) == info.tables
    with filled.read_session() as s:
        assert len(s.execute(select(AuditRecord.id)).all()) == info.tables["audit_record"] <= len(grown)
        assert audit.verify(s).ok
    if filled.backend == "sqlite":
        assert result.kept_old is not None and result.kept_old.exists()  # the replaced file is kept


def test_wrong_backend_and_newer_schema_are_refused(filled: Database, tmp_path: Path):
    url = _url(filled)
    info = backup.create(url, tmp_path / "e.bak")
    other = "postgresql+psycopg://nobody@127.0.0.1:1/none" if filled.backend == "sqlite" else "sqlite:///x.db"
    with pytest.raises(DomainError) as wrong:
        backup.restore(info.path, other)
    assert wrong.value.code == "backup_wrong_backend"
    body = json.loads(info.manifest_path.read_text(encoding="utf-8"))
    body["schema_revisions"].append("9999_from_the_future")
    info.manifest_path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(DomainError) as newer:
        backup.restore(info.path, url)
    assert newer.value.code == "backup_newer_schema"


def _damage(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage (as a failing disk or a bad copy would)."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size + 8)
        fh.write(bytes(range(7, 250)) * 8)


@sqlite_only
def test_a_damaged_file_is_detected_at_start_and_the_latest_backup_restores_it(
    filled: Database, tmp_path: Path
):
    url = _url(filled)
    folder = tmp_path / "backups"
    older = backup.create(url, folder / "jingwu-1.db")
    latest = backup.create(url, folder / "jingwu-2.db")
    filled.dispose()
    db_health.check_at_start(url)  # healthy: nothing raised
    path = path_of(url)
    _damage(path, "citizen")
    with pytest.raises(db_health.DatabaseDamaged) as exc:
        db_health.check_at_start(url)
    assert "已损坏" in exc.value.message() and str(path) in exc.value.message()
    listed = backup.list_backups(folder)
    assert [b.path for b in listed] == [latest.path, older.path]  # newest first
    backup.restore(listed[0].path, url)
    db_health.check_at_start(url)
    assert _counts(url) == latest.tables


@sqlite_only
def test_a_file_that_is_no_database_is_caught_by_the_probe(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 500)
    assert db_health.check_file(path, full=False) != "ok"
    with pytest.raises(db_health.DatabaseDamaged):
        db_health.check_at_start(f"sqlite:///{path}")


@sqlite_only
def test_automatic_daily_backups_keep_the_newest(filled: Database, tmp_path: Path, monkeypatch):
    url = _url(filled)
    folder = tmp_path / "auto"
    first = backup.auto_backup(url, keep=2, folder=folder)
    assert first is not None and first.automatic
    assert backup.auto_backup(url, keep=2, folder=folder) is None  # not due again the same day
    monkeypatch.setattr(backup, "AUTO_INTERVAL_HOURS", 0)
    made = [backup.auto_backup(url, keep=2, folder=folder) for _ in range(2)]
    names = sorted(p.name for p in folder.glob("*.db"))
    assert len(names) == 2 and all(m is not None and m.path.name in names for m in made)
    backup.create(url, folder / "manual.db")  # manual backups are never pruned
    backup.auto_backup(url, keep=2, folder=folder)
    assert (folder / "manual.db").exists() and len(list(folder.glob("auto-*.db"))) == 2


def test_command_line_backup_and_restore(filled: Database, other_url: str, tmp_path: Path, capsys):
    from app.cli import main

    url = _url(filled)
    target = tmp_path / "cli" / "backup.bin"
    assert main(["--db", url, "backup", "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and backup.manifest_of(target).exists()
    assert main(["--db", other_url, "restore", str(target)]) == 0
    assert "校验值与各表行数一致" in capsys.readouterr().out
    assert _counts(other_url) == _counts(url)
    raw = bytearray(target.read_bytes())
    raw[100] ^= 0x01
    target.write_bytes(bytes(raw))
    assert main(["--db", other_url, "restore", str(target)]) == 1
    assert "校验值不符" in capsys.readouterr().err
