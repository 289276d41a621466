"""The exception hook: log the traceback, show a dialog with copyable details, keep the app running."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import DomainError

log = logging.getLogger(__name__)
_showing = False


def show_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> None:
    global _showing
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, "提示", exc.message())
        return
    log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        from app.core.paths import log_dir

        box = QMessageBox(parent)
        box.setObjectName("exception_box")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("common", "程序错误"))
        box.setText(
            QCoreApplication.translate(
                "common", "程序遇到意外错误。您的数据已安全保存到上一次成功保存时的状态。"
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "common", "请把下面的详细信息复制给系统管理员。日志文件位于：{0}"
            ).format(str(log_dir()))
        )
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.open()
    finally:
        _showing = False


def install() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_exception(exc_type, exc, tb)

    sys.excepthook = hook
