"""The duty board: statuses with their time, counts, unit filter, and the leave contract with 警务保障."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dispatch_support import T0, Staff, make_staff

from app.core.errors import ConflictError, DomainError, PermissionDenied
from app.models.db import Database
from app.models.dispatch_duty import DUTY_AWAY, DUTY_ON, DUTY_PATROL, DUTY_STANDBY
from app.services import duty_board


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def board(db: Database, staff: Staff, at=T0, unit_id=None):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return duty_board.board(s, staff.dispatcher, unit_id=unit_id, now=at)


def test_every_officer_is_on_the_board_with_counts_per_status(db, staff):
    b = board(db, staff)
    assert {r.name for r in b.rows} == {"周调度", "陈所长", "王警官", "李警官", "赵警官"}  # no administrator
    assert b.counts == {"on_duty": 5, "standby": 0, "patrol": 0, "on_scene": 0, "away": 0}
    assert all(r.since is None for r in b.rows)


def test_an_officer_sets_his_own_status_and_the_time_in_it_counts_from_then(db, staff):
    with db.session() as s:
        duty_board.set_status(s, staff.wang, [staff.wang.user_id], DUTY_PATROL, note="城关镇老街", now=T0)
    row = next(r for r in board(db, staff).rows if r.name == "王警官")
    assert (row.status, row.since, row.note, row.set_by_name) == (DUTY_PATROL, T0, "城关镇老街", "王警官")
    assert row.seconds_in_status(T0 + timedelta(minutes=25)) == 25 * 60
    assert board(db, staff).counts[DUTY_PATROL] == 1


def test_after_a_status_change_only_the_rows_that_moved_are_read_again(db, staff):
    shown = {r.user_id: r.version for r in board(db, staff).rows}
    with db.session() as s:
        duty_board.set_status(s, staff.wang, [staff.wang.user_id], DUTY_PATROL, note="老街", now=T0)
        duty_board.set_status(s, staff.dispatcher, [staff.zhao.user_id], DUTY_STANDBY, now=T0)
        moved = duty_board.changes(s, staff.dispatcher, shown, now=T0)
    assert {(r.name, r.status) for r in moved.rows} == {("王警官", DUTY_PATROL), ("赵警官", DUTY_STANDBY)}
    shown.update({r.user_id: r.version for r in moved.rows})
    with db.session() as s:
        assert duty_board.changes(s, staff.dispatcher, shown, now=T0).rows == ()
        duty_board.set_status(s, staff.wang, [staff.wang.user_id], DUTY_ON, now=T0 + timedelta(minutes=5))
        again = duty_board.changes(s, staff.dispatcher, shown, unit_id=staff.zuolong, now=T0)
    assert again.rows == ()  # 王警官 is not in 佐龙's board
    with pytest.raises(PermissionDenied), db.session() as s:
        duty_board.changes(s, staff.wang, shown)


def test_only_a_dispatcher_sets_someone_elses_status(db, staff):
    with pytest.raises(PermissionDenied), db.session() as s:
        duty_board.set_status(s, staff.wang, [staff.li.user_id], DUTY_STANDBY)
    with db.session() as s:
        duty_board.set_status(
            s, staff.dispatcher, [staff.li.user_id, staff.zhao.user_id], DUTY_STANDBY, now=T0
        )
    assert board(db, staff).counts[DUTY_STANDBY] == 2


def test_a_stale_board_does_not_overwrite_a_newer_status(db, staff):
    seen = {r.user_id: r.version for r in board(db, staff).rows}
    with db.session() as s:
        duty_board.set_status(s, staff.wang, [staff.wang.user_id], DUTY_PATROL, now=T0)
    with pytest.raises(ConflictError), db.session() as s:
        duty_board.set_status(s, staff.dispatcher, [staff.wang.user_id], DUTY_STANDBY, versions=seen)


def test_the_board_filters_by_unit(db, staff):
    rows = board(db, staff, unit_id=staff.chengguan).rows
    assert sorted(r.name for r in rows) == sorted(["陈所长", "王警官", "李警官"])
    assert {r.unit_name for r in rows} == {"城关派出所"}


def test_an_invalid_status_is_refused(db, staff):
    with pytest.raises(DomainError) as err, db.session() as s:
        duty_board.set_status(s, staff.dispatcher, [staff.wang.user_id], "sleeping")
    assert "没有“sleeping”这种状态" in err.value.message()


def test_approved_leave_shows_as_away_while_it_lasts(db, staff):
    """The contract the support platform (issue 8) writes to: record_absence / end_absence."""
    start, end = T0 + timedelta(days=1), T0 + timedelta(days=4)
    with db.session() as s:
        duty_board.set_status(s, staff.zhao, [staff.zhao.user_id], DUTY_PATROL, now=T0)
        duty_board.record_absence(
            s,
            user_id=staff.zhao.user_id,
            start=start,
            end=end,
            reason="年休假",
            source="support.leave",
            source_id=7,
        )
    at = {r.name: r for r in board(db, staff, at=start + timedelta(hours=1)).rows}
    assert at["赵警官"].status == DUTY_AWAY and at["赵警官"].since == start
    assert at["赵警官"].absence is not None and at["赵警官"].absence.reason == "年休假"
    assert board(db, staff, at=start - timedelta(minutes=1)).counts[DUTY_AWAY] == 0
    assert board(db, staff, at=end).counts[DUTY_AWAY] == 0

    with db.session() as s:  # edited leave: same source id, updated in place
        duty_board.record_absence(
            s,
            user_id=staff.zhao.user_id,
            start=start,
            end=end + timedelta(days=1),
            reason="年休假（延长）",
            source="support.leave",
            source_id=7,
        )
    assert board(db, staff, at=end).counts[DUTY_AWAY] == 1
    with db.session() as s:  # 销假: returned early
        assert duty_board.end_absence(s, source="support.leave", source_id=7, end=start + timedelta(days=2))
    assert board(db, staff, at=start + timedelta(days=2, hours=1)).counts[DUTY_AWAY] == 0
    with db.session() as s:  # withdrawn leave never counted
        duty_board.end_absence(s, source="support.leave", source_id=7)
        assert not duty_board.end_absence(s, source="support.leave", source_id=999)
    assert board(db, staff, at=start + timedelta(hours=1)).counts[DUTY_AWAY] == 0


def test_a_status_set_after_the_leave_began_wins(db, staff):
    with db.session() as s:
        duty_board.record_absence(
            s,
            user_id=staff.li.user_id,
            start=T0,
            end=T0 + timedelta(days=2),
            reason="病假",
            source="support.leave",
            source_id=8,
        )
        duty_board.set_status(s, staff.dispatcher, [staff.li.user_id], DUTY_ON, now=T0 + timedelta(hours=5))
    row = next(r for r in board(db, staff, at=T0 + timedelta(hours=6)).rows if r.name == "李警官")
    assert row.status == DUTY_ON and row.absence is not None


def test_an_absence_with_its_end_before_its_start_is_refused(db, staff):
    with pytest.raises(DomainError), db.session() as s:
        duty_board.record_absence(
            s, user_id=staff.li.user_id, start=T0, end=T0, reason="x", source="support.leave", source_id=1
        )
