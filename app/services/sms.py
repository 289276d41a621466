"""The SMS outbox engine: queueing, and delivery with retries that never texts anyone twice.

Platforms call :func:`queue` inside their own transaction (the text is stored with the change that caused it,
or not at all). A sender, :func:`deliver_due`, run as the ``sms_send`` sweep by any workstation or by a
server's scheduler, claims due rows with a conditional UPDATE (status ``queued`` -> ``sending``, plus
``FOR UPDATE SKIP LOCKED`` on PostgreSQL), calls the gateway outside any transaction and records the result.
Only the claimant can record it, so two senders running at once never send one text twice. A sender that
dies between the gateway call and the record leaves the row ``sending``; after :data:`STALE_AFTER` it is
marked failed, not resent, because whether it went out is unknown (an operator may re-queue it).

The carriers' rules live in :mod:`sms_text`, the gateways in :mod:`sms_gateways`, the outbox screen in
:mod:`sms_outbox`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.validators import validate_mobile
from app.models.base import utcnow
from app.models.db import WORKSTATION, Database, mark_changed
from app.models.messaging import (
    SMS_DELIVERED,
    SMS_FAILED,
    SMS_HELD,
    SMS_MANAGE,
    SMS_QUEUED,
    SMS_SENDING,
    SMS_SENT,
    Link,
    SmsMessage,
)
from app.services import business_settings
from app.services.context import Actor
from app.services.sms_gateways import (
    FileGateway,
    GatewayError,
    HttpGateway,
    SmsGateway,
    from_config,
    validate_config,
)
from app.services.sms_text import (
    LOCAL_TZ,
    MAX_LENGTH,
    aware,
    char_count,
    compose,
    count_segments,
    is_quiet,
    next_release,
    normalize_signature,
    render_template,
)

__all__ = [  # the text rules and the gateways, re-exported so platforms need only ``sms``
    "LOCAL_TZ",
    "MAX_LENGTH",
    "FileGateway",
    "GatewayError",
    "HttpGateway",
    "SmsGateway",
    "char_count",
    "compose",
    "count_segments",
    "is_quiet",
    "next_release",
    "normalize_signature",
    "render_template",
]

log = logging.getLogger(__name__)

SIGNATURE_KEY = "sms.signature"
GATEWAY_KEY = "sms.gateway"
DEFAULT_SIGNATURE = "【岚皋县公安局】"
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
STALE_AFTER = timedelta(minutes=15)
CLAIM_BATCH = 20  # a claimed batch is sent within STALE_AFTER even when every call times out
GIVE_UP_AFTER = 3  # consecutive temporary errors: the gateway is down, stop this run
_T = cast(Table, SmsMessage.__table__)

# --- settings ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmsSettings:
    signature: str
    gateway: Mapping[str, Any]


def current_settings(session: Session) -> SmsSettings:
    stored = business_settings.get(session, SIGNATURE_KEY, DEFAULT_SIGNATURE)
    try:
        signature = normalize_signature(str(stored or DEFAULT_SIGNATURE))
    except DomainError:
        log.warning("stored SMS signature %r is invalid; using %s", stored, DEFAULT_SIGNATURE)
        signature = DEFAULT_SIGNATURE
    gateway = business_settings.get(session, GATEWAY_KEY, None) or {"kind": "file"}
    return SmsSettings(signature, gateway)


def configure(
    session: Session,
    actor: Actor,
    *,
    signature: str | None = None,
    gateway: Mapping[str, Any] | None = None,
) -> SmsSettings:
    """Change the signature and/or the gateway for every workstation (``sms.manage``, audited)."""
    if signature is not None:
        business_settings.set(
            session, actor, SIGNATURE_KEY, normalize_signature(signature), permission=SMS_MANAGE
        )
    if gateway is not None:
        business_settings.set(session, actor, GATEWAY_KEY, validate_config(gateway), permission=SMS_MANAGE)
    return current_settings(session)


def gateway_for(session: Session) -> SmsGateway:
    """The gateway the business settings name (the file gateway by default)."""
    settings = current_settings(session)
    return from_config(settings.gateway, signature=settings.signature)


# --- queueing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueuedSms:
    id: int
    status: str
    segments: int
    next_attempt_at: datetime | None
    created: bool  # False: this dedupe_key was queued before, and this is that message


def _queued(msg: SmsMessage, created: bool) -> QueuedSms:
    return QueuedSms(msg.id, msg.status, msg.segments, msg.next_attempt_at, created)


def queue(
    session: Session,
    *,
    phone: str,
    text: str,
    dedupe_key: str,
    user_triggered: bool,
    related: Link | tuple[str, Any] | None = None,
    signature: str | None = None,
    now: datetime | None = None,
) -> QueuedSms:
    """Put one text in the outbox, in the caller's transaction; idempotent per ``dedupe_key``.

    ``dedupe_key`` names the event (``"application:42:accepted"``): queueing it again returns the message
    already queued and stores nothing. ``user_triggered`` texts (the citizen is at the window and asked)
    may go out at night; all others wait for 07:00. An invalid number raises ValidationError.
    """
    if not dedupe_key or len(dedupe_key) > 200:
        raise ValueError("dedupe_key must name the event in 1-200 characters")
    number = validate_mobile(phone, required=True)
    assert number is not None
    sig = normalize_signature(signature) if signature else current_settings(session).signature
    full = compose(text, sig)
    now = aware(now)
    existing = session.execute(select(SmsMessage).where(SmsMessage.dedupe_key == dedupe_key)).scalar()
    if existing is not None:
        return _queued(existing, False)
    hold = not user_triggered and is_quiet(now)
    link = Link.of(related)
    msg = SmsMessage(
        phone=number,
        text=full[len(sig) :],
        signature=sig,
        segments=count_segments(full),
        status=SMS_HELD if hold else SMS_QUEUED,
        attempts=0,
        next_attempt_at=next_release(now) if hold else now,
        user_triggered=user_triggered,
        dedupe_key=dedupe_key,
        entity=link.entity if link else "",
        entity_id=str(link.entity_id) if link else "",
        created_at=now,
    )
    try:
        with session.begin_nested():  # another workstation may queue the same event at this moment
            session.add(msg)
    except IntegrityError:
        existing = session.execute(select(SmsMessage).where(SmsMessage.dedupe_key == dedupe_key)).scalar_one()
        return _queued(existing, False)
    return _queued(msg, True)


# --- sending ----------------------------------------------------------------------------------------------


@dataclass
class DeliveryReport:
    """What one run of the sender did (also the counts of the ``sms_send`` sweep)."""

    released: int = 0
    held: int = 0
    abandoned: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    gateway_down: bool = False
    errors: list[str] = field(default_factory=list)

    def as_counts(self) -> dict[str, int]:
        keys = ("released", "held", "abandoned", "sent", "retrying", "failed")
        return {k: int(getattr(self, k)) for k in keys}


@dataclass(frozen=True)
class _Claimed:
    id: int
    phone: str
    full_text: str
    attempts: int


def _prepare(session: Session, now: datetime, report: DeliveryReport) -> None:
    """Release or hold texts for the quiet hours, and give up on claims whose sender vanished."""
    if is_quiet(now):
        report.held = _rowcount(
            session.execute(
                update(_T)
                .where(
                    or_(
                        (_T.c.status == SMS_QUEUED) & _T.c.user_triggered.is_(False),
                        _T.c.status == SMS_HELD,
                    ),
                    _T.c.next_attempt_at <= now,
                )
                .values(status=SMS_HELD, next_attempt_at=next_release(now))
            )
        )
    else:
        report.released = _rowcount(
            session.execute(
                update(_T)
                .where(_T.c.status == SMS_HELD, _T.c.next_attempt_at <= now)
                .values(status=SMS_QUEUED)
            )
        )
    report.abandoned = _rowcount(
        session.execute(
            update(_T)
            .where(_T.c.status == SMS_SENDING, _T.c.claimed_at < now - STALE_AFTER)
            .values(
                status=SMS_FAILED,
                next_attempt_at=None,
                last_error="发送过程中断，无法确认是否已发出，未自动重发（可人工重发）",
            )
        )
    )


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _claim(session: Session, now: datetime, token: str, gateway: str, limit: int) -> list[_Claimed]:
    due = select(_T.c.id).where(_T.c.status == SMS_QUEUED, _T.c.next_attempt_at <= now)
    if is_quiet(now):
        due = due.where(_T.c.user_triggered.is_(True))
    due = (
        due.order_by(_T.c.next_attempt_at, _T.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite's IMMEDIATE transaction already serialises
    )
    ids = list(session.execute(due).scalars())
    if not ids:
        return []
    rows = session.execute(
        update(_T)
        .where(_T.c.id.in_(ids), _T.c.status == SMS_QUEUED)
        .values(
            status=SMS_SENDING,
            attempts=_T.c.attempts + 1,
            claimed_by=token,
            claimed_at=now,
            gateway=gateway[:32],
        )
        .returning(_T.c.id, _T.c.phone, _T.c.signature, _T.c.text, _T.c.attempts)
    ).all()
    return sorted(
        (_Claimed(r.id, r.phone, r.signature + r.text, r.attempts) for r in rows), key=lambda c: c.id
    )


def _finish(db: Database, claim: _Claimed, token: str, values: dict[str, Any]) -> None:
    with db.session() as session:
        session.execute(
            update(_T)
            .where(_T.c.id == claim.id, _T.c.status == SMS_SENDING, _T.c.claimed_by == token)
            .values(claimed_by=None, **values)
        )
        mark_changed(session, "sms_message")


def _unclaim(db: Database, claims: list[_Claimed], token: str) -> None:
    """Hand back claimed rows that were not tried (the gateway went down mid-batch)."""
    if not claims:
        return
    with db.session() as session:
        session.execute(
            update(_T)
            .where(_T.c.id.in_([c.id for c in claims]), _T.c.claimed_by == token, _T.c.status == SMS_SENDING)
            .values(status=SMS_QUEUED, attempts=_T.c.attempts - 1, claimed_by=None, claimed_at=None)
        )


def deliver_due(
    db: Database,
    gateway: SmsGateway | None = None,
    *,
    now: datetime | None = None,
    limit: int = 500,
    workstation: str = WORKSTATION,
) -> DeliveryReport:
    """Send what is due, at most ``limit`` texts; safe to run on several workstations at once.

    A temporary gateway error retries after 1 min, 5 min, 30 min and 2 h; then the text is failed, as it
    is at once on a permanent error. ``now`` fixes the clock (tests, replays); by default the real time.
    """
    clock = (lambda: aware(now)) if now is not None else utcnow
    token = f"{workstation[:40]}:{uuid.uuid4().hex[:16]}"
    report = DeliveryReport()
    with db.session() as session:
        _prepare(session, clock(), report)
        gw = gateway if gateway is not None else gateway_for(session)
        if report.held or report.released or report.abandoned:
            mark_changed(session, "sms_message")
    done = 0
    down_streak = 0
    while done < limit and not report.gateway_down:
        with db.session() as session:
            batch = _claim(session, clock(), token, gw.name, min(CLAIM_BATCH, limit - done))
            if batch:
                mark_changed(session, "sms_message")
        if not batch:
            break
        for i, claim in enumerate(batch):
            done += 1
            try:
                provider_id = gw.send(claim.phone, claim.full_text)
            except Exception as exc:  # noqa: BLE001 - any gateway failure is recorded on the message
                temporary = exc.temporary if isinstance(exc, GatewayError) else True
                error = str(exc)[:500] or type(exc).__name__
                report.errors.append(error)
                down_streak = down_streak + 1 if temporary else 0
                if temporary and claim.attempts < MAX_ATTEMPTS:
                    retry_at = clock() + RETRY_DELAYS[claim.attempts - 1]
                    _finish(
                        db,
                        claim,
                        token,
                        {"status": SMS_QUEUED, "next_attempt_at": retry_at, "last_error": error},
                    )
                    report.retrying += 1
                else:
                    _finish(
                        db, claim, token, {"status": SMS_FAILED, "next_attempt_at": None, "last_error": error}
                    )
                    report.failed += 1
                if down_streak >= GIVE_UP_AFTER:
                    log.warning("SMS gateway %s keeps failing (%s); stopping this run", gw.name, error)
                    report.gateway_down = True
                    _unclaim(db, batch[i + 1 :], token)
                    break
                continue
            down_streak = 0
            _finish(
                db,
                claim,
                token,
                {
                    "status": SMS_SENT,
                    "sent_at": clock(),
                    "provider_message_id": provider_id[:64],
                    "last_error": "",
                },
            )
            report.sent += 1
    return report


def mark_delivered(
    session: Session,
    provider_message_id: str,
    *,
    delivered: bool = True,
    error: str = "",
    at: datetime | None = None,
) -> int | None:
    """Record a provider's delivery report; returns the message id, or None for an unknown provider id."""
    msg = session.execute(
        select(SmsMessage).where(SmsMessage.provider_message_id == provider_message_id)
    ).scalar()
    if msg is None:
        return None
    if msg.status == SMS_SENT:
        if delivered:
            msg.status, msg.delivered_at = SMS_DELIVERED, aware(at)
        else:
            msg.status, msg.last_error = SMS_FAILED, (error or "运营商回执：未送达")[:500]
    return msg.id
