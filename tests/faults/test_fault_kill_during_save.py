"""A workstation killed with SIGKILL in the middle of a save: what was committed stays, the save under way is
absent, and the database is consistent (integrity, foreign keys, audit chain, every order and intake whole).

A real process saves through the real services (an order to 120 officers, an intake of a new citizen) as fast
as it can and is killed at a random moment, many times over, on the backend under test. The processes are
forked from a preloaded server (multiprocessing's forkserver), so a kill costs a fork, not an interpreter start.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import fault_world
from fault_world import Saver, inspect, saves_expected
from sqlalchemy import func, select

from app.models.audit import AuditRecord
from app.models.db import Database

KILLS = 10
OFFICERS = 120


def _lines(path: Path) -> list[tuple[str, int, str]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        word, i, key = line.split(" ", 2)
        out.append((word, int(i), key))
    return out


def _wait_for_first_commit(path: Path, proc, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(word == "done" for word, _i, _k in _lines(path)):
            return
        assert proc.is_alive(), f"the writer died on its own (exit code {proc.exitcode})"
        time.sleep(0.02)
    raise AssertionError("the writer committed nothing within a minute")


def test_sigkill_in_the_middle_of_saves_leaves_committed_data_whole_and_the_rest_absent(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    fault_world.build(db, OFFICERS)
    with db.session() as s:
        baseline_audit = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
    db.dispose()
    ctx = fault_world.forkserver()
    rng = random.Random(20261129)
    committed: set[str] = set()
    cut_mid_save = 0
    in_flight: set[str] = set()  # the save each kill interrupted
    for run in range(KILLS):
        log = tmp_path / f"run{run}.log"
        proc = ctx.Process(target=fault_world.write_forever, args=(db_url, str(log), run), daemon=True)
        proc.start()
        try:
            _wait_for_first_commit(log, proc)
            time.sleep(rng.uniform(0.0, 0.6))
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.join(30)
        assert proc.exitcode == -signal.SIGKILL
        lines = _lines(log)
        committed |= {key for word, _i, key in lines if word == "done"}
        word, _i, key = lines[-1]
        if word == "begin":
            cut_mid_save += 1
            in_flight.add(key)

        state = inspect(db)  # a fresh connection after every kill, as the next workstation would open
        assert state.problems == [], f"after kill {run}: {state.problems}"
        present = state.orders | state.citizens
        assert committed <= present, f"committed saves lost after kill {run}: {sorted(committed - present)}"
        # the save under way is either absent or (killed between COMMIT and the log line) complete: never partial
        unreported = present - committed
        assert unreported <= in_flight, f"saves nobody committed are present: {unreported}"
        assert state.audit_records == baseline_audit + saves_expected(state), "audit records without a save"
        db.dispose()

    assert cut_mid_save >= KILLS // 2, f"only {cut_mid_save} of {KILLS} kills landed inside a save"
    # the database takes new work after all that, and the chain goes on
    Saver(db, KILLS + 1).save(0)
    state = inspect(db)
    assert state.problems == [] and f"{fault_world.ORDER_PREFIX}{KILLS + 1}-0" in state.orders
