"""Registering and changing key persons: the generic save, plus what a key person needs besides.

Registration links the citizen register when the ID number is known there, sets the first score, level and
visit schedule with their reason, and counts the missing keepers. Registering the ID number of a person
removed from supervision earlier (已撤管) re-opens that same file for a new supervision period (重新列管): the
form's particulars, a new registration date, status 在管, a fresh score; every earlier visit, warning, level
change and the removal itself stay in the file's history. A change of category or risk grade
rescores at once. A supervisor may override the computed level with a reason (audited, recorded as a level
change); clearing the override lets the computed level apply again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.core.normalize import normalize_id_number
from app.models.citizen import Citizen
from app.models.keyperson_permissions import (
    KP_CREATE,
    KP_OVERRIDE,
    KP_VIEW,
    LEVEL_NAMES,
    LEVELS,
    STATUS_ACTIVE,
    STATUS_REMOVED,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_risk import CAUSE_CLEAR_OVERRIDE, CAUSE_EDIT, CAUSE_OVERRIDE, CAUSE_REGISTER
from app.services import audit, entity_service
from app.services.context import Actor
from app.services.entity_spec import Saved
from app.services.keyperson_common import load_person, local_today
from app.services.keyperson_config import load
from app.services.keyperson_keepers import refresh_missing
from app.services.keyperson_scoring import (
    LevelOutcome,
    registration_contact,
    reschedule,
    rescore,
    set_level,
)
from app.services.keyperson_specs import KEY_PERSON_SPEC
from app.services.permissions import require

RESCORING_FIELDS = ("category_code", "mental_grade")


def _link_citizen(session: Session, person: KeyPerson) -> None:
    if person.citizen_id is None:
        person.citizen_id = session.execute(
            select(Citizen.id).where(Citizen.id_number == person.id_number)
        ).scalar()


def _removed_with(session: Session, number: Any) -> KeyPerson | None:
    try:
        normal = normalize_id_number(str(number or ""))
    except ValueError:
        return None  # the generic validation says what is wrong with it
    return session.execute(
        select(KeyPerson).where(KeyPerson.id_number == normal, KeyPerson.status == STATUS_REMOVED)
    ).scalar_one_or_none()


def create(session: Session, actor: Actor, values: Mapping[str, Any], *, now: datetime) -> Saved:
    """Register a person (validated, duplicate ID numbers refused, audited) and score them."""
    require(session, actor, KP_CREATE)
    removed = _removed_with(session, values.get("id_number"))
    if removed is not None:
        return relist(session, actor, removed, values, now=now)
    saved = entity_service.create(session, actor, KEY_PERSON_SPEC, values)
    rules = load(session)
    person = load_person(session, saved.row.id)
    person.keepers_missing = rules.required_keepers
    person.last_contact_at = registration_contact(person.registered_on)
    _link_citizen(session, person)
    rescore(session, person, rules=rules, now=now, cause=CAUSE_REGISTER, actor=actor)
    reschedule(person, rules, local_today(now))
    session.flush()
    row = entity_service.get(session, actor, KEY_PERSON_SPEC, person.id)
    return Saved(row, saved.tables | {"kp_level_change"}, True)


def relist(
    session: Session, actor: Actor, person: KeyPerson, values: Mapping[str, Any], *, now: datetime
) -> Saved:
    """重新列管: the removed person's own file, re-opened with the form's values for a new period."""
    require(session, actor, KP_CREATE)
    form = {k: v for k, v in values.items() if k != "id_number"}
    registered = form.pop("registered_on", None)
    registered = registered if isinstance(registered, date) else local_today(now)
    if registered > local_today(now):
        raise ValidationError({"registered_on": "列管日期不能晚于今天"})
    entity_service.update(session, actor, KEY_PERSON_SPEC, person.id, person.version, form)
    person = load_person(session, person.id, lock=True)
    rules = load(session)
    person.status = STATUS_ACTIVE
    person.registered_on = registered
    person.level_override = None
    person.override_reason = ""
    person.last_contact_at = registration_contact(person.registered_on)
    person.updated_by = actor.username
    person.change_reason = "重新列管"
    session.flush()
    refresh_missing(session, person.id, rules)
    rescore(session, person, rules=rules, now=now, cause=CAUSE_REGISTER, actor=actor, note="重新列管")
    reschedule(person, rules, local_today(now))
    audit.record(
        session,
        actor,
        "kp_relist",
        entity="key_person",
        entity_id=person.id,
        old={"status": STATUS_REMOVED},
        new={"status": STATUS_ACTIVE, "registered_on": person.registered_on},
        detail=person.name,
    )
    session.flush()
    row = entity_service.get(session, actor, KEY_PERSON_SPEC, person.id)
    return Saved(row, frozenset({"key_person", "kp_level_change", "kp_person_change"}), False)


def update(
    session: Session, actor: Actor, ident: int, version: int, values: Mapping[str, Any], *, now: datetime
) -> Saved:
    """Save the form; a new category or risk grade rescores the person (the reason names the change)."""
    before = load_person(session, ident)
    old = {name: getattr(before, name) for name in RESCORING_FIELDS}
    saved = entity_service.update(session, actor, KEY_PERSON_SPEC, ident, version, values)
    person = load_person(session, ident)
    changed = [name for name in RESCORING_FIELDS if getattr(person, name) != old[name]]
    if changed:
        labels = {"category_code": "人员类别", "mental_grade": "危险性评估等级"}
        note = "、".join(labels[n] for n in changed) + "变更"
        rules = load(session)
        rescore(session, person, rules=rules, now=now, cause=CAUSE_EDIT, actor=actor, note=note)
        reschedule(person, rules, local_today(now))
        session.flush()
        row = entity_service.get(session, actor, KEY_PERSON_SPEC, ident)
        return Saved(row, saved.tables | {"key_person"}, False)
    return saved


def override_level(
    session: Session, actor: Actor, ident: int, level: str | None, reason: str, *, now: datetime
) -> LevelOutcome:
    """Hold a person at ``level`` whatever the score says (None: let the score decide again)."""
    require(session, actor, KP_OVERRIDE)
    text = (reason or "").strip()
    if not text:
        raise ValidationError({"reason": "请填写调整理由"}, "kp_override_reason")
    if level is not None and level not in LEVELS:
        raise ValidationError({"level": f"没有“{level}”这个预警等级"})
    person = load_person(session, ident, lock=True)
    rules = load(session)
    old_override = person.level_override
    person.level_override = level
    person.override_reason = text[:200] if level else ""
    person.updated_by = actor.username
    target = level or person.computed_level
    name = LEVEL_NAMES[level] if level else "按积分"
    cause = CAUSE_OVERRIDE if level else CAUSE_CLEAR_OVERRIDE
    outcome = set_level(
        session,
        person,
        target,
        rules=rules,
        now=now,
        cause=cause,
        reason=f"{actor.display_name}调整为{name}：{text}",
        actor=actor,
    )
    person.change_reason = text[:200]
    audit.record(
        session,
        actor,
        "kp_override",
        entity="key_person",
        entity_id=ident,
        old={"level_override": old_override, "level": outcome.old_level},
        new={"level_override": level, "level": outcome.new_level, "reason": text},
        detail=person.name,
    )
    session.flush()
    return outcome


@dataclass(frozen=True)
class PersonFound:
    id: int
    name: str
    level: str
    status: str
    score: int


def find_by_id_number(session: Session, actor: Actor, number: str) -> PersonFound | None:
    """One person by ID number (the unique index answers in well under a millisecond)."""
    require(session, actor, KP_VIEW)
    try:
        normal = normalize_id_number(number)
    except ValueError as exc:
        raise DomainError("error", detail=str(exc)) from exc
    row = session.execute(
        select(KeyPerson.id, KeyPerson.name, KeyPerson.level, KeyPerson.status, KeyPerson.score).where(
            KeyPerson.id_number == normal
        )
    ).first()
    return PersonFound(*row) if row else None
