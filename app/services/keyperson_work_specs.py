"""The lists of daily work, declared once: visits, risk events, keepers, warnings, removals, inspections.

Each list names the person and flags an incomplete 一人四管 beside every record (read-only columns from
:mod:`app.models.keyperson_columns`). Records are created through the keyperson services, which also
rescore, reschedule and warn; the generic service only reads, exports and prints these lists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, String, cast, select
from sqlalchemy.orm import Session

from app.models.keyperson_inspection import KpInspection
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    INSPECTION_KINDS,
    INSPECTION_STATUS_NAMES,
    KP_EVENT,
    KP_EXPORT,
    KP_KEEPERS,
    KP_PRINT,
    KP_VIEW,
    KP_VISIT,
    KP_WARNING_HANDLE,
    REMOVAL_STATUS_NAMES,
    VISIT_KINDS,
    WARNING_STATUS_NAMES,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_removal import KpRemovalRequest
from app.models.keyperson_visit import KpEvent, KpVisit
from app.models.keyperson_warning import KpWarning
from app.models.messaging import InboxMessage
from app.services.citizens import town_choices
from app.services.context import Actor
from app.services.entity_spec import (
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    INT,
    MULTILINE,
    PHONE,
    EntitySpec,
    Field,
    Filter,
    register,
)
from app.services.keyperson_choices import (
    KEEPER_FLAG_CHOICES,
    LEVEL_CHOICES,
    keeper_role_choices,
    user_choices,
)
from app.services.keyperson_config import event_choices, load
from app.services.sms_text import LOCAL_TZ

READ = {"view": KP_VIEW, "export": KP_EXPORT, "print": KP_PRINT}


def _local_bounds(value: tuple[date | None, date | None]) -> tuple[datetime | None, datetime | None]:
    start, end = value
    lo = datetime.combine(start, time.min, LOCAL_TZ) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min, LOCAL_TZ) if end else None
    return lo, hi


def day_range(column: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    """A date-range filter on a timestamp column, in local days (both ends inclusive)."""

    def apply(stmt: Select[Any], value: Any) -> Select[Any]:
        lo, hi = _local_bounds(value)
        if lo is not None:
            stmt = stmt.where(column >= lo)
        if hi is not None:
            stmt = stmt.where(column < hi)
        return stmt

    return apply


def date_range(column: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    def apply(stmt: Select[Any], value: Any) -> Select[Any]:
        start, end = value
        if start is not None:
            stmt = stmt.where(column >= start)
        if end is not None:
            stmt = stmt.where(column <= end)
        return stmt

    return apply


def _eq(column: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    return lambda stmt, value: stmt.where(column == value)


def _town_of(model: Any) -> Callable[[Select[Any], Any], Select[Any]]:
    return lambda stmt, value: stmt.where(
        model.person_id.in_(select(KeyPerson.id).where(KeyPerson.town_code == value))
    )


def _choices(mapping: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(mapping.items())


def _person_fields() -> tuple[Field, ...]:
    return (
        Field("person_name", "姓名", in_form=False, width=80),
        Field(
            "person_keepers_missing", "一人四管", CHOICE, choices=KEEPER_FLAG_CHOICES, in_form=False, width=72
        ),
    )


def _event_kinds(session: Session) -> list[tuple[Any, str]]:
    return event_choices(load(session))


VISIT_SPEC = register(
    EntitySpec(
        key="kp_visit",
        title="走访与签到",
        model=KpVisit,
        fields=(
            *_person_fields(),
            Field("kind", "方式", CHOICE, required=True, choices=_choices(VISIT_KINDS), width=80),
            Field("visited_at", "时间", DATETIME, required=True, sortable=True, width=130),
            Field("contact_made", "见到或联系上本人", BOOL, default=True, width=110),
            Field("place", "地点", max_length=200, width=160),
            Field("findings", "情况", MULTILINE, required=True, width=280),
            Field("visitor_name", "走访人", max_length=64, width=110, placeholder="默认本人"),
        ),
        permissions={**READ, "create": KP_VISIT},
        label_field="kind",
        default_sort=("id", True),
        filters=(
            Filter("kind", "方式", "choice", _eq(KpVisit.kind), _choices(VISIT_KINDS)),
            Filter("town", "乡镇", "choice", _town_of(KpVisit), town_choices),
            Filter("visited_at", "时间", "date_range", day_range(KpVisit.visited_at)),
            Filter("no_contact", "未联系上", "bool", lambda s, _v: s.where(KpVisit.contact_made.is_(False))),
        ),
    )
)

EVENT_SPEC = register(
    EntitySpec(
        key="kp_event",
        title="风险事件",
        model=KpEvent,
        fields=(
            *_person_fields(),
            Field("kind", "事件", CHOICE, required=True, choices=_event_kinds, width=170),
            Field("occurred_on", "发生日期", DATE, required=True, width=92),
            Field("note", "情况说明", MULTILINE, required=True, width=300),
            Field("automatic", "系统记录", BOOL, in_form=False, width=60),
        ),
        permissions={**READ, "create": KP_EVENT},
        label_field="kind",
        default_sort=("id", True),
        filters=(
            Filter("kind", "事件", "choice", _eq(KpEvent.kind), _event_kinds),
            Filter("town", "乡镇", "choice", _town_of(KpEvent), town_choices),
            Filter("occurred_on", "日期", "date_range", date_range(KpEvent.occurred_on)),
        ),
    )
)

KEEPER_SPEC = register(
    EntitySpec(
        key="kp_keeper",
        title="管控人",
        model=KpKeeper,
        fields=(
            Field(
                "person_id", "被管控人编号", INT, required=True, in_form=False, in_list=False, editable=False
            ),
            Field("person_name", "被管控人", in_form=False, width=80),
            Field("role_code", "管控角色", CHOICE, required=True, choices=keeper_role_choices, width=110),
            Field("name", "管控人姓名", required=True, max_length=32, width=80),
            Field("phone", "手机号", PHONE, required=True, width=110),
            Field(
                "user_id",
                "系统账号",
                CHOICE,
                choices=user_choices,
                width=90,
                placeholder="是民警或用户时选择",
            ),
            Field("relation", "关系", max_length=64, width=80, placeholder="如：母亲、村支书"),
            Field("organisation", "单位", max_length=64, width=140),
        ),
        permissions={**READ, "create": KP_KEEPERS, "edit": KP_KEEPERS, "delete": KP_KEEPERS},
        label_field="name",
        default_sort=("id", True),
        filters=(Filter("role_code", "角色", "choice", _eq(KpKeeper.role_code), keeper_role_choices),),
    )
)


def _warning_fields() -> tuple[Field, ...]:
    return (
        *_person_fields(),
        Field("level", "等级", CHOICE, choices=LEVEL_CHOICES, sortable=True, width=86),
        Field("score", "积分", INT, width=44),
        Field("status", "状态", CHOICE, choices=_choices(WARNING_STATUS_NAMES), width=60),
        Field("raised_at", "发出时间", DATETIME, sortable=True, width=124),
        Field("due_at", "处置时限", DATETIME, width=124),
        Field("town_code", "乡镇", CHOICE, choices=town_choices, width=70),
        Field("reason", "原因", MULTILINE, width=360),
        Field("handling_note", "处置情况", MULTILINE, width=200),
    )


_WARNING_FILTERS = (
    Filter("level", "等级", "choice", _eq(KpWarning.level), LEVEL_CHOICES[1:]),
    Filter("status", "状态", "choice", _eq(KpWarning.status), _choices(WARNING_STATUS_NAMES)),
    Filter("town_code", "乡镇", "choice", _eq(KpWarning.town_code), town_choices),
    Filter("raised_at", "发出", "date_range", day_range(KpWarning.raised_at)),
)


def _my_warnings(session: Session, actor: Actor) -> Select[Any]:
    """Warnings sent to the user (an escalation reaches the station's leaders too), and warnings on the persons
    the user answers for (officer, leader or keeper)."""
    uid = actor.user_id
    keeper_of = select(KpKeeper.person_id).where(KpKeeper.user_id == uid)
    mine = select(KeyPerson.id).where(
        (KeyPerson.officer_id == uid) | (KeyPerson.supervisor_id == uid) | KeyPerson.id.in_(keeper_of)
    )
    received = (
        select(InboxMessage.id)
        .where(
            InboxMessage.user_id == uid,
            InboxMessage.entity == "kp_warning",
            InboxMessage.entity_id == cast(KpWarning.id, String),
        )
        .exists()
    )
    return select(KpWarning).where(KpWarning.person_id.in_(mine) | received)


WARNING_SPEC = register(
    EntitySpec(
        key="kp_warning",
        title="预警",
        model=KpWarning,
        fields=_warning_fields(),
        permissions=READ,
        label_field="level",
        default_sort=("id", True),
        filters=_WARNING_FILTERS,
    )
)
MY_WARNING_SPEC = register(
    EntitySpec(
        key="kp_warning_mine",
        title="我的预警",
        model=KpWarning,
        fields=_warning_fields(),
        # A keeper who is a plain officer sees the warnings sent to them without seeing the register.
        permissions={**READ, "view": KP_WARNING_HANDLE},
        label_field="level",
        default_sort=("id", True),
        filters=_WARNING_FILTERS,
        base_query=_my_warnings,
    )
)

REMOVAL_SPEC = register(
    EntitySpec(
        key="kp_removal_request",
        title="撤管申请",
        model=KpRemovalRequest,
        fields=(
            *_person_fields(),
            Field("status", "状态", CHOICE, choices=_choices(REMOVAL_STATUS_NAMES), width=60),
            Field("requested_by", "申请人", CHOICE, choices=user_choices, width=70),
            Field("requested_at", "申请时间", DATETIME, width=124),
            Field("reasons", "撤管理由", MULTILINE, width=260),
            Field("decided_by", "审批人", CHOICE, choices=user_choices, width=70),
            Field("decided_at", "审批时间", DATETIME, width=124),
            Field("opinion", "审批意见", MULTILINE, width=200),
        ),
        permissions=READ,
        label_field="status",
        default_sort=("id", True),
        filters=(
            Filter("status", "状态", "choice", _eq(KpRemovalRequest.status), _choices(REMOVAL_STATUS_NAMES)),
        ),
    )
)

INSPECTION_SPEC = register(
    EntitySpec(
        key="kp_inspection",
        title="漏管脱管检查",
        model=KpInspection,
        fields=(
            *_person_fields(),
            Field("kind", "问题", CHOICE, choices=_choices(INSPECTION_KINDS), width=110),
            Field("opened_on", "发现日期", DATE, width=86),
            Field("due_on", "应走访/末次联系", DATE, width=110),
            Field("officer_id", "责任民警", CHOICE, choices=user_choices, width=70),
            Field("town_code", "乡镇", CHOICE, choices=town_choices, width=70),
            Field("status", "状态", CHOICE, choices=_choices(INSPECTION_STATUS_NAMES), width=60),
            Field("findings", "检查情况", MULTILINE, width=260),
            Field("accountable", "追责", BOOL, width=44),
        ),
        permissions=READ,
        label_field="kind",
        default_sort=("id", True),
        filters=(
            Filter("kind", "问题", "choice", _eq(KpInspection.kind), _choices(INSPECTION_KINDS)),
            Filter("status", "状态", "choice", _eq(KpInspection.status), _choices(INSPECTION_STATUS_NAMES)),
            Filter("town_code", "乡镇", "choice", _eq(KpInspection.town_code), town_choices),
            Filter("opened_on", "发现", "date_range", date_range(KpInspection.opened_on)),
        ),
    )
)
