"""The overdue sweep: leave ended without 销假, and equipment not back by its expected day, are reminded once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support_samples import equipment
from support_staff import NOW, TODAY, Staff, make_staff

from app.models.db import Database
from app.models.support_assets import SupportEquipmentLoan
from app.models.support_leave import SupportLeave
from app.services import entity_service, inbox, support_approval, support_equipment, support_leave, sweeps
from app.services import support_reminders as R


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def run(db: Database, at):  # type: ignore[no-untyped-def]
    report = sweeps.run(db, [R.SWEEP_NAME], now=at)
    assert report.ran and report.ok, report
    return dict(report.results[0].counts)


def titles(db: Database, actor) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [m.title for m in inbox.list_for(s, actor)]


def test_leave_ended_without_xiaojia_is_reminded_once_to_the_officer_and_the_approver(db, staff) -> None:
    with db.session() as s:
        ident = entity_service.create(
            s,
            staff.wang,
            support_leave.LEAVE_SPEC,
            {"kind": "annual", "start_date": TODAY, "end_date": TODAY + timedelta(days=1), "reason": "探亲"},
        ).row.id
        version = s.get(SupportLeave, ident).version
        support_approval.decide(s, staff.leader, "leave", ident, version, True, "同意", now=NOW)
    last_day = NOW + timedelta(days=1)
    assert run(db, last_day) == {"leave": 0, "equipment": 0}  # still on leave: nothing yet
    assert run(db, NOW + timedelta(days=2)) == {"leave": 1, "equipment": 0}
    assert run(db, NOW + timedelta(days=3)) == {"leave": 0, "equipment": 0}  # once only
    assert titles(db, staff.wang) == ["【销假提醒】请假已到期，请办理销假"]
    assert "【销假提醒】请假已到期，请办理销假" in titles(db, staff.leader)
    assert titles(db, staff.li) == []


def test_returned_leave_is_not_reminded(db, staff) -> None:
    with db.session() as s:
        ident = entity_service.create(
            s,
            staff.wang,
            support_leave.LEAVE_SPEC,
            {"kind": "annual", "start_date": TODAY, "end_date": TODAY, "reason": "办事"},
        ).row.id
        version = s.get(SupportLeave, ident).version
        support_approval.decide(s, staff.leader, "leave", ident, version, True, "同意", now=NOW)
        leave = s.get(SupportLeave, ident)
        support_leave.register_return(s, staff.wang, ident, leave.version, returned_on=TODAY, now=NOW)
    assert run(db, NOW + timedelta(days=5))["leave"] == 0


def test_equipment_past_its_expected_return_is_reminded_once(db, staff) -> None:
    with db.session() as s:
        item = equipment(s, staff.chengguan)
        loan = entity_service.create(
            s,
            staff.wang,
            support_equipment.LOAN_SPEC,
            {"equipment_id": item, "purpose": "夜巡", "expected_return": TODAY + timedelta(days=1)},
        ).row.id
        version = s.get(SupportEquipmentLoan, loan).version
        support_approval.decide(s, staff.keeper, "equipment", loan, version, True, "同意", now=NOW)
    assert run(db, NOW + timedelta(days=1))["equipment"] == 0  # due today: not late yet
    assert run(db, NOW + timedelta(days=2))["equipment"] == 1
    assert run(db, NOW + timedelta(days=3))["equipment"] == 0
    got = titles(db, staff.wang)
    assert len(got) == 1 and got[0].startswith("【装备归还提醒】")
