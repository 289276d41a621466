"""Missed and lost supervision (漏管, 脱管): inspection tasks opened by the sweep, and accountability entries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.keyperson_permissions import INSPECTION_OPEN


class KpInspection(IdMixin, VersionedMixin, Base):
    """One finding of the sweep, to be inspected: at most one open task per person and kind."""

    __tablename__ = "kp_inspection"
    __table_args__ = (
        Index("ix_kp_inspection_person_id_id", "person_id", "id"),
        Index("ix_kp_inspection_status_id", "status", "id"),
        Index("ix_kp_inspection_opened_on", "opened_on"),
        Index(
            "uq_kp_inspection_one_open",
            "person_id",
            "kind",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    kind: Mapped[str] = mapped_column(String(16))
    opened_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)  # the visit that was due, or the last contact
    officer_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    town_code: Mapped[str] = mapped_column(String(12), default="")
    status: Mapped[str] = mapped_column(String(12), default=INSPECTION_OPEN)
    findings: Mapped[str] = mapped_column(Text, default="")
    inspector_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accountable: Mapped[bool] = mapped_column(Boolean, default=False)


class KpAccountability(IdMixin, Base):
    """An accountability entry for the officer responsible (append-only)."""

    __tablename__ = "kp_accountability"
    __table_args__ = (Index("ix_kp_accountability_officer_id_id", "officer_id", "id"),)

    inspection_id: Mapped[int] = mapped_column(BigId, ForeignKey("kp_inspection.id"))
    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    officer_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
