"""An incident's permanent timeline: officers' progress, the dispatcher's instructions, the system's record.

Entries are only ever inserted (the table refuses UPDATE and DELETE in the database itself), in the order of
their ids, which is the order in which they were committed to the log. Closing an incident seals it: the
entries stay readable for ever, but nothing more is posted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_incident import (
    ENTRY_INSTRUCTION,
    ENTRY_KIND_NAMES,
    ENTRY_PROGRESS,
    INCIDENT_CLOSED,
    DispatchIncident,
    DispatchIncidentMember,
    DispatchIncidentUnit,
    DispatchTimelineEntry,
)
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE, DISPATCH_MONITOR
from app.services import attachments, audit, dispatch_people
from app.services.attachments import AttachmentInfo, AttachmentSource
from app.services.context import Actor
from app.services.entity_service import ProgressLike
from app.services.permissions import has, require

TEXT_MAX = 5000
_T = cast(Table, DispatchTimelineEntry.__table__)


@dataclass(frozen=True)
class TimelineItem:
    id: int
    at: datetime
    author_name: str
    kind: str
    text: str
    task_id: int | None
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def kind_name(self) -> str:
        return ENTRY_KIND_NAMES.get(self.kind, self.kind)


def load_incident(session: Session, incident_id: int) -> DispatchIncident:
    incident = session.get(DispatchIncident, incident_id)
    if incident is None:
        raise NotFound(entity="事件")
    return incident


def is_participant(session: Session, actor: Actor, incident_id: int) -> bool:
    """A participating officer, the commander, or an officer of a participating unit."""
    if actor.user_id is None:
        return False
    member = select(DispatchIncidentMember.id).where(
        DispatchIncidentMember.incident_id == incident_id, DispatchIncidentMember.user_id == actor.user_id
    )
    commander = select(DispatchIncident.id).where(
        DispatchIncident.id == incident_id, DispatchIncident.commander_id == actor.user_id
    )
    found = session.execute(member.union(commander)).first() is not None
    if not found and actor.unit_id is not None:
        unit = select(DispatchIncidentUnit.unit_id).where(
            DispatchIncidentUnit.incident_id == incident_id, DispatchIncidentUnit.unit_id == actor.unit_id
        )
        found = session.execute(unit).first() is not None
    return found


def require_access(session: Session, actor: Actor, incident: DispatchIncident) -> None:
    if has(session, actor, DISPATCH_MONITOR) or has(session, actor, DISPATCH_INCIDENT_MANAGE):
        return
    if not is_participant(session, actor, incident.id):
        audit.record_denied(session, actor, "permission", entity="dispatch_incident", detail=str(incident.id))
        raise DomainError("dispatch_not_participant", title=incident.title)


def require_open(incident: DispatchIncident, action: str) -> None:
    if incident.status == INCIDENT_CLOSED:
        at = incident.closed_at.astimezone().strftime("%Y-%m-%d %H:%M") if incident.closed_at else ""
        raise DomainError("dispatch_incident_closed", title=incident.title, at=at, action=action)


def append(
    session: Session,
    incident_id: int,
    actor: Actor | None,
    kind: str,
    text: str,
    now: datetime,
    *,
    task_id: int | None = None,
) -> int:
    """Insert one entry (no checks: the callers check); returns its id."""
    values = {
        "incident_id": incident_id,
        "at": now,
        "author_id": actor.user_id if actor else None,
        "author_name": dispatch_people.actor_name(actor) if actor else "系统",
        "kind": kind,
        "text": text,
        "task_id": task_id,
    }
    ident = int(session.execute(insert(_T).values(**values).returning(_T.c.id)).scalar_one())
    mark_changed(session, "dispatch_timeline_entry")
    return ident


def post(
    session: Session,
    actor: Actor,
    incident_id: int,
    text: str,
    *,
    kind: str = ENTRY_PROGRESS,
    files: Sequence[AttachmentSource] = (),
    task_id: int | None = None,
    now: datetime | None = None,
    progress: ProgressLike | None = None,
) -> TimelineItem:
    """An officer's progress (participants) or a dispatcher's instruction (``dispatch.incident.manage``)."""
    if kind not in (ENTRY_PROGRESS, ENTRY_INSTRUCTION):
        raise DomainError("dispatch_incident_invalid", detail=f"不能发布“{kind}”类记录")
    incident = load_incident(session, incident_id)
    if kind == ENTRY_INSTRUCTION:
        require(session, actor, DISPATCH_INCIDENT_MANAGE)
    else:
        require_access(session, actor, incident)
    require_open(incident, "发布进展或指令")
    text = (text or "").strip()
    if not text and not files:
        raise DomainError("dispatch_text_required", what="反馈内容或附件")
    if len(text) > TEXT_MAX:
        raise DomainError("dispatch_incident_invalid", detail=f"内容最多 {TEXT_MAX} 个字")
    checked = attachments.check(session, files)
    at = now or utcnow()
    ident = append(session, incident.id, actor, kind, text, at, task_id=task_id)
    stored = attachments.store(session, actor, checked, timeline_entry_id=ident, progress=progress)
    audit.record(
        session,
        actor,
        "post",
        entity="dispatch_incident",
        entity_id=incident.id,
        new={"kind": kind, "text": text, "attachments": [a.filename for a in stored]},
        detail=text[:200],
    )
    return TimelineItem(ident, at, dispatch_people.actor_name(actor), kind, text, task_id, tuple(stored))


def entries(
    session: Session, actor: Actor, incident_id: int, *, after_id: int | None = None, limit: int = 5000
) -> list[TimelineItem]:
    """The timeline in the order it was written (``after_id``: only what came since)."""
    incident = load_incident(session, incident_id)
    require_access(session, actor, incident)
    return items(session, incident_id, after_id=after_id, limit=limit)


def items(
    session: Session, incident_id: int, *, after_id: int | None = None, limit: int = 5000
) -> list[TimelineItem]:
    stmt = select(_T).where(_T.c.incident_id == incident_id)
    if after_id is not None:
        stmt = stmt.where(_T.c.id > after_id)
    rows = list(session.execute(stmt.order_by(_T.c.id).limit(limit)))
    files = attachments.for_entries(session, [r.id for r in rows])
    return [
        TimelineItem(r.id, r.at, r.author_name, r.kind, r.text, r.task_id, tuple(files.get(r.id, ())))
        for r in rows
    ]
