"""The administrator's matrix: for each role, which support functions it may use and how (view own, view unit,
view all, create, approve, export). Cells are ``role_permission`` rows; saving one role's row of cells is one
audited transaction that checks the role's version, so two administrators never overwrite each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound
from app.models.accounts import Role, RolePermission
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.permissions import USERS_MANAGE
from app.models.support_permissions import ACTIONS, ALL_CODES, FUNCTIONS, applicable, code
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require


@dataclass(frozen=True)
class RoleRow:
    id: int
    code: str
    name: str
    version: int
    granted: frozenset[str]  # the support codes this role holds


@dataclass(frozen=True)
class Matrix:
    functions: tuple[tuple[str, str], ...]
    actions: tuple[tuple[str, str], ...]
    roles: tuple[RoleRow, ...]

    def cell(self, role_code: str, function: str, action: str) -> bool | None:
        """True/False for a cell, None where the cell does not exist (审批 of a function without approval)."""
        if not applicable(function, action):
            return None
        role = next(r for r in self.roles if r.code == role_code)
        return code(function, action) in role.granted


def matrix(session: Session, actor: Actor) -> Matrix:
    require(session, actor, USERS_MANAGE)
    known = set(ALL_CODES)
    rows = []
    for role in session.execute(select(Role).order_by(Role.id)).scalars():
        granted = frozenset(p.permission for p in role.permissions if p.permission in known)
        rows.append(RoleRow(role.id, role.code, role.name, role.version, granted))
    return Matrix(FUNCTIONS, ACTIONS, tuple(rows))


def save_role(
    session: Session, actor: Actor, role_code: str, cells: Mapping[str, bool], version: int
) -> RoleRow:
    """Set the given cells of one role (permission code -> granted); others stay as they are."""
    require(session, actor, USERS_MANAGE)
    role = session.execute(select(Role).where(Role.code == role_code)).scalar_one_or_none()
    if role is None:
        raise NotFound(entity="角色", id=role_code)
    if role.version != version:
        raise ConflictError(entity=f"角色“{role.name}”的权限", by=role.updated_by or "其他管理员", at="刚才")
    unknown = sorted(set(cells) - set(ALL_CODES))
    if unknown:
        raise DomainError("support_invalid", detail=f"未知的权限：{'、'.join(unknown)}")
    have = {p.permission for p in role.permissions}
    add = sorted(c for c, on in cells.items() if on and c not in have)
    remove = sorted(c for c, on in cells.items() if not on and c in have)
    if not add and not remove:
        return _row(role)
    rp = cast(Table, RolePermission.__table__)
    if remove:
        session.execute(delete(rp).where(rp.c.role_id == role.id, rp.c.permission.in_(remove)))
    if add:
        session.execute(insert(rp), [{"role_id": role.id, "permission": c} for c in add])
    role.updated_by = actor.username
    role.updated_at = utcnow()  # bumps the version: the other editor's save is refused
    session.flush()
    session.expire(role, ["permissions"])
    mark_changed(session, "role_permission")
    audit.record(
        session,
        actor,
        "permissions",
        entity="role",
        entity_id=role.code,
        old={"removed": remove},
        new={"added": add},
        detail=f"修改角色“{role.name}”的警务保障权限：增加 {len(add)} 项，取消 {len(remove)} 项",
    )
    return _row(role)


def _row(role: Role) -> RoleRow:
    known = set(ALL_CODES)
    return RoleRow(
        role.id,
        role.code,
        role.name,
        role.version,
        frozenset(p.permission for p in role.permissions if p.permission in known),
    )
