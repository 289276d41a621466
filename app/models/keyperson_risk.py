"""The level's history: every change of a person's effective warning level, with its recorded reason.

Append-only, and the database itself refuses an empty reason: a level never changes without one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, utcnow

CAUSE_REGISTER = "register"
CAUSE_IMPORT = "import"
CAUSE_EDIT = "edit"
CAUSE_EVENT = "event"
CAUSE_VISIT = "visit"
CAUSE_OVERRIDE = "override"
CAUSE_CLEAR_OVERRIDE = "clear_override"
CAUSE_SWEEP = "sweep"
CAUSE_STATUS = "status"
CAUSE_NAMES = {
    CAUSE_REGISTER: "登记评分",
    CAUSE_IMPORT: "导入评分",
    CAUSE_EDIT: "信息变更",
    CAUSE_EVENT: "风险事件",
    CAUSE_VISIT: "走访签到",
    CAUSE_OVERRIDE: "人工调整",
    CAUSE_CLEAR_OVERRIDE: "取消人工调整",
    CAUSE_SWEEP: "定时重新评分",
    CAUSE_STATUS: "管控状态变化",
}


class KpLevelChange(IdMixin, Base):
    __tablename__ = "kp_level_change"
    __table_args__ = (
        Index("ix_kp_level_change_person_id_id", "person_id", "id"),
        CheckConstraint("length(reason) > 0", name="reason_given"),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    old_level: Mapped[str] = mapped_column(String(8))
    new_level: Mapped[str] = mapped_column(String(8))
    old_score: Mapped[int] = mapped_column(Integer)
    new_score: Mapped[int] = mapped_column(Integer)
    cause: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
