"""Sending orders (警令/通知) to everyone, to units or to named officers, each of whom gets a receipt.

One order to 2,000 officers is a handful of statements: the order row, one ``INSERT ... SELECT`` writing
every officer's inbox notice (the same row :func:`app.services.inbox.send` writes, but without shipping 2,000
rows of parameters), and one ``INSERT ... SELECT`` that creates every receipt from those notices, so each
receipt is linked to the notice whose read and acknowledged times it reports (see
:mod:`app.models.dispatch_order`). Attachments are checked (size, type) before anything is written; a bad
one refuses the whole order with a message naming the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, func, insert, literal, or_, select, true
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_order import (
    INBOX_ENTITY,
    KIND_ORDER,
    ORDER_KINDS,
    PRIORITY_NAMES,
    DispatchOrder,
    DispatchOrderReceipt,
)
from app.models.dispatch_permissions import DISPATCH_ORDER_SEND, DISPATCH_RECEIVE
from app.models.messaging import KIND_ORDER as INBOX_ORDER
from app.models.messaging import InboxMessage
from app.models.org import Unit
from app.services import attachments, audit, dispatch_people
from app.services.attachments import AttachmentInfo, AttachmentSource
from app.services.context import Actor
from app.services.entity_service import ProgressLike
from app.services.permissions import require

TITLE_MAX = 200
BODY_MAX = 20_000
_R = cast(Table, DispatchOrderReceipt.__table__)
_M = cast(Table, InboxMessage.__table__)


@dataclass(frozen=True)
class OrderDraft:
    """What the dispatcher filled in; recipients are the union of everyone / the units / the named officers."""

    title: str
    body: str = ""
    kind: str = KIND_ORDER
    priority: int = 0
    everyone: bool = False
    unit_ids: tuple[int, ...] = ()
    user_ids: tuple[int, ...] = ()
    ack_deadline: datetime | None = None
    attachments: tuple[AttachmentSource, ...] = ()


@dataclass(frozen=True)
class SentOrder:
    id: int
    number: str
    recipient_count: int
    target_text: str
    attachments: tuple[AttachmentInfo, ...] = ()
    tables: frozenset[str] = field(default_factory=frozenset)


def _invalid(detail: str) -> DomainError:
    return DomainError("dispatch_order_invalid", detail=detail)


def _validate(draft: OrderDraft, now: datetime) -> tuple[str, str]:
    title = (draft.title or "").strip()
    body = (draft.body or "").strip()
    if not title:
        raise DomainError("dispatch_text_required", what="警令标题")
    if len(title) > TITLE_MAX:
        raise _invalid(f"标题最多 {TITLE_MAX} 个字，当前 {len(title)} 个字")
    if len(body) > BODY_MAX:
        raise _invalid(f"正文最多 {BODY_MAX} 个字，当前 {len(body)} 个字")
    if draft.kind not in ORDER_KINDS:
        raise _invalid(f"类别“{draft.kind}”无效")
    if draft.priority not in PRIORITY_NAMES:
        raise _invalid(f"紧急程度“{draft.priority}”无效")
    if draft.ack_deadline is not None and draft.ack_deadline <= now:
        raise _invalid("签收时限必须晚于现在")
    if not (draft.everyone or draft.unit_ids or draft.user_ids):
        raise DomainError("dispatch_no_recipients")
    return title, body


def resolve_recipients(session: Session, draft: OrderDraft) -> tuple[list[int], str]:
    """The officers the draft reaches (each once) and the words for "to whom" on lists and prints."""
    officers = dispatch_people.holders_of(DISPATCH_RECEIVE).subquery()
    chosen: set[int] = set()
    parts: list[str] = []
    if draft.everyone:
        chosen.update(session.execute(select(officers.c.id)).scalars())
        parts.append("全体民警")
    if draft.unit_ids:
        names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(draft.unit_ids))).all())
        missing = [u for u in draft.unit_ids if u not in names]
        if missing:
            raise DomainError("not_found", entity="单位")
        stmt = (
            select(User.id).join(officers, officers.c.id == User.id).where(User.unit_id.in_(draft.unit_ids))
        )
        chosen.update(session.execute(stmt).scalars())
        if not draft.everyone:
            parts.append("、".join(names[u] for u in dict.fromkeys(draft.unit_ids)))
    if draft.user_ids:
        ids = list(dict.fromkeys(draft.user_ids))
        ok = set(session.execute(select(officers.c.id).where(officers.c.id.in_(ids))).scalars())
        bad = [u for u in ids if u not in ok]
        if bad:
            name = dispatch_people.names_of(session, bad[:1]).get(bad[0], f"用户 {bad[0]}")
            raise DomainError("dispatch_recipient_invalid", name=name)
        chosen.update(ids)
        if not draft.everyone:
            names = dispatch_people.names_of(session, ids)
            parts.append("、".join(names[u] for u in ids))
    text = "；".join(p for p in parts if p)
    if len(text) > 500:
        text = text[:497] + "…"
    if not chosen:
        raise DomainError("dispatch_recipients_empty", scope=text or "未选择")
    return sorted(chosen), text


def _recipient_ids(draft: OrderDraft) -> Select[Any]:
    """The draft's recipients as a SELECT (the same rule as :func:`resolve_recipients`, which has checked
    them), so notices and receipts are written by the database in two statements, not 2,000 rows each."""
    officers = dispatch_people.holders_of(DISPATCH_RECEIVE).subquery()
    wanted: list[ColumnElement[bool]] = []
    if draft.everyone:
        wanted.append(true())
    if draft.unit_ids:
        wanted.append(User.unit_id.in_(draft.unit_ids))
    if draft.user_ids:
        wanted.append(User.id.in_(draft.user_ids))
    return select(User.id).join(officers, officers.c.id == User.id).where(or_(*wanted))


def _deliver(
    session: Session,
    actor: Actor,
    draft: OrderDraft,
    order: DispatchOrder,
    title: str,
    body: str,
    at: datetime,
) -> int:
    """One inbox notice (to be acknowledged) and one receipt linked to it per recipient; returns how many."""
    notice = {
        "kind": INBOX_ORDER,
        "title": f"【{ORDER_KINDS[draft.kind]}】{title}"[:200],
        "body": body,
        "entity": INBOX_ENTITY,
        "entity_id": str(order.id),
        "priority": draft.priority,
        "requires_ack": True,
        "created_at": at,
        "sender_id": actor.user_id,
        "sender_name": actor.display_name[:64],
    }
    notice = {k: v for k, v in notice.items() if v is not None}
    people = _recipient_ids(draft).subquery()
    fields = [literal(v, _M.c[k].type).label(k) for k, v in notice.items()]
    session.execute(insert(_M).from_select(["user_id", *notice], select(people.c.id, *fields)))
    mark_changed(session, "inbox_message")
    notices = (
        select(
            literal(order.id).label("order_id"),
            _M.c.user_id,
            User.unit_id,
            _M.c.id,
            literal(0).label("reminders"),
        )
        .select_from(_M.join(User, User.id == _M.c.user_id))
        .where(_M.c.entity == INBOX_ENTITY, _M.c.entity_id == str(order.id), _M.c.requires_ack.is_(True))
    )
    session.execute(
        insert(_R).from_select(["order_id", "user_id", "unit_id", "inbox_message_id", "reminders"], notices)
    )
    return receipt_count(session, order.id)  # (rowcount of INSERT ... SELECT is -1 on psycopg)


def send(
    session: Session,
    actor: Actor,
    draft: OrderDraft,
    *,
    now: datetime | None = None,
    progress: ProgressLike | None = None,
) -> SentOrder:
    """Issue an order: every recipient gets an inbox notice and a receipt, in the caller's transaction."""
    require(session, actor, DISPATCH_ORDER_SEND)
    at = now or utcnow()
    title, body = _validate(draft, at)
    recipients, target_text = resolve_recipients(session, draft)
    checked = attachments.check(session, draft.attachments)

    order = DispatchOrder(
        number=dispatch_people.next_number(session, DispatchOrder, "JL", at),
        kind=draft.kind,
        title=title,
        body=body,
        priority=draft.priority,
        targets={
            "everyone": draft.everyone,
            "units": list(dict.fromkeys(draft.unit_ids)),
            "users": list(dict.fromkeys(draft.user_ids)),
        },
        target_text=target_text,
        recipient_count=len(recipients),
        ack_deadline=draft.ack_deadline,
        sender_id=actor.user_id,
        sender_name=dispatch_people.actor_name(actor),
        sent_at=at,
        updated_by=actor.username,
    )
    session.add(order)
    session.flush()

    delivered = _deliver(session, actor, draft, order, title, body, at)
    if delivered != len(recipients):  # a role granted or withdrawn meanwhile: the receipts are the truth
        order.recipient_count = delivered
    mark_changed(session, "dispatch_order_receipt")
    stored = attachments.store(session, actor, checked, order_id=order.id, progress=progress)
    audit.record(
        session,
        actor,
        "send",
        entity="dispatch_order",
        entity_id=order.id,
        new={
            "number": order.number,
            "title": title,
            "kind": draft.kind,
            "priority": draft.priority,
            "to": target_text,
            "recipients": len(recipients),
            "ack_deadline": draft.ack_deadline,
            "attachments": [a.filename for a in stored],
        },
        detail=f"{order.number} {title}"[:200],
    )
    tables = {"dispatch_order", "dispatch_order_receipt", "inbox_message"}
    if stored:
        tables.add("dispatch_attachment")
    return SentOrder(order.id, order.number, len(recipients), target_text, tuple(stored), frozenset(tables))


def receipt_count(session: Session, order_id: int) -> int:
    return int(session.execute(select(func.count()).where(_R.c.order_id == order_id)).scalar_one())


def target_summary(unit_names: Sequence[str], person_names: Sequence[str], everyone: bool) -> str:
    """The words the compose dialog shows before sending (same rule as :func:`resolve_recipients`)."""
    if everyone:
        return "全体民警"
    return "；".join(p for p in ("、".join(unit_names), "、".join(person_names)) if p)
