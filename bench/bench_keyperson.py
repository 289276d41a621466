"""Key-person supervision at scale: the register's first page, a person by ID number, the full sweep, and the
charts' refresh after a change. Figures for issue 5's speed points.

    .venv/bin/python bench/bench_keyperson.py                          # city: 100,000 persons, 5,000,000 visits
    .venv/bin/python bench/bench_keyperson.py --persons 1000000 --in-place   # province: 1M persons, 50M visits
    .venv/bin/python bench/bench_keyperson.py --url postgresql+psycopg://...   # an empty PostgreSQL database

Persons, events and warnings are built with Core ``executemany`` in chunks; the 50 visits of every person and
the four keepers are generated inside the database (``INSERT ... SELECT`` over a recursive CTE on SQLite,
``generate_series`` on PostgreSQL), the visits' indexes created after the load. The SQLite file is kept in
the temp folder per scale, so later runs measure at once (``--folder`` puts it elsewhere; ``--in-place``
measures on it instead of a copy, ``--delete-after`` removes it: the province file is 15 GB). The data is shaped
like a county's: levels mostly blue, about 3% of visits overdue, 0.5% of persons out of contact for too long,
40 warnings per 1,000 persons over 90 days. The machine's load average is printed with the figures (other work
on a shared machine slows every figure down).
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
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # 09:00 in Langao
TODAY = date(2026, 11, 30)
CHUNK = 20_000
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


_VISIT_COLUMNS = (
    "person_id, kind, visited_at, place, findings, contact_made, visitor_name, officer_id, "
    "version, created_at, updated_at, updated_by"
)
# Visit i of person p: about every 20 days up to three weeks ago, jittered by a few days and hours; one in 17
# did not reach the person. Pure arithmetic on (p, i), so the database generates the rows itself.
_VISIT_DAY = "(k.i * 20 + ((p.id * 31 + k.i * 17) % 11) - 5)"
_VISIT_MINUTE = "((p.id * 7 + k.i * 13) % 600)"
_VISIT_SELECT = (
    "p.id, CASE (p.id + k.i) % 4 WHEN 0 THEN 'home' WHEN 1 THEN 'phone' WHEN 2 THEN 'video' ELSE 'report' END, "
    "{at}, '', '走访，本人在家，情绪稳定。', (p.id + k.i) % 17 <> 0, '民警', p.officer_id, 1, :stamp, :stamp, 'bench'"
)
_VISITS_SQL = {
    "sqlite": (
        "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < :n - 1) "
        f"INSERT INTO kp_visit ({_VISIT_COLUMNS}) SELECT "
        + _VISIT_SELECT.format(
            at=f"strftime('%Y-%m-%d %H:%M:%S', :base + {_VISIT_DAY} + {_VISIT_MINUTE} / 1440.0) || '.000000'"
        )
        + " FROM key_person p, k WHERE p.id BETWEEN :lo AND :hi"
    ),
    "postgresql": (
        f"INSERT INTO kp_visit ({_VISIT_COLUMNS}) SELECT "
        + _VISIT_SELECT.format(
            at=f"CAST(:base AS timestamptz) + {_VISIT_DAY} * interval '1 day' + {_VISIT_MINUTE} * interval '1 minute'"
        )
        + " FROM key_person p CROSS JOIN generate_series(0, :n - 1) AS k(i) WHERE p.id BETWEEN :lo AND :hi"
    ),
}
_KEEPERS_SQL = (
    "INSERT INTO kp_keeper (person_id, role_code, name, phone, user_id, relation, organisation, "
    "version, created_at, updated_at, updated_by) "
    "SELECT p.id, r.role, '管控人', '138' || CAST(10000000 + (p.id * 4 + r.k) % 90000000 AS TEXT), NULL, '', '', "
    "1, :stamp, :stamp, :by FROM key_person p, (SELECT 'police' AS role, 0 AS k UNION ALL SELECT 'cadre', 1 "
    "UNION ALL SELECT 'grid', 2 UNION ALL SELECT 'family', 3) r"
)


def _stamp_value(db: Any) -> Any:
    """NOW as each backend stores it (SQLite: naive UTC text, as UTCDateTime writes it)."""
    return NOW.strftime("%Y-%m-%d %H:%M:%S.%f") if db.backend == "sqlite" else NOW


def _fill_visits(db: Any, persons: int, visits_each: int, started: float) -> None:
    """``persons x visits_each`` visits generated inside the database (INSERT ... SELECT over a recursive CTE
    or generate_series), 20,000 persons a transaction: no Python row ever exists, so 50 million take minutes."""
    from sqlalchemy import text

    first = NOW - timedelta(days=visits_each * 20 + 21)
    base: Any = first
    if db.backend == "sqlite":
        base = first.timestamp() / 86400.0 + 2440587.5  # julian day of the first visit
    sql = text(_VISITS_SQL[db.backend])
    step = 20_000
    for lo in range(1, persons + 1, step):
        with db.engine.begin() as conn:
            conn.execute(
                sql,
                {"n": visits_each, "base": base, "lo": lo, "hi": lo + step - 1, "stamp": _stamp_value(db)},
            )
        done = min(lo + step - 1, persons) * visits_each
        if (lo // step) % 10 == 0 or lo + step > persons:
            total = persons * visits_each
            print(f"  visits: {done:,}/{total:,} ({time.perf_counter() - started:.0f} s)", flush=True)


def _fill_persons(db: Any, persons: int, towns: Any, station_ids: list[int], officers: list[int]) -> None:
    """The register generated inside the database (see bench_keyperson_sql), one statement per step."""
    import bench_keyperson_sql as g
    from sqlalchemy import text

    from app.models.keyperson_person import KeyPerson

    d = g.Dialect(db.backend, TODAY)
    places = g.place_rows(towns, station_ids, officers)
    stamp = {"stamp": _stamp_value(db)}
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TEMPORARY TABLE bench_place (idx INTEGER PRIMARY KEY, town_code VARCHAR(12), "
                "town_name VARCHAR(32), village_code VARCHAR(12), station_id INTEGER, officer_base INTEGER)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO bench_place VALUES (:idx, :town_code, :town_name, :village_code, :station_id, "
                ":officer_base)"
            ),
            places,
        )
        indexes = list(KeyPerson.__table__.indexes)  # built once after the load, not row by row
        for index in indexes:
            index.drop(conn)
        conn.execute(text(g.persons_sql(d, persons, len(places))), stamp)
        for index in indexes:
            index.create(conn)
        conn.execute(text(g.events_sql(d)), stamp)
        conn.execute(text("DROP TABLE bench_place"))


def build(url: str, persons: int, visits_each: int) -> None:
    from sqlalchemy import event, insert, text

    from app.models.accounts import User
    from app.models.db import Database
    from app.models.keyperson_warning import KpWarning
    from app.models.org import Unit
    from app.services import reference_data, schema
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
    _fill_persons(db, persons, towns, station_ids, officers)
    print(
        f"  persons, events, scores and schedules: {persons:,} ({time.perf_counter() - started:.0f} s)",
        flush=True,
    )
    with db.engine.begin() as conn:
        for name in VISIT_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
    _fill_visits(db, persons, visits_each, started)
    with db.engine.begin() as conn:
        conn.execute(
            text("CREATE INDEX ix_kp_visit_person_id_visited_at ON kp_visit (person_id, visited_at)")
        )
        conn.execute(text("CREATE INDEX ix_kp_visit_visited_at ON kp_visit (visited_at)"))
    print(f"  visits indexed ({time.perf_counter() - started:.0f} s)", flush=True)
    with db.engine.begin() as conn:
        conn.execute(text(_KEEPERS_SQL), {"stamp": _stamp_value(db), "by": "bench"})
    print(f"  keepers: {persons * 4:,} ({time.perf_counter() - started:.0f} s)", flush=True)
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
                "town_code": rng.choice(towns)["code"],
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
        for chunk in _chunks(warnings()):
            conn.execute(insert(KpWarning.__table__), chunk)
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

    start, cpu = time.perf_counter(), time.process_time()
    counts = run_sweep(db, NOW + timedelta(days=1))  # the next morning's run
    figures["sweep"] = time.perf_counter() - start
    figures["sweep_cpu"] = time.process_time() - cpu
    print(
        f"full sweep: {figures['sweep']:.1f} s wall, {figures['sweep_cpu']:.1f} s CPU of this process "
        f"(target < 60 s; on SQLite all the work is in-process, so CPU is what an idle machine would take; "
        f"load {_load()}): " + ", ".join(f"{k}={v}" for k, v in counts.items())
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
    parser.add_argument(
        "--folder", type=Path, help="where the SQLite files live (default: temp/jingwu-bench)"
    )
    parser.add_argument(
        "--in-place", action="store_true", help="measure on the built SQLite file itself (no copy)"
    )
    parser.add_argument("--delete-after", action="store_true", help="delete the SQLite file afterwards")
    parser.add_argument("--build-only", action="store_true", help="build the SQLite file, measure later")
    args = parser.parse_args()
    url = args.url
    print(f"load average before: {_load()}", flush=True)
    if url is None:
        folder = args.folder or Path(tempfile.gettempdir()) / "jingwu-bench"
        folder.mkdir(parents=True, exist_ok=True)
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
        if args.build_only:
            return
        work = path if args.in_place else path.with_name(path.stem + "_work.db")
        if not args.in_place:  # the sweep changes data: measure on a fresh copy
            for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
                p.unlink(missing_ok=True)
            shutil.copyfile(path, work)
        url = f"sqlite:///{work}"
    else:
        build(url, args.persons, args.visits)
    print(f"scale: {args.persons:,} persons, {args.persons * args.visits:,} visits ({url.split('://')[0]})")
    from app.models.db import Database
    from app.services import schema

    upgraded = Database(url)  # a file built by an older revision gets the newer indexes first
    schema.upgrade(upgraded)
    upgraded.dispose()
    print(f"load average at the start of the measurements: {_load()}", flush=True)
    measure(url, args.persons)
    print(f"load average after: {_load()}", flush=True)
    if url.startswith("sqlite") and args.delete_after:
        for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            p.unlink(missing_ok=True)


def _load() -> str:
    """The 1, 5 and 15 minute load averages (as ``uptime`` prints them) and the cores they share."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
