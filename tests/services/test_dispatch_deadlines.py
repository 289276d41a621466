"""Nobody is missed: reminders by hand and at the deadline, escalation to the unit leader afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dispatch_support import T0, Staff, make_staff
from sqlalchemy import select

from app.core.errors import DomainError
from app.models.db import Database
from app.models.dispatch_order import DispatchOrder
from app.services import inbox, order_deadlines, order_receipts, order_tracking, orders, sweeps
from app.services.context import Actor
from app.services.orders import OrderDraft

DEADLINE = T0 + timedelta(hours=2)


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def order_id(db: Database, staff: Staff) -> int:
    draft = OrderDraft(
        title="全县开展涉枪涉爆隐患排查",
        unit_ids=(staff.chengguan, staff.zuolong),
        ack_deadline=DEADLINE,
    )
    with db.session() as s:
        return orders.send(s, staff.dispatcher, draft, now=T0).id


def run_sweep(db: Database, at):  # type: ignore[no-untyped-def]
    report = sweeps.run(db, [order_deadlines.SWEEP_NAME], now=at)
    assert report.ran and report.ok, report
    return dict(report.results[0].counts)


def titles(db: Database, actor: Actor) -> list[str]:
    with db.session() as s:
        return [m.title for m in inbox.list_for(s, actor)]


def test_nothing_happens_before_the_deadline(db, staff, order_id):
    assert run_sweep(db, DEADLINE - timedelta(seconds=1)) == {"reminded": 0, "escalated": 0}
    assert titles(db, staff.wang) == ["【警令】全县开展涉枪涉爆隐患排查"]


def test_at_the_deadline_everyone_who_has_not_acknowledged_is_reminded_once(db, staff, order_id):
    with db.session() as s:
        order_receipts.acknowledge(s, staff.wang, order_id, now=T0 + timedelta(minutes=5))
    assert run_sweep(db, DEADLINE) == {"reminded": 3, "escalated": 0}  # leader, li, zhao
    assert run_sweep(db, DEADLINE + timedelta(minutes=1)) == {"reminded": 0, "escalated": 0}  # idempotent
    assert titles(db, staff.wang) == ["【警令】全县开展涉枪涉爆隐患排查"]
    assert titles(db, staff.li)[0] == "【催签】全县开展涉枪涉爆隐患排查"
    with db.session() as s:
        states = {r.name: r.reminders for r in order_tracking.recipients(s, staff.dispatcher, order_id)}
        order = s.get(DispatchOrder, order_id)
        assert order is not None and order.reminded_at == DEADLINE
    assert states == {"王警官": 0, "李警官": 1, "陈所长": 1, "赵警官": 1}


def test_escalation_names_those_still_missing_to_their_unit_leader_or_else_the_sender(db, staff, order_id):
    run_sweep(db, DEADLINE)
    with db.session() as s:  # li acknowledges after the reminder, within the grace period
        order_receipts.acknowledge(s, staff.li, order_id, now=DEADLINE + timedelta(minutes=10))
    grace = timedelta(minutes=order_deadlines.DEFAULT_ESCALATE_MINUTES)
    assert run_sweep(db, DEADLINE + grace - timedelta(seconds=1))["escalated"] == 0
    assert run_sweep(db, DEADLINE + grace) == {"reminded": 0, "escalated": 3}
    assert run_sweep(db, DEADLINE + grace * 2) == {"reminded": 0, "escalated": 0}

    with db.session() as s:
        leader_msgs = [m for m in inbox.list_for(s, staff.leader) if m.kind == "warning"]
        sender_msgs = [m for m in inbox.list_for(s, staff.dispatcher) if m.kind == "warning"]
        escalated = {
            r.name
            for r in order_tracking.recipients(s, staff.dispatcher, order_id)
            if r.escalated_at is not None
        }
    # 城关: wang is missing (the leader, missing himself, goes to the sender); 佐龙 has no leader: zhao too
    assert len(leader_msgs) == 1 and "王警官" in leader_msgs[0].body and "李警官" not in leader_msgs[0].body
    assert len(sender_msgs) == 1 and "赵警官" in sender_msgs[0].body and "陈所长" in sender_msgs[0].body
    assert escalated == {"王警官", "陈所长", "赵警官"}


def test_both_steps_at_once_when_the_sweep_first_runs_late(db, staff, order_id):
    assert run_sweep(db, DEADLINE + timedelta(hours=5)) == {"reminded": 4, "escalated": 4}


def test_a_reminder_by_hand_goes_only_to_those_who_have_not_acknowledged(db, staff, order_id):
    with db.session() as s:
        order_receipts.acknowledge(s, staff.wang, order_id, now=T0)
        count = order_deadlines.remind(s, staff.dispatcher, order_id, now=T0 + timedelta(minutes=30))
        only_zhao = order_deadlines.remind(
            s, staff.dispatcher, order_id, user_ids=[staff.zhao.user_id], now=T0
        )
    assert count == 3 and only_zhao == 1
    assert titles(db, staff.wang) == ["【警令】全县开展涉枪涉爆隐患排查"]
    assert len([t for t in titles(db, staff.zhao) if t.startswith("【催签】")]) == 2


def test_reminders_surface_as_notices_in_the_officers_window(db, staff, order_id):
    with db.session() as s:
        order_receipts.take_notices(s, staff.li, now=T0)  # the new order itself
        order_deadlines.remind(s, staff.dispatcher, order_id, now=T0 + timedelta(minutes=30))
        notices = order_receipts.take_notices(s, staff.li, now=T0 + timedelta(minutes=31))
    assert [(n.order_id, n.kind) for n in notices] == [(order_id, "reminder")]


def test_no_reminder_when_all_have_acknowledged_or_the_order_is_closed(db, staff, order_id):
    with db.session() as s:
        for who in (staff.wang, staff.li, staff.leader, staff.zhao):
            order_receipts.acknowledge(s, who, order_id, now=T0)
    with pytest.raises(DomainError) as none_left, db.session() as s:
        order_deadlines.remind(s, staff.dispatcher, order_id)
    assert none_left.value.code == "dispatch_nothing_to_remind"
    with db.session() as s:
        version = s.execute(select(DispatchOrder.version).where(DispatchOrder.id == order_id)).scalar_one()
        order_tracking.close(s, staff.dispatcher, order_id, version)
    with pytest.raises(DomainError) as closed, db.session() as s:
        order_deadlines.remind(s, staff.dispatcher, order_id)
    assert closed.value.code == "dispatch_order_closed"
    assert run_sweep(db, DEADLINE + timedelta(hours=5)) == {"reminded": 0, "escalated": 0}
