"""The change listener: what one workstation commits, another learns, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import func, insert, select, text, update

from app.models import db as db_module
from app.models.base import utcnow
from app.models.change_log import ChangeLog
from app.models.citizen import Citizen
from app.models.db import NOTIFY_CHANNEL, Database
from app.services.change_feed import APPLICATION_NAME, ChangeBatch, ChangeListener, prune

OTHER_CLIENT = "other-desk-0001"
_seq = iter(range(1, 10_000))


def add_citizen(db: Database, name: str = "张三") -> int:
    with db.session() as s:
        citizen = Citizen(
            id_number=f"1101011990{next(_seq):08d}", name=name, gender="男", birth_date=date(1990, 1, 1)
        )
        s.add(citizen)
        s.flush()
        return citizen.id


def poll_until(listener: ChangeListener, seconds: float = 2.0) -> tuple[ChangeBatch | None, float]:
    """Poll as the GUI worker does (but faster) and return the first batch and how long it took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        batch = listener.poll()
        if batch is not None:
            return batch, time.monotonic() - start
        time.sleep(0.02)
    return None, seconds


def assert_quiet(listener: ChangeListener, seconds: float = 0.5) -> None:
    batch, _ = poll_until(listener, seconds)
    assert batch is None


def log_row(conn, **values: object) -> None:  # type: ignore[no-untyped-def]
    """Write a change_log row with Core (as another client would), notifying on PostgreSQL."""
    conn.execute(insert(ChangeLog).values(workstation="desk-2", client_id=OTHER_CLIENT, **values))
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": NOTIFY_CHANNEL, "p": values["tables"]})


@pytest.fixture
def writer(db_url: str) -> Iterator[Database]:
    """A second workstation on the same database."""
    other = Database(db_url)
    yield other
    other.dispose()


@pytest.fixture
def listener(db: Database) -> Iterator[ChangeListener]:
    lis = ChangeListener(db)
    yield lis
    lis.close()


@pytest.fixture
def as_other_client(monkeypatch: pytest.MonkeyPatch, listener: ChangeListener) -> None:
    """From now on this process's commits are stamped as another workstation's (the listener kept its id)."""
    monkeypatch.setattr(db_module, "CLIENT_ID", OTHER_CLIENT)


def test_commit_at_another_workstation_is_reported_with_tables_and_ids(
    listener: ChangeListener, writer: Database, as_other_client: None
) -> None:
    assert listener.connected
    citizen_id = add_citizen(writer)

    batch, elapsed = poll_until(listener)

    assert batch is not None, "no change reported within 2 s"
    assert batch.tables == frozenset({"citizen"})
    assert f"citizen:{citizen_id}" in batch.entity_ids
    assert batch.from_other_clients
    with writer.read_session() as s:
        assert batch.last_id == s.scalar(select(func.max(ChangeLog.id)))
    assert elapsed < 2.0
    assert listener.poll() is None  # reported once


def test_changes_made_before_the_listener_started_are_not_replayed(db: Database, writer: Database) -> None:
    add_citizen(writer)
    lis = ChangeListener(db)
    try:
        assert_quiet(lis)
    finally:
        lis.close()


def test_nothing_is_reported_when_nothing_changed(listener: ChangeListener, writer: Database) -> None:
    with writer.read_session() as s:
        s.scalar(select(func.count(Citizen.id)))
    with writer.session():  # a write transaction that changed nothing
        pass
    assert_quiet(listener)


def test_rolled_back_transaction_reports_nothing(
    listener: ChangeListener, writer: Database, as_other_client: None
) -> None:
    with pytest.raises(RuntimeError), writer.session() as s:
        s.add(Citizen(id_number="110101199001019999", name="回滚", gender="男", birth_date=date(1990, 1, 1)))
        s.flush()
        raise RuntimeError("the clerk cancelled")
    assert_quiet(listener)

    kept = add_citizen(writer)  # the listener is alive: the next real commit comes through alone
    batch, _ = poll_until(listener)
    assert batch is not None
    assert batch.entity_ids == frozenset({f"citizen:{kept}"})


