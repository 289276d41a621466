"""The officer's side of an order: the inbox of orders, opening (read), acknowledging, and the notices.

An order counts as *received* when the officer's workstation has fetched it: listing the inbox or taking the
new-order notice stamps ``received_at`` on the officer's receipts that lack it. Opening an order marks its
inbox notice read; acknowledging stamps the notice's ``acknowledged_at`` (one place for each fact, see
:mod:`app.models.dispatch_order`). Acknowledging twice is refused with the time of the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_order import INBOX_ENTITY, DispatchOrder, DispatchOrderReceipt
from app.models.dispatch_permissions import DISPATCH_RECEIVE
from app.models.messaging import InboxMessage
from app.services import attachments, inbox
from app.services.attachments import AttachmentInfo
from app.services.context import Actor
from app.services.permissions import require

_R = cast(Table, DispatchOrderReceipt.__table__)
_M = cast(Table, InboxMessage.__table__)
_O = cast(Table, DispatchOrder.__table__)


@dataclass(frozen=True)
class InboxOrder:
    order_id: int
    number: str
    kind: str
    title: str
    body: str
    priority: int
    sender_name: str
    sent_at: datetime
    ack_deadline: datetime | None
    status: str
    received_at: datetime | None
    read_at: datetime | None
    acknowledged_at: datetime | None
    reminders: int
    attachments: tuple[AttachmentInfo, ...] = ()

    def overdue(self, now: datetime) -> bool:
        return self.acknowledged_at is None and self.ack_deadline is not None and self.ack_deadline <= now


@dataclass(frozen=True)
class Notice:
    """Something to pop up in the window: a new order, or a reminder/escalation about one."""

    order_id: int
    kind: str  # "new" | "reminder" | "escalation"
    title: str
    priority: int


def _columns() -> list[Any]:
    return [
        _O.c.id,
        _O.c.number,
        _O.c.kind,
        _O.c.title,
        _O.c.body,
        _O.c.priority,
        _O.c.sender_name,
        _O.c.sent_at,
        _O.c.ack_deadline,
        _O.c.status,
        _R.c.received_at,
        _M.c.read_at,
        _M.c.acknowledged_at,
        _R.c.reminders,
    ]


def _mine(user_id: int) -> Any:
    return (
        select(*_columns())
        .select_from(_R.join(_O, _O.c.id == _R.c.order_id))
        .outerjoin(_M, _M.c.id == _R.c.inbox_message_id)
        .where(_R.c.user_id == user_id)
    )


def _order(row: Any, files: tuple[AttachmentInfo, ...] = ()) -> InboxOrder:
    return InboxOrder(*row, attachments=files)  # type: ignore[misc]


def _mark_received(session: Session, user_id: int, now: datetime) -> list[int]:
    """Stamp the officer's receipts that have not been fetched yet; returns their order ids."""
    new = list(
        session.execute(
            select(_R.c.order_id).where(_R.c.user_id == user_id, _R.c.received_at.is_(None))
        ).scalars()
    )
    if new:
        session.execute(
            update(_R).where(_R.c.user_id == user_id, _R.c.received_at.is_(None)).values(received_at=now)
        )
        mark_changed(session, "dispatch_order_receipt")
    return new


def my_orders(
    session: Session,
    actor: Actor,
    *,
    pending_only: bool = False,
    limit: int = 200,
    now: datetime | None = None,
) -> list[InboxOrder]:
    """The actor's orders, those not yet acknowledged first, newest first; fetching them marks them received."""
    require(session, actor, DISPATCH_RECEIVE)
    assert actor.user_id is not None
    _mark_received(session, actor.user_id, now or utcnow())
    pending = (_M.c.acknowledged_at.is_(None)).label("pending")
    stmt = _mine(actor.user_id).add_columns(pending)
    if pending_only:
        stmt = stmt.where(_M.c.acknowledged_at.is_(None))
    stmt = stmt.order_by(pending.desc(), _O.c.id.desc()).limit(limit)
    return [_order(tuple(r)[:-1]) for r in session.execute(stmt)]


