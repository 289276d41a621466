"""Notices with read receipts, and opinion polls (通知公告与意见征集).

Anonymous polls keep no ballot at all. Two tables hold what a vote leaves behind:

* ``support_poll_voter`` (poll, user): *that* someone voted, for one vote per person; no time, no choice.
* ``support_poll_tally`` (poll, option, votes): *how many* chose each option; no voter, no time, no row per
  vote. Every vote rewrites every option's row of the poll (adding 1 to the chosen one, 0 to the others),
  so nothing in the stored rows (not their order, nor on PostgreSQL the transaction that last wrote each
  row, ``xmin``) tells which option the last voter took.

Named (实名) polls keep ``support_poll_ballot`` rows (poll, user, option) instead, and say so to the voter.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin

DRAFT = "draft"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"
POLL_OPEN = "open"
POLL_CLOSED = "closed"


class SupportNotice(IdMixin, VersionedMixin, Base):
    __tablename__ = "support_notice"
    __table_args__ = (Index("ix_support_notice_status_published", "status", "published_at"),)

    title: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"), index=True)  # author
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    audience_unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    publisher_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))


class SupportNoticeRead(Base):
    """A read receipt: who opened the notice, and when."""

    __tablename__ = "support_notice_read"

    notice_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("support_notice.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    read_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SupportPoll(IdMixin, VersionedMixin, Base):
    __tablename__ = "support_poll"

    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    options_text: Mapped[str] = mapped_column(Text)  # one option per line, as the author typed them
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"), index=True)  # author
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    audience_unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="CASCADE"))
    closes_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    publisher_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))


class SupportPollOption(IdMixin, Base):
    __tablename__ = "support_poll_option"

    poll_id: Mapped[int] = mapped_column(BigId, ForeignKey("support_poll.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(String(200))


class SupportPollVoter(Base):
    """That a user voted in a poll (one vote per person). Deliberately no time and no choice."""

    __tablename__ = "support_poll_voter"

    poll_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("support_poll.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"), primary_key=True)


class SupportPollTally(Base):
    """Votes per option of an anonymous poll: counts only (see the module doc)."""

    __tablename__ = "support_poll_tally"

    poll_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("support_poll.id", ondelete="CASCADE"), primary_key=True
    )
    option_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("support_poll_option.id", ondelete="CASCADE"), primary_key=True
    )
    votes: Mapped[int] = mapped_column(BigInteger, default=0)


class SupportPollBallot(Base):
    """A named (实名) poll's ballot: who chose what."""

    __tablename__ = "support_poll_ballot"

    poll_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("support_poll.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"), primary_key=True)
    option_id: Mapped[int] = mapped_column(BigId, ForeignKey("support_poll_option.id", ondelete="CASCADE"))
    comment: Mapped[str] = mapped_column(String(500), default="")
