"""How the platform's screens write times, durations and status colours."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.models.dispatch_duty import DUTY_AWAY, DUTY_ON, DUTY_ON_SCENE, DUTY_PATROL, DUTY_STANDBY

STATUS_COLORS = {
    DUTY_ON: QColor("#2e7d32"),
    DUTY_STANDBY: QColor("#1565c0"),
    DUTY_PATROL: QColor("#00838f"),
    DUTY_ON_SCENE: QColor("#c62828"),
    DUTY_AWAY: QColor("#757575"),
}
PRIORITY_COLORS = {0: QColor("#37474f"), 1: QColor("#e65100"), 2: QColor("#c62828")}


def tr(text: str) -> str:
    return QCoreApplication.translate("dispatch", text)


def when(at: datetime | None, *, year: bool = False) -> str:
    """Local time: ``12-01 09:03`` (``2026-12-01 09:03`` with ``year``); an em dash when unknown."""
    if at is None:
        return "—"
    return at.astimezone().strftime("%Y-%m-%d %H:%M" if year else "%m-%d %H:%M")


def duration(seconds: int | None) -> str:
    """``3分钟``, ``2小时05分``, ``3天4小时``; an em dash when unknown."""
    if seconds is None:
        return "—"
    minutes = seconds // 60
    if minutes < 60:
        return tr("{0}分钟").format(minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return tr("{0}小时{1:02d}分").format(hours, minutes)
    days, hours = divmod(hours, 24)
    return tr("{0}天{1}小时").format(days, hours)
