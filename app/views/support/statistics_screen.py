"""统计分析: the support figures of a period as charts (leave taken, time-off balances, equipment out, expenses
by category, training hours), each within the viewer's scope, and the same figures printed as a report."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.errors import DomainError
from app.services import support_statistics
from app.services.support_statistics import Statistics
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error

FIGURES = (
    "leave_kind",
    "leave_unit",
    "overtime_balance",
    "equipment_out",
    "expense_category",
    "training_hours",
)
TABLES = frozenset(
    {
        "support_leave",
        "support_overtime",
        "support_equipment",
        "support_expense",
        "support_training",
        "role_permission",
    }
)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


MAX_BARS = 6
"""A third of the screen holds six categories with readable names; the rest are summed as 其他."""


def fold(labels: list[str], series: list[Any]) -> tuple[list[str], list[Any], int]:
    """The ``MAX_BARS - 1`` largest categories and one 其他 summing the rest; how many were folded."""
    from app.views.common.charts import Series

    if len(labels) <= MAX_BARS:
        return labels, series, 0
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    keep = sorted(sorted(range(len(labels)), key=lambda i: -totals[i])[: MAX_BARS - 1])
    rest = [i for i in range(len(labels)) if i not in keep]
    folded = [
        Series(s.name, [s.values[i] for i in keep] + [sum(s.values[i] for i in rest)], s.colour)
        for s in series
    ]
    return (
        [labels[i] for i in keep] + [QCoreApplication.translate("StatisticsScreen", "其他")],
        folded,
        len(rest),
    )


def draw(chart: Any, labels: list[str], series: list[Any]) -> int:
    """Bars with a legend only when there are several series (with room above the bars for it); long category
    names alternate between two lines so that neighbours do not overlap. Returns how many were folded."""
    labels, series, folded = fold(labels, series)
    chart.set_data(labels, series)
    chart.legend.clear()
    if len(series) > 1:
        for item, s in zip(chart.items[-len(series) :], series, strict=True):
            chart.legend.addItem(item, s.name)
        top = max([1.0, *(v for s in series for v in s.values)])
        chart.plot.setYRange(0, top * (1.15 + 0.12 * len(series)))
    chart.legend.setVisible(len(series) > 1)
    axis = chart.plot.getAxis("bottom")
    if len(labels) > 3:
        axis.setTicks([[(i, ("\n" if i % 2 else "") + name) for i, name in enumerate(labels)]])
        axis.setHeight(44)
    else:
        axis.setHeight(None)
    return folded


class StatisticsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.views.common.charts import BarChart

        self.ctx = ctx
        self.setObjectName("support_statistics")
        self._ops: list[Any] = []
        self.stats: Statistics | None = None
        self.preview_dialog: QWidget | None = None
        today = date.today()
        start, end = support_statistics.default_period(today)
        self.start = self._date_edit("start", start)
        self.end = self._date_edit("end", end)
        self.query_button = QPushButton(self.tr("统计"), self)
        self.query_button.setObjectName("query")
        self.print_button = QPushButton(self.tr("打印报表"), self)
        self.print_button.setObjectName("print")
        self.print_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("统计期间："), self))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("至"), self))
        top.addWidget(self.end)
        top.addWidget(self.query_button)
        top.addStretch(1)
        top.addWidget(self.print_button)
        grid = QGridLayout()
        self.charts: dict[str, Any] = {}
        self.notes: dict[str, QLabel] = {}
        for i, key in enumerate(FIGURES):
            box = QWidget(self)
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            chart = BarChart("", parent=box)
            chart.setObjectName(f"chart_{key}")
            note = QLabel(box)
            note.setObjectName(f"note_{key}")
            note.setStyleSheet("color: #777;")
            bl.addWidget(chart, 1)
            bl.addWidget(note)
            self.charts[key], self.notes[key] = chart, note
            grid.addWidget(box, i // 3, i % 3)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addLayout(grid, 1)
        self.query_button.clicked.connect(self.reload)
        self.print_button.clicked.connect(self.print_list)
        ctx.signals.changed.connect(self._tables_changed)
        self.reload()

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if TABLES & set(tables or ()):
            self.reload()

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(_qdate(value))
        return edit

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            show_error(self, exc)

    @Slot()
    def reload(self) -> None:
        actor, start, end = self.ctx.actor, _date(self.start.date()), _date(self.end.date())
        self.message.setText("")
        op = run_op(
            self,
            lambda s, progress: support_statistics.statistics(s, actor, start, end, progress=progress),
            readonly=True,
        )
        self._keep(op.with_progress(self.tr("正在统计…")).success(self._show).failure(self._failed))

    def _show(self, stats: Statistics) -> None:
        from app.views.common.charts import Series

        self.stats = stats
        self.print_button.setEnabled(any(f.allowed for f in stats.figures))
        for key in FIGURES:
            fig = stats.figure(key)
            chart, note = self.charts[key], self.notes[key]
            chart.title.setText(f"{fig.title}" + (f"（{fig.scope}）" if fig.scope else ""))
            labels = [str(r[0]) for r in fig.rows]
            cols = range(1, len(fig.columns)) if key == "equipment_out" else [len(fig.columns) - 1]
            series = (
                [Series(fig.columns[c], [float(r[c]) for r in fig.rows]) for c in cols] if fig.rows else []
            )
            folded = draw(chart, labels, series)
            if not fig.allowed:
                note.setText(self.tr("无权查看"))
            elif not fig.rows:
                note.setText(self.tr("本期无数据"))
            else:
                extra = self.tr("另有 {0} 项合计为“其他”，明细见打印报表").format(folded) if folded else ""
                note.setText("；".join(t for t in (fig.note, extra) if t))

    @Slot()
    def print_list(self) -> None:
        """The report of the period on screen, in the print preview."""
        actor, start, end = self.ctx.actor, _date(self.start.date()), _date(self.end.date())

        def work(s: Any) -> bytes:
            from app.printing.support_statistics_report import render_statistics

            stats = support_statistics.statistics(s, actor, start, end, audited=True)
            return render_statistics(stats, printed_by=actor.display_name)

        self._keep(run_op(self, work).success(self._preview).failure(self._failed))

    def _preview(self, pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, self.tr("警务保障统计报表"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None
