"""Key-person supervision at scale: the register's first page, a person by ID number, the full sweep, and the
charts' refresh after a change. Figures for issue 5's speed points.

    .venv/bin/python bench/bench_keyperson.py                          # city: 100,000 persons, 5,000,000 visits
    .venv/bin/python bench/bench_keyperson.py --persons 20000 --visits 50
    .venv/bin/python bench/bench_keyperson.py --url postgresql+psycopg://...   # an empty PostgreSQL database

The database is built with Core ``executemany`` in chunks (the visits' indexes created after the load) and kept
in the temp folder per scale (SQLite), so later runs measure at once. The data is shaped like a county's:
levels mostly blue, about 3% of visits overdue, 0.5% of persons out of contact for too long, 5% of scores due for
a time-based change today, 40 warnings per 1,000 persons over 90 days. Province scale (1,000,000 persons, 50
million visits) takes hours to build on a 2-core machine: run it there with ``--persons 1000000``, or read the
extrapolation printed from two smaller scales (``--extrapolate``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # 09:00 in Langao
TODAY = date(2026, 11, 30)
CHUNK = 20_000
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉文斌波宇浩凯鹏飞翔鑫"
CATS = (("released", 10), ("correction", 15), ("youth", 10), ("mental", 5))
VISIT_INDEXES = ("ix_kp_visit_person_id_visited_at", "ix_kp_visit_visited_at")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(fn: Callable[[], Any], repeat: int = 7) -> tuple[float, float, Any]:
    """(median, p95, last result) of ``repeat`` runs, in seconds."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))], result


# --- building ------------------------------------------------------------------------------------------------


