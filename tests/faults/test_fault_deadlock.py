"""Two workstations lock the same rows in opposite order: PostgreSQL breaks the deadlock by rolling one back, and
the background operation of the one rolled back runs again by itself (run_op), so the user sees it saved.
When it cannot (it keeps being chosen), the user reads a message in Chinese, not a traceback.
"""

from __future__ import annotations

import threading
import time

import pytest
from conftest import backend
from sqlalchemy import update

from app.models.db import BUSY, Database, failure_kind, user_error
from app.models.org import Unit
from app.views.common import run_op

pytestmark = pytest.mark.skipif(backend() != "postgresql", reason="SQLite writers never deadlock (BEGIN IMMEDIATE)")


def _units(db: Database) -> tuple[int, int]:
    with db.session() as s:
        units = [Unit(code=f"U{i}", name=f"单位{i}", kind="station", updated_by="t") for i in range(2)]
        s.add_all(units)
        s.flush()
        return units[0].id, units[1].id


def _other_desk(db: Database, first: int, then: int, locked: threading.Event) -> None:
    with db.session() as s:
        s.execute(update(Unit).where(Unit.id == first).values(phone="2"))
        locked.set()
        time.sleep(0.3)  # the op is already waiting for ``first``: it waits longer, so it is the one rolled back
        s.execute(update(Unit).where(Unit.id == then).values(phone="2"))


def test_the_transaction_rolled_back_for_a_deadlock_runs_again(qtbot, db: Database, sync_ops: Database) -> None:
    a, b = _units(db)
    attempts: list[int] = []
    results: list[int] = []
    others: list[threading.Thread] = []

    def op(session) -> int:  # type: ignore[no-untyped-def]
        attempts.append(1)
        session.execute(update(Unit).where(Unit.id == a).values(phone="1"))
        if len(attempts) == 1:
            locked = threading.Event()
            others.append(threading.Thread(target=_other_desk, args=(db, b, a, locked)))
            others[0].start()
            locked.wait(10)
        session.execute(update(Unit).where(Unit.id == b).values(phone="1"))
        return len(attempts)

    run_op.run_op(None, op).success(results.append).start()
    others[0].join(30)
    assert results == [2], "the deadlocked transaction was not run again"
    with db.read_session() as s:
        phones = {u.id: u.phone for u in s.query(Unit).filter(Unit.id.in_((a, b)))}
    assert phones == {a: "1", b: "1"}  # the retried op committed last, whole


def test_a_deadlock_is_told_in_chinese(db: Database) -> None:
    a, b = _units(db)
    locked = threading.Event()
    other = threading.Thread(target=_other_desk, args=(db, b, a, locked))
    caught: list[BaseException] = []
    try:
        with db.session() as s:
            s.execute(update(Unit).where(Unit.id == a).values(phone="1"))
            other.start()
            locked.wait(10)
            s.execute(update(Unit).where(Unit.id == b).values(phone="1"))
    except Exception as exc:  # noqa: BLE001 - the real error the server sent
        caught.append(exc)
    other.join(30)
    assert caught and failure_kind(caught[0]) == BUSY
    shown = user_error(caught[0])
    assert shown is not None and "数据库正忙" in shown.message()
