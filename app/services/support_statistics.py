"""Statistics of the support functions (统计分析), each within the actor's scope in that function: leave taken,
time-off balances, equipment out, expenses by category and training hours. Figures are computed in SQL or
over the scope's rows of one period (a county's year is a few thousand rows); charts and the printed report
take them as they are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.support_assets import ITEM_ISSUED, SupportEquipment
from app.models.support_base import APPROVED
from app.models.support_claims import SupportExpense
from app.models.support_leave import LEAVE_RETURNED, SupportLeave, SupportOvertime
from app.models.support_people import SupportTraining
from app.models.support_permissions import EQUIPMENT, EXPENSE, LEAVE, OVERTIME, TRAINING
from app.services import audit
from app.services.context import Actor
from app.services.support_access import Scope, restrict, scope, state_col
from app.services.support_common import unit_choices
from app.services.support_equipment import CATEGORIES as EQUIPMENT_CATEGORIES
from app.services.support_expenses import CATEGORIES as EXPENSE_CATEGORIES
from app.services.support_leave import KINDS as LEAVE_KINDS
from app.services.support_overtime import LIEU, hours_per_day

MAX_PERIOD_DAYS = 3 * 366
TOP_BALANCES = 15


@dataclass(frozen=True)
class Figure:
    """One table (and chart) of the statistics: label, then one or more numbers per row."""

    key: str
    title: str
    columns: tuple[str, ...]  # the first names the label column
    rows: tuple[tuple[Any, ...], ...]
    scope: str  # 全部人员 / 本单位人员 / 本人; "" when the actor may not see this function
    note: str = ""

    @property
    def allowed(self) -> bool:
        return bool(self.scope)


@dataclass(frozen=True)
class Statistics:
    start: date
    end: date
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def _overlap_days(a0: date, a1: date, b0: date, b1: date) -> int:
    return max(0, (min(a1, b1) - max(a0, b0)).days + 1)


def _leave(session: Session, found: Scope, start: date, end: date, units: dict[Any, str]) -> list[Figure]:
    lv = SupportLeave
    stmt = restrict(
        select(lv.kind, lv.unit_id, lv.start_date, lv.end_date, lv.status, lv.returned_on),
        found,
        lv.user_id,
        lv.unit_id,
    ).where(
        state_col(lv.status, found).in_((APPROVED, LEAVE_RETURNED)),
        lv.start_date <= end,
        lv.end_date >= start,
    )
    by_kind: dict[str, int] = defaultdict(int)
    by_unit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, unit_id, first, last, status, returned in session.execute(
        stmt
    ):  # plain rows: 30x quicker than ORM
        if status == LEAVE_RETURNED and returned is not None:
            last = min(last, returned - timedelta(days=1))
        days = _overlap_days(first, last, start, end)
        if not days:
            continue
        by_kind[kind] += days
        row = by_unit[units.get(unit_id, "（无单位）")]
        row[0] += 1
        row[1] += days
    kinds = tuple((LEAVE_KINDS[k], by_kind[k]) for k in LEAVE_KINDS if by_kind.get(k))
    per_unit = tuple((u, n, d) for u, (n, d) in sorted(by_unit.items(), key=lambda kv: -kv[1][1]))
    return [
        Figure("leave_kind", "请假天数（按类别）", ("类别", "天数"), kinds, found.text),
        Figure("leave_unit", "请假情况（按单位）", ("单位", "人次", "天数"), per_unit, found.text),
    ]


def _balances(session: Session, found: Scope) -> Figure:
    ot = SupportOvertime
    earned = (
        restrict(select(ot.user_id, func.sum(ot.hours).label("h")), found, ot.user_id, ot.unit_id)
        .where(state_col(ot.status, found) == APPROVED)
        .group_by(ot.user_id)
    )
    rows: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for r in session.execute(earned):
        rows[r.user_id][0] = Decimal(r.h)
    lv = SupportLeave
    lieu = restrict(
        select(lv.user_id, lv.days, lv.status, lv.start_date, lv.returned_on), found, lv.user_id, lv.unit_id
    ).where(
        lv.kind == LIEU, state_col(lv.status, found).in_(("pending", "unit_ok", APPROVED, LEAVE_RETURNED))
    )
    per_day = hours_per_day(session)
    for uid, days, status, first, returned in session.execute(lieu):
        if status == LEAVE_RETURNED and returned is not None:
            days = max(0, min((returned - first).days, days))
        rows[uid][1] += per_day * days
    names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(list(rows)))).all())
    table = sorted(
        ((names.get(uid, str(uid)), e, u, e - u) for uid, (e, u) in rows.items()), key=lambda r: (-r[3], r[0])
    )
    note = f"仅列可调休余额最多的 {TOP_BALANCES} 人" if len(table) > TOP_BALANCES else ""
    return Figure(
        "overtime_balance",
        "加班调休余额（小时）",
        ("民警", "已批准加班", "已用/占用调休", "余额"),
        tuple(table[:TOP_BALANCES]),
        found.text,
        note,
    )


def _equipment(session: Session, found: Scope) -> Figure:
    e = SupportEquipment
    stmt = restrict(
        select(e.category, e.status, func.count().label("n")), found, e.holder_id, e.unit_id
    ).group_by(e.category, e.status)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in session.execute(stmt):
        totals[r.category][1] += r.n
        if r.status == ITEM_ISSUED:
            totals[r.category][0] += r.n
    rows = tuple((EQUIPMENT_CATEGORIES.get(c, c), out, total) for c, (out, total) in totals.items() if total)
    return Figure(
        "equipment_out", "装备在外情况（按类别）", ("类别", "已发放在外", "台账总数"), rows, found.text
    )


def _expenses(session: Session, found: Scope, start: date, end: date) -> Figure:
    x = SupportExpense
    stmt = (
        restrict(
            select(x.category, func.count().label("n"), func.sum(x.amount).label("amount")),
            found,
            x.user_id,
            x.unit_id,
        )
        .where(state_col(x.status, found) == APPROVED, x.spent_on >= start, x.spent_on <= end)
        .group_by(x.category)
    )
    got = {r.category: (r.n, Decimal(r.amount)) for r in session.execute(stmt)}
    rows = tuple((EXPENSE_CATEGORIES[c], got[c][0], got[c][1]) for c in EXPENSE_CATEGORIES if c in got)
    return Figure(
        "expense_category", "已批准报销金额（按类别，元）", ("类别", "笔数", "金额（元）"), rows, found.text
    )


def _training(session: Session, found: Scope, start: date, end: date, units: dict[Any, str]) -> Figure:
    t = SupportTraining
    stmt = (
        restrict(
            select(
                t.unit_id,
                func.count(func.distinct(t.user_id)).label("people"),
                func.sum(t.hours).label("hours"),
            ),
            found,
            t.user_id,
            t.unit_id,
        )
        .where(t.start_date >= start, t.start_date <= end)
        .group_by(t.unit_id)
    )
    rows = sorted(
        ((units.get(r.unit_id, "（无单位）"), r.people, Decimal(r.hours)) for r in session.execute(stmt)),
        key=lambda r: -r[2],
    )
    return Figure(
        "training_hours", "培训学时（按单位）", ("单位", "参训人数", "学时"), tuple(rows), found.text
    )


def _closed(key: str, title: str, columns: tuple[str, ...]) -> Figure:
    return Figure(key, title, columns, (), "", "无权查看")


def statistics(
    session: Session, actor: Actor, start: date, end: date, *, audited: bool = False, progress: Any = None
) -> Statistics:
    """The figures of ``start``..``end`` (inclusive); each function only where the actor has a scope in it.

    ``progress`` (a run_op Progress) hears after each function and may cancel: a whole city's year takes
    seconds (see bench/bench_support.py).
    """
    if end < start or (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError("support_invalid", detail="统计期间有误：结束日期不能早于开始日期，且不超过三年。")
    units = dict(unit_choices(session))
    Compute = Callable[[Scope], list[Figure]]
    steps: list[tuple[str, Compute, tuple[tuple[str, str], ...]]] = [
        (
            LEAVE,
            lambda f: _leave(session, f, start, end, units),
            (("leave_kind", "请假天数（按类别）"), ("leave_unit", "请假情况（按单位）")),
        ),
        (OVERTIME, lambda f: [_balances(session, f)], (("overtime_balance", "加班调休余额（小时）"),)),
        (EQUIPMENT, lambda f: [_equipment(session, f)], (("equipment_out", "装备在外情况（按类别）"),)),
        (
            EXPENSE,
            lambda f: [_expenses(session, f, start, end)],
            (("expense_category", "已批准报销金额（按类别，元）"),),
        ),
        (
            TRAINING,
            lambda f: [_training(session, f, start, end, units)],
            (("training_hours", "培训学时（按单位）"),),
        ),
    ]
    figures: list[Figure] = []
    for done, (function, compute, keys) in enumerate(steps):
        if progress is not None:
            progress.report(done, len(steps), "")
        found = scope(session, actor, function)
        figures += compute(found) if found.level else [_closed(k, t, ("", "")) for k, t in keys]
    if progress is not None:
        progress.report(len(steps), len(steps), "")
    if audited:
        audit.record(
            session, actor, "print", entity="support_statistics", detail=f"警务保障统计 {start}～{end}"
        )
    return Statistics(start, end, tuple(figures))


def default_period(today: date) -> tuple[date, date]:
    """This year so far."""
    return date(today.year, 1, 1), today
