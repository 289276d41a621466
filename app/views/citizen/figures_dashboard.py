"""统计分析: the platform's figures for a period, by department, officer, channel and month, with charts;
exported to Excel and printed. Everything is computed in SQL by ``service_figures`` in the background."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import figures_export, service_figures
from app.services.service_figures import FigureRow, Figures
from app.services.working_days import today
from app.views.app_context import AppContext
from app.views.citizen.preview import open_preview
from app.views.common.run_op import run_op

WATCHED = frozenset({"service_item", "service_tally", "service_rating", "sms_message"})
KPIS = (
    ("received", "受理"),
    ("completed", "办结"),
    ("rate", "办结率"),
    ("overdue", "超期"),
    ("days", "平均办理（工作日）"),
    ("lookups", "查询次数"),
    ("texts", "短信发送"),
    ("rating", "满意度"),
)


def short_name(unit: str) -> str:
    """A department's name short enough for a chart axis: 网络安全保卫大队 -> 网络安全."""
    name = unit.removesuffix("大队")
    return name if len(name) <= 4 else name[:4]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _leave_room_for_the_legend(chart: Any, top: int) -> None:
    """Counts start at zero, with space above the highest bar or point for the legend in the top corner
    (a tall first bar hid the legend; a line axis starting near its minimum exaggerated small changes)."""
    chart.plot.setYRange(0, max(top, 1) * 1.35, padding=0)


