"""Leave (请销假): requested by the officer, approved by the unit leader and, above a configurable number of
days, by the bureau (局领导); approved leave is away on the duty board; the return is registered as 销假.

Rules held here: no two active leaves of one officer overlap; 调休 needs enough time-off balance; nobody
approves their own leave, and the bureau's signature is someone else than the unit leader's (also CHECK
constraints in ``support_leave``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.permissions import SETTINGS_MANAGE
from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_leave import LEAVE_RETURNED, LEAVE_UNIT_APPROVED, SupportLeave
from app.models.support_permissions import APPROVE, LEAVE
from app.services import audit, business_settings, support_duty_feed
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATE, INT, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_approval import Flow, Stage, acting_for, load, register_flow, sign
from app.services.support_common import (
    approver_fields,
    choices,
    common_filters,
    date_between,
    eq,
    fmt_day,
    local_today,
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
from app.services.support_overtime import LIEU, balance_of, hours_per_day

BUREAU_DAYS_KEY = "support.leave.bureau_days"
DEFAULT_BUREAU_DAYS = 3

KINDS = {
    "annual": "年休假",
    "personal": "事假",
    "sick": "病假",
    "marriage": "婚假",
    "maternity": "产假/陪产假",
    "family": "探亲假",
    "bereavement": "丧假",
    LIEU: "调休",
}
STATUS_NAMES = {
    PENDING: "待审批",
    LEAVE_UNIT_APPROVED: "待局领导审批",
    APPROVED: "已批准",
    REJECTED: "未批准",
    WITHDRAWN: "已撤回",
    LEAVE_RETURNED: "已销假",
}
ACTIVE = (PENDING, LEAVE_UNIT_APPROVED, APPROVED, LEAVE_RETURNED)
AWAY = (APPROVED, LEAVE_RETURNED)  # approved leave: the officer is (or was) away


def bureau_days(session: Session) -> int:
    """Leave of more than this many days needs the bureau after the unit leader."""
    value = business_settings.get(session, BUREAU_DAYS_KEY, DEFAULT_BUREAU_DAYS)
    return int(value) if isinstance(value, int) and value >= 0 else DEFAULT_BUREAU_DAYS


def set_bureau_days(session: Session, actor: Actor, days: int, *, expected_version: int | None = None) -> int:
    if not isinstance(days, int) or not 0 <= days <= 365:
        raise DomainError("support_invalid", detail="天数应为 0 到 365 之间的整数。")
    business_settings.set(
        session, actor, BUREAU_DAYS_KEY, days, expected_version=expected_version, permission=SETTINGS_MANAGE
    )
    return days


def effective_end(leave: SupportLeave) -> date:
    """The last day away: the planned end, or the day before the return (销假)."""
    if leave.status == LEAVE_RETURNED and leave.returned_on is not None:
        return min(leave.end_date, date.fromordinal(leave.returned_on.toordinal() - 1))
    return leave.end_date


def overlapping(
    session: Session,
    user_id: int,
    start: date,
    end: date,
    *,
    statuses: tuple[str, ...] = ACTIVE,
    exclude: int | None = None,
) -> SupportLeave | None:
    """The first leave of the officer in ``statuses`` that covers a day of ``start``..``end``."""
    stmt = select(SupportLeave).where(
        SupportLeave.user_id == user_id,
        SupportLeave.status.in_(statuses),
        SupportLeave.start_date <= end,
        SupportLeave.end_date >= start,
    )
    if exclude is not None:
        stmt = stmt.where(SupportLeave.id != exclude)
    for leave in session.execute(stmt.order_by(SupportLeave.start_date)).scalars():
        if effective_end(leave) >= start and leave.start_date <= end:
            return leave
    return None


def _check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    if action == "delete":
        return
    start, end = values.get("start_date"), values.get("end_date")
    if start is None or end is None:
        return
    if end < start:
        raise ValidationError({"end_date": "结束日期不能早于开始日期"})
    days = (end - start).days + 1
    values["days"] = days
    values["needs_bureau"] = days > bureau_days(session)
    uid = values["user_id"]
    ident = stored.get("id") if stored else None
    clash = overlapping(session, uid, start, end, exclude=ident)
    if clash is not None:
        raise DomainError(
            "support_leave_overlap",
            name=name_of(session, uid),
            start=fmt_day(clash.start_date),
            end=fmt_day(effective_end(clash)),
            kind=KINDS.get(clash.kind, clash.kind),
            state=STATUS_NAMES.get(clash.status, clash.status),
        )
    if values.get("kind") == LIEU:
        have = balance_of(session, uid, exclude_leave=ident)
        need = hours_per_day(session) * days
        if need > have.available:
            raise DomainError(
                "support_leave_balance",
                days=days,
                need=need,
                balance=have.available,
                name=name_of(session, uid),
            )


def _fields(with_person: bool = True) -> tuple[Field, ...]:
    person = (person_field("请假人"), unit_field()) if with_person else ()
    return (
        *person,
        Field("kind", "请假类别", CHOICE, required=True, choices=choices(KINDS), width=80),
        Field("start_date", "开始日期", DATE, required=True, sortable=True, width=100),
        Field("end_date", "结束日期", DATE, required=True, width=100),
        Field("days", "天数", INT, in_form=False, width=50),
        Field("destination", "去向", max_length=100, width=120),
        Field("reason", "事由", MULTILINE, required=True, max_length=500, width=200),
        status_field(STATUS_NAMES, 100),
        *approver_fields(),
        Field("bureau_approver_id", "局领导", CHOICE, choices=user_choices, in_form=False, width=80),
        Field("returned_on", "销假日期", DATE, in_form=False, width=100),
    )


_WRITER = owned_writer(
    LEAVE,
    "请假",
    workflow=("status", "approver_id", "opinion", "bureau_approver_id", "returned_on"),
    state_names=STATUS_NAMES,
    check=_check,
)
_FILTERS = (
    *common_filters(SupportLeave, STATUS_NAMES),
    Filter("kind", "类别", "choice", eq(SupportLeave.kind), choices(KINDS)),
    Filter("start_date", "开始日期", "date_range", date_between(SupportLeave.start_date)),
)

LEAVE_SPEC = register(
    EntitySpec(
        key="support_leave",
        title="请销假",
        model=SupportLeave,
        fields=_fields(),
        permissions=permissions_for(LEAVE),
        label_field="reason",
        default_sort=("id", True),
        search=search_person(SupportLeave),
        search_hint="请假人姓名",
        filters=_FILTERS,
        base_query=scoped_base(SupportLeave, LEAVE),
        before_write=_WRITER,
    )
)

MY_LEAVE_SPEC = register(
    EntitySpec(
        key="support_my_leave",
        title="我的请假",
        model=SupportLeave,
        fields=_fields(with_person=False),
        permissions=permissions_for(LEAVE),
        label_field="reason",
        default_sort=("id", True),
        filters=(_FILTERS[0], _FILTERS[2]),
        base_query=own_base(SupportLeave, LEAVE),
        before_write=_WRITER,
    )
)


# --- the approval flow --------------------------------------------------------------------------------------

UNIT_STAGE = Stage(PENDING, "审批请假")
BUREAU_STAGE = Stage(LEAVE_UNIT_APPROVED, "局领导审批", needs_all=True)


def _reason(obj: SupportLeave) -> str:
    return f"{KINDS.get(obj.kind, obj.kind)}（请假）"


def _approved(session: Session, actor: Actor, obj: SupportLeave) -> None:
    obj.status = APPROVED
    session.flush()
    support_duty_feed.leave_approved(
        session, actor, obj.id, obj.user_id, obj.start_date, obj.end_date, _reason(obj)
    )


def _decide(
    session: Session,
    actor: Actor,
    obj: Any,
    stage: Stage,
    approve: bool,
    opinion: str,
    now: datetime,
    extra: Mapping[str, Any],
) -> str:
    if stage is UNIT_STAGE or stage.status == PENDING:
        sign(obj, actor, approve, opinion, now, approved_status=LEAVE_UNIT_APPROVED)
        if approve and not obj.needs_bureau:
            _approved(session, actor, obj)
    else:
        obj.bureau_approver_id = actor.user_id
        obj.bureau_at = now
        obj.bureau_opinion = (opinion or "").strip()[:500]
        obj.updated_by = actor.username
        if approve:
            _approved(session, actor, obj)
        else:
            obj.status = REJECTED
    return str(obj.status)


def _may_decide(session: Session, actor: Actor, obj: Any, stage: Stage) -> None:
    if stage.status == LEAVE_UNIT_APPROVED and obj.approver_id == actor.user_id:
        raise DomainError("support_bureau_same")


def _summary(session: Session, obj: Any) -> str:
    kind = KINDS.get(obj.kind, obj.kind)
    return f"{kind} {fmt_day(obj.start_date)}至{fmt_day(obj.end_date)}，共{obj.days}天"


def _details(session: Session, obj: Any) -> list[tuple[str, str]]:
    lines = [
        ("请假人", name_of(session, obj.user_id)),
        ("请假类别", KINDS.get(obj.kind, obj.kind)),
        ("起止日期", f"{obj.start_date.isoformat()} 至 {obj.end_date.isoformat()}"),
        ("天数", f"{obj.days} 天" + ("（超过规定天数，须局领导审批）" if obj.needs_bureau else "")),
        ("去向", obj.destination or "—"),
        ("事由", obj.reason),
    ]
    if obj.approver_id is not None:
        lines.append(("单位意见", f"{name_of(session, obj.approver_id)}：{obj.opinion or '同意'}"))
    if obj.bureau_approver_id is not None:
        lines.append(
            ("局领导意见", f"{name_of(session, obj.bureau_approver_id)}：{obj.bureau_opinion or '同意'}")
        )
    if obj.kind == LIEU:
        lines.append(
            ("可调休余额", f"{balance_of(session, obj.user_id, exclude_leave=obj.id).available} 小时")
        )
    return lines


LEAVE_FLOW = register_flow(
    Flow(
        key="leave",
        function=LEAVE,
        model=SupportLeave,
        title="请假",
        stages=(UNIT_STAGE, BUREAU_STAGE),
        decide=_decide,
        summary=_summary,
        details=_details,
        status_names=STATUS_NAMES,
        may_decide=_may_decide,
        withdrawable=(PENDING, LEAVE_UNIT_APPROVED),
    )
)


# --- withdrawal and 销假 ----------------------------------------------------------------------------------


def register_return(
    session: Session,
    actor: Actor,
    ident: int,
    version: int,
    returned_on: date,
    *,
    now: datetime | None = None,
) -> frozenset[str]:
    """销假: the officer is back at work on ``returned_on``; the duty board's absence ends that morning."""
    obj = load(session, SupportLeave, ident, version, "请假")
    acting_for(session, actor, LEAVE_FLOW, obj, APPROVE)
    if obj.status != APPROVED:
        raise DomainError("invalid_state", state=STATUS_NAMES.get(obj.status, obj.status), action="销假")
    today = local_today(now)
    if returned_on < obj.start_date or returned_on > today:
        raise DomainError("support_return_date", start=obj.start_date.isoformat(), today=today.isoformat())
    obj.status = LEAVE_RETURNED
    obj.returned_on = returned_on
    obj.returned_by_id = actor.user_id
    obj.updated_by = actor.username
    session.flush()
    support_duty_feed.leave_returned(session, actor, obj.id, returned_on)
    audit.record(
        session,
        actor,
        "leave_return",
        entity="support_leave",
        entity_id=ident,
        old={"status": APPROVED},
        new={"status": LEAVE_RETURNED, "returned_on": returned_on},
        detail=f"{name_of(session, obj.user_id)} 销假",
    )
    return frozenset({"support_leave", "duty_absence"})