def _chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(url: str, persons: int, visits_each: int) -> None:
    from sqlalchemy import event, insert, text

    from app.core.validators import make_id_number
    from app.models.accounts import User
    from app.models.db import Database
    from app.models.keyperson_keeper import KpKeeper
    from app.models.keyperson_person import KeyPerson
    from app.models.keyperson_visit import KpEvent, KpVisit
    from app.models.keyperson_warning import KpWarning
    from app.models.org import Unit
    from app.services import reference_data, schema
    from app.services.keyperson_rules import DEFAULT_RULES, CategoryFact, EventFact, compute
    from app.services.keyperson_stats import compact_level_counts

    started = time.perf_counter()
    db = Database(url)
    if db.backend == "sqlite":  # a scratch database being built: no need to wait for the disk

        @event.listens_for(db.engine, "connect")
        def _fast(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA synchronous=OFF")
            cur.execute("PRAGMA cache_size=-262144")
            cur.close()

    schema.upgrade(db)
    rng = random.Random(20261130)
    stamp = {"version": 1, "created_at": NOW, "updated_at": NOW, "updated_by": "bench"}
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
        towns = reference_data.division_reference()["towns"]
        station_ids, officers = [], []
        for i, t in enumerate(towns):
            s.add(
                Unit(
                    code=f"PCS{i}",
                    name=f"{t['name'][:-1]}派出所",
                    kind="station",
                    town_code=t["code"],
                    updated_by="b",
                )
            )
        s.flush()
        station_ids = list(s.execute(text("SELECT id FROM unit WHERE kind='station' ORDER BY id")).scalars())
        for i, sid in enumerate(station_ids):
            for k in range(3):
                s.add(
                    User(
                        username=f"bench{i}_{k}",
                        display_name=f"民警{i}-{k}",
                        password_hash="x",
                        unit_id=sid,
                        updated_by="b",
                    )
                )
        s.flush()
        officers = list(
            s.execute(text("SELECT id FROM app_user WHERE username LIKE 'bench%' ORDER BY id")).scalars()
        )
    places = [(t["code"], v["code"], i) for i, t in enumerate(towns) for v in t["villages"]]
    cats = [c for c, _ in CATS]
    rules = DEFAULT_RULES
    facts = {
        "released": CategoryFact("released", "刑满释放人员（刑释解教）", 10, False),
        "correction": CategoryFact("correction", "社区矫正对象", 15, False),
        "youth": CategoryFact("youth", "违法青少年", 10, False),
        "mental": CategoryFact("mental", "严重精神障碍患者", 5, True),
    }
    event_kinds = ("incident", "offence", "good_conduct", "left_area", "abnormal")
    person_events: list[dict[str, Any]] = []

    def person_rows() -> Iterator[dict[str, Any]]:
        for n in range(persons):
            town, village, ti = rng.choice(places)
            birth = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
            cat = rng.choice(cats)
            grade = rng.choices(range(6), (20, 30, 25, 13, 8, 4))[0] if cat == "mental" else None
            events = [
                EventFact(rng.choice(event_kinds), TODAY - timedelta(days=rng.randint(0, 300)))
                for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 2)))
            ]
            for ev in events:
                person_events.append(
                    {
                        "person_id": n + 1,
                        "kind": ev.kind,
                        "occurred_on": ev.occurred_on,
                        "note": "事件",
                        "automatic": False,
                        "visit_id": None,
                        **stamp,
                    }
                )
            score = compute(
                rules,
                category=facts[cat],
                mental_grade=grade,
                events=events,
                missed_visits=(),
                lost=False,
                today=TODAY,
            )
            registered = TODAY - timedelta(days=rng.randint(60, 2000))
            roll = rng.random()
            interval = rules.visit_interval(score.level, grade)
            if roll < 0.005:  # out of contact for too long: the sweep marks 脱管
                contact_day = TODAY - timedelta(days=rng.randint(46, 90))
                due = contact_day + timedelta(days=interval)
            else:  # 3% overdue by 1-10 days, the rest due within their interval
                if roll > 0.97:
                    due = TODAY - timedelta(days=rng.randint(1, 10))
                else:
                    due = TODAY + timedelta(days=rng.randint(1, interval))
                contact_day = due - timedelta(days=interval)
            contact = datetime.combine(contact_day, dtime(rng.randint(0, 9), rng.randint(0, 59)), UTC)
            name = (
                rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
            )
            yield {
                "id_number": make_id_number("610925", birth, n % 999 + 1)[:6] + f"{n:012d}",
                "name": name,
                "name_pinyin": "",
                "name_initials": "",
                "gender": "男" if n % 2 else "女",
                "birth_date": birth,
                "aliases": "",
                "phone": f"139{n:08d}",
                "category_code": cat,
                "mental_grade": grade,
                "household_address": "",
                "address": f"岚皋县{towns[ti]['name']}{rng.randint(1, 12)}组{rng.randint(1, 160)}号",
                "town_code": town,
                "village_code": village,
                "station_id": station_ids[ti],
                "officer_id": officers[ti * 3 + n % 3],
                "supervisor_id": officers[ti * 3],
                "citizen_id": None,
                "status": "active",
                "registered_on": registered,
                "score": score.score,
                "computed_level": score.level,
                "level": score.level,
                "level_override": None,
                "override_reason": "",
                "level_since": NOW,
                "score_detail": [p.as_dict() for p in score.parts],
                "scored_at": NOW,
                "rescore_on": score.next_change,
                "keepers_missing": 0 if rng.random() < 0.9 else rng.randint(1, 3),
                "last_visit_at": contact,
                "last_contact_at": contact,
                "next_visit_due": due,
                "notes": "",
                "is_demo": False,
                **stamp,
            }

    with db.engine.begin() as conn:
        for chunk in _chunks(person_rows()):
            conn.execute(insert(KeyPerson.__table__), chunk)
    print(f"  persons: {persons:,} in {time.perf_counter() - started:.0f} s", flush=True)
    with db.engine.begin() as conn:
        for name in VISIT_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
    kinds = ("home", "phone", "video", "report")

    def visit_rows() -> Iterator[dict[str, Any]]:
        for pid in range(1, persons + 1):
            at = NOW - timedelta(days=visits_each * 20)
            for _ in range(visits_each):
                at += timedelta(days=rng.randint(10, 30), minutes=rng.randint(0, 600))
                yield {
                    "person_id": pid,
                    "kind": kinds[pid % 4],
                    "visited_at": at,
                    "place": "",
                    "findings": "走访，本人在家，情绪稳定。",
                    "contact_made": True,
                    "visitor_name": "民警",
                    "officer_id": None,
                    **stamp,
                }

    total = persons * visits_each
    done = 0
    with db.engine.begin() as conn:
        for chunk in _chunks(visit_rows(), 50_000):
            conn.execute(insert(KpVisit.__table__), chunk)
            done += len(chunk)
            if done % 1_000_000 < 50_000:
                print(f"  visits: {done:,}/{total:,} ({time.perf_counter() - started:.0f} s)", flush=True)
    with db.engine.begin() as conn:
        conn.execute(
            text("CREATE INDEX ix_kp_visit_person_id_visited_at ON kp_visit (person_id, visited_at)")
        )
        conn.execute(text("CREATE INDEX ix_kp_visit_visited_at ON kp_visit (visited_at)"))
    print(f"  visits indexed ({time.perf_counter() - started:.0f} s)", flush=True)

    roles = ("police", "cadre", "grid", "family")
    keepers = (
        {
            "person_id": pid,
            "role_code": r,
            "name": "管控人",
            "phone": f"138{(pid * 4 + k) % 10**8:08d}",
            "user_id": None,
            "relation": "",
            "organisation": "",
            **stamp,
        }
        for pid in range(1, persons + 1)
        for k, r in enumerate(roles)
    )
    warn_levels = [
        lv for lv, w in (("blue", 50), ("yellow", 30), ("orange", 15), ("red", 5)) for _ in range(w)
    ]

    def warnings() -> Iterator[dict[str, Any]]:
        for _ in range(persons * 40 // 1000 * 3):  # 40 per 1,000 persons a month, for 90 days
            raised = NOW - timedelta(days=rng.randint(0, 89), minutes=rng.randint(0, 1400))
            lv = rng.choice(warn_levels)
            late = rng.random() < 0.01
            yield {
                "person_id": rng.randint(1, persons),
                "level": lv,
                "score": 30,
                "raised_at": raised,
                "due_at": raised + timedelta(hours=24),
                "reason": "风险事件",
                "town_code": rng.choice(places)[0],
                "status": "open" if late else "handled",
                "acknowledged_by": None,
                "acknowledged_at": None,
                "handled_by": None,
                "handled_at": None if late else raised + timedelta(hours=3),
                "handling_note": "",
                "escalated_from_id": None,
                "depth": 0,
                **stamp,
            }

    with db.engine.begin() as conn:
        for model, rows in ((KpKeeper, keepers), (KpEvent, iter(person_events)), (KpWarning, warnings())):
            for chunk in _chunks(rows):
                conn.execute(insert(model.__table__), chunk)
        day = (
            "date(raised_at, '+8 hours')"
            if db.backend == "sqlite"
            else "(raised_at AT TIME ZONE 'Asia/Shanghai')::date"
        )
        conn.execute(
            text(
                "INSERT INTO kp_warning_daily (day, town_code, level, raised) "
                f"SELECT {day}, town_code, level, count(*) FROM kp_warning GROUP BY 1, 2, 3"
            )
        )
        if db.backend == "sqlite":
            conn.execute(text("ANALYZE"))
        else:
            conn.execute(text("ANALYZE"))
    with db.session() as s:  # as the nightly sweep does: the chart counts folded into one row per group
        compact_level_counts(s)
    db.dispose()
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)


