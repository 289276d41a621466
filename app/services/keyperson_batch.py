"""Rescoring many persons at once (the sweep, a rules change), set-based from end to end.

Per batch of ids: one query for the persons, one for their events, one for their missed visits; the scores
are computed in Python; one ``executemany`` UPDATE for the persons whose level stays put, and for those whose
level changes one UPDATE, one INSERT into the level history (with each reason) and one into the change
history, and their warnings raised together (:func:`keyperson_warnings.raise_many`). The same records as the
one-person path (:func:`keyperson_scoring.set_level`) writes, in a handful of statements per batch instead of
a dozen per person: a province sweep changes thousands of levels a day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.models.db import mark_changed
from app.models.keyperson_inspection import KpInspection
from app.models.keyperson_permissions import (
    INSPECT_MISSED,
    LEVEL_NAMES,
    LEVEL_RANK,
    STATUS_LOST,
    STATUS_REMOVED,
    SUPERVISED,
)
from app.models.keyperson_person import KeyPerson, KpCategory, KpPersonChange
from app.models.keyperson_risk import KpLevelChange
from app.models.keyperson_visit import KpEvent
from app.services.context import SYSTEM, Actor
from app.services.keyperson_common import local_today
from app.services.keyperson_rules import CategoryFact, EventFact, Rules, Score, compute
from app.services.keyperson_scoring import SILENT_CAUSES, next_due, reason_text
from app.services.keyperson_warnings import WarningDraft, raise_many

_PERSON = cast(Table, KeyPerson.__table__)
_CHANGES = cast(Table, KpLevelChange.__table__)
_HISTORY = cast(Table, KpPersonChange.__table__)


# What every rescoring writes (bound per person in an executemany).
SCORE_COLUMNS = ("score", "computed_level", "score_detail", "scored_at", "rescore_on")


def _binds(columns: Sequence[str]) -> dict[str, Any]:
    return {name: bindparam(name) for name in columns}


@dataclass
class BatchResult:
    rescored: int = 0
    level_changes: int = 0
    warnings: int = 0


def categories(session: Session) -> dict[str, CategoryFact]:
    return {
        c.code: CategoryFact(c.code, c.name, c.base_points, c.uses_mental_grade)
        for c in session.execute(select(KpCategory)).scalars()
    }


def rescore_many(
    session: Session,
    ids: Sequence[int],
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    actor: Actor | None = None,
    note: str = "",
    cats: dict[str, CategoryFact] | None = None,
) -> BatchResult:
    """Rescore the persons ``ids``."""
    if not ids:
        return BatchResult()
    return _rescore(
        session, _PERSON.c.id.in_(ids), rules=rules, now=now, cause=cause, actor=actor, note=note, cats=cats
    )


def rescore_due_between(
    session: Session,
    first: int,
    last: int,
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    cats: dict[str, CategoryFact] | None = None,
) -> BatchResult:
    """Rescore the supervised persons with ids in [first, last] whose score changes by ``now``'s day (the
    sweep). A range and a condition instead of a list of ids: nothing to bind or compile per id."""
    due = and_(
        _PERSON.c.id.between(first, last),
        _PERSON.c.rescore_on <= local_today(now),
        _PERSON.c.status.in_(SUPERVISED),
    )
    return _rescore(session, due, rules=rules, now=now, cause=cause, actor=None, note="", cats=cats)


def _rescore(
    session: Session,
    which: ColumnElement[bool],
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    actor: Actor | None,
    note: str,
    cats: dict[str, CategoryFact] | None,
) -> BatchResult:
    result = BatchResult()
    session.flush()  # pending ORM changes go first; the Core writes below must not be overtaken by them
    today = local_today(now)
    ids = select(_PERSON.c.id).where(which)
    cats = cats if cats is not None else categories(session)
    people = session.execute(
        select(
            _PERSON.c.id,
            _PERSON.c.category_code,
            _PERSON.c.mental_grade,
            _PERSON.c.status,
            _PERSON.c.level,
            _PERSON.c.level_override,
            _PERSON.c.score,
            _PERSON.c.name,
            _PERSON.c.town_code,
            _PERSON.c.station_id,
            _PERSON.c.officer_id,
            _PERSON.c.supervisor_id,
            _PERSON.c.last_contact_at,
            _PERSON.c.registered_on,
            _PERSON.c.next_visit_due,
        ).where(which)
    ).all()
    events: dict[int, list[EventFact]] = defaultdict(list)
    for pid, kind, day in session.execute(
        select(KpEvent.person_id, KpEvent.kind, KpEvent.occurred_on).where(
            KpEvent.person_id.in_(ids), KpEvent.occurred_on <= today
        )
    ):
        events[pid].append(EventFact(kind, day))
    missed: dict[int, list[Any]] = defaultdict(list)
    since = today - timedelta(days=rules.missed_visit_window_days)
    for pid, day in session.execute(
        select(KpInspection.person_id, KpInspection.opened_on).where(
            KpInspection.person_id.in_(ids),
            KpInspection.kind == INSPECT_MISSED,
            KpInspection.opened_on > since,
        )
    ):
        missed[pid].append(day)
    quiet: list[dict[str, Any]] = []
    moved: list[tuple[Any, Score, str, dict[str, Any]]] = []
    for p in people:
        category = cats.get(p.category_code) or CategoryFact(p.category_code, p.category_code, 0, False)
        score = compute(
            rules,
            category=category,
            mental_grade=p.mental_grade,
            events=events.get(p.id, ()),
            missed_visits=missed.get(p.id, ()),
            lost=p.status == STATUS_LOST,
            today=today,
        )
        result.rescored += 1
        target = p.level_override or score.level
        values = {
            "score": score.score,
            "computed_level": score.level,
            "score_detail": [part.as_dict() for part in score.parts],
            "scored_at": now,
            "rescore_on": score.next_change,
        }
        if target == p.level or p.status == STATUS_REMOVED:
            quiet.append({"pid": p.id, **values})
            continue
        moved.append((p, score, target, values))
    if moved:
        _move_levels(session, moved, rules=rules, now=now, cause=cause, actor=actor, note=note, result=result)
    if quiet:
        stmt = update(_PERSON).where(_PERSON.c.id == bindparam("pid")).values(**_binds(SCORE_COLUMNS))
        session.connection().execute(stmt, quiet)
        mark_changed(session, "key_person")
    # The persons were written with Core statements: objects of this session must not keep the old values.
    session.expire_all()
    return result


def _move_levels(
    session: Session,
    moved: list[tuple[Any, Score, str, dict[str, Any]]],
    *,
    rules: Rules,
    now: datetime,
    cause: str,
    actor: Actor | None,
    note: str,
    result: BatchResult,
) -> None:
    """The persons whose level changes, set-based: the new level with its reason in the level history and
    the change history, the visit schedule, and one warning each where the level rose."""
    today = local_today(now)
    who = (actor or SYSTEM).username
    updates, changes, history, drafts = [], [], [], []
    for p, score, target, values in moved:
        rose = LEVEL_RANK[target] > LEVEL_RANK[p.level]
        reason = reason_text(cause, score, p.score, note)
        due = next_due(
            rules,
            level=target,
            mental_grade=p.mental_grade,
            last_contact_at=p.last_contact_at,
            registered_on=p.registered_on,
            current_due=p.next_visit_due,
            today=today,
            shorter_only=rose,
        )
        updates.append({"pid": p.id, **values, "level": target, "level_since": now, "next_visit_due": due})
        changes.append(
            {
                "person_id": p.id,
                "at": now,
                "old_level": p.level,
                "new_level": target,
                "old_score": p.score,
                "new_score": score.score,
                "cause": cause,
                "reason": reason,
                "changed_by": who,
            }
        )
        history.append(
            {
                "person_id": p.id,
                "at": now,
                "changed_by": who,
                "field": "level",
                "old_value": p.level,
                "new_value": target,
                "reason": reason[:200],
            }
        )
        if rose and cause not in SILENT_CAUSES:
            text = f"{LEVEL_NAMES[p.level]}→{LEVEL_NAMES[target]}。{reason}"
            drafts.append(
                WarningDraft(
                    p.id,
                    p.name,
                    p.town_code,
                    p.station_id,
                    p.officer_id,
                    p.supervisor_id,
                    score.score,
                    target,
                    text,
                )
            )
    session.connection().execute(
        update(_PERSON)
        .where(_PERSON.c.id == bindparam("pid"))
        .values(
            **_binds((*SCORE_COLUMNS, "level", "level_since", "next_visit_due")),
            version=_PERSON.c.version + 1,
            updated_at=now,
            updated_by=who,
        ),
        updates,
    )
    session.execute(insert(_CHANGES), changes)
    session.execute(insert(_HISTORY), history)
    mark_changed(session, "key_person", "kp_level_change")
    raised = raise_many(session, drafts, rules=rules, now=now, actor=actor, audit_each=actor is not None)
    result.level_changes += len(moved)
    result.warnings += len(raised)
