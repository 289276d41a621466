"""A small run of bench/bench_load.py in the suite: 4 workstations (separate processes) for a few seconds on
the backend under test. No lost update (citizen versions rise once per saved edit; the racing edits that lose
get the app's conflict error), no unexpected exception (a deadlock is retried or becomes a message), the audit
chain verifies and every order's receipts are whole. The figures themselves are the benchmark's business.
"""

from __future__ import annotations

import sys
from pathlib import Path

import fault_world

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import bench_load  # noqa: E402


def test_four_workstations_at_once_lose_no_update_and_show_no_traceback(db_url: str, tmp_path: Path) -> None:
    figures = bench_load.run(db_url, 4, 4.0, tmp_path, ctx=fault_world.forkserver())
    assert figures["unexpected"] == [], figures["unexpected"][0]
    assert figures["problems"] == []
    done = {name for name, _t, outcome in figures["records"] if outcome in ("ok", "conflict")}
    for desk in ({"intake", "citizen_edit"}, {"kp_visit", "kp_event"}, {"order_send"}):
        assert desk & done, f"no {desk} completed: {done}"
    outcomes = {outcome for _n, _t, outcome in figures["records"]}
    assert outcomes <= {"ok", "conflict"} | {o for o in outcomes if o.startswith("refused:")}
