"""The screens of the 宣传平台 tab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import publicity_permissions as P
from app.views.app_context import AppContext
from app.views.platforms import Section


def _items(ctx: AppContext) -> QWidget:
    from app.views.publicity.item_screen import ItemScreen

    return ItemScreen(ctx)


def _releases(ctx: AppContext) -> QWidget:
    from app.views.publicity.release_screen import ReleaseScreen

    return ReleaseScreen(ctx)


def _channel_figures(ctx: AppContext) -> QWidget:
    from app.views.publicity.channel_figures_screen import ChannelFiguresScreen

    return ChannelFiguresScreen(ctx)


def _guides(ctx: AppContext) -> QWidget:
    from app.views.publicity.guide_screen import GuideScreen

    return GuideScreen(ctx)


def _public_figures(ctx: AppContext) -> QWidget:
    from app.views.publicity.public_figures_screen import PublicFiguresScreen

    return PublicFiguresScreen(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from app.views.publicity.settings_screen import SettingsScreen

    return SettingsScreen(ctx)


SECTIONS = [
    Section("items", QT_TRANSLATE_NOOP("platform", "服务规则与便民措施"), P.PUBLICITY_VIEW, _items),
    Section("releases", QT_TRANSLATE_NOOP("platform", "发布记录"), P.PUBLICITY_VIEW, _releases),
    Section("channel_figures", QT_TRANSLATE_NOOP("platform", "渠道统计"), P.PUBLICITY_VIEW, _channel_figures),
    Section("guides", QT_TRANSLATE_NOOP("platform", "办事指南"), P.PUBLICITY_VIEW, _guides),
    Section(
        "public_figures", QT_TRANSLATE_NOOP("platform", "公开数据"), P.PUBLICITY_FIGURES, _public_figures
    ),
    Section("settings", QT_TRANSLATE_NOOP("platform", "宣传设置"), P.PUBLICITY_PUBLISH, _settings),
]
