"""指挥调度 at county scale and beyond: an order to every officer, and the live duty board.

    .venv/bin/python bench/bench_dispatch.py                       # 2,000 officers, SQLite
    .venv/bin/python bench/bench_dispatch.py --officers 20000      # a prefecture city
    .venv/bin/python bench/bench_dispatch.py --db postgresql+psycopg://postgres@127.0.0.1:54421/bench

Figures (medians of ``--repeat`` runs), each against its target from issue 6:

* send: ``orders.send`` to everyone, in one transaction, with one receipt (and one inbox notice) per officer,
  committed: target < 1 s for 2,000.
* board: one officer's status changes at another desk; from the change arriving to the board shown: the
  read of what moved (``duty_board.changes``: the status versions, then the moved rows; the whole board
  ``duty_board.board`` is timed apart), the model's in-place update, and the repaint of the visible rows of the
  real ``DutyBoardView`` offscreen: target < 200 ms for 2,000.

Officers are bulk-inserted with Core statements into a freshly migrated database (a temporary SQLite file
unless ``--db`` names an empty PostgreSQL database).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文斌波宇浩凯鹏飞翔鑫"


def build(url: str, officers: int, units: int) -> None:
    from sqlalchemy import insert, select

    from app.models.accounts import Role, User, user_role
    from app.models.db import Database
    from app.models.dispatch_duty import DUTY_STATUSES, DutyStatus
    from app.models.org import Unit
    from app.services import schema

    db = Database(url)
    schema.upgrade(db)
    rng = random.Random(6)
    now = datetime.now(UTC)
    with db.session() as s:
        s.execute(
            insert(Unit),
            [
                {
                    "code": f"U{i:03d}",
                    "name": f"第{i + 1}派出所",
                    "kind": "station",
                    "sort_order": i,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "is_demo": True,
                }
                for i in range(units)
            ],
        )
        unit_ids = list(s.execute(select(Unit.id)).scalars())
        roles = {code: ident for code, ident in s.execute(select(Role.code, Role.id))}
        rows = [
            {
                "username": f"officer{i:06d}",
                "display_name": rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)),
                "password_hash": "!",
                "badge_no": f"61{i:06d}",
                "unit_id": unit_ids[i % units],
                "active": True,
                "must_change_password": False,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for i in range(officers)
        ]
        rows.append({**rows[0], "username": "dispatcher", "display_name": "周调度", "badge_no": "610000"})
        s.execute(insert(User), rows)
        ids = {name: ident for name, ident in s.execute(select(User.username, User.id))}
        s.execute(
            insert(user_role),
            [
                {"user_id": uid, "role_id": roles["dispatcher" if name == "dispatcher" else "officer"]}
                for name, uid in ids.items()
            ],
        )
        s.execute(
            insert(DutyStatus),
            [
                {
                    "user_id": uid,
                    "status": rng.choice(DUTY_STATUSES[:4]),
                    "since": now - timedelta(minutes=rng.randint(1, 600)),
                    "note": "",
                    "set_by_name": "周调度",
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for name, uid in ids.items()
            ],
        )
    db.dispose()


def dispatcher(db):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.models.accounts import User
    from app.services.auth import actor_for

    with db.session() as s:
        return actor_for(s, s.execute(select(User).where(User.username == "dispatcher")).scalar_one())


def bench_send(db, actor, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    from app.services import orders
    from app.services.orders import OrderDraft

    times = []
    for n in range(repeat):
        draft = OrderDraft(
            title=f"全县统一清查行动 {n + 1}",
            body="各单位按方案落实。",
            everyone=True,
            priority=2,
            ack_deadline=datetime.now(UTC) + timedelta(hours=2),
        )
        start = time.perf_counter()
        with db.session() as s:
            sent = orders.send(s, actor, draft)
        times.append(time.perf_counter() - start)
        print(f"  send #{n + 1}: {sent.recipient_count} receipts in {times[-1] * 1000:.0f} ms")
    return times


def bench_board(db, actor, repeat: int):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.models.dispatch_duty import DUTY_ON_SCENE, DUTY_PATROL
    from app.services import duty_board
    from app.views.app_context import AppContext
    from app.views.common import run_op
    from app.views.dispatch.duty_board_view import DutyBoardView

    app = QApplication.instance() or QApplication([])
    run_op.configure(db)
    run_op.set_synchronous(True)
    view = DutyBoardView(AppContext(db, None, actor))  # type: ignore[arg-type]
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    rows = len(view.model.rows)
    reads, applies, totals, fulls, whole = [], [], [], [], []
    for n in range(repeat):
        who = view.model.rows[(n * 37) % rows].user_id
        current = view.model.rows[(n * 37) % rows].status
        with db.session() as s:  # another desk changes one officer's status
            duty_board.set_status(s, actor, [who], DUTY_PATROL if current != DUTY_PATROL else DUTY_ON_SCENE)
        start = time.perf_counter()
        with db.read_session() as s:  # what the view reads after a change to statuses only
            board = duty_board.changes(s, actor, view.model.shown_versions())
        read = time.perf_counter()
        view.show_changes(board)
        applied = time.perf_counter()
        app.processEvents()  # Qt paints what changed: the changed row and the count tiles
        done = time.perf_counter()
        view.table.viewport().repaint()  # the worst case: every visible row painted again
        full = time.perf_counter()
        reads.append(read - start)
        applies.append(applied - read)
        totals.append(done - start)
        fulls.append(full - done + applied - start)
        assert view.model.last_changed_rows == 1
        with db.read_session() as s:  # the whole board (other changes: leave, units, incidents)
            whole_start = time.perf_counter()
            duty_board.board(s, actor)
            whole.append(time.perf_counter() - whole_start)
        print(
            f"  board #{n + 1}: read {reads[-1] * 1000:.1f} ms, update {applies[-1] * 1000:.1f} ms, "
            f"shown after {totals[-1] * 1000:.1f} ms (with a full repaint {fulls[-1] * 1000:.1f} ms)"
        )
    view.close()
    return reads, applies, totals, fulls, whole, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--officers", type=int, default=2000)
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='jingwu-bench-dispatch-')) / 'dispatch.db'}"

    from app.models.db import Database

    print(f"building {args.officers:,} officers in {args.units} units ({url.split('@')[-1]}) ...")
    start = time.perf_counter()
    build(url, args.officers, args.units)
    print(f"  built in {time.perf_counter() - start:.1f} s")
    db = Database(url)
    actor = dispatcher(db)

    print("an order to every officer, one receipt each (target < 1 s for 2,000):")
    send = bench_send(db, actor, args.repeat)
    print("the duty board after one officer's status changed (target < 200 ms for 2,000):")
    reads, applies, totals, fulls, whole, rows = bench_board(db, actor, args.repeat)
    db.dispose()
    med = statistics.median
    print()
    print(f"backend            {db.backend}")
    print(f"officers           {args.officers:,} (+1 dispatcher); board rows {rows:,}")
    print(
        f"send to everyone   median {med(send) * 1000:7.0f} ms   (max {max(send) * 1000:.0f} ms)   target < 1000 ms"
    )
    print(f"board read         median {med(reads) * 1000:7.1f} ms   (the rows whose status moved)")
    print(f"whole board read   median {med(whole) * 1000:7.1f} ms   (after leave, unit or incident changes)")
    print(f"model update       median {med(applies) * 1000:7.1f} ms   (one row repainted in place)")
    print(
        f"board end to end   median {med(totals) * 1000:7.1f} ms   (max {max(totals) * 1000:.1f} ms)   target < 200 ms"
    )
    print(f"  with full repaint median {med(fulls) * 1000:7.1f} ms   (every visible row painted again)")


if __name__ == "__main__":
    main()
