"""Keeping ``service_daily`` exact: every change to an item moves its contribution, in the same transaction.

An item contributes to three rows of the day it was received (its department, its officer, its channel):
received 1, completed or rejected once finished, its working days, late when finished after the due date,
its rating. A change records the contribution before and after; the difference is added with one upsert per
row, so two workstations adding at the same moment both count. Texts and look-ups add to the rows of the day
they happen. :func:`rebuild` recomputes everything from the items (after bulk loads, or to check).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models.db import mark_changed
from app.models.service_item import DONE_STATUSES, FINISHED_STATUSES, REJECTED, ServiceItem
from app.models.service_records import (
    DIM_CHANNEL,
    DIM_LOOKUP,
    DIM_OFFICER,
    DIM_UNIT,
    ServiceDaily,
    ServiceLookup,
    ServiceText,
)

_T = cast(Table, ServiceDaily.__table__)
METRICS = (
    "received",
    "completed",
    "rejected",
    "late",
    "days_sum",
    "rated",
    "rating_sum",
    "bad",
    "texts",
    "lookups",
)
ITEM_METRICS = METRICS[:8]


@dataclass(frozen=True)
class Contribution:
    day: date
    keys: tuple[tuple[str, str], ...]  # (dim, key) for department, officer, channel
    counts: Mapping[str, int]


def dims_of(unit_id: int | None, officer_id: int | None, channel: str) -> tuple[tuple[str, str], ...]:
    return ((DIM_UNIT, str(unit_id or 0)), (DIM_OFFICER, str(officer_id or 0)), (DIM_CHANNEL, channel))


def contribution(item: ServiceItem) -> Contribution:
    done = item.status in DONE_STATUSES
    late = item.status in FINISHED_STATUSES and bool(
        item.finished_on and item.due_date and item.finished_on > item.due_date
    )
    rated = item.rating is not None
    counts = {
        "received": 1,
        "completed": int(done),
        "rejected": int(item.status == REJECTED),
        "late": int(late),
        "days_sum": (item.working_days_used or 0) if done else 0,
        "rated": int(rated),
        "rating_sum": item.rating or 0,
        "bad": int(rated and (item.rating or 0) <= 2),
    }
    return Contribution(item.received_on, dims_of(item.unit_id, item.officer_id, item.channel), counts)


def add(session: Session, day: date, keys: Iterable[tuple[str, str]], deltas: Mapping[str, int]) -> None:
    """Add ``deltas`` to the rows ``keys`` of ``day`` (created when missing)."""
    values = {m: int(deltas.get(m, 0)) for m in METRICS}
    if not any(values.values()):
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    for dim, key in keys:
        stmt: Any = dialect.insert(_T).values(day=day, dim=dim, key=key, **values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["dim", "key", "day"],
            set_={m: _T.c[m] + stmt.excluded[m] for m in METRICS if values[m]},
        )
        session.execute(stmt)
    mark_changed(session, "service_daily")


def record(session: Session, before: Contribution | None, item: ServiceItem) -> None:
    """Move the item's contribution from ``before`` (None: a new item) to what it is now."""
    after = contribution(item)
    if before is not None and (before.day, before.keys) == (after.day, after.keys):
        add(session, after.day, after.keys, {m: after.counts[m] - before.counts[m] for m in ITEM_METRICS})
        return
    if before is not None:
        add(session, before.day, before.keys, {m: -before.counts[m] for m in ITEM_METRICS})
    add(session, after.day, after.keys, after.counts)


def add_text(session: Session, day: date, item: ServiceItem) -> None:
    add(session, day, dims_of(item.unit_id, item.officer_id, item.channel), {"texts": 1})


def add_lookup(session: Session, day: date, channel: str) -> None:
    add(session, day, ((DIM_LOOKUP, channel),), {"lookups": 1})


def rebuild(session: Session) -> int:
    """Recompute every row from the items, texts and look-ups (bulk loads, repairs); returns the rows written."""
    session.execute(delete(_T))
    i = ServiceItem
    done = i.status.in_(DONE_STATUSES)
    measures = [
        func.count(),
        func.sum(case((done, 1), else_=0)),
        func.sum(case((i.status == REJECTED, 1), else_=0)),
        func.sum(case((i.status.in_(FINISHED_STATUSES) & (i.finished_on > i.due_date), 1), else_=0)),
        func.sum(case((done, func.coalesce(i.working_days_used, 0)), else_=0)),
        func.sum(case((i.rating.is_not(None), 1), else_=0)),
        func.sum(func.coalesce(i.rating, 0)),
        func.sum(case((i.rating <= 2, 1), else_=0)),
    ]
    rows: dict[tuple[date, str, str], Counter[str]] = {}
    for dim, column in (
        (DIM_UNIT, i.unit_id),
        (DIM_OFFICER, func.coalesce(i.officer_id, 0)),
        (DIM_CHANNEL, i.channel),
    ):
        for r in session.execute(select(i.received_on, column, *measures).group_by(i.received_on, column)):
            rows[(r[0], dim, str(r[1]))] = Counter(
                dict(zip(ITEM_METRICS, (int(v or 0) for v in r[2:]), strict=True))
            )
    t = ServiceText
    for dim, column in ((DIM_UNIT, t.unit_id), (DIM_OFFICER, t.officer_id), (DIM_CHANNEL, t.channel)):
        for day, key, n in session.execute(select(t.day, column, func.count()).group_by(t.day, column)):
            rows.setdefault((day, dim, str(key)), Counter())["texts"] += int(n)
    lk = ServiceLookup
    for day, channel, n in session.execute(
        select(lk.day, lk.channel, func.count()).group_by(lk.day, lk.channel)
    ):
        rows.setdefault((day, DIM_LOOKUP, channel), Counter())["lookups"] += int(n)
    batch = [
        {"day": d, "dim": dim, "key": key, **{m: c.get(m, 0) for m in METRICS}}
        for (d, dim, key), c in rows.items()
    ]
    for start in range(0, len(batch), 5000):
        session.execute(_T.insert(), batch[start : start + 5000])
    mark_changed(session, "service_daily")
    return len(batch)


def snapshot(session: Session) -> dict[tuple[date, str, str], tuple[int, ...]]:
    """Every non-empty row as a tuple of its metrics (tests compare the kept table with a rebuild)."""
    out = {}
    for r in session.execute(select(_T)):
        values = tuple(int(r._mapping[m]) for m in METRICS)
        if any(values):
            out[(r.day, r.dim, r.key)] = values
    return out
