"""Scoring a person from the database, and the one place a person's level is ever changed.

:func:`rescore` gathers the facts (category, grade, events, missed visits, status), computes the score
with :func:`app.services.keyperson_rules.compute`, stores it with its explanation, and hands the level to
:func:`set_level`, which writes the change with its reason to ``kp_level_change`` (the database refuses an
empty one) and raises a warning when the level rose. Nothing else assigns ``KeyPerson.level``.

Registration and import set the first level silently (a reason is recorded, no warning goes out): a person
entering the register is not a person whose risk rose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.models.keyperson_inspection import KpInspection
from app.models.keyperson_permissions import (
    INSPECT_MISSED,
    LEVEL_NAMES,
    LEVEL_RANK,
    STATUS_LOST,
    STATUS_REMOVED,
)
from app.models.keyperson_person import KeyPerson, KpCategory
from app.models.keyperson_risk import (
    CAUSE_IMPORT,
    CAUSE_NAMES,
    CAUSE_REGISTER,
    KpLevelChange,
)
from app.models.keyperson_visit import KpEvent
from app.services.context import SYSTEM, Actor
from app.services.keyperson_common import local_date, local_today
from app.services.keyperson_rules import CategoryFact, EventFact, Rules, Score, compute
from app.services.keyperson_warnings import RaisedWarning, raise_warning
from app.services.sms_text import LOCAL_TZ

SILENT_CAUSES = (CAUSE_REGISTER, CAUSE_IMPORT)
_CHANGES = cast(Table, KpLevelChange.__table__)


@dataclass(frozen=True)
class LevelOutcome:
    """What one rescoring did: the score, and the level change with its warning when there was one."""

    person_id: int
    score: int
    old_level: str
    new_level: str
    warning: RaisedWarning | None = None

    @property
    def changed(self) -> bool:
        return self.old_level != self.new_level

    @property
    def rose(self) -> bool:
        return LEVEL_RANK[self.new_level] > LEVEL_RANK[self.old_level]


def category_fact(session: Session, code: str) -> CategoryFact:
    row = session.execute(select(KpCategory).where(KpCategory.code == code)).scalar_one_or_none()
    if row is None:
        return CategoryFact(code, code, 0, False)
    return CategoryFact(row.code, row.name, row.base_points, row.uses_mental_grade)


def facts_score(session: Session, person: KeyPerson, rules: Rules, today: date) -> Score:
    """The person's score today from what the database holds."""
    events = [
        EventFact(kind, day)
        for kind, day in session.execute(
            select(KpEvent.kind, KpEvent.occurred_on).where(
                KpEvent.person_id == person.id, KpEvent.occurred_on <= today
            )
        )
    ]
    since = today - timedelta(days=rules.missed_visit_window_days)
    missed = list(
        session.execute(
            select(KpInspection.opened_on).where(
                KpInspection.person_id == person.id,
                KpInspection.kind == INSPECT_MISSED,
                KpInspection.opened_on > since,
            )
        ).scalars()
    )
    return compute(
        rules,
        category=category_fact(session, person.category_code),
        mental_grade=person.mental_grade,
        events=events,
        missed_visits=missed,
        lost=person.status == STATUS_LOST,
        today=today,
    )


def reason_text(cause: str, score: Score, old_score: int, note: str = "") -> str:
    head = CAUSE_NAMES.get(cause, cause)
    if note:
        head += f"：{note.rstrip('。；;. ')}"
    return f"{head}。积分 {old_score}→{score.score}：{score.explain()}"


def set_level(
    session: Session,
    person: KeyPerson,
    level: str,
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    reason: str,
    actor: Actor | None,
    old_score: int | None = None,
) -> LevelOutcome:
    """Change the effective level, record why, reschedule visits, and warn when it rose."""
    old = person.level
    if level == old:
        return LevelOutcome(person.id, person.score, old, level)
    person.level = level
    person.level_since = now
    person.updated_by = (actor or SYSTEM).username
    person.change_reason = reason[:200]
    session.execute(
        insert(_CHANGES).values(
            person_id=person.id,
            at=now,
            old_level=old,
            new_level=level,
            old_score=person.score if old_score is None else old_score,
            new_score=person.score,
            cause=cause,
            reason=reason or CAUSE_NAMES.get(cause, cause),
            changed_by=(actor or SYSTEM).username,
        )
    )
    reschedule(person, rules, local_today(now), shorter_only=LEVEL_RANK[level] > LEVEL_RANK[old])
    outcome = LevelOutcome(person.id, person.score, old, level)
    if outcome.rose and cause not in SILENT_CAUSES and person.status != STATUS_REMOVED:
        text = f"{LEVEL_NAMES[old]}→{LEVEL_NAMES[level]}。{reason}"
        warning = raise_warning(session, person, level=level, reason=text, rules=rules, now=now, actor=actor)
        outcome = LevelOutcome(person.id, person.score, old, level, warning)
    return outcome


