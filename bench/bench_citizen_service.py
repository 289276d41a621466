"""Citizen-service speed points (issue 4), each on its own freshly migrated database:

1. From saving the intake to the receipt's PDF ready (target < 1 s): the whole ``intake_and_print`` step
   (validation, tracking number, item, timeline, text, audit, commit, receipt PDF with QR).
2. Look-up by tracking number, ID number or phone at province scale (target < 50 ms with 10 million items):
   ``lookup.find`` in its own transaction, including counting the look-up (a write) and the commit.
3. The dashboard's figures at city scale, 200,000 items a year (target < 500 ms): ``service_figures.figures``
   over one year, with the look-up and text tallies of such a year.

    .venv/bin/python bench/bench_citizen_service.py [--lookup-items N] [--city-items N] [--intakes N] [--db URL]

Defaults keep a run to a few minutes on a 2-core machine (1,000,000 items for the look-ups); pass
``--lookup-items 10000000`` for the province figure. Data is generated with Core ``executemany``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select, text  # noqa: E402

from app.core.validators import make_id_number  # noqa: E402
from app.models.citizen import Citizen  # noqa: E402
from app.models.db import Database  # noqa: E402
from app.models.org import Unit  # noqa: E402
from app.models.service_catalogue import ServiceCatalogueItem  # noqa: E402
from app.models.service_item import ServiceItem  # noqa: E402
from app.models.service_records import ServiceDaily  # noqa: E402
from app.services import intake, lookup, schema, service_daily, service_figures, standard_items  # noqa: E402
from app.services.context import SYSTEM  # noqa: E402
from app.views.citizen.print_jobs import intake_and_print  # noqa: E402

CHUNK = 20_000
STATUSES = ["delivered"] * 40 + ["completed"] * 50 + ["rejected"] * 2 + ["accepted"] * 5 + ["reviewing"] * 3


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def report(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"  {name:<28} median {ms(statistics.median(times)):>10}   p95 {ms(p95):>10}   max {ms(times[-1]):>10}"
    )


_TEMP_DIRS: list[str] = []


def fresh(url: str | None, name: str) -> Database:
    if url is None:
        _TEMP_DIRS.append(tempfile.mkdtemp(prefix="bench-cs-"))
    db = Database(url or f"sqlite:///{_TEMP_DIRS[-1]}/{name}.db")
    schema.upgrade(db)
    with db.session() as s:
        standard_items.load_standard_items(s, SYSTEM)
    return db


def clerk(db: Database) -> Any:
    from app.models.accounts import Role, User
    from app.services.auth import actor_for

    with db.session() as s:
        user = User(username="bench_clerk", display_name="李窗口", password_hash="x",
                    roles=list(s.execute(select(Role).where(Role.code.in_(["clerk", "supervisor"]))).scalars()))  # fmt: skip
        s.add(user)
        s.flush()
        return actor_for(s, user)


# --- 1. intake to receipt ---------------------------------------------------------------------------------


def bench_intake(url: str | None, n: int) -> None:
    db = fresh(url, "intake")
    actor = clerk(db)
    with db.session() as s:
        cat = s.execute(
            select(ServiceCatalogueItem.id).where(ServiceCatalogueItem.code == "ZM01")
        ).scalar_one()
    times: list[float] = []
    for i in range(n + 1):
        form = intake.IntakeForm(
            id_number=make_id_number("610925", date(1960, 1, 1) + timedelta(days=i * 37), i % 1000),
            catalogue_id=cat, name="张三", phone=f"139{i:08d}", materials_received=["无犯罪记录证明申请表"],
            form_values={"用途": "入职"},
        )  # fmt: skip
        started = time.perf_counter()
        with db.session() as s:
            _result, docs = intake_and_print(s, actor, form)
        elapsed = time.perf_counter() - started
        assert docs["receipt"].startswith(b"%PDF")
        if i == 0:
            print(f"  first intake (fonts registered, caches cold): {ms(elapsed)}")
        else:
            times.append(elapsed)
    report(f"intake -> receipt PDF ({n}x)", times)
    done(db)


def done(db: Database) -> None:
    """Close the database and remove its temporary folder (a province-scale run leaves gigabytes)."""
    import shutil

    db.dispose()
    while _TEMP_DIRS:
        shutil.rmtree(_TEMP_DIRS.pop(), ignore_errors=True)


# --- bulk data --------------------------------------------------------------------------------------------


def chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _converters(table: Any, names: list[str]) -> list[Callable[[Any], Any] | None]:
    """Per column, what SQLAlchemy's type would do to a value for SQLite (None: nothing)."""
    from sqlalchemy import JSON, Boolean, Date

    from app.models.base import UTCDateTime

    def stamp(v: datetime) -> str:
        return v.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")

    out: list[Callable[[Any], Any] | None] = []
    for name in names:
        kind = table.__table__.c[name].type
        if isinstance(kind, UTCDateTime):
            out.append(stamp)
        elif isinstance(kind, Date):
            out.append(date.isoformat)
        elif isinstance(kind, JSON):
            out.append(lambda v: json.dumps(v, ensure_ascii=False))
        elif isinstance(kind, Boolean):
            out.append(int)
        else:
            out.append(None)
    return out


