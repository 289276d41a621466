"""The working-day calendar: public holidays and make-up working days (调休上班), year by year.

A day not listed is a working day from Monday to Friday and a rest day at the weekend. A year is *loaded*
when its schedule was published and entered (``WorkingCalendarYear.published``); counting working days into
a year that is not loaded is flagged by the services (its holidays are unknown), never silently guessed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Boolean, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin
from app.models.permissions import QT_TRANSLATE_NOOP

DAY_HOLIDAY = "holiday"
DAY_WORKDAY = "workday"
DAY_KIND_NAMES = {
    DAY_HOLIDAY: QT_TRANSLATE_NOOP("service", "法定节假日"),
    DAY_WORKDAY: QT_TRANSLATE_NOOP("service", "调休上班"),
}


def _zone() -> tzinfo:
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:  # Windows without tzdata; China has kept UTC+8 since 1991
        return timezone(timedelta(hours=8), "CST")


BEIJING = _zone()


def local_date(moment: datetime) -> date:
    """The calendar day in Beijing of a moment (naive moments are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BEIJING).date()


def local_today() -> date:
    return local_date(datetime.now(UTC))


class WorkingCalendarDay(IdMixin, VersionedMixin, Base):
    """One exception to the Monday-Friday rule: a holiday on a weekday or a working weekend day."""

    __tablename__ = "working_calendar_day"

    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(32), default="")


class WorkingCalendarYear(IdMixin, VersionedMixin, Base):
    """A year whose schedule has been published and entered (or not yet: ``published`` false)."""

    __tablename__ = "working_calendar_year"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    published: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(300), default="")
