"""The 撤管审批表's content: the person, the keepers, the reasons and evidence, and both persons' opinions.

The ID number is printed in full only for those who may see it, and each print is audited. The layout is
:mod:`app.printing.removal_approval_form`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.masking import mask_id_number, mask_phone
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    KP_PRINT,
    LEVEL_NAMES,
    REMOVAL_APPROVED,
    REMOVAL_REJECTED,
    REMOVAL_STATUS_NAMES,
    STATUS_REMOVED,
)
from app.models.keyperson_person import KpCategory
from app.models.keyperson_risk import CAUSE_STATUS, KpLevelChange
from app.models.permissions import PII_UNMASK
from app.services import audit
from app.services.context import Actor
from app.services.keyperson_common import load_person, town_name, user_names
from app.services.keyperson_config import keeper_role_names, load
from app.services.keyperson_removal import info
from app.services.permissions import has, require
from app.services.sms_text import LOCAL_TZ


@dataclass(frozen=True)
class RemovalForm:
    """What the printed 撤管审批表 shows (see app/printing/removal_approval_form.py)."""

    number: str
    person_name: str
    gender: str
    birth_date: str
    id_number: str
    category: str
    mental_grade: str
    place: str
    address: str
    registered_on: str
    officer: str
    level: str
    score: int
    keepers: tuple[tuple[str, str, str], ...]  # (role, name, phone masked)
    reasons: str
    evidence: tuple[tuple[str, bool], ...]
    requester: str
    requested_on: str
    status: str
    decision: str
    decider: str
    decided_on: str
    opinion: str


def _day(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(LOCAL_TZ)
    return f"{local.year}年{local.month}月{local.day}日"


def form(session: Session, actor: Actor, request_id: int) -> RemovalForm:
    """The form's content; the ID number in full only for those who may see it (the print is audited)."""
    require(session, actor, KP_PRINT)
    r = info(session, request_id)
    p = load_person(session, r.person_id)
    rules = load(session)
    roles = keeper_role_names(rules)
    keepers = tuple(
        (roles.get(k.role_code, k.role_code), k.name, mask_phone(k.phone) if k.phone else "")
        for k in session.execute(select(KpKeeper).where(KpKeeper.person_id == p.id).order_by(KpKeeper.id))
        .scalars()
        .all()
    )
    full = has(session, actor, PII_UNMASK)
    category = session.execute(select(KpCategory.name).where(KpCategory.code == p.category_code)).scalar()
    place = town_name(session, p.town_code) + town_name(session, p.village_code)
    officer = user_names(session, {p.officer_id}).get(p.officer_id or 0, "")
    decided = r.status in (REMOVAL_APPROVED, REMOVAL_REJECTED)
    # The level and score when the request was made (the decision resets the level of a removed person).
    before = session.execute(
        select(KpLevelChange.old_level, KpLevelChange.old_score)
        .where(KpLevelChange.person_id == p.id, KpLevelChange.cause == CAUSE_STATUS)
        .order_by(KpLevelChange.id.desc())
        .limit(1)
    ).first()
    level, score = (before[0], before[1]) if (before and p.status == STATUS_REMOVED) else (p.level, p.score)
    audit.record(
        session,
        actor,
        "print",
        entity="kp_removal_request",
        entity_id=request_id,
        detail=f"撤管审批表：{p.name}" + ("（含完整身份证号）" if full else ""),
    )
    return RemovalForm(
        number=f"岚公重撤〔{r.requested_at.astimezone(LOCAL_TZ).year}〕{r.id:05d}号",
        person_name=p.name,
        gender=p.gender,
        birth_date=p.birth_date.isoformat(),
        id_number=p.id_number if full else mask_id_number(p.id_number),
        category=category or p.category_code,
        mental_grade="" if p.mental_grade is None else f"{p.mental_grade} 级",
        place=place,
        address=p.address,
        registered_on=p.registered_on.isoformat(),
        officer=officer,
        level=LEVEL_NAMES.get(level, level),
        score=score,
        keepers=keepers,
        reasons=r.reasons,
        evidence=r.evidence,
        requester=r.requester_name,
        requested_on=_day(r.requested_at),
        status=REMOVAL_STATUS_NAMES[r.status],
        decision=("同意撤管" if r.status == REMOVAL_APPROVED else "不同意撤管") if decided else "",
        decider=r.decider_name if decided else "",
        decided_on=_day(r.decided_at) if decided else "",
        opinion=r.opinion if decided else "",
    )
