"""An item's time-limit clock: due date, pauses for missing materials, working days used (rules in working_days)."""

from __future__ import annotations

from datetime import date

from app.models.service_item import ServiceItem
from app.services.working_days import WorkingCalendar


def recount(item: ServiceItem, calendar: WorkingCalendar) -> frozenset[int]:
    """Set ``due_date``/``due_provisional`` from the receipt day, the limit and the pauses so far.

    Returns the years counted without a loaded schedule (empty when the date is confirmed).
    """
    counted = calendar.add_working_days(item.received_on, item.limit_days + (item.paused_days or 0))
    item.due_date = counted.value
    item.due_provisional = counted.provisional
    return counted.unconfirmed


def pause(item: ServiceItem, day: date) -> None:
    """The citizen must bring materials: the clock stops from ``day``."""
    if item.paused_since is None:
        item.paused_since = day


def resume(item: ServiceItem, calendar: WorkingCalendar, day: date) -> int:
    """The materials arrived on ``day``: the working days lost are added to the limit; returns them."""
    if item.paused_since is None:
        return 0
    lost = calendar.working_days_between(item.paused_since, day).days
    item.paused_days = (item.paused_days or 0) + lost
    item.paused_since = None
    recount(item, calendar)
    return lost


def finish(item: ServiceItem, calendar: WorkingCalendar, day: date) -> None:
    """Stop the clock for good and keep the working days it ran (pauses not counted)."""
    if item.paused_since is not None:
        resume(item, calendar, day)
    used = calendar.working_days_between(item.received_on, day).days - (item.paused_days or 0)
    item.working_days_used = max(0, used)
    item.finished_on = day


def remaining(item_due: date | None, calendar: WorkingCalendar, today: date) -> int | None:
    """Working days left until the due date (negative: that many working days overdue)."""
    if item_due is None:
        return None
    if item_due >= today:
        return calendar.working_days_between(today, item_due).days
    return -calendar.working_days_between(item_due, today).days
