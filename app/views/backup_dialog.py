"""系统 → 备份与恢复: back up now, list the backups, restore one (checksum checked first), with progress.

Both run off the GUI thread with a progress dialog and 取消. A restore replaces the data every open screen
shows, so afterwards the main window logs out (the ``restored`` signal) and the user logs in again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
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

from app.services import backup
from app.views.common.run_op import run_op


def _t(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


class BackupTable(QTableWidget):
    """The backups in a folder, newest first (time, kind, size, rows, file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("backup_table")
        self.setHorizontalHeaderLabels([_t("备份时间"), _t("方式"), _t("大小"), _t("行数"), _t("文件")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.infos: list[backup.BackupInfo] = []

    def show_backups(self, infos: list[backup.BackupInfo]) -> None:
        self.infos = infos
        self.setRowCount(len(infos))
        for row, info in enumerate(infos):
            d = backup.describe(info)
            values = (
                d["at"],
                _t("自动") if d["automatic"] else _t("手动"),
                f"{d['size_mb']} MB",
                str(d["rows"]),
                d["file"],
            )
            for col, text in enumerate(values):
                self.setItem(row, col, QTableWidgetItem(text))
        self.resizeColumnsToContents()
        if infos:
            self.selectRow(0)

    def selected(self) -> backup.BackupInfo | None:
        row = self.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None


def start_restore(parent: QWidget, path: Path, url: str, on_done: Any) -> None:
    """Check and restore ``path`` over ``url`` in the background with progress; ``on_done(result)`` after."""
    run_op(parent, lambda p: backup.restore(path, url, p.report), session=False).with_progress(
        _t("正在恢复数据库……")
    ).success(on_done).start()


def pick_backup_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _t("选择备份文件"),
        str(backup.backup_dir()),
        _t("数据库备份 (*.db *.dump *.bak);;所有文件 (*)"),
    )
    return Path(name) if name else None


class BackupDialog(QDialog):
    restored = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.url = ctx.db.url.render_as_string(hide_password=False)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(760, 440)
        where = QLabel(self.tr("备份文件夹：{0}").format(backup.backup_dir()))
        where.setWordWrap(True)
        note = QLabel(
            self.tr(
                "每个备份旁边有一份 SHA-256 校验清单，恢复前先核对；校验不符的备份会被拒绝。"
                "恢复会替换当前数据库中的全部数据，请先让其他工作站退出；恢复后需重新登录。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.table = BackupTable()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        self.restore_button.setObjectName("restore_selected")
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("从其他文件恢复…"))
        other.clicked.connect(self.restore_other)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, other):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(where)
        lay.addWidget(note)
        lay.addWidget(self.table)
        lay.addLayout(row)
        self.reload()

    def reload(self) -> None:
        run_op(self, lambda: backup.list_backups(), session=False).success(self.table.show_backups).start()

    @Slot()
    def backup_now(self) -> None:
        url = self.url
        run_op(self, lambda p: backup.create(url, None, p.report), session=False).with_progress(
            self.tr("正在备份数据库……")
        ).success(self._backed_up).start()

    def _backed_up(self, info: backup.BackupInfo) -> None:
        self.reload()
        QMessageBox.information(
            self,
            self.tr("备份完成"),
            self.tr("已备份到 {0}\n{1} 张表，共 {2} 行；SHA-256 {3}").format(
                info.path, len(info.tables), info.total_rows, info.sha256[:16] + "…"
            ),
        )

    @Slot()
    def restore_selected(self) -> None:
        info = self.table.selected()
        if info is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先选择一个备份。"))
            return
        self.restore_from(info.path, info.created_at.astimezone().strftime("%Y-%m-%d %H:%M"))

    @Slot()
    def restore_other(self) -> None:
        path = pick_backup_file(self)
        if path is not None:
            self.restore_from(path, path.name)

    def restore_from(self, path: Path, label: str) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用 {0} 的备份替换当前数据库中的全部数据？\n之后的修改都会丢失；恢复完成后需要重新登录。"
            ).format(label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.engine.dispose()  # SQLite: no connection may hold the file being replaced
        start_restore(self, path, self.url, self._restored)

    def _restored(self, result: backup.RestoreResult) -> None:
        self.ctx.db.engine.dispose()  # connections opened meanwhile still point at the replaced file
        text = self.tr("已从 {0} 恢复，校验值与各表行数一致（{1:.1f} 秒）。").format(
            result.info.path.name, result.seconds
        )
        if result.kept_old is not None:
            text += "\n" + self.tr("原数据库已保留为 {0}").format(result.kept_old)
        if not result.schema_current:
            text += "\n" + self.tr("备份的结构版本较旧，请管理员运行“python main.py db upgrade”。")
        QMessageBox.information(self, self.tr("恢复完成"), text + "\n" + self.tr("请重新登录。"))
        self.accept()
        self.restored.emit()
