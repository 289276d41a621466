"""Who the platform's people are: officers (may receive orders), unit leaders, and pickers for the forms.

An *officer* is an active user whose roles grant ``dispatch.receive``; a *unit leader* is an active user of
the unit whose roles grant ``dispatch.lead`` (by default the 所长/审批领导 role). Both follow the role matrix
in the database, so an administrator decides who they are without a release.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, select, text
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import RolePermission, User, user_role
from app.models.dispatch_permissions import DISPATCH_LEAD, DISPATCH_RECEIVE
from app.models.org import Unit
from app.services import dispatch_errors as _errors  # noqa: F401 - registers the messages
from app.services.context import Actor

NUMBER_LOCK_BASE = 7_240_960_000  # PostgreSQL advisory lock ids for yearly serial numbers


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    badge_no: str
    unit_id: int | None
    unit_name: str


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    kind: str


def holders_of(permission: str) -> Select[Any]:
    """SELECT of the ids of active users whose roles grant ``permission``."""
    return (
        select(User.id)
        .join(user_role, user_role.c.user_id == User.id)
        .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
        .where(User.active.is_(True), RolePermission.permission == permission)
        .distinct()
    )


def officers_query() -> Select[Any]:
    """Officers with their unit, ordered as lists and the board show them (unit order, then name)."""
    ids = holders_of(DISPATCH_RECEIVE).subquery()
    stmt: Select[Any] = (
        select(User.id, User.display_name, User.badge_no, User.unit_id, Unit.name.label("unit_name"))  # type: ignore[assignment]
        .join(ids, ids.c.id == User.id)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .order_by(Unit.sort_order, Unit.name, User.display_name, User.id)
    )
    return stmt


def officers(session: Session, *, unit_ids: Iterable[int] | None = None, text: str = "") -> list[Person]:
    stmt = officers_query()
    if unit_ids is not None:
        stmt = stmt.where(User.unit_id.in_(list(unit_ids)))
    if text.strip():
        like = f"%{text.strip()}%"
        stmt = stmt.where(User.display_name.like(like) | User.badge_no.like(like) | User.username.like(like))
    return [
        Person(r.id, r.display_name, r.badge_no or "", r.unit_id, r.unit_name or "")
        for r in session.execute(stmt)
    ]


def units(session: Session) -> list[UnitInfo]:
    rows = session.execute(select(Unit.id, Unit.name, Unit.kind).order_by(Unit.sort_order, Unit.name))
    return [UnitInfo(r.id, r.name, r.kind) for r in rows]


def leaders_by_unit(session: Session, unit_ids: Iterable[int]) -> dict[int, list[int]]:
    """Unit id -> its leaders' user ids (units without a leader are missing)."""
    wanted = sorted(set(unit_ids))
    if not wanted:
        return {}
    lead = holders_of(DISPATCH_LEAD).subquery()
    rows = session.execute(
        select(User.unit_id, User.id)
        .join(lead, lead.c.id == User.id)
        .where(User.unit_id.in_(wanted))
        .order_by(User.id)
    )
    out: dict[int, list[int]] = {}
    for unit_id, user_id in rows:
        out.setdefault(int(unit_id or 0), []).append(int(user_id))
    return out


def names_of(session: Session, user_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    return {
        r.id: r.display_name
        for r in session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    }


def is_officer(session: Session, user_id: int) -> bool:
    stmt = holders_of(DISPATCH_RECEIVE).where(User.id == user_id)
    return session.execute(stmt).first() is not None


def require_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise DomainError("not_found", entity="民警")
    return user


def actor_name(actor: Actor) -> str:
    return (actor.display_name or actor.username or "系统")[:64]


def next_number(session: Session, model: Any, prefix: str, now: datetime) -> str:
    """The next yearly serial number such as ``JL-2026-0007`` (unique column: a clash fails the save)."""
    head = f"{prefix}-{now.astimezone().year}-"
    if session.get_bind().dialect.name == "postgresql":  # SQLite writers are serialised by BEGIN IMMEDIATE
        session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"),
            {"k": NUMBER_LOCK_BASE + zlib.crc32(head.encode()) % 1000},
        )
    last = session.execute(
        select(model.number)
        .where(and_(model.number >= head, model.number < head + "\uffff"))
        .order_by(model.number.desc())
        .limit(1)
    ).scalar()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{head}{seq:04d}"
