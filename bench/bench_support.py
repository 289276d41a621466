"""警务保障 at scale: the scoped lists (own / unit / all), 待我审批, the statistics of a year, a time-off balance
and the duty board with the absences that leave writes. Issue 8 has no speed points of its own: these figures
check the general budgets (a list page < 100 ms, a dashboard < 1 s).

    .venv/bin/python bench/bench_support.py                     # county: 300 officers, 5 years of records
    .venv/bin/python bench/bench_support.py --officers 6000     # city
    .venv/bin/python bench/bench_support.py --url postgresql+psycopg://...   # an empty PostgreSQL database

Data is built with Core ``executemany`` (never ORM add_all) per officer per year: 6 leaves, 20 overtime
entries, 10 training records, 10 expense claims; about 3% still pending.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)
CHUNK = 20_000
PER_YEAR = {"leave": 6, "overtime": 20, "training": 10, "expense": 10}


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def build(db: Any, officers: int, years: int, seed: int = 1) -> dict[str, Any]:
    from sqlalchemy import insert, select

    from app.models.accounts import Role, User, user_role
    from app.models.org import Unit
    from app.models.support_claims import SupportExpense
    from app.models.support_leave import SupportLeave, SupportOvertime
    from app.models.support_people import SupportTraining

    rng = random.Random(seed)
    now = datetime.now(UTC)
    book = {"version": 1, "created_at": now, "updated_at": now, "updated_by": "bench"}
    units = max(3, officers // 30)
    with db.session() as s:
        s.execute(
            insert(Unit),
            [
                {"code": f"U{i:04d}", "name": f"派出所{i:04d}", "kind": "station", "sort_order": i, **book}
                for i in range(units)
            ],
        )
        unit_ids = list(s.execute(select(Unit.id).order_by(Unit.id)).scalars())
        roles = {r.code: r.id for r in s.execute(select(Role)).scalars()}
        people = [
            {
                "username": f"u{i:06d}",
                "display_name": f"民警{i:06d}",
                "password_hash": "!",
                "unit_id": unit_ids[i % units],
                "active": True,
                "must_change_password": False,
                **book,
            }
            for i in range(officers)
        ]
        s.execute(insert(User), people)
        ids = list(s.execute(select(User.id, User.unit_id).order_by(User.id)))
        links = []
        for n, (uid, _unit) in enumerate(ids):
            code = (
                "supervisor"
                if n < units
                else ("support" if n == units else ("leader" if n == units + 1 else "officer"))
            )
            links.append({"user_id": uid, "role_id": roles[code]})
        s.execute(insert(user_role), links)
    start = TODAY - timedelta(days=365 * years)
    counts = dict.fromkeys(PER_YEAR, 0)

    def chunks(kind: str, make: Callable[[int, int], dict[str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        for uid, unit in ids:
            for _ in range(PER_YEAR[kind] * years):
                rows.append({**make(uid, unit), "user_id": uid, "unit_id": unit, **book})
                if len(rows) >= CHUNK:
                    flush(kind, rows)
                    rows = []
        if rows:
            flush(kind, rows)

    models = {
        "leave": SupportLeave,
        "overtime": SupportOvertime,
        "training": SupportTraining,
        "expense": SupportExpense,
    }

    def flush(kind: str, rows: list[dict[str, Any]]) -> None:
        with db.session() as s:
            s.execute(insert(models[kind]), rows)
        counts[kind] += len(rows)

    def day() -> date:
        return start + timedelta(days=rng.randrange(365 * years))

    def status() -> str:
        return "pending" if rng.random() < 0.03 else "approved"

    def leave(uid: int, unit: int) -> dict[str, Any]:
        d, n = day(), rng.choice((1, 1, 2, 3, 5))
        return {
            "kind": rng.choice(("annual", "personal", "sick")),
            "start_date": d,
            "end_date": d + timedelta(days=n - 1),
            "days": n,
            "reason": "家中有事",
            "destination": "",
            "needs_bureau": n > 3,
            "status": status(),
            "opinion": "",
            "bureau_opinion": "",
        }

    chunks("leave", leave)
    chunks(
        "overtime",
        lambda u, n: {
            "work_date": day(),
            "hours": Decimal(rng.choice((2, 4, 8))),
            "reason": "执勤",
            "status": status(),
            "opinion": "",
        },
    )
    chunks(
        "training",
        lambda u, n: {
            "course": "执法规范化培训",
            "kind": "course",
            "start_date": day(),
            "hours": Decimal(8),
            "organizer": "",
        },
    )
    chunks(
        "expense",
        lambda u, n: {
            "category": rng.choice(("travel", "case", "office")),
            "amount": Decimal(rng.randint(50, 900)),
            "spent_on": day(),
            "invoices": 1,
            "description": "差旅",
            "status": status(),
            "opinion": "",
        },
    )
    return {"units": units, "ids": ids, **counts}


def main() -> int:
    parser = argparse.ArgumentParser(description="警务保障性能测试")
    parser.add_argument("--officers", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--url", help="an empty database to build in (default: a temporary SQLite file)")
    args = parser.parse_args()

    from sqlalchemy import select

    from app.models.accounts import User
    from app.models.db import Database
    from app.services import (
        duty_board,
        entity_service,
        schema,
        support_approval,
        support_overtime,
        support_statistics,
    )
    from app.services.auth import actor_for
    from app.services.entity_spec import Query
    from app.services.support_leave import LEAVE_SPEC

    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-support-')) / 'support.db'}"
    db = Database(url)
    schema.upgrade(db)
    t0 = time.perf_counter()
    with db.session() as s:
        from sqlalchemy import func

        from app.models.support_leave import SupportLeave

        if s.execute(select(func.count()).select_from(SupportLeave)).scalar_one():
            print("该数据库已有警务保障数据：请指定一个空数据库。")
            return 2
    info = build(db, args.officers, args.years)
    print(
        f"{args.officers} officers in {info['units']} units, {args.years} years: "
        f"{info['leave']:,} leaves, {info['overtime']:,} overtime, {info['training']:,} training, "
        f"{info['expense']:,} expenses; built in {time.perf_counter() - t0:.1f} s ({db.backend})"
    )
    with db.session() as s:
        users = {
            u.username: u
            for u in s.execute(
                select(User).where(
                    User.username.in_(
                        [
                            "u000000",
                            f"u{info['units']:06d}",
                            f"u{info['units'] + 1:06d}",
                            f"u{args.officers - 1:06d}",
                        ]
                    )
                )
            ).scalars()
        }
        leader = actor_for(s, users["u000000"])
        keeper = actor_for(s, users[f"u{info['units']:06d}"])
        bureau = actor_for(s, users[f"u{info['units'] + 1:06d}"])
        officer = actor_for(s, users[f"u{args.officers - 1:06d}"])

    def page(actor: Any) -> tuple[int, int]:
        with db.read_session() as s:
            return entity_service.count(s, actor, LEAVE_SPEC, Query()), len(
                entity_service.page(s, actor, LEAVE_SPEC, Query(), 0, 200)
            )

    for name, actor in (("own (officer)", officer), ("unit (leader)", leader), ("all (support)", keeper)):
        t, (n, _) = timed(lambda a=actor: page(a))
        print(f"leave list, {name:14}: count + first page {t * 1000:7.1f} ms  ({n:,} rows)")
    for name, actor in (("unit leader", leader), ("bureau leader", bureau)):
        t, rows = timed(lambda a=actor: _pending(db, support_approval, a), repeat=3)
        print(f"待我审批, {name:13}: {t * 1000:7.1f} ms  ({len(rows):,} waiting)")
    for name, actor in (("unit (leader)", leader), ("all (support)", keeper)):
        t, _ = timed(lambda a=actor: _stats(db, support_statistics, a), repeat=3)
        print(f"statistics of a year, {name}: {t * 1000:7.1f} ms")
    t, _ = timed(lambda: _balance(db, support_overtime, officer))
    print(f"time-off balance of one officer: {t * 1000:.1f} ms")
    t, board = timed(lambda: _board(db, duty_board, keeper), repeat=3)
    print(f"duty board ({len(board.rows):,} officers): {t * 1000:.1f} ms")
    return 0


def _pending(db: Any, service: Any, actor: Any) -> Any:
    with db.read_session() as s:
        return service.pending_for(s, actor)


def _stats(db: Any, service: Any, actor: Any) -> Any:
    with db.read_session() as s:
        return service.statistics(s, actor, date(TODAY.year, 1, 1), TODAY)


def _balance(db: Any, service: Any, actor: Any) -> Any:
    with db.read_session() as s:
        return service.balance(s, actor)


def _board(db: Any, service: Any, actor: Any) -> Any:
    from app.services.context import SYSTEM

    with db.read_session() as s:
        return service.board(s, SYSTEM, now=NOW)


if __name__ == "__main__":
    raise SystemExit(main())
