"""How 警务保障 feeds the dispatch duty board: approved leave and rest days become absences there.

Both use the board's one contract (:func:`app.services.duty_board.record_absence` / ``end_absence``), in
the same transaction as the approval or the roster change:

* approved leave: ``source="support.leave"``, ``source_id`` = the leave id, whole local days from the first
  day to the day after the last; 销假 ends it at the local start of the return day (or withdraws it when
  the officer came back before it began).
* a rest day on the roster (轮休): ``source="support.roster"``, ``source_id`` = the roster entry id, that
  whole local day; changing the entry to a duty shift or deleting it withdraws the absence, moving it to
  another day or officer rewrites it. An officer off roster therefore shows as 休假/离岗 on the board.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.services import duty_board
from app.services.context import Actor
from app.services.support_common import day_span, local_midnight

LEAVE_SOURCE = "support.leave"
ROSTER_SOURCE = "support.roster"


def leave_approved(
    session: Session, actor: Actor, leave_id: int, user_id: int, start: date, end: date, reason: str
) -> None:
    start_at, end_at = day_span(start, end)
    duty_board.record_absence(
        session,
        user_id=user_id,
        start=start_at,
        end=end_at,
        reason=reason,
        source=LEAVE_SOURCE,
        source_id=leave_id,
        actor=actor,
    )


def leave_returned(session: Session, actor: Actor, leave_id: int, returned_on: date) -> None:
    duty_board.end_absence(
        session, source=LEAVE_SOURCE, source_id=leave_id, end=local_midnight(returned_on), actor=actor
    )


def rest_day(session: Session, actor: Actor, entry_id: int, user_id: int, day: date) -> None:
    start_at, end_at = day_span(day, day)
    duty_board.record_absence(
        session,
        user_id=user_id,
        start=start_at,
        end=end_at,
        reason="轮休（值班表）",
        source=ROSTER_SOURCE,
        source_id=entry_id,
        actor=actor,
    )


def not_rest(session: Session, actor: Actor, entry_id: int) -> None:
    duty_board.end_absence(session, source=ROSTER_SOURCE, source_id=entry_id, actor=actor)
