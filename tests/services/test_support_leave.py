"""请销假: the approval flow (unit leader; the bureau above the configured days), self-approval refused, overlap
refused with nothing changed, 销假, and approved leave reaching the dispatch duty board."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from support_staff import NOW, TODAY, Staff, make_staff

from app.core.errors import DomainError
from app.models.db import Database
from app.models.dispatch_duty import DUTY_AWAY, DUTY_ON
from app.models.support_leave import SupportLeave
from app.services import duty_board, entity_service, support_approval, support_leave
from app.services.context import SYSTEM


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def request(db: Database, actor, start: date, end: date, kind: str = "annual", **extra) -> int:
    values = {"kind": kind, "start_date": start, "end_date": end, "reason": "回家探望父母", **extra}
    with db.session() as s:
        return entity_service.create(s, actor, support_leave.LEAVE_SPEC, values).row.id


def decide(db: Database, actor, ident: int, approve: bool = True, opinion: str = "同意"):
    with db.session() as s:
        version = s.get(SupportLeave, ident).version
        return support_approval.decide(s, actor, "leave", ident, version, approve, opinion, now=NOW)


def board_status(db: Database, staff: Staff, user_id: int, at=NOW) -> str:
    with db.session() as s:
        rows = duty_board.board(s, staff.leader, now=at).rows
    return next(r.status for r in rows if r.user_id == user_id)


def leave_count(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(SupportLeave)).scalar_one()


def test_short_leave_is_approved_by_the_unit_leader_and_shows_away_on_the_duty_board(db, staff) -> None:
    ident = request(db, staff.wang, TODAY, TODAY + timedelta(days=1))
    assert board_status(db, staff, staff.wang.user_id) == DUTY_ON
    decision = decide(db, staff.leader, ident)
    assert decision.status == "approved"
    assert board_status(db, staff, staff.wang.user_id) == DUTY_AWAY
    after = NOW + timedelta(days=2)
    assert board_status(db, staff, staff.wang.user_id, at=after) == DUTY_ON


def test_leave_over_the_configured_days_goes_to_the_bureau_after_the_unit_leader(db, staff) -> None:
    with db.session() as s:
        support_leave.set_bureau_days(s, SYSTEM, 2)
    ident = request(db, staff.wang, TODAY, TODAY + timedelta(days=4))  # 5 days > 2
    assert decide(db, staff.leader, ident).status == "unit_ok"
    assert board_status(db, staff, staff.wang.user_id) == DUTY_ON  # not approved yet
    with db.session() as s:  # the unit leader cannot sign the bureau's stage
        assert not support_approval.detail(s, staff.leader, "leave", ident).can_decide
    with pytest.raises(DomainError) as err:
        decide(db, staff.leader, ident)
    assert "全局审批" in err.value.message()
    assert decide(db, staff.bureau, ident, opinion="同意，注意安全").status == "approved"
    assert board_status(db, staff, staff.wang.user_id) == DUTY_AWAY


def test_a_bureau_leader_who_signed_the_first_stage_cannot_sign_the_second(db, staff) -> None:
    ident = request(db, staff.wang, TODAY, TODAY + timedelta(days=9))
    decide(db, staff.bureau, ident)
    with pytest.raises(DomainError) as err:
        decide(db, staff.bureau, ident)
    assert err.value.code == "support_bureau_same"
    assert decide(db, staff.bureau2, ident).status == "approved"


def test_nobody_approves_their_own_leave_neither_through_the_service_nor_in_the_database(db, staff) -> None:
    ident = request(db, staff.leader, TODAY, TODAY)
    with pytest.raises(DomainError) as err:
        decide(db, staff.leader, ident)
    assert err.value.code == "own_request"
    assert "本人" in err.value.message()
    with db.session() as s:
        assert s.get(SupportLeave, ident).status == "pending"
        pending = support_approval.pending_for(s, staff.leader)
    assert ident not in [p.id for p in pending if p.flow == "leave"]
    with pytest.raises(IntegrityError), db.session() as s:  # a client that bypasses the service
        s.execute(
            text("UPDATE support_leave SET approver_id = user_id, status = 'approved' WHERE id = :i"),
            {"i": ident},
        )


def test_a_unit_leader_cannot_approve_leave_of_another_unit(db, staff) -> None:
    ident = request(db, staff.zhao, TODAY, TODAY)
    with pytest.raises(DomainError) as err:
        decide(db, staff.leader, ident)
    assert err.value.code in ("support_out_of_scope", "not_found")
    with db.session() as s:
        assert s.get(SupportLeave, ident).status == "pending"


def test_overlapping_leave_is_refused_with_a_chinese_message_and_nothing_stored(db, staff) -> None:
    request(db, staff.wang, TODAY, TODAY + timedelta(days=2))
    before = leave_count(db)
    with pytest.raises(DomainError) as err:
        request(db, staff.wang, TODAY + timedelta(days=2), TODAY + timedelta(days=5), kind="personal")
    assert "重叠" in err.value.message() and "王警官" in err.value.message()
    assert leave_count(db) == before


def test_xiaojia_ends_the_absence_on_the_return_day(db, staff) -> None:
    ident = request(db, staff.wang, TODAY - timedelta(days=1), TODAY + timedelta(days=1))
    decide(db, staff.leader, ident)
    assert board_status(db, staff, staff.wang.user_id) == DUTY_AWAY
    with db.session() as s:
        version = s.get(SupportLeave, ident).version
        support_leave.register_return(s, staff.wang, ident, version, TODAY, now=NOW)
    assert board_status(db, staff, staff.wang.user_id) == DUTY_ON
    with db.session() as s:
        leave = s.get(SupportLeave, ident)
        assert leave.status == "returned" and leave.returned_on == TODAY
    # the days after the return are free again
    request(db, staff.wang, TODAY + timedelta(days=1), TODAY + timedelta(days=1), kind="personal")


def test_withdrawn_requests_wait_for_nobody(db, staff) -> None:
    ident = request(db, staff.wang, TODAY, TODAY)
    with db.session() as s:
        support_approval.withdraw(s, staff.wang, "leave", ident, s.get(SupportLeave, ident).version)
    with db.session() as s:
        assert ident not in [p.id for p in support_approval.pending_for(s, staff.leader)]
