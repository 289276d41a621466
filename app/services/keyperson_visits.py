"""Daily work: visits and check-ins, and risk events; each rescores the person in the same transaction.

A visit that reached the person is the supervision done: the next one is due an interval later, and a
person who was lost (脱管) is back under supervision. A visit that did not reach them records an automatic
"无法取得联系" event, which adds its points. A visit dated in the future, or an event dated after today, is
refused with nothing written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.keyperson_permissions import (
    KP_EVENT,
    KP_VISIT,
    STATUS_ACTIVE,
    STATUS_LOST,
    STATUS_REMOVED,
    VISIT_KINDS,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_risk import CAUSE_EVENT, CAUSE_VISIT
from app.models.keyperson_visit import KpEvent, KpVisit
from app.services import audit, entity_service
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Saved
from app.services.keyperson_common import load_person, local_date, local_today
from app.services.keyperson_config import load
from app.services.keyperson_rules import UNREACHABLE
from app.services.keyperson_scoring import LevelOutcome, reschedule, rescore
from app.services.keyperson_work_specs import EVENT_SPEC, VISIT_SPEC
from app.services.permissions import require
from app.services.sms_text import LOCAL_TZ

CLOCK_SKEW = timedelta(minutes=5)  # workstations' clocks differ a little; a visit "in 2 minutes" is now


@dataclass(frozen=True)
class Recorded:
    """A saved visit or event and what it did to the person's level (a warning, when it rose)."""

    saved: Saved
    outcome: LevelOutcome


def _clean(session: Session, spec: EntitySpec, values: Mapping[str, Any]) -> dict[str, Any]:
    form = {f.name for f in spec.form_fields}
    clean, errors = entity_service.clean_values(session, spec, {k: v for k, v in values.items() if k in form})
    if errors:
        raise ValidationError(errors)
    return {k: v for k, v in clean.items() if k in form}


def _supervised(person: KeyPerson, action: str) -> None:
    if person.status == STATUS_REMOVED:
        raise DomainError("kp_person_removed", name=person.name, action=action)


def record_visit(
    session: Session, actor: Actor, person_id: int, values: Mapping[str, Any], *, now: datetime
) -> Recorded:
    require(session, actor, KP_VISIT)
    clean = _clean(session, VISIT_SPEC, values)
    at: datetime = clean["visited_at"]
    if at.tzinfo is None:  # a spreadsheet's or a script's local time
        at = at.replace(tzinfo=LOCAL_TZ)
    if at > now + CLOCK_SKEW:
        raise ValidationError(
            {"visited_at": "走访时间不能晚于现在"},
            "kp_visit_future",
            at=now.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    person = load_person(session, person_id, lock=True)
    _supervised(person, "登记走访")
    visit = KpVisit(
        person_id=person_id,
        kind=clean["kind"],
        visited_at=at,
        place=clean.get("place") or "",
        findings=clean.get("findings") or "",
        contact_made=bool(clean.get("contact_made")),
        visitor_name=(clean.get("visitor_name") or actor.display_name)[:64],
        officer_id=actor.user_id,
        updated_by=actor.username,
    )
    session.add(visit)
    session.flush()
    rules = load(session)
    if person.last_visit_at is None or at > person.last_visit_at:
        person.last_visit_at = at
    kind = VISIT_KINDS.get(visit.kind, visit.kind)
    if visit.contact_made:
        if person.last_contact_at is None or at > person.last_contact_at:
            person.last_contact_at = at
        if person.status == STATUS_LOST:
            person.status = STATUS_ACTIVE
            person.change_reason = f"{kind}联系上本人，恢复在管"
        note = f"{kind}（{local_date(at).isoformat()}）"
    else:
        session.add(
            KpEvent(
                person_id=person_id,
                kind=UNREACHABLE,
                occurred_on=local_date(at),
                note=f"{kind}未能联系上本人：{visit.findings}"[:2000],
                automatic=True,
                visit_id=visit.id,
                updated_by=actor.username,
            )
        )
        session.flush()
        note = f"{kind}未联系上本人（{local_date(at).isoformat()}）"
    person.updated_by = actor.username
    outcome = rescore(session, person, rules=rules, now=now, cause=CAUSE_VISIT, actor=actor, note=note)
    reschedule(person, rules, local_today(now))
    audit.record(
        session,
        actor,
        "create",
        entity="kp_visit",
        entity_id=visit.id,
        new={
            "person_id": person_id,
            "kind": visit.kind,
            "visited_at": at,
            "contact_made": visit.contact_made,
        },
        detail=f"{person.name}：{note}",
    )
    session.flush()
    row = entity_service.get(session, actor, VISIT_SPEC, visit.id)
    return Recorded(Saved(row, frozenset({"kp_visit", "kp_event", "key_person"}), True), outcome)


def record_event(
    session: Session, actor: Actor, person_id: int, values: Mapping[str, Any], *, now: datetime
) -> Recorded:
    require(session, actor, KP_EVENT)
    clean = _clean(session, EVENT_SPEC, values)
    if clean["occurred_on"] > local_today(now):
        raise ValidationError({"occurred_on": "事件日期不能晚于今天"}, "kp_event_future")
    rules = load(session)
    rule = rules.event_rule(clean["kind"])
    if rule is None:
        raise ValidationError(
            {"kind": f"没有“{clean['kind']}”这条规则"}, "kp_event_unknown", kind=clean["kind"]
        )
    person = load_person(session, person_id, lock=True)
    _supervised(person, "登记风险事件")
    event = KpEvent(
        person_id=person_id,
        kind=rule.code,
        occurred_on=clean["occurred_on"],
        note=clean.get("note") or "",
        automatic=False,
        updated_by=actor.username,
    )
    session.add(event)
    session.flush()
    note = f"{rule.name}（{event.occurred_on.isoformat()}，{rule.points:+d}分）"
    person.updated_by = actor.username
    outcome = rescore(session, person, rules=rules, now=now, cause=CAUSE_EVENT, actor=actor, note=note)
    audit.record(
        session,
        actor,
        "create",
        entity="kp_event",
        entity_id=event.id,
        new={"person_id": person_id, "kind": rule.code, "occurred_on": event.occurred_on},
        detail=f"{person.name}：{note}",
    )
    session.flush()
    row = entity_service.get(session, actor, EVENT_SPEC, event.id)
    return Recorded(Saved(row, frozenset({"kp_event", "key_person"}), True), outcome)
