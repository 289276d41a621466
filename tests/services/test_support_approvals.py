"""Approval flows other than leave: overtime to time off, equipment issue and return, vehicle use, expenses,
hardship aid, rights; each refuses self-approval; bad input gets a Chinese message and changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from support_samples import DAY, equipment, samples, vehicle
from support_staff import NOW, Staff, make_staff

from app.core.errors import DomainError, ValidationError
from app.models.db import Database
from app.models.support_assets import SupportEquipment, SupportEquipmentLoan, SupportVehicleBooking
from app.models.support_claims import SupportExpense
from app.services import (
    entity_service,
    support_approval,
    support_equipment,
    support_expenses,
    support_leave,
    support_overtime,
    support_vehicles,
    support_welfare,
)
from app.services.sms_text import LOCAL_TZ


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def create(db: Database, actor, spec, values) -> int:
    with db.session() as s:
        return entity_service.create(s, actor, spec, values).row.id


def decide(db: Database, actor, flow: str, ident: int, approve: bool = True, opinion: str = "同意", **extra):
    f = support_approval.flow(flow)
    with db.session() as s:
        version = s.get(f.model, ident).version
        return support_approval.decide(s, actor, flow, ident, version, approve, opinion, now=NOW, extra=extra)


def count(db: Database, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_overtime_approved_becomes_time_off_that_lieu_leave_draws_on(db, staff) -> None:
    ot = create(
        db,
        staff.wang,
        support_overtime.OVERTIME_SPEC,
        {"work_date": DAY, "hours": Decimal("12"), "reason": "专项行动"},
    )
    lieu = {
        "kind": "lieu",
        "start_date": DAY + timedelta(days=3),
        "end_date": DAY + timedelta(days=3),
        "reason": "调休",
    }
    with pytest.raises(DomainError) as err:  # not approved yet: no balance
        create(db, staff.wang, support_leave.LEAVE_SPEC, lieu)
    assert "余额" in err.value.message()
    decide(db, staff.leader, "overtime", ot)
    with db.session() as s:
        assert support_overtime.balance(s, staff.wang).available == Decimal("12")
    create(db, staff.wang, support_leave.LEAVE_SPEC, lieu)  # 8 hours
    with db.session() as s:
        assert support_overtime.balance(s, staff.wang).available == Decimal("4")
    second = {**lieu, "start_date": DAY + timedelta(days=4), "end_date": DAY + timedelta(days=4)}
    with pytest.raises(DomainError):
        create(db, staff.wang, support_leave.LEAVE_SPEC, second)  # 8 more hours than the 4 left


def test_equipment_issue_and_return_each_need_another_person(db, staff) -> None:
    with db.session() as s:
        item = equipment(s, staff.chengguan)
    loan = create(db, staff.wang, support_equipment.LOAN_SPEC, {"equipment_id": item, "purpose": "夜巡"})
    decide(db, staff.keeper, "equipment", loan)
    with db.session() as s:
        got = s.get(SupportEquipment, item)
        assert (got.status, got.holder_id) == ("issued", staff.wang.user_id)
        support_equipment.request_return(
            s, staff.wang, loan, s.get(SupportEquipmentLoan, loan).version, now=NOW
        )
    with pytest.raises(DomainError) as err:
        decide(db, staff.wang, "equipment", loan)  # the holder cannot confirm their own return
    assert err.value.code in ("own_request", "permission_denied")
    decide(db, staff.keeper, "equipment", loan)
    with db.session() as s:
        got = s.get(SupportEquipment, item)
        assert (got.status, got.holder_id) == ("in_stock", None)
        assert s.get(SupportEquipmentLoan, loan).status == "returned"


def test_issuing_equipment_already_out_is_refused_and_nothing_changes(db, staff) -> None:
    with db.session() as s:
        item = equipment(s, staff.chengguan)
    first = create(db, staff.wang, support_equipment.LOAN_SPEC, {"equipment_id": item, "purpose": "夜巡"})
    second = create(db, staff.li, support_equipment.LOAN_SPEC, {"equipment_id": item, "purpose": "走访"})
    decide(db, staff.keeper, "equipment", first)
    before = count(db, SupportEquipmentLoan)
    with pytest.raises(DomainError) as err:  # a new request while it is out
        create(db, staff.li, support_equipment.LOAN_SPEC, {"equipment_id": item, "purpose": "走访"})
    assert "已发放给王警官" in err.value.message()
    assert count(db, SupportEquipmentLoan) == before
    with pytest.raises(DomainError) as err:  # approving the other request made before it went out
        decide(db, staff.keeper, "equipment", second)
    assert err.value.code == "support_equipment_out"
    with db.session() as s:
        assert s.get(SupportEquipmentLoan, second).status == "pending"
        assert s.get(SupportEquipment, item).holder_id == staff.wang.user_id
    with pytest.raises(IntegrityError), db.session() as s:  # the database keeps one loan out per item
        s.execute(text("UPDATE support_equipment_loan SET status = 'issued' WHERE id = :i"), {"i": second})


def test_a_vehicle_booked_twice_for_the_same_time_is_refused(db, staff) -> None:
    with db.session() as s:
        car = vehicle(s, staff.chengguan)
    start = datetime(2026, 12, 3, 9, 0, tzinfo=LOCAL_TZ)
    values = {"vehicle_id": car, "start_at": start, "end_at": start + timedelta(hours=4), "purpose": "押解"}
    first = create(db, staff.wang, support_vehicles.BOOKING_SPEC, values)
    clash = {
        **values,
        "start_at": start + timedelta(hours=3),
        "end_at": start + timedelta(hours=6),
        "purpose": "走访",
    }
    with pytest.raises(DomainError) as err:
        create(db, staff.li, support_vehicles.BOOKING_SPEC, clash)
    assert "陕G·A1234" in err.value.message() and "王警官" in err.value.message()
    assert count(db, SupportVehicleBooking) == 1
    after = {**values, "start_at": start + timedelta(hours=4), "end_at": start + timedelta(hours=6)}
    create(db, staff.li, support_vehicles.BOOKING_SPEC, after)  # back to back is fine
    with pytest.raises(DomainError) as err:
        decide(db, staff.wang, "vehicle", first)  # own request (and no approve permission)
    assert decide(db, staff.leader, "vehicle", first).status == "approved"


def test_an_expense_without_required_fields_is_refused_field_by_field(db, staff) -> None:
    with pytest.raises(ValidationError) as err:
        create(db, staff.wang, support_expenses.EXPENSE_SPEC, {"category": "travel", "amount": "0"})
    errors = err.value.field_errors
    assert set(errors) >= {"amount", "spent_on", "description"}
    assert errors["spent_on"] == "请填写发生日期" and errors["description"] == "请填写事由及明细"
    assert count(db, SupportExpense) == 0


def test_expense_and_aid_and_rights_are_decided_by_another_person(db, staff) -> None:
    values = {
        "category": "travel",
        "amount": Decimal("356.50"),
        "spent_on": DAY,
        "invoices": 2,
        "description": "赴市局开会",
    }
    expense = create(db, staff.wang, support_expenses.EXPENSE_SPEC, values)
    with pytest.raises(DomainError):
        decide(db, staff.leader, "expense", expense, approve=False, opinion="")  # refusal needs a reason
    assert (
        decide(db, staff.leader, "expense", expense, approve=False, opinion="票据不全").status == "rejected"
    )
    aid = create(
        db,
        staff.wang,
        support_welfare.AID_SPEC,
        {"category": "illness", "amount_requested": "5000", "reason": "家属住院"},
    )
    with pytest.raises(DomainError):
        decide(db, staff.keeper, "aid", aid, amount="6000")  # more than asked
    assert decide(db, staff.keeper, "aid", aid, amount="3000").status == "approved"
    rights = create(
        db,
        staff.wang,
        support_welfare.RIGHTS_SPEC,
        {"kind": "assault", "occurred_on": DAY, "description": "执法时被推搡", "request": "追究责任"},
    )
    assert decide(db, staff.keeper, "rights", rights, opinion="已协调法制大队依法处理").status == "approved"


@pytest.mark.parametrize(
    "index", [1, 2, 4, 5, 6, 10, 11]
)  # leave, overtime, equipment, vehicle, expense, aid, rights
def test_every_flow_refuses_self_approval_in_the_service_and_the_database(db, staff, index) -> None:
    with db.session() as s:
        items = [equipment(s, staff.office, f"ZB-{i}") for i in range(3)]
        car = vehicle(s, staff.office)
    spec, values = samples(0, items, car)[index]
    ident = create(db, staff.keeper, spec, values)  # the support staff's own request
    flow = next(f for f in support_approval.flows().values() if f.model is spec.model)
    with db.session() as s:
        f_obj = s.get(spec.model, ident)
        version = f_obj.version
    with pytest.raises(DomainError) as err, db.session() as s:
        support_approval.decide(s, staff.keeper, flow.key, ident, version, True, "同意")
    assert err.value.code in ("own_request", "permission_denied")
    with pytest.raises(IntegrityError), db.session() as s:
        table = spec.model.__tablename__
        s.execute(text(f"UPDATE {table} SET approver_id = user_id WHERE id = :i"), {"i": ident})


def test_the_approval_form_prints_the_request_and_its_signatures(db, staff, tmp_path) -> None:
    import subprocess

    from app.printing.support_approval_form import render_approval_form

    values = {
        "kind": "annual",
        "start_date": DAY,
        "end_date": DAY + timedelta(days=1),
        "reason": "回家探望父母",
    }
    ident = create(db, staff.wang, support_leave.LEAVE_SPEC, values)
    decide(db, staff.leader, "leave", ident, opinion="同意，按时销假")
    with db.session() as s:
        detail = support_approval.detail(s, staff.wang, "leave", ident)
    assert not detail.can_decide  # the applicant reads it; they cannot decide it
    path = tmp_path / "form.pdf"
    path.write_bytes(render_approval_form(detail, printed_by="王警官"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("请假审批表", "王警官", "年休假", "陈所长：同意，按时销假", "已批准", "LEAVE-"):
        assert expected in text
