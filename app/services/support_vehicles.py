"""Vehicles (车辆管理): the fleet register and bookings (用车申请) approved by another person. A vehicle is never
booked twice for overlapping times: a request that overlaps a pending or approved booking is refused."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.support_assets import VEHICLE_AVAILABLE, SupportVehicle, SupportVehicleBooking
from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_permissions import VEHICLE
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATETIME, INT, MULTILINE, EntitySpec, Field, Filter, register
from app.services.sms_text import LOCAL_TZ
from app.services.support_access import ALL, require_scope
from app.services.support_approval import Flow, Stage, register_flow, sign
from app.services.support_common import (
    approver_fields,
    choices,
    common_filters,
    eq,
    name_of,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    status_field,
    unit_choices,
    unit_field,
)

KINDS = {"patrol": "警用巡逻车", "duty": "执法执勤车", "special": "特种专业车", "general": "一般公务车"}
VEHICLE_STATUS = {VEHICLE_AVAILABLE: "可用", "repair": "维修中", "scrapped": "已报废"}
BOOKING_STATUS = {PENDING: "待审批", APPROVED: "已批准", REJECTED: "未批准", WITHDRAWN: "已撤回"}
HOLDING = (PENDING, APPROVED)


def vehicle_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(SupportVehicle.id, SupportVehicle.plate, SupportVehicle.model_name).order_by(
            SupportVehicle.plate
        )
    )
    return [(r.id, f"{r.plate} {r.model_name}") for r in rows]


def _vehicle_check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    found = require_scope(session, actor, VEHICLE)
    unit = values.get("unit_id", stored.get("unit_id") if stored else None)
    if found.level != ALL and (unit is None or unit != found.unit_id):
        raise DomainError("support_invalid", detail="您只能登记和修改本单位的车辆。")


VEHICLE_SPEC = register(
    EntitySpec(
        key="support_vehicle",
        title="车辆台账",
        model=SupportVehicle,
        fields=(
            Field("plate", "号牌", required=True, max_length=16, sortable=True, width=100, editable=False),
            Field("model_name", "品牌型号", required=True, max_length=64, width=130),
            Field("kind", "类别", CHOICE, required=True, choices=choices(KINDS), width=100),
            Field("seats", "座位数", INT, required=True, default=5, width=60),
            Field("unit_id", "所属单位", CHOICE, required=True, choices=unit_choices, width=110),
            Field(
                "status",
                "状态",
                CHOICE,
                required=True,
                choices=choices(VEHICLE_STATUS),
                default=VEHICLE_AVAILABLE,
                width=70,
            ),
            Field("notes", "备注", MULTILINE, width=160),
        ),
        permissions=permissions_for(VEHICLE, delete=True),
        label_field="plate",
        default_sort=("plate", False),
        search=lambda stmt, t: stmt.where(SupportVehicle.plate.contains(t.strip().upper())),
        search_hint="号牌",
        filters=(
            Filter("status", "状态", "choice", eq(SupportVehicle.status), choices(VEHICLE_STATUS)),
            Filter("unit", "单位", "choice", eq(SupportVehicle.unit_id), unit_choices),
        ),
        unique_fields=("plate",),
        base_query=scoped_base(SupportVehicle, VEHICLE, owner=None),
        before_write=_vehicle_check,
        prepare=lambda _s, values: values.update(plate=(values.get("plate") or "").upper() or None),
    )
)


def _when(at: datetime) -> str:
    return at.astimezone(LOCAL_TZ).strftime("%m月%d日%H:%M")


def clash(
    session: Session, vehicle_id: int, start: datetime, end: datetime, *, exclude: int | None = None
) -> SupportVehicleBooking | None:
    b = SupportVehicleBooking
    stmt = select(b).where(
        b.vehicle_id == vehicle_id, b.status.in_(HOLDING), b.start_at < end, b.end_at > start
    )
    if exclude is not None:
        stmt = stmt.where(b.id != exclude)
    return session.execute(stmt.order_by(b.start_at).limit(1)).scalar_one_or_none()


def _require_free(
    session: Session, vehicle_id: int, start: datetime, end: datetime, exclude: int | None
) -> None:
    vehicle = session.get(SupportVehicle, vehicle_id)
    if vehicle is None:
        raise DomainError("not_found", entity="车辆")
    if vehicle.status != VEHICLE_AVAILABLE:
        raise DomainError(
            "support_vehicle_unavailable",
            plate=vehicle.plate,
            state=VEHICLE_STATUS.get(vehicle.status, vehicle.status),
        )
    other = clash(session, vehicle_id, start, end, exclude=exclude)
    if other is not None:
        raise DomainError(
            "support_vehicle_booked",
            plate=vehicle.plate,
            start=_when(other.start_at),
            end=_when(other.end_at),
            name=name_of(session, other.user_id),
            state=BOOKING_STATUS.get(other.status, other.status),
        )


def _booking_check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    if action == "delete":
        return
    start, end, vehicle = values.get("start_at"), values.get("end_at"), values.get("vehicle_id")
    if start is None or end is None or vehicle is None:
        return
    # the form gives local wall-clock times
    start = start if start.tzinfo is not None else start.replace(tzinfo=LOCAL_TZ)
    end = end if end.tzinfo is not None else end.replace(tzinfo=LOCAL_TZ)
    values["start_at"], values["end_at"] = start, end
    if end <= start:
        raise ValidationError({"end_at": "还车时间必须晚于出车时间"})
    _require_free(session, vehicle, start, end, stored.get("id") if stored else None)


BOOKING_SPEC = register(
    EntitySpec(
        key="support_vehicle_booking",
        title="用车申请",
        model=SupportVehicleBooking,
        fields=(
            person_field("申请人"),
            unit_field(),
            Field("vehicle_id", "车辆", CHOICE, required=True, choices=vehicle_choices, width=150),
            Field("start_at", "出车时间", DATETIME, required=True, sortable=True, width=130),
            Field("end_at", "还车时间", DATETIME, required=True, width=130),
            Field("purpose", "用车事由", required=True, max_length=200, width=160),
            Field("destination", "目的地", max_length=100, width=110),
            Field("passengers", "乘车人数", INT, default=1, width=70),
            status_field(BOOKING_STATUS),
            *approver_fields(),
        ),
        permissions=permissions_for(VEHICLE),
        label_field="purpose",
        default_sort=("id", True),
        search=search_person(SupportVehicleBooking),
        search_hint="申请人姓名",
        filters=(
            *common_filters(SupportVehicleBooking, BOOKING_STATUS),
            Filter("vehicle", "车辆", "choice", eq(SupportVehicleBooking.vehicle_id), vehicle_choices),
        ),
        base_query=scoped_base(SupportVehicleBooking, VEHICLE),
        before_write=owned_writer(VEHICLE, "用车申请", state_names=BOOKING_STATUS, check=_booking_check),
    )
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
    if approve:
        _require_free(session, obj.vehicle_id, obj.start_at, obj.end_at, obj.id)
    sign(obj, actor, approve, opinion, now)
    return str(obj.status)


def _summary(session: Session, obj: Any) -> str:
    vehicle = session.get(SupportVehicle, obj.vehicle_id)
    return (
        f"{vehicle.plate if vehicle else ''} {_when(obj.start_at)}至{_when(obj.end_at)}：{obj.purpose[:20]}"
    )


def _details(session: Session, obj: Any) -> list[tuple[str, str]]:
    vehicle = session.get(SupportVehicle, obj.vehicle_id)
    return [
        ("申请人", name_of(session, obj.user_id)),
        ("车辆", f"{vehicle.plate} {vehicle.model_name}" if vehicle else ""),
        ("用车时间", f"{_when(obj.start_at)} 至 {_when(obj.end_at)}"),
        ("用车事由", obj.purpose),
        ("目的地", obj.destination or "—"),
        ("乘车人数", str(obj.passengers)),
    ]


register_flow(
    Flow(
        key="vehicle",
        function=VEHICLE,
        model=SupportVehicleBooking,
        title="用车",
        stages=(Stage(PENDING, "审批用车"),),
        decide=_decide,
        summary=_summary,
        details=_details,
        status_names=BOOKING_STATUS,
    )
)