class FiguresDashboard(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures_dashboard")
        self.ctx = ctx
        self.figures: Figures | None = None
        self.preview_dialog: Any = None
        self._ops: list[Any] = []
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for key, text in (
            ("year12", "近12个月"),
            ("year", "本年"),
            ("quarter", "本季度"),
            ("month", "本月"),
            ("custom", "自定义"),
        ):
            self.preset.addItem(self.tr(text), key)
        self.start = QDateEdit()
        self.start.setObjectName("start")
        self.end = QDateEdit()
        self.end.setObjectName("end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.run_button = QPushButton(self.tr("统计"))
        self.run_button.setObjectName("run_button")
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setObjectName("export_button")
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setObjectName("print_button")
        self.status = QLabel()
        self.status.setObjectName("status_label")
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("期间")), self.preset, self.start, QLabel("—"), self.end, self.run_button):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)

        self.kpi_labels: dict[str, QLabel] = {}
        kpis = QGridLayout()
        for n, (key, text) in enumerate(KPIS):
            title = QLabel(self.tr(text))
            title.setStyleSheet("color: #555;")
            value = QLabel("—")
            value.setObjectName(f"kpi_{key}")
            value.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0d3c84;")
            kpis.addWidget(title, 0, n)
            kpis.addWidget(value, 1, n)
            self.kpi_labels[key] = value

        from app.views.common.charts import BarChart, LineChart

        self.unit_chart = BarChart(self.tr("各部门受理与办结"))
        self.month_chart = LineChart(self.tr("按月受理与办结"))
        self.channel_chart = BarChart(self.tr("各渠道受理"))
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.unit_chart)
        charts.addWidget(self.month_chart)
        charts.addWidget(self.channel_chart)
        charts.setSizes([500, 400, 250])
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for key, text in (
            ("unit", "按部门"),
            ("officer", "按民警"),
            ("channel", "按渠道"),
            ("month", "按月份"),
        ):
            table = QTableWidget(0, len(figures_export.COLUMNS))
            table.setObjectName(f"table_{key}")
            table.setHorizontalHeaderLabels([self.tr(c) for c in figures_export.COLUMNS])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.tables[key] = table
            self.tabs.addTab(table, self.tr(text))
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.tabs)
        body.setSizes([330, 300])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(kpis)
        lay.addWidget(body, 1)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.run_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_excel)
        self.print_button.clicked.connect(self.print_report)
        ctx.signals.changed.connect(self._tables_changed)
        self._preset_changed()

    # -- period --------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return _pydate(self.start.date()), _pydate(self.end.date())

    def set_period(self, start: date, end: date) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))
        self.refresh()

    @Slot()
    def _preset_changed(self) -> None:
        key, now = self.preset.currentData(), today()
        starts = {
            "year12": now - timedelta(days=364),
            "year": date(now.year, 1, 1),
            "quarter": date(now.year, (now.month - 1) // 3 * 3 + 1, 1),
            "month": date(now.year, now.month, 1),
        }
        if key in starts:
            self.start.setDate(_qdate(starts[key]))
            self.end.setDate(_qdate(now))
            self.refresh()

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if WATCHED & set(tables) and self.isVisible():
            self.refresh()

    # -- figures -------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        actor, (start, end) = self.ctx.actor, self.period()
        self.status.setText(self.tr("正在统计…"))
        op = run_op(self, lambda s: service_figures.figures(s, actor, start, end)).success(self._show)
        op.failure(lambda e: self.status.setText(""), show_dialog=True)
        self._keep(op)

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot(object)
    def _show(self, fig: Figures) -> None:
        from app.views.common.charts import Series

        self.figures = fig
        t = fig.total
        texts = figures_export.row_texts(t)
        values = {
            "received": texts[1], "completed": texts[2], "rate": texts[3], "overdue": texts[5], "days": texts[6],
            "lookups": texts[10], "texts": texts[11],
            "rating": "—" if t.average_rating is None else f"{t.average_rating:.2f}",
        }  # fmt: skip
        for key, label in self.kpi_labels.items():
            label.setText(values[key])
        self.status.setText(self.tr("{0} 至 {1}").format(fig.start, fig.end))
        units = [r for r in fig.by_unit if r.received]
        self.unit_chart.set_data(
            [short_name(r.label) for r in units],
            [
                Series(self.tr("受理"), [r.received for r in units]),
                Series(self.tr("办结"), [r.completed for r in units]),
            ],
        )
        self.month_chart.set_data(
            [r.label[2:] for r in fig.by_month],
            [
                Series(self.tr("受理"), [r.received for r in fig.by_month]),
                Series(self.tr("办结"), [r.completed for r in fig.by_month]),
            ],
            tick_every=max(1, len(fig.by_month) // 6),
        )
        self.channel_chart.set_data(
            [r.label for r in fig.by_channel], [Series(self.tr("受理"), [r.received for r in fig.by_channel])]
        )
        for chart, rows in (
            (self.unit_chart, units),
            (self.month_chart, fig.by_month),
            (self.channel_chart, fig.by_channel),
        ):
            _leave_room_for_the_legend(chart, max((r.received for r in rows), default=0))
        for key, rows in (
            ("unit", fig.by_unit),
            ("officer", fig.by_officer),
            ("channel", fig.by_channel),
            ("month", fig.by_month),
        ):
            self._fill(self.tables[key], [*rows, t], lookups=key == "month")

    def _fill(self, table: QTableWidget, rows: list[FigureRow], *, lookups: bool) -> None:
        """Look-ups belong to no department or officer (a citizen asks about any item): shown by month only."""
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = figures_export.row_texts(row)
            if not lookups and r < len(rows) - 1:
                texts[10] = "—"
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)

    # -- export and print ----------------------------------------------------------------------------
    @Slot()
    def export_excel(self) -> None:
        if self.figures is None:
            return
        default = str(
            Path.home() / f"民生警务统计_{self.figures.start:%Y%m%d}-{self.figures.end:%Y%m%d}.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出Excel"), default, self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        actor, fig = self.ctx.actor, self.figures
        assert fig is not None
        op = run_op(self, lambda s: figures_export.export_xlsx(s, actor, fig, path))
        self._keep(op.success(lambda p: self.status.setText(self.tr("已导出到 {0}").format(Path(p).name))))

    @Slot()
    def print_report(self) -> None:
        if self.figures is None:
            return
        fig, name = self.figures, self.ctx.actor.display_name

        def render() -> bytes:
            from app.printing.service_figures_report import render_figures

            t = figures_export.row_texts(fig.total)
            headline = [("受理", t[1]), ("办结", t[2]), ("办结率", t[3]), ("超期", t[5]), ("平均办理", t[6] + " 个工作日"),
                        ("查询次数", t[10]), ("短信发送", t[11]), ("平均评分", t[8])]  # fmt: skip
            sections = [
                (title, figures_export.section_texts(title, rows))
                for title, rows in figures_export.sections(fig)[1:]
            ]
            return render_figures(
                fig.start, fig.end, headline, figures_export.COLUMNS, sections, printed_by=name
            )

        self._keep(run_op(self, render, session=False).success(self._preview))

    @Slot(object)
    def _preview(self, pdf: bytes) -> None:
        self.preview_dialog = open_preview(self, pdf, self.tr("民生警务统计报表"), self._preview_closed)

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None
