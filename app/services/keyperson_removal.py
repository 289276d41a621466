"""Removal from supervision (撤管): one officer requests, a different authorised supervisor decides.

Refused with a Chinese message and nothing written: a request without reasons or evidence, a request for a
person with an open high-risk alert (or at the high-risk level), a second pending request, a decision on
one's own request, a decision on a request already decided. The decision is a conditional UPDATE
(``WHERE status = 'pending'``), so of two supervisors deciding at the same moment exactly one succeeds and
the other is told who decided first. The database holds the same rules (see the model and the migration).

On approval the person leaves supervision (status 已撤管, level 无预警 with the decision as its reason), open
warnings on them are closed, and the keepers are told by inbox and text; on rejection the requester is told.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    KP_REMOVAL_APPROVE,
    KP_REMOVAL_REQUEST,
    LEVEL_NAMES,
    LEVEL_NONE,
    LEVEL_RED,
    REMOVAL_APPROVED,
    REMOVAL_PENDING,
    REMOVAL_REJECTED,
    REMOVAL_STATUS_NAMES,
    REMOVAL_WITHDRAWN,
    STATUS_REMOVED,
    WARNING_HANDLED,
    WARNING_PENDING,
)
from app.models.keyperson_removal import KpRemovalRequest
from app.models.keyperson_risk import CAUSE_STATUS
from app.models.keyperson_warning import KpWarning
from app.models.messaging import KIND_NOTICE, KIND_TASK, PRIORITY_HIGH
from app.services import audit, inbox
from app.services.context import Actor
from app.services.keyperson_common import load_person, masked_name, user_names
from app.services.keyperson_config import load
from app.services.keyperson_scoring import set_level
from app.services.keyperson_texts import queue_texts
from app.services.keyperson_warning_handling import open_high_risk
from app.services.keyperson_warnings import station_supervisors
from app.services.permissions import require


@dataclass(frozen=True)
class RemovalInfo:
    id: int
    version: int
    person_id: int
    person_name: str
    status: str
    requested_by: int
    requester_name: str
    requested_at: datetime
    reasons: str
    evidence: tuple[tuple[str, bool], ...]
    decided_by: int | None
    decider_name: str
    decided_at: datetime | None
    opinion: str


def _evidence(raw: object) -> tuple[tuple[str, bool], ...]:
    if not isinstance(raw, list):
        return ()
    return tuple((str(e.get("item", "")), bool(e.get("checked"))) for e in raw if isinstance(e, dict))


def info(session: Session, request_id: int) -> RemovalInfo:
    r = session.get(KpRemovalRequest, request_id)
    if r is None:
        raise DomainError("not_found", entity="撤管申请", id=request_id)
    session.refresh(r)
    names = user_names(session, {r.requested_by, r.decided_by})
    person = load_person(session, r.person_id)
    return RemovalInfo(
        r.id,
        r.version,
        r.person_id,
        person.name,
        r.status,
        r.requested_by,
        names.get(r.requested_by, ""),
        r.requested_at,
        r.reasons,
        _evidence(r.evidence),
        r.decided_by,
        names.get(r.decided_by or 0, ""),
        r.decided_at,
        r.opinion,
    )


def _pending_of(session: Session, person_id: int) -> KpRemovalRequest | None:
    return session.execute(
        select(KpRemovalRequest).where(
            KpRemovalRequest.person_id == person_id, KpRemovalRequest.status == REMOVAL_PENDING
        )
    ).scalar_one_or_none()


def request(
    session: Session,
    actor: Actor,
    person_id: int,
    reasons: str,
    evidence: Sequence[tuple[str, bool]],
    *,
    now: datetime,
) -> RemovalInfo:
    require(session, actor, KP_REMOVAL_REQUEST)
    text = (reasons or "").strip()
    if not text:
        raise ValidationError({"reasons": "请填写撤管理由"}, "kp_removal_reason_missing")
    checklist = [{"item": str(item)[:200], "checked": bool(ok)} for item, ok in evidence]
    if not any(e["checked"] for e in checklist):
        raise ValidationError({"evidence": "请勾选已提交的证明材料"}, "kp_removal_evidence_missing")
    person = load_person(session, person_id, lock=True)
    if person.status == STATUS_REMOVED:
        raise DomainError("kp_person_removed", name=person.name, action="申请撤管")
    alert = open_high_risk(session, person_id)
    if alert is not None or person.level == LEVEL_RED:
        raise DomainError("kp_removal_high_risk", name=person.name, level=LEVEL_NAMES[LEVEL_RED])
    _refuse_pending(session, person_id, person.name)
    req = KpRemovalRequest(
        person_id=person_id,
        requested_by=actor.user_id,
        requested_at=now,
        reasons=text[:4000],
        evidence=checklist,
        status=REMOVAL_PENDING,
        updated_by=actor.username,
    )
    try:
        with session.begin_nested():
            session.add(req)
    except IntegrityError:  # another officer asked at the same moment: theirs stands
        _refuse_pending(session, person_id, person.name)
        raise
    audit.record(
        session,
        actor,
        "kp_removal_request",
        entity="kp_removal_request",
        entity_id=req.id,
        new={"person_id": person_id, "reasons": text, "evidence": checklist},
        detail=person.name,
    )
    leaders = (
        [person.supervisor_id] if person.supervisor_id else station_supervisors(session, person.station_id)
    )
    inbox.send(
        session,
        recipients=[u for u in leaders if u and u != actor.user_id],
        kind=KIND_TASK,
        title=f"撤管待审批：{person.name}",
        body=f"{actor.display_name}申请对{person.name}撤管。理由：{text}",
        link=("kp_removal_request", req.id),
        priority=PRIORITY_HIGH,
        sender=actor,
        now=now,
    )
    return info(session, req.id)


def _refuse_pending(session: Session, person_id: int, name: str) -> None:
    pending = _pending_of(session, person_id)
    if pending is not None:
        who = user_names(session, {pending.requested_by}).get(pending.requested_by, "")
        raise DomainError(
            "kp_removal_pending", name=name, by=who, at=pending.requested_at.astimezone().strftime("%Y-%m-%d")
        )


def _already_decided(session: Session, req: KpRemovalRequest) -> DomainError:
    session.refresh(req)
    who = user_names(session, {req.decided_by}).get(req.decided_by or 0, "他人")
    at = req.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if req.decided_at else ""
    return DomainError("kp_removal_decided", by=who, at=at, decision=REMOVAL_STATUS_NAMES[req.status][1:])


def decide(
    session: Session, actor: Actor, request_id: int, *, approve: bool, opinion: str, now: datetime
) -> RemovalInfo:
    require(session, actor, KP_REMOVAL_APPROVE)
    req = session.get(KpRemovalRequest, request_id)
    if req is None:
        raise DomainError("not_found", entity="撤管申请", id=request_id)
    if req.requested_by == actor.user_id:
        audit.record_denied(
            session, actor, "kp_removal_decide", detail="own_request", entity="kp_removal_request"
        )
        raise DomainError("own_request")
    if req.status != REMOVAL_PENDING:
        raise _already_decided(session, req)
    text = (opinion or "").strip()
    if not text:
        raise ValidationError({"opinion": "请填写审批意见"}, "kp_removal_opinion_missing")
    status = REMOVAL_APPROVED if approve else REMOVAL_REJECTED
    result = session.execute(
        update(KpRemovalRequest)
        .where(KpRemovalRequest.id == request_id, KpRemovalRequest.status == REMOVAL_PENDING)
        .values(
            status=status,
            decided_by=actor.user_id,
            decided_at=now,
            opinion=text[:4000],
            version=KpRemovalRequest.version + 1,
            updated_by=actor.username,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise _already_decided(session, req)
    session.refresh(req)
    person = load_person(session, req.person_id, lock=True)
    if approve:
        _remove(session, actor, person, req, text, now)
    else:
        inbox.send(
            session,
            recipients=[req.requested_by],
            kind=KIND_NOTICE,
            title=f"撤管申请被驳回：{person.name}",
            body=f"{actor.display_name}驳回了您对{person.name}的撤管申请。意见：{text}",
            link=("kp_removal_request", req.id),
            sender=actor,
            now=now,
        )
    audit.record(
        session,
        actor,
        "kp_removal_decide",
        entity="kp_removal_request",
        entity_id=req.id,
        old={"status": REMOVAL_PENDING},
        new={"status": status, "opinion": text},
        detail=person.name,
    )
    return info(session, req.id)


def _remove(
    session: Session, actor: Actor, person, req: KpRemovalRequest, opinion: str, now: datetime
) -> None:  # type: ignore[no-untyped-def]
    rules = load(session)
    person.status = STATUS_REMOVED
    person.updated_by = actor.username
    person.change_reason = f"撤管审批通过（{actor.display_name}）：{opinion}"[:200]
    person.level_override = None
    set_level(
        session,
        person,
        LEVEL_NONE,
        rules=rules,
        now=now,
        cause=CAUSE_STATUS,
        reason=f"撤管审批通过，解除管控。审批意见：{opinion}",
        actor=actor,
    )
    person.next_visit_due = None
    for w in session.execute(
        select(KpWarning).where(KpWarning.person_id == person.id, KpWarning.status.in_(WARNING_PENDING))
    ).scalars():
        w.status = WARNING_HANDLED
        w.handled_by, w.handled_at = actor.user_id, now
        w.handling_note = "人员已撤管，预警自动关闭"
        w.updated_by = actor.username
    keepers = session.execute(
        select(KpKeeper.user_id, KpKeeper.phone).where(KpKeeper.person_id == person.id)
    ).all()
    users = [k.user_id for k in keepers if k.user_id] + [req.requested_by]
    if person.officer_id:
        users.append(person.officer_id)
    inbox.send(
        session,
        recipients=users,
        kind=KIND_NOTICE,
        title=f"已撤管：{person.name}",
        body=f"{person.name}经{actor.display_name}审批已撤管，解除一人四管管控。审批意见：{opinion}",
        link=("key_person", person.id),
        sender=actor,
        now=now,
    )
    text = f"您管控的{masked_name(person.name)}已经审批撤管，即日起不再列入重点人员管控。感谢您的配合。"
    queue_texts(
        session,
        [k.phone for k in keepers if k.phone],
        text,
        key=f"kp_removal:{req.id}",
        user_triggered=False,
        related=("kp_removal_request", req.id),
        now=now,
    )


def withdraw(session: Session, actor: Actor, request_id: int, *, now: datetime) -> RemovalInfo:
    """The requester takes back a request nobody has decided yet."""
    require(session, actor, KP_REMOVAL_REQUEST)
    req = session.get(KpRemovalRequest, request_id)
    if req is None:
        raise DomainError("not_found", entity="撤管申请", id=request_id)
    if req.requested_by != actor.user_id:
        raise DomainError("error", detail="只有申请人本人可以撤回撤管申请。")
    result = session.execute(
        update(KpRemovalRequest)
        .where(KpRemovalRequest.id == request_id, KpRemovalRequest.status == REMOVAL_PENDING)
        .values(status=REMOVAL_WITHDRAWN, version=KpRemovalRequest.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise _already_decided(session, req)
    audit.record(session, actor, "kp_removal_withdraw", entity="kp_removal_request", entity_id=request_id)
    return info(session, request_id)
