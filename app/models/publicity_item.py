"""Service rules and convenience measures (服务规则、便民措施) and their versions.

An item is the stable thing the public knows by its number; its wording lives in numbered versions. A version
is written as a draft, submitted for review, approved by a different person, published and finally withdrawn
(or superseded by the next published version). Only a draft can change; a published text never changes again.

The database holds the rules too, so a client that bypasses the service is refused as well: the approver is
never the author (CHECK), an approved or published version carries its approver (CHECK), an item has at most
one published and at most one working (draft/review/approved) version (partial unique indexes), and the
wording of a version that left the draft state cannot be updated (trigger written by the migration).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin
from app.models.publicity_permissions import DRAFT

# Fields that make up the wording of a version (what a diff compares and what only a draft may change).
WORDING_FIELDS = ("title", "content", "unit_id", "effective_from", "effective_to")
TITLE_MAX = 100


class PublicityItem(IdMixin, VersionedMixin, Base):
    """One rule or measure. ``title`` .. ``published_no`` mirror its versions (kept by the service)."""

    __tablename__ = "publicity_item"
    __table_args__ = (Index("ix_publicity_item_sort_order", "sort_order", "id"),)

    kind: Mapped[str] = mapped_column(String(8))
    number: Mapped[str] = mapped_column(String(16), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id"))
    latest_no: Mapped[int] = mapped_column(Integer, default=0)
    latest_status: Mapped[str] = mapped_column(String(12), default=DRAFT)
    published_no: Mapped[int | None] = mapped_column(Integer)


class PublicityVersion(IdMixin, VersionedMixin, Base):
    __tablename__ = "publicity_version"
    __table_args__ = (
        UniqueConstraint("item_id", "no", name="uq_publicity_version_item_no"),
        CheckConstraint("approved_by_id IS NULL OR approved_by_id <> author_id", name="four_eyes"),
        CheckConstraint(
            "status NOT IN ('approved', 'published') OR approved_by_id IS NOT NULL", name="approved_signed"
        ),
        CheckConstraint("effective_to IS NULL OR effective_to >= effective_from", name="effective_range"),
        Index("ix_publicity_version_status", "status"),
        Index(
            "uq_publicity_version_one_published",
            "item_id",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
        Index(
            "uq_publicity_version_one_working",
            "item_id",
            unique=True,
            sqlite_where=text("status IN ('draft', 'review', 'approved')"),
            postgresql_where=text("status IN ('draft', 'review', 'approved')"),
        ),
    )

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("publicity_item.id"))
    no: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    content: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int] = mapped_column(BigId, ForeignKey("unit.id"))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    change_note: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default=DRAFT)
    author_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    author_name: Mapped[str] = mapped_column(String(64), default="")
    editor_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)  # everyone who changed the wording
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    approved_by_name: Mapped[str] = mapped_column(String(64), default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    review_opinion: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_reason: Mapped[str] = mapped_column(String(200), default="")