def load(db: Database, table: Any, rows: Iterator[dict[str, Any]], total: int, label: str) -> None:
    """Core ``executemany`` on PostgreSQL; on SQLite the DB-API's own (values prepared once, as raw)."""
    started = time.perf_counter()
    done = 0
    if db.backend != "sqlite":
        with db.session() as s:
            for batch in chunks(rows):
                s.execute(insert(table.__table__), batch)
                done += len(batch)
    else:
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA cache_size=-262144")
            cur.execute("BEGIN")
            statement, convert = "", []
            for batch in chunks(rows):
                if not statement:
                    names = list(batch[0])
                    convert = list(zip(names, _converters(table, names), strict=True))
                    marks = ", ".join("?" for _ in names)
                    statement = f"INSERT INTO {table.__tablename__} ({', '.join(names)}) VALUES ({marks})"
                cur.executemany(
                    statement,
                    [
                        tuple(r[n] if c is None or r[n] is None else c(r[n]) for n, c in convert)
                        for r in batch
                    ],
                )
                done += len(batch)
                if done % 1_000_000 < CHUNK:
                    print(
                        f"    {label}: {done:,}/{total:,} ({time.perf_counter() - started:.0f} s)", flush=True
                    )
            cur.execute("COMMIT")
        finally:
            raw.close()
    print(f"    {label}: {done:,} rows in {time.perf_counter() - started:.1f} s")


