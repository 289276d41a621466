"""值班排班 and the dispatch duty board: a rest day shows the officer as away; rostering an officer on approved
leave is refused with nothing stored; moving or deleting a rest day moves or withdraws the absence."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from support_staff import NOW, TODAY, Staff, make_staff

from app.core.errors import DomainError
from app.models.db import Database
from app.models.dispatch_duty import DUTY_AWAY, DUTY_ON
from app.models.support_leave import SupportLeave
from app.models.support_roster import SupportRoster
from app.services import duty_board, entity_service, support_approval, support_leave, support_roster
from app.services.entity_spec import Query


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def status_of(db: Database, staff: Staff, user_id: int, at=NOW) -> str:
    with db.session() as s:
        return next(r.status for r in duty_board.board(s, staff.leader, now=at).rows if r.user_id == user_id)


def roster(db: Database, actor, **values) -> int:
    with db.session() as s:
        return entity_service.create(s, actor, support_roster.ROSTER_SPEC, values).row.id


def test_an_officer_off_roster_shows_as_away_on_the_duty_board(db, staff) -> None:
    entry = roster(db, staff.leader, user_id=staff.wang.user_id, duty_date=TODAY, shift="rest")
    roster(db, staff.leader, user_id=staff.li.user_id, duty_date=TODAY, shift="day", post="值班室")
    assert status_of(db, staff, staff.wang.user_id) == DUTY_AWAY
    assert status_of(db, staff, staff.li.user_id) == DUTY_ON
    assert status_of(db, staff, staff.wang.user_id, at=NOW + timedelta(days=1)) == DUTY_ON
    with db.session() as s:  # changed to a duty shift: back on the board
        row = entity_service.get(s, staff.leader, support_roster.ROSTER_SPEC, entry)
        entity_service.update(
            s, staff.leader, support_roster.ROSTER_SPEC, entry, row.version, {"shift": "full"}
        )
    assert status_of(db, staff, staff.wang.user_id) == DUTY_ON
    with db.session() as s:  # a rest day again, then deleted
        row = entity_service.get(s, staff.leader, support_roster.ROSTER_SPEC, entry)
        entity_service.update(
            s, staff.leader, support_roster.ROSTER_SPEC, entry, row.version, {"shift": "rest"}
        )
    assert status_of(db, staff, staff.wang.user_id) == DUTY_AWAY
    with db.session() as s:
        row = entity_service.get(s, staff.leader, support_roster.ROSTER_SPEC, entry)
        entity_service.delete(s, staff.leader, support_roster.ROSTER_SPEC, entry, row.version)
    assert status_of(db, staff, staff.wang.user_id) == DUTY_ON


def test_a_roster_with_an_officer_on_leave_is_refused_and_nothing_stored(db, staff) -> None:
    with db.session() as s:
        values = {
            "kind": "annual",
            "start_date": TODAY,
            "end_date": TODAY + timedelta(days=1),
            "reason": "年休",
        }
        leave = entity_service.create(s, staff.wang, support_leave.LEAVE_SPEC, values).row.id
    with db.session() as s:
        support_approval.decide(
            s, staff.leader, "leave", leave, s.get(SupportLeave, leave).version, True, "同意"
        )
    with pytest.raises(DomainError) as err:
        roster(
            db, staff.leader, user_id=staff.wang.user_id, duty_date=TODAY + timedelta(days=1), shift="night"
        )
    message = err.value.message()
    assert "王警官" in message and "年休假" in message and "不能安排值班" in message
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(SupportRoster)).scalar_one() == 0


def test_a_unit_leader_rosters_only_their_unit(db, staff) -> None:
    with pytest.raises(DomainError) as err:
        roster(db, staff.leader, user_id=staff.zhao.user_id, duty_date=TODAY, shift="day")
    assert "赵警官" in err.value.message()
    roster(
        db, staff.keeper, user_id=staff.zhao.user_id, duty_date=TODAY, shift="day"
    )  # support staff: everyone
    with db.session() as s:
        assert entity_service.count(s, staff.leader, support_roster.ROSTER_SPEC, Query()) == 0
        assert entity_service.count(s, staff.zhao, support_roster.ROSTER_SPEC, Query()) == 1
