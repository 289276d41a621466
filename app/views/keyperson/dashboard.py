"""预警图表: warnings by colour per day (90 days), the distribution by township now, and the high-risk trend.

The charts redraw by themselves when any workstation changes persons or warnings (the change feed arrives
on ``ctx.signals.changed``; several changes within :data:`DEBOUNCE_MS` cost one read). The figures are read
off the GUI thread and are aggregates (see keyperson_stats), so a redraw costs a few milliseconds whatever
the size of the register. Clicking a bar opens the matching list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.models.keyperson_permissions import LEVEL_NAMES, LEVEL_RED, WARNING_LEVELS
from app.services import keyperson_stats
from app.views.app_context import AppContext
from app.views.common.charts import WARNING_COLOURS, BarChart, LineChart, Series
from app.views.common.run_op import run_op
from app.views.keyperson.kp_screen import discard

WATCHED = frozenset({"key_person", "kp_warning", "kp_warning_daily"})
DEBOUNCE_MS = 300
DAYS = 90


class KeypersonDashboard(QWidget):
    refreshed = Signal(object)  # the Dashboard figures just drawn
    list_opened = Signal(object)  # the dialog with the list a bar click opened

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.data: Any = None
        self._ops: list[Any] = []
        self._busy = False
        self._again = False
        self.opened: list[QDialog] = []
        self.setObjectName("keyperson_dashboard")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("font-size: 11pt; padding: 4px;")
        self.daily = BarChart(self.tr("近90天每日预警（按颜色）"), stacked=True, parent=self)
        self.daily.setObjectName("daily_chart")
        self.towns = BarChart(
            self.tr("当前各乡镇预警人员分布（点击柱子查看名单）"), stacked=True, parent=self
        )
        self.towns.setObjectName("town_chart")
        self.trend = LineChart(self.tr("近90天高风险警报趋势"), parent=self)
        self.trend.setObjectName("trend_chart")
        grid = QGridLayout()
        grid.addWidget(self.towns, 0, 0)
        grid.addWidget(self.trend, 0, 1)
        grid.addWidget(self.daily, 1, 0, 1, 2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(grid, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        ctx.signals.changed.connect(self.on_tables_changed)
        self.towns.bar_clicked.connect(self.open_town_list)
        self.daily.bar_clicked.connect(self.open_day_list)
        self.reload()

    @Slot(object)
    def on_tables_changed(self, tables: Any) -> None:
        if WATCHED & set(tables):
            self._timer.start()

    @Slot()
    def reload(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        actor, today = self.ctx.actor, self.today
        op = run_op(self, lambda s: keyperson_stats.dashboard(s, actor, days=DAYS, today=today))
        self._ops.append(op)
        op.success(self.show_data).finished(lambda: self._finished(op)).start()

    def _finished(self, op: Any) -> None:
        if op in self._ops:
            self._ops.remove(op)
        self._busy = False
        if self._again:
            self._again = False
            self.reload()

    @staticmethod
    def _tidy_legend(chart: BarChart) -> None:
        """One legend entry per series, in the top right corner."""
        legend = chart.legend
        legend.clear()
        for item, series in zip(chart.items[-len(chart.series) :], chart.series, strict=False):
            legend.addItem(item, series.name)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 4))

    @staticmethod
    def _bars(chart: BarChart, categories: list[str], series: list[Series], tick_every: int = 1) -> None:
        """Redraw stacked bars: in place when only the values changed (no new items, no new legend)."""
        same = chart.categories == categories and [s.name for s in chart.series] == [s.name for s in series]
        if not same:
            chart.set_data(categories, series, tick_every=tick_every)
            KeypersonDashboard._tidy_legend(chart)
            return
        base = [0.0] * len(categories)
        for item, s in zip(chart.items[-len(series) :], series, strict=True):
            item.setOpts(height=list(s.values), y0=list(base))  # type: ignore[attr-defined]
            base = [b + v for b, v in zip(base, s.values, strict=True)]
        chart.series = list(series)
        chart.plot.setYRange(0, max([*base, 1]) * 1.1)

    def _trend(self, days: list[str], values: tuple[int, ...]) -> None:
        curves = self.trend.plot.listDataItems()
        if self.trend.categories == days and len(curves) == 1:
            curves[0].setData(list(range(len(values))), list(values))
        else:
            import pyqtgraph as pg

            self.trend.set_data(
                days, [Series(self.tr("高风险警报"), values, WARNING_COLOURS[LEVEL_RED])], tick_every=15
            )
            # A two-pixel antialiased line costs ~100 ms a paint on the raster engine; one pixel, ~10 ms.
            self.trend.plot.listDataItems()[0].setPen(pg.mkPen(WARNING_COLOURS[LEVEL_RED], width=1))
        self.trend.plot.setYRange(0, max(3, *values) + 1)

    @Slot(object)
    def show_data(self, data: Any) -> None:
        self.data = data
        names = [self.tr(LEVEL_NAMES[lv]) for lv in WARNING_LEVELS]
        colours = [WARNING_COLOURS[lv] for lv in WARNING_LEVELS]
        self._bars(
            self.towns,
            [name for _, name in data.towns.towns],
            [
                Series(n, data.towns.by_level[lv], c)
                for n, lv, c in zip(names, WARNING_LEVELS, colours, strict=True)
            ],
        )
        days = [d.strftime("%m-%d") for d in data.daily.days]
        self._bars(
            self.daily,
            days,
            [
                Series(n, data.daily.by_level[lv], c)
                for n, lv, c in zip(names, WARNING_LEVELS, colours, strict=True)
            ],
            tick_every=15,
        )
        self._trend(days, data.high_risk)
        supervised = sum(sum(v) for v in data.towns.by_level.values())
        today = sum(v[-1] for v in data.daily.by_level.values()) if data.daily.days else 0
        self.summary.setText(
            self.tr("有预警的在管人员 {0} 人，其中高风险 {1} 人；今日发出预警 {2} 条。").format(
                supervised, data.red_now, today
            )
        )
        self.refreshed.emit(data)

    # -- bar clicks open the matching list --------------------------------------------------------------
    def _list_dialog(self, title: str, screen: QWidget) -> QDialog:
        for closed in [d for d in self.opened if not d.isVisible()]:  # lists closed meanwhile: freed now
            self.opened.remove(closed)
            discard(closed)
        dialog = QDialog(self)
        dialog.setObjectName("chart_list_dialog")
        dialog.setWindowTitle(title)
        dialog.resize(1100, 600)
        QVBoxLayout(dialog).addWidget(screen)
        self.opened.append(dialog)
        dialog.show()
        self.list_opened.emit(dialog)
        return dialog

    @Slot(int, int)
    def open_town_list(self, index: int, series: int) -> QDialog | None:
        from app.views.keyperson.person_screen import KeyPersonScreen

        if self.data is None or not 0 <= index < len(self.data.towns.towns):
            return None
        code, name = self.data.towns.towns[index]
        level = WARNING_LEVELS[series]
        screen = KeyPersonScreen(self.ctx)
        screen.apply_filters({"town_code": code, "level": level})
        return self._list_dialog(
            self.tr("{0}：{1}人员名单").format(name, self.tr(LEVEL_NAMES[level])), screen
        )

    @Slot(int, int)
    def open_day_list(self, index: int, series: int) -> QDialog | None:
        from app.views.keyperson.work_screens import WarningScreen

        if self.data is None or not 0 <= index < len(self.data.daily.days):
            return None
        day = self.data.daily.days[index]
        level = WARNING_LEVELS[series]
        screen = WarningScreen(self.ctx)
        screen.apply_filters({"raised_at": (day, day), "level": level})
        return self._list_dialog(
            self.tr("{0}发出的{1}").format(day.isoformat(), self.tr(LEVEL_NAMES[level])), screen
        )
