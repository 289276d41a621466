"""Self-service: every officer sees their own file, leave, time-off balance, training record and notices, and
never anyone else's; statistics per function within the viewer's scope, printed as a Chinese PDF."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from support_samples import DAY, equipment, samples, vehicle
from support_staff import NOW, Staff, make_staff

from app.core.errors import PermissionDenied
from app.models import support_permissions as P
from app.models.db import Database
from app.models.support_leave import SupportLeave, SupportOvertime
from app.services import (
    entity_service,
    support_approval,
    support_expenses,
    support_leave,
    support_matrix,
    support_overtime,
    support_registers,
    support_self_service,
    support_statistics,
)
from app.services.context import SYSTEM
from app.services.entity_spec import Query


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def records(db: Database, staff: Staff) -> None:
    with db.session() as s:
        items = [equipment(s, staff.chengguan, f"ZB-{i}") for i in range(3)]
        car = vehicle(s, staff.chengguan)
    for n, who in enumerate((staff.wang, staff.li)):
        for spec, values in samples(n, items, car):
            with db.session() as s:
                entity_service.create(s, SYSTEM, spec, {**values, "user_id": who.user_id})
    with db.session() as s:
        for ot in s.query(SupportOvertime).all():
            support_approval.decide(s, staff.leader, "overtime", ot.id, ot.version, True, "同意")
        for leave in s.query(SupportLeave).all():
            support_approval.decide(s, staff.leader, "leave", leave.id, leave.version, True, "同意")


def test_self_service_shows_only_ones_own_records(db, staff, records) -> None:
    with db.session() as s:
        for spec in (
            support_leave.MY_LEAVE_SPEC,
            support_overtime.MY_OVERTIME_SPEC,
            support_registers.MY_TRAINING_SPEC,
        ):
            rows = entity_service.page(s, staff.wang, spec, Query(), 0, 50)
            assert len(rows) == 1, spec.key
            ident = rows[0].id
            assert s.get(spec.model, ident).user_id == staff.wang.user_id
        # even a support clerk who sees everyone sees only their own in self-service
        assert entity_service.count(s, staff.keeper, support_leave.MY_LEAVE_SPEC, Query()) == 0
        li_leave = s.query(SupportLeave).filter_by(user_id=staff.li.user_id).one().id
        with pytest.raises(Exception):  # noqa: B017 - NotFound: another's record is not there for them
            entity_service.get(s, staff.wang, support_leave.MY_LEAVE_SPEC, li_leave)
        view = support_self_service.overview(s, staff.wang, now=NOW)
    assert view.name == "王警官" and view.unit == "城关派出所"
    assert view.balance_hours == Decimal("4")
    assert view.training_hours_year == Decimal("8")
    assert dict(view.file.lines)["警衔"] == "二级警司"


def test_self_service_parts_follow_the_matrix(db, staff, records) -> None:
    with db.session() as s:
        row = next(r for r in support_matrix.matrix(s, staff.admin).roles if r.code == "officer")
        support_matrix.save_role(
            s, staff.admin, "officer", {P.code(P.PERSONNEL, P.VIEW_OWN): False}, row.version
        )
    with db.session() as s:
        assert support_self_service.overview(s, staff.wang, now=NOW).file is None
        with pytest.raises(PermissionDenied):
            support_self_service.my_file(s, staff.wang)


def test_statistics_per_function_within_the_scope(db, staff, records) -> None:
    with db.session() as s:
        expense = s.query(support_expenses.SupportExpense).filter_by(user_id=staff.wang.user_id).one()
        support_approval.decide(s, staff.leader, "expense", expense.id, expense.version, True, "同意")
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    with db.session() as s:
        unit = support_statistics.statistics(s, staff.leader, start, end)
        own = support_statistics.statistics(s, staff.wang, start, end)
    assert unit.figure("leave_kind").rows == (("事假", 2),)  # 王 and 李, one day each
    assert own.figure("leave_kind").rows == (("事假", 1),)
    assert unit.figure("expense_category").rows == (("差旅费", 1, Decimal("356.50")),)
    assert {r[0] for r in unit.figure("overtime_balance").rows} == {"王警官", "李警官"}
    assert unit.figure("training_hours").rows == (("城关派出所", 2, Decimal("16")),)
    assert own.figure("overtime_balance").rows == (("王警官", Decimal("4"), Decimal("0"), Decimal("4")),)


def test_statistics_print_as_a_chinese_pdf_with_charts(db, staff, records, tmp_path) -> None:
    from app.printing.support_statistics_report import render_statistics

    with db.session() as s:
        stats = support_statistics.statistics(s, staff.keeper, date(2026, 1, 1), date(2026, 12, 31))
    pdf = render_statistics(stats, printed_by="孙保障")
    path = tmp_path / "stats.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    words = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("警务保障统计报表", "请假天数（按类别）", "事假", "培训学时（按单位）", "城关派出所"):
        assert expected in words
    _ = timedelta, DAY
