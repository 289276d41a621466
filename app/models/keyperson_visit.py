"""Daily work: visits and check-ins, and the risk events that add or take away points."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin


class KpVisit(IdMixin, VersionedMixin, Base):
    """A home visit, phone or video check, or a report in person; ``contact_made`` False = not reached.

    The largest table of the platform (50 million rows at province scale): two indexes only, the person's
    own timeline and the date (daily figures, reports by period).
    """

    __tablename__ = "kp_visit"
    __table_args__ = (
        Index("ix_kp_visit_person_id_visited_at", "person_id", "visited_at"),
        Index("ix_kp_visit_visited_at", "visited_at"),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    kind: Mapped[str] = mapped_column(String(16))
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime())
    place: Mapped[str] = mapped_column(String(200), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    contact_made: Mapped[bool] = mapped_column(Boolean, default=True)
    visitor_name: Mapped[str] = mapped_column(String(64), default="")
    officer_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))


class KpEvent(IdMixin, VersionedMixin, Base):
    """Something that changes the risk: a new offence, an incident, leaving the area, good conduct...

    ``kind`` names a rule of the risk rules; the points it is worth are the rule's, decayed by the event's
    age when the score is computed, so a rule change applies to past events too.
    """

    __tablename__ = "kp_event"
    __table_args__ = (Index("ix_kp_event_person_id_occurred_on", "person_id", "occurred_on"),)

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    kind: Mapped[str] = mapped_column(String(24))
    occurred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    visit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("kp_visit.id", ondelete="SET NULL"))
