"""Warnings raised when a person's level rises, and the pre-aggregated daily counts the charts read.

``kp_warning_daily`` is written in the same transaction as each warning (an atomic upsert), so the
90-day chart reads at most 90 x towns x 4 rows instead of grouping millions of warnings.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin
from app.models.keyperson_permissions import WARNING_OPEN


class KpWarning(IdMixin, VersionedMixin, Base):
    __tablename__ = "kp_warning"
    __table_args__ = (
        Index("ix_kp_warning_person_id_id", "person_id", "id"),
        Index("ix_kp_warning_status_due_at", "status", "due_at"),
        Index("ix_kp_warning_raised_at", "raised_at"),
        Index("ix_kp_warning_level_id", "level", "id"),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    level: Mapped[str] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(Integer, default=0)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text)
    town_code: Mapped[str] = mapped_column(String(12), default="")
    status: Mapped[str] = mapped_column(String(12), default=WARNING_OPEN)
    acknowledged_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handled_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handling_note: Mapped[str] = mapped_column(Text, default="")
    escalated_from_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("kp_warning.id"))
    depth: Mapped[int] = mapped_column(SmallInteger, default=0)


class KpWarningDaily(Base):
    """Warnings raised per local day, town and level (kept by the service that raises them)."""

    __tablename__ = "kp_warning_daily"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    town_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    level: Mapped[str] = mapped_column(String(8), primary_key=True)
    raised: Mapped[int] = mapped_column(Integer, default=0)


class KpLevelDelta(IdMixin, Base):
    """+1/-1 per change of a person's (status, town, level), written by database triggers on ``key_person``.

    The charts' distribution by township sums these few rows instead of grouping the register. Rows are only
    ever inserted by the triggers (no hot counter row for concurrent transactions to deadlock on); the sweep
    folds them into one row per group (:func:`app.services.keyperson_stats.compact_level_counts`).
    """

    __tablename__ = "kp_level_delta"

    status: Mapped[str] = mapped_column(String(12))
    town_code: Mapped[str] = mapped_column(String(12))
    level: Mapped[str] = mapped_column(String(8))
    delta: Mapped[int] = mapped_column(Integer)
