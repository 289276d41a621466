"""The audit trail: hash chain, tamper detection, append-only, and no change without its record."""

from __future__ import annotations

import pytest
from conftest import backend, make_user
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.audit import AuditRecord
from app.services import audit, users
from app.services.context import SYSTEM


def _write_some(db, n=5):
    with db.session() as s:
        for i in range(n):
            audit.record(
                s,
                SYSTEM,
                "update",
                entity="citizen",
                entity_id=i,
                old={"name": "张三"},
                new={"name": f"李四{i}"},
            )


def _drop_guard(conn):
    """What an attacker with direct database access does first."""
    if backend() == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER trg_audit_record_no_update")
        conn.exec_driver_sql("DROP TRIGGER trg_audit_record_no_delete")
    else:
        conn.exec_driver_sql("ALTER TABLE audit_record DISABLE TRIGGER USER")


def test_intact_chain_verifies(db):
    _write_some(db)
    with db.read_session() as s:
        result = audit.verify(s)
    assert result.ok and result.checked == 5


def test_the_database_refuses_updates_and_deletes_of_the_trail(db):
    _write_some(db, 2)
    for statement in ("UPDATE audit_record SET detail = 'x'", "DELETE FROM audit_record"):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    with db.read_session() as s:
        assert s.execute(select(AuditRecord)).scalars().all().__len__() == 2


def test_an_altered_record_is_named(db):
    _write_some(db)
    with db.engine.begin() as conn:
        _drop_guard(conn)
        third = conn.execute(text("SELECT id FROM audit_record ORDER BY id LIMIT 1 OFFSET 2")).scalar()
        conn.execute(text("UPDATE audit_record SET new_values = '{}' WHERE id = :i"), {"i": third})
    with db.read_session() as s:
        result = audit.verify(s)
    assert not result.ok and result.first_bad_id == third and "篡改" in result.reason


def test_a_removed_record_is_detected_at_its_successor(db):
    _write_some(db)
    with db.engine.begin() as conn:
        _drop_guard(conn)
        ids = [r[0] for r in conn.execute(text("SELECT id FROM audit_record ORDER BY id"))]
        conn.execute(text("DELETE FROM audit_record WHERE id = :i"), {"i": ids[1]})
    with db.read_session() as s:
        result = audit.verify(s)
    assert not result.ok and result.first_bad_id == ids[2] and "删除" in result.reason


def test_cli_audit_verify_exits_non_zero_and_names_the_record(db, db_url, capsys):
    from app.cli import main

    _write_some(db)
    assert main(["--db", db_url, "audit", "verify"]) == 0
    with db.engine.begin() as conn:
        _drop_guard(conn)
        last = conn.execute(text("SELECT max(id) FROM audit_record")).scalar()
        conn.execute(text("UPDATE audit_record SET username = 'mallory' WHERE id = :i"), {"i": last})
    assert main(["--db", db_url, "audit", "verify"]) == 1
    assert f"第 {last} 号记录" in capsys.readouterr().err


def test_if_the_audit_record_cannot_be_written_the_change_is_rolled_back(db):
    admin = make_user(db, "admin1", ["admin"])
    with db.engine.begin() as conn:
        if backend() == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_record BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_record FOR EACH ROW EXECUTE FUNCTION fail_audit()"
            )
    with pytest.raises(DomainError) as err, db.session() as s:
        users.create_user(s, admin, username="ghost", display_name="幽灵", roles=["officer"])
    assert err.value.code == "audit_write_failed"
    with db.read_session() as s:
        assert s.execute(select(User).where(User.username == "ghost")).first() is None
