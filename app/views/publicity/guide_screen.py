"""办事指南: a guide for every item of the citizen-service catalogue, previewed and printed.

Guides are made from the catalogue each time they are shown or printed; when the catalogue changes (on this
workstation or another) the list and the preview follow at once.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services import publicity_guides
from app.services.publicity_guides import ServiceGuide
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.publicity.common import OpKeeper, show_pdf

COLUMNS = ("编码", "事项", "类别", "责任部门", "办理时限", "材料")
CATALOGUE_TABLES = frozenset({"service_catalogue", "unit", "business_setting"})


def guide_html(g: ServiceGuide) -> str:
    facts = [("事项编码", g.code), ("责任部门", g.unit_name), ("受理窗口", g.window), ("办理时限", g.limit_text),
             ("申请方式", g.channels)]  # fmt: skip
    if g.certificate_name:
        facts.append(("办理结果", f"出具《{g.certificate_name}》"))
    rows = "".join(
        f"<tr><td style='color:#555;padding-right:12px'>{k}</td><td>{escape(v)}</td></tr>" for k, v in facts
    )
    materials = (
        "".join(
            f"<li>{escape(m)}{'（符合情形时提交）' if cond and '如适用' not in m else ''}</li>"
            for m, cond in g.materials
        )
        or "<li>无需提交材料</li>"
    )
    steps = "".join(f"<li>{escape(s)}</li>" for s in g.steps)
    note = f"<h4>温馨提示</h4><p>{escape(g.note)}</p>" if g.note else ""
    return (
        f"<h2>{escape(g.name)}办事指南</h2><table>{rows}</table><h4>所需材料</h4><ol>{materials}</ol>"
        f"<h4>办理流程</h4><ol>{steps}</ol>{note}<p style='color:#777;font-size:small'>{escape(g.source_text)}</p>"
    )


class GuideScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_screen")
        self.ctx, self._ops = ctx, OpKeeper()
        self.guides: list[ServiceGuide] = []
        self.preview_dialog: Any = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.print_button = QPushButton(self.tr("打印本指南"))
        self.print_button.setObjectName("print_button")
        self.print_all_button = QPushButton(self.tr("打印全部指南"))
        self.print_all_button.setObjectName("print_all_button")
        self.status = QLabel(self.tr("办事指南由事项目录自动生成，目录修改后随之更新。"))
        self.status.setObjectName("status_label")
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.print_all_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.browser)
        split.setSizes([520, 560])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.print_button.clicked.connect(self.print_selected)
        self.print_all_button.clicked.connect(self.print_all)
        ctx.signals.changed.connect(self._tables_changed)
        self.refresh()

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if CATALOGUE_TABLES & set(tables):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        actor = self.ctx.actor
        op = run_op(self, lambda s: publicity_guides.guides(s, actor), readonly=True)
        self._ops.start(op.success(self._show))

    def _show(self, guides: list[ServiceGuide]) -> None:
        keep = self.current().catalogue_id if self.current() else None
        self.guides = guides
        self.table.setRowCount(len(guides))
        for r, g in enumerate(guides):
            texts = (g.code, g.name, g.category_name, g.unit_name, g.limit_text, f"{len(g.materials)} 项")
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        index = next((i for i, g in enumerate(guides) if g.catalogue_id == keep), 0)
        if guides:
            self.table.selectRow(index)
        self._selected()

    def current(self) -> ServiceGuide | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.guides[rows[0].row()] if rows and rows[0].row() < len(self.guides) else None

    @Slot()
    def _selected(self) -> None:
        g = self.current()
        self.print_button.setEnabled(g is not None)
        self.print_all_button.setEnabled(bool(self.guides))
        self.browser.setHtml(guide_html(g) if g else "")

    @Slot()
    def print_selected(self) -> None:
        g = self.current()
        if g is None:
            return
        from app.printing.service_guide import render_guide

        op = run_op(self, lambda: render_guide(g), session=False)
        self._ops.start(op.success(lambda pdf: self._preview(pdf, self.tr("{0}办事指南").format(g.name))))

    @Slot()
    def print_all(self) -> None:
        guides = list(self.guides)
        from app.printing.service_guide import render_guides

        def work(progress: Any) -> bytes:
            return render_guides(
                guides, progress=lambda d, t: progress.report(d, t, ""), cancelled=lambda: progress.cancelled
            )

        op = run_op(self, work, session=False).with_progress(self.tr("正在生成办事指南…"))
        self._ops.start(op.success(lambda pdf: self._preview(pdf, self.tr("办事指南汇编"))))

    def _preview(self, pdf: bytes, title: str) -> None:
        self.preview_dialog = show_pdf(self, pdf, title, self.preview_dialog)
