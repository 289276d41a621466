"""The duty board: every officer's status with the time in it, counts per status, filtered by unit.

Status is set by the officer (their own) or by a dispatcher (anyone), and by the platform itself: assigning
an officer to an incident sets 出警/现场 (:func:`set_on_scene`), closing the incident or releasing the officer
sets 在岗 again (:func:`release_from_incident`) unless someone set another status meanwhile.

Absences (approved leave, rest days on the roster) come from the support platform through
:func:`record_absence` / :func:`end_absence` (see :mod:`app.services.duty_absences`, the contract): while
one is in force the officer shows as 休假/离岗 with the reason, *unless a status was set after the absence
began* (the later decision wins: an officer called back from leave and sent to an incident shows 出警/现场).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError
from app.models.accounts import User
from app.models.base import utcnow
from app.models.dispatch_duty import (
    DUTY_AWAY,
    DUTY_NAMES,
    DUTY_ON,
    DUTY_ON_SCENE,
    DUTY_STATUSES,
    DutyStatus,
)
from app.models.dispatch_incident import DispatchIncident
from app.models.dispatch_permissions import DISPATCH_DUTY_MANAGE, DISPATCH_MONITOR, DISPATCH_RECEIVE
from app.services import audit, dispatch_people
from app.services.context import Actor
from app.services.duty_absences import Absence, absences_at, end_absence, record_absence
from app.services.permissions import has, require

_S = cast(Table, DutyStatus.__table__)
__all__ = [
    "Absence",
    "Board",
    "BoardRow",
    "absences_at",
    "board",
    "end_absence",
    "record_absence",
    "set_status",
]
TABLES = frozenset(
    {"duty_status", "duty_absence", "app_user", "unit", "dispatch_incident", "user_role", "role_permission"}
)
"""Tables whose changes can change the board (the view refreshes when one of them changed)."""


@dataclass(frozen=True)
class BoardRow:
    user_id: int
    name: str
    badge_no: str
    unit_id: int | None
    unit_name: str
    status: str  # the effective status (see the module doc)
    since: datetime | None
    note: str
    incident_id: int | None
    incident_title: str
    set_by_name: str
    version: int  # of the duty_status row (0: never set)
    absence: Absence | None

    @property
    def status_name(self) -> str:
        return DUTY_NAMES[self.status]

    def seconds_in_status(self, now: datetime) -> int | None:
        return None if self.since is None else max(0, int((now - self.since).total_seconds()))


@dataclass(frozen=True)
class Board:
    rows: tuple[BoardRow, ...]
    counts: Mapping[str, int]
    at: datetime


def _effective(status: str, since: datetime | None, absence: Absence | None) -> tuple[str, datetime | None]:
    if absence is None or (since is not None and since >= absence.start_at):
        return status, since  # no absence, or a status set after it began: the later decision wins
    return DUTY_AWAY, absence.start_at


def board(
    session: Session,
    actor: Actor,
    *,
    unit_id: int | None = None,
    now: datetime | None = None,
    user_ids: list[int] | None = None,
) -> Board:
    """Every officer (or one unit's, or the given ones) with the effective status; counts over the same rows."""
    require(session, actor, DISPATCH_MONITOR)
    at = now or utcnow()
    people = dispatch_people.officers_query().add_columns(  # column order: unpacked below
        _S.c.status,
        _S.c.since,
        _S.c.note,
        _S.c.incident_id,
        _S.c.set_by_name,
        _S.c.version,
        DispatchIncident.title.label("incident_title"),
    )
    people = people.outerjoin(_S, _S.c.user_id == User.id).outerjoin(
        DispatchIncident, DispatchIncident.id == _S.c.incident_id
    )
    if unit_id is not None:
        people = people.where(User.unit_id == unit_id)
    if user_ids is not None:
        people = people.where(User.id.in_(user_ids))
    absent = absences_at(session, user_ids, at)
    rows: list[BoardRow] = []
    # Positional unpacking: named access on 2,000 result rows costs tens of milliseconds.
    for (
        uid,
        name,
        badge,
        unit,
        unit_name,
        status,
        since,
        note,
        incident,
        by,
        version,
        title,
    ) in session.execute(people):
        absence = absent.get(uid)
        shown, shown_since = _effective(status or DUTY_ON, since, absence)
        rows.append(
            BoardRow(
                uid,
                name,
                badge or "",
                unit,
                unit_name or "（无单位）",
                shown,
                shown_since,
                note or "",
                incident,
                title or "",
                by or "",
                version or 0,
                absence,
            )
        )
    counts = Counter(row.status for row in rows)
    return Board(tuple(rows), {s: counts.get(s, 0) for s in DUTY_STATUSES}, at)


def changes(
    session: Session,
    actor: Actor,
    shown: Mapping[int, int],
    *,
    unit_id: int | None = None,
    now: datetime | None = None,
) -> Board:
    """After a change to statuses only: the rows of the officers whose status row's version differs from the
    one ``shown`` (user id → version on the screen). Two small reads instead of the whole board, and no clock
    is compared, so workstations whose clocks disagree miss nothing. Counts are left to the caller."""
    require(session, actor, DISPATCH_MONITOR)
    stored = {uid: version for uid, version in session.execute(select(_S.c.user_id, _S.c.version))}
    moved = [uid for uid, version in shown.items() if stored.get(uid, 0) != version]
    if not moved:
        return Board((), {}, now or utcnow())
    return board(session, actor, unit_id=unit_id, now=now, user_ids=moved)


def my_status(session: Session, actor: Actor, *, now: datetime | None = None) -> BoardRow:
    require(session, actor, DISPATCH_RECEIVE)
    at = now or utcnow()
    assert actor.user_id is not None
    user = dispatch_people.require_user(session, actor.user_id)
    row = session.get(DutyStatus, actor.user_id)
    absence = absences_at(session, [actor.user_id], at).get(actor.user_id)
    status, since = _effective(row.status if row else DUTY_ON, row.since if row else None, absence)
    incident = session.get(DispatchIncident, row.incident_id) if row and row.incident_id else None
    return BoardRow(
        user.id,
        user.display_name,
        user.badge_no or "",
        user.unit_id,
        "",
        status,
        since,
        row.note if row else "",
        row.incident_id if row else None,
        incident.title if incident else "",
        row.set_by_name if row else "",
        row.version if row else 0,
        absence,
    )


def _write(
    session: Session,
    actor: Actor,
    user_ids: list[int],
    status: str,
    note: str,
    incident_id: int | None,
    now: datetime,
    versions: Mapping[int, int] | None = None,
) -> int:
    existing = {
        r.user_id: r
        for r in session.execute(select(DutyStatus).where(DutyStatus.user_id.in_(user_ids))).scalars()
    }
    by = dispatch_people.actor_name(actor)
    changed = 0
    for uid in user_ids:
        row = existing.get(uid)
        if versions is not None and uid in versions and (row.version if row else 0) != versions[uid]:
            name = dispatch_people.names_of(session, [uid]).get(uid, str(uid))
            raise ConflictError(
                entity=f"{name}的勤务状态",
                by=row.set_by_name if row else "其他用户",
                at=row.since.astimezone().strftime("%H:%M") if row else "刚才",
            )
        if row is None:
            session.add(
                DutyStatus(
                    user_id=uid,
                    status=status,
                    since=now,
                    note=note,
                    incident_id=incident_id,
                    set_by_name=by,
                    updated_by=actor.username,
                )
            )
        else:
            if row.status == status and row.incident_id == incident_id and row.note == note:
                continue
            old = {"status": row.status, "note": row.note}
            if row.status != status:
                row.since = now
            row.status, row.note, row.incident_id, row.set_by_name = status, note, incident_id, by
            row.updated_by = actor.username
            audit.record(
                session,
                actor,
                "duty",
                entity="duty_status",
                entity_id=uid,
                old=old,
                new={"status": status, "note": note},
            )
            changed += 1
            continue
        audit.record(
            session, actor, "duty", entity="duty_status", entity_id=uid, new={"status": status, "note": note}
        )
        changed += 1
    session.flush()
    return changed


def set_status(
    session: Session,
    actor: Actor,
    user_ids: Iterable[int],
    status: str,
    *,
    note: str = "",
    versions: Mapping[int, int] | None = None,
    now: datetime | None = None,
) -> frozenset[str]:
    """Set officers' status: one's own with ``dispatch.receive``, anyone's with ``dispatch.duty.manage``."""
    ids = list(dict.fromkeys(int(u) for u in user_ids))
    if status not in DUTY_STATUSES:
        raise DomainError("dispatch_duty_invalid", detail=f"没有“{status}”这种状态")
    if not ids:
        raise DomainError("dispatch_duty_invalid", detail="请先选择民警")
    note = (note or "").strip()
    if len(note) > 200:
        raise DomainError("dispatch_duty_invalid", detail="备注最多 200 个字")
    if ids == [actor.user_id] and has(session, actor, DISPATCH_RECEIVE):
        pass
    else:
        require(session, actor, DISPATCH_DUTY_MANAGE)
    known = set(session.execute(select(User.id).where(User.id.in_(ids))).scalars())
    if len(known) != len(ids):
        raise DomainError("not_found", entity="民警")
    _write(session, actor, ids, status, note, None, now or utcnow(), versions)
    return frozenset({"duty_status"})


def set_on_scene(
    session: Session, actor: Actor, user_ids: Iterable[int], incident_id: int, title: str, now: datetime
) -> None:
    """Assignment to an incident (the caller checked its own permission)."""
    _write(session, actor, list(user_ids), DUTY_ON_SCENE, f"参与处置：{title}"[:200], incident_id, now)


def release_from_incident(
    session: Session, actor: Actor, user_ids: Iterable[int], incident_id: int, now: datetime
) -> None:
    """Back to 在岗 for those still on scene *for this incident* (a status set since is left alone)."""
    still = list(
        session.execute(
            select(_S.c.user_id).where(
                _S.c.user_id.in_(list(user_ids)),
                _S.c.status == DUTY_ON_SCENE,
                _S.c.incident_id == incident_id,
            )
        ).scalars()
    )
    if still:
        _write(session, actor, still, DUTY_ON, "", None, now)
