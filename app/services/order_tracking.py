"""The dispatcher's view of an order: who has received, read and acknowledged it, and who has not.

Received: the officer's workstation fetched the order (:mod:`app.services.order_receipts`). Read and
acknowledged: the times on the officer's inbox notice. The completion figure is acknowledged / recipients,
rounded down, so 100% means that nobody was missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, case, func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound
from app.models.accounts import User
from app.models.dispatch_order import ORDER_ACTIVE, ORDER_CLOSED, DispatchOrder, DispatchOrderReceipt
from app.models.dispatch_permissions import DISPATCH_MONITOR, DISPATCH_ORDER_SEND
from app.models.messaging import InboxMessage
from app.models.org import Unit
from app.services import attachments, audit
from app.services.attachments import AttachmentInfo
from app.services.context import Actor
from app.services.permissions import require

_R = cast(Table, DispatchOrderReceipt.__table__)
_M = cast(Table, InboxMessage.__table__)

STATE_ACKNOWLEDGED = "acknowledged"
STATE_READ = "read"
STATE_RECEIVED = "received"
STATE_PENDING = "pending"
STATE_NAMES = {
    STATE_ACKNOWLEDGED: "已签收",
    STATE_READ: "已阅未签",
    STATE_RECEIVED: "已接收未阅",
    STATE_PENDING: "未接收",
}


@dataclass(frozen=True)
class OrderFigures:
    recipients: int
    received: int
    read: int
    acknowledged: int

    @property
    def missing(self) -> int:
        return self.recipients - self.acknowledged

    @property
    def completion_percent(self) -> int:
        """Rounded down: 100 only when every recipient has acknowledged ("none missed")."""
        return 100 if self.recipients == 0 else self.acknowledged * 100 // self.recipients

    @property
    def none_missed(self) -> bool:
        return self.acknowledged == self.recipients


@dataclass(frozen=True)
class OrderDetail:
    id: int
    version: int
    number: str
    kind: str
    title: str
    body: str
    priority: int
    sender_name: str
    sent_at: datetime
    ack_deadline: datetime | None
    status: str
    target_text: str
    reminded_at: datetime | None
    escalated_at: datetime | None
    figures: OrderFigures
    attachments: tuple[AttachmentInfo, ...]


@dataclass(frozen=True)
class RecipientState:
    user_id: int
    name: str
    badge_no: str
    unit_name: str
    received_at: datetime | None
    read_at: datetime | None
    acknowledged_at: datetime | None
    reminders: int
    last_reminded_at: datetime | None
    escalated_at: datetime | None

    @property
    def state(self) -> str:
        if self.acknowledged_at is not None:
            return STATE_ACKNOWLEDGED
        if self.read_at is not None:
            return STATE_READ
        if self.received_at is not None:
            return STATE_RECEIVED
        return STATE_PENDING


def _load(session: Session, actor: Actor, order_id: int) -> DispatchOrder:
    """The order, for a monitor or its sender."""
    order = session.get(DispatchOrder, order_id)
    if order is None:
        raise NotFound(entity="警令")
    if order.sender_id != actor.user_id or actor.user_id is None:
        require(session, actor, DISPATCH_MONITOR)
    return order


def figures(session: Session, order_id: int) -> OrderFigures:
    row = session.execute(
        select(
            func.count(),
            func.count(_R.c.received_at),
            func.count(_M.c.read_at),
            func.count(_M.c.acknowledged_at),
        )
        .select_from(_R.outerjoin(_M, _M.c.id == _R.c.inbox_message_id))
        .where(_R.c.order_id == order_id)
    ).one()
    return OrderFigures(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def detail(session: Session, actor: Actor, order_id: int) -> OrderDetail:
    o = _load(session, actor, order_id)
    files = attachments.for_orders(session, [o.id]).get(o.id, [])
    return OrderDetail(
        o.id,
        o.version,
        o.number,
        o.kind,
        o.title,
        o.body,
        o.priority,
        o.sender_name,
        o.sent_at,
        o.ack_deadline,
        o.status,
        o.target_text,
        o.reminded_at,
        o.escalated_at,
        figures(session, o.id),
        tuple(files),
    )


def recipients(
    session: Session, actor: Actor, order_id: int, *, only_missing: bool = False
) -> list[RecipientState]:
    """Every recipient with their times: those who have not acknowledged first, then by unit and name."""
    _load(session, actor, order_id)
    acked = case((_M.c.acknowledged_at.is_(None), 0), else_=1)
    stmt = (
        select(
            _R.c.user_id,
            User.display_name,
            User.badge_no,
            Unit.name.label("unit_name"),
            _R.c.received_at,
            _M.c.read_at,
            _M.c.acknowledged_at,
            _R.c.reminders,
            _R.c.last_reminded_at,
            _R.c.escalated_at,
        )
        .select_from(_R.join(User, User.id == _R.c.user_id))
        .outerjoin(_M, _M.c.id == _R.c.inbox_message_id)
        .outerjoin(Unit, Unit.id == _R.c.unit_id)
        .where(_R.c.order_id == order_id)
        .order_by(acked, Unit.sort_order, Unit.name, User.display_name, _R.c.user_id)
    )
    if only_missing:
        stmt = stmt.where(_M.c.acknowledged_at.is_(None))
    return [
        RecipientState(
            r.user_id,
            r.display_name,
            r.badge_no or "",
            r.unit_name or "（无单位）",
            r.received_at,
            r.read_at,
            r.acknowledged_at,
            r.reminders,
            r.last_reminded_at,
            r.escalated_at,
        )
        for r in session.execute(stmt)
    ]


def close(session: Session, actor: Actor, order_id: int, version: int) -> frozenset[str]:
    """End an order: no more reminders or escalations (late acknowledgements are still recorded)."""
    require(session, actor, DISPATCH_ORDER_SEND)
    order = _load(session, actor, order_id)
    if order.version != version:
        raise ConflictError(
            entity="警令",
            by=order.updated_by or "其他用户",
            at=order.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    if order.status == ORDER_CLOSED:
        raise DomainError("dispatch_order_closed", title=order.title, action="结束")
    order.status = ORDER_CLOSED
    order.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "close",
        entity="dispatch_order",
        entity_id=order.id,
        old={"status": ORDER_ACTIVE},
        new={"status": ORDER_CLOSED},
        detail=f"{order.number} {order.title}"[:200],
    )
    return frozenset({"dispatch_order"})
