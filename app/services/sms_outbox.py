"""The SMS outbox screen: list, counts per status, and re-sending a failed text.

Reading needs ``sms.view``; full phone numbers also ``pii.unmask`` (audited); re-sending ``sms.manage``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.core.masking import mask_phone
from app.models.messaging import (
    SMS_FAILED,
    SMS_MANAGE,
    SMS_QUEUED,
    SMS_STATUS_NAMES,
    SMS_STATUSES,
    SMS_VIEW,
    Link,
    SmsMessage,
)
from app.models.permissions import PII_UNMASK
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require
from app.services.sms_text import aware


@dataclass(frozen=True)
class SmsInfo:
    id: int
    phone: str  # masked unless asked for with pii.unmask
    full_text: str
    segments: int
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    gateway: str
    user_triggered: bool
    entity: str
    entity_id: str
    created_at: datetime
    sent_at: datetime | None
    delivered_at: datetime | None


def _info(msg: SmsMessage, unmask: bool) -> SmsInfo:
    return SmsInfo(
        msg.id,
        msg.phone if unmask else mask_phone(msg.phone),
        msg.full_text,
        msg.segments,
        msg.status,
        msg.attempts,
        msg.next_attempt_at,
        msg.last_error,
        msg.gateway,
        msg.user_triggered,
        msg.entity,
        msg.entity_id,
        msg.created_at,
        msg.sent_at,
        msg.delivered_at,
    )


def list_outbox(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    related: Link | tuple[str, Any] | None = None,
    limit: int = 200,
    before_id: int | None = None,
    unmask: bool = False,
) -> list[SmsInfo]:
    """Newest first, paged by id (keyset). Full numbers only with ``pii.unmask``, and audited."""
    require(session, actor, SMS_VIEW)
    if unmask:
        require(session, actor, PII_UNMASK)
    stmt = select(SmsMessage)
    if status:
        stmt = stmt.where(SmsMessage.status == status)
    link = Link.of(related)
    if link is not None:
        stmt = stmt.where(SmsMessage.entity == link.entity, SmsMessage.entity_id == str(link.entity_id))
    if before_id is not None:
        stmt = stmt.where(SmsMessage.id < before_id)
    rows = [
        _info(m, unmask) for m in session.execute(stmt.order_by(SmsMessage.id.desc()).limit(limit)).scalars()
    ]
    if unmask and rows:
        audit.record(session, actor, "unmask", entity="sms_message", detail=f"{len(rows)} 条短信的手机号")
    return rows


def status_counts(session: Session, actor: Actor) -> dict[str, int]:
    """Texts per status (every status present, zero when none): the outbox header and the public figures."""
    require(session, actor, SMS_VIEW)
    counts = dict.fromkeys(SMS_STATUSES, 0)
    for status, n in session.execute(select(SmsMessage.status, func.count()).group_by(SmsMessage.status)):
        counts[status] = int(n)
    return counts


def requeue(session: Session, actor: Actor, message_id: int, *, now: datetime | None = None) -> SmsInfo:
    """Try a failed text again from scratch (``sms.manage``, audited); quiet hours still apply."""
    require(session, actor, SMS_MANAGE)
    msg = session.get(SmsMessage, message_id)
    if msg is None:
        raise NotFound(entity="短信")
    if msg.status != SMS_FAILED:
        raise DomainError(
            "invalid_state", state=SMS_STATUS_NAMES.get(msg.status, msg.status), action="重新发送"
        )
    msg.status, msg.attempts, msg.next_attempt_at, msg.last_error = SMS_QUEUED, 0, aware(now), ""
    audit.record(session, actor, "sms_requeue", entity="sms_message", entity_id=msg.id)
    return _info(msg, False)
