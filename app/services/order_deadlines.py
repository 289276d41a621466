"""Reminders and escalation: nobody may miss an order.

* By hand: the dispatcher reminds everyone who has not acknowledged yet (or chosen officers).
* At the deadline (sweep ``dispatch_order_deadlines``): everyone who has not acknowledged gets an urgent
  reminder, once per order.
* :data:`DEFAULT_ESCALATE_MINUTES` later (business setting ``dispatch.escalate_after_minutes``): the unit leader
  of whoever *still* has not acknowledged gets a warning naming them. A unit leader is an active user of the
  officer's unit (as it was when the order was sent) whose roles grant ``dispatch.lead``
  (:mod:`app.services.dispatch_people`). Officers whose unit has no leader, and leaders who are themselves
  missing, are reported to the order's sender instead, so an escalation never falls into a gap.

Both sweep steps are marked on the order (``reminded_at``, ``escalated_at``), so running the sweep again, from
any workstation, does nothing twice. Tests pass the clock (``now``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_order import INBOX_ENTITY, ORDER_ACTIVE, DispatchOrder, DispatchOrderReceipt
from app.models.dispatch_permissions import DISPATCH_ORDER_SEND
from app.models.messaging import KIND_ORDER, KIND_WARNING, PRIORITY_URGENT, InboxMessage
from app.services import audit, business_settings, dispatch_people, inbox, sweeps
from app.services.context import SYSTEM, Actor
from app.services.permissions import require

DEFAULT_ESCALATE_MINUTES = 30
SETTING_ESCALATE = "dispatch.escalate_after_minutes"
SWEEP_NAME = "dispatch_order_deadlines"
_R = cast(Table, DispatchOrderReceipt.__table__)
_M = cast(Table, InboxMessage.__table__)


def escalate_after(session: Session) -> timedelta:
    raw = business_settings.get(session, SETTING_ESCALATE, DEFAULT_ESCALATE_MINUTES)
    try:
        minutes = max(0.0, float(raw))
    except (TypeError, ValueError):
        minutes = DEFAULT_ESCALATE_MINUTES
    return timedelta(minutes=minutes)


def _fmt(at: datetime | None) -> str:
    return at.astimezone().strftime("%m月%d日 %H:%M") if at else "无"


def _missing(session: Session, order_id: int, user_ids: Iterable[int] | None = None) -> list[Any]:
    stmt = (
        select(_R.c.id, _R.c.user_id, _R.c.unit_id)
        .select_from(_R.outerjoin(_M, _M.c.id == _R.c.inbox_message_id))
        .where(_R.c.order_id == order_id, _M.c.acknowledged_at.is_(None))
        .order_by(_R.c.id)
    )
    if user_ids is not None:
        stmt = stmt.where(_R.c.user_id.in_(list(user_ids)))
    return list(session.execute(stmt))


def _send_reminders(
    session: Session, order: DispatchOrder, rows: list[Any], sender: Actor | None, now: datetime
) -> int:
    if not rows:
        return 0
    inbox.send(
        session,
        recipients=[r.user_id for r in rows],
        kind=KIND_ORDER,
        title=f"【催签】{order.title}"[:200],
        body=f"请尽快签收{order.number}“{order.title}”。签收时限：{_fmt(order.ack_deadline)}。",
        link=(INBOX_ENTITY, order.id),
        priority=PRIORITY_URGENT,
        sender=sender,
        requires_ack=False,
        now=now,
    )
    session.execute(
        update(_R)
        .where(_R.c.id.in_([r.id for r in rows]))
        .values(reminders=_R.c.reminders + 1, last_reminded_at=now)
    )
    mark_changed(session, "dispatch_order_receipt")
    return len(rows)


def remind(
    session: Session,
    actor: Actor,
    order_id: int,
    *,
    user_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> int:
    """Remind (催签) everyone who has not acknowledged, or only the chosen officers; returns how many."""
    require(session, actor, DISPATCH_ORDER_SEND)
    order = session.get(DispatchOrder, order_id)
    if order is None:
        raise NotFound(entity="警令")
    if order.status != ORDER_ACTIVE:
        raise DomainError("dispatch_order_closed", title=order.title, action="催签")
    rows = _missing(session, order_id, user_ids)
    if not rows:
        raise DomainError("dispatch_nothing_to_remind")
    count = _send_reminders(session, order, rows, actor, now or utcnow())
    audit.record(
        session,
        actor,
        "remind",
        entity="dispatch_order",
        entity_id=order.id,
        new={"reminded": count},
        detail=f"{order.number} 催签 {count} 人",
    )
    return count


def _escalate(session: Session, order: DispatchOrder, now: datetime) -> int:
    rows = _missing(session, order.id)
    if not rows:
        return 0
    names = dispatch_people.names_of(session, [r.user_id for r in rows])
    leaders = dispatch_people.leaders_by_unit(session, [r.unit_id for r in rows if r.unit_id is not None])
    by_leader: dict[int, list[int]] = defaultdict(list)
    orphans: list[int] = []
    for r in rows:
        heads = [h for h in leaders.get(r.unit_id, []) if h != r.user_id] if r.unit_id is not None else []
        if not heads:
            orphans.append(r.user_id)
        for head in heads:
            by_leader[head].append(r.user_id)
    deadline = _fmt(order.ack_deadline)
    for head, people in by_leader.items():
        listed = "、".join(names.get(p, str(p)) for p in people)
        inbox.send(
            session,
            recipients=[head],
            kind=KIND_WARNING,
            title=f"【逾期未签收】{order.title}"[:200],
            body=f"{order.number}“{order.title}”的签收时限（{deadline}）已过，本单位以下 {len(people)} 名民警仍未签收：{listed}。请督促签收。",
            link=(INBOX_ENTITY, order.id),
            priority=PRIORITY_URGENT,
            now=now,
        )
    if orphans and order.sender_id is not None:
        listed = "、".join(names.get(p, str(p)) for p in orphans)
        inbox.send(
            session,
            recipients=[order.sender_id],
            kind=KIND_WARNING,
            title=f"【逾期未签收】{order.title}"[:200],
            body=f"{order.number}“{order.title}”的签收时限（{deadline}）已过，以下 {len(orphans)} 名民警仍未签收，且所在单位没有可通知的负责人：{listed}。",
            link=(INBOX_ENTITY, order.id),
            priority=PRIORITY_URGENT,
            now=now,
        )
    session.execute(update(_R).where(_R.c.id.in_([r.id for r in rows])).values(escalated_at=now))
    mark_changed(session, "dispatch_order_receipt")
    return len(rows)


def sweep(session: Session, now: datetime) -> Mapping[str, int]:
    """The deadline sweep: reminders at the deadline, escalation after the grace period (idempotent)."""
    grace = escalate_after(session)
    reminded = escalated = 0
    due = select(DispatchOrder).where(
        DispatchOrder.status == ORDER_ACTIVE,
        DispatchOrder.ack_deadline.is_not(None),
        DispatchOrder.ack_deadline <= now,
    )
    for order in (
        session.execute(due.where(DispatchOrder.reminded_at.is_(None)).order_by(DispatchOrder.id))
        .scalars()
        .all()
    ):
        count = _send_reminders(session, order, _missing(session, order.id), None, now)
        order.reminded_at = now
        reminded += count
        audit.record(
            session,
            SYSTEM,
            "remind",
            entity="dispatch_order",
            entity_id=order.id,
            new={"reminded": count},
            detail=f"{order.number} 到期自动催签 {count} 人",
        )
    late = due.where(DispatchOrder.escalated_at.is_(None), DispatchOrder.ack_deadline <= now - grace)
    for order in session.execute(late.order_by(DispatchOrder.id)).scalars().all():
        count = _escalate(session, order, now)
        order.escalated_at = now
        escalated += count
        audit.record(
            session,
            SYSTEM,
            "escalate",
            entity="dispatch_order",
            entity_id=order.id,
            new={"escalated": count},
            detail=f"{order.number} 逾期未签收 {count} 人，已通知单位负责人",
        )
    session.flush()
    return {"reminded": reminded, "escalated": escalated}


sweeps.register(SWEEP_NAME, sweep, title="警令到期催签和逾期上报")
