"""The supervision sweep: lost contact (脱管), missed visits (漏管), late warnings, and time-based rescoring.

Registered with :mod:`app.services.sweeps` (one runner at a time across the workstations, any client or a
server's scheduler), with an injectable clock. Idempotent: a second run at the same moment finds nothing
new. It works in several short transactions (each step, and rescoring in batches) so that at province scale
no workstation waits a minute for the write lock; a crash between them leaves nothing half done that the
next run would not finish.

* 脱管: a supervised person whose visit is overdue by more than ``lost_contact_days`` (no visit reached
  them since; one that did would have moved the due date) becomes 脱管, gets an inspection task (kind
  ``lost_contact``) and is rescored (being lost adds points, which may warn).
* 漏管: a person whose next visit was due before today gets one inspection task per missed due date (kind
  ``missed_visit``), and is rescored (each missed visit in the window adds points).
* Warnings not handled in time escalate one level (see :func:`keyperson_warning_handling.escalate_overdue`).
* Persons whose score changes with time today (decay, a missed visit leaving the window, new rules) are
  rescored in batches.
* Each responsible officer gets one inbox message listing their new inspection tasks.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, exists, insert, select, update
from sqlalchemy.orm import Session

from app.models.db import Database, mark_changed
from app.models.keyperson_inspection import KpInspection
from app.models.keyperson_permissions import (
    INSPECT_LOST,
    INSPECT_MISSED,
    INSPECTION_OPEN,
    STATUS_ACTIVE,
    STATUS_LOST,
    SUPERVISED,
)
from app.models.keyperson_person import KeyPerson, KpPersonChange
from app.models.keyperson_risk import CAUSE_SWEEP
from app.models.messaging import KIND_TASK, PRIORITY_HIGH
from app.services import inbox, sweeps
from app.services.context import SYSTEM
from app.services.keyperson_batch import categories, rescore_due_between
from app.services.keyperson_common import local_today
from app.services.keyperson_config import load
from app.services.keyperson_stats import compact_level_counts
from app.services.keyperson_warning_handling import escalate_overdue

SWEEP_NAME = "keyperson_supervision"
BATCH = 2000
_PERSON = cast(Table, KeyPerson.__table__)
_INSPECTION = cast(Table, KpInspection.__table__)
_CHANGE = cast(Table, KpPersonChange.__table__)


def _chunks(ids: list[Any], size: int = BATCH) -> list[list[Any]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _open_inspections(
    session: Session, kind: str, rows: list[tuple[int, object, int | None, str | None]], today: object
) -> int:
    """Insert one open task per (person, kind, due date) not seen before; returns how many were new."""
    if not rows:
        return 0
    taken = set(
        session.execute(
            select(_INSPECTION.c.person_id, _INSPECTION.c.due_on).where(
                _INSPECTION.c.kind == kind,
                _INSPECTION.c.person_id.in_([r[0] for r in rows]),
                (_INSPECTION.c.status == INSPECTION_OPEN) | _INSPECTION.c.due_on.in_({r[1] for r in rows}),
            )
        ).all()
    )
    open_people = {pid for pid, _ in taken}
    now = datetime.now(UTC)
    new = [
        {
            "person_id": pid,
            "kind": kind,
            "opened_on": today,
            "due_on": due,
            "officer_id": officer,
            "town_code": town or "",
            "status": INSPECTION_OPEN,
            "findings": "",
            "accountable": False,
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "updated_by": SYSTEM.username,
        }
        for pid, due, officer, town in rows
        if (pid, due) not in taken and pid not in open_people
    ]
    if new:
        session.execute(insert(_INSPECTION), new)
        mark_changed(session, "kp_inspection")
    return len(new)


def find_lost(db: Database, now: datetime) -> tuple[int, dict[int, int]]:
    """Mark persons lost to supervision; returns (how many, new tasks per officer)."""
    with db.session() as s:
        return lost_in(s, now)


def lost_in(s: Session, now: datetime) -> tuple[int, dict[int, int]]:
    today = local_today(now)
    per_officer: dict[int, int] = defaultdict(int)
    rules = load(s)
    # Overdue for this long without a visit that reached the person (a visit that reached them moves the
    # due date): the schedule, not a fixed count of days, says when contact was due.
    cutoff = today - timedelta(days=rules.lost_contact_days)
    rows = s.execute(
        select(_PERSON.c.id, _PERSON.c.next_visit_due, _PERSON.c.officer_id, _PERSON.c.town_code).where(
            _PERSON.c.next_visit_due < cutoff, _PERSON.c.status == STATUS_ACTIVE
        )
    ).all()
    if not rows:
        return 0, {}
    ids = [r.id for r in rows]
    reason = f"超过应走访日期 {rules.lost_contact_days} 天仍未联系上本人，认定脱管"
    for chunk in _chunks(ids):
        s.execute(
            insert(_CHANGE),
            [
                {
                    "person_id": pid,
                    "at": now,
                    "changed_by": SYSTEM.username,
                    "field": "status",
                    "old_value": STATUS_ACTIVE,
                    "new_value": STATUS_LOST,
                    "reason": reason,
                }
                for pid in chunk
            ],
        )
        s.execute(
            update(_PERSON)
            .where(_PERSON.c.id.in_(chunk), _PERSON.c.status == STATUS_ACTIVE)
            .values(
                status=STATUS_LOST,
                rescore_on=today,
                version=_PERSON.c.version + 1,
                updated_at=now,
                updated_by=SYSTEM.username,
            )
        )
    mark_changed(s, "key_person")
    tasks = [(r.id, r.next_visit_due, r.officer_id, r.town_code) for r in rows]
    _open_inspections(s, INSPECT_LOST, tasks, today)
    for r in rows:
        if r.officer_id:
            per_officer[r.officer_id] += 1
    return len(rows), dict(per_officer)


def find_missed(db: Database, now: datetime) -> tuple[int, dict[int, int]]:
    """Open a 漏管 task for every visit due before today that was not made (once per due date)."""
    with db.session() as s:
        return missed_in(s, now)


def missed_in(s: Session, now: datetime) -> tuple[int, dict[int, int]]:
    today = local_today(now)
    per_officer: dict[int, int] = defaultdict(int)
    opened = 0
    seen = exists().where(
        and_(
            _INSPECTION.c.person_id == _PERSON.c.id,
            _INSPECTION.c.kind == INSPECT_MISSED,
            (_INSPECTION.c.due_on == _PERSON.c.next_visit_due) | (_INSPECTION.c.status == INSPECTION_OPEN),
        )
    )
    rows = s.execute(
        select(_PERSON.c.id, _PERSON.c.next_visit_due, _PERSON.c.officer_id, _PERSON.c.town_code).where(
            _PERSON.c.next_visit_due < today, _PERSON.c.status == STATUS_ACTIVE, ~seen
        )
    ).all()
    for chunk in _chunks([tuple(r) for r in rows]):
        opened += _open_inspections(s, INSPECT_MISSED, chunk, today)
        s.execute(update(_PERSON).where(_PERSON.c.id.in_([r[0] for r in chunk])).values(rescore_on=today))
    for r in rows:
        if r.officer_id:
            per_officer[r.officer_id] += 1
    return opened, dict(per_officer)


def rescore_due(db: Database, now: datetime) -> tuple[int, int, int]:
    """Rescore every supervised person whose score changes today; (rescored, level changes, warnings)."""
    today = local_today(now)
    done = changes = warned = 0
    with db.read_session() as s:
        ids = list(
            s.execute(
                select(_PERSON.c.id)
                .where(_PERSON.c.rescore_on <= today, _PERSON.c.status.in_(SUPERVISED))
                .order_by(_PERSON.c.id)
            ).scalars()
        )
    cats = None
    for chunk in _chunks(ids):  # ids in order: each batch is the range from its first id to its last
        with db.session() as s:
            rules = load(s)
            cats = cats or categories(s)
            result = rescore_due_between(
                s, chunk[0], chunk[-1], rules=rules, now=now, cause=CAUSE_SWEEP, cats=cats
            )
        done += result.rescored
        changes += result.level_changes
        warned += result.warnings
    return done, changes, warned


def _notify(db: Database, now: datetime, missed: dict[int, int], lost: dict[int, int]) -> int:
    officers = set(missed) | set(lost)
    if not officers:
        return 0
    sent = 0
    with db.session() as s:
        for officer in sorted(officers):
            parts = []
            if missed.get(officer):
                parts.append(f"{missed[officer]} 名走访逾期（漏管）")
            if lost.get(officer):
                parts.append(f"{lost[officer]} 名失去联系（脱管）")
            sent += inbox.send(
                s,
                recipients=[officer],
                kind=KIND_TASK,
                title=f"重点人员管控提醒：{'，'.join(parts)}",
                body="请在“漏管脱管检查”中查看并尽快走访；检查结论将计入考核。",
                link=("kp_inspection", ""),
                priority=PRIORITY_HIGH,
                now=now,
            )
    return sent


def run_sweep(db: Database, now: datetime) -> dict[str, int]:
    lost, lost_by = find_lost(db, now)
    missed, missed_by = find_missed(db, now)
    with db.session() as s:
        escalated = escalate_overdue(s, load(s), now)
    rescored, changes, warned = rescore_due(db, now)
    notified = _notify(db, now, missed_by, lost_by)
    with db.session() as s:
        folded = compact_level_counts(s)
    return {
        "lost": lost,
        "missed": missed,
        "escalated": escalated,
        "rescored": rescored,
        "level_changes": changes,
        "warnings": warned,
        "notified": notified,
        "chart_rows_folded": folded,
    }


sweeps.register(SWEEP_NAME, run_sweep, title="重点人员漏管脱管检查、预警升级和积分更新", uses_database=True)

__all__ = ["SWEEP_NAME", "find_lost", "find_missed", "rescore_due", "run_sweep"]