# --- measuring -----------------------------------------------------------------------------------------------


def measure(url: str, persons: int) -> dict[str, float]:
    from sqlalchemy import select

    from app.models.db import Database
    from app.models.keyperson_person import KeyPerson
    from app.services import entity_service, keyperson_persons, keyperson_stats, keyperson_visits
    from app.services.context import Actor
    from app.services.entity_spec import Query
    from app.services.keyperson_specs import KEY_PERSON_SPEC
    from app.services.keyperson_sweep import run_sweep

    db = Database(url)
    actor = Actor(user_id=None, username="system", display_name="系统", permissions=frozenset({"*"}))
    figures: dict[str, float] = {}
    with db.read_session() as s:
        numbers = list(s.execute(select(KeyPerson.id_number).order_by(KeyPerson.id).limit(2000)).scalars())
        town = s.execute(select(KeyPerson.town_code).limit(1)).scalar()
    rng = random.Random(5)

    def first_page(query: Query) -> Callable[[], Any]:
        def run() -> Any:
            with db.read_session() as s:
                return entity_service.page(s, actor, KEY_PERSON_SPEC, query, 0, 200)

        return run

    med, p95, rows = timed(first_page(Query(sort="id", descending=True)))
    figures["list_first_page"] = med
    print(f"register, first page of 200 (newest first): median {ms(med)}, p95 {ms(p95)} (target < 200 ms)")
    med, p95, rows = timed(
        first_page(Query(filters={"town_code": town, "level": "orange"}, sort="id", descending=True))
    )
    print(
        f"register, first page filtered by town + level:  median {ms(med)}, p95 {ms(p95)} ({len(rows)} rows)"
    )
    med, p95, _ = timed(first_page(Query(text=numbers[17][:10], sort="id", descending=True)))
    print(f"register, first page searched by ID prefix:      median {ms(med)}, p95 {ms(p95)}")

    def by_number() -> Any:
        with db.read_session() as s:
            return keyperson_persons.find_by_id_number(s, actor, rng.choice(numbers))

    med, p95, found = timed(by_number, repeat=300)
    figures["by_id_number"] = p95
    assert found is not None
    print(f"a person by ID number (service, own session):   median {ms(med)}, p95 {ms(p95)} (target < 10 ms)")

    def dashboard() -> Any:
        with db.read_session() as s:
            return keyperson_stats.dashboard(s, actor, today=TODAY)

    med, p95, data = timed(dashboard)
    figures["chart_read"] = med
    print(f"charts: figures read (90 days, by town):         median {ms(med)}, p95 {ms(p95)}")
    draw = _draw_time(db, actor, data)
    figures["chart_draw"] = draw
    # A change arrives: an event raises a level (and a warning); the charts read and redraw.
    with db.session() as s:
        pid = s.execute(select(KeyPerson.id).where(KeyPerson.level == "blue").limit(1)).scalar_one()
        keyperson_visits.record_event(
            s, actor, pid, {"kind": "offence", "occurred_on": TODAY, "note": "b"}, now=NOW
        )
    med, _, _ = timed(dashboard, repeat=5)
    print(f"charts: redraw of the three charts (Qt):         {ms(draw)}")
    print(
        f"charts: refresh after a change, read + redraw:   {ms(med + draw)} (target < 100 ms at city scale)"
    )
    figures["chart_refresh"] = med + draw

    start = time.perf_counter()
    counts = run_sweep(db, NOW + timedelta(days=1))  # the next morning's run
    figures["sweep"] = time.perf_counter() - start
    print(
        f"full sweep: {figures['sweep']:.1f} s (target < 60 s): "
        + ", ".join(f"{k}={v}" for k, v in counts.items())
    )
    start = time.perf_counter()
    again = run_sweep(db, NOW + timedelta(days=1, hours=1))
    print(f"sweep again (idempotent, nothing new): {time.perf_counter() - start:.1f} s: {again}")
    db.dispose()
    return figures


