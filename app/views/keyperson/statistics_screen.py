"""统计: persons by category, level, township, status or officer, with the 一人四管 and overdue figures;
printable and exportable. Refreshes when persons change anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.keyperson_permissions import KP_EXPORT, KP_PRINT
from app.services import keyperson_stats
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.keyperson.kp_screen import discard


class StatisticsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any = None
        self._ops: list[Any] = []
        self.preview: QWidget | None = None
        self.setObjectName("keyperson_statistics")
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("grouping")
        for key, label in keyperson_stats.GROUPINGS.items():
            self.grouping.addItem(self.tr("按{0}").format(self.tr(label)), key)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.print_button = QPushButton(self.tr("打印"), self)
        self.print_button.setObjectName("print")
        self.print_button.setEnabled(ctx.actor.can(KP_PRINT))
        self.export_button = QPushButton(self.tr("导出Excel"), self)
        self.export_button.setObjectName("export")
        self.export_button.setEnabled(ctx.actor.can(KP_EXPORT))
        self.note = QLabel(self.tr("统计在管（含脱管）人员；按管控状态统计时含已撤管。"), self)
        self.note.setStyleSheet("color: #666;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计方式"), self))
        bar.addWidget(self.grouping)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        self.grouping.currentIndexChanged.connect(self.reload)
        self.print_button.clicked.connect(self.print_table)
        self.export_button.clicked.connect(self.choose_export)
        ctx.signals.changed.connect(self._tables_changed)
        self.reload()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if "key_person" in set(tables):
            self.reload()

    @Slot()
    def reload(self) -> None:
        actor, by = self.ctx.actor, self.grouping.currentData()
        self._keep(run_op(self, lambda s: keyperson_stats.statistics(s, actor, by)).success(self._show))

    @Slot(object)
    def _show(self, data: Any) -> None:
        self.data = data
        self.table.setColumnCount(len(data.headers))
        self.table.setHorizontalHeaderLabels(list(data.headers))
        self.table.setRowCount(len(data.rows))
        for r, row in enumerate(data.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    @Slot()
    def print_table(self) -> None:
        if self.data is None:
            return
        from app.printing.list_report import render_table

        data, who = self.data, self.ctx.actor.display_name

        def work() -> bytes:
            return render_table(
                data.title,
                list(data.headers),
                [[str(v) for v in row] for row in data.rows],
                printed_by=who,
                org="岚皋县公安局",
                align=["left"] + ["right"] * (len(data.headers) - 1),
            )

        self._keep(run_op(self, work, session=False).success(self._show_preview))

    @Slot(object)
    def _show_preview(self, pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        discard(self.preview)
        self.preview = PdfPreviewDialog(pdf, self.data.title, self)
        self.preview.open()

    @Slot()
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出Excel"), str(Path.home() / "重点人员统计.xlsx"), self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self.data is None:
            return
        data = self.data

        def work() -> int:
            from openpyxl import Workbook

            wb = Workbook()
            ws = wb.active
            assert ws is not None
            ws.title = "统计"
            ws.append([data.title])
            ws.append(list(data.headers))
            for row in data.rows:
                ws.append(list(row))
            wb.save(path)
            return len(data.rows)

        self._keep(run_op(self, work, session=False))
