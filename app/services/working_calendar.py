"""The editable working-day calendar: its screens' declarations, loading the published years, recounting.

When the State Council publishes next year's schedule an administrator enters its days and marks the year
loaded (or loads a newer reference file); the sweep ``citizen_service_recount`` then recounts the due dates
of open items, which takes away the "provisional" flag of dates counted into that year.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, extract, select
from sqlalchemy.orm import Session

from app.core.paths import resource
from app.models.db import mark_changed
from app.models.service_item import OPEN_STATUSES, ServiceItem
from app.models.service_permissions import SERVICE_CATALOGUE, SERVICE_LOOKUP
from app.models.working_calendar import (
    DAY_HOLIDAY,
    DAY_KIND_NAMES,
    DAY_WORKDAY,
    WorkingCalendarDay,
    WorkingCalendarYear,
)
from app.services import audit, item_clock, sweeps
from app.services.context import SYSTEM, Actor
from app.services.entity_spec import BOOL, CHOICE, DATE, INT, EntitySpec, Field, Filter, register
from app.services.permissions import require
from app.services.working_days import invalidate_cache, load_calendar, remember_calendar

REFERENCE_FILE = ("reference", "cn_holidays.json")
KIND_CHOICES = tuple(DAY_KIND_NAMES.items())


def _check_day(session: Session, values: dict[str, Any]) -> dict[str, str]:
    day, kind = values.get("day"), values.get("kind")
    if isinstance(day, date) and kind == DAY_WORKDAY and day.weekday() < 5:
        return {"kind": "调休上班日应为周六或周日（工作日本来就上班）"}
    return {}


def _after_save(session: Session, values: dict[str, Any]) -> None:
    invalidate_cache()


def _filter_year(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(
        WorkingCalendarDay.day >= date(int(value), 1, 1), WorkingCalendarDay.day <= date(int(value), 12, 31)
    )


def _filter_kind(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(WorkingCalendarDay.kind == value)


def year_choices(session: Session) -> list[tuple[Any, str]]:
    years = {y for y in session.execute(select(WorkingCalendarYear.year)).scalars()}
    years |= {
        int(y)
        for y in session.execute(select(extract("year", WorkingCalendarDay.day)).distinct()).scalars()
        if y
    }
    return [(y, f"{y}年") for y in sorted(years)]


DAY_SPEC = register(
    EntitySpec(
        key="working_calendar_day",
        title="节假日与调休",
        model=WorkingCalendarDay,
        fields=(
            Field("day", "日期", DATE, required=True, sortable=True, width=110),
            Field("kind", "类型", CHOICE, required=True, choices=KIND_CHOICES, width=100),
            Field("name", "节日", max_length=32, width=140),
        ),
        permissions={
            "view": SERVICE_LOOKUP,
            "create": SERVICE_CATALOGUE,
            "edit": SERVICE_CATALOGUE,
            "delete": SERVICE_CATALOGUE,
            "export": SERVICE_CATALOGUE,
            "import": SERVICE_CATALOGUE,
            "print": SERVICE_LOOKUP,
        },
        label_field="name",
        default_sort=("day", False),
        filters=(
            Filter("year", "年份", "choice", _filter_year, year_choices),
            Filter("kind", "类型", "choice", _filter_kind, KIND_CHOICES),
        ),
        prepare=_after_save,
        unique_fields=("day",),
        natural_key="day",
        check=_check_day,
    )
)


def _check_year(session: Session, values: dict[str, Any]) -> dict[str, str]:
    year = values.get("year")
    if isinstance(year, int) and not 2000 <= year <= 2100:
        return {"year": "年份应在 2000 至 2100 之间"}
    return {}


YEAR_SPEC = register(
    EntitySpec(
        key="working_calendar_year",
        title="已载入节假日安排的年份",
        model=WorkingCalendarYear,
        fields=(
            Field("year", "年份", INT, required=True, sortable=True, width=70),
            Field("published", "已公布并录入", BOOL, width=100, default=True),
            Field("source", "依据", max_length=300, width=360, placeholder="国务院办公厅通知的网址或文号"),
        ),
        permissions={
            "view": SERVICE_LOOKUP,
            "create": SERVICE_CATALOGUE,
            "edit": SERVICE_CATALOGUE,
            "delete": SERVICE_CATALOGUE,
            "print": SERVICE_LOOKUP,
        },
        label_field="year",
        default_sort=("year", False),
        prepare=_after_save,
        unique_fields=("year",),
        check=_check_year,
    )
)


def load_reference(session: Session, actor: Actor) -> int:
    """Add the published years of the reference file that are missing; return how many days were added."""
    require(session, actor, SERVICE_CATALOGUE)
    with resource(*REFERENCE_FILE).open(encoding="utf-8") as fh:
        data = json.load(fh)
    have_years = set(session.execute(select(WorkingCalendarYear.year)).scalars())
    have_days = set(session.execute(select(WorkingCalendarDay.day)).scalars())
    added = 0
    for year, entry in sorted(data.get("years", {}).items()):
        if int(year) not in have_years:
            source = " ".join(entry.get("source", []))[:300]
            session.add(
                WorkingCalendarYear(year=int(year), published=True, source=source, updated_by=actor.username)
            )
        for kind, key in ((DAY_HOLIDAY, "holidays"), (DAY_WORKDAY, "make_up_working_days")):
            for d in entry.get(key, []):
                day = datetime.strptime(d["date"], "%Y-%m-%d").date()
                if day not in have_days:
                    session.add(
                        WorkingCalendarDay(day=day, kind=kind, name=d["name"][:32], updated_by=actor.username)
                    )
                    have_days.add(day)
                    added += 1
    session.flush()
    invalidate_cache()
    if added:
        audit.record(session, actor, "calendar_load", entity="working_calendar_day", new={"added": added})
    return added


def recount_open(session: Session, actor: Actor) -> dict[str, int]:
    """Recount the due dates of open items on the calendar as it is now; returns what changed."""
    require(session, actor, SERVICE_CATALOGUE)
    calendar = load_calendar(session)
    remember_calendar(calendar)
    changed = confirmed = 0
    stmt = select(ServiceItem).where(ServiceItem.status.in_(OPEN_STATUSES)).execution_options(yield_per=2000)
    for item in session.execute(stmt).scalars():
        before = (item.due_date, item.due_provisional)
        item_clock.recount(item, calendar)
        if (item.due_date, item.due_provisional) != before:
            changed += 1
            confirmed += int(before[1] and not item.due_provisional)
            item.updated_by = actor.username
    if changed:
        mark_changed(session, "service_item")
        audit.record(
            session,
            actor,
            "service_recount",
            entity="service_item",
            new={"changed": changed, "confirmed": confirmed},
        )
    return {"changed": changed, "confirmed": confirmed}


def _recount_sweep(session: Session, now: datetime) -> dict[str, int]:
    return recount_open(session, SYSTEM)


sweeps.register("citizen_service_recount", _recount_sweep, title="按工作日历重算在办事项期限")
