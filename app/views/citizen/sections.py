"""The screens of the 民生警务 tab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import permissions as P
from app.models import service_permissions as S
from app.views.app_context import AppContext
from app.views.platforms import Section


def _citizen_register(ctx: AppContext) -> QWidget:
    from app.services.citizens import CITIZEN_SPEC
    from app.views.common.entity_screen import EntityScreen

    return EntityScreen(CITIZEN_SPEC, ctx.actor, feed=ctx.signals)


def _intake(ctx: AppContext) -> QWidget:
    from app.views.citizen.intake_screen import IntakeScreen

    return IntakeScreen(ctx)


def _items(ctx: AppContext) -> QWidget:
    from app.views.citizen.item_list_screen import ItemListScreen

    return ItemListScreen(ctx)


def _lookup(ctx: AppContext) -> QWidget:
    from app.views.citizen.lookup_screen import LookupScreen

    return LookupScreen(ctx)


def _followups(ctx: AppContext) -> QWidget:
    from app.views.citizen.followup_screen import FollowUpScreen

    return FollowUpScreen(ctx)


def _overview(ctx: AppContext) -> QWidget:
    from app.views.citizen.card_overview import CardOverviewScreen

    return CardOverviewScreen(ctx)


def _figures(ctx: AppContext) -> QWidget:
    from app.views.citizen.figures_dashboard import FiguresDashboard

    return FiguresDashboard(ctx)


def _catalogue(ctx: AppContext) -> QWidget:
    from app.services.service_catalogue import CATALOGUE_SPEC
    from app.views.common.entity_screen import EntityScreen

    return EntityScreen(CATALOGUE_SPEC, ctx.actor, feed=ctx.signals)


def _calendar(ctx: AppContext) -> QWidget:
    from app.views.citizen.calendar_screen import CalendarScreen

    return CalendarScreen(ctx)


def _templates(ctx: AppContext) -> QWidget:
    from app.views.citizen.sms_templates_screen import SmsTemplatesScreen

    return SmsTemplatesScreen(ctx)


SECTIONS = [
    Section("intake", QT_TRANSLATE_NOOP("platform", "窗口受理"), S.SERVICE_INTAKE, _intake),
    Section("items", QT_TRANSLATE_NOOP("platform", "事项办理"), S.SERVICE_LOOKUP, _items),
    Section("lookup", QT_TRANSLATE_NOOP("platform", "进度查询"), S.SERVICE_LOOKUP, _lookup),
    Section("followups", QT_TRANSLATE_NOOP("platform", "差评回访"), S.SERVICE_FOLLOWUP, _followups),
    Section("supervision", QT_TRANSLATE_NOOP("platform", "时限督办"), S.SERVICE_FIGURES, _overview),
    Section("figures", QT_TRANSLATE_NOOP("platform", "统计分析"), S.SERVICE_FIGURES, _figures),
    Section("citizens", QT_TRANSLATE_NOOP("platform", "群众信息"), P.CITIZEN_VIEW, _citizen_register),
    Section("catalogue", QT_TRANSLATE_NOOP("platform", "事项目录"), S.SERVICE_LOOKUP, _catalogue),
    Section("calendar", QT_TRANSLATE_NOOP("platform", "工作日历"), S.SERVICE_CATALOGUE, _calendar),
    Section("sms_templates", QT_TRANSLATE_NOOP("platform", "短信模板"), S.SERVICE_CATALOGUE, _templates),
]
