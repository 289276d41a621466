"""Tasks of an incident with assignees and states (待办 → 进行中 → 已完成 / 已取消), each step in the timeline.

The dispatcher creates and reassigns tasks; the assignee (or the dispatcher) moves a task through its states.
Every change carries the version the user saw: a stale one is refused (ConflictError), never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound, PermissionDenied
from app.models.base import utcnow
from app.models.dispatch_incident import (
    ENTRY_SYSTEM,
    TASK_DONE,
    TASK_STATE_NAMES,
    TASK_TODO,
    DispatchIncidentMember,
    DispatchTask,
)
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE
from app.services import audit, dispatch_people, incident_timeline
from app.services.context import Actor
from app.services.permissions import has, require


@dataclass(frozen=True)
class TaskInfo:
    id: int
    version: int
    incident_id: int
    title: str
    detail: str
    assignee_id: int | None
    assignee_name: str
    state: str
    due_at: datetime | None
    done_at: datetime | None

    @property
    def state_name(self) -> str:
        return TASK_STATE_NAMES.get(self.state, self.state)


def _info(t: DispatchTask) -> TaskInfo:
    return TaskInfo(
        t.id,
        t.version,
        t.incident_id,
        t.title,
        t.detail,
        t.assignee_id,
        t.assignee_name,
        t.state,
        t.due_at,
        t.done_at,
    )


def _require_member(session: Session, incident_id: int, user_id: int) -> str:
    active = session.execute(
        select(DispatchIncidentMember.id).where(
            DispatchIncidentMember.incident_id == incident_id,
            DispatchIncidentMember.user_id == user_id,
            DispatchIncidentMember.released_at.is_(None),
        )
    ).first()
    name = dispatch_people.require_user(session, user_id).display_name
    if active is None:
        raise DomainError("dispatch_incident_invalid", detail=f"{name} 没有参与本事件，请先调派其参战")
    return name


def add(
    session: Session,
    actor: Actor,
    incident_id: int,
    title: str,
    *,
    detail: str = "",
    assignee_id: int | None = None,
    due_at: datetime | None = None,
    now: datetime | None = None,
) -> TaskInfo:
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_open(incident, "布置任务")
    title = (title or "").strip()
    if not title:
        raise DomainError("dispatch_text_required", what="任务名称")
    if len(title) > 200:
        raise DomainError("dispatch_incident_invalid", detail="任务名称最多 200 个字")
    at = now or utcnow()
    name = _require_member(session, incident_id, assignee_id) if assignee_id is not None else ""
    task = DispatchTask(
        incident_id=incident_id,
        title=title,
        detail=(detail or "").strip(),
        assignee_id=assignee_id,
        assignee_name=name,
        state=TASK_TODO,
        due_at=due_at,
        updated_by=actor.username,
    )
    session.add(task)
    session.flush()
    text = f"布置任务：{title}" + (f"，由 {name} 负责" if name else "")
    incident_timeline.append(session, incident_id, actor, ENTRY_SYSTEM, text, at, task_id=task.id)
    audit.record(
        session,
        actor,
        "create",
        entity="dispatch_task",
        entity_id=task.id,
        new={"incident": incident_id, "title": title, "assignee": name},
        detail=title[:200],
    )
    return _info(task)


def set_state(
    session: Session, actor: Actor, task_id: int, version: int, state: str, *, now: datetime | None = None
) -> TaskInfo:
    """Move a task on: its assignee or a dispatcher; a stale version is refused."""
    task = session.get(DispatchTask, task_id)
    if task is None:
        raise NotFound(entity="任务")
    if state not in TASK_STATE_NAMES:
        raise DomainError("dispatch_incident_invalid", detail=f"没有“{state}”这种任务状态")
    own = task.assignee_id == actor.user_id and actor.user_id is not None
    if not own and not has(session, actor, DISPATCH_INCIDENT_MANAGE):
        raise PermissionDenied(action="更改他人负责的任务", permission=DISPATCH_INCIDENT_MANAGE)
    incident = incident_timeline.load_incident(session, task.incident_id)
    incident_timeline.require_open(incident, "更改任务状态")
    if task.version != version:
        raise ConflictError(
            entity="任务", by=task.updated_by or "其他用户", at=task.updated_at.astimezone().strftime("%H:%M")
        )
    if task.state == state:
        return _info(task)
    at = now or utcnow()
    old = task.state
    task.state = state
    task.done_at = at if state == TASK_DONE else None
    task.updated_by = actor.username
    session.flush()
    text = f"任务“{task.title}”：{TASK_STATE_NAMES[old]} → {TASK_STATE_NAMES[state]}"
    incident_timeline.append(session, task.incident_id, actor, ENTRY_SYSTEM, text, at, task_id=task.id)
    audit.record(
        session,
        actor,
        "update",
        entity="dispatch_task",
        entity_id=task.id,
        old={"state": old},
        new={"state": state},
        detail=task.title[:200],
    )
    return _info(task)


def assign(
    session: Session,
    actor: Actor,
    task_id: int,
    version: int,
    assignee_id: int,
    *,
    now: datetime | None = None,
) -> TaskInfo:
    require(session, actor, DISPATCH_INCIDENT_MANAGE)
    task = session.get(DispatchTask, task_id)
    if task is None:
        raise NotFound(entity="任务")
    incident_timeline.require_open(
        incident_timeline.load_incident(session, task.incident_id), "更改任务负责人"
    )
    if task.version != version:
        raise ConflictError(
            entity="任务", by=task.updated_by or "其他用户", at=task.updated_at.astimezone().strftime("%H:%M")
        )
    name = _require_member(session, task.incident_id, assignee_id)
    old = task.assignee_name
    task.assignee_id, task.assignee_name, task.updated_by = assignee_id, name, actor.username
    session.flush()
    at = now or utcnow()
    incident_timeline.append(
        session,
        task.incident_id,
        actor,
        ENTRY_SYSTEM,
        f"任务“{task.title}”改由 {name} 负责",
        at,
        task_id=task.id,
    )
    audit.record(
        session,
        actor,
        "update",
        entity="dispatch_task",
        entity_id=task.id,
        old={"assignee": old},
        new={"assignee": name},
    )
    return _info(task)


def tasks(session: Session, actor: Actor, incident_id: int) -> list[TaskInfo]:
    incident = incident_timeline.load_incident(session, incident_id)
    incident_timeline.require_access(session, actor, incident)
    rows = session.execute(
        select(DispatchTask).where(DispatchTask.incident_id == incident_id).order_by(DispatchTask.id)
    ).scalars()
    return [_info(t) for t in rows]
