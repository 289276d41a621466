"""The in-app inbox: bulk delivery, personal reading, read and acknowledgement states."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from conftest import make_user
from sqlalchemy import event, func, insert, select

from app.core.errors import DomainError, PermissionDenied
from app.models.accounts import User
from app.models.audit import AuditRecord
from app.models.messaging import PRIORITY_URGENT, InboxMessage, Link
from app.services import inbox


def _officers(db, n: int) -> list[int]:
    """``n`` accounts written in bulk (no password hashing: they never log in here)."""
    now = datetime.now(UTC)
    rows = [
        {
            "username": f"officer{i:05d}",
            "display_name": f"民警{i}",
            "password_hash": "x",
            "active": True,
            "must_change_password": False,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(n)
    ]
    with db.session() as s:
        s.execute(insert(User.__table__), rows)
        return list(
            s.execute(select(User.id).where(User.username.like("officer%")).order_by(User.id)).scalars()
        )


def test_an_order_reaches_two_thousand_officers_in_one_bulk_insert(db, admin):
    ids = _officers(db, 2000)
    statements: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT INTO INBOX_MESSAGE"):
            statements.append(statement)

    started = time.perf_counter()
    with db.session() as s:
        sent = inbox.send(
            s,
            recipients=ids + ids[:10],
            kind="order",
            title="全员集结",
            body="今晚 20:00 到岗",
            link=("dispatch_order", 7),
            priority=PRIORITY_URGENT,
            sender=admin,
            requires_ack=True,
        )
    elapsed = time.perf_counter() - started
    assert sent == 2000 and elapsed < 2.0  # ~0.07 s on SQLite, ~0.3 s on PostgreSQL
    assert len(statements) <= 4  # batched, not one statement per officer
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(InboxMessage)).scalar_one() == 2000
    officer = make_user(db, "officer_x", ["officer"])
    with db.session() as s:
        inbox.send(
            s, recipients=[officer.user_id], kind="order", title="全员集结", link=("dispatch_order", 7)
        )
        assert inbox.unread_count(s, officer) == 1
        assert len(inbox.receipts(s, ("dispatch_order", 7))) == 2001


def test_list_pages_newest_first_and_mark_read_clears_the_badge(db, admin, clerk):
    with db.session() as s:
        for i in range(5):
            inbox.send(s, recipients=[clerk.user_id], kind="notice", title=f"通知{i}", sender=admin)
    with db.session() as s:
        assert inbox.unread_count(s, clerk) == 5
        first = inbox.list_for(s, clerk, limit=2)
        assert [m.title for m in first] == ["通知4", "通知3"] and first[0].sender_name == admin.display_name
        rest = inbox.list_for(s, clerk, before_id=first[-1].id)
        assert [m.title for m in rest] == ["通知2", "通知1", "通知0"]
        assert inbox.mark_read(s, clerk, [first[0].id, first[1].id]) == 2
        assert inbox.mark_read(s, clerk, [first[0].id]) == 0  # already read
    with db.session() as s:
        assert inbox.unread_count(s, clerk) == 3
        assert [m.title for m in inbox.list_for(s, clerk, unread_only=True)] == ["通知2", "通知1", "通知0"]
        assert inbox.mark_all_read(s, clerk) == 3 and inbox.unread_count(s, clerk) == 0
        assert inbox.unread_count(s, admin) == 0


def test_acknowledging_an_order_marks_it_read_and_is_audited_once(db, admin, clerk):
    with db.session() as s:
        inbox.send(
            s,
            recipients=[clerk.user_id],
            kind="order",
            title="签收警令",
            link=Link("dispatch_order", 9),
            requires_ack=True,
            sender=admin,
        )
        msg = inbox.list_for(s, clerk)[0]
        assert msg.link == Link("dispatch_order", "9") and msg.requires_ack
    with db.session() as s:
        done = inbox.acknowledge(s, clerk, msg.id)
        again = inbox.acknowledge(s, clerk, msg.id)
    assert done.acknowledged_at is not None and done.read_at == done.acknowledged_at
    assert again.acknowledged_at == done.acknowledged_at
    with db.session() as s:
        receipt = inbox.receipts(s, ("dispatch_order", 9))[0]
        assert receipt.user_id == clerk.user_id and receipt.acknowledged_at is not None
        recs = s.execute(select(AuditRecord).where(AuditRecord.action == "acknowledge")).scalars().all()
    assert len(recs) == 1 and recs[0].entity == "dispatch_order" and recs[0].entity_id == "9"


def test_nobody_reads_or_marks_someone_elses_inbox(db, admin, clerk):
    with db.session() as s:
        inbox.send(s, recipients=[clerk.user_id], kind="warning", title="预警：橙色", sender=admin)
        theirs = inbox.list_for(s, clerk)[0].id
    with pytest.raises(PermissionDenied), db.session() as s:
        inbox.list_for(s, admin, user_id=clerk.user_id)  # not even the administrator
    with pytest.raises(PermissionDenied), db.session() as s:
        inbox.mark_read(s, admin, [theirs])
    with pytest.raises(PermissionDenied), db.session() as s:
        inbox.acknowledge(s, admin, theirs)
    with db.session() as s:
        assert inbox.list_for(s, admin) == [] and inbox.unread_count(s, clerk) == 1
        denied = s.execute(
            select(func.count()).where(AuditRecord.outcome == "denied", AuditRecord.entity == "inbox_message")
        ).scalar_one()
    assert denied == 3


def test_a_message_needs_a_kind_a_title_and_a_known_priority(db, clerk):
    for kwargs in (
        {"kind": "", "title": "x"},
        {"kind": "notice", "title": "  "},
        {"kind": "notice", "title": "x", "priority": 7},
    ):
        with pytest.raises(DomainError) as err, db.session() as s:
            inbox.send(s, recipients=[clerk.user_id], **kwargs)  # type: ignore[arg-type]
        assert err.value.code == "inbox_invalid"
    with db.session() as s:
        assert inbox.send(s, recipients=[], kind="notice", title="x") == 0
