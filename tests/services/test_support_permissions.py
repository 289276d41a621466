"""The role x function x action matrix, enforced by the services: each action (view own / unit / all, create,
approve, export) granted and withdrawn, and a change applying to a user who is already logged in."""

from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path

import pytest
from support_samples import DAY, equipment, samples, vehicle
from support_staff import Staff, make_staff

from app.core.errors import ConflictError, DomainError, PermissionDenied
from app.models import support_permissions as P
from app.models.db import Database
from app.models.support_leave import SupportLeave
from app.services import entity_service, support_approval, support_leave, support_matrix
from app.services.context import SYSTEM
from app.services.entity_spec import Query

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def migration_defaults() -> dict[str, set[str]]:
    path = ROOT / "app/migrations/versions/0007_support.py"
    spec = importlib.util.spec_from_file_location("support_revision", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {role: set(perms) for role, perms in module.DEFAULTS.items()}


def test_the_revision_grants_the_declared_default_matrix() -> None:
    assert migration_defaults() == {role: set(perms) for role, perms in P.DEFAULTS.items()}


def set_cell(db: Database, admin, role: str, function: str, action: str, on: bool) -> None:
    with db.session() as s:
        row = next(r for r in support_matrix.matrix(s, admin).roles if r.code == role)
        support_matrix.save_role(s, admin, role, {P.code(function, action): on}, row.version)


def listed(db: Database, actor, spec) -> list[int]:
    with db.session() as s:
        return [r.values["user_id"] for r in entity_service.page(s, actor, spec, Query(), 0, 100)]


@pytest.fixture
def every_register(db: Database, staff: Staff):
    """One record of every owned register for 王 (城关), 赵 (佐龙) and 孙 (警务保障室), made by the system."""
    with db.session() as s:
        items = [equipment(s, staff.chengguan, f"ZB-{i:04d}") for i in range(3)]
        car = vehicle(s, staff.chengguan)
    for n, who in enumerate((staff.wang, staff.zhao, staff.keeper)):
        for spec, values in samples(n, items, car):
            with db.session() as s:
                entity_service.create(s, SYSTEM, spec, {**values, "user_id": who.user_id})
    return [spec for spec, _ in samples(0, items, car)]


def test_view_own_unit_and_all_bound_every_register(db, staff, every_register) -> None:
    for spec in every_register:
        assert sorted(listed(db, staff.wang, spec)) == [staff.wang.user_id], spec.key  # 本人
        assert sorted(listed(db, staff.leader, spec)) == [staff.wang.user_id], spec.key  # 城关派出所
        everyone = sorted([staff.wang.user_id, staff.zhao.user_id, staff.keeper.user_id])
        assert sorted(listed(db, staff.keeper, spec)) == everyone, spec.key  # 全部


def test_withdrawing_view_own_closes_the_function_at_once(db, staff, every_register) -> None:
    assert listed(db, staff.wang, support_leave.LEAVE_SPEC)
    set_cell(db, staff.admin, "officer", P.LEAVE, P.VIEW_OWN, False)
    with pytest.raises(PermissionDenied), db.session() as s:  # the same logged-in Actor, no restart
        entity_service.count(s, staff.wang, support_leave.LEAVE_SPEC, Query())
    set_cell(db, staff.admin, "officer", P.LEAVE, P.VIEW_ALL, True)
    assert len(listed(db, staff.wang, support_leave.LEAVE_SPEC)) == 3


def test_create_follows_the_matrix_and_the_scope(db, staff) -> None:
    values = {"kind": "personal", "start_date": DAY, "end_date": DAY, "reason": "家中有事"}
    with db.session() as s:
        entity_service.create(s, staff.wang, support_leave.LEAVE_SPEC, values)
    with pytest.raises(DomainError) as err, db.session() as s:  # for someone outside one's scope
        other = {**values, "user_id": staff.zhao.user_id, "start_date": DAY + timedelta(days=3)}
        entity_service.create(
            s, staff.wang, support_leave.LEAVE_SPEC, {**other, "end_date": other["start_date"]}
        )
    assert "赵警官" in err.value.message()
    set_cell(db, staff.admin, "officer", P.LEAVE, P.CREATE, False)
    later = {**values, "start_date": DAY + timedelta(days=5), "end_date": DAY + timedelta(days=5)}
    with pytest.raises(PermissionDenied), db.session() as s:
        entity_service.create(s, staff.wang, support_leave.LEAVE_SPEC, later)
    with db.session() as s:
        assert s.query(SupportLeave).count() == 1


def test_approve_follows_the_matrix(db, staff) -> None:
    values = {"kind": "personal", "start_date": DAY, "end_date": DAY, "reason": "家中有事"}
    with db.session() as s:
        ident = entity_service.create(s, staff.wang, support_leave.LEAVE_SPEC, values).row.id
    set_cell(db, staff.admin, "supervisor", P.LEAVE, P.APPROVE, False)
    with pytest.raises(PermissionDenied), db.session() as s:
        support_approval.decide(s, staff.leader, "leave", ident, 1, True, "同意")
    with db.session() as s:
        assert support_approval.pending_for(s, staff.leader) == []
    set_cell(db, staff.admin, "supervisor", P.LEAVE, P.APPROVE, True)
    with db.session() as s:
        assert support_approval.decide(s, staff.leader, "leave", ident, 1, True, "同意").status == "approved"


def test_export_follows_the_matrix_and_exports_only_the_scope(db, staff, every_register) -> None:
    spec = support_leave.LEAVE_SPEC
    with pytest.raises(PermissionDenied), db.session() as s:
        list(entity_service.rows_for_export(s, staff.wang, spec, Query()))
    with db.session() as s:
        rows = list(entity_service.rows_for_export(s, staff.leader, spec, Query()))
    assert [r[0] for r in rows] == ["王警官"]
    set_cell(db, staff.admin, "officer", P.LEAVE, P.EXPORT, True)
    with db.session() as s:
        assert len(list(entity_service.rows_for_export(s, staff.wang, spec, Query()))) == 1


def test_only_an_administrator_edits_the_matrix_and_a_stale_save_is_refused(db, staff) -> None:
    with pytest.raises(PermissionDenied), db.session() as s:
        support_matrix.matrix(s, staff.keeper)
    with db.session() as s:
        m = support_matrix.matrix(s, staff.admin)
        assert m.cell("officer", P.LEAVE, P.CREATE) is True
        assert m.cell("officer", P.HEALTH, P.APPROVE) is None  # no approval step: no cell
        version = next(r.version for r in m.roles if r.code == "officer")
        support_matrix.save_role(s, staff.admin, "officer", {P.code(P.LEAVE, P.EXPORT): True}, version)
    with pytest.raises(ConflictError), db.session() as s:
        support_matrix.save_role(s, staff.admin, "officer", {P.code(P.LEAVE, P.EXPORT): False}, version)


def test_every_function_has_list_filters_form_export_and_print(db, staff, every_register, tmp_path) -> None:
    """The thirteen functions are declarations: each exports its scoped list to Excel and prints it."""
    import openpyxl

    from app.printing.list_report import render_table
    from app.services import excel_io, support_equipment, support_notices, support_polls, support_vehicles

    specs = [
        *every_register,
        support_equipment.EQUIPMENT_SPEC,
        support_vehicles.VEHICLE_SPEC,
        support_notices.NOTICE_SPEC,
        support_polls.POLL_SPEC,
    ]
    functions = {s.permissions["create"].split(".")[1] for s in specs}
    assert functions == {f for f, _ in P.FUNCTIONS}  # all thirteen
    for spec in specs:
        assert spec.filters and spec.form_fields and {"export", "print"} <= set(spec.permissions), spec.key
        path = tmp_path / f"{spec.key}.xlsx"
        with db.session() as s:
            rows = excel_io.export_xlsx(s, staff.leader, spec, Query(), path)
            page = entity_service.page(s, staff.leader, spec, Query(), 0, 50)
        sheet = openpyxl.load_workbook(path, read_only=True).active
        lines = list(sheet.iter_rows(values_only=True))
        header = next(i for i, line in enumerate(lines) if line and line[0] == spec.list_fields[0].label)
        assert len(lines) - header - 1 == rows == len(page), spec.key  # the leader's scope, nothing more
        pdf = render_table(
            spec.title,
            [f.label for f in spec.list_fields],
            [[str(v) for v in r.values.values()] for r in page],
        )
        assert pdf.startswith(b"%PDF")
