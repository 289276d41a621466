"""Incidents and campaigns (事件/集群战役): participants, tasks and a permanent timeline.

The timeline (``dispatch_timeline_entry``) is append-only in the database itself (triggers refuse UPDATE,
DELETE and, on PostgreSQL, TRUNCATE, whoever is connected), and its rows refer to users and incidents
without cascading deletes: neither closing an incident nor removing an account can take an entry away.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models import dispatch_permissions as _perms  # noqa: F401 - registers the permissions
from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.permissions import QT_TRANSLATE_NOOP

CATEGORY_INCIDENT = "incident"
CATEGORY_CAMPAIGN = "campaign"
CATEGORY_NAMES = {
    CATEGORY_INCIDENT: QT_TRANSLATE_NOOP("dispatch", "事件"),
    CATEGORY_CAMPAIGN: QT_TRANSLATE_NOOP("dispatch", "集群战役"),
}

INCIDENT_KINDS = (
    QT_TRANSLATE_NOOP("dispatch", "刑事案件"),
    QT_TRANSLATE_NOOP("dispatch", "治安案件"),
    QT_TRANSLATE_NOOP("dispatch", "交通事故"),
    QT_TRANSLATE_NOOP("dispatch", "火灾"),
    QT_TRANSLATE_NOOP("dispatch", "自然灾害"),
    QT_TRANSLATE_NOOP("dispatch", "群体性事件"),
    QT_TRANSLATE_NOOP("dispatch", "求助救援"),
    QT_TRANSLATE_NOOP("dispatch", "专项行动"),
    QT_TRANSLATE_NOOP("dispatch", "安保任务"),
    QT_TRANSLATE_NOOP("dispatch", "其他"),
)

# Levels as in the emergency-response plans: IV (一般) is the lowest, I (特别重大) the highest.
LEVEL_NAMES = {
    "IV": QT_TRANSLATE_NOOP("dispatch", "一般（Ⅳ级）"),
    "III": QT_TRANSLATE_NOOP("dispatch", "较大（Ⅲ级）"),
    "II": QT_TRANSLATE_NOOP("dispatch", "重大（Ⅱ级）"),
    "I": QT_TRANSLATE_NOOP("dispatch", "特别重大（Ⅰ级）"),
}

INCIDENT_OPEN = "open"
INCIDENT_CLOSED = "closed"
INCIDENT_STATUS_NAMES = {
    INCIDENT_OPEN: QT_TRANSLATE_NOOP("dispatch", "处置中"),
    INCIDENT_CLOSED: QT_TRANSLATE_NOOP("dispatch", "已结束"),
}

TASK_TODO = "todo"
TASK_DOING = "doing"
TASK_DONE = "done"
TASK_CANCELLED = "cancelled"
TASK_STATE_NAMES = {
    TASK_TODO: QT_TRANSLATE_NOOP("dispatch", "待办"),
    TASK_DOING: QT_TRANSLATE_NOOP("dispatch", "进行中"),
    TASK_DONE: QT_TRANSLATE_NOOP("dispatch", "已完成"),
    TASK_CANCELLED: QT_TRANSLATE_NOOP("dispatch", "已取消"),
}
OPEN_TASK_STATES = (TASK_TODO, TASK_DOING)

ENTRY_PROGRESS = "progress"
ENTRY_INSTRUCTION = "instruction"
ENTRY_SYSTEM = "system"
ENTRY_KIND_NAMES = {
    ENTRY_PROGRESS: QT_TRANSLATE_NOOP("dispatch", "进展反馈"),
    ENTRY_INSTRUCTION: QT_TRANSLATE_NOOP("dispatch", "指挥指令"),
    ENTRY_SYSTEM: QT_TRANSLATE_NOOP("dispatch", "系统记录"),
}


class DispatchIncident(IdMixin, VersionedMixin, Base):
    __tablename__ = "dispatch_incident"
    __table_args__ = (Index("ix_dispatch_incident_status_opened", "status", "opened_at"),)

    number: Mapped[str] = mapped_column(String(32), unique=True)
    category: Mapped[str] = mapped_column(String(16), default=CATEGORY_INCIDENT)
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(8), default="IV")
    title: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    commander_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    commander_name: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default=INCIDENT_OPEN)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_name: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class DispatchIncidentUnit(Base):
    """A participating unit."""

    __tablename__ = "dispatch_incident_unit"

    incident_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("dispatch_incident.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(BigId, ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DispatchIncidentMember(IdMixin, Base):
    """A participating officer; ``leave_override``: assigned although on leave, because the dispatcher insisted."""

    __tablename__ = "dispatch_incident_member"
    __table_args__ = (
        UniqueConstraint("incident_id", "user_id", name="uq_dispatch_incident_member_incident_user"),
        Index("ix_dispatch_incident_member_user", "user_id", "incident_id"),
    )

    incident_id: Mapped[int] = mapped_column(BigId, ForeignKey("dispatch_incident.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16), default="member")  # commander / member
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    assigned_by_name: Mapped[str] = mapped_column(String(64), default="")
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    leave_override: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(200), default="")


class DispatchTask(IdMixin, VersionedMixin, Base):
    __tablename__ = "dispatch_task"
    __table_args__ = (Index("ix_dispatch_task_incident_state", "incident_id", "state"),)

    incident_id: Mapped[int] = mapped_column(BigId, ForeignKey("dispatch_incident.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    assignee_name: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default=TASK_TODO)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DispatchTimelineEntry(IdMixin, Base):
    """One permanent line of an incident's timeline (append-only: see the module doc)."""

    __tablename__ = "dispatch_timeline_entry"
    __table_args__ = (Index("ix_dispatch_timeline_entry_incident_id", "incident_id", "id"),)

    incident_id: Mapped[int] = mapped_column(BigId, ForeignKey("dispatch_incident.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    author_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    author_name: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(16), default=ENTRY_PROGRESS)
    text: Mapped[str] = mapped_column(Text, default="")
    task_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("dispatch_task.id"))
