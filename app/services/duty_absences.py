"""Absences that make an officer show as 休假/离岗 on the duty board: the contract with 警务保障.

Approved leave is recorded by whoever approves it, in the same transaction, by calling::

    duty_board.record_absence(session, user_id=..., start=..., end=..., reason="年休假",
                              source="support.leave", source_id=str(leave.id), actor=approver)
    duty_board.end_absence(session, source="support.leave", source_id=str(leave.id), end=returned_at)

``record_absence`` inserts or updates by ``(source, source_id)`` (calling it again after an edit is safe);
``end_absence`` ends the absence at ``end`` (销假, early return) or withdraws it (``end`` omitted: the
absence ends at its start, so it never counted). Neither checks a permission: the calling platform has
checked its own (approving leave) before. While ``start <= now < end`` the officer shows as 休假/离岗 with
the reason, *unless a status was set after the absence began* (the later decision wins: an officer called
back from leave and sent to an incident shows 出警/现场).

The functions are re-exported by :mod:`app.services.duty_board` under the same names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_duty import DutyAbsence
from app.services import dispatch_people
from app.services.context import Actor

_A = cast(Table, DutyAbsence.__table__)


@dataclass(frozen=True)
class Absence:
    user_id: int
    start_at: datetime
    end_at: datetime
    reason: str
    source: str


def absences_at(session: Session, user_ids: Iterable[int] | None, now: datetime) -> dict[int, Absence]:
    """The absence in force at ``now`` per officer (the one that started last, if several overlap)."""
    stmt = select(_A.c.user_id, _A.c.start_at, _A.c.end_at, _A.c.reason, _A.c.source).where(
        _A.c.start_at <= now, _A.c.end_at > now
    )
    if user_ids is not None:
        stmt = stmt.where(_A.c.user_id.in_(list(user_ids)))
    out: dict[int, Absence] = {}
    for r in session.execute(stmt.order_by(_A.c.start_at)):
        out[r.user_id] = Absence(r.user_id, r.start_at, r.end_at, r.reason, r.source)
    return out


def record_absence(
    session: Session,
    *,
    user_id: int,
    start: datetime,
    end: datetime,
    reason: str,
    source: str,
    source_id: str | int,
    actor: Actor | None = None,
) -> int:
    """Insert or update the absence known as ``(source, source_id)``; returns its id (see the module doc)."""
    if end <= start:
        raise DomainError("dispatch_absence_invalid", detail="结束时间必须晚于开始时间")
    if not source or len(source) > 32:
        raise DomainError("dispatch_absence_invalid", detail="来源须为 1 至 32 个字符")
    dispatch_people.require_user(session, user_id)
    key = and_(_A.c.source == source, _A.c.source_id == str(source_id))
    row = session.execute(select(DutyAbsence).where(key)).scalar_one_or_none()
    who = actor.username if actor else "system"
    values = {"user_id": user_id, "start_at": start, "end_at": end, "reason": (reason or "")[:200]}
    if row is None:
        ident = int(
            session.execute(
                insert(_A)
                .values(
                    **values,
                    source=source,
                    source_id=str(source_id),
                    version=1,
                    created_at=utcnow(),
                    updated_at=utcnow(),
                    updated_by=who,
                )
                .returning(_A.c.id)
            ).scalar_one()
        )
    else:
        for k, v in values.items():
            setattr(row, k, v)
        row.updated_by = who
        session.flush()
        ident = row.id
    mark_changed(session, "duty_absence")
    return ident


def end_absence(
    session: Session,
    *,
    source: str,
    source_id: str | int,
    end: datetime | None = None,
    actor: Actor | None = None,
) -> bool:
    """End the absence at ``end`` (销假) or withdraw it (``end=None``); False when there is none."""
    row = session.execute(
        select(DutyAbsence).where(DutyAbsence.source == source, DutyAbsence.source_id == str(source_id))
    ).scalar_one_or_none()
    if row is None:
        return False
    row.end_at = max(row.start_at, end) if end is not None else row.start_at
    row.updated_by = actor.username if actor else "system"
    session.flush()
    return True
