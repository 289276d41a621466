"""Messages to officers (in-app inbox) and to citizens (SMS outbox), and the bookkeeping of scheduled sweeps.

Shared by every platform: citizen service texts at each step, key-person warnings to the four keepers,
dispatch orders that must be acknowledged. Rows here are written with Core statements in bulk where volume
matters (an order to 2,000 officers is one ``executemany``), so the tables carry no optimistic-lock version:
a message is never edited, only moved through its states by conditional UPDATEs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, utcnow
from app.models.permissions import ADMIN, QT_TRANSLATE_NOOP, SUPERVISOR, PermissionInfo, register

SMS_VIEW = "sms.view"
SMS_MANAGE = "sms.manage"
SWEEP_RUN = "sweep.run"

register(
    [
        PermissionInfo(SMS_VIEW, QT_TRANSLATE_NOOP("perm", "查看短信发件箱"), "消息"),
        PermissionInfo(SMS_MANAGE, QT_TRANSLATE_NOOP("perm", "配置短信签名和网关、重发失败短信"), "消息"),
        PermissionInfo(SWEEP_RUN, QT_TRANSLATE_NOOP("perm", "手动运行定时任务"), "系统"),
    ],
    {ADMIN: {SMS_VIEW, SMS_MANAGE, SWEEP_RUN}, SUPERVISOR: {SMS_VIEW}},
)


@dataclass(frozen=True)
class Link:
    """The record a message is about, so a click can open it (``entity`` is the table name)."""

    entity: str
    entity_id: int | str

    @staticmethod
    def of(value: Link | tuple[str, Any] | None) -> Link | None:
        if value is None or isinstance(value, Link):
            return value
        entity, entity_id = value
        return Link(str(entity), entity_id)


# --- in-app inbox ------------------------------------------------------------------------------------------

KIND_WARNING = "warning"
KIND_ORDER = "order"
KIND_NOTICE = "notice"
KIND_TASK = "task"

PRIORITY_NORMAL = 0
PRIORITY_HIGH = 1
PRIORITY_URGENT = 2


class InboxMessage(IdMixin, Base):
    """One message to one officer. Unread while ``read_at`` is empty; orders also wait for acknowledgement."""

    __tablename__ = "inbox_message"
    __table_args__ = (
        Index("ix_inbox_message_user_id_id", "user_id", "id"),
        Index("ix_inbox_message_user_unread", "user_id", "read_at", "id"),
        Index("ix_inbox_message_entity", "entity", "entity_id"),
    )

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    priority: Mapped[int] = mapped_column(SmallInteger, default=PRIORITY_NORMAL)
    requires_ack: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sender_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    sender_name: Mapped[str] = mapped_column(String(64), default="")


# --- SMS outbox --------------------------------------------------------------------------------------------

SMS_QUEUED = "queued"
SMS_HELD = "held"  # not user-triggered, waiting for the end of the quiet hours
SMS_SENDING = "sending"  # claimed by one sender; the gateway call is under way
SMS_SENT = "sent"
SMS_DELIVERED = "delivered"
SMS_FAILED = "failed"
SMS_STATUSES = (SMS_QUEUED, SMS_HELD, SMS_SENDING, SMS_SENT, SMS_DELIVERED, SMS_FAILED)
SMS_STATUS_NAMES = {
    SMS_QUEUED: QT_TRANSLATE_NOOP("sms", "待发送"),
    SMS_HELD: QT_TRANSLATE_NOOP("sms", "夜间暂缓"),
    SMS_SENDING: QT_TRANSLATE_NOOP("sms", "发送中"),
    SMS_SENT: QT_TRANSLATE_NOOP("sms", "已发送"),
    SMS_DELIVERED: QT_TRANSLATE_NOOP("sms", "已送达"),
    SMS_FAILED: QT_TRANSLATE_NOOP("sms", "发送失败"),
}


class SmsMessage(IdMixin, Base):
    """One text to one phone. ``dedupe_key`` names the event (e.g. ``application:42:accepted``): never twice."""

    __tablename__ = "sms_message"
    __table_args__ = (
        Index("ix_sms_message_status_next", "status", "next_attempt_at"),
        Index("ix_sms_message_entity", "entity", "entity_id"),
        Index("ix_sms_message_phone", "phone"),
        Index("ix_sms_message_provider_message_id", "provider_message_id"),
    )

    phone: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)  # without the signature
    signature: Mapped[str] = mapped_column(String(16))
    segments: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(12), default=SMS_QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(String(500), default="")
    gateway: Mapped[str] = mapped_column(String(32), default="")
    provider_message_id: Mapped[str | None] = mapped_column(String(64))
    user_triggered: Mapped[bool] = mapped_column(Boolean, default=False)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def full_text(self) -> str:
        return self.signature + self.text


# --- scheduled sweeps --------------------------------------------------------------------------------------

RUN_RUNNING = "running"
RUN_OK = "ok"
RUN_FAILED = "failed"


class SweepRun(IdMixin, Base):
    """One execution of one sweep: when, where, how it ended and what it did (``counts``)."""

    __tablename__ = "sweep_run"
    __table_args__ = (
        Index("ix_sweep_run_name_id", "name", "id"),
        Index("ix_sweep_run_started_at", "started_at"),
    )

    name: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(String(12), default=RUN_RUNNING)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(String(128), default="")


class SweepLock(Base):
    """A named lease: free when ``expires_at`` is empty or past, so a crashed holder blocks nobody for long."""

    __tablename__ = "sweep_lock"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128), default="")
    token: Mapped[str] = mapped_column(String(64), default="")
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
