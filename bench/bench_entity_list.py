"""How fast is the declarative citizen list over a million rows? The real model and QTableView, offscreen.

    .venv/bin/python bench/bench_entity_list.py              # 1,000,000 rows
    .venv/bin/python bench/bench_entity_list.py --rows 100000

The database is built once per row count (raw ``sqlite3.executemany`` into the migrated schema, indexes
created after the load) in a child process, so its memory does not count against the list's peak RSS,
and kept in the temp folder for later runs. Every figure is wall time from the user's action until the
viewport has been repainted with real rows (no "…" placeholder left), reads running in the background as
in the application. Targets from issue 3 are printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文斌波宇浩凯鹏飞翔鑫"


def db_path(rows: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "jingwu-bench"
    folder.mkdir(exist_ok=True)
    return folder / f"citizens_{rows}.db"


# --- building the database (child process) ------------------------------------------------------------------


def build(path: Path, rows: int) -> None:
    from app.core.pinyin import search_keys
    from app.core.validators import make_id_number
    from app.models.db import Database
    from app.services import reference_data, schema

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = Database(f"sqlite:///{tmp}")
    schema.upgrade(db)
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
    db.dispose()

    towns = reference_data.division_reference()["towns"]
    places = [(t["code"], v["code"], t["name"]) for t in towns for v in t["villages"]]
    rng = random.Random(20260401)
    started = time.perf_counter()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='citizen' AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        con.execute(f'DROP INDEX "{name}"')
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    first_day = date(1930, 1, 1)
    days = 29000
    sql = (
        "INSERT INTO citizen (id_number, name, name_pinyin, name_initials, gender, birth_date, phone, town_code,"
        " village_code, address, notes, is_demo, version, created_at, updated_at, updated_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    chunk: list[tuple] = []
    for i in range(rows):
        birth = first_day + timedelta(days=i % days)
        male = rng.random() < 0.51
        seq = (i // days) * 2 + (1 if male else 0)
        town, village, town_name = places[rng.randrange(len(places))]
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        full, initials = search_keys(name)
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" if rng.random() < 0.93 else None
        chunk.append(
            (
                make_id_number("610925", birth, seq % 1000),
                name,
                full,
                initials,
                "男" if male else "女",
                birth.isoformat(),
                phone,
                town,
                village,
                f"岚皋县{town_name}{rng.randint(1, 12)}组{rng.randint(1, 160)}号",
                "",
                1,
                1,
                now,
                now,
                "system",
            )
        )
        if len(chunk) == 50000:
            con.executemany(sql, chunk)
            chunk = []
            print(f"  {i + 1:,} rows", file=sys.stderr, end="\r")
    if chunk:
        con.executemany(sql, chunk)
    for _name, index_sql in indexes:
        con.execute(index_sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)
    print(f"built {rows:,} rows in {time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)


def ensure_database(rows: int, rebuild: bool) -> Path:
    path = db_path(rows)
    if rebuild:
        path.unlink(missing_ok=True)
    if not path.exists():
        subprocess.run(
            [sys.executable, __file__, "--build-only", "--rows", str(rows)], check=True, cwd=str(ROOT)
        )
    return path


# --- measuring ------------------------------------------------------------------------------------------------


Result = tuple[str, float | None, float, float | None, str]  # label, target, wall, CPU, note


def measure(path: Path, rows: int, repeats: int) -> list[Result]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    from app.models.db import Database
    from app.services.citizens import CITIZEN_SPEC
    from app.services.context import SYSTEM
    from app.services.entity_spec import Query
    from app.views.common import entity_table_model as etm
    from app.views.common import run_op
    from app.views.common.entity_table_model import EntityTableModel

    db = Database(f"sqlite:///{path}")
    run_op.configure(db)
    results: list[Result] = []

    def pump_until(done, timeout: float = 30.0) -> None:  # noqa: ANN001
        """Process events until ``done()``, idle in between as the application is: never a busy spin,
        which would hold the GIL and starve the reading thread."""
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                state = {
                    k: getattr(model, k, None) for k in ("_reload_in_flight", "_page_in_flight", "_queue")
                }
                raise TimeoutError(f"the list did not settle: {state}, query {model.query()}")
            wake.start()  # WaitForMoreEvents sleeps in poll(); this timer bounds the sleep
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    wake = QTimer()
    wake.setSingleShot(True)
    wake.setInterval(2)
    model = None
    view = QTableView()
    view.resize(1280, 800)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(view.verticalHeader().ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.show()
    app.processEvents()

    def visible_rows() -> range:
        top = view.rowAt(0)
        bottom = view.rowAt(view.viewport().height() - 1)
        if bottom < 0:
            bottom = model.rowCount() - 1
        return range(max(top, 0), bottom + 1)

    def settled() -> bool:
        rows_ = visible_rows()
        return bool(rows_) and all(model.row_at(r) is not None for r in (rows_[0], rows_[-1]))

    def paint_settled() -> None:
        """Paint; if that paint still showed placeholders, wait for the rows and paint again."""
        view.viewport().repaint()  # asks data() for what is visible: reads (or requests) the missing pages
        if settled():
            return  # the rows arrived within the paint: what the user sees is final
        pump_until(settled)
        view.viewport().repaint()

    def idle() -> None:
        """Let background bookkeeping finish between measurements (not timed)."""
        pump_until(lambda: not model.is_loading())

    def timed(action) -> tuple[float, float]:  # noqa: ANN001
        """(wall ms, CPU ms of the whole process) of ``action()``: CPU time shows what the work costs
        when other programs compete for the machine's cores."""
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    def record(label: str, target: float | None, samples: list[tuple[float, float]], note: str = "") -> None:
        walls, cpus = [w for w, _ in samples], [c for _, c in samples]
        if len(samples) > 1:
            note = f"median of {len(samples)}, max {max(walls):.0f} ms" + (f"; {note}" if note else "")
        results.append((label, target, statistics.median(walls), statistics.median(cpus), note))

    def open_list() -> None:
        """A new model on the view (the screen opened), until its first rows are painted."""
        nonlocal model
        model = EntityTableModel(CITIZEN_SPEC, SYSTEM, db)
        view.setModel(model)
        pump_until(lambda: model.rowCount() > 0)
        paint_settled()

    # first page painted, in a fresh process: Qt's fonts, the database file and SQLAlchemy all cold
    cold = timed(open_list)
    record("first page painted (cold process)", None, [cold], f"{model.rowCount():,} rows")
    anchors = timed(lambda: pump_until(model.anchors_available, timeout=120))
    record(
        "anchors ready (background)", None, [(anchors[0] + cold[0], anchors[1] + cold[1])], "keys_at step 200"
    )
    # ... and as a user meets it: the list screen opened in the running application
    warm = []
    for _ in range(repeats):
        old = model
        warm.append(timed(open_list))
        pump_until(model.anchors_available, timeout=120)
        old.deleteLater()
    record("first page painted (screen opened)", 100, warm)
    floor = [timed(view.viewport().repaint) for _ in range(repeats * 2)]
    record("  (Qt alone: repaint of cached rows)", None, floor, "the floor of every figure")

    def jump(row: int) -> tuple[float, float]:
        idle()

        def go() -> None:
            view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            paint_settled()

        return timed(go)

    target = rows // 2
    record(f"jump to row {target:,} + repaint", 33, [jump(target)], "keyset page after an anchor")
    assert model.row_at(target) is not None
    rng = random.Random(7)
    record("jump to random rows", 33, [jump(rng.randrange(rows)) for _ in range(repeats * 4)])

    ends = []
    for _ in range(repeats):
        view.scrollToTop()
        paint_settled()
        model._cache.clear()  # noqa: SLF001 - the last page must be read, as after a fresh query
        view.setFocus()
        view.setCurrentIndex(model.index(0, 0))
        paint_settled()
        idle()

        def ctrl_end() -> None:
            QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            paint_settled()

        ends.append(timed(ctrl_end))
    record("Ctrl+End + repaint", 100, ends, f"row {view.currentIndex().row():,}")

    def run_query(label: str, query: Query, target_ms: float | None) -> None:
        samples = []
        for _ in range(repeats):
            model.set_query(Query())
            pump_until(lambda: not model.is_loading() and model.anchors_available())  # a settled list

            def apply() -> None:
                model.set_query(query)
                pump_until(lambda: not model.is_loading() and model.query().text == query.text)
                paint_settled()

            samples.append(timed(apply))
        record(label, target_ms, samples, f"{model.rowCount():,} rows")

    # the search box answers Chinese names by prefix and latin letters by pinyin / initials
    run_query("filter: name “张伟”", Query(text="张伟"), 300)
    run_query("filter: name “王”", Query(text="王"), 300)
    run_query("filter: pinyin initials “zw”", Query(text="zw"), 300)
    run_query("filter: full pinyin “wangfang”", Query(text="wangfang"), 300)
    run_query("filter: gender 女 (no index)", Query(filters={"gender": "女"}), None)
    model.set_query(Query())
    pump_until(lambda: not model.is_loading())

    def run_sort(label: str, column: str, order: Qt.SortOrder) -> None:
        idle()

        def apply() -> None:
            model.sort(model.Column[column], order)
            pump_until(lambda: not model.is_loading())
            paint_settled()

        record(label, 1000, [timed(apply)], f"first: {model.index(0, 1).data()}")

    run_sort("sort by 姓名 ascending", "name", Qt.SortOrder.AscendingOrder)
    run_sort("sort by 出生日期 descending", "birth_date", Qt.SortOrder.DescendingOrder)
    run_sort("sort by 身份证号 ascending", "id_number", Qt.SortOrder.AscendingOrder)
    pump_until(model.anchors_available, timeout=120)
    record(
        "jump to random rows (sorted by 身份证号)",
        33,
        [jump(rng.randrange(rows)) for _ in range(repeats * 2)],
    )

    for _ in range(200):  # scroll all over the list: the cache must not grow with it
        view.scrollTo(model.index(rng.randrange(rows), 0), QAbstractItemView.ScrollHint.PositionAtTop)
        paint_settled()
        idle()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.append(
        (
            "peak RSS (whole process)",
            400,
            peak,
            None,
            f"{model.cached_page_count()} pages cached after 200 jumps",
        )
    )
    view.close()
    etm.wait_for_workers()
    db.dispose()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="number of citizens (default 1,000,000)")
    parser.add_argument("--repeats", type=int, default=5, help="samples per filter figure (median)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_only:
        build(db_path(args.rows), args.rows)
        return 0
    path = ensure_database(args.rows, args.rebuild)
    results = measure(path, args.rows, args.repeats)
    print(
        f"\nDeclarative citizen list, {args.rows:,} rows, SQLite, PySide6 offscreen ({path.stat().st_size / 2**20:.0f} MB db)\n"
    )
    print(f"{'what':<42}{'wall':>10}{'CPU':>9}{'target':>11}  ok   note")
    failed = 0
    for label, target, value, cpu, note in results:
        unit = "MB" if label.startswith("peak") else "ms"
        ok = "" if target is None else ("yes" if value < target else "NO")
        failed += ok == "NO"
        shown_target = "" if target is None else f"< {target:g} {unit}"
        shown_cpu = "" if cpu is None else f"{cpu:.0f} ms"
        print(f"{label:<42}{value:>7.1f} {unit}{shown_cpu:>9}{shown_target:>11}  {ok:<4} {note}")
    load = os.getloadavg()
    print(
        f"\nload average during the run: {load[0]:.1f} on {os.cpu_count()} cores (others' work inflates wall time)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
