"""Counting working days on the editable calendar: public holidays, make-up working days and pauses.

The rule used everywhere (receipts, cards, figures):

* An item received on day S with a limit of N working days is due on the N-th working day *after* S
  (S itself is not counted; N = 0 means the same day, or the next working day when S is a rest day).
* A pause from day P (补正中) to day R costs the working days in (P, R]: the clock restarts the day after
  the missing materials arrived. The due date moves out by that many working days.
* Working days used = working days in (S, F] minus the paused ones.

A year without a loaded schedule is counted with weekends only and *flagged* (``unconfirmed``): the
result says which years were guessed, and items counted so carry ``due_provisional`` until recounted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import service_item as item_model
from app.models.working_calendar import (
    DAY_HOLIDAY,
    DAY_WORKDAY,
    WorkingCalendarDay,
    WorkingCalendarYear,
    local_today,
)

MAX_SPAN_DAYS = 3 * 366  # counting further than this is a data error, not a time limit


@dataclass(frozen=True)
class Counted:
    """A count or a date, with the years whose schedule was not loaded (empty: fully confirmed)."""

    value: date
    unconfirmed: frozenset[int] = frozenset()

    @property
    def provisional(self) -> bool:
        return bool(self.unconfirmed)


@dataclass(frozen=True)
class CountedDays:
    days: int
    unconfirmed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class WorkingCalendar:
    """The calendar as loaded from the database: immutable, so one instance may be shared by threads."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # make-up working days on a weekend
    loaded_years: frozenset[int] = frozenset()
    names: dict[date, str] = field(default_factory=dict, compare=False)

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_loaded(self, year: int) -> bool:
        return year in self.loaded_years

    def _note(self, day: date, missing: set[int]) -> None:
        if day.year not in self.loaded_years:
            missing.add(day.year)

    def add_working_days(self, start: date, n: int) -> Counted:
        """The ``n``-th working day after ``start`` (``n`` = 0: ``start`` or the next working day)."""
        if n < 0:
            raise ValueError("n must not be negative")
        missing: set[int] = set()
        day = start
        if n == 0:
            self._note(day, missing)
            while not self.is_working_day(day):
                day += timedelta(days=1)
                self._note(day, missing)
            return Counted(day, frozenset(missing))
        left = n
        for _ in range(MAX_SPAN_DAYS + n * 7):
            day += timedelta(days=1)
            self._note(day, missing)
            if self.is_working_day(day):
                left -= 1
                if left == 0:
                    return Counted(day, frozenset(missing))
        raise ValueError("working-day count out of range")

    def working_days_between(self, start: date, end: date) -> CountedDays:
        """Working days in (start, end]; 0 when ``end`` is not after ``start``."""
        if end <= start:
            return CountedDays(0)
        if (end - start).days > MAX_SPAN_DAYS:
            raise ValueError("working-day count out of range")
        missing: set[int] = set()
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            self._note(day, missing)
            if self.is_working_day(day):
                count += 1
        return CountedDays(count, frozenset(missing))

    def next_working_day(self, day: date) -> date:
        return self.add_working_days(day, 1).value


def load_calendar(session: Session) -> WorkingCalendar:
    """The calendar as stored now (a few dozen rows a year)."""
    holidays: set[date] = set()
    workdays: set[date] = set()
    names: dict[date, str] = {}
    for day, kind, name in session.execute(
        select(WorkingCalendarDay.day, WorkingCalendarDay.kind, WorkingCalendarDay.name)
    ):
        (holidays if kind == DAY_HOLIDAY else workdays if kind == DAY_WORKDAY else set()).add(day)
        names[day] = name
    years = frozenset(
        session.execute(
            select(WorkingCalendarYear.year).where(WorkingCalendarYear.published.is_(True))
        ).scalars()
    )
    return WorkingCalendar(frozenset(holidays), frozenset(workdays), years, names)


# --- the clock ----------------------------------------------------------------------------------------------

_today_override: Callable[[], date] | None = None


def today() -> date:
    """Today in Beijing (tests and replays may fix it with :func:`set_today`)."""
    return _today_override() if _today_override is not None else local_today()


def set_today(provider: Callable[[], date] | None) -> None:
    global _today_override
    _today_override = provider
    invalidate_cache()


# --- a cached calendar for the card thresholds of every list ------------------------------------------------

_CACHE_SECONDS = 300.0
_lock = threading.Lock()
_cached: tuple[float, WorkingCalendar] | None = None
_session_factory: Callable[[], Session] | None = None


def invalidate_cache() -> None:
    global _cached
    with _lock:
        _cached = None


def remember_calendar(calendar: WorkingCalendar) -> None:
    """Keep ``calendar`` for the card thresholds (each load of the calendar refreshes it)."""
    global _cached
    with _lock:
        _cached = (time.monotonic(), calendar)


def cached_calendar() -> WorkingCalendar | None:
    with _lock:
        if _cached is None or time.monotonic() - _cached[0] > _CACHE_SECONDS:
            return None
        return _cached[1]


def current_calendar(session: Session) -> WorkingCalendar:
    """The calendar, from the cache when fresh (other workstations' edits show within five minutes)."""
    calendar = cached_calendar()
    if calendar is None:
        calendar = load_calendar(session)
        remember_calendar(calendar)
    return calendar


def _thresholds() -> tuple[date, date]:
    day = today()
    calendar = cached_calendar()
    if calendar is None:
        calendar = WorkingCalendar(loaded_years=frozenset())
    return day, calendar.next_working_day(day)


item_model.set_card_thresholds(_thresholds)


def years_of(days: Iterable[date]) -> frozenset[int]:
    return frozenset(d.year for d in days)
