"""The screens of the 重点人员管控 tab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import keyperson_permissions as K
from app.views.app_context import AppContext
from app.views.platforms import Section


def _persons(ctx: AppContext) -> QWidget:
    from app.views.keyperson.person_screen import KeyPersonScreen

    return KeyPersonScreen(ctx)


def _my_warnings(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import WarningScreen

    return WarningScreen(ctx, mine=True)


def _warnings(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import WarningScreen

    return WarningScreen(ctx)


def _visits(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import VisitScreen

    return VisitScreen(ctx)


def _events(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import EventScreen

    return EventScreen(ctx)


def _removals(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import RemovalScreen

    return RemovalScreen(ctx)


def _inspections(ctx: AppContext) -> QWidget:
    from app.views.keyperson.work_screens import InspectionScreen

    return InspectionScreen(ctx)


def _dashboard(ctx: AppContext) -> QWidget:
    from app.views.keyperson.dashboard import KeypersonDashboard

    return KeypersonDashboard(ctx)


def _statistics(ctx: AppContext) -> QWidget:
    from app.views.keyperson.statistics_screen import StatisticsScreen

    return StatisticsScreen(ctx)


def _categories(ctx: AppContext) -> QWidget:
    from app.services.keyperson_specs import CATEGORY_SPEC
    from app.views.common.entity_screen import EntityScreen

    screen = EntityScreen(CATEGORY_SPEC, ctx.actor, feed=ctx.signals)
    screen.actions_by_name["delete"].setVisible(False)
    return screen


def _rules(ctx: AppContext) -> QWidget:
    from app.views.keyperson.rules_screen import RulesScreen

    return RulesScreen(ctx)


SECTIONS = [
    Section("persons", QT_TRANSLATE_NOOP("platform", "重点人员档案"), K.KP_VIEW, _persons),
    Section("my_warnings", QT_TRANSLATE_NOOP("platform", "我的预警"), K.KP_WARNING_HANDLE, _my_warnings),
    Section("warnings", QT_TRANSLATE_NOOP("platform", "预警"), K.KP_VIEW, _warnings),
    Section("visits", QT_TRANSLATE_NOOP("platform", "走访与签到"), K.KP_VIEW, _visits),
    Section("events", QT_TRANSLATE_NOOP("platform", "风险事件"), K.KP_VIEW, _events),
    Section("removals", QT_TRANSLATE_NOOP("platform", "撤管审批"), K.KP_VIEW, _removals),
    Section("inspections", QT_TRANSLATE_NOOP("platform", "漏管脱管检查"), K.KP_VIEW, _inspections),
    Section("dashboard", QT_TRANSLATE_NOOP("platform", "预警图表"), K.KP_STATS, _dashboard),
    Section("statistics", QT_TRANSLATE_NOOP("platform", "统计报表"), K.KP_STATS, _statistics),
    Section("categories", QT_TRANSLATE_NOOP("platform", "人员类别"), K.KP_VIEW, _categories),
    Section("rules", QT_TRANSLATE_NOOP("platform", "积分规则"), K.KP_VIEW, _rules),
]
