"""Orders reach every officer they are addressed to, each with a receipt; the figures say who has not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dispatch_support import T0, Staff, make_staff
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied
from app.models.audit import AuditRecord
from app.models.db import Database
from app.models.dispatch_order import DispatchOrder, DispatchOrderReceipt
from app.models.messaging import InboxMessage
from app.models.org import Unit
from app.services import inbox, order_receipts, order_tracking, orders
from app.services.orders import OrderDraft


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def send(db: Database, staff: Staff, **kw: object) -> orders.SentOrder:
    draft = OrderDraft(**{"title": "今晚开展夜间巡逻", "body": "各所于 20:00 前到岗。", **kw})  # type: ignore[arg-type]
    with db.session() as s:
        return orders.send(s, staff.dispatcher, draft, now=T0)


def test_an_order_to_a_unit_reaches_its_officers_only_each_with_one_receipt(db, staff):
    sent = send(db, staff, unit_ids=(staff.chengguan,))
    assert sent.number.startswith("JL-2026-") and sent.target_text == "城关派出所"
    with db.session() as s:
        rows = s.execute(select(DispatchOrderReceipt.user_id).where(DispatchOrderReceipt.order_id == sent.id))
        got = set(rows.scalars())
        titles = {o.title for o in order_receipts.my_orders(s, staff.wang, now=T0)}
        zhao = order_receipts.my_orders(s, staff.zhao, now=T0)
    assert got == {staff.leader.user_id, staff.wang.user_id, staff.li.user_id}
    assert sent.recipient_count == 3
    assert titles == {"今晚开展夜间巡逻"} and zhao == []


def test_everyone_means_every_officer_and_units_plus_names_are_counted_once(db, staff):
    everyone = send(db, staff, everyone=True)
    mixed = send(db, staff, unit_ids=(staff.chengguan,), user_ids=(staff.wang.user_id, staff.zhao.user_id))
    with db.session() as s:
        n = s.execute(select(func.count()).where(DispatchOrderReceipt.order_id == everyone.id)).scalar_one()
        admin_got = s.execute(
            select(func.count()).where(DispatchOrderReceipt.user_id == staff.admin.user_id)
        ).scalar_one()
    # dispatcher, leader, wang, li, zhao: the administrator has no dispatch.receive
    assert everyone.recipient_count == n == 5 and admin_got == 0
    assert mixed.recipient_count == 4
    assert mixed.target_text == "城关派出所；王警官、赵警官"


def test_each_receipt_is_linked_to_the_inbox_notice_that_holds_read_and_acknowledged(db, staff):
    sent = send(db, staff, user_ids=(staff.wang.user_id,), priority=2)
    with db.session() as s:
        notice = inbox.list_for(s, staff.wang)[0]
        receipt = s.execute(
            select(DispatchOrderReceipt).where(DispatchOrderReceipt.order_id == sent.id)
        ).scalar_one()
    assert receipt.inbox_message_id == notice.id
    assert notice.requires_ack and notice.priority == 2 and notice.title == "【警令】今晚开展夜间巡逻"
    assert notice.link is not None and notice.link.entity == "dispatch_order"


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({}, "dispatch_no_recipients"),
        ({"title": "  ", "everyone": True}, "dispatch_text_required"),
        ({"ack_deadline": T0 - timedelta(minutes=1), "everyone": True}, "dispatch_order_invalid"),
    ],
)
def test_bad_orders_are_refused_in_chinese_and_write_nothing(db, staff, kw, code):
    with pytest.raises(DomainError) as err:
        send(db, staff, **kw)
    assert err.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message())
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(DispatchOrder)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(InboxMessage)).scalar_one() == 0


def test_a_unit_without_officers_and_a_non_officer_are_refused(db, staff):
    with db.session() as s:
        empty_unit = Unit(code="JDDD", name="禁毒大队", kind="department")
        s.add(empty_unit)
        s.flush()
        empty_id = empty_unit.id
    with pytest.raises(DomainError) as empty:
        send(db, staff, unit_ids=(empty_id,))
    assert empty.value.code == "dispatch_recipients_empty" and "禁毒大队" in empty.value.message()
    with pytest.raises(DomainError) as bad:
        send(db, staff, user_ids=(staff.admin.user_id,))
    assert bad.value.code == "dispatch_recipient_invalid" and "系统管理员" in bad.value.message()


def test_only_a_dispatcher_may_send(db, staff):
    with pytest.raises(PermissionDenied), db.session() as s:
        orders.send(s, staff.wang, OrderDraft(title="x", everyone=True), now=T0)


def test_read_and_acknowledge_and_the_figures(db, staff):
    sent = send(db, staff, unit_ids=(staff.chengguan,))
    with db.session() as s:
        first = order_tracking.figures(s, sent.id)
        order_receipts.my_orders(s, staff.wang, now=T0 + timedelta(minutes=1))  # wang's desk fetched it
        opened = order_receipts.open_order(s, staff.li, sent.id, now=T0 + timedelta(minutes=2))
        acked = order_receipts.acknowledge(s, staff.wang, sent.id, now=T0 + timedelta(minutes=3))
        figures = order_tracking.figures(s, sent.id)
        states = {r.name: r.state for r in order_tracking.recipients(s, staff.dispatcher, sent.id)}
    assert (first.recipients, first.received, first.read, first.acknowledged) == (3, 0, 0, 0)
    assert opened.read_at == T0 + timedelta(minutes=2) and opened.received_at == T0 + timedelta(minutes=2)
    assert acked.acknowledged_at == T0 + timedelta(minutes=3) and acked.read_at is not None
    assert (figures.received, figures.read, figures.acknowledged, figures.missing) == (2, 2, 1, 2)
    assert figures.completion_percent == 33 and not figures.none_missed
    assert states == {"王警官": "acknowledged", "李警官": "read", "陈所长": "pending"}
    with db.session() as s:
        order_receipts.acknowledge(s, staff.li, sent.id, now=T0 + timedelta(minutes=4))
        order_receipts.acknowledge(s, staff.leader, sent.id, now=T0 + timedelta(minutes=5))
        done = order_tracking.detail(s, staff.dispatcher, sent.id).figures
        listed = s.execute(
            select(DispatchOrder.acknowledged_count, DispatchOrder.completion_percent)  # type: ignore[attr-defined]
        ).one()
    assert done.completion_percent == 100 and done.none_missed
    assert tuple(listed) == (3, 100)


def test_acknowledging_twice_is_refused_with_the_first_time_and_changes_nothing(db, staff):
    sent = send(db, staff, user_ids=(staff.wang.user_id,))
    with db.session() as s:
        order_receipts.acknowledge(s, staff.wang, sent.id, now=T0 + timedelta(minutes=3))
    with pytest.raises(DomainError) as err, db.session() as s:
        order_receipts.acknowledge(s, staff.wang, sent.id, now=T0 + timedelta(minutes=9))
    assert err.value.code == "dispatch_already_acknowledged" and "已于" in err.value.message()
    with db.session() as s:
        mine = order_receipts.get(s, staff.wang, sent.id)
        acks = s.execute(select(func.count()).where(AuditRecord.action == "acknowledge")).scalar_one()
    assert mine.acknowledged_at == T0 + timedelta(minutes=3) and acks == 1


def test_someone_else_cannot_acknowledge_an_order_not_addressed_to_them(db, staff):
    sent = send(db, staff, user_ids=(staff.wang.user_id,))
    with pytest.raises(DomainError) as err, db.session() as s:
        order_receipts.acknowledge(s, staff.zhao, sent.id)
    assert err.value.code == "dispatch_not_recipient"


def test_new_orders_are_announced_once_and_then_count_as_received(db, staff):
    sent = send(db, staff, unit_ids=(staff.chengguan,))
    with db.session() as s:
        first = order_receipts.take_notices(s, staff.wang, now=T0 + timedelta(minutes=1))
        again = order_receipts.take_notices(s, staff.wang, now=T0 + timedelta(minutes=2))
        figures = order_tracking.figures(s, sent.id)
    assert [(n.order_id, n.kind) for n in first] == [(sent.id, "new")] and again == []
    assert figures.received == 1
