"""Who takes part in an incident: assigning officers (出警 by itself), releasing them, adding units.

Assigning an officer who is on leave (an absence in force, see :mod:`app.services.duty_board`) is refused with
a warning naming them and the reason; with ``override_leave=True`` (the dispatcher confirmed) they are
assigned, the membership is marked ``leave_override`` and the timeline records that the dispatcher insisted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.base import utcnow
from app.models.dispatch_duty import DUTY_ON, DutyStatus
from app.models.dispatch_incident import ENTRY_SYSTEM, DispatchIncidentMember, DispatchIncidentUnit
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE, DISPATCH_RECEIVE
from app.models.org import Unit
from app.services import audit, dispatch_people, duty_board, incident_timeline
from app.services.context import Actor
from app.services.permissions import require


@dataclass(frozen=True)
class MemberInfo:
    user_id: int
    name: str
    badge_no: str
    unit_name: str
    role: str
    assigned_at: datetime
    released_at: datetime | None
    leave_override: bool
    duty_status: str

    @property
    def active(self) -> bool:
        return self.released_at is None


def assign(
    session: Session,
    actor: Actor,
    incident_id: int,
    user_ids: Iterable[int],
    *,
    override_leave: bool = False,
    now: datetime | None = None,
) -> list[int]:
    """Add officers to the incident and set them 出警/现场; returns the ids newly (re)assigned."""
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_open(incident, "调派民警")
    at = now or utcnow()
    ids = list(dict.fromkeys(int(u) for u in user_ids))
    if not ids:
        raise DomainError("dispatch_duty_invalid", detail="请先选择要调派的民警")
    officers = set(
        session.execute(dispatch_people.holders_of(DISPATCH_RECEIVE).where(User.id.in_(ids))).scalars()
    )
    bad = [u for u in ids if u not in officers]
    if bad:
        name = dispatch_people.names_of(session, bad[:1]).get(bad[0], str(bad[0]))
        raise DomainError("dispatch_recipient_invalid", name=name)
    existing = {
        m.user_id: m
        for m in session.execute(
            select(DispatchIncidentMember).where(
                DispatchIncidentMember.incident_id == incident_id, DispatchIncidentMember.user_id.in_(ids)
            )
        ).scalars()
    }
    new = [u for u in ids if u not in existing or existing[u].released_at is not None]
    if not new:
        return []
    names = dispatch_people.names_of(session, new)
    away = duty_board.absences_at(session, new, at)
    if away and not override_leave:
        raise DomainError(
            "dispatch_officer_on_leave",
            names="、".join(names[u] for u in away),
            reasons="；".join(
                f"{names[u]}：{a.reason or '离岗'}，至 {a.end_at.astimezone().strftime('%m月%d日 %H:%M')}"
                for u, a in away.items()
            ),
            user_ids=sorted(away),
        )
    by = dispatch_people.actor_name(actor)
    for uid in new:
        member = existing.get(uid)
        if member is None:
            member = DispatchIncidentMember(incident_id=incident_id, user_id=uid, role="member")
            session.add(member)
        member.assigned_at, member.released_at, member.assigned_by_name = at, None, by
        member.leave_override = uid in away
        member.note = "休假期间经指挥员确认调派" if uid in away else ""
    session.flush()
    duty_board.set_on_scene(session, actor, new, incident_id, incident.title, at)
    text = "调派参战：" + "、".join(names[u] for u in new) + "（状态已改为出警/现场）"
    if away:
        text += "；其中 " + "、".join(names[u] for u in away) + " 正在休假/离岗，经指挥员确认坚持调派"
    incident_timeline.append(session, incident_id, actor, ENTRY_SYSTEM, text, at)
    audit.record(
        session,
        actor,
        "assign",
        entity="dispatch_incident",
        entity_id=incident_id,
        new={"members": new, "leave_override": sorted(away)},
        detail=text[:200],
    )
    return new


def release(
    session: Session, actor: Actor, incident_id: int, user_id: int, *, now: datetime | None = None
) -> None:
    """Stand an officer down from the incident (back to 在岗 if still on scene for it)."""
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_open(incident, "撤回民警")
    member = session.execute(
        select(DispatchIncidentMember).where(
            DispatchIncidentMember.incident_id == incident_id,
            DispatchIncidentMember.user_id == user_id,
            DispatchIncidentMember.released_at.is_(None),
        )
    ).scalar_one_or_none()
    if member is None:
        raise DomainError("not_found", entity="参战民警")
    at = now or utcnow()
    member.released_at = at
    session.flush()
    duty_board.release_from_incident(session, actor, [user_id], incident_id, at)
    name = dispatch_people.names_of(session, [user_id]).get(user_id, str(user_id))
    incident_timeline.append(session, incident_id, actor, ENTRY_SYSTEM, f"{name} 撤离现场，状态改为在岗", at)
    audit.record(
        session, actor, "release", entity="dispatch_incident", entity_id=incident_id, old={"member": user_id}
    )


def add_units(
    session: Session, actor: Actor, incident_id: int, unit_ids: Iterable[int], *, now: datetime | None = None
) -> int:
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_open(incident, "增加参战单位")
    at = now or utcnow()
    have = set(
        session.execute(
            select(DispatchIncidentUnit.unit_id).where(DispatchIncidentUnit.incident_id == incident_id)
        ).scalars()
    )
    wanted = [u for u in dict.fromkeys(int(u) for u in unit_ids) if u not in have]
    names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(wanted))).all())
    if len(names) != len(wanted):
        raise DomainError("not_found", entity="单位")
    for uid in wanted:
        session.add(DispatchIncidentUnit(incident_id=incident_id, unit_id=uid, added_at=at))
    if wanted:
        session.flush()
        text = "增加参战单位：" + "、".join(names[u] for u in wanted)
        incident_timeline.append(session, incident_id, actor, ENTRY_SYSTEM, text, at)
        audit.record(
            session,
            actor,
            "add_units",
            entity="dispatch_incident",
            entity_id=incident_id,
            new={"units": wanted},
        )
    return len(wanted)


def members(session: Session, actor: Actor, incident_id: int) -> list[MemberInfo]:
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_access(session, actor, incident)
    rows = session.execute(
        select(DispatchIncidentMember, User.display_name, User.badge_no, Unit.name, DutyStatus.status)
        .join(User, User.id == DispatchIncidentMember.user_id)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .outerjoin(DutyStatus, DutyStatus.user_id == User.id)
        .where(DispatchIncidentMember.incident_id == incident_id)
        .order_by(DispatchIncidentMember.released_at.is_not(None), DispatchIncidentMember.id)
    )
    return [
        MemberInfo(
            m.user_id,
            name,
            badge or "",
            unit or "（无单位）",
            m.role,
            m.assigned_at,
            m.released_at,
            m.leave_override,
            status or DUTY_ON,
        )
        for m, name, badge, unit, status in rows
    ]
