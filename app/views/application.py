"""Build the QApplication and walk the user from start-up to the main window.

Start-up stays light: pyqtgraph and reportlab are imported only when a chart or a print is first needed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.core import config, logging_setup, messages
from app.core.errors import DomainError
from app.core.paths import resource

if TYPE_CHECKING:
    from app.models.db import Database

log = logging.getLogger(__name__)

ORG_NAME = "LangaoGAJ"
APP_NAME = "JingwuWupingtai"
_translators: list[QTranslator] = []


def create_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "岚皋县公安局五大平台"))
    font = QFont()
    font.setFamilies(["Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "SimSun"])
    font.setPointSize(10)
    app.setFont(font)
    install_translators(app, lang or str(QSettings().value("ui/language", "zh_CN")))
    return app


def install_translators(app: QApplication, lang: str) -> None:
    """Chinese source strings are the default; English comes from resources/i18n/app_en.qm."""
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", "app_en.qm"))):
            app.installTranslator(ours)
            _translators.append(ours)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_tr = QTranslator(app)
        if qt_tr.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(qt_tr)
            _translators.append(qt_tr)
    messages.set_translator(lambda text: QCoreApplication.translate("messages", text))


def prepare_database(url: str) -> Database:
    """Open and check the database (no GUI); an empty embedded SQLite file is initialised on first start."""
    from app.models.db import Database
    from app.services import schema

    db = Database(url)
    try:
        schema.ensure_ready(db)
    except DomainError:
        db.dispose()
        raise
    except Exception as exc:  # unreachable server, bad URL: tell the user plainly
        log.exception("cannot open database %s", db.info.url_safe)
        db.dispose()
        raise DomainError("db_unreachable", detail=f"{db.info.url_safe}（{type(exc).__name__}）") from exc
    return db


def open_database(url_arg: str | None, parent: QWidget | None = None) -> Database | None:
    """:func:`prepare_database` with the refusal shown in a message box."""
    url, _source = config.database_url(url_arg)
    try:
        return prepare_database(url)
    except DomainError as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("app", "无法打开数据库"), exc.message())
        return None


def run_gui(args: argparse.Namespace) -> int:
    log_path = logging_setup.setup()
    app = create_application(lang=args.lang)
    from app.views.common import error_hook

    error_hook.install()
    log.info("starting; log file %s", log_path)
    from app.views.session_flow import SessionFlow

    url, _source = config.database_url(args.db)
    app.setQuitOnLastWindowClosed(False)  # the session flow decides when the user has quit
    flow = SessionFlow(url)
    flow.finished.connect(app.quit)
    flow.start()
    code = app.exec()
    flow.shutdown()
    return code if flow.reached_main_window else max(code, flow.exit_code)


def exec_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


__all__ = ["DomainError", "create_application", "open_database", "run_gui"]
