"""Expense claims (经费报销), hardship aid (困难帮扶) and legal-rights protection (维权援助): requests an officer
makes and another person decides."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin
from app.models.support_base import ApprovalMixin, Fixed, OwnedMixin, not_self


class SupportExpense(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    __tablename__ = "support_expense"
    __table_args__ = (not_self(), CheckConstraint("amount > 0", name="amount_positive"))

    category: Mapped[str] = mapped_column(String(16), index=True)
    amount: Mapped[Decimal] = mapped_column(Fixed(2))
    spent_on: Mapped[date] = mapped_column(Date, index=True)
    invoices: Mapped[int] = mapped_column(BigInteger, default=1)
    description: Mapped[str] = mapped_column(Text)


class SupportAid(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    __tablename__ = "support_aid"
    __table_args__ = (not_self(),)

    category: Mapped[str] = mapped_column(String(16))
    amount_requested: Mapped[Decimal] = mapped_column(Fixed(2))
    amount_granted: Mapped[Decimal | None] = mapped_column(Fixed(2))
    reason: Mapped[str] = mapped_column(Text)
    applied_on: Mapped[date] = mapped_column(Date, index=True)


class SupportRights(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    """A request for help when an officer's lawful rights were infringed; 受理 and answered by another."""

    __tablename__ = "support_rights"
    __table_args__ = (not_self(),)

    kind: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    description: Mapped[str] = mapped_column(Text)
    request: Mapped[str] = mapped_column(String(500), default="")
