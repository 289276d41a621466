"""Registers about each officer: personnel file (人事档案), health checks, training and exams, awards and
discipline. Kept by support staff; each officer reads their own (self-service)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin
from app.models.support_base import Fixed, OwnedMixin


class SupportPersonnel(IdMixin, VersionedMixin, OwnedMixin, Base):
    """One officer's personnel file (one per officer)."""

    __tablename__ = "support_personnel"
    __table_args__ = (UniqueConstraint("user_id", name="uq_support_personnel_user_id"),)

    gender: Mapped[str] = mapped_column(String(4), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18))
    ethnicity: Mapped[str] = mapped_column(String(16), default="")
    political_status: Mapped[str] = mapped_column(String(16), default="")
    education: Mapped[str] = mapped_column(String(16), default="")
    police_rank: Mapped[str] = mapped_column(String(16), default="")
    position: Mapped[str] = mapped_column(String(32), default="")
    joined_on: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")


class SupportHealthCheck(IdMixin, VersionedMixin, OwnedMixin, Base):
    __tablename__ = "support_health_check"

    checked_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    institution: Mapped[str] = mapped_column(String(64), default="")
    conclusion: Mapped[str] = mapped_column(String(16))
    findings: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


class SupportTraining(IdMixin, VersionedMixin, OwnedMixin, Base):
    __tablename__ = "support_training"

    course: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[Decimal] = mapped_column(Fixed(1))
    score: Mapped[Decimal | None] = mapped_column(Fixed(1))
    passed: Mapped[bool | None] = mapped_column(Boolean)
    organizer: Mapped[str] = mapped_column(String(64), default="")


class SupportAward(IdMixin, VersionedMixin, OwnedMixin, Base):
    __tablename__ = "support_award"

    kind: Mapped[str] = mapped_column(String(16))  # award / discipline
    level: Mapped[str] = mapped_column(String(16))
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    authority: Mapped[str] = mapped_column(String(64), default="")
    document_no: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
