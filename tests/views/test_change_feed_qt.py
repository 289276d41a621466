"""The application-wide change signal: other workstations' saves arrive on the GUI thread, ours at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.models import db as db_module
from app.models.citizen import Citizen
from app.models.db import Database
from app.views.common import run_op
from app.views.common.change_feed import ChangeFeed

_seq = iter(range(1, 10_000))


def new_citizen(name: str = "王五") -> Citizen:
    return Citizen(
        id_number=f"3301011990{next(_seq):08d}", name=name, gender="女", birth_date=date(1990, 1, 1)
    )


def save_citizen(db: Database) -> None:
    with db.session() as s:
        s.add(new_citizen())


@pytest.fixture
def writer(db_url: str) -> Iterator[Database]:
    """Another workstation on the same database."""
    other = Database(db_url)
    yield other
    other.dispose()


@pytest.fixture
def feed(qtbot: QtBot, db: Database) -> Iterator[ChangeFeed]:
    change_feed = ChangeFeed(db)
    with qtbot.waitSignal(change_feed.connection_changed, timeout=5000) as connected:
        change_feed.start()
    assert connected.args == [True]
    assert change_feed.connected
    yield change_feed
    assert change_feed.stop()


def test_save_at_another_workstation_fires_tables_changed(
    qtbot: QtBot, feed: ChangeFeed, writer: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "CLIENT_ID", "other-desk-0002")  # the feed's listener kept the real id
    with qtbot.waitSignal(feed.tables_changed, timeout=2000) as changed:
        save_citizen(writer)
    assert "citizen" in changed.args[0]
    assert isinstance(changed.args[0], frozenset)


def test_local_change_fires_at_once_and_is_not_repeated_from_the_log(
    qtbot: QtBot, feed: ChangeFeed, writer: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[frozenset[str]] = []
    feed.tables_changed.connect(received.append)
    feed.local_change(["citizen"])
    assert received == [frozenset({"citizen"})]  # synchronously, before any poll

    save_citizen(writer)  # committed by this process (same CLIENT_ID): already broadcast locally
    qtbot.wait(1500)
    assert received == [frozenset({"citizen"})]

    monkeypatch.setattr(db_module, "CLIENT_ID", "other-desk-0004")  # the feed was listening all along
    with qtbot.waitSignal(feed.tables_changed, timeout=2000):
        save_citizen(writer)


def test_run_op_changes_hook_broadcasts_through_the_feed(
    qtbot: QtBot, feed: ChangeFeed, sync_ops: Database
) -> None:
    run_op.configure(sync_ops, changes_hook=feed.local_change)
    try:
        with qtbot.waitSignal(feed.tables_changed, timeout=0) as changed:
            run_op.run_op(None, lambda s: s.add(new_citizen())).start()
    finally:
        run_op.configure(sync_ops)
    assert changed.args == [frozenset({"citizen"})]


def test_stop_is_prompt_and_nothing_arrives_afterwards(
    qtbot: QtBot, db: Database, writer: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    change_feed = ChangeFeed(db)
    with qtbot.waitSignal(change_feed.connection_changed, timeout=5000):
        change_feed.start()
    started = time.monotonic()
    assert change_feed.stop()
    assert time.monotonic() - started < 1.5
    assert not change_feed.running
    assert change_feed.stop()  # stopping twice is harmless

    monkeypatch.setattr(db_module, "CLIENT_ID", "other-desk-0003")
    with qtbot.assertNotEmitted(change_feed.tables_changed, wait=800):
        save_citizen(writer)
