"""Figures for the live charts and the statistics tables, computed in SQL (charts draw aggregates, not rows).

* Warnings by colour per day, and the high-risk trend: from ``kp_warning_daily`` (at most 90 days x 12
  towns x 4 levels rows, whatever the number of warnings).
* The current distribution by township: from ``kp_level_delta``, kept by database triggers on every change
  of a person's status, town or level (see the migration), compacted by the sweep.
* Statistics by category, level, township, status or officer: persons per level, with the 一人四管 and
  overdue-visit counts beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from app.models.accounts import User
from app.models.keyperson_permissions import (
    KP_STATS,
    LEVEL_NAMES,
    LEVEL_RED,
    LEVELS,
    STATUS_NAMES,
    SUPERVISED,
    WARNING_LEVELS,
)
from app.models.keyperson_person import KeyPerson, KpCategory
from app.models.keyperson_warning import KpLevelDelta, KpWarningDaily
from app.models.org import Division
from app.services.context import Actor
from app.services.keyperson_common import local_today
from app.services.permissions import require

GROUPINGS = {
    "category": "人员类别",
    "level": "预警等级",
    "town": "乡镇",
    "status": "管控状态",
    "officer": "责任民警",
}


@dataclass(frozen=True)
class DailyCounts:
    days: tuple[date, ...]
    by_level: dict[str, tuple[int, ...]]  # level -> count per day


@dataclass(frozen=True)
class TownCounts:
    towns: tuple[tuple[str, str], ...]  # (code, name)
    by_level: dict[str, tuple[int, ...]]  # level -> persons per town


@dataclass(frozen=True)
class Dashboard:
    daily: DailyCounts
    towns: TownCounts
    high_risk: tuple[int, ...]  # high-risk alerts raised per day (same days as ``daily``)
    red_now: int  # persons at the high-risk level now


def warnings_by_day(session: Session, *, days: int = 90, today: date) -> DailyCounts:
    first = today - timedelta(days=days - 1)
    span = tuple(first + timedelta(days=i) for i in range(days))
    counts = {level: [0] * days for level in WARNING_LEVELS}
    for day, level, n in session.execute(
        select(KpWarningDaily.day, KpWarningDaily.level, func.sum(KpWarningDaily.raised))
        .where(KpWarningDaily.day >= first, KpWarningDaily.day <= today)
        .group_by(KpWarningDaily.day, KpWarningDaily.level)
    ):
        if level in counts:
            counts[level][(day - first).days] = int(n)
    return DailyCounts(span, {k: tuple(v) for k, v in counts.items()})


def level_counts(session: Session) -> dict[tuple[str, str, str], int]:
    """Persons per (status, town, level) now, from the trigger-kept deltas (a few hundred rows at most
    after each compaction, whatever the size of the register)."""
    rows = session.execute(
        select(
            KpLevelDelta.status, KpLevelDelta.town_code, KpLevelDelta.level, func.sum(KpLevelDelta.delta)
        ).group_by(KpLevelDelta.status, KpLevelDelta.town_code, KpLevelDelta.level)
    )
    return {(st, town, lv): int(n) for st, town, lv, n in rows if n}


def by_town(session: Session, counts: dict[tuple[str, str, str], int] | None = None) -> TownCounts:
    towns = tuple(
        session.execute(
            select(Division.code, Division.name).where(Division.level == "town").order_by(Division.code)
        ).all()
    )
    index = {code: i for i, (code, _) in enumerate(towns)}
    result = {level: [0] * len(towns) for level in WARNING_LEVELS}
    for (status, town, level), n in (counts if counts is not None else level_counts(session)).items():
        if status in SUPERVISED and level in result and town in index:
            result[level][index[town]] += n
    return TownCounts(towns, {k: tuple(v) for k, v in result.items()})


def compact_level_counts(session: Session) -> int:
    """Fold the deltas into one row per group; returns how many rows were folded (the sweep's step).

    Only rows up to the highest id seen are folded: a transaction still committing its delta keeps it (it
    is neither summed nor deleted here) and it is folded next time.
    """
    top = session.execute(select(func.max(KpLevelDelta.id))).scalar()
    if top is None:
        return 0
    sums = session.execute(
        select(KpLevelDelta.status, KpLevelDelta.town_code, KpLevelDelta.level, func.sum(KpLevelDelta.delta))
        .where(KpLevelDelta.id <= top)
        .group_by(KpLevelDelta.status, KpLevelDelta.town_code, KpLevelDelta.level)
    ).all()
    folded = session.execute(delete(KpLevelDelta).where(KpLevelDelta.id <= top)).rowcount  # type: ignore[attr-defined]
    rows = [{"status": st, "town_code": town, "level": lv, "delta": int(n)} for st, town, lv, n in sums if n]
    if rows:
        session.execute(insert(KpLevelDelta), rows)
    return int(folded or 0)


def dashboard(session: Session, actor: Actor, *, days: int = 90, today: date | None = None) -> Dashboard:
    require(session, actor, KP_STATS)
    day = today or local_today()
    daily = warnings_by_day(session, days=days, today=day)
    counts = level_counts(session)
    red_now = sum(
        n for (status, _t, level), n in counts.items() if status in SUPERVISED and level == LEVEL_RED
    )
    return Dashboard(daily, by_town(session, counts), daily.by_level[LEVEL_RED], red_now)


# --- statistics tables --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatTable:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]  # first cell the group's name, then counts; last row 合计


def _group(session: Session, by: str) -> tuple[Any, dict[Any, str]]:
    if by == "category":  # in the categories' own order
        names = dict(
            session.execute(
                select(KpCategory.code, KpCategory.name).order_by(KpCategory.sort_order, KpCategory.id)
            ).all()
        )
        return KeyPerson.category_code, names
    if by == "level":
        return KeyPerson.level, dict(LEVEL_NAMES)
    if by == "town":
        names = dict(
            session.execute(select(Division.code, Division.name).where(Division.level == "town")).all()
        )
        return KeyPerson.town_code, names
    if by == "status":
        return KeyPerson.status, dict(STATUS_NAMES)
    if by == "officer":
        officers: dict[Any, str] = dict(session.execute(select(User.id, User.display_name)).all())
        return KeyPerson.officer_id, officers
    raise ValueError(f"unknown grouping {by!r}")


def _sort_key(by: str, names: dict[Any, str]) -> Any:
    """Townships in the official order of their codes (城关镇 first), officers by name; the unnamed last."""
    if by == "town":
        return lambda k: (k is None or k == "", str(k or ""))
    return lambda k: (k is None, names.get(k, str(k)))


def statistics(session: Session, actor: Actor, by: str, *, include_removed: bool = False) -> StatTable:
    """Persons per group and level, plus incomplete 一人四管 and overdue visits (supervised persons)."""
    require(session, actor, KP_STATS)
    column, names = _group(session, by)
    today = local_today()
    stmt = select(
        column,
        *[func.sum(case((KeyPerson.level == lv, 1), else_=0)) for lv in LEVELS],
        func.count(),
        func.sum(case((KeyPerson.keepers_missing > 0, 1), else_=0)),
        func.sum(case((KeyPerson.next_visit_due < today, 1), else_=0)),
    ).group_by(column)
    if not include_removed and by != "status":
        stmt = stmt.where(KeyPerson.status.in_(SUPERVISED))
    found = {row[0]: [int(x or 0) for x in row[1:]] for row in session.execute(stmt)}
    order = list(names) if by in ("level", "status", "category") else sorted(found, key=_sort_key(by, names))
    rows: list[tuple[Any, ...]] = []
    totals = [0] * (len(LEVELS) + 3)
    for key in order:
        if key not in found:
            continue
        values = found[key]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        label = names.get(key) or ("未填" if key in (None, "") else str(key))
        rows.append((label, *values))
    rows.append(("合计", *totals))
    headers = (GROUPINGS[by], *[LEVEL_NAMES[lv] for lv in LEVELS], "合计", "四管不全", "走访逾期")
    return StatTable(f"重点人员统计（按{GROUPINGS[by]}）", headers, tuple(rows))