def unacknowledged_count(session: Session, actor: Actor) -> int:
    if actor.user_id is None:
        return 0
    stmt = (
        select(func.count())
        .select_from(_R.outerjoin(_M, _M.c.id == _R.c.inbox_message_id))
        .where(_R.c.user_id == actor.user_id, _M.c.acknowledged_at.is_(None))
    )
    return int(session.execute(stmt).scalar_one())


def _receipt(session: Session, actor: Actor, order_id: int) -> Any:
    require(session, actor, DISPATCH_RECEIVE)
    row = session.execute(
        select(_R.c.id, _R.c.inbox_message_id).where(_R.c.order_id == order_id, _R.c.user_id == actor.user_id)
    ).first()
    if row is None:
        raise DomainError("dispatch_not_recipient")
    return row


def get(session: Session, actor: Actor, order_id: int) -> InboxOrder:
    _receipt(session, actor, order_id)
    assert actor.user_id is not None
    row = session.execute(_mine(actor.user_id).where(_R.c.order_id == order_id)).one()
    files = tuple(attachments.for_orders(session, [order_id]).get(order_id, []))
    return _order(tuple(row), files)


def open_order(session: Session, actor: Actor, order_id: int, *, now: datetime | None = None) -> InboxOrder:
    """The officer opens an order: received and read from now on (the first time only)."""
    receipt = _receipt(session, actor, order_id)
    at = now or utcnow()
    changed = session.execute(
        update(_R).where(_R.c.id == receipt.id, _R.c.received_at.is_(None)).values(received_at=at)
    )
    if getattr(changed, "rowcount", 0):
        mark_changed(session, "dispatch_order_receipt")
    if receipt.inbox_message_id is not None:
        inbox.mark_read(session, actor, [receipt.inbox_message_id], now=at)
    return get(session, actor, order_id)


def acknowledge(session: Session, actor: Actor, order_id: int, *, now: datetime | None = None) -> InboxOrder:
    """签收: refused, with the first time, when already acknowledged."""
    receipt = _receipt(session, actor, order_id)
    at = now or utcnow()
    if receipt.inbox_message_id is None:
        raise DomainError("dispatch_not_recipient")
    done = session.execute(select(_M.c.acknowledged_at).where(_M.c.id == receipt.inbox_message_id)).scalar()
    if done is not None:
        raise DomainError("dispatch_already_acknowledged", at=done.astimezone().strftime("%Y-%m-%d %H:%M"))
    session.execute(
        update(_R).where(_R.c.id == receipt.id, _R.c.received_at.is_(None)).values(received_at=at)
    )
    inbox.acknowledge(session, actor, receipt.inbox_message_id, now=at)  # audited there
    mark_changed(session, "inbox_message", "dispatch_order_receipt")
    return get(session, actor, order_id)


def take_notices(session: Session, actor: Actor, *, now: datetime | None = None) -> list[Notice]:
    """What to announce in the window now: orders not yet fetched (then marked received) and unread
    reminders or escalations about orders (then marked read: the notice has been shown)."""
    if actor.user_id is None:
        return []
    require(session, actor, DISPATCH_RECEIVE)
    at = now or utcnow()
    new_ids = _mark_received(session, actor.user_id, at)
    out: list[Notice] = []
    if new_ids:
        rows = session.execute(
            select(_O.c.id, _O.c.title, _O.c.priority).where(_O.c.id.in_(new_ids)).order_by(_O.c.id)
        )
        out.extend(Notice(r.id, "new", r.title, r.priority) for r in rows)
    extra = session.execute(
        select(_M.c.id, _M.c.entity_id, _M.c.kind, _M.c.title, _M.c.priority)
        .where(
            _M.c.user_id == actor.user_id,
            _M.c.read_at.is_(None),
            _M.c.entity == INBOX_ENTITY,
            _M.c.requires_ack.is_(False),
        )
        .order_by(_M.c.id)
    ).all()
    if extra:
        inbox.mark_read(session, actor, [r.id for r in extra], now=at)
        for r in extra:
            kind = "escalation" if r.kind == "warning" else "reminder"
            out.append(Notice(int(r.entity_id), kind, r.title, r.priority))
    return out
