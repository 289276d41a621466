"""The permission check every service makes itself (hiding a button is not the check)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import PermissionDenied
from app.models.accounts import RolePermission, User, user_role
from app.models.permissions import PERMISSION_NAMES
from app.services.context import Actor


def permissions_of(session: Session, user_id: int) -> frozenset[str]:
    """The user's current permissions, read from the database (matrix changes apply at once)."""
    rows = session.execute(
        select(RolePermission.permission)
        .join(user_role, user_role.c.role_id == RolePermission.role_id)
        .join(User, User.id == user_role.c.user_id)
        .where(user_role.c.user_id == user_id, User.active.is_(True))
    ).scalars()
    return frozenset(rows)


def has(session: Session, actor: Actor, permission: str) -> bool:
    if "*" in actor.permissions and actor.user_id is None:
        return True
    if actor.user_id is None:
        return False
    return permission in permissions_of(session, actor.user_id)


def require(session: Session, actor: Actor, permission: str) -> None:
    """Raise :class:`PermissionDenied` (and audit the refusal) unless the actor holds ``permission``."""
    if has(session, actor, permission):
        return
    from app.services import audit

    audit.record_denied(session, actor, "permission", detail=permission)
    raise PermissionDenied(action=PERMISSION_NAMES.get(permission, permission), permission=permission)
