"""Pieces every 警务保障 declaration shares: people and unit choices, the scoped list query, the rules a personal
record follows when written through the generic screens, and local days.

A personal record is written for oneself by default; for someone else only inside one's scope (the unit's
officers with ``view_unit``, anyone with ``view_all``). Workflow fields (status, approver, opinion) are never
taken from a form: a new record starts pending and an edit keeps what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.accounts import User
from app.models.org import Unit
from app.models.permissions import TAB_SUPPORT
from app.models.support_base import PENDING
from app.models.support_permissions import CREATE, EXPORT, code
from app.services.context import Actor
from app.services.entity_service import contains_match
from app.services.entity_spec import CHOICE, Field, Filter
from app.services.sms_text import LOCAL_TZ
from app.services.support_access import require_covers, require_scope, restrict, unit_of

Writer = Callable[[Session, Any, str, dict[str, Any], Mapping[str, Any] | None], None]
Check = Callable[[Session, Actor, str, dict[str, Any], Mapping[str, Any] | None], None]


def local_today(now: datetime | None = None) -> date:
    return (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in Langao, as an aware datetime."""
    return datetime.combine(day, time.min, LOCAL_TZ)


def day_span(start: date, end: date) -> tuple[datetime, datetime]:
    """Whole local days ``start`` to ``end`` inclusive, as [from, to)."""
    return local_midnight(start), local_midnight(end + timedelta(days=1))


def fmt_day(day: date | None) -> str:
    return "" if day is None else f"{day.month}月{day.day}日"


# --- choices ----------------------------------------------------------------------------------------------


def user_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(select(User.id, User.display_name).order_by(User.display_name, User.id))
    return [(r.id, r.display_name) for r in rows]


def unit_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.name))
    return [(r.id, r.name) for r in rows]


def name_of(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.execute(select(User.display_name).where(User.id == user_id)).scalar() or str(user_id)


def choices(mapping: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(mapping.items())


# --- declarations -----------------------------------------------------------------------------------------


def permissions_for(
    function: str, *, edit: bool = True, delete: bool = False, import_: bool = False
) -> dict[str, str]:
    """Generic actions mapped to the matrix: reading is bounded by the scope (see :func:`scoped_base`)."""
    perms = {
        "view": TAB_SUPPORT,
        "create": code(function, CREATE),
        "export": code(function, EXPORT),
        "print": code(function, EXPORT),
    }
    if edit:
        perms["edit"] = code(function, CREATE)
    if delete:
        perms["delete"] = code(function, CREATE)
    if import_:
        perms["import"] = code(function, CREATE)
    return perms


def scoped_base(
    model: type, function: str, owner: str | None = "user_id", unit: str | None = "unit_id"
) -> Callable[[Session, Any], Select[Any]]:
    """The list query of ``model`` narrowed to the actor's scope in ``function`` (refused without one)."""
    owner_col = getattr(model, owner) if owner else None
    unit_col = getattr(model, unit) if unit else None

    def base(session: Session, actor: Any) -> Select[Any]:
        found = require_scope(session, actor, function)
        return restrict(select(model), found, owner_col, unit_col)

    return base


def own_base(model: type, function: str, owner: str = "user_id") -> Callable[[Session, Any], Select[Any]]:
    """Only the actor's own records (self-service), still requiring at least ``view_own``."""
    owner_col = getattr(model, owner)

    def base(session: Session, actor: Any) -> Select[Any]:
        require_scope(session, actor, function)
        return select(model).where(owner_col == actor.user_id)

    return base


def search_person(model: type, owner: str = "user_id") -> Callable[[Select[Any], str], Select[Any]]:
    col = getattr(model, owner)

    def apply(stmt: Select[Any], text: str) -> Select[Any]:
        people = select(User.id).where(contains_match(User.display_name, text.strip()))
        return stmt.where(col.in_(people))

    return apply


def eq(column: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    return lambda stmt, value: stmt.where(column == value)


def date_between(column: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    def apply(stmt: Select[Any], value: Any) -> Select[Any]:
        start, end = value
        if start is not None:
            stmt = stmt.where(column >= start)
        if end is not None:
            stmt = stmt.where(column <= end)
        return stmt

    return apply


def person_field(label: str = "民警", *, in_list: bool = True) -> Field:
    return Field(
        "user_id",
        label,
        CHOICE,
        choices=user_choices,
        editable=False,
        in_list=in_list,
        width=80,
        placeholder="默认本人",
    )


def unit_field() -> Field:
    return Field("unit_id", "单位", CHOICE, choices=unit_choices, in_form=False, width=110)


def status_field(names: Mapping[str, str], width: int = 90) -> Field:
    return Field("status", "状态", CHOICE, choices=choices(names), in_form=False, width=width)


def approver_fields() -> tuple[Field, ...]:
    return (
        Field("approver_id", "审批人", CHOICE, choices=user_choices, in_form=False, width=80),
        Field("opinion", "审批意见", in_form=False, width=160),
    )


def common_filters(model: type, statuses: Mapping[str, str] | None = None) -> tuple[Filter, ...]:
    out = [Filter("unit", "单位", "choice", eq(model.unit_id), unit_choices)]  # type: ignore[attr-defined]
    if statuses:
        out.insert(0, Filter("status", "状态", "choice", eq(model.status), choices(statuses)))  # type: ignore[attr-defined]
    return tuple(out)


# --- writing personal records -----------------------------------------------------------------------------


def owned_writer(
    function: str,
    entity: str,
    *,
    workflow: Iterable[str] = ("status", "approver_id", "approved_at", "opinion"),
    open_states: Iterable[str] | None = (PENDING,),
    state_names: Mapping[str, str] | None = None,
    check: Check | None = None,
) -> Writer:
    """``before_write`` for a personal record of ``function`` (see the module doc).

    ``open_states``: the states in which the record may still be edited or deleted (None: always).
    ``check``: the function's own rules, after the owner and unit are settled.
    """
    wf = tuple(workflow)
    open_set = None if open_states is None else frozenset(open_states)

    def before(
        session: Session, actor: Any, action: str, values: dict[str, Any], stored: Mapping[str, Any] | None
    ) -> None:
        found = require_scope(session, actor, function)
        if action == "create":
            uid = values.get("user_id") or actor.user_id
            if uid is None:
                raise ValidationError({"user_id": "请选择民警"})
            unit = unit_of(session, uid)
            require_covers(session, actor, found, uid, unit)
            values["user_id"], values["unit_id"] = uid, unit
            for name in wf:
                if name in values:
                    values[name] = PENDING if name == "status" else (None if name != "opinion" else "")
        else:
            assert stored is not None
            state = stored.get("status")
            if open_set is not None and state not in open_set:
                shown = (state_names or {}).get(str(state), str(state))
                raise DomainError("support_locked", entity=entity, state=shown)
            for name in wf:
                if name in values and name in stored:
                    values[name] = stored[name]
        if check is not None:
            check(session, actor, action, values, stored)

    return before
