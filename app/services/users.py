"""User and role administration: create, assign roles, reset passwords, unlock, disable.

The administrator and auditor duties are kept apart: one account cannot hold both, so whoever manages
users cannot also be the one who reads (and vouches for) the trail of what they did.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound, ValidationError
from app.core.messages import render
from app.models.accounts import LoginFailure, Role, User, user_role
from app.models.base import utcnow
from app.models.permissions import ADMIN, AUDITOR, USERS_MANAGE
from app.services import audit, passwords
from app.services.context import Actor
from app.services.permissions import require
from app.services.pg_security.roles import sync_login


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    badge_no: str
    phone: str
    unit_id: int | None
    roles: tuple[str, ...]
    role_names: tuple[str, ...]
    active: bool
    locked: bool
    must_change_password: bool
    last_login_at: datetime | None
    version: int


@dataclass(frozen=True)
class RoleInfo:
    id: int
    code: str
    name: str
    description: str
    permissions: frozenset[str]


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        user.badge_no or "",
        user.phone or "",
        user.unit_id,
        tuple(r.code for r in user.roles),
        tuple(r.name for r in user.roles),
        user.active,
        user.locked_at is not None,
        user.must_change_password,
        user.last_login_at,
        user.version,
    )


def _snapshot(user: User) -> dict[str, object]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "badge_no": user.badge_no,
        "unit_id": user.unit_id,
        "roles": sorted(r.code for r in user.roles),
        "active": user.active,
        "locked": user.locked_at is not None,
    }


def list_roles(session: Session) -> list[RoleInfo]:
    roles = session.execute(select(Role).order_by(Role.id)).scalars()
    return [
        RoleInfo(r.id, r.code, r.name, r.description, frozenset(p.permission for p in r.permissions))
        for r in roles
    ]


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    require(session, actor, USERS_MANAGE)
    return [_info(u) for u in session.execute(select(User).order_by(User.username)).scalars()]


def admin_exists(session: Session) -> bool:
    stmt = (
        select(func.count())
        .select_from(User)
        .join(user_role, user_role.c.user_id == User.id)
        .join(Role, Role.id == user_role.c.role_id)
        .where(Role.code == ADMIN, User.active.is_(True))
    )
    return session.execute(stmt).scalar_one() > 0


def _roles_by_code(session: Session, codes: list[str]) -> list[Role]:
    if not codes:
        raise ValidationError({"roles": render("no_role")})
    if ADMIN in codes and AUDITOR in codes:
        raise ValidationError({"roles": render("separation_of_duties")})
    roles = list(session.execute(select(Role).where(Role.code.in_(codes))).scalars())
    if len(roles) != len(set(codes)):
        raise ValidationError(
            {"roles": "角色不存在：" + "、".join(sorted(set(codes) - {r.code for r in roles}))}
        )
    return roles


def _check_new_user(session: Session, username: str, display_name: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not username or len(username) < 2 or len(username) > 64:
        errors["username"] = "用户名需要 2 到 64 个字符。"
    elif not all(ch.isalnum() or ch in "._-" for ch in username):
        errors["username"] = "用户名只能包含字母、数字、汉字和 . _ -。"
    elif session.execute(select(User.id).where(User.username == username)).first():
        errors["username"] = render("username_taken", {"username": username})
    if not display_name.strip():
        errors["display_name"] = "请填写姓名。"
    return errors


def create_first_admin(
    session: Session, username: str, display_name: str, password: str, confirm: str
) -> UserInfo:
    """The first-start dialog: only while no administrator exists; no default password anywhere."""
    if admin_exists(session):
        raise DomainError("admin_exists")
    username = username.strip()
    errors = _check_new_user(session, username, display_name)
    problem = passwords.policy_error(password, username)
    if problem:
        errors["password"] = render(*problem)
    elif password != confirm:
        errors["confirm"] = render("password_mismatch")
    if errors:
        raise ValidationError(errors)
    user = User(
        username=username,
        display_name=display_name.strip(),
        password_hash=passwords.hash_password(password),
        roles=_roles_by_code(session, [ADMIN]),
        password_changed_at=utcnow(),
        updated_by=username,
    )
    session.add(user)
    session.flush()
    sync_login(session, user.id, user.username, password)
    audit.record(
        session,
        None,
        "create_first_admin",
        entity="app_user",
        entity_id=user.id,
        new=_snapshot(user),
        username=username,
    )
    return _info(user)


def temporary_password() -> str:
    """A one-time password shown once to the administrator; the user must change it at first login."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(14))


