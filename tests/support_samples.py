"""Sample values for every 警务保障 register, so one test can create a record of each function for anyone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.models.support_assets import SupportEquipment, SupportVehicle
from app.services import (
    support_equipment,
    support_expenses,
    support_leave,
    support_overtime,
    support_registers,
    support_roster,
    support_vehicles,
    support_welfare,
)
from app.services.entity_spec import EntitySpec
from app.services.sms_text import LOCAL_TZ

DAY = date(2026, 12, 1)


def equipment(session: Session, unit_id: int, code: str = "ZB-0001", name: str = "执法记录仪") -> int:
    item = SupportEquipment(code=code, name=name, category="camera", unit_id=unit_id, status="in_stock")
    session.add(item)
    session.flush()
    return item.id


def vehicle(session: Session, unit_id: int, plate: str = "陕G·A1234") -> int:
    car = SupportVehicle(
        plate=plate, model_name="大众帕萨特", kind="duty", seats=5, unit_id=unit_id, status="available"
    )
    session.add(car)
    session.flush()
    return car.id


def samples(n: int, equipment_ids: list[int], vehicle_id: int) -> list[tuple[EntitySpec, dict[str, Any]]]:
    """Values for the ``n``-th record of each owned register (distinct days, items and times per ``n``)."""
    day = DAY + timedelta(days=10 * n)
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=LOCAL_TZ)
    return [
        (support_registers.PERSONNEL_SPEC, {"gender": "男", "position": "民警", "police_rank": "二级警司"}),
        (
            support_leave.LEAVE_SPEC,
            {"kind": "personal", "start_date": day, "end_date": day, "reason": "家中有事"},
        ),
        (support_overtime.OVERTIME_SPEC, {"work_date": day, "hours": Decimal("4"), "reason": "夜间巡逻"}),
        (
            support_roster.ROSTER_SPEC,
            {"duty_date": day + timedelta(days=1), "shift": "day", "post": "值班室"},
        ),
        (support_equipment.LOAN_SPEC, {"equipment_id": equipment_ids[n], "purpose": "日常执勤"}),
        (
            support_vehicles.BOOKING_SPEC,
            {
                "vehicle_id": vehicle_id,
                "start_at": start,
                "end_at": start + timedelta(hours=3),
                "purpose": "走访",
            },
        ),
        (
            support_expenses.EXPENSE_SPEC,
            {
                "category": "travel",
                "amount": Decimal("356.50"),
                "spent_on": day,
                "invoices": 2,
                "description": "赴市局开会",
            },
        ),
        (support_registers.HEALTH_SPEC, {"checked_on": day, "kind": "annual", "conclusion": "normal"}),
        (
            support_registers.TRAINING_SPEC,
            {"course": "执法规范化培训", "kind": "course", "start_date": day, "hours": Decimal("8")},
        ),
        (
            support_registers.AWARD_SPEC,
            {"kind": "award", "level": "嘉奖", "decided_on": day, "reason": "破获盗窃案"},
        ),
        (
            support_welfare.AID_SPEC,
            {"category": "illness", "amount_requested": Decimal("5000"), "reason": "家属住院"},
        ),
        (
            support_welfare.RIGHTS_SPEC,
            {"kind": "assault", "occurred_on": day, "description": "执法时被推搡", "request": "追究责任"},
        ),
    ]
