"""Choice lists and filters the keyperson declarations share (categories, officers, stations, levels...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.models.accounts import RolePermission, User, user_role
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    KP_OVERRIDE,
    KP_VISIT,
    LEVEL_NAMES,
    LEVELS,
    STATUS_NAMES,
    STATUSES,
)
from app.models.keyperson_person import KeyPerson, KpCategory
from app.models.org import Unit
from app.services.keyperson_config import load

LEVEL_CHOICES = tuple((code, LEVEL_NAMES[code]) for code in LEVELS)
STATUS_CHOICES = tuple((code, STATUS_NAMES[code]) for code in STATUSES)
GRADE_CHOICES = tuple((g, f"{g} 级") for g in range(6))


def category_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(KpCategory.code, KpCategory.name)
        .where(KpCategory.active.is_(True))
        .order_by(KpCategory.sort_order, KpCategory.id)
    )
    return [(c, n) for c, n in rows]


def all_category_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(select(KpCategory.code, KpCategory.name).order_by(KpCategory.sort_order))
    return [(c, n) for c, n in rows]


def _users_with(session: Session, permission: str) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(User.id, User.display_name)
        .join(user_role, user_role.c.user_id == User.id)
        .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
        .where(User.active.is_(True), RolePermission.permission == permission)
        .distinct()
        .order_by(User.id)
    )
    return [(i, n) for i, n in rows]


def officer_choices(session: Session) -> list[tuple[Any, str]]:
    """Officers who may record visits: whom a person can be given to."""
    return _users_with(session, KP_VISIT)


def supervisor_choices(session: Session) -> list[tuple[Any, str]]:
    return _users_with(session, KP_OVERRIDE)


def user_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.id))
    return [(i, n) for i, n in rows]


def station_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Unit.id, Unit.name).where(Unit.kind == "station").order_by(Unit.sort_order, Unit.id)
    )
    return [(i, n) for i, n in rows]


def default_station(session: Session, officer_id: Any, town_code: Any) -> int | None:
    """The station a person belongs to when the form or spreadsheet names none: the responsible officer's
    station, else the station of the person's township. Every supervised person then has a station (lists
    filter by it, and on PostgreSQL row-level security shows a station its own persons only)."""
    cache = session.info.setdefault("kp_station_cache", {})
    key = (officer_id, town_code)
    if key not in cache:
        found = None
        if officer_id is not None:
            found = session.execute(
                select(Unit.id)
                .join(User, User.unit_id == Unit.id)
                .where(User.id == officer_id, Unit.kind == "station")
            ).scalar()
        if found is None and town_code:
            found = session.execute(
                select(Unit.id)
                .where(Unit.kind == "station", Unit.town_code == town_code)
                .order_by(Unit.sort_order, Unit.id)
                .limit(1)
            ).scalar()
        cache[key] = found
    return cache[key]  # type: ignore[no-any-return]


def keeper_role_choices(session: Session) -> list[tuple[Any, str]]:
    return [(r.code, r.name) for r in load(session).keeper_roles]


# keepers_missing -> the flag every list shows: 齐全, or ⚠ 缺 n 人.
KEEPER_FLAG_CHOICES = tuple((n, "齐全" if n == 0 else f"⚠ 缺{n}人") for n in range(0, 13))


def mine(actor_id: int | None) -> Callable[[Select[Any]], Select[Any]]:
    """Persons the user answers for: responsible officer or leader, or one of the keepers."""

    def apply(stmt: Select[Any]) -> Select[Any]:
        keeper_of = select(KpKeeper.person_id).where(KpKeeper.user_id == actor_id)
        return stmt.where(
            (KeyPerson.officer_id == actor_id)
            | (KeyPerson.supervisor_id == actor_id)
            | KeyPerson.id.in_(keeper_of)
        )

    return apply
