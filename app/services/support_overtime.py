"""Overtime (加班) converted to time off in lieu (调休): approved hours are credited, 调休 leave draws on them.

Balance = approved overtime hours - hours of 调休 leave that is pending, approved or taken (a request in
flight already holds its hours, so two requests cannot spend the same balance). A day of 调休 counts the
configured hours (``support.leave.hours_per_day``, 8 by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_leave import LEAVE_RETURNED, LEAVE_UNIT_APPROVED, SupportLeave, SupportOvertime
from app.models.support_permissions import OVERTIME
from app.services import business_settings
from app.services.context import Actor
from app.services.entity_spec import DATE, DECIMAL, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_access import require_covers, require_scope, unit_of
from app.services.support_approval import Flow, Stage, register_flow, sign_only
from app.services.support_common import (
    approver_fields,
    common_filters,
    date_between,
    fmt_day,
    name_of,
    own_base,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    status_field,
    unit_field,
    user_choices,
)

HOURS_PER_DAY_KEY = "support.leave.hours_per_day"
LIEU = "lieu"  # the leave kind 调休
STATUS_NAMES = {PENDING: "待审批", APPROVED: "已批准", REJECTED: "未批准", WITHDRAWN: "已撤回"}
HOLDING = (PENDING, LEAVE_UNIT_APPROVED, APPROVED, LEAVE_RETURNED)


def hours_per_day(session: Session) -> Decimal:
    value = business_settings.get(session, HOURS_PER_DAY_KEY, 8)
    try:
        return Decimal(str(value)) if Decimal(str(value)) > 0 else Decimal(8)
    except ArithmeticError:
        return Decimal(8)


@dataclass(frozen=True)
class Balance:
    user_id: int
    earned: Decimal  # approved overtime hours
    used: Decimal  # hours of 调休 held or taken
    pending_overtime: Decimal  # overtime hours waiting for approval (not yet usable)

    @property
    def available(self) -> Decimal:
        return self.earned - self.used


def lieu_days_taken(leave: SupportLeave) -> int:
    """Days of a leave actually counted: a 销假 before the end gives back the days not taken."""
    if leave.status == LEAVE_RETURNED and leave.returned_on is not None:
        return max(0, min((leave.returned_on - leave.start_date).days, leave.days))
    return leave.days


def balance_of(session: Session, user_id: int, *, exclude_leave: int | None = None) -> Balance:
    """The balance without a permission check (the callers have checked theirs)."""
    ot = SupportOvertime
    earned = session.execute(
        select(func.coalesce(func.sum(ot.hours), 0)).where(ot.user_id == user_id, ot.status == APPROVED)
    ).scalar_one()
    waiting = session.execute(
        select(func.coalesce(func.sum(ot.hours), 0)).where(ot.user_id == user_id, ot.status == PENDING)
    ).scalar_one()
    stmt = select(SupportLeave).where(
        SupportLeave.user_id == user_id, SupportLeave.kind == LIEU, SupportLeave.status.in_(HOLDING)
    )
    if exclude_leave is not None:
        stmt = stmt.where(SupportLeave.id != exclude_leave)
    days = sum(lieu_days_taken(leave) for leave in session.execute(stmt).scalars())
    return Balance(user_id, Decimal(earned), hours_per_day(session) * days, Decimal(waiting))


def balance(session: Session, actor: Actor, user_id: int | None = None) -> Balance:
    """An officer's time-off balance: one's own with ``view_own``, others inside one's scope."""
    found = require_scope(session, actor, OVERTIME)
    uid = user_id if user_id is not None else actor.user_id
    if uid is None:
        raise DomainError("support_invalid", detail="请指定民警。")
    require_covers(session, actor, found, uid, unit_of(session, uid))
    return balance_of(session, uid)


def _rules(session: Session, values: dict[str, Any]) -> dict[str, str]:
    hours = values.get("hours")
    if hours is not None and not 0 < hours <= 24:
        return {"hours": "加班时长应大于 0 且不超过 24 小时"}
    return {}


def _fields() -> tuple[Field, ...]:
    return (
        person_field(),
        unit_field(),
        Field("work_date", "加班日期", DATE, required=True, sortable=True, width=100),
        Field("hours", "加班时长（小时）", DECIMAL, required=True, width=100, example="4"),
        Field("reason", "加班事由", MULTILINE, required=True, max_length=500, width=240),
        status_field(STATUS_NAMES),
        *approver_fields(),
    )


_WRITER = owned_writer(OVERTIME, "加班记录", state_names=STATUS_NAMES)
_FILTERS = (
    *common_filters(SupportOvertime, STATUS_NAMES),
    Filter("work_date", "加班日期", "date_range", date_between(SupportOvertime.work_date)),
)

OVERTIME_SPEC = register(
    EntitySpec(
        key="support_overtime",
        title="加班记录",
        model=SupportOvertime,
        fields=_fields(),
        permissions=permissions_for(OVERTIME),
        label_field="reason",
        default_sort=("id", True),
        search=search_person(SupportOvertime),
        search_hint="民警姓名",
        filters=_FILTERS,
        base_query=scoped_base(SupportOvertime, OVERTIME),
        check=_rules,
        before_write=_WRITER,
    )
)

MY_OVERTIME_SPEC = register(
    EntitySpec(
        key="support_my_overtime",
        title="我的加班",
        model=SupportOvertime,
        fields=tuple(f for f in _fields() if f.name not in ("user_id", "unit_id")),
        permissions=permissions_for(OVERTIME),
        label_field="reason",
        default_sort=("id", True),
        filters=_FILTERS[:1],
        base_query=own_base(SupportOvertime, OVERTIME),
        check=_rules,
        before_write=_WRITER,
    )
)


def _summary(session: Session, obj: Any) -> str:
    return f"{fmt_day(obj.work_date)}加班 {obj.hours} 小时：{obj.reason[:30]}"


def _details(session: Session, obj: Any) -> list[tuple[str, str]]:
    b = balance_of(session, obj.user_id)
    return [
        ("申请人", name_of(session, obj.user_id)),
        ("加班日期", obj.work_date.isoformat()),
        ("加班时长", f"{obj.hours} 小时"),
        ("加班事由", obj.reason),
        ("当前可调休余额", f"{b.available} 小时"),
    ]


register_flow(
    Flow(
        key="overtime",
        function=OVERTIME,
        model=SupportOvertime,
        title="加班转调休",
        stages=(Stage(PENDING, "审批加班转调休"),),
        decide=sign_only,
        summary=_summary,
        details=_details,
        status_names=STATUS_NAMES,
    )
)

__all__ = ["MY_OVERTIME_SPEC", "OVERTIME_SPEC", "Balance", "balance", "balance_of", "user_choices"]