def _draw_time(db: Any, actor: Any, data: Any) -> float:
    """The dashboard's redraw of the three charts with these figures (offscreen Qt, median of 5)."""
    from PySide6.QtWidgets import QApplication

    from app.views.app_context import AppContext
    from app.views.common import run_op
    from app.views.keyperson.dashboard import KeypersonDashboard

    app = QApplication.instance() or QApplication([])
    run_op.configure(db)
    run_op.set_synchronous(True)
    dash = KeypersonDashboard(AppContext(db, None, actor), today=TODAY)  # type: ignore[arg-type]
    dash.resize(1300, 760)
    dash.show()
    app.processEvents()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        dash.show_data(data)
        app.processEvents()
        times.append(time.perf_counter() - start)
    dash.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=50, help="visits per person (default 50)")
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a SQLite file per scale)")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    url = args.url
    if url is None:
        folder = Path(tempfile.gettempdir()) / "jingwu-bench"
        folder.mkdir(exist_ok=True)
        path = folder / f"keyperson_{args.persons}_{args.visits}.db"
        if args.rebuild:
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)
        if not path.exists():
            print(f"building {path} ...", flush=True)
            partial = path.with_suffix(".building")
            for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                p.unlink(missing_ok=True)
            build(f"sqlite:///{partial}", args.persons, args.visits)
            os.replace(partial, path)  # only a finished build is reused
        work = path.with_name(path.stem + "_work.db")  # the sweep changes data: measure on a fresh copy
        for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            p.unlink(missing_ok=True)
        shutil.copyfile(path, work)
        url = f"sqlite:///{work}"
    else:
        build(url, args.persons, args.visits)
    print(f"scale: {args.persons:,} persons, {args.persons * args.visits:,} visits ({url.split('://')[0]})")
    measure(url, args.persons)


if __name__ == "__main__":
    main()
