"""Settings of this workstation: the database, the language, the PDF font."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core import config
from app.services.pg_security.tls import tls_of, with_tls
from app.views.app_context import AppContext

SOURCES = {
    "command line": QT_TRANSLATE_NOOP("SettingsDialog", "命令行参数"),
    "environment": QT_TRANSLATE_NOOP("SettingsDialog", "环境变量 JINGWU_DB_URL"),
    "settings": QT_TRANSLATE_NOOP("SettingsDialog", "本机设置"),
    "default": QT_TRANSLATE_NOOP("SettingsDialog", "默认内置数据库"),
}


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(620)
        url, source = config.database_url(None)
        self.db_url = QLineEdit(config.get("database", "url"))
        self.db_url.setObjectName("db_url")
        self.db_url.setPlaceholderText(
            self.tr("留空使用本机内置数据库：{0}").format(config.default_sqlite_url())
        )
        current = QLabel(
            self.tr("当前使用：{0}（来自{1}）").format(
                self.ctx.db.info.url_safe, self.tr(SOURCES.get(source, source))
            )
        )
        current.setWordWrap(True)
        verify, ca_file = tls_of(self.db_url.text())
        self.verify_tls = QCheckBox(self.tr("加密连接并验证服务器证书（sslmode=verify-full）"))
        self.verify_tls.setObjectName("verify_tls")
        self.verify_tls.setChecked(verify)
        self.ca_file = QLineEdit(ca_file)
        self.ca_file.setObjectName("ca_file")
        self.ca_file.setPlaceholderText(self.tr("本局证书颁发机构（CA）证书文件，例如 C:\\jingwu\\ca.crt"))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        lang = str(QSettings().value("ui/language", "zh_CN"))
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.font_path = QLineEdit(config.get("printing", "font_path"))
        self.font_path.setPlaceholderText(self.tr("留空自动查找宋体/仿宋（Windows 的 simsun.ttc）"))
        form = QFormLayout()
        form.addRow(self.tr("数据库地址"), self.db_url)
        form.addRow("", current)
        form.addRow(self.tr("PostgreSQL 加密"), self.verify_tls)
        form.addRow(self.tr("CA 证书文件"), self.ca_file)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("打印字体文件"), self.font_path)
        note = QLabel(
            self.tr(
                "数据库和语言的修改在重新启动程序后生效。多台工作站共用时请填写 PostgreSQL 地址，不要在地址中保存密码。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        del url

    @Slot()
    def save(self) -> None:
        url = self.db_url.text().strip()
        if url and not (url.startswith("sqlite:///") or url.startswith("postgresql")):
            QMessageBox.warning(
                self, self.tr("设置"), self.tr("数据库地址应以 sqlite:/// 或 postgresql+psycopg:// 开头。")
            )
            return
        if url:
            from sqlalchemy.engine import make_url

            try:
                parsed = make_url(url)
            except Exception:  # noqa: BLE001 - any parse failure is the same message to the user
                QMessageBox.warning(self, self.tr("设置"), self.tr("数据库地址格式不正确。"))
                return
            if parsed.password:
                QMessageBox.warning(self, self.tr("设置"), self.tr("不要在数据库地址中保存密码。"))
                return
            ca_file = self.ca_file.text().strip()
            if self.verify_tls.isChecked() and url.startswith("postgresql") and not ca_file:
                QMessageBox.warning(self, self.tr("设置"), self.tr("验证服务器证书需要填写 CA 证书文件。"))
                return
            url = with_tls(url, self.verify_tls.isChecked(), ca_file)
        config.put("database", "url", url)
        config.put("printing", "font_path", self.font_path.text().strip())
        QSettings().setValue("ui/language", self.language.currentData())
        self.accept()