def test_own_rows_can_be_skipped_and_others_still_arrive(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    lis = ChangeListener(db, include_own=False)
    try:
        add_citizen(db)  # this process, through another pooled connection
        assert_quiet(lis)
        monkeypatch.setattr(db_module, "CLIENT_ID", OTHER_CLIENT)
        with db.session() as s:
            s.execute(update(Citizen).values(name="李四"))
            db_module.mark_changed(s, "citizen")
        batch, _ = poll_until(lis)
        assert batch is not None and batch.tables == frozenset({"citizen"}) and batch.from_other_clients
    finally:
        lis.close()


def test_own_rows_are_reported_but_flagged_when_included(listener: ChangeListener, writer: Database) -> None:
    add_citizen(writer)
    batch, _ = poll_until(listener)
    assert batch is not None and batch.tables == frozenset({"citizen"})
    assert not batch.from_other_clients


def test_wait_blocks_until_a_change_arrives(
    listener: ChangeListener, writer: Database, as_other_client: None
) -> None:
    started = time.monotonic()
    assert listener.wait(0.3) is None
    assert time.monotonic() - started >= 0.25

    timer = threading.Timer(0.2, add_citizen, args=(writer,))
    started = time.monotonic()
    timer.start()
    try:
        batch = listener.wait(3.0)
    finally:
        timer.join()
    assert batch is not None and "citizen" in batch.tables
    assert time.monotonic() - started < 1.0


def test_rows_committed_out_of_id_order_are_not_missed(listener: ChangeListener, writer: Database) -> None:
    base = listener.last_seen
    assert base is not None
    with writer.engine.begin() as conn:
        log_row(conn, id=base + 2, tables="citizen", entity_ids="citizen:2")
    first, _ = poll_until(listener)
    assert first is not None and first.tables == frozenset({"citizen"}) and first.last_id == base + 2

    with writer.engine.begin() as conn:  # the slower transaction, holding the lower id, commits later
        log_row(conn, id=base + 1, tables="unit", entity_ids="unit:7")
    late, _ = poll_until(listener)
    assert (
        late is not None and late.tables == frozenset({"unit"}) and late.entity_ids == frozenset({"unit:7"})
    )


def test_concurrent_postgresql_transactions_committing_out_of_order(
    listener: ChangeListener, writer: Database
) -> None:
    if writer.backend != "postgresql":
        pytest.skip("SQLite writers are serialised (BEGIN IMMEDIATE), so commit order is id order")
    with writer.engine.connect() as slow, writer.engine.connect() as fast:
        slow_tx = slow.begin()
        log_row(slow, tables="unit", entity_ids="unit:1")  # takes the lower id, commits last
        with fast.begin():
            log_row(fast, tables="citizen", entity_ids="citizen:1")
        first, _ = poll_until(listener)
        assert first is not None and first.tables == frozenset({"citizen"})
        slow_tx.commit()
    late, _ = poll_until(listener)
    assert late is not None and late.tables == frozenset({"unit"})


def break_listener_connection(listener: ChangeListener, writer: Database) -> None:
    """What a server restart or a dropped network does to the listener's own connection."""
    if writer.backend == "postgresql":
        with writer.engine.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :app AND datname = current_database()"
                ),
                {"app": APPLICATION_NAME},
            ).scalar()
        assert killed == 1
    else:
        listener._link._conn.close()  # type: ignore[union-attr]


def test_reconnects_and_reports_what_was_committed_meanwhile(
    listener: ChangeListener, writer: Database, as_other_client: None
) -> None:
    break_listener_connection(listener, writer)
    missed = add_citizen(writer, "断线期间")

    states: list[bool] = []
    batch = None
    deadline = time.monotonic() + 5
    while batch is None and time.monotonic() < deadline:
        batch = listener.poll()  # never raises
        states.append(listener.connected)
        time.sleep(0.02)

    assert False in states, "the broken connection was not reported"
    assert listener.connected
    assert batch is not None and f"citizen:{missed}" in batch.entity_ids

    after = add_citizen(writer, "恢复之后")  # and it keeps listening on the new connection
    batch, _ = poll_until(listener)
    assert batch is not None and batch.entity_ids == frozenset({f"citizen:{after}"})


def test_prune_deletes_old_rows_but_keeps_the_newest(db: Database, writer: Database) -> None:
    for _ in range(3):
        add_citizen(writer)
    with writer.session() as s:
        s.execute(update(ChangeLog).values(at=utcnow() - timedelta(days=3)))
        ids = list(s.scalars(select(ChangeLog.id).order_by(ChangeLog.id)))
    fresh = add_citizen(writer)

    assert prune(db) == len(ids)
    with db.read_session() as s:
        left = list(s.scalars(select(ChangeLog.entity_ids)))
    assert left == [f"citizen:{fresh}"]

    with writer.session() as s:
        s.execute(update(ChangeLog).values(at=utcnow() - timedelta(days=3)))
    assert prune(db) == 0  # the newest row stays even when old


def test_listener_keeps_up_across_a_prune(
    listener: ChangeListener, db: Database, writer: Database, as_other_client: None
) -> None:
    add_citizen(writer)
    assert poll_until(listener)[0] is not None
    prune(db, older_than=timedelta(0))
    later = add_citizen(writer)  # on SQLite a fully emptied table would hand out an id already seen
    batch, _ = poll_until(listener)
    assert batch is not None and f"citizen:{later}" in batch.entity_ids