def rescore(
    session: Session,
    person: KeyPerson,
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    actor: Actor | None = None,
    note: str = "",
) -> LevelOutcome:
    """Recompute the score; the level follows unless a supervisor's override holds it."""
    score = facts_score(session, person, rules, local_today(now))
    old_score = person.score
    person.score = score.score
    person.computed_level = score.level
    person.score_detail = [p.as_dict() for p in score.parts]
    person.scored_at = now
    person.rescore_on = score.next_change
    if person.status == STATUS_REMOVED:
        return LevelOutcome(person.id, person.score, person.level, person.level)
    target = person.level_override or score.level
    reason = reason_text(cause, score, old_score, note)
    return set_level(
        session,
        person,
        target,
        rules=rules,
        now=now,
        cause=cause,
        reason=reason,
        actor=actor,
        old_score=old_score,
    )


def next_due(
    rules: Rules,
    *,
    level: str,
    mental_grade: int | None,
    last_contact_at: datetime | None,
    registered_on: date,
    current_due: date | None,
    today: date,
    shorter_only: bool = False,
) -> date:
    """The next visit is due one interval after the last contact (or registration).

    When the level rose, the new (shorter) interval counts from today at the latest, so a rise never makes
    a visit overdue in the past (which would be a missed visit nobody could have made).
    """
    interval = rules.visit_interval(level, mental_grade)
    base = local_date(last_contact_at) if last_contact_at else registered_on
    due = base + timedelta(days=interval)
    if shorter_only and current_due is not None:
        due = min(current_due, max(due, today + timedelta(days=interval)))
    return due


def reschedule(person: KeyPerson, rules: Rules, today: date, *, shorter_only: bool = False) -> None:
    person.next_visit_due = next_due(
        rules,
        level=person.level,
        mental_grade=person.mental_grade,
        last_contact_at=person.last_contact_at,
        registered_on=person.registered_on,
        current_due=person.next_visit_due,
        today=today,
        shorter_only=shorter_only,
    )


def initial_rows(
    rules: Rules, categories: dict[str, CategoryFact], rows: Iterable[dict[str, Any]], today: date
) -> Iterable[dict[str, Any]]:
    """Registration values for bulk-loaded persons (import, demo, benchmarks): score, level, schedule."""
    for row in rows:
        score = compute(
            rules,
            category=categories.get(row["category_code"])
            or CategoryFact(row["category_code"], row["category_code"], 0, False),
            mental_grade=row.get("mental_grade"),
            events=(),
            missed_visits=(),
            lost=False,
            today=today,
        )
        grade = row.get("mental_grade")
        interval = rules.visit_interval(score.level, grade)
        registered = row.get("registered_on") or today
        yield {
            **row,
            "score": score.score,
            "computed_level": score.level,
            "level": score.level,
            "score_detail": [p.as_dict() for p in score.parts],
            "rescore_on": score.next_change,
            "registered_on": registered,
            "next_visit_due": registered + timedelta(days=interval),
            "last_contact_at": row.get("last_contact_at") or registration_contact(registered),
        }


def registration_contact(registered: date) -> datetime:
    """Registration counts as the first contact (the clock for 脱管 starts there)."""
    return datetime.combine(registered, time.min, LOCAL_TZ)


def record_initial_levels(
    session: Session, people: Iterable[tuple[int, str, int, str]], *, cause: str, now: datetime, actor: Actor
) -> int:
    """The first level of bulk-loaded persons, with its reason: (id, level, score, explanation) each."""
    rows = [
        {
            "person_id": pid,
            "at": now,
            "old_level": "none",
            "new_level": level,
            "old_score": 0,
            "new_score": score,
            "cause": cause,
            "reason": f"{CAUSE_NAMES[cause]}。积分 0→{score}：{explain}",
            "changed_by": actor.username,
        }
        for pid, level, score, explain in people
        if level != "none"
    ]
    for i in range(0, len(rows), 5000):
        session.execute(insert(_CHANGES), rows[i : i + 5000])
    return len(rows)
