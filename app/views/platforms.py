"""The five platforms: one main tab each, and the sections (screens) each one offers.

Each platform's package ``app.views.<key>`` declares its screens in ``sections.py`` (``SECTIONS``: a list of
:class:`Section` with the permission each needs). The main window shows a tab only to a role that may use
it, and inside a tab only the sections the role may open.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from app.models import permissions as P
from app.views.app_context import AppContext


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    permission: str
    factory: Callable[[AppContext], QWidget]


@dataclass
class Platform:
    key: str
    title: str
    permission: str
    summary: str
    planned: tuple[str, ...] = ()

    def tr_title(self) -> str:
        return QCoreApplication.translate("platform", self.title)

    @property
    def sections(self) -> list[Section]:
        """The screens declared in ``app/views/<key>/sections.py`` (none while a platform has none yet)."""
        try:
            module = importlib.import_module(f"app.views.{self.key}.sections")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"app.views.{self.key}", f"app.views.{self.key}.sections"):
                raise
            return []
        return list(module.SECTIONS)


PLATFORMS: list[Platform] = [
    Platform(
        "publicity",
        QT_TRANSLATE_NOOP("platform", "宣传平台"),
        P.TAB_PUBLICITY,
        QT_TRANSLATE_NOOP("platform", "窗口服务规则与便民措施的版本、审批、发布记录和各渠道宣传材料。"),
    ),
    Platform(
        "citizen",
        QT_TRANSLATE_NOOP("platform", "民生警务"),
        P.TAB_CITIZEN,
        QT_TRANSLATE_NOOP(
            "platform", "群众来窗、网上、电话办理的各类事项：受理、流转、短信告知、回执和证明。"
        ),
    ),
    Platform(
        "keyperson",
        QT_TRANSLATE_NOOP("platform", "重点人员管控"),
        P.TAB_KEYPERSON,
        QT_TRANSLATE_NOOP("platform", "一人四管、走访签到、风险积分、蓝黄橙预警、漏管脱管检查和撤管审批。"),
    ),
    Platform(
        "dispatch",
        QT_TRANSLATE_NOOP("platform", "指挥调度"),
        P.TAB_DISPATCH,
        QT_TRANSLATE_NOOP("platform", "警令下达与签收、集群战役、事件时间线和勤务状态看板。"),
    ),
    Platform(
        "support",
        QT_TRANSLATE_NOOP("platform", "警务保障"),
        P.TAB_SUPPORT,
        QT_TRANSLATE_NOOP(
            "platform",
            "人事、请销假、加班调休、排班、装备、车辆、经费、体检、培训、奖惩、帮扶、维权、通知与征集。",
        ),
    ),
]


def visible_platforms(permissions: frozenset[str]) -> list[Platform]:
    return [p for p in PLATFORMS if p.permission in permissions]
