"""The English translation: the frame speaks English with app_en.qm installed, Chinese again without it, and the
translation file itself is complete and keeps every placeholder."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_user
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.core import messages
from app.services.auth import PasswordAuthenticator
from app.views import application
from app.views.app_context import AppContext
from app.views.application import install_translators
from app.views.login_dialog import LoginDialog
from app.views.main_window import MainWindow

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
TS = I18N / "app_en.ts"
QM = I18N / "app_en.qm"

ZH_TABS = ["宣传平台", "民生警务", "重点人员管控", "指挥调度", "警务保障"]
EN_TABS = ["Publicity", "Citizen Services", "Key Persons", "Command and Dispatch", "Officer Support"]
ZH_MENUS = ["文件(&F)", "系统(&S)", "帮助(&H)"]
EN_MENUS = ["&File", "&System", "&Help"]
# {0}, {name}, {1:02d}; Qt's %1, %L1 and %n
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%L?\d+|%n")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """The English translator for one test; afterwards back to Chinese and to the state the suite runs in."""
    saved_locale = QLocale()
    saved_render = messages._translator
    install_translators(qapp, "en")
    try:
        yield qapp
    finally:
        install_translators(qapp, "zh_CN")
        # zh_CN also installs Qt's own Chinese strings; the rest of the suite runs without any translator
        for translator in application._translators:
            qapp.removeTranslator(translator)
        application._translators.clear()
        QLocale.setDefault(saved_locale)
        messages.set_translator(saved_render)


def _window(qtbot, db, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(db, PasswordAuthenticator(db), actor))
    qtbot.addWidget(win)
    win.show()
    return win


def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_main_window_shows_english_tabs_and_menus(qtbot, db, sync_ops, english):
    admin = make_user(db, "admin1", ["admin"], display_name="王管理")
    win = _window(qtbot, db, admin)
    assert win.tab_titles() == EN_TABS
    assert _menu_titles(win) == EN_MENUS
    assert win.windowTitle() == "Langao County PSB Five Platforms"
    assert win.users_action.text() == "&Users and roles…"
    assert win.user_label.text().startswith("User: 王管理")


def test_login_dialog_speaks_english(qtbot, db, sync_ops, english):
    make_user(db, "clerk1", ["clerk"])
    dlg = LoginDialog(PasswordAuthenticator(db), db.info.label)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle().startswith("Log in")
    buttons = dlg.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Log in"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Exit"
    assert dlg.db_line.text().startswith("Database: ")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.message.text() == "Enter your username and password."
    qtbot.keyClicks(dlg.username, "clerk1")
    qtbot.keyClicks(dlg.password, "not-the-password")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.message.text() == "Incorrect username or password."  # a domain message, through messages.render


def test_switching_back_to_chinese_restores_the_source_strings(qtbot, db, sync_ops, english):
    admin = make_user(db, "admin1", ["admin"], display_name="王管理")
    assert _window(qtbot, db, admin).tab_titles() == EN_TABS
    install_translators(english, "zh_CN")
    win = _window(qtbot, db, admin)
    assert win.tab_titles() == ZH_TABS
    assert _menu_titles(win) == ZH_MENUS
    dlg = LoginDialog(PasswordAuthenticator(db), db.info.label)
    qtbot.addWidget(dlg)
    assert dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "登录"
    assert messages.render("auth_failed") == "用户名或密码不正确。"


# --- the translation file -------------------------------------------------------------------------------------
def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _accelerators(text: str) -> int:
    return len(re.findall(r"&", text.replace("&&", "")))


def test_every_entry_is_translated():
    entries = _messages()
    assert len(entries) > 900
    unfinished = [
        f"[{ctx}] {src}"
        for ctx, src, message in entries
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not all(t.strip() for t in _translation_texts(message))
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_accelerators():
    wrong = []
    for ctx, src, message in _messages():
        for text in _translation_texts(message):
            if set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(text)):
                wrong.append(f"placeholders [{ctx}] {src!r} -> {text!r}")
            # a lone '&' is a mnemonic in buttons, tabs and menus: only where the source has its accelerator
            if _accelerators(text) != min(_accelerators(src), 1):
                wrong.append(f"'&' [{ctx}] {src!r} -> {text!r}")
    assert wrong == []


def test_compiled_qm_matches_the_ts(qapp):
    """app_en.qm was compiled from the current app_en.ts (run tools/update_translations.sh after editing it)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for ctx, src, message in _messages():
        if message.get("numerus") == "yes":
            continue
        comment = message.findtext("comment") or ""
        expected = _translation_texts(message)[0]
        if translator.translate(ctx, src, comment or None) != expected:
            stale.append(f"[{ctx}] {src!r}")
    assert stale == []
