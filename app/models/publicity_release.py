"""Releases (发布记录): what went out on which channel, when, with which exact versions, and how far it reached.

A release lists the versions it carried (``PublicityReleaseItem``, append-only: what was released stays what
was released) with each version's approver copied at the time. ``body`` keeps the exact text of text channels
(the mobile newspaper's short text, the TV script, the website page). ``reach`` (copies printed, broadcasts,
page views) is entered by hand and may be updated as the numbers come in.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, VersionedMixin
from app.models.publicity_permissions import SUBJECT_RULES


class PublicityRelease(IdMixin, VersionedMixin, Base):
    __tablename__ = "publicity_release"
    __table_args__ = (Index("ix_publicity_release_channel_day", "channel", "released_on"),)

    channel: Mapped[str] = mapped_column(String(12))
    subject: Mapped[str] = mapped_column(String(12), default=SUBJECT_RULES)
    released_on: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text, default="")
    figures_start: Mapped[date | None] = mapped_column(Date)  # period of released public figures
    figures_end: Mapped[date | None] = mapped_column(Date)
    item_count: Mapped[int] = mapped_column(Integer, default=0)
    reach: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    recorded_by_name: Mapped[str] = mapped_column(String(64), default="")
    approvers: Mapped[str] = mapped_column(String(200), default="")  # approvers of the released versions


class PublicityReleaseItem(IdMixin, Base):
    __tablename__ = "publicity_release_item"
    __table_args__ = (
        UniqueConstraint("release_id", "version_id", name="uq_publicity_release_item_version"),
        Index("ix_publicity_release_item_version_id", "version_id"),
    )

    release_id: Mapped[int] = mapped_column(BigId, ForeignKey("publicity_release.id"))
    version_id: Mapped[int] = mapped_column(BigId, ForeignKey("publicity_version.id"))
    item_number: Mapped[str] = mapped_column(String(16))
    version_no: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(100))
    approved_by_name: Mapped[str] = mapped_column(String(64), default="")
