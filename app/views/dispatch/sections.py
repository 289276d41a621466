"""The screens of the 指挥调度 tab.

The officer's inbox comes first: the platform page builds its first section at once, so every officer's
inbox (and its notices of new orders) is live from the moment of login.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import dispatch_permissions as P
from app.views.app_context import AppContext
from app.views.platforms import Section


def _inbox(ctx: AppContext) -> QWidget:
    from app.views.dispatch.order_inbox import OrderInbox

    return OrderInbox(ctx)


def _orders(ctx: AppContext) -> QWidget:
    from app.views.dispatch.order_console import OrderConsole

    return OrderConsole(ctx)


def _incidents(ctx: AppContext) -> QWidget:
    from app.views.dispatch.incident_screen import IncidentScreen

    return IncidentScreen(ctx)


def _board(ctx: AppContext) -> QWidget:
    from app.views.dispatch.duty_board_view import DutyBoardView

    return DutyBoardView(ctx)


SECTIONS = [
    Section("order_inbox", QT_TRANSLATE_NOOP("platform", "我的警令"), P.DISPATCH_RECEIVE, _inbox),
    Section("orders", QT_TRANSLATE_NOOP("platform", "警令下达与签收"), P.DISPATCH_MONITOR, _orders),
    Section("incidents", QT_TRANSLATE_NOOP("platform", "事件与集群战役"), P.DISPATCH_RECEIVE, _incidents),
    Section("duty_board", QT_TRANSLATE_NOOP("platform", "勤务看板"), P.DISPATCH_MONITOR, _board),
]
