"""Duty rosters (值班排班): one shift per officer per day. A rest day (轮休) is written to the dispatch duty
board as an absence, so an officer off roster shows as away there."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin
from app.models.support_base import OwnedMixin

SHIFT_DAY = "day"
SHIFT_NIGHT = "night"
SHIFT_FULL = "full"
SHIFT_STANDBY = "standby"
SHIFT_REST = "rest"


class SupportRoster(IdMixin, VersionedMixin, OwnedMixin, Base):
    __tablename__ = "support_roster"
    __table_args__ = (UniqueConstraint("user_id", "duty_date", name="uq_support_roster_user_day"),)

    duty_date: Mapped[date] = mapped_column(Date, index=True)
    shift: Mapped[str] = mapped_column(String(16))
    post: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
