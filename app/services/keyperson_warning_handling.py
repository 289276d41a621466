"""Handling warnings: 签收 (acknowledge), 处置 (handle with notes), and escalation of those not handled in time.

Who: the people the warning went to (its inbox recipients: the keepers with an account, the responsible
officer, the supervisor or the station's leaders), whatever their role, as they acknowledge any message sent
to them; besides them, platform staff who may both handle warnings and see the register (a colleague
covering). Acknowledging a warning also acknowledges the actor's inbox message about it.

Two people handling the same warning at once: the row is locked (FOR UPDATE on PostgreSQL, the single
writer on SQLite), so the second is told it is already handled. A warning not handled by its deadline is
closed as escalated and a new one, one level up, goes out to the keepers and to every leader of the station.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.db import mark_changed
from app.models.keyperson_permissions import (
    KP_VIEW,
    KP_WARNING_HANDLE,
    LEVEL_NAMES,
    LEVEL_RED,
    WARNING_ACKNOWLEDGED,
    WARNING_ESCALATED,
    WARNING_HANDLED,
    WARNING_OPEN,
    WARNING_PENDING,
    WARNING_STATUS_NAMES,
    next_level,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_warning import KpWarning
from app.models.messaging import InboxMessage
from app.services import audit
from app.services.context import SYSTEM, Actor
from app.services.keyperson_rules import Rules
from app.services.keyperson_warnings import WarningDraft, raise_many
from app.services.permissions import require


def _load(session: Session, warning_id: int) -> KpWarning:
    warning = session.execute(
        select(KpWarning).where(KpWarning.id == warning_id).with_for_update()
    ).scalar_one_or_none()
    if warning is None:
        raise DomainError("not_found", entity="预警", id=warning_id)
    return warning


def _inbox_of(session: Session, actor: Actor, warning_id: int) -> list[InboxMessage]:
    if actor.user_id is None:
        return []
    return list(
        session.execute(
            select(InboxMessage).where(
                InboxMessage.user_id == actor.user_id,
                InboxMessage.entity == "kp_warning",
                InboxMessage.entity_id == str(warning_id),
            )
        ).scalars()
    )


def _may_handle(session: Session, actor: Actor, warning_id: int) -> list[InboxMessage]:
    """The actor's messages about the warning; refuses (audited) one who neither received it nor is staff."""
    mine = _inbox_of(session, actor, warning_id)
    if not mine:
        require(session, actor, KP_WARNING_HANDLE)
        require(session, actor, KP_VIEW)
    return mine


def _acknowledge_inbox(session: Session, messages: list[InboxMessage], now: datetime) -> None:
    ids = [m.id for m in messages if m.acknowledged_at is None]
    if ids:
        session.execute(
            update(InboxMessage)
            .where(InboxMessage.id.in_(ids))
            .values(acknowledged_at=now, read_at=func.coalesce(InboxMessage.read_at, now))
            .execution_options(synchronize_session=False)
        )
        mark_changed(session, "inbox_message")


def _refuse_closed(warning: KpWarning, action: str) -> None:
    if warning.status in WARNING_PENDING:
        return
    hint = "请处置升级后的新预警。" if warning.status == WARNING_ESCALATED else ""
    raise DomainError(
        "kp_warning_closed", state=WARNING_STATUS_NAMES[warning.status], action=action, hint=hint
    )


def acknowledge(session: Session, actor: Actor, warning_id: int, *, now: datetime) -> int:
    """签收: the first keeper or leader to confirm the warning (later confirmations change nothing)."""
    mine = _may_handle(session, actor, warning_id)
    warning = _load(session, warning_id)
    _refuse_closed(warning, "签收")
    _acknowledge_inbox(session, mine, now)
    if warning.status == WARNING_OPEN:
        warning.status = WARNING_ACKNOWLEDGED
        warning.acknowledged_by = actor.user_id
        warning.acknowledged_at = now
        warning.updated_by = actor.username
        audit.record(session, actor, "kp_warning_ack", entity="kp_warning", entity_id=warning.id)
    return warning.version


def handle(session: Session, actor: Actor, warning_id: int, note: str, *, now: datetime) -> int:
    """处置: what was done, in words; closes the warning (acknowledging it too if nobody had)."""
    mine = _may_handle(session, actor, warning_id)
    text = (note or "").strip()
    if not text:
        raise ValidationError({"note": "请填写处置情况"}, "kp_warning_note_missing")
    warning = _load(session, warning_id)
    _refuse_closed(warning, "处置")
    _acknowledge_inbox(session, mine, now)
    old = warning.status
    if warning.acknowledged_at is None:
        warning.acknowledged_by, warning.acknowledged_at = actor.user_id, now
    warning.status = WARNING_HANDLED
    warning.handled_by, warning.handled_at = actor.user_id, now
    warning.handling_note = text[:4000]
    warning.updated_by = actor.username
    audit.record(
        session,
        actor,
        "kp_warning_handle",
        entity="kp_warning",
        entity_id=warning.id,
        old={"status": old},
        new={"status": WARNING_HANDLED, "note": text[:500]},
    )
    return warning.version


def escalate_overdue(session: Session, rules: Rules, now: datetime) -> int:
    """Warnings not handled by their deadline go one level up, to the station's leaders too (the sweep)."""
    overdue = list(
        session.execute(
            select(KpWarning)
            .where(KpWarning.status.in_(WARNING_PENDING), KpWarning.due_at < now)
            .order_by(KpWarning.id)
            .with_for_update()
        ).scalars()
    )
    if not overdue:
        return 0
    persons = {
        p.id: p
        for p in session.execute(
            select(KeyPerson).where(KeyPerson.id.in_({w.person_id for w in overdue}))
        ).scalars()
    }
    drafts = []
    for warning in overdue:
        warning.status = WARNING_ESCALATED
        warning.updated_by = SYSTEM.username
        if warning.depth >= rules.max_escalations:
            continue
        level = next_level(warning.level)
        reason = (
            f"{LEVEL_NAMES[warning.level]}（{warning.raised_at.astimezone():%m-%d %H:%M}发出）"
            f"逾期未处置，自动升级为{LEVEL_NAMES[level]}。原因：{warning.reason}"
        )
        drafts.append(WarningDraft.of(persons[warning.person_id], level, reason, warning))
    session.flush()
    return len(raise_many(session, drafts, rules=rules, now=now, audit_each=False))


def open_high_risk(session: Session, person_id: int) -> KpWarning | None:
    """An open high-risk alert for the person, if any (a removal must wait until it is handled)."""
    return session.execute(
        select(KpWarning)
        .where(
            KpWarning.person_id == person_id,
            KpWarning.level == LEVEL_RED,
            KpWarning.status.in_(WARNING_PENDING),
        )
        .limit(1)
    ).scalar_one_or_none()


__all__ = ["acknowledge", "escalate_overdue", "handle", "open_high_risk"]
