"""A warning raised at one workstation arrives at another within seconds, through the change feed: the other
client learns which tables changed, and the keeper's inbox there holds the warning."""

from __future__ import annotations

import time

import pytest
from conftest import make_user
from keyperson_support import NOW, add_keepers, make_world, register
from sqlalchemy import select

from app.models import db as db_module
from app.models.db import Database
from app.models.messaging import SmsMessage
from app.services import inbox, keyperson_stats, keyperson_visits
from app.services.change_feed import ChangeListener
from app.services.keyperson_common import local_date


@pytest.fixture
def desk_b(db_url: str):
    """The supervisor's workstation: its own engine on the same database, listening for changes."""
    other = Database(db_url)
    listener = ChangeListener(other, include_own=True)
    yield other, listener
    listener.close()
    other.dispose()


def test_a_warning_raised_in_one_client_arrives_in_another(db, desk_b, monkeypatch):
    world = make_world(db, make_user)
    pid = register(db, world)
    add_keepers(db, world, pid)
    other, listener = desk_b
    while listener.poll() is not None:  # whatever the setup wrote
        pass
    monkeypatch.setattr(db_module, "CLIENT_ID", "desk-a-officer")  # desk A stamps its commits as its own
    with db.session() as s:
        keyperson_visits.record_event(
            s, world.officer, pid, {"kind": "offence", "occurred_on": NOW.date(), "note": "盗窃"}, now=NOW
        )
    started = time.monotonic()
    tables: set[str] = set()
    while time.monotonic() - started < 5 and "kp_warning" not in tables:
        batch = listener.wait(0.2)
        if batch is not None:
            tables |= batch.tables
            assert batch.from_other_clients
    assert {"kp_warning", "inbox_message", "key_person"} <= tables
    assert time.monotonic() - started < 5
    with other.session() as s:
        boss_inbox = inbox.list_for(s, world.boss)
        cadre_inbox = inbox.list_for(s, world.cadre)
        chart = keyperson_stats.dashboard(s, world.boss, today=local_date(NOW))
        texts = set(s.execute(select(SmsMessage.phone).where(SmsMessage.entity == "kp_warning")).scalars())
    assert boss_inbox and boss_inbox[0].title == "橙色预警：刘某（城关镇）"
    assert boss_inbox[0].requires_ack and cadre_inbox[0].title == boss_inbox[0].title
    # a text to each of the four keepers and to the responsible supervisor, through the SMS outbox
    assert texts == {"13800000001", "13800000002", "13800000003", "13800000004", "13900000001"}
    assert chart.daily.by_level["orange"][-1] == 1
