"""Scheduled sweeps: one transaction each, one runner at a time across workstations, a record of every run,
the built-in sweeps, and the command line."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from conftest import backend
from sqlalchemy import create_engine, insert, select, text, update

from app.core.errors import PermissionDenied
from app.models.base import utcnow
from app.models.db import Database
from app.models.messaging import SweepLock, SweepRun
from app.models.settings import BusinessSetting
from app.services import sms, sweeps


def _write(session, now):  # type: ignore[no-untyped-def]
    session.add(BusinessSetting(key="sweep.a", value="1"))
    return {"written": 1}


def _boom(session, now):  # type: ignore[no-untyped-def]
    session.add(BusinessSetting(key="sweep.boom", value="1"))
    session.flush()
    raise RuntimeError("出错了")


def _count(session, now):  # type: ignore[no-untyped-def]
    return {"n": 2}


@pytest.fixture
def registry() -> sweeps.Registry:
    reg = sweeps.Registry()
    reg.register("a", _write, title="写入")
    reg.register("boom", _boom)
    reg.register("c", _count)
    return reg


def test_each_sweep_has_its_own_transaction_and_a_failure_stops_no_other(db, registry):
    report = sweeps.run(db, registry=registry, workstation="ws-1")
    assert report.ran and not report.ok
    assert [(r.name, r.outcome) for r in report.results] == [("a", "ok"), ("boom", "failed"), ("c", "ok")]
    assert report.results[0].counts == {"written": 1} and "出错了" in report.results[1].error
    with db.session() as s:
        keys = set(s.execute(select(BusinessSetting.key)).scalars())
        runs = sweeps.history(s)
    assert "sweep.a" in keys and "sweep.boom" not in keys  # the failed sweep's writes were rolled back
    assert [(r.name, r.outcome, dict(r.counts)) for r in reversed(runs)] == [
        ("a", "ok", {"written": 1}),
        ("boom", "failed", {}),
        ("c", "ok", {"n": 2}),
    ]
    assert all(r.workstation == "ws-1" and r.finished_at is not None for r in runs)


def test_only_the_named_sweeps_run_and_an_unknown_name_is_refused(db, registry):
    assert [r.name for r in sweeps.run(db, ["c"], registry=registry).results] == ["c"]
    with pytest.raises(Exception) as err:
        sweeps.run(db, ["nope"], registry=registry)
    assert "nope" in str(err.value) and "boom" in str(err.value)


def test_running_by_hand_needs_the_permission(db, registry, admin, clerk):
    with pytest.raises(PermissionDenied):
        sweeps.run(db, ["c"], registry=registry, actor=clerk)
    assert sweeps.run(db, ["c"], registry=registry, actor=admin).ran


def test_a_second_runner_skips_while_the_first_holds_the_lock(db, db_url):
    started, release = threading.Event(), threading.Event()

    def slow(session, now):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(20)
        return {"done": 1}

    reg = sweeps.Registry()
    reg.register("slow", slow)
    other = Database(db_url)
    first: list[sweeps.RunReport] = []
    runner = threading.Thread(target=lambda: first.append(sweeps.run(db, registry=reg, workstation="ws-a")))
    runner.start()
    try:
        assert started.wait(10)
        t0 = time.perf_counter()
        second = sweeps.run(other, registry=reg, workstation="ws-b")
        assert time.perf_counter() - t0 < 3  # skipped at once, not after waiting
        assert not second.ran and second.holder == "ws-a" and second.results[0].outcome == "skipped"
    finally:
        release.set()
        runner.join(20)
    assert first[0].ran and first[0].results[0].counts == {"done": 1}
    assert sweeps.run(other, registry=reg, workstation="ws-b").ran  # free again once the first is done
    other.dispose()
    with db.session() as s:
        assert [r.workstation for r in sweeps.history(s)] == ["ws-b", "ws-a"]


def test_a_crashed_runner_blocks_nobody_for_long(db, db_url, registry):
    with db.session() as s:  # what a runner that died mid-run leaves behind
        s.execute(
            insert(SweepLock.__table__).values(
                name=sweeps.LOCK_NAME,
                holder="crashed-ws",
                token="t",
                acquired_at=utcnow(),
                expires_at=utcnow() + timedelta(minutes=5),
            )
        )
    if backend() == "postgresql":
        # The lock is the advisory lock of the runner's connection: held while it lives ...
        engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
        conn = engine.connect()
        assert conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": sweeps.SWEEP_LOCK_KEY}).scalar()
        skipped = sweeps.run(db, ["c"], registry=registry)
        assert not skipped.ran and skipped.holder == "crashed-ws"
        conn.close()  # ... and gone the moment its connection dies; the stale row does not matter
        engine.dispose()
    else:
        # The lock is the lease row: held until it expires ...
        assert not sweeps.run(db, ["c"], registry=registry).ran
        with db.session() as s:
            s.execute(update(SweepLock.__table__).values(expires_at=utcnow() - timedelta(seconds=1)))
    report = sweeps.run(db, ["c"], registry=registry, workstation="ws-new")
    assert report.ran and report.results[0].outcome == "ok"
    with db.session() as s:
        lock = s.get(SweepLock, sweeps.LOCK_NAME)
        assert lock is not None and lock.holder == "ws-new" and lock.expires_at is None  # released


def test_sms_sender_and_pruning_are_registered_sweeps(db):
    names = [s.name for s in sweeps.discover()]
    assert {"sms_send", "change_log_prune", "sweep_history_prune"} <= set(names)
    with db.session() as s:
        sms.queue(
            s,
            phone="13812345678",
            text="您的证明已办好，请到窗口领取。",
            dedupe_key="cert:1:ready",
            user_triggered=True,
        )
    report = sweeps.run(db, ["sms_send", "change_log_prune"])
    assert [r.outcome for r in report.results] == ["ok", "ok"]
    assert report.results[0].counts["sent"] == 1
    assert sweeps.run(db, ["sms_send"]).results[0].counts["sent"] == 0  # idempotent


def test_old_sweep_history_is_pruned(db):
    with db.session() as s:
        s.execute(
            insert(SweepRun.__table__),
            [
                {
                    "name": "x",
                    "started_at": utcnow() - timedelta(days=d),
                    "outcome": "ok",
                    "counts": {},
                    "error": "",
                    "workstation": "w",
                }
                for d in (40, 31, 2)
            ],
        )
    report = sweeps.run(db, ["sweep_history_prune"])
    assert report.results[0].counts == {"deleted": 2}


# --- command line -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("words", [["sweep"], ["sms"], ["sms", "send"]], ids=" ".join)
def test_sweep_commands_have_help(words):
    from app.cli import main

    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0


def test_sweep_list_and_run_from_the_command_line(db, db_url, capsys):
    from app.cli import main

    assert main(["--db", db_url, "sweep", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "sms_send" in listed and "change_log_prune" in listed
    with db.session() as s:
        sms.queue(
            s, phone="13812345678", text="您的证明已办好。", dedupe_key="cert:2:ready", user_triggered=True
        )
    assert main(["--db", db_url, "sweep"]) == 0
    out = capsys.readouterr().out
    assert "[完成] sms_send" in out and "sent=1" in out and "change_log_prune" in out
    assert main(["--db", db_url, "sms", "send"]) == 0
    assert "sent=0" in capsys.readouterr().out
    assert main(["--db", db_url, "sweep", "--name", "no_such_sweep"]) == 1
    assert "no_such_sweep" in capsys.readouterr().err
