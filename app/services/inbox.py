"""The in-app inbox: warnings, orders, notices and tasks for officers, each linked to the record it is about.

Platforms call :func:`send` inside their own transaction, after checking their own permission (whoever may
raise a warning or issue an order may notify about it). One Core ``executemany`` writes every recipient's
row, so an order to 2,000 officers costs one statement. Reading is personal: an officer reads, marks and
acknowledges only their own messages, whatever their role; :func:`receipts` lets the sending platform see
who has read and acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound, PermissionDenied
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.messaging import PRIORITY_NORMAL, PRIORITY_URGENT, InboxMessage, Link
from app.services import audit
from app.services.context import Actor

_T = cast(Table, InboxMessage.__table__)
OWN_INBOX = "inbox.own"  # not a grantable permission: the name under which refusals are audited


@dataclass(frozen=True)
class InboxItem:
    id: int
    kind: str
    title: str
    body: str
    link: Link | None
    priority: int
    requires_ack: bool
    created_at: datetime
    read_at: datetime | None
    acknowledged_at: datetime | None
    sender_name: str


@dataclass(frozen=True)
class Receipt:
    """Where one recipient stands with a message about a record (the dispatcher's "who has not yet")."""

    message_id: int
    user_id: int
    read_at: datetime | None
    acknowledged_at: datetime | None


def _item(m: InboxMessage) -> InboxItem:
    link = Link(m.entity, m.entity_id) if m.entity else None
    return InboxItem(
        m.id,
        m.kind,
        m.title,
        m.body,
        link,
        m.priority,
        m.requires_ack,
        m.created_at,
        m.read_at,
        m.acknowledged_at,
        m.sender_name,
    )


@dataclass(frozen=True)
class Outgoing:
    """One message to several recipients, for :func:`send_many`."""

    recipients: tuple[int, ...]
    kind: str
    title: str
    body: str = ""
    link: Link | tuple[str, Any] | None = None
    priority: int = PRIORITY_NORMAL
    requires_ack: bool = False


def _rows(message: Outgoing, sender: Actor | None, now: datetime | None) -> list[dict[str, Any]]:
    """The validated rows of one message, one per recipient (duplicates ignored)."""
    user_ids = list(dict.fromkeys(int(r) for r in message.recipients))
    if not message.kind or len(message.kind) > 16:
        raise DomainError("inbox_invalid", detail="消息类别须为 1 至 16 个字符")
    title = message.title.strip()
    if not title or len(title) > 200:
        raise DomainError("inbox_invalid", detail="标题须为 1 至 200 个字")
    if not PRIORITY_NORMAL <= message.priority <= PRIORITY_URGENT:
        raise DomainError("inbox_invalid", detail=f"优先级 {message.priority} 无效")
    target = Link.of(message.link)
    row = {
        "kind": message.kind,
        "title": title,
        "body": message.body,
        "entity": target.entity if target else "",
        "entity_id": str(target.entity_id) if target else "",
        "priority": message.priority,
        "requires_ack": message.requires_ack,
        "created_at": now or utcnow(),
        "read_at": None,
        "acknowledged_at": None,
        "sender_id": sender.user_id if sender else None,
        "sender_name": (sender.display_name if sender else "系统")[:64],
    }
    return [{**row, "user_id": uid} for uid in user_ids]


def send(
    session: Session,
    *,
    recipients: Iterable[int],
    kind: str,
    title: str,
    body: str = "",
    link: Link | tuple[str, Any] | None = None,
    priority: int = PRIORITY_NORMAL,
    sender: Actor | None = None,
    requires_ack: bool = False,
    now: datetime | None = None,
) -> int:
    """Deliver one message to each recipient (duplicates ignored); returns how many were written."""
    message = Outgoing(tuple(recipients), kind, title, body, link, priority, requires_ack)
    return send_many(session, [message], sender=sender, now=now)[0]


def send_many(
    session: Session,
    messages: Iterable[Outgoing],
    *,
    sender: Actor | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Deliver several messages in one statement (a sweep raising a thousand warnings); returns how many
    rows each message wrote."""
    rows: list[dict[str, Any]] = []
    counts: list[int] = []
    for message in messages:
        mine = _rows(message, sender, now)
        rows.extend(mine)
        counts.append(len(mine))
    if rows:
        session.execute(insert(_T), rows)
        mark_changed(session, "inbox_message")
    return counts


def _own_id(session: Session, actor: Actor, user_id: int | None) -> int | None:
    """The inbox the actor may read: only their own; asking for anyone else's is refused and audited."""
    if user_id is not None and user_id != actor.user_id:
        audit.record_denied(session, actor, "permission", entity="inbox_message", detail=OWN_INBOX)
        raise PermissionDenied(action="查看他人的站内消息", permission=OWN_INBOX)
    return actor.user_id


def unread_count(session: Session, actor: Actor) -> int:
    """Unread messages of the actor (the badge on the bell); served by the (user_id, read_at) index."""
    if actor.user_id is None:
        return 0
    stmt = select(func.count()).where(_T.c.user_id == actor.user_id, _T.c.read_at.is_(None))
    return int(session.execute(stmt).scalar_one())


def list_for(
    session: Session,
    actor: Actor,
    *,
    unread_only: bool = False,
    limit: int = 100,
    before_id: int | None = None,
    user_id: int | None = None,
) -> list[InboxItem]:
    """The actor's messages, newest first, paged by id (pass the last id seen as ``before_id``)."""
    owner = _own_id(session, actor, user_id)
    if owner is None:
        return []
    stmt = select(InboxMessage).where(InboxMessage.user_id == owner)
    if unread_only:
        stmt = stmt.where(InboxMessage.read_at.is_(None))
    if before_id is not None:
        stmt = stmt.where(InboxMessage.id < before_id)
    stmt = stmt.order_by(InboxMessage.id.desc()).limit(limit)
    return [_item(m) for m in session.execute(stmt).scalars()]


def _check_owned(session: Session, actor: Actor, ids: list[int]) -> None:
    rows = session.execute(select(_T.c.id, _T.c.user_id).where(_T.c.id.in_(ids))).all()
    if len(rows) != len(ids):
        raise NotFound(entity="消息")
    if any(r.user_id != actor.user_id for r in rows):
        _own_id(session, actor, next(r.user_id for r in rows if r.user_id != actor.user_id))


def mark_read(
    session: Session, actor: Actor, message_ids: Iterable[int], *, now: datetime | None = None
) -> int:
    """Mark the actor's own messages read; returns how many were unread. Someone else's: refused."""
    ids = list(dict.fromkeys(int(i) for i in message_ids))
    if not ids:
        return 0
    _check_owned(session, actor, ids)
    result = session.execute(
        update(_T).where(_T.c.id.in_(ids), _T.c.read_at.is_(None)).values(read_at=now or utcnow())
    )
    changed = int(getattr(result, "rowcount", 0) or 0)
    if changed:
        mark_changed(session, "inbox_message")
    return changed


def mark_all_read(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    if actor.user_id is None:
        return 0
    result = session.execute(
        update(_T)
        .where(_T.c.user_id == actor.user_id, _T.c.read_at.is_(None))
        .values(read_at=now or utcnow())
    )
    changed = int(getattr(result, "rowcount", 0) or 0)
    if changed:
        mark_changed(session, "inbox_message")
    return changed


def acknowledge(session: Session, actor: Actor, message_id: int, *, now: datetime | None = None) -> InboxItem:
    """The officer confirms an order or warning (also marks it read); audited, and idempotent."""
    _check_owned(session, actor, [message_id])
    msg = session.get(InboxMessage, message_id)
    assert msg is not None
    if msg.acknowledged_at is None:
        at = now or utcnow()
        msg.acknowledged_at = at
        msg.read_at = msg.read_at or at
        audit.record(
            session,
            actor,
            "acknowledge",
            entity=msg.entity or "inbox_message",
            entity_id=msg.entity_id or msg.id,
            detail=msg.title[:200],
        )
    return _item(msg)


def receipts(session: Session, link: Link | tuple[str, Any]) -> list[Receipt]:
    """Every recipient's read/acknowledged state for messages about one record (for the sending platform,
    which checks its own permission first)."""
    target = Link.of(link)
    assert target is not None
    stmt = (
        select(_T.c.id, _T.c.user_id, _T.c.read_at, _T.c.acknowledged_at)
        .where(_T.c.entity == target.entity, _T.c.entity_id == str(target.entity_id))
        .order_by(_T.c.id)
    )
    return [Receipt(r.id, r.user_id, r.read_at, r.acknowledged_at) for r in session.execute(stmt)]
