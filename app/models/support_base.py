"""Column types and mixins shared by the 警务保障 tables.

Every personal record names its officer (``user_id``) and the unit it belongs to (``unit_id``, copied from
the officer when it is made, so a later transfer does not move old records between units). Requests that
need approval carry the decision; the CHECK constraint written per table (``not_self``) keeps anyone from
approving their own request even when the service is bypassed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, TypeDecorator
from sqlalchemy.orm import Mapped, mapped_column

from app.models import support_permissions as _perms  # noqa: F401 - registers the permissions
from app.models.base import BigId, UTCDateTime

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"


class Fixed(TypeDecorator[Decimal]):
    """A decimal stored as a scaled integer (money in 分, hours in tenths): exact on both backends and
    summed by the database without floating point."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value: Any, dialect: object) -> int | None:
        if value is None:
            return None
        quantum = Decimal(1).scaleb(-self.scale)
        return int(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP).scaleb(self.scale))

    def process_result_value(self, value: Any, dialect: object) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)


class OwnedMixin:
    """The officer a record is about, and their unit at the time."""

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"), index=True)


class ApprovalMixin:
    """One approval step: who decided, when, and with what opinion."""

    status: Mapped[str] = mapped_column(String(16), default=PENDING, index=True)
    approver_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opinion: Mapped[str] = mapped_column(String(500), default="")


def not_self(column: str = "approver_id", owner: str = "user_id", name: str = "not_self") -> CheckConstraint:
    """The database refuses a decision by the requester themselves."""
    return CheckConstraint(f"{column} IS NULL OR {column} <> {owner}", name=name)
