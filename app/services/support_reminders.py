"""Sweep ``support_overdue``: remind officers who have not registered 销假, or not returned equipment, in time.

* Leave approved and ended (its last day is before today) but no return registered: the officer gets a
  reminder to register 销假, and so does whoever approved it (the unit leader), because until then the duty
  board keeps the officer away.
* Equipment issued with an expected return day that has passed and no return: the borrower is reminded.

Each request is reminded once: the reminder is an inbox message linked to the request, and a request that
already has one is skipped, so the sweep may run any number of times from any workstation. Tests pass the
clock (``now``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.models.messaging import KIND_TASK, PRIORITY_HIGH, InboxMessage
from app.models.support_assets import LOAN_ISSUED, SupportEquipment, SupportEquipmentLoan
from app.models.support_base import APPROVED
from app.models.support_leave import SupportLeave
from app.services import audit, inbox, sweeps
from app.services.support_common import local_today

SWEEP_NAME = "support_overdue"
LEAVE_ENTITY = "support_leave"
LOAN_ENTITY = "support_equipment_loan"
_M = cast(Table, InboxMessage.__table__)


def _already(session: Session, entity: str, ids: Iterable[int]) -> set[int]:
    """The requests that already have their reminder."""
    keys = [str(i) for i in ids]
    if not keys:
        return set()
    rows = session.execute(
        select(_M.c.entity_id).where(_M.c.entity == entity, _M.c.entity_id.in_(keys), _M.c.kind == KIND_TASK)
    ).scalars()
    return {int(k) for k in rows}


def _overdue_leave(session: Session, now: datetime) -> int:
    today = local_today(now)
    due = list(
        session.execute(
            select(SupportLeave)
            .where(SupportLeave.status == APPROVED, SupportLeave.end_date < today)
            .order_by(SupportLeave.id)
        ).scalars()
    )
    done = _already(session, LEAVE_ENTITY, [d.id for d in due])
    count = 0
    for leave in due:
        if leave.id in done:
            continue
        ended = leave.end_date.isoformat()
        recipients = [leave.user_id] + [
            a for a in (leave.approver_id,) if a is not None and a != leave.user_id
        ]
        inbox.send(
            session,
            recipients=recipients,
            kind=KIND_TASK,
            title="【销假提醒】请假已到期，请办理销假",
            body=f"{leave.start_date.isoformat()} 至 {ended} 的请假已于 {ended} 结束，尚未办理销假。"
            "销假前勤务看板仍显示为休假/离岗。",
            link=(LEAVE_ENTITY, leave.id),
            priority=PRIORITY_HIGH,
            now=now,
        )
        count += 1
    return count


def _overdue_loans(session: Session, now: datetime) -> int:
    today = local_today(now)
    due = list(
        session.execute(
            select(SupportEquipmentLoan, SupportEquipment.name, SupportEquipment.code)
            .join(SupportEquipment, SupportEquipment.id == SupportEquipmentLoan.equipment_id)
            .where(
                SupportEquipmentLoan.status == LOAN_ISSUED,
                SupportEquipmentLoan.expected_return.is_not(None),
                SupportEquipmentLoan.expected_return < today,
            )
            .order_by(SupportEquipmentLoan.id)
        )
    )
    done = _already(session, LOAN_ENTITY, [row[0].id for row in due])
    count = 0
    for loan, name, item_code in due:
        if loan.id in done:
            continue
        inbox.send(
            session,
            recipients=[loan.user_id],
            kind=KIND_TASK,
            title=f"【装备归还提醒】{name}（{item_code}）已超过预计归还日期",
            body=f"您领用的{name}（{item_code}）预计 {loan.expected_return} 归还，至今未还，请尽快办理归还。",
            link=(LOAN_ENTITY, loan.id),
            priority=PRIORITY_HIGH,
            now=now,
        )
        count += 1
    return count


def remind_overdue(session: Session, now: datetime) -> Mapping[str, int]:
    leave = _overdue_leave(session, now)
    loans = _overdue_loans(session, now)
    if leave or loans:
        audit.record(
            session,
            None,
            "remind",
            entity="support_overdue",
            new={"leave": leave, "equipment": loans},
            detail=f"销假提醒 {leave} 人次，装备归还提醒 {loans} 件",
        )
    return {"leave": leave, "equipment": loans}


sweeps.register(SWEEP_NAME, remind_overdue, title="逾期未销假、装备逾期未还提醒")
