"""Excel import in two steps: check every row first, then the user chooses the good rows or nothing.

Nothing is written while the file is checked; the commit is one transaction. Bad rows are listed with the
row number a clerk sees in Excel and the reason in Chinese, so the file can be fixed and imported again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import excel_io
from app.services.context import Actor
from app.services.entity_spec import EntitySpec
from app.views.common.run_op import run_op

log = logging.getLogger(__name__)

MAX_LISTED_BAD_ROWS = 5000  # more than this and the file needs fixing at the source, not reading here


class ImportDialog(QDialog):
    """Choose a file, see what would be imported, then 导入有效行 or 全部不导入.

    Signals:
        previewed(ImportPreview): the file was read and checked (nothing written yet).
        imported(ImportResult): the good rows were written.
    """

    previewed = Signal(object)
    imported = Signal(object)

    def __init__(self, spec: EntitySpec, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.actor = actor
        self.preview: Any = None
        self.result: Any = None
        self.path: Path | None = None
        self._ops: list[Any] = []
        self.setObjectName(f"{spec.key}_import")
        self.setWindowTitle(self.tr("导入{0}").format(spec.title))
        self.setMinimumSize(640, 460)

        self.choose_button = QPushButton(self.tr("选择Excel文件…"), self)
        self.choose_button.setObjectName("choose_file")
        self.template_button = QPushButton(self.tr("下载导入模板"), self)
        self.template_button.setObjectName("download_template")
        self.file_label = QLabel(
            self.tr("请选择要导入的Excel文件（.xlsx）。第一行可以是标题，表头须包含必填列。"), self
        )
        self.file_label.setObjectName("file_label")
        self.file_label.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.bad_table = QTableWidget(0, 3, self)
        self.bad_table.setObjectName("bad_rows")
        self.bad_table.setHorizontalHeaderLabels([self.tr("行号"), self.tr("字段"), self.tr("原因")])
        self.bad_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bad_table.setAlternatingRowColors(True)
        self.bad_table.setWordWrap(False)
        self.bad_table.verticalHeader().setVisible(False)
        hh = self.bad_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(0, 64)
        hh.resizeSection(1, 120)
        hh.setStretchLastSection(True)
        self.bad_table.hide()

        self.import_good_button = QPushButton(self.tr("导入有效行"), self)
        self.import_good_button.setObjectName("import_good")
        self.import_good_button.setEnabled(False)
        self.import_none_button = QPushButton(self.tr("全部不导入"), self)
        self.import_none_button.setObjectName("import_none")

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addStretch(1)
        top.addWidget(self.template_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(self.import_none_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.file_label)
        lay.addWidget(self.summary)
        lay.addWidget(self.bad_table, 1)
        lay.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.download_template)
        self.import_good_button.clicked.connect(self.import_good)
        self.import_none_button.clicked.connect(self.import_none)

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    # -- step 1: read and check ----------------------------------------------------------------------------
    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的Excel文件"), str(Path.home()), self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Read and check ``path`` in the background; nothing is written."""
        self.path = Path(path)
        self.preview = None
        self.import_good_button.setEnabled(False)
        self.bad_table.hide()
        self.file_label.setText(self.tr("文件：{0}").format(self.path.name))
        self.summary.setText(self.tr("正在检查文件…"))
        spec, actor, target = self.spec, self.actor, self.path
        op = run_op(self, lambda s, progress: excel_io.read_import(s, actor, spec, target, progress))
        op.with_progress(self.tr("正在检查导入文件…")).success(self._show_preview).failure(
            self._read_failed, show_dialog=True
        )
        self._keep(op)

    @Slot(object)
    def _read_failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("文件未能读取，请检查后重新选择。"))

    @Slot(object)
    def _show_preview(self, preview: Any) -> None:
        self.preview = preview
        good = len(preview.good)
        bad_count = len(preview.bad_rows)
        parts = [
            self.tr("可导入 <b>{0}</b> 行").format(f"{good:,}"),
            self.tr("有问题 <b style='color:#c62828'>{0}</b> 行").format(f"{bad_count:,}"),
            self.tr("空行已跳过 {0} 行").format(f"{preview.skipped_empty:,}"),
        ]
        if preview.example_rows:
            parts.append(self.tr("模板示例行已跳过"))
        text = "，".join(parts) + "。"
        if bad_count:
            text += self.tr("<br>有问题的行不会导入：可以只导入有效行，或修改文件后重新导入。")
        if preview.ignored_columns:
            text += self.tr("<br>未识别的列（不导入）：{0}").format("、".join(preview.ignored_columns))
        self.summary.setText(text)
        bad_rows = sorted(preview.bad, key=lambda p: p.row)
        self.bad_table.setRowCount(0)
        shown = bad_rows[:MAX_LISTED_BAD_ROWS]
        self.bad_table.setRowCount(len(shown))
        for i, bad in enumerate(shown):
            row_item = QTableWidgetItem(str(bad.row))
            row_item.setData(Qt.ItemDataRole.TextAlignmentRole, int(Qt.AlignmentFlag.AlignCenter))
            self.bad_table.setItem(i, 0, row_item)
            self.bad_table.setItem(i, 1, QTableWidgetItem(str(bad.field or "")))
            reason = QTableWidgetItem(str(bad.reason))
            reason.setToolTip(str(bad.reason))
            self.bad_table.setItem(i, 2, reason)
        self.bad_table.setVisible(bool(shown))
        self.import_good_button.setEnabled(good > 0)
        self.import_good_button.setText(
            self.tr("导入有效行（{0}行）").format(f"{good:,}") if good else self.tr("导入有效行")
        )
        self.previewed.emit(preview)

    # -- step 2: the user's choice --------------------------------------------------------------------------
    @Slot()
    def import_good(self) -> None:
        """Write the good rows in one transaction."""
        preview = self.preview
        if preview is None or not preview.good:
            return
        self.import_good_button.setEnabled(False)
        self.import_none_button.setEnabled(False)
        spec, actor = self.spec, self.actor
        op = run_op(
            self,
            lambda s, progress: excel_io.commit_import(
                s, actor, spec, preview, mode="good_only", progress=progress
            ),
        )
        op.success(self._imported).failure(self._commit_failed, show_dialog=True)
        self._keep(op.with_progress(self.tr("正在导入…")))

    @Slot(object)
    def _imported(self, result: Any) -> None:
        self.result = result
        self.import_none_button.setEnabled(True)
        self.imported.emit(result)
        if result.skipped:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("导入完成"),
                self.tr("已导入 {0} 行。另有 {1} 行在检查后已被其他人登记，未导入：\n{2}").format(
                    f"{result.inserted:,}",
                    len(result.skipped),
                    "\n".join(f"第{p.row}行：{p.reason}" for p in result.skipped[:20]),
                ),
                parent=self.parentWidget(),
            )
            box.setObjectName("import_skipped_box")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.accept()

    @Slot(object)
    def _commit_failed(self, exc: BaseException) -> None:
        self.import_good_button.setEnabled(True)
        self.import_none_button.setEnabled(True)
        self.summary.setText(self.tr("导入未完成，没有写入任何数据。"))

    @Slot()
    def import_none(self) -> None:
        """Close without writing anything."""
        self.preview = None
        self.reject()

    # -- template ----------------------------------------------------------------------------------------------
    @Slot()
    def download_template(self) -> None:
        default = str(Path.home() / f"{self.spec.title}导入模板.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存导入模板"), default, self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.save_template(path)

    def save_template(self, path: str | Path) -> None:
        target = Path(path)
        spec = self.spec
        op = run_op(self, lambda s: excel_io.write_template(spec, target, s))
        self._keep(
            op.success(lambda _r: self.file_label.setText(self.tr("模板已保存：{0}").format(target.name)))
        )
