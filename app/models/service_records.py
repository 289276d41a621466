"""What happens around an item: look-ups, texts, daily tallies, certificates, ratings and their follow-up.

``ServiceDaily`` holds the exact per-day figures, written in the same transaction as the event they count.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.permissions import QT_TRANSLATE_NOOP

LOOKUP_CHANNEL_NAMES = {
    "window": QT_TRANSLATE_NOOP("service", "窗口"),
    "phone": QT_TRANSLATE_NOOP("service", "电话"),
    "portal": QT_TRANSLATE_NOOP("service", "网上"),
}
LOOKUP_KINDS = ("tracking_no", "id_number", "phone")

DIM_UNIT = "unit"
DIM_OFFICER = "officer"
DIM_CHANNEL = "channel"
DIM_LOOKUP = "lookup"

FOLLOWUP_OPEN = "open"
FOLLOWUP_DONE = "done"
FOLLOWUP_STATUS_NAMES = {
    FOLLOWUP_OPEN: QT_TRANSLATE_NOOP("service", "待回访"),
    FOLLOWUP_DONE: QT_TRANSLATE_NOOP("service", "已回访"),
}
RATING_CHANNEL_NAMES = {
    "window": QT_TRANSLATE_NOOP("service", "窗口评价器"),
    "sms": QT_TRANSLATE_NOOP("service", "短信"),
    "phone": QT_TRANSLATE_NOOP("service", "电话回访"),
    "portal": QT_TRANSLATE_NOOP("service", "网上"),
}


class ServiceLookup(IdMixin, Base):
    """One status look-up: by whom, through which channel, by what kind of key (the key itself is not kept)."""

    __tablename__ = "service_lookup"
    __table_args__ = (Index("ix_service_lookup_day_channel", "day", "channel"),)

    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    day: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(8))
    query_kind: Mapped[str] = mapped_column(String(12))
    actor_id: Mapped[int | None] = mapped_column(BigId)
    result_count: Mapped[int] = mapped_column(SmallInteger, default=0)


class ServiceDaily(Base):
    """Exact daily figures per dimension: one row per day and department, officer, channel or look-up channel.

    Written in the same transaction as every change it counts (an intake, a finished item, a rating, a
    reassignment, a text, a look-up), so a year of a city's figures is a sum over ~50,000 small rows instead
    of a scan of 200,000 items and millions of texts and look-ups. ``service_daily.rebuild`` recomputes it.
    """

    __tablename__ = "service_daily"
    # Clustered by (dim, key, day) on SQLite: the dashboard's GROUP BY dim, key then streams through the table
    # in order (no sort of ~50,000 rows), and a period is a range inside each group.
    __table_args__ = {"sqlite_with_rowid": False}

    dim: Mapped[str] = mapped_column(String(8), primary_key=True)  # unit / officer / channel / lookup
    key: Mapped[str] = mapped_column(String(24), primary_key=True)  # unit id, officer id (0 = none), channel
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    completed: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    late: Mapped[int] = mapped_column(Integer, default=0)  # finished after the due date
    days_sum: Mapped[int] = mapped_column(Integer, default=0)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    bad: Mapped[int] = mapped_column(Integer, default=0)
    texts: Mapped[int] = mapped_column(Integer, default=0)  # queued (the figures subtract those not sent)
    lookups: Mapped[int] = mapped_column(Integer, default=0)


class ServiceText(IdMixin, Base):
    """A text queued for an item's state change, with the item's department, officer and channel then."""

    __tablename__ = "service_text"
    __table_args__ = (Index("ix_service_text_item_id", "item_id"),)

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_item.id"))
    sms_id: Mapped[int] = mapped_column(BigId, ForeignKey("sms_message.id"), unique=True)
    event: Mapped[str] = mapped_column(String(24))
    day: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(8))
    unit_id: Mapped[int] = mapped_column(BigId, default=0)
    officer_id: Mapped[int] = mapped_column(BigId, default=0)


class ServiceCertificate(IdMixin, VersionedMixin, Base):
    """The certificate issued for an item: number, verification code and the exact wording printed."""

    __tablename__ = "service_certificate"

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_item.id"), unique=True)
    cert_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    verify_code: Mapped[str] = mapped_column(String(16), unique=True)
    subject_name: Mapped[str] = mapped_column(String(32))
    wording: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(100), default="")
    valid_until: Mapped[date | None] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by_id: Mapped[int | None] = mapped_column(BigId)
    issued_by_name: Mapped[str] = mapped_column(String(64), default="")
    approved_by_name: Mapped[str] = mapped_column(String(64), default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)


class CertificatePrint(IdMixin, Base):
    """Every printing of a certificate; all but the first are marked as copies."""

    __tablename__ = "service_certificate_print"
    __table_args__ = (Index("ix_service_certificate_print_cert", "certificate_id", "number"),)

    certificate_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_certificate.id"))
    number: Mapped[int] = mapped_column(Integer)
    is_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_id: Mapped[int | None] = mapped_column(BigId)
    by_name: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")


class ServiceRating(IdMixin, Base):
    """The citizen's 1-5 rating of a finished item (好差评), one per item."""

    __tablename__ = "service_rating"
    __table_args__ = (Index("ix_service_rating_rated_on", "rated_on"),)

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_item.id"), unique=True)
    score: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(String(500), default="")
    channel: Mapped[str] = mapped_column(String(8))
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    rated_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(BigId)


class ServiceFollowUp(IdMixin, VersionedMixin, Base):
    """A call-back owed to a citizen who rated an item 2 or lower, with its deadline and result."""

    __tablename__ = "service_followup"
    __table_args__ = (
        Index("ix_service_followup_status_deadline", "status", "deadline"),
        Index("ix_service_followup_unit_status", "unit_id", "status"),
    )

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_item.id"))
    rating_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_rating.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(BigId, ForeignKey("unit.id"))
    tracking_no: Mapped[str] = mapped_column(String(24))
    applicant_name: Mapped[str] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(SmallInteger)
    complaint: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(8), default=FOLLOWUP_OPEN)
    deadline: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(Text, default="")
    satisfied_after: Mapped[int | None] = mapped_column(SmallInteger)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by_name: Mapped[str] = mapped_column(String(64), default="")
