"""At start-up, when the embedded database file is damaged: restore the latest backup, or quit.

Shown by the session flow instead of the login when :func:`app.services.db_health.check_at_start` finds a
damaged file. The damaged file is not deleted: a restore keeps it beside the database
(``*.before-restore-*``) for whoever wants to look at it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import backup
from app.views.backup_dialog import BackupTable, pick_backup_file, start_restore
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op


class RestoreOfferDialog(QDialog):
    def __init__(self, url: str, damage: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.result_info: backup.RestoreResult | None = None
        self.setObjectName("restore_offer_dialog")
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        self.resize(720, 420)
        head = QLabel(self.tr("数据库文件已损坏，不能继续使用。"))
        head.setStyleSheet("font-size: 13pt; font-weight: bold; color: #c62828;")
        detail = QLabel(self.tr("文件：{0}\nSQLite 报告：{1}").format(damage.path, damage.detail))
        detail.setWordWrap(True)
        advice = QLabel(
            self.tr(
                "可以从下面的备份中选一个恢复（默认选中最新的；恢复前核对校验值，损坏的文件会保留在旁边），"
                "或者退出程序并联系系统管理员。备份之后录入的数据需要重新录入。"
            )
        )
        advice.setWordWrap(True)
        self.table = BackupTable()
        self.empty = QLabel(self.tr("备份文件夹 {0} 中没有找到备份。").format(backup.backup_dir()))
        self.empty.setStyleSheet(ERROR_STYLE)
        self.empty.hide()
        self.restore_button = QPushButton(self.tr("恢复所选备份"))
        self.restore_button.setObjectName("restore_selected")
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("选择其他备份文件…"))
        other.clicked.connect(self.restore_other)
        quit_button = QPushButton(self.tr("退出"))
        quit_button.setObjectName("quit")
        quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(other)
        row.addStretch(1)
        row.addWidget(quit_button)
        lay = QVBoxLayout(self)
        for w in (head, detail, advice, self.table, self.empty):
            lay.addWidget(w)
        lay.addLayout(row)
        run_op(self, lambda: backup.list_backups(), session=False).success(self._listed).start()

    def _listed(self, infos: list[backup.BackupInfo]) -> None:
        self.table.show_backups(infos)
        self.empty.setVisible(not infos)
        self.restore_button.setEnabled(bool(infos))

    @Slot()
    def restore_selected(self) -> None:
        info = self.table.selected()
        if info is not None:
            start_restore(self, info.path, self.url, self._restored)

    @Slot()
    def restore_other(self) -> None:
        path = pick_backup_file(self)
        if path is not None:
            start_restore(self, path, self.url, self._restored)

    def _restored(self, result: backup.RestoreResult) -> None:
        self.result_info = result
        self.accept()
