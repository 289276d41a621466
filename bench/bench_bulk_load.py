"""Bulk load of citizens (demo data, Excel import) against raw ``sqlite3.executemany``: target at most 3x.

    .venv/bin/python bench/bench_bulk_load.py [N]      # N citizens, default 200,000

Both loads go into a freshly migrated SQLite database (same schema, same indexes, WAL, synchronous=FULL,
the same 64 MB page cache that the bulk load sets while it runs) in one transaction each, with the same
rows. The raw load gets its tuples prepared before the clock starts; the pinyin keys are computed once,
timed separately, and handed to both loads (a last run shows the load including the keys).
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.validators import make_id_number  # noqa: E402
from app.models.db import Database  # noqa: E402
from app.services import schema  # noqa: E402
from app.services.citizens import bulk_insert_citizens, with_search_keys  # noqa: E402
from app.services.entity_service import BULK_CACHE_KIB  # noqa: E402

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文红玉兰志明海燕小红春梅德福"
AREAS = ("610925", "610902", "610921", "610922", "610923", "610924", "610926", "610927")
COLUMNS = [
    "id_number",
    "name",
    "name_pinyin",
    "name_initials",
    "gender",
    "birth_date",
    "phone",
    "town_code",
    "village_code",
    "address",
    "notes",
    "is_demo",
    "version",
    "created_at",
    "updated_at",
    "updated_by",
]


def make_rows(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    start = date(1940, 1, 1)
    while len(rows) < n:
        birth = start + timedelta(days=rnd.randrange(365 * 65))
        number = make_id_number(rnd.choice(AREAS), birth, rnd.randrange(1000))
        if number in seen:
            continue
        seen.add(number)
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))
        phone = f"1{rnd.choice('3456789')}{rnd.randrange(10**9):09d}" if rnd.random() < 0.9 else None
        town = f"6109250{rnd.randrange(1, 6):02d}000"
        rows.append(
            {
                "id_number": number,
                "name": name,
                "phone": phone,
                "town_code": town,
                "village_code": None,
                "address": f"第{rnd.randrange(1, 30)}组{rnd.randrange(1, 200)}号",
                "notes": "",
                "is_demo": True,
            }
        )
    return rows


def fresh_db(folder: Path, name: str) -> Database:
    db = Database(f"sqlite:///{folder / name}")
    schema.upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO division(code, name, level) VALUES ('610925000000', '县', 'county')"
        )
        for i in range(1, 6):
            conn.exec_driver_sql(
                "INSERT INTO division(code, name, level, parent_code) VALUES (?, ?, 'town', '610925000000')",
                (f"6109250{i:02d}000", f"镇{i}"),
            )
    return db


def raw_tuples(rows: list[dict[str, Any]], now: datetime) -> list[tuple[Any, ...]]:
    stamp = now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    out = []
    for r in rows:
        out.append(
            (
                r["id_number"],
                r["name"],
                r["name_pinyin"],
                r["name_initials"],
                r["gender"],
                r["birth_date"].isoformat(),
                r["phone"],
                r["town_code"],
                r["village_code"],
                r["address"],
                r["notes"],
                1,
                1,
                stamp,
                stamp,
                None,
            )
        )
    return out


def raw_load(folder: Path, name: str, tuples: list[tuple[Any, ...]], cache_kib: int | None) -> float:
    fresh_db(folder, name).dispose()
    conn = sqlite3.connect(str(folder / name), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    if cache_kib:
        conn.execute(f"PRAGMA cache_size=-{cache_kib}")
    sql = f"INSERT INTO citizen ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(sql, tuples)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    folder = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    print(f"{n:,} citizens, SQLite {sqlite3.sqlite_version}, databases in {folder}")
    rows = make_rows(n)

    t0 = time.perf_counter()
    keyed = list(with_search_keys(rows))
    t_keys = time.perf_counter() - t0

    # Raw sqlite3: same schema, same pragmas as the application's connections, and the same 64 MB page
    # cache that bulk_insert sets while loading (the comparison is fair); the default cache is shown too.
    tuples = raw_tuples(keyed, datetime.now(UTC))
    t_raw = raw_load(folder, "raw.db", tuples, BULK_CACHE_KIB)
    t_raw_default = raw_load(folder, "raw-default-cache.db", tuples, None)

    # The application's bulk load: one Database.session() transaction, keys already computed.
    db = fresh_db(folder, "app.db")
    t0 = time.perf_counter()
    with db.session() as session:
        inserted = bulk_insert_citizens(session, keyed)
    t_app = time.perf_counter() - t0
    with db.session() as session:
        stored = session.execute(__import__("sqlalchemy").text("SELECT count(*) FROM citizen")).scalar_one()
    db.dispose()
    assert inserted == n == stored, (inserted, n, stored)

    # The same including the pinyin keys computed inside bulk_insert_citizens (what demo data pays).
    db2 = fresh_db(folder, "app2.db")
    t0 = time.perf_counter()
    with db2.session() as session:
        bulk_insert_citizens(session, rows)
    t_app_keys = time.perf_counter() - t0
    db2.dispose()

    print(f"pinyin keys (separately)         {t_keys:7.2f} s  {n / t_keys:10,.0f} rows/s")
    print(f"raw sqlite3.executemany          {t_raw:7.2f} s  {n / t_raw:10,.0f} rows/s   1.00x")
    print(
        f"  (raw with SQLite's default 2 MB cache {t_raw_default:6.2f} s  {n / t_raw_default:10,.0f} rows/s  "
        f"{t_raw_default / t_raw:5.2f}x)"
    )
    print(
        f"bulk_insert_citizens (keys given) {t_app:6.2f} s  {n / t_app:10,.0f} rows/s  {t_app / t_raw:5.2f}x"
    )
    print(
        f"bulk_insert_citizens (with keys)  {t_app_keys:6.2f} s  {n / t_app_keys:10,.0f} rows/s  "
        f"{t_app_keys / t_raw:5.2f}x"
    )
    verdict = "OK" if t_app / t_raw <= 3 else "OVER TARGET"
    print(f"ratio bulk load / raw = {t_app / t_raw:.2f}x (target <= 3x): {verdict}")


if __name__ == "__main__":
    main()
