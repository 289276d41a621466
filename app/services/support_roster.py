"""Duty rosters (值班排班): one shift per officer per day, arranged inside one's scope. An officer on approved
leave that day cannot be rostered; a rest day (轮休) appears on the dispatch duty board as away."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.support_leave import SupportLeave
from app.models.support_permissions import ROSTER
from app.models.support_roster import (
    SHIFT_DAY,
    SHIFT_FULL,
    SHIFT_NIGHT,
    SHIFT_REST,
    SHIFT_STANDBY,
    SupportRoster,
)
from app.services import support_duty_feed
from app.services.entity_spec import CHOICE, DATE, EntitySpec, Field, Filter, register
from app.services.support_common import (
    choices,
    common_filters,
    date_between,
    eq,
    fmt_day,
    name_of,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    unit_field,
)
from app.services.support_leave import AWAY, KINDS, STATUS_NAMES, effective_end

SHIFTS = {
    SHIFT_DAY: "白班（8:00-18:00）",
    SHIFT_NIGHT: "夜班（18:00-次日8:00）",
    SHIFT_FULL: "24小时值班",
    SHIFT_STANDBY: "备勤",
    SHIFT_REST: "轮休",
}


def on_leave(session: Session, user_id: int, day: Any) -> SupportLeave | None:
    stmt = select(SupportLeave).where(
        SupportLeave.user_id == user_id,
        SupportLeave.status.in_(AWAY),
        SupportLeave.start_date <= day,
        SupportLeave.end_date >= day,
    )
    for leave in session.execute(stmt).scalars():
        if effective_end(leave) >= day:
            return leave
    return None


def _check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    if action == "delete":
        return
    day, uid = values.get("duty_date"), values.get("user_id")
    if day is None or uid is None:
        return
    leave = on_leave(session, uid, day)
    if leave is not None:
        raise DomainError(
            "support_roster_on_leave",
            name=name_of(session, uid),
            day=fmt_day(day),
            kind=KINDS.get(leave.kind, leave.kind),
            state=STATUS_NAMES.get(leave.status, leave.status),
        )
    stmt = select(SupportRoster.id).where(SupportRoster.user_id == uid, SupportRoster.duty_date == day)
    if stored is not None:
        stmt = stmt.where(SupportRoster.id != stored["id"])
    if session.execute(stmt).first() is not None:
        raise DomainError(
            "support_invalid", detail=f"{name_of(session, uid)}在 {fmt_day(day)} 已有排班，请修改原记录。"
        )


def _feed(session: Session, actor: Any, action: str, ident: int, values: Any) -> None:
    """Keep the duty board's absence in step with the entry (see support_duty_feed)."""
    if action != "delete" and values.get("shift") == SHIFT_REST:
        support_duty_feed.rest_day(session, actor, ident, values["user_id"], values["duty_date"])
    else:
        support_duty_feed.not_rest(session, actor, ident)


ROSTER_SPEC = register(
    EntitySpec(
        key="support_roster",
        title="值班排班",
        model=SupportRoster,
        fields=(
            Field("duty_date", "日期", DATE, required=True, sortable=True, width=100),
            person_field("值班民警"),
            unit_field(),
            Field("shift", "班次", CHOICE, required=True, choices=choices(SHIFTS), width=150),
            Field("post", "岗位", max_length=64, width=120, placeholder="如：值班室、110接处警、巡逻"),
            Field("note", "备注", max_length=200, width=160),
        ),
        permissions=permissions_for(ROSTER, delete=True),
        label_field="post",
        default_sort=("duty_date", True),
        search=search_person(SupportRoster),
        search_hint="民警姓名",
        filters=(
            *common_filters(SupportRoster),
            Filter("shift", "班次", "choice", eq(SupportRoster.shift), choices(SHIFTS)),
            Filter("duty_date", "日期", "date_range", date_between(SupportRoster.duty_date)),
        ),
        base_query=scoped_base(SupportRoster, ROSTER),
        before_write=owned_writer(ROSTER, "排班", workflow=(), open_states=None, check=_check),
        after_write=_feed,
    )
)

__all__ = ["ROSTER_SPEC", "SHIFTS", "on_leave"]
