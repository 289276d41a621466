"""An unexpected error shows a dialog with copyable details and goes to the log; a domain error does not."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.views.common import error_hook


def test_unexpected_error_shows_details_and_is_logged(qtbot, caplog):
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.CRITICAL):
            error_hook.show_exception(type(exc), exc, exc.__traceback__, parent)
    box = parent.findChild(QMessageBox, "exception_box")
    assert box is not None and "意外错误" in box.text()
    assert "ZeroDivisionError: boom" in box.detailedText() and "Traceback" in box.detailedText()
    assert any("unhandled exception" in r.message for r in caplog.records)
    box.close()


def test_install_replaces_the_interpreter_hook():
    import sys

    old = sys.excepthook
    try:
        error_hook.install()
        assert sys.excepthook is not old
    finally:
        sys.excepthook = old
