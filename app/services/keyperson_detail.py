"""Everything the person's file shows at once: score with its explanation, keepers, recent work, history.

Read in one transaction and returned as plain frozen data. ID numbers and phones come masked; the form's
unmask button (generic, audited) shows them in full to those allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.masking import mask_id_number, mask_phone
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import KP_VIEW, VISIT_KINDS
from app.models.keyperson_person import CREATED_FIELD, KpCategory, KpPersonChange, KpPersonPhoto
from app.models.keyperson_risk import CAUSE_NAMES, KpLevelChange
from app.models.keyperson_visit import KpEvent, KpVisit
from app.models.keyperson_warning import KpWarning
from app.models.org import Unit
from app.services.context import Actor
from app.services.keyperson_common import load_person, town_name, user_names
from app.services.keyperson_config import keeper_role_names, load
from app.services.keyperson_rules import Part
from app.services.permissions import require

FIELD_LABELS = {
    CREATED_FIELD: "登记",
    "id_number": "身份证号",
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "aliases": "别名绰号",
    "phone": "手机号",
    "category_code": "人员类别",
    "mental_grade": "危险性评估等级",
    "household_address": "户籍地址",
    "address": "现住址",
    "town_code": "乡镇",
    "village_code": "村（社区）",
    "station_id": "责任派出所",
    "officer_id": "责任民警",
    "supervisor_id": "责任领导",
    "citizen_id": "关联群众信息",
    "status": "管控状态",
    "registered_on": "列管日期",
    "level": "预警等级",
    "level_override": "人工调整等级",
    "notes": "备注",
}
_MASKED = {"id_number": mask_id_number, "phone": mask_phone}


@dataclass(frozen=True)
class KeeperInfo:
    id: int
    version: int
    role_code: str
    role_name: str
    name: str
    phone: str  # masked
    user_id: int | None
    relation: str


@dataclass(frozen=True)
class VisitInfo:
    id: int
    kind: str
    visited_at: datetime
    contact_made: bool
    place: str
    findings: str
    visitor_name: str


@dataclass(frozen=True)
class EventInfo:
    id: int
    kind: str
    occurred_on: date
    note: str
    automatic: bool


@dataclass(frozen=True)
class LevelChangeInfo:
    at: datetime
    old_level: str
    new_level: str
    old_score: int
    new_score: int
    cause: str
    reason: str
    changed_by: str


@dataclass(frozen=True)
class ChangeInfo:
    at: datetime
    changed_by: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class WarningInfo:
    id: int
    version: int
    level: str
    status: str
    raised_at: datetime
    due_at: datetime
    reason: str


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    name: str
    id_number: str  # masked
    gender: str
    birth_date: date
    aliases: str
    phone: str  # masked
    category: str
    mental_grade: int | None
    town: str
    address: str
    officer: str
    supervisor: str
    station: str
    status: str
    registered_on: date
    score: int
    computed_level: str
    level: str
    level_override: str | None
    override_reason: str
    parts: tuple[Part, ...]
    next_visit_due: date | None
    last_visit_at: datetime | None
    last_contact_at: datetime | None
    keepers: tuple[KeeperInfo, ...]
    keepers_missing: int
    missing_roles: tuple[str, ...]
    missing_role_codes: tuple[str, ...]
    visits: tuple[VisitInfo, ...]
    events: tuple[EventInfo, ...]
    level_changes: tuple[LevelChangeInfo, ...]
    changes: tuple[ChangeInfo, ...]
    warnings: tuple[WarningInfo, ...]
    has_photo: bool


def _parts(raw: object) -> tuple[Part, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        Part(
            str(p.get("rule", "")), str(p.get("label", "")), int(p.get("points", 0)), str(p.get("detail", ""))
        )
        for p in raw
        if isinstance(p, dict)
    )


def _change(c: KpPersonChange) -> ChangeInfo:
    mask = _MASKED.get(c.field)
    old, new = (mask(c.old_value), mask(c.new_value)) if mask else (c.old_value, c.new_value)
    return ChangeInfo(c.at, c.changed_by, FIELD_LABELS.get(c.field, c.field), old, new, c.reason)


def detail(session: Session, actor: Actor, ident: int, *, recent: int = 20) -> PersonDetail:
    require(session, actor, KP_VIEW)
    p = load_person(session, ident)
    rules = load(session)
    roles = keeper_role_names(rules)
    keepers = [
        KeeperInfo(
            k.id,
            k.version,
            k.role_code,
            roles.get(k.role_code, k.role_code),
            k.name,
            mask_phone(k.phone) if k.phone else "",
            k.user_id,
            k.relation,
        )
        for k in session.execute(select(KpKeeper).where(KpKeeper.person_id == ident).order_by(KpKeeper.id))
        .scalars()
        .all()
    ]
    held = {k.role_code for k in keepers}
    visits = session.execute(
        select(KpVisit).where(KpVisit.person_id == ident).order_by(KpVisit.visited_at.desc()).limit(recent)
    ).scalars()
    events = session.execute(
        select(KpEvent).where(KpEvent.person_id == ident).order_by(KpEvent.occurred_on.desc()).limit(recent)
    ).scalars()
    levels = session.execute(
        select(KpLevelChange).where(KpLevelChange.person_id == ident).order_by(KpLevelChange.id.desc())
    ).scalars()
    changes = session.execute(
        select(KpPersonChange)
        .where(KpPersonChange.person_id == ident)
        .order_by(KpPersonChange.id.desc())
        .limit(200)
    ).scalars()
    warnings = session.execute(
        select(KpWarning).where(KpWarning.person_id == ident).order_by(KpWarning.id.desc()).limit(recent)
    ).scalars()
    category = session.execute(select(KpCategory.name).where(KpCategory.code == p.category_code)).scalar()
    names = user_names(session, {p.officer_id, p.supervisor_id})
    photo = session.execute(select(KpPersonPhoto.person_id).where(KpPersonPhoto.person_id == ident)).first()
    return PersonDetail(
        id=p.id,
        version=p.version,
        name=p.name,
        id_number=mask_id_number(p.id_number),
        gender=p.gender,
        birth_date=p.birth_date,
        aliases=p.aliases,
        phone=mask_phone(p.phone) if p.phone else "",
        category=category or p.category_code,
        mental_grade=p.mental_grade,
        town=town_name(session, p.town_code) + town_name(session, p.village_code),
        address=p.address,
        officer=names.get(p.officer_id or 0, ""),
        supervisor=names.get(p.supervisor_id or 0, ""),
        station=session.execute(select(Unit.name).where(Unit.id == p.station_id)).scalar() or "",
        status=p.status,
        registered_on=p.registered_on,
        score=p.score,
        computed_level=p.computed_level,
        level=p.level,
        level_override=p.level_override,
        override_reason=p.override_reason,
        parts=_parts(p.score_detail),
        next_visit_due=p.next_visit_due,
        last_visit_at=p.last_visit_at,
        last_contact_at=p.last_contact_at,
        keepers=tuple(keepers),
        keepers_missing=p.keepers_missing,
        missing_roles=tuple(r.name for r in rules.keeper_roles if r.code not in held),
        missing_role_codes=tuple(r.code for r in rules.keeper_roles if r.code not in held),
        visits=tuple(
            VisitInfo(
                v.id,
                VISIT_KINDS.get(v.kind, v.kind),
                v.visited_at,
                v.contact_made,
                v.place,
                v.findings,
                v.visitor_name,
            )
            for v in visits
        ),
        events=tuple(
            EventInfo(
                e.id,
                (rules.event_rule(e.kind).name if rules.event_rule(e.kind) else e.kind),  # type: ignore[union-attr]
                e.occurred_on,
                e.note,
                e.automatic,
            )
            for e in events
        ),
        level_changes=tuple(
            LevelChangeInfo(
                c.at,
                c.old_level,
                c.new_level,
                c.old_score,
                c.new_score,
                CAUSE_NAMES.get(c.cause, c.cause),
                c.reason,
                c.changed_by,
            )
            for c in levels
        ),
        changes=tuple(_change(c) for c in changes),
        warnings=tuple(
            WarningInfo(w.id, w.version, w.level, w.status, w.raised_at, w.due_at, w.reason) for w in warnings
        ),
        has_photo=photo is not None,
    )


def level_history(session: Session, person_id: int) -> list[tuple[str, str, str]]:
    """(old, new, reason) of every recorded level change, oldest first (tests replay it)."""
    rows = session.execute(
        select(KpLevelChange.old_level, KpLevelChange.new_level, KpLevelChange.reason)
        .where(KpLevelChange.person_id == person_id)
        .order_by(KpLevelChange.id)
    )
    return [(o, n, r) for o, n, r in rows]


__all__ = ["PersonDetail", "detail", "level_history"]
