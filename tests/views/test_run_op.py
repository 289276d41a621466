"""The background runner: off the GUI thread, results back on it, progress and cancel, errors shown."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import Cancelled, ValidationError
from app.views.common import run_op as run_op_module
from app.views.common.run_op import Progress, run_op, wait_all


def test_work_runs_off_the_gui_thread_and_the_result_arrives_on_it(qtbot, db):
    run_op_module.configure(db)
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    run_op(None, work, session=False).success(done).start()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert seen["worker"] != gui and seen["callback"] == gui


def test_a_session_op_commits_once_and_reports_the_changed_tables(qtbot, db):
    from app.models.settings import BusinessSetting

    changed: list[frozenset[str]] = []
    run_op_module.configure(db, changed.append)
    run_op(None, lambda s: s.add(BusinessSetting(key="k", value="1"))).start()
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)
    assert "business_setting" in changed[0]
    with db.read_session() as s:
        assert s.get(BusinessSetting, "k") is not None


def test_a_failed_op_rolls_back_and_shows_the_chinese_message(qtbot, db):
    from app.models.settings import BusinessSetting

    run_op_module.configure(db)
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(s):  # type: ignore[no-untyped-def]
        s.add(BusinessSetting(key="half", value="1"))
        s.flush()
        raise ValidationError({"x": "身份证号码校验码不正确"})

    run_op(parent, work).start()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "domain_error_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "domain_error_box")
    assert "校验码不正确" in box.text()
    with db.read_session() as s:
        assert s.get(BusinessSetting, "half") is None


def test_progress_is_reported_and_cancel_stops_the_work(qtbot, db):
    run_op_module.configure(db)
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[int] = []
    failures: list[BaseException] = []
    started = threading.Event()

    def work(progress: Progress) -> int:
        for i in range(1000):
            started.set()
            progress.report(i, 1000, f"第 {i} 项")
            steps.append(i)
            time.sleep(0.005)
        return len(steps)

    op = run_op(parent, work, session=False).with_progress("正在处理").failure(failures.append).start()
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(steps) > 5, timeout=5000)
    op.progress.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled) and len(steps) < 1000
    assert wait_all(5000)
    # A cancel is not an error: no message box.
    assert parent.findChild(QMessageBox, "domain_error_box") is None


def test_synchronous_mode_runs_inline_for_tests(qtbot, db):
    run_op_module.configure(db)
    run_op_module.set_synchronous(True)
    try:
        out: list[int] = []
        run_op(None, lambda: threading.get_ident(), session=False).success(out.append).start()
        assert out == [threading.get_ident()]
    finally:
        run_op_module.set_synchronous(False)
    QApplication.processEvents()