def citizen_rows(n: int) -> Iterator[dict[str, Any]]:
    now = datetime.now(UTC)
    start = date(1940, 1, 1)
    for i in range(n):
        birth = start + timedelta(days=(i * 7919) % 25_000)  # unique (birth, sequence) up to 25M
        yield {
            "id_number": make_id_number("610925", birth, (i // 25_000) % 1000),
            "name": "群众", "name_pinyin": "qunzhong", "name_initials": "qz", "gender": "男", "birth_date": birth,
            "phone": f"13{i:09d}", "town_code": None, "village_code": None, "address": "", "notes": "",
            "is_demo": True, "version": 1, "created_at": now, "updated_at": now, "updated_by": "bench",
        }  # fmt: skip


def spread_step(count: int) -> int:
    """A stride coprime with ``count``: item i belongs to citizen 1 + (i * stride) % count, so every citizen
    gets items (a stride sharing a factor with the count left six citizens in seven without any)."""
    import math

    return next(p for p in (7, 11, 13, 17, 19, 23, 29, 31) if math.gcd(p, count) == 1)


def item_rows(n: int, citizens: int, first_day: date, days: int, units: list[int], cats: list[int],
              officers: list[int], rng: random.Random) -> Iterator[dict[str, Any]]:  # fmt: skip
    per_day = max(1, -(-n // days))
    step = spread_step(citizens)
    for i in range(n):
        day = first_day + timedelta(days=min(days - 1, i // per_day))
        recent = (
            first_day + timedelta(days=days - 1) - day
        ).days < 8  # items take days: only recent ones open
        status = rng.choice(STATUSES) if recent else rng.choice(STATUSES[:92])
        done = status in ("delivered", "completed", "rejected")
        used = rng.randint(0, 5)
        due = day + timedelta(days=5)
        finished = day + timedelta(days=used + (2 if rng.random() < 0.04 else 0)) if done else None
        at = datetime(day.year, day.month, day.day, 2, tzinfo=UTC) + timedelta(seconds=i % 30_000)
        yield {
            "tracking_no": f"MS{day:%Y%m%d}-{i % per_day + 1:05d}", "catalogue_id": rng.choice(cats),
            "category": "certificate", "citizen_id": 1 + (i * step) % citizens, "applicant_name": "群众",
            "phone": f"13{(i * step) % citizens:09d}", "channel": rng.choice(("window", "window", "portal", "phone")),
            "external_ref": None, "status": status, "resume_status": None, "unit_id": rng.choice(units),
            "officer_id": rng.choice(officers) if rng.random() < 0.7 else None, "owner_id": None, "received_at": at,
            "received_on": day, "limit_days": 3, "paused_since": None, "paused_days": 0, "due_date": due,
            "due_provisional": False, "approved_by_id": None, "approved_at": None,
            "finished_at": at + timedelta(days=used) if done else None, "finished_on": finished,
            "working_days_used": used if status != "rejected" and done else None,
            "rating": rng.choice((None, None, 5, 5, 4, 3, 1)) if done else None, "materials_received": [],
            "materials_missing": [], "form_values": {}, "note": "", "outcome_note": "", "event_count": 3,
            "card_notified": "", "is_demo": True, "version": 1, "created_at": at, "updated_at": at, "updated_by": "bench",
        }  # fmt: skip


@contextmanager
def without_indexes(db: Database, table: str) -> Iterator[None]:
    """Bulk loads into SQLite go faster without the secondary indexes; they are built again afterwards."""
    if db.backend != "sqlite":
        yield
        return
    with db.engine.begin() as conn:
        ddl = [r[0] for r in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))]  # fmt: skip
        for statement in ddl:
            conn.exec_driver_sql("DROP INDEX " + statement.split()[2])
    try:
        yield
    finally:
        started = time.perf_counter()
        with db.engine.begin() as conn:
            for statement in ddl:
                conn.exec_driver_sql(statement)
        print(f"    {len(ddl)} indexes of {table} built in {time.perf_counter() - started:.1f} s")


def officers(db: Database, n: int, units: list[int]) -> list[int]:
    from app.models.accounts import User

    with db.session() as s:
        s.execute(insert(User.__table__), [
            {"username": f"bench_officer_{i}", "display_name": f"民警{i}", "password_hash": "x", "active": True,
             "must_change_password": False, "unit_id": units[i % len(units)], "version": 1,
             "created_at": datetime.now(UTC), "updated_at": datetime.now(UTC)} for i in range(n)
        ])  # fmt: skip
        return list(s.execute(select(User.id).where(User.username.like("bench_officer_%"))).scalars())


def setup_items(db: Database, items: int, days: int, label: str) -> tuple[date, date]:
    with db.session() as s:
        units = list(s.execute(select(Unit.id).where(Unit.kind == "department")).scalars())
        cats = list(s.execute(select(ServiceCatalogueItem.id)).scalars())
    people = max(1000, items // 3)
    load(db, Citizen, citizen_rows(people), people, f"{label} citizens")
    staff = officers(db, 120, units)
    end = date.today()
    first = end - timedelta(days=days - 1)
    rows = item_rows(items, people, first, days, units, cats, staff, random.Random(3))
    with without_indexes(db, "service_item"):
        load(db, ServiceItem, rows, items, f"{label} items")
    if db.backend == "sqlite":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    return first, end


# --- province scale in SQL (SQLite): ten million rows generated by the database itself ----------------------

VALID_CITIZENS = 2000  # citizens with real (checked) ID numbers, those the ID-number look-ups use


def setup_items_sql(db: Database, items: int, days: int) -> None:
    """Items and citizens generated by a recursive CTE inside SQLite (10M rows in minutes, not hours).

    The first ``VALID_CITIZENS`` citizens get real ID numbers (look-ups check them); the others a unique
    placeholder of the same length. Item phones are their citizen's phone, as in life.
    """
    people = max(VALID_CITIZENS * 2, items // 3)
    load(db, Citizen, citizen_rows(VALID_CITIZENS), VALID_CITIZENS, "look-up citizens (valid ID numbers)")
    with db.session() as s:
        units = sorted(s.execute(select(Unit.id).where(Unit.kind == "department")).scalars())
        cats = sorted(s.execute(select(ServiceCatalogueItem.id)).scalars())
    assert units == list(range(units[0], units[0] + len(units))) and cats == list(
        range(cats[0], cats[0] + len(cats))
    )
    first = date.today() - timedelta(days=days - 1)
    per_day = -(-items // days)
    started = time.perf_counter()
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA cache_size=-524288")
        cur.execute("BEGIN")
        cur.execute(
            "WITH RECURSIVE s(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM s WHERE i < ?) "
            "INSERT INTO citizen (id_number, name, name_pinyin, name_initials, gender, birth_date, phone, address, "
            "notes, is_demo, version, created_at, updated_at, updated_by) "
            "SELECT printf('Z%017d', i), '群众', 'qunzhong', 'qz', '男', '1980-01-01', printf('13%09d', i), '', '', 1, "
            "1, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'bench' FROM s",
            (VALID_CITIZENS, people - 1),
        )
        print(f"    look-up citizens: {people:,} in {time.perf_counter() - started:.0f} s", flush=True)
        cur.execute("COMMIT")
    finally:
        raw.close()
    with without_indexes(db, "service_item"):
        started = time.perf_counter()
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("BEGIN")
            cur.execute(
                "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?), "
                "d(i, day) AS (SELECT i, date(?, printf('+%d days', i / ?)) FROM s) "
                "INSERT INTO service_item (tracking_no, catalogue_id, category, citizen_id, applicant_name, phone, "
                "channel, status, unit_id, received_at, received_on, limit_days, paused_days, due_date, "
                "due_provisional, finished_on, finished_at, working_days_used, materials_received, materials_missing, "
                "form_values, note, outcome_note, event_count, card_notified, is_demo, version, created_at, "
                "updated_at, updated_by) "
                "SELECT printf('MS%s-%05d', replace(day, '-', ''), i % ? + 1), ? + i % ?, 'certificate', "
                "1 + (i * ?) % ?, '群众', printf('13%09d', (i * ?) % ?), "
                "CASE i % 4 WHEN 0 THEN 'portal' WHEN 1 THEN 'phone' ELSE 'window' END, "
                "CASE WHEN i % 50 = 0 THEN 'accepted' ELSE 'completed' END, ? + i % ?, day || ' 02:00:00.000000', "
                "day, 3, 0, date(day, '+5 days'), 0, CASE WHEN i % 50 = 0 THEN NULL ELSE date(day, '+2 days') END, "
                "CASE WHEN i % 50 = 0 THEN NULL ELSE date(day, '+2 days') || ' 08:00:00.000000' END, "
                "CASE WHEN i % 50 = 0 THEN NULL ELSE 2 END, '[]', '[]', '{}', '', '', 3, '', 1, 1, "
                "day || ' 02:00:00.000000', day || ' 02:00:00.000000', 'bench' FROM d",
                (
                    items - 1,
                    first.isoformat(),
                    per_day,
                    per_day,
                    cats[0],
                    len(cats),
                    spread_step(people),
                    people,
                    spread_step(people),
                    people,
                    units[0],
                    len(units),
                ),
            )
            cur.execute("COMMIT")
        finally:
            raw.close()
        print(f"    look-up items: {items:,} in {time.perf_counter() - started:.0f} s", flush=True)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


# --- 2. look-ups ------------------------------------------------------------------------------------------


def bench_lookups(url: str | None, items: int, repeats: int) -> None:
    db = fresh(url, "lookup")
    actor = clerk(db)
    if db.backend == "sqlite":
        setup_items_sql(db, items, 365)
    else:
        setup_items(db, items, 365, "look-up")
    with db.session() as s:  # items of citizens with real ID numbers, spread over the whole table
        sample = [
            s.execute(
                select(ServiceItem.tracking_no, ServiceItem.phone, ServiceItem.citizen_id)
                .where(ServiceItem.citizen_id == 1 + (k * 97) % VALID_CITIZENS)
                .limit(1)
            ).one()
            for k in range(repeats)
        ]
        numbers = {cid: n for cid, n in s.execute(select(Citizen.id, Citizen.id_number)
                   .where(Citizen.id.in_([r.citizen_id for r in sample])))}  # fmt: skip
    keys: dict[str, Callable[[Any], str]] = {
        "tracking number": lambda r: r.tracking_no,
        "ID number": lambda r: numbers[r.citizen_id],
        "phone": lambda r: r.phone,
    }
    with db.session() as s:
        people = s.execute(select(func.count()).select_from(Citizen)).scalar_one()
    print(f"  {items:,} items, {people:,} citizens:")
    for name, key in keys.items():
        times = []
        for r in sample:
            started = time.perf_counter()
            with db.session() as s:
                found = lookup.find(s, actor, key(r), channel="phone")
            times.append(time.perf_counter() - started)
            assert found.hits, (name, key(r))
        report(f"look-up by {name}", times)
    done(db)


# --- 3. dashboard -----------------------------------------------------------------------------------------


def bench_figures(url: str | None, items: int, repeats: int) -> None:
    db = fresh(url, "figures")
    actor = clerk(db)
    first, end = setup_items(db, items, 365, "city")
    started = time.perf_counter()
    with db.session() as s:
        rows = service_daily.rebuild(s)
    print(f"    daily figures rebuilt from the items: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    extra = []
    day = first
    while day <= end:  # a city's look-ups (~11 per item) and texts (~3.5 per item) of each day
        for channel in ("window", "phone"):
            extra.append({"day": day, "dim": "lookup", "key": channel, "lookups": items * 11 // 365 // 2})
        day += timedelta(days=1)
    with db.session() as s:
        s.execute(
            insert(ServiceDaily.__table__), [{**{m: 0 for m in service_daily.METRICS}, **r} for r in extra]
        )
        s.execute(
            text(
                "UPDATE service_daily SET texts = received * 7 / 2 WHERE dim IN ('unit', 'officer', 'channel')"
            )
        )
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        with db.read_session() as s:
            fig = service_figures.figures(s, actor, first, end)
        times.append(time.perf_counter() - started)
    t = fig.total
    print(
        f"  {t.received:,} received, {t.completed:,} completed, {t.lookups:,} look-ups, {t.texts_sent:,} texts"
    )
    report("dashboard figures, one year", times)
    done(db)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="a PostgreSQL URL (an empty database) instead of temporary SQLite files")
    p.add_argument("--intakes", type=int, default=30)
    p.add_argument("--lookup-items", type=int, default=1_000_000)
    p.add_argument("--city-items", type=int, default=200_000)
    p.add_argument("--repeats", type=int, default=30)
    p.add_argument("--only", choices=["intake", "lookup", "figures"])
    args = p.parse_args()
    if args.only in (None, "intake"):
        print("1. intake to receipt PDF")
        bench_intake(args.db, args.intakes)
    if args.only in (None, "lookup"):
        print("2. status look-up")
        bench_lookups(args.db, args.lookup_items, args.repeats)
    if args.only in (None, "figures"):
        print("3. dashboard at city scale")
        bench_figures(args.db, args.city_items, max(5, args.repeats // 3))


if __name__ == "__main__":
    main()
