"""Accounts: first administrator, login, lockout, permissions checked by the service, stale saves."""

from __future__ import annotations

import pytest
from conftest import STRONG_PASSWORD, make_user
from sqlalchemy import select

from app.core.errors import AuthError, ConflictError, DomainError, PermissionDenied, ValidationError
from app.models.accounts import User
from app.models.audit import AuditRecord
from app.services import users
from app.services.auth import MAX_FAILURES, PasswordAuthenticator


def audit_rows(db, **where):
    with db.read_session() as s:
        stmt = select(AuditRecord).order_by(AuditRecord.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(AuditRecord, key) == value)
        return list(s.execute(stmt).scalars())


def test_first_admin_is_created_once_and_never_with_a_weak_password(db):
    with db.session() as s:
        assert not users.admin_exists(s)
    with pytest.raises(ValidationError) as weak, db.session() as s:
        users.create_first_admin(s, "admin", "王", "short", "short")
    assert "至少需要 12 个字符" in weak.value.field_errors["password"]
    with db.session() as s:
        info = users.create_first_admin(s, "admin", "王管理", STRONG_PASSWORD, STRONG_PASSWORD)
    assert info.roles == ("admin",)
    with pytest.raises(DomainError) as again, db.session() as s:
        users.create_first_admin(s, "admin2", "李", STRONG_PASSWORD, STRONG_PASSWORD)
    assert again.value.code == "admin_exists"
    assert [r.action for r in audit_rows(db, action="create_first_admin")] == ["create_first_admin"]


def test_login_success_and_failure_are_audited(db):
    make_user(db, "clerk1", ["clerk"])
    auth = PasswordAuthenticator(db)
    actor = auth.login("clerk1", STRONG_PASSWORD)
    assert actor.username == "clerk1" and "citizen.view" in actor.permissions
    with pytest.raises(AuthError) as err:
        auth.login("clerk1", "wrong-password-123")
    assert err.value.message() == "用户名或密码不正确。"
    with pytest.raises(AuthError):
        auth.login("nobody", "whatever-password")
    outcomes = [(r.username, r.outcome) for r in audit_rows(db, action="login")]
    assert outcomes == [("clerk1", "ok"), ("clerk1", "failed"), ("nobody", "failed")]


def test_five_failures_lock_the_account_until_an_admin_unlocks_it(db):
    admin = make_user(db, "admin1", ["admin"])
    make_user(db, "clerk1", ["clerk"])
    auth = PasswordAuthenticator(db)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthError):
            auth.login("clerk1", "wrong-password-123")
    with pytest.raises(DomainError) as locked:
        auth.login("clerk1", "wrong-password-123")
    assert locked.value.code == "account_locked"
    # Even the right password is refused while locked.
    with pytest.raises(DomainError) as still:
        auth.login("clerk1", STRONG_PASSWORD)
    assert still.value.code == "account_locked"
    with db.session() as s:
        user_id = s.execute(select(User.id).where(User.username == "clerk1")).scalar_one()
        users.unlock(s, admin, user_id)
    assert auth.login("clerk1", STRONG_PASSWORD).username == "clerk1"
    assert audit_rows(db, action="lock") and audit_rows(db, action="unlock")


def test_a_service_refuses_what_the_role_lacks_and_audits_the_refusal(db):
    clerk = make_user(db, "clerk1", ["clerk"])
    with pytest.raises(PermissionDenied) as err, db.session() as s:
        users.create_user(s, clerk, username="x1", display_name="某某", roles=["officer"])
    assert "管理用户和角色" in err.value.message()
    with db.read_session() as s:
        assert s.execute(select(User).where(User.username == "x1")).first() is None
    denied = audit_rows(db, outcome="denied")
    assert [(r.username, r.detail) for r in denied] == [("clerk1", "users.manage")]


def test_permission_change_applies_to_a_logged_in_user_at_once(db):
    admin = make_user(db, "admin1", ["admin"])
    other = make_user(db, "officer1", ["officer"])
    with db.session() as s:
        info = next(u for u in users.list_users(s, admin) if u.username == "officer1")
        users.update_user(s, admin, info.id, info.version, display_name="officer1", roles=["admin"])
    # The stale Actor snapshot still says officer, but the service reads the database.
    with db.session() as s:
        assert len(users.list_users(s, other)) == 2


def test_stale_save_from_a_second_workstation_gets_a_conflict(db):
    admin = make_user(db, "admin1", ["admin"])
    make_user(db, "officer1", ["officer"], display_name="张三")
    with db.read_session() as s:
        seen = next(u for u in users.list_users(s, admin) if u.username == "officer1")
    # Workstation A saves first.
    with db.session() as s:
        users.update_user(s, admin, seen.id, seen.version, display_name="张三丰", roles=["officer"])
    # Workstation B saves with the version it read earlier.
    with pytest.raises(ConflictError) as err, db.session() as s:
        users.update_user(s, admin, seen.id, seen.version, display_name="张三（B）", roles=["officer"])
    assert "请重新载入" in err.value.message()
    with db.read_session() as s:
        assert s.get(User, seen.id).display_name == "张三丰"


def test_admin_and_auditor_duties_are_kept_apart(db):
    admin = make_user(db, "admin1", ["admin"])
    with pytest.raises(ValidationError) as err, db.session() as s:
        users.create_user(s, admin, username="both", display_name="两者", roles=["admin", "auditor"])
    assert "职责分离" in err.value.field_errors["roles"]


def test_new_users_get_a_temporary_password_they_must_change(db):
    admin = make_user(db, "admin1", ["admin"])
    with db.session() as s:
        info, temp = users.create_user(s, admin, username="newcop", display_name="刘新", roles=["officer"])
    assert info.must_change_password and len(temp) >= 12
    auth = PasswordAuthenticator(db)
    actor = auth.login("newcop", temp)
    assert actor.must_change_password
    with pytest.raises(ValidationError) as short:
        auth.change_password(actor, temp, "short", "short")
    assert "至少需要 12 个字符" in short.value.field_errors["new"]
    updated = auth.change_password(actor, temp, "Another-Strong-2026", "Another-Strong-2026")
    assert not updated.must_change_password
    assert auth.login("newcop", "Another-Strong-2026").username == "newcop"
