"""Inspecting missed and lost supervision, accountability, and the assessment per township and officer.

The sweep opens the tasks; a supervisor records what the inspection found and, where the officer
responsible is at fault, an accountability entry (append-only). The assessment report counts, for a period,
what each township and each officer did and missed; it is printed by :mod:`app.printing.assessment_report`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.accounts import User
from app.models.keyperson_inspection import KpAccountability, KpInspection
from app.models.keyperson_permissions import (
    INSPECT_LOST,
    INSPECT_MISSED,
    INSPECTION_CLOSED,
    INSPECTION_KINDS,
    INSPECTION_OPEN,
    KP_INSPECT,
    KP_STATS,
    SUPERVISED,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_visit import KpVisit
from app.models.keyperson_warning import KpWarning
from app.models.messaging import KIND_NOTICE, PRIORITY_HIGH
from app.models.org import Division
from app.services import audit, inbox
from app.services.context import Actor
from app.services.keyperson_common import load_person, user_names
from app.services.permissions import require
from app.services.sms_text import LOCAL_TZ


def close(
    session: Session,
    actor: Actor,
    inspection_id: int,
    findings: str,
    *,
    accountable: bool,
    note: str = "",
    now: datetime,
) -> int:
    """Record the inspection's findings (and an accountability entry); returns the new version."""
    require(session, actor, KP_INSPECT)
    text = (findings or "").strip()
    if not text:
        raise ValidationError({"findings": "请填写检查情况"}, "kp_findings_missing")
    task = session.get(KpInspection, inspection_id)
    if task is None:
        raise DomainError("not_found", entity="检查任务", id=inspection_id)
    result = session.execute(
        update(KpInspection)
        .where(KpInspection.id == inspection_id, KpInspection.status == INSPECTION_OPEN)
        .values(
            status=INSPECTION_CLOSED,
            findings=text[:4000],
            inspector_id=actor.user_id,
            closed_at=now,
            accountable=accountable,
            version=KpInspection.version + 1,
            updated_by=actor.username,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    session.refresh(task)
    if not result.rowcount:  # type: ignore[attr-defined]
        by = user_names(session, {task.inspector_id}).get(task.inspector_id or 0, "他人")
        at = task.closed_at.astimezone().strftime("%Y-%m-%d %H:%M") if task.closed_at else ""
        raise DomainError("kp_inspection_closed", by=by, at=at)
    person = load_person(session, task.person_id)
    if accountable:
        reason = (note or text).strip()
        session.add(
            KpAccountability(
                inspection_id=task.id,
                person_id=task.person_id,
                officer_id=task.officer_id,
                kind=task.kind,
                note=reason[:4000],
                decided_by=actor.user_id,
                created_at=now,
            )
        )
        if task.officer_id:
            inbox.send(
                session,
                recipients=[task.officer_id],
                kind=KIND_NOTICE,
                title=f"管控追责：{person.name}（{INSPECTION_KINDS[task.kind]}）",
                body=f"{actor.display_name}检查认定需追责：{reason}",
                link=("kp_inspection", task.id),
                priority=PRIORITY_HIGH,
                sender=actor,
                now=now,
            )
    audit.record(
        session,
        actor,
        "kp_inspect",
        entity="kp_inspection",
        entity_id=task.id,
        old={"status": INSPECTION_OPEN},
        new={"status": INSPECTION_CLOSED, "findings": text[:500], "accountable": accountable},
        detail=person.name,
    )
    return task.version


# --- the assessment report ----------------------------------------------------------------------------------


@dataclass
class AssessmentRow:
    key: str
    name: str
    persons: int = 0
    visits: int = 0
    contacts: int = 0
    missed: int = 0
    lost: int = 0
    accountable: int = 0
    warnings: int = 0
    handled_on_time: int = 0

    @property
    def on_time_rate(self) -> str:
        return f"{100 * self.handled_on_time / self.warnings:.0f}%" if self.warnings else "—"


@dataclass(frozen=True)
class Assessment:
    start: date
    end: date
    by_town: tuple[AssessmentRow, ...]
    by_officer: tuple[AssessmentRow, ...]
    totals: AssessmentRow = field(default_factory=lambda: AssessmentRow("", "合计"))


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min, LOCAL_TZ), datetime.combine(
        end + timedelta(days=1), time.min, LOCAL_TZ
    )


def assessment(session: Session, actor: Actor, *, start: date, end: date) -> Assessment:
    """What each township and officer did in [start, end] (local days)."""
    require(session, actor, KP_STATS)
    lo, hi = _bounds(start, end)
    towns = dict(session.execute(select(Division.code, Division.name).where(Division.level == "town")).all())
    by_town: dict[str, AssessmentRow] = {c: AssessmentRow(c, n) for c, n in sorted(towns.items())}
    by_officer: dict[str, AssessmentRow] = {}
    officers = dict(session.execute(select(User.id, User.display_name)).all())

    def rows(town: str | None, officer: int | None) -> list[AssessmentRow]:
        out = [by_town.setdefault(town or "", AssessmentRow(town or "", towns.get(town or "", "未填乡镇")))]
        key = str(officer or "")
        out.append(by_officer.setdefault(key, AssessmentRow(key, officers.get(officer or 0, "未指定民警"))))
        return out

    person = KeyPerson
    for town, officer, n in session.execute(
        select(person.town_code, person.officer_id, func.count())
        .where(person.status.in_(SUPERVISED))
        .group_by(person.town_code, person.officer_id)
    ):
        for r in rows(town, officer):
            r.persons += n
    for town, officer, n, contacts in session.execute(
        select(
            person.town_code,
            person.officer_id,
            func.count(),
            func.sum(case((KpVisit.contact_made.is_(True), 1), else_=0)),
        )
        .join(person, person.id == KpVisit.person_id)
        .where(KpVisit.visited_at >= lo, KpVisit.visited_at < hi)
        .group_by(person.town_code, person.officer_id)
    ):
        for r in rows(town, officer):
            r.visits += n
            r.contacts += int(contacts or 0)
    for town, officer, kind, n in session.execute(
        select(KpInspection.town_code, KpInspection.officer_id, KpInspection.kind, func.count())
        .where(KpInspection.opened_on >= start, KpInspection.opened_on <= end)
        .group_by(KpInspection.town_code, KpInspection.officer_id, KpInspection.kind)
    ):
        for r in rows(town, officer):
            if kind == INSPECT_MISSED:
                r.missed += n
            elif kind == INSPECT_LOST:
                r.lost += n
    for town, officer, n in session.execute(
        select(person.town_code, KpAccountability.officer_id, func.count())
        .join(person, person.id == KpAccountability.person_id)
        .where(KpAccountability.created_at >= lo, KpAccountability.created_at < hi)
        .group_by(person.town_code, KpAccountability.officer_id)
    ):
        for r in rows(town, officer):
            r.accountable += n
    counts: dict[tuple[str | None, int | None], list[int]] = defaultdict(lambda: [0, 0])
    for town, officer, handled_at, due_at in session.execute(
        select(KpWarning.town_code, person.officer_id, KpWarning.handled_at, KpWarning.due_at)
        .join(person, person.id == KpWarning.person_id)
        .where(KpWarning.raised_at >= lo, KpWarning.raised_at < hi)
    ):
        c = counts[(town, officer)]
        c[0] += 1
        c[1] += int(handled_at is not None and handled_at <= due_at)
    for (town, officer), (n, ok) in counts.items():
        for r in rows(town, officer):
            r.warnings += n
            r.handled_on_time += ok
    totals = AssessmentRow("", "合计")
    for r in by_town.values():
        for name in (
            "persons",
            "visits",
            "contacts",
            "missed",
            "lost",
            "accountable",
            "warnings",
            "handled_on_time",
        ):
            setattr(totals, name, getattr(totals, name) + getattr(r, name))
    return Assessment(
        start,
        end,
        tuple(r for r in by_town.values() if r.key in towns or r.persons or r.visits),
        tuple(sorted(by_officer.values(), key=lambda r: (-r.persons, r.name))),
        totals,
    )
