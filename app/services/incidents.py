"""Incidents and campaigns (事件/集群战役): opening, reading and closing them.

Participants and tasks are in :mod:`app.services.incident_members` and :mod:`app.services.incident_tasks`; the
permanent timeline in :mod:`app.services.incident_timeline`. Every step that changes an incident also writes
a system line into its timeline, so the after-action report can be read from the timeline alone.

Closing with open tasks is refused with a warning that names them; with ``force=True`` (the dispatcher
confirmed) the incident closes, the open tasks are written into the timeline, and every officer still on scene
for it goes back to 在岗.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_incident import (
    CATEGORY_CAMPAIGN,
    CATEGORY_NAMES,
    ENTRY_SYSTEM,
    INCIDENT_CLOSED,
    INCIDENT_KINDS,
    LEVEL_NAMES,
    OPEN_TASK_STATES,
    DispatchIncident,
    DispatchIncidentMember,
    DispatchIncidentUnit,
    DispatchTask,
)
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE, DISPATCH_MONITOR
from app.models.org import Unit
from app.services import (
    audit,
    dispatch_people,
    duty_board,
    incident_members,
    incident_tasks,
    incident_timeline,
)
from app.services.context import Actor
from app.services.permissions import require


@dataclass(frozen=True)
class IncidentDraft:
    title: str
    kind: str
    level: str = "IV"
    category: str = "incident"
    location: str = ""
    description: str = ""
    commander_id: int | None = None
    unit_ids: tuple[int, ...] = ()
    member_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IncidentInfo:
    id: int
    version: int
    number: str
    category: str
    kind: str
    level: str
    title: str
    location: str
    description: str
    commander_id: int | None
    commander_name: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by_name: str
    summary: str
    units: tuple[str, ...] = ()
    unit_ids: tuple[int, ...] = ()
    open_tasks: int = 0
    tasks: int = 0
    members: int = 0
    tables: frozenset[str] = field(default_factory=frozenset)

    @property
    def category_name(self) -> str:
        return CATEGORY_NAMES.get(self.category, self.category)

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, self.level)


def _invalid(detail: str) -> DomainError:
    return DomainError("dispatch_incident_invalid", detail=detail)


def _validate(draft: IncidentDraft) -> tuple[str, str, str]:
    title = (draft.title or "").strip()
    if not title:
        raise DomainError("dispatch_text_required", what="事件名称")
    if len(title) > 200:
        raise _invalid("名称最多 200 个字")
    if draft.category not in CATEGORY_NAMES:
        raise _invalid(f"类别“{draft.category}”无效")
    if draft.kind not in INCIDENT_KINDS:
        raise _invalid(f"类型“{draft.kind}”无效")
    if draft.level not in LEVEL_NAMES:
        raise _invalid(f"等级“{draft.level}”无效")
    location = (draft.location or "").strip()
    if len(location) > 200:
        raise _invalid("地点最多 200 个字")
    return title, location, (draft.description or "").strip()


def info(session: Session, incident: DispatchIncident, tables: frozenset[str] = frozenset()) -> IncidentInfo:
    units = session.execute(
        select(Unit.id, Unit.name)
        .join(DispatchIncidentUnit, DispatchIncidentUnit.unit_id == Unit.id)
        .where(DispatchIncidentUnit.incident_id == incident.id)
        .order_by(Unit.sort_order, Unit.name)
    ).all()
    open_tasks, tasks = session.execute(
        select(
            func.count().filter(DispatchTask.state.in_(OPEN_TASK_STATES)),
            func.count(),
        ).where(DispatchTask.incident_id == incident.id)
    ).one()
    members = session.execute(
        select(func.count()).where(
            DispatchIncidentMember.incident_id == incident.id, DispatchIncidentMember.released_at.is_(None)
        )
    ).scalar_one()
    i = incident
    return IncidentInfo(
        i.id,
        i.version,
        i.number,
        i.category,
        i.kind,
        i.level,
        i.title,
        i.location,
        i.description,
        i.commander_id,
        i.commander_name,
        i.status,
        i.opened_at,
        i.closed_at,
        i.closed_by_name,
        i.summary,
        tuple(u.name for u in units),
        tuple(u.id for u in units),
        int(open_tasks or 0),
        int(tasks or 0),
        int(members or 0),
        tables,
    )


def create(
    session: Session,
    actor: Actor,
    draft: IncidentDraft,
    *,
    override_leave: bool = False,
    now: datetime | None = None,
) -> IncidentInfo:
    """Open an incident or campaign with its units and officers (assigned officers go 出警/现场)."""
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    title, location, description = _validate(draft)
    at = now or utcnow()
    commander_name = ""
    if draft.commander_id is not None:
        commander_name = dispatch_people.require_user(session, draft.commander_id).display_name
    unit_ids = list(dict.fromkeys(draft.unit_ids))
    if unit_ids and len(session.execute(select(Unit.id).where(Unit.id.in_(unit_ids))).all()) != len(unit_ids):
        raise DomainError("not_found", entity="单位")
    prefix = "ZY" if draft.category == CATEGORY_CAMPAIGN else "SJ"
    incident = DispatchIncident(
        number=dispatch_people.next_number(session, DispatchIncident, prefix, at),
        category=draft.category,
        kind=draft.kind,
        level=draft.level,
        title=title,
        location=location,
        description=description,
        commander_id=draft.commander_id,
        commander_name=commander_name,
        opened_at=at,
        updated_by=actor.username,
    )
    session.add(incident)
    session.flush()
    for uid in unit_ids:
        session.add(DispatchIncidentUnit(incident_id=incident.id, unit_id=uid, added_at=at))
    lines = [f"{CATEGORY_NAMES[draft.category]}开始：{title}（{draft.kind}，{LEVEL_NAMES[draft.level]}）"]
    if location:
        lines.append(f"地点：{location}")
    if commander_name:
        lines.append(f"指挥员：{commander_name}")
    if unit_ids:
        names = session.execute(select(Unit.name).where(Unit.id.in_(unit_ids))).scalars()
        lines.append("参战单位：" + "、".join(names))
    incident_timeline.append(session, incident.id, actor, ENTRY_SYSTEM, "；".join(lines), at)
    if draft.commander_id is not None:
        session.add(
            DispatchIncidentMember(
                incident_id=incident.id,
                user_id=draft.commander_id,
                role="commander",
                assigned_at=at,
                assigned_by_name=dispatch_people.actor_name(actor),
            )
        )
        session.flush()
    if draft.member_ids:
        incident_members.assign(
            session, actor, incident.id, draft.member_ids, override_leave=override_leave, now=at
        )
    audit.record(
        session,
        actor,
        "create",
        entity="dispatch_incident",
        entity_id=incident.id,
        new={
            "number": incident.number,
            "title": title,
            "category": draft.category,
            "kind": draft.kind,
            "level": draft.level,
            "commander": commander_name,
            "units": unit_ids,
            "members": list(draft.member_ids),
        },
        detail=f"{incident.number} {title}"[:200],
    )
    tables = frozenset(
        {
            "dispatch_incident",
            "dispatch_incident_unit",
            "dispatch_incident_member",
            "dispatch_timeline_entry",
            "duty_status",
        }
    )
    return info(session, incident, tables)


def get(session: Session, actor: Actor, incident_id: int) -> IncidentInfo:
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_access(session, actor, incident)
    return info(session, incident)


def scoped(session: Session, actor: Actor) -> Select[Any]:
    """The incidents a list shows the actor: all for monitors and dispatchers, else the ones they take part in."""
    stmt = select(DispatchIncident)
    if actor.can(DISPATCH_MONITOR) or actor.can(DISPATCH_INCIDENT_MANAGE):
        return stmt
    member = select(DispatchIncidentMember.incident_id).where(DispatchIncidentMember.user_id == actor.user_id)
    conds = [DispatchIncident.id.in_(member), DispatchIncident.commander_id == actor.user_id]
    if actor.unit_id is not None:
        units = select(DispatchIncidentUnit.incident_id).where(DispatchIncidentUnit.unit_id == actor.unit_id)
        conds.append(DispatchIncident.id.in_(units))
    return stmt.where(or_(*conds))


def open_task_titles(session: Session, incident_id: int) -> list[str]:
    return list(
        session.execute(
            select(DispatchTask.title)
            .where(DispatchTask.incident_id == incident_id, DispatchTask.state.in_(OPEN_TASK_STATES))
            .order_by(DispatchTask.id)
        ).scalars()
    )


def close(
    session: Session,
    actor: Actor,
    incident_id: int,
    version: int,
    summary: str,
    *,
    force: bool = False,
    now: datetime | None = None,
) -> IncidentInfo:
    """End the incident; open tasks warn first (``force`` after confirmation). The timeline is sealed."""
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_open(incident, "结束")
    if incident.version != version:
        raise ConflictError(
            entity="事件",
            by=incident.updated_by or "其他用户",
            at=incident.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    summary = (summary or "").strip()
    if not summary:
        raise DomainError("dispatch_text_required", what="处置总结")
    at = now or utcnow()
    pending = open_task_titles(session, incident_id)
    if pending and not force:
        raise DomainError(
            "dispatch_open_tasks",
            count=len(pending),
            titles="、".join(pending[:5]) + ("等" if len(pending) > 5 else ""),
        )
    if pending:
        incident_timeline.append(
            session,
            incident.id,
            actor,
            ENTRY_SYSTEM,
            f"结束时仍有 {len(pending)} 项任务未完成：" + "、".join(pending),
            at,
        )
    active = list(
        session.execute(
            select(DispatchIncidentMember.user_id).where(
                DispatchIncidentMember.incident_id == incident.id,
                DispatchIncidentMember.released_at.is_(None),
            )
        ).scalars()
    )
    session.execute(
        DispatchIncidentMember.__table__.update()  # type: ignore[attr-defined]
        .where(
            DispatchIncidentMember.incident_id == incident.id, DispatchIncidentMember.released_at.is_(None)
        )
        .values(released_at=at)
    )
    mark_changed(session, "dispatch_incident_member")
    duty_board.release_from_incident(session, actor, active, incident.id, at)
    incident_timeline.append(session, incident.id, actor, ENTRY_SYSTEM, f"处置结束。总结：{summary}", at)
    incident.status = INCIDENT_CLOSED
    incident.closed_at = at
    incident.closed_by_name = dispatch_people.actor_name(actor)
    incident.summary = summary
    incident.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "close",
        entity="dispatch_incident",
        entity_id=incident.id,
        old={"status": "open"},
        new={"status": INCIDENT_CLOSED, "summary": summary, "open_tasks": pending},
        detail=f"{incident.number} {incident.title}"[:200],
    )
    tables = frozenset(
        {"dispatch_incident", "dispatch_incident_member", "dispatch_timeline_entry", "duty_status"}
    )
    return info(session, incident, tables)


@dataclass(frozen=True)
class IncidentReport:
    """Everything the after-action report prints (see app/printing/incident_report.py)."""

    incident: IncidentInfo
    members: tuple[incident_members.MemberInfo, ...]
    tasks: tuple[incident_tasks.TaskInfo, ...]
    entries: tuple[incident_timeline.TimelineItem, ...]


def report(session: Session, actor: Actor, incident_id: int) -> IncidentReport:
    incident = get(session, actor, incident_id)
    return IncidentReport(
        incident,
        tuple(incident_members.members(session, actor, incident_id)),
        tuple(incident_tasks.tasks(session, actor, incident_id)),
        tuple(incident_timeline.entries(session, actor, incident_id)),
    )