def create_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    roles: list[str],
    badge_no: str = "",
    phone: str = "",
    unit_id: int | None = None,
    password: str | None = None,
) -> tuple[UserInfo, str]:
    """Create a user with a temporary password (returned once) that must be changed at first login."""
    require(session, actor, USERS_MANAGE)
    username = username.strip()
    errors = _check_new_user(session, username, display_name)
    if errors:
        raise ValidationError(errors)
    password = password or temporary_password()
    passwords.check_policy(password, username)
    user = User(
        username=username,
        display_name=display_name.strip(),
        badge_no=badge_no or None,
        phone=phone or None,
        unit_id=unit_id,
        password_hash=passwords.hash_password(password),
        must_change_password=True,
        roles=_roles_by_code(session, roles),
        updated_by=actor.username,
    )
    session.add(user)
    session.flush()
    sync_login(session, user.id, user.username, password)
    audit.record(session, actor, "create", entity="app_user", entity_id=user.id, new=_snapshot(user))
    return _info(user), password


def _load(session: Session, user_id: int, version: int | None) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(entity="用户")
    if version is not None and user.version != version:
        raise ConflictError(
            entity="用户", by=user.updated_by or "", at=user.updated_at.strftime("%Y-%m-%d %H:%M")
        )
    return user


def _guard_last_admin(session: Session, user: User, *, losing_admin: bool) -> None:
    if losing_admin and ADMIN in {r.code for r in user.roles}:
        others = (
            select(func.count())
            .select_from(User)
            .join(user_role, user_role.c.user_id == User.id)
            .join(Role, Role.id == user_role.c.role_id)
            .where(Role.code == ADMIN, User.active.is_(True), User.id != user.id)
        )
        if session.execute(others).scalar_one() == 0:
            raise DomainError("last_admin")


def update_user(
    session: Session,
    actor: Actor,
    user_id: int,
    version: int,
    *,
    display_name: str,
    roles: list[str],
    badge_no: str = "",
    phone: str = "",
    unit_id: int | None = None,
    active: bool = True,
) -> UserInfo:
    require(session, actor, USERS_MANAGE)
    user = _load(session, user_id, version)
    old = _snapshot(user)
    new_roles = _roles_by_code(session, roles)
    _guard_last_admin(session, user, losing_admin=(ADMIN not in roles) or not active)
    if not display_name.strip():
        raise ValidationError({"display_name": "请填写姓名。"})
    user.display_name = display_name.strip()
    user.roles = new_roles
    user.badge_no = badge_no or None
    user.phone = phone or None
    user.unit_id = unit_id
    user.active = active
    user.updated_by = actor.username
    session.flush()
    sync_login(session, user.id, user.username)  # groups and LOGIN/NOLOGIN follow roles and "active"
    action = "permission_change" if old["roles"] != sorted(roles) else "update"
    audit.record(session, actor, action, entity="app_user", entity_id=user.id, old=old, new=_snapshot(user))
    return _info(user)


def reset_password(session: Session, actor: Actor, user_id: int) -> str:
    """A new temporary password, shown once; the user must change it at next login."""
    require(session, actor, USERS_MANAGE)
    user = _load(session, user_id, None)
    password = temporary_password()
    user.password_hash = passwords.hash_password(password)
    user.must_change_password = True
    user.updated_by = actor.username
    sync_login(session, user.id, user.username, password)
    audit.record(session, actor, "reset_password", entity="app_user", entity_id=user.id)
    return password


def unlock(session: Session, actor: Actor, user_id: int) -> UserInfo:
    require(session, actor, USERS_MANAGE)
    user = _load(session, user_id, None)
    user.locked_at = None
    user.updated_by = actor.username
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
    sync_login(session, user.id, user.username)
    audit.record(session, actor, "unlock", entity="app_user", entity_id=user.id)
    return _info(user)
