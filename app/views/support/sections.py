"""The screens of the 警务保障 tab: self-service, approvals, the thirteen functions, statistics and the matrix.

The thirteen functions are declarations (EntitySpec) shown by the shared list screen; which rows and buttons a
user gets inside each follows the role x function x action matrix, read again when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import permissions as P
from app.views.app_context import AppContext
from app.views.platforms import Section


def _self_service(ctx: AppContext) -> QWidget:
    from app.views.support.self_service_page import SelfServicePage

    return SelfServicePage(ctx)


def _approvals(ctx: AppContext) -> QWidget:
    from app.views.support.approvals_screen import ApprovalsScreen

    return ApprovalsScreen(ctx)


def _register(spec_path: str, **kw: object):  # type: ignore[no-untyped-def]
    """A register (人事, 体检, 培训, 奖惩, 排班): the shared list of its declaration."""

    def make(ctx: AppContext) -> QWidget:
        import importlib

        from app.views.support.support_screen import SupportScreen

        module, name = spec_path.rsplit(".", 1)
        spec = getattr(importlib.import_module(module), name)
        return SupportScreen(spec, ctx, hide=("import",), **kw)  # type: ignore[arg-type]

    return make


def _leave(ctx: AppContext) -> QWidget:
    from app.services.support_leave import LEAVE_SPEC
    from app.views.support.function_screens import LeaveScreen

    return LeaveScreen(LEAVE_SPEC, ctx)


def _request(spec_path: str, flow: str):  # type: ignore[no-untyped-def]
    def make(ctx: AppContext) -> QWidget:
        import importlib

        from app.views.support.function_screens import RequestScreen

        module, name = spec_path.rsplit(".", 1)
        return RequestScreen(getattr(importlib.import_module(module), name), ctx, flow)

    return make


def _equipment(ctx: AppContext) -> QWidget:
    from app.services.support_equipment import EQUIPMENT_SPEC, LOAN_SPEC
    from app.views.support.function_screens import LoanScreen
    from app.views.support.support_screen import ScreenTabs, SupportScreen

    return ScreenTabs(
        [
            ("装备领用", LoanScreen(LOAN_SPEC, ctx)),
            ("装备台账", SupportScreen(EQUIPMENT_SPEC, ctx, hide=("import",))),
        ]
    )


def _vehicles(ctx: AppContext) -> QWidget:
    from app.services.support_vehicles import BOOKING_SPEC, VEHICLE_SPEC
    from app.views.support.function_screens import RequestScreen
    from app.views.support.support_screen import ScreenTabs, SupportScreen

    return ScreenTabs(
        [
            ("用车申请", RequestScreen(BOOKING_SPEC, ctx, "vehicle")),
            ("车辆台账", SupportScreen(VEHICLE_SPEC, ctx, hide=("import",))),
        ]
    )


def _notices(ctx: AppContext) -> QWidget:
    from app.views.support.notice_screens import notices_and_polls

    return notices_and_polls(ctx)


def _statistics(ctx: AppContext) -> QWidget:
    from app.views.support.statistics_screen import StatisticsScreen

    return StatisticsScreen(ctx)


def _matrix(ctx: AppContext) -> QWidget:
    from app.views.support.matrix_editor import MatrixEditor

    return MatrixEditor(ctx)


T = P.TAB_SUPPORT
SECTIONS = [
    Section("self_service", QT_TRANSLATE_NOOP("platform", "自助服务"), T, _self_service),
    Section("approvals", QT_TRANSLATE_NOOP("platform", "待我审批"), T, _approvals),
    Section(
        "personnel",
        QT_TRANSLATE_NOOP("platform", "人事档案"),
        T,
        _register("app.services.support_registers.PERSONNEL_SPEC"),
    ),
    Section("leave", QT_TRANSLATE_NOOP("platform", "请销假"), T, _leave),
    Section(
        "overtime",
        QT_TRANSLATE_NOOP("platform", "加班调休"),
        T,
        _request("app.services.support_overtime.OVERTIME_SPEC", "overtime"),
    ),
    Section(
        "roster",
        QT_TRANSLATE_NOOP("platform", "值班排班"),
        T,
        _register("app.services.support_roster.ROSTER_SPEC"),
    ),
    Section("equipment", QT_TRANSLATE_NOOP("platform", "装备管理"), T, _equipment),
    Section("vehicles", QT_TRANSLATE_NOOP("platform", "车辆管理"), T, _vehicles),
    Section(
        "expenses",
        QT_TRANSLATE_NOOP("platform", "经费报销"),
        T,
        _request("app.services.support_expenses.EXPENSE_SPEC", "expense"),
    ),
    Section(
        "health",
        QT_TRANSLATE_NOOP("platform", "健康体检"),
        T,
        _register("app.services.support_registers.HEALTH_SPEC"),
    ),
    Section(
        "training",
        QT_TRANSLATE_NOOP("platform", "教育培训"),
        T,
        _register("app.services.support_registers.TRAINING_SPEC"),
    ),
    Section(
        "awards",
        QT_TRANSLATE_NOOP("platform", "表彰奖惩"),
        T,
        _register("app.services.support_registers.AWARD_SPEC"),
    ),
    Section(
        "aid",
        QT_TRANSLATE_NOOP("platform", "困难帮扶"),
        T,
        _request("app.services.support_welfare.AID_SPEC", "aid"),
    ),
    Section(
        "rights",
        QT_TRANSLATE_NOOP("platform", "维权援助"),
        T,
        _request("app.services.support_welfare.RIGHTS_SPEC", "rights"),
    ),
    Section("notices", QT_TRANSLATE_NOOP("platform", "通知公告与意见征集"), T, _notices),
    Section("statistics", QT_TRANSLATE_NOOP("platform", "统计分析"), T, _statistics),
    Section("matrix", QT_TRANSLATE_NOOP("platform", "权限设置"), P.USERS_MANAGE, _matrix),
]
