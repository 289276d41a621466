"""Orders (警令/通知) and one receipt per recipient.

Where each recipient stands is kept in exactly one place per fact:

* ``received_at`` (the officer's workstation has fetched the order), the reminder count and the escalation
  time live in :class:`DispatchOrderReceipt`;
* ``read_at`` and ``acknowledged_at`` live in the recipient's inbox notice (``inbox_message``, linked by
  ``inbox_message_id``), so the shared inbox and this platform never disagree about who has read or
  acknowledged an order.

An order is written once and then only moves through its states (reminded, escalated, closed), so the
counts shown in lists are computed from the receipts (``acknowledged_count``), never stored twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    case,
    func,
    select,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column

from app.models import dispatch_permissions as _perms  # noqa: F401 - registers the permissions
from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.messaging import QT_TRANSLATE_NOOP, InboxMessage

KIND_ORDER = "order"
KIND_NOTICE = "notice"
ORDER_KINDS = {
    KIND_ORDER: QT_TRANSLATE_NOOP("dispatch", "警令"),
    KIND_NOTICE: QT_TRANSLATE_NOOP("dispatch", "通知"),
}

PRIORITY_NAMES = {
    0: QT_TRANSLATE_NOOP("dispatch", "一般"),
    1: QT_TRANSLATE_NOOP("dispatch", "紧急"),
    2: QT_TRANSLATE_NOOP("dispatch", "特急"),
}

ORDER_ACTIVE = "active"
ORDER_CLOSED = "closed"
ORDER_STATUS_NAMES = {
    ORDER_ACTIVE: QT_TRANSLATE_NOOP("dispatch", "执行中"),
    ORDER_CLOSED: QT_TRANSLATE_NOOP("dispatch", "已结束"),
}

INBOX_ENTITY = "dispatch_order"
"""``inbox_message.entity`` of every notice about an order (a click opens the order)."""


class DispatchOrder(IdMixin, VersionedMixin, Base):
    __tablename__ = "dispatch_order"
    __table_args__ = (
        Index("ix_dispatch_order_sent_at", "sent_at"),
        Index("ix_dispatch_order_status_deadline", "status", "ack_deadline"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default=KIND_ORDER)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(SmallInteger, default=0)
    targets: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"everyone", "units", "users"}
    target_text: Mapped[str] = mapped_column(String(500), default="")
    recipient_count: Mapped[int] = mapped_column(Integer, default=0)
    ack_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sender_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    sender_name: Mapped[str] = mapped_column(String(64), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default=ORDER_ACTIVE)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # automatic reminder at the deadline
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # escalation to the unit leaders


class DispatchOrderReceipt(IdMixin, Base):
    """One recipient of one order. Read and acknowledged times: the linked inbox notice (see module doc)."""

    __tablename__ = "dispatch_order_receipt"
    __table_args__ = (
        UniqueConstraint("order_id", "user_id", name="uq_dispatch_order_receipt_order_user"),
        Index("ix_dispatch_order_receipt_user_received", "user_id", "received_at"),
    )

    order_id: Mapped[int] = mapped_column(BigId, ForeignKey("dispatch_order.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"))
    inbox_message_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("inbox_message.id", ondelete="SET NULL"), index=True
    )
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminders: Mapped[int] = mapped_column(Integer, default=0)
    last_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


_R = DispatchOrderReceipt
_M = InboxMessage

# Counted from the receipts when a list asks for them (deferred: plain loads do not pay for it).
DispatchOrder.acknowledged_count = column_property(  # type: ignore[attr-defined]
    select(func.count())
    .select_from(_R)
    .join(_M, _M.id == _R.inbox_message_id)
    .where(_R.order_id == DispatchOrder.id, _M.acknowledged_at.is_not(None))
    .correlate_except(_R, _M)
    .scalar_subquery(),
    deferred=True,
)
DispatchOrder.completion_percent = column_property(  # type: ignore[attr-defined]
    case(
        (DispatchOrder.recipient_count == 0, 100),
        else_=DispatchOrder.acknowledged_count * 100 // DispatchOrder.recipient_count,  # type: ignore[attr-defined]
    ),
    deferred=True,
)
