"""Figures of the citizen-service platform, straight from the data, and the supervisor's card overview.

Definitions (the same on the dashboard, in the export and in the printout):

* received: items received in the period (by the day of receipt);
* completed: of those, the ones finished with the matter settled (已办结 or 已出件); rate = completed / received;
* overdue: of those, finished after the due date, or still open with the due date passed today;
* average handling time: working days the clock ran (pauses not counted), over the completed ones;
* satisfaction: ratings given to those items (count, average, 2 or lower);
* look-ups and texts sent: counted on the day they happened; a text counts once the gateway took it
  (queued, held, failed texts do not).

Everything but two corrections comes from ``service_daily`` (kept exact by the services in the transaction of
each change): a year of a city is a sum over ~50,000 small rows. The corrections are read live because they
depend on today: open items already past their due date, and texts not (yet) sent; both are few and found
through the status indexes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.messaging import SMS_DELIVERED, SMS_SENT, SmsMessage
from app.models.org import Unit
from app.models.service_item import (
    CHANNEL_NAMES,
    OPEN_STATUSES,
    SUPPLEMENT,
    ServiceItem,
)
from app.models.service_permissions import SERVICE_FIGURES
from app.models.service_records import (
    DIM_CHANNEL,
    DIM_LOOKUP,
    DIM_OFFICER,
    DIM_UNIT,
    LOOKUP_CHANNEL_NAMES,
    ServiceDaily,
    ServiceText,
)
from app.services import service_daily
from app.services.context import Actor
from app.services.permissions import require
from app.services.service_daily import METRICS
from app.services.working_days import current_calendar, today

MAX_PERIOD_DAYS = 3 * 366
NO_OFFICER = "（未分派）"


@dataclass(frozen=True)
class FigureRow:
    key: Any
    label: str
    received: int = 0
    completed: int = 0
    rejected: int = 0
    overdue: int = 0
    days_sum: int = 0
    rated: int = 0
    rating_sum: int = 0
    bad_ratings: int = 0
    lookups: int = 0
    texts_sent: int = 0

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.received if self.received else None

    @property
    def average_days(self) -> float | None:
        return self.days_sum / self.completed if self.completed else None

    @property
    def average_rating(self) -> float | None:
        return self.rating_sum / self.rated if self.rated else None

    def plus(self, other: FigureRow) -> FigureRow:
        names = ("received", "completed", "rejected", "overdue", "days_sum", "rated", "rating_sum",
                 "bad_ratings", "lookups", "texts_sent")  # fmt: skip
        return replace(self, **{n: getattr(self, n) + getattr(other, n) for n in names})


@dataclass(frozen=True)
class Figures:
    start: date
    end: date
    total: FigureRow
    by_unit: tuple[FigureRow, ...]
    by_officer: tuple[FigureRow, ...]
    by_channel: tuple[FigureRow, ...]
    by_month: tuple[FigureRow, ...]
    lookups_by_channel: tuple[FigureRow, ...] = field(default=())


def _row(key: Any, label: str, counts: Mapping[str, int]) -> FigureRow:
    return FigureRow(
        key,
        label,
        int(counts.get("received", 0)),
        int(counts.get("completed", 0)),
        int(counts.get("rejected", 0)),
        int(counts.get("late", 0)) + int(counts.get("open_overdue", 0)),
        int(counts.get("days_sum", 0)),
        int(counts.get("rated", 0)),
        int(counts.get("rating_sum", 0)),
        int(counts.get("bad", 0)),
        int(counts.get("lookups", 0)),
        int(counts.get("texts", 0)),
    )


def check_period(start: date, end: date) -> None:
    if end < start:
        raise DomainError("service_period", detail="结束日期早于开始日期")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError("service_period", detail="一次最多统计三年")


def figures(session: Session, actor: Actor, start: date, end: date) -> Figures:
    """Every figure of the dashboard for the days ``start``..``end`` (both included)."""
    require(session, actor, SERVICE_FIGURES)
    check_period(start, end)
    d = ServiceDaily
    in_period = and_(d.day >= start, d.day <= end)
    sums = [func.sum(getattr(d, m)).label(m) for m in METRICS]
    totals: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in session.execute(select(d.dim, d.key, *sums).where(in_period).group_by(d.dim, d.key)):
        totals[(r.dim, r.key)].update({m: int(getattr(r, m) or 0) for m in METRICS})
    months: dict[str, Counter[str]] = defaultdict(Counter)
    month_dims = (DIM_CHANNEL, DIM_LOOKUP)  # each item is in exactly one channel row; look-ups have their own
    for r in session.execute(
        select(d.day, d.dim, *sums).where(in_period, d.dim.in_(month_dims)).group_by(d.day, d.dim)
    ):
        months[f"{r.day.year:04d}-{r.day.month:02d}"].update({m: int(getattr(r, m) or 0) for m in METRICS})
    for dims, n in _open_overdue(session, start, end).items():
        for dim_key in dims:
            totals[dim_key]["open_overdue"] += n
        months[dims[-1][1]]["open_overdue"] += n  # the last element carries the month
    for dim_key, n in _unsent(session, start, end).items():
        totals[dim_key]["texts"] -= n
        if dim_key[0] == "month":
            months[dim_key[1]]["texts"] -= n
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    officer_ids = [int(k) for (dim, k) in totals if dim == DIM_OFFICER and k != "0"]
    officers = (
        dict(session.execute(select(User.id, User.display_name).where(User.id.in_(officer_ids))).all())
        if officer_ids
        else {}
    )
    by_unit, by_officer, by_channel, by_lookup = [], [], [], []
    for (dim, key), counts in totals.items():
        if dim == DIM_UNIT and (counts["received"] or counts["texts"]):
            by_unit.append(_row(int(key), units.get(int(key), "?"), counts))
        elif dim == DIM_OFFICER and (counts["received"] or counts["texts"]):
            by_officer.append(_row(int(key), officers.get(int(key), NO_OFFICER), counts))
        elif dim == DIM_CHANNEL and (counts["received"] or counts["texts"]):
            by_channel.append(_row(key, CHANNEL_NAMES.get(key, key), counts))
        elif dim == DIM_LOOKUP and counts["lookups"]:
            by_lookup.append(_row(key, LOOKUP_CHANNEL_NAMES.get(key, key), counts))
    total_counts: Counter[str] = Counter()
    for (dim, _key), counts in totals.items():
        if dim in (DIM_CHANNEL, DIM_LOOKUP):
            total_counts.update(counts)
    by_month = [_row(label, label, months[label]) for label in sorted(months) if any(months[label].values())]
    return Figures(
        start,
        end,
        _row("total", "合计", total_counts),
        tuple(sorted(by_unit, key=lambda r: (-r.received, r.label))),
        tuple(sorted(by_officer, key=lambda r: (-r.received, r.label))),
        tuple(sorted(by_channel, key=lambda r: str(r.key))),
        tuple(by_month),
        tuple(sorted(by_lookup, key=lambda r: str(r.key))),
    )


def _open_overdue(session: Session, start: date, end: date) -> Counter[tuple[tuple[str, str], ...]]:
    """Open items received in the period whose due date has passed (few: read through the status index)."""
    i = ServiceItem
    rows = session.execute(
        select(i.unit_id, i.officer_id, i.channel, i.received_on, func.count())
        .where(
            i.status.in_(OPEN_STATUSES),
            i.due_date < today(),
            i.received_on >= start,
            i.received_on <= end,
        )
        .group_by(i.unit_id, i.officer_id, i.channel, i.received_on)
    )
    out: Counter[tuple[tuple[str, str], ...]] = Counter()
    for unit_id, officer_id, channel, received_on, n in rows:
        month = f"{received_on.year:04d}-{received_on.month:02d}"
        dims = (*service_daily.dims_of(unit_id, officer_id, channel), ("month", month))
        out[dims] += int(n)
    return out


def _unsent(session: Session, start: date, end: date) -> Counter[tuple[str, str]]:
    """Texts queued in the period that the gateway has not taken or that failed (few: the status index)."""
    t = ServiceText
    rows = session.execute(
        select(t.day, t.channel, t.unit_id, t.officer_id, func.count())
        .join(SmsMessage, SmsMessage.id == t.sms_id)
        .where(SmsMessage.status.not_in((SMS_SENT, SMS_DELIVERED)), t.day >= start, t.day <= end)
        .group_by(t.day, t.channel, t.unit_id, t.officer_id)
    )
    out: Counter[tuple[str, str]] = Counter()
    for day, channel, unit_id, officer_id, n in rows:
        for dim_key in (
            *service_daily.dims_of(unit_id, officer_id, channel),
            ("month", day.strftime("%Y-%m")),
        ):
            out[dim_key] += int(n)
    return out


# --- the supervisor's overview of cards ---------------------------------------------------------------------


@dataclass(frozen=True)
class CardRow:
    unit_id: int
    unit_name: str
    officer_id: int | None
    officer_name: str
    open: int
    yellow: int
    red: int
    paused: int


def card_overview(session: Session, actor: Actor) -> list[CardRow]:
    """Open items per department and officer with their yellow and red cards and the paused ones."""
    require(session, actor, SERVICE_FIGURES)
    day = today()
    limit = current_calendar(session).next_working_day(day)
    i = ServiceItem
    running = i.status != SUPPLEMENT
    rows = session.execute(
        select(
            i.unit_id,
            i.officer_id,
            func.count(),
            func.sum(case((and_(running, i.due_date >= day, i.due_date <= limit), 1), else_=0)),
            func.sum(case((and_(running, i.due_date < day), 1), else_=0)),
            func.sum(case((i.status == SUPPLEMENT, 1), else_=0)),
        )
        .where(i.status.in_(OPEN_STATUSES))
        .group_by(i.unit_id, i.officer_id)
    ).all()
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    ids = {r[1] for r in rows if r[1] is not None}
    names = (
        dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()) if ids else {}
    )
    out = [
        CardRow(
            u,
            units.get(u, "?"),
            o,
            names.get(o, NO_OFFICER) if o else NO_OFFICER,
            int(n),
            int(y or 0),
            int(r or 0),
            int(p or 0),
        )
        for u, o, n, y, r, p in rows
    ]
    return sorted(out, key=lambda c: (-c.red, -c.yellow, c.unit_name, c.officer_name))
