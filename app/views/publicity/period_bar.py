"""A period chooser (presets and two dates) with a run button: the bar above every figures screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.working_days import today
from app.views.publicity.common import date_edit, pydate, qdate

PRESETS = (
    ("year", "本年"),
    ("last_quarter", "上季度"),
    ("quarter", "本季度"),
    ("year12", "近12个月"),
    ("custom", "自定义"),
)


def preset_period(key: str, now: date) -> tuple[date, date] | None:
    q = (now.month - 1) // 3
    if key == "year":
        return date(now.year, 1, 1), now
    if key == "quarter":
        return date(now.year, 3 * q + 1, 1), now
    if key == "last_quarter":
        year, q = (now.year, q - 1) if q else (now.year - 1, 3)
        start = date(year, 3 * q + 1, 1)
        end = (date(year + 1, 1, 1) if q == 3 else date(year, 3 * q + 4, 1)) - timedelta(days=1)
        return start, end
    if key == "year12":
        return now - timedelta(days=364), now
    return None


class PeriodBar(QWidget):
    requested = Signal(object, object)  # start, end

    def __init__(self, parent: QWidget | None = None, *, preset: str = "year") -> None:
        super().__init__(parent)
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for key, text in PRESETS:
            self.preset.addItem(self.tr(text), key)
        now = today()
        self.start = date_edit(date(now.year, 1, 1), "start")
        self.end = date_edit(now, "end")
        self.run_button = QPushButton(self.tr("统计"))
        self.run_button.setObjectName("run_button")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (QLabel(self.tr("期间")), self.preset, self.start, QLabel("—"), self.end, self.run_button):
            lay.addWidget(w)
        lay.addStretch(1)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.run_button.clicked.connect(self.run)
        self.preset.setCurrentIndex(self.preset.findData(preset))
        self._preset_changed()

    def period(self) -> tuple[date, date]:
        return pydate(self.start.date()), pydate(self.end.date())

    def set_period(self, start: date, end: date) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.start.setDate(qdate(start))
        self.end.setDate(qdate(end))
        self.run()

    @Slot()
    def _preset_changed(self) -> None:
        period = preset_period(str(self.preset.currentData()), today())
        if period is not None:
            self.start.setDate(qdate(period[0]))
            self.end.setDate(qdate(period[1]))
            self.run()

    @Slot()
    def run(self) -> None:
        self.requested.emit(*self.period())
