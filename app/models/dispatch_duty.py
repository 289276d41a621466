"""The duty board's data: each officer's current status, and absences that make an officer show as away.

``duty_status`` holds one row per officer who has ever been set (an officer without a row is 在岗 since an
unknown time). ``duty_absence`` is the contract with the support platform (警务保障): it writes one row per
approved leave (``source = "support.leave"``, ``source_id`` = its leave id) through
:func:`app.services.duty_board.record_absence` and ends or withdraws it through ``end_absence``; while
``start_at <= now < end_at`` the officer shows as 休假/离岗 whatever status was set.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models import dispatch_permissions as _perms  # noqa: F401 - registers the permissions
from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.permissions import QT_TRANSLATE_NOOP

DUTY_ON = "on_duty"
DUTY_STANDBY = "standby"
DUTY_PATROL = "patrol"
DUTY_ON_SCENE = "on_scene"
DUTY_AWAY = "away"
DUTY_STATUSES = (DUTY_ON, DUTY_STANDBY, DUTY_PATROL, DUTY_ON_SCENE, DUTY_AWAY)
DUTY_NAMES = {
    DUTY_ON: QT_TRANSLATE_NOOP("dispatch", "在岗"),
    DUTY_STANDBY: QT_TRANSLATE_NOOP("dispatch", "备勤"),
    DUTY_PATROL: QT_TRANSLATE_NOOP("dispatch", "巡逻"),
    DUTY_ON_SCENE: QT_TRANSLATE_NOOP("dispatch", "出警/现场"),
    DUTY_AWAY: QT_TRANSLATE_NOOP("dispatch", "休假/离岗"),
}


class DutyStatus(VersionedMixin, Base):
    __tablename__ = "duty_status"
    __table_args__ = (Index("ix_duty_status_status", "status"),)

    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    status: Mapped[str] = mapped_column(String(16), default=DUTY_ON)
    since: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(String(200), default="")
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("dispatch_incident.id", ondelete="SET NULL")
    )
    set_by_name: Mapped[str] = mapped_column(String(64), default="")


class DutyAbsence(IdMixin, VersionedMixin, Base):
    """A period away (approved leave, training away, sick leave), written by the platform that approved it."""

    __tablename__ = "duty_absence"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_duty_absence_source"),
        Index("ix_duty_absence_user_start", "user_id", "start_at"),
        Index("ix_duty_absence_end", "end_at"),
    )

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="CASCADE"))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(String(64))
