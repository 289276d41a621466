"""Handling an item: the named transitions each role may make, routing and reassignment, and the timeline.

Every change compares the version the user saw (ConflictError when another workstation moved the item
first), writes a timeline step, queues the text for that step and an audit record, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound
from app.core.normalize import normalize_text
from app.models.accounts import User
from app.models.base import utcnow
from app.models.messaging import KIND_TASK
from app.models.org import Unit
from app.models.service_catalogue import CERT_NO_CRIMINAL_RECORD, ServiceCatalogueItem, split_lines
from app.models.service_item import (
    ACCEPTED,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    STATUS_NAMES,
    SUPPLEMENT,
    TRANSITIONS,
    ServiceEvent,
    ServiceItem,
)
from app.models.service_permissions import SERVICE_HANDLE, SERVICE_LOOKUP
from app.models.working_calendar import local_date
from app.services import audit, inbox, item_clock, service_daily, service_texts
from app.services.context import Actor
from app.services.item_records import EventInfo, ItemInfo, add_event, card_of, info_of
from app.services.permissions import has, permissions_of, require
from app.services.service_catalogue import is_conditional
from app.services.working_days import current_calendar, today

# Steps that make someone a handler of the item: such a person may not also decide it (four eyes).
HANDLING_STEPS = ("receive", "accept", "start_review", "request_materials", "supply")
# The approver's decisions: approve (the certificate may print) or, for a 无犯罪记录证明 whose check found a
# record, refuse (the 不予出具无犯罪记录证明通知书 may print; see app.services.certificates).
DECISIONS = ("approve", "refuse")
REFUSAL_NOTE = "经查询有犯罪记录，不予出具无犯罪记录证明"

_HINTS = {
    ("complete", SUPPLEMENT): "事项正在等待群众补正材料，请先登记“材料已补齐”。",
    ("approve", SUPPLEMENT): "事项正在等待群众补正材料，请先登记“材料已补齐”。",
    ("deliver", SUPPLEMENT): "事项尚未办结。",
}


def _load(session: Session, item_id: int) -> ServiceItem:
    item = session.get(ServiceItem, item_id)
    if item is None:
        raise NotFound(entity="事项")
    return item


def _check_version(session: Session, item: ServiceItem, version: int) -> None:
    if item.version != version:
        by = item.updated_by or "其他用户"
        name = session.execute(select(User.display_name).where(User.username == by)).scalar()
        raise ConflictError(entity="事项", by=name or by, at=item.updated_at.astimezone().strftime("%H:%M"))


def handled_by(session: Session, item: ServiceItem, user_id: int | None) -> bool:
    """Did this user handle the item: its first-contact owner, its officer, or the author of a handling step?

    Approval is the second pair of eyes on a decision (a certificate prints only after it), so whoever
    received, accepted, reviewed or chased materials for the item cannot be the one who approves it.
    """
    if user_id is None:
        return False
    if user_id in (item.owner_id, item.officer_id):
        return True
    stmt = select(
        exists().where(
            ServiceEvent.item_id == item.id,
            ServiceEvent.actor_id == user_id,
            ServiceEvent.action.in_(HANDLING_STEPS),
        )
    )
    return bool(session.execute(stmt).scalar())


def _info(session: Session, item: ServiceItem) -> ItemInfo:
    day = today()
    limit = current_calendar(session).next_working_day(day)
    return info_of(session, item, card_of(item, day, limit))


def get(session: Session, actor: Actor, item_id: int) -> ItemInfo:
    require(session, actor, SERVICE_LOOKUP)
    return _info(session, _load(session, item_id))


def allowed_actions(session: Session, actor: Actor, item: ItemInfo) -> list[str]:
    """The transitions this actor may make on this item now (buttons to offer; the service checks again)."""
    perms = permissions_of(session, actor.user_id) if actor.user_id is not None else actor.permissions
    out = []
    for t in TRANSITIONS.values():
        if item.status in t.sources and ("*" in perms or any(p in perms for p in t.permissions)):
            if t.action == "complete" and item.needs_approval:
                continue
            if t.action == "refuse" and item.certificate_kind != CERT_NO_CRIMINAL_RECORD:
                continue
            if t.action in DECISIONS and handled_by(session, _load(session, item.id), actor.user_id):
                continue
            out.append(t.action)
    return out


def transition(
    session: Session,
    actor: Actor,
    item_id: int,
    version: int,
    action: str,
    *,
    note: str = "",
    missing: Sequence[str] = (),
    now: datetime | None = None,
) -> ItemInfo:
    """Move the item by ``action`` (see ``TRANSITIONS``); refused in Chinese when the state does not allow it."""
    t = TRANSITIONS.get(action)
    if t is None:
        raise ValueError(f"unknown action {action!r}")
    if not any(has(session, actor, p) for p in t.permissions):
        require(session, actor, t.permissions[0])  # audits the refusal and raises
    item = _load(session, item_id)
    _check_version(session, item, version)
    cat = session.get(ServiceCatalogueItem, item.catalogue_id)
    assert cat is not None
    if item.status not in t.sources:
        raise DomainError(
            "service_state",
            state=STATUS_NAMES.get(item.status, item.status),
            action=t.label,
            hint=_HINTS.get((action, item.status), ""),
        )
    if action == "complete" and cat.needs_approval:
        raise DomainError("service_needs_approval", item=cat.name)
    if action == "refuse" and cat.certificate_kind != CERT_NO_CRIMINAL_RECORD:
        raise DomainError("service_refuse_kind", item=cat.name)
    if action in DECISIONS and handled_by(session, item, actor.user_id):
        raise DomainError("service_four_eyes", item=cat.name)
    text = normalize_text(note, multiline=True) or ""
    if t.needs_note and not text:
        raise DomainError("service_note_required", what="不予受理或退回的原因")
    moment = now or utcnow()
    day = local_date(moment)
    calendar = current_calendar(session)
    before = item.status
    counted = service_daily.contribution(item)
    if action == "request_materials":
        wanted = [m for m in missing if m]
        if not wanted:
            raise DomainError("service_no_missing")
        item.materials_missing = [m for m in wanted]
        item.resume_status = item.status
        item.status = SUPPLEMENT
        item_clock.pause(item, day)
        text = text or "尚缺：" + "、".join(wanted)
    elif action == "supply":
        lost = item_clock.resume(item, calendar, day)
        received = list(item.materials_received or [])
        item.materials_received = received + [m for m in item.materials_missing or [] if m not in received]
        item.materials_missing = []
        item.status = item.resume_status or ACCEPTED
        item.resume_status = None
        text = text or f"暂停计时 {lost} 个工作日"
    else:
        item.status = t.target
        if action == "accept" and item.owner_id is None:
            item.owner_id = actor.user_id  # the clerk who accepts a portal item owns it
        if action == "approve":
            item.approved_by_id = actor.user_id
            item.approved_at = moment
        if item.status in FINISHED_STATUSES and before not in FINISHED_STATUSES:
            item_clock.finish(item, calendar, day)
            item.finished_at = moment
        if action == "refuse":
            text = text or REFUSAL_NOTE
        if action in ("reject", "refuse"):
            item.outcome_note = text[:500]
            item.materials_missing = []
    item.updated_by = actor.username
    service_daily.record(session, counted, item)
    seq = add_event(session, actor, item, action, from_status=before, note=text, at=moment)
    unit = session.get(Unit, item.unit_id)
    service_texts.notify(
        session,
        item,
        action,
        seq,
        service_texts.values_for(item, cat.name, unit.name if unit else ""),
        user_triggered=False,
        now=now,
    )
    audit.record(
        session,
        actor,
        f"service_{action}",
        entity="service_item",
        entity_id=item.id,
        old={"status": before},
        new={"status": item.status, "note": text},
        detail=item.tracking_no,
    )
    session.flush()
    return _info(session, item)


def assign(
    session: Session,
    actor: Actor,
    item_id: int,
    version: int,
    *,
    unit_id: int,
    officer_id: int | None,
    note: str = "",
) -> ItemInfo:
    """Route an open item to a department and (optionally) an officer of it; a reassignment is the same step."""
    require(session, actor, SERVICE_HANDLE)
    item = _load(session, item_id)
    _check_version(session, item, version)
    if item.status not in OPEN_STATUSES:
        raise DomainError(
            "service_state", state=STATUS_NAMES.get(item.status, item.status), action="分派", hint=""
        )
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(entity="部门")
    officer = session.get(User, officer_id) if officer_id is not None else None
    if officer_id is not None and (officer is None or not officer.active):
        raise DomainError("service_officer_unknown")
    if officer is not None and officer.unit_id is not None and officer.unit_id != unit_id:
        raise DomainError("service_officer_unit", officer=officer.display_name, unit=unit.name)
    old = {"unit_id": item.unit_id, "officer_id": item.officer_id}
    if old == {"unit_id": unit_id, "officer_id": officer_id}:
        return _info(session, item)
    counted = service_daily.contribution(item)
    item.unit_id = unit_id
    item.officer_id = officer_id
    service_daily.record(session, counted, item)
    item.card_notified = ""
    item.updated_by = actor.username
    who = f"{unit.name}" + (f" {officer.display_name}" if officer is not None else "")
    text = (normalize_text(note, multiline=True) or "").strip()
    seq = add_event(
        session,
        actor,
        item,
        "assign",
        from_status=item.status,
        note=f"分派至{who}" + (f"：{text}" if text else ""),
    )
    cat = session.get(ServiceCatalogueItem, item.catalogue_id)
    values = service_texts.values_for(item, cat.name if cat else "", unit.name)
    service_texts.notify(session, item, "assign", seq, values, user_triggered=False)
    if officer is not None and officer.id != actor.user_id:
        inbox.send(
            session,
            recipients=[officer.id],
            kind=KIND_TASK,
            title=f"新分派事项 {item.tracking_no}",
            body=f"{item.applicant_name}的事项已分派给您办理，承诺{service_texts.format_day(item.due_date)}前办结。",
            link=("service_item", item.id),
            sender=actor,
        )
    audit.record(
        session,
        actor,
        "service_assign",
        entity="service_item",
        entity_id=item.id,
        old=old,
        new={"unit_id": unit_id, "officer_id": officer_id},
        detail=item.tracking_no,
    )
    session.flush()
    return _info(session, item)


def timeline(session: Session, actor: Actor, item_id: int) -> list[EventInfo]:
    """Every step of the item, oldest first: who, when, what, note, and the state after the step."""
    require(session, actor, SERVICE_LOOKUP)
    _load(session, item_id)
    rows = session.execute(
        select(ServiceEvent).where(ServiceEvent.item_id == item_id).order_by(ServiceEvent.seq)
    ).scalars()
    return [
        EventInfo(
            e.seq, e.at, e.actor_name, e.action, e.from_status, e.to_status, e.note, dict(e.snapshot or {})
        )
        for e in rows
    ]


def officers_of(session: Session, actor: Actor, unit_id: int) -> list[tuple[int, str]]:
    """Active officers of a unit (and those without a unit) for the assignment dialog."""
    require(session, actor, SERVICE_LOOKUP)
    rows = session.execute(
        select(User.id, User.display_name)
        .where(User.active.is_(True), (User.unit_id == unit_id) | User.unit_id.is_(None))
        .order_by(User.unit_id.is_(None), User.display_name)
    )
    return [(i, n) for i, n in rows]


def required_missing(session: Session, item_id: int) -> list[str]:
    """The catalogue materials not received yet (what a request for materials offers to tick)."""
    item = _load(session, item_id)
    cat = session.get(ServiceCatalogueItem, item.catalogue_id)
    received = set(item.materials_received or [])
    return [
        m for m in split_lines(cat.materials if cat else "") if m not in received and not is_conditional(m)
    ]
