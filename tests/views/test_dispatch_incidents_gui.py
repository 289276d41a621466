"""Incidents on screen: opened from the list, officers sent (on leave: asked first), progress posted, closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from dispatch_support import Staff, make_staff, png_bytes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.models.base import utcnow
from app.models.db import Database
from app.services import duty_board, incident_timeline, incidents
from app.services.attachments import AttachmentSource
from app.services.incidents import IncidentDraft
from app.views.app_context import AppContext
from app.views.common import run_op
from app.views.dispatch import incident_actions
from app.views.dispatch.incident_screen import IncidentScreen


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def make_screen(qtbot: QtBot, db: Database, actor) -> IncidentScreen:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, None, actor)  # type: ignore[arg-type]
    run_op.configure(db, ctx.signals.changed.emit)
    screen = IncidentScreen(ctx)
    screen.resize(1200, 700)
    qtbot.addWidget(screen)
    screen.show()
    return screen


@pytest.fixture
def dispatcher_screen(
    qtbot: QtBot, db: Database, staff: Staff, sync_ops: Database
) -> Iterator[IncidentScreen]:
    screen = make_screen(qtbot, db, staff.dispatcher)
    yield screen
    for w in list(screen.windows.values()):
        w.close()


def visible_box(name: str) -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    named = [b for b in boxes if b.objectName() == name]
    assert named, [b.objectName() + ": " + b.text() for b in boxes]
    return named[-1]


def confirm(box: QMessageBox) -> None:
    """The user clicks the confirming button of the question."""
    button = box.findChild(QPushButton, "confirm")
    assert button is not None
    button.click()


def test_a_dispatcher_opens_an_incident_and_sends_an_officer_on_leave_only_after_confirming(
    qtbot, dispatcher_screen, staff, db
):
    with db.session() as s:
        duty_board.record_absence(
            s,
            user_id=staff.zhao.user_id,
            start=utcnow() - timedelta(days=1),
            end=utcnow() + timedelta(days=2),
            reason="婚假",
            source="support.leave",
            source_id=3,
        )
    dialog = dispatcher_screen.new_incident()
    qtbot.waitUntil(lambda: dialog.officers.count() == 5)
    dialog.title_edit.setText("佐龙镇集市踩踏事件")
    dialog.kind.setCurrentIndex(dialog.kind.findData("群体性事件"))
    dialog.check(dialog.units, [staff.zuolong])
    dialog.check(dialog.officers, [staff.wang.user_id, staff.zhao.user_id])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    box = visible_box("leave_confirm")
    assert "赵警官" in box.text() and "婚假" in box.text()
    with db.session() as s:
        assert s.execute(incidents.scoped(s, staff.dispatcher)).first() is None  # nothing was written
    confirm(box)
    assert dialog.created is not None
    window = dispatcher_screen.windows[dialog.created.id]
    page = window.page
    qtbot.waitUntil(lambda: page.members.rowCount() == 3)  # commander + wang + zhao
    statuses = {page.members.item(r, 0).text(): page.members.item(r, 2).text() for r in range(3)}
    assert statuses["王警官"] == "出警/现场" and statuses["赵警官"] == "出警/现场"
    texts = [page.timeline.index(r).data() for r in range(page.timeline.rowCount())]
    assert any("经指挥员确认坚持调派" in t for t in texts)


def test_progress_posted_by_an_officer_appears_on_the_dispatchers_page_and_closing_warns(
    qtbot, dispatcher_screen, staff, db
):
    with db.session() as s:
        info = incidents.create(
            s,
            staff.dispatcher,
            IncidentDraft(title="G541国道交通事故", kind="交通事故", member_ids=(staff.wang.user_id,)),
        )
    dispatcher_screen.refresh()
    qtbot.waitUntil(lambda: dispatcher_screen.model.rowCount() == 1)
    page = dispatcher_screen.open_record(info.id).page
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 2)

    with db.session() as s:  # the officer reports from his own desk, with a photo
        incident_timeline.post(
            s,
            staff.wang,
            info.id,
            "两车追尾，一人轻伤，已送县医院",
            files=[AttachmentSource("现场.png", data=png_bytes())],
        )
    page.ctx.signals.changed.emit(frozenset({"dispatch_timeline_entry"}))
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 3)
    assert "两车追尾" in page.timeline.index(2).data() and "现场.png" in page.timeline.index(2).data()
    page.timeline_view.setCurrentIndex(page.timeline.index(2))
    qtbot.waitUntil(lambda: page.entry_files.image.isVisible())

    page.post_text.setPlainText("通知交警大队到场处理")
    qtbot.mouseClick(page.instruction_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 4)
    assert "[指挥指令] 周调度：通知交警大队到场处理" in page.timeline.index(3).data()

    dialog = incident_actions.add_task(page)
    dialog.title.setText("清理路面")
    dialog.accept()
    qtbot.waitUntil(lambda: page.tasks.rowCount() == 1)

    closing = incident_actions.close(page)
    assert closing is not None
    closing.summary.setPlainText("道路恢复通行")
    closing.accept()
    box = visible_box("open_tasks_confirm")
    assert "清理路面" in box.text()
    confirm(box)
    qtbot.waitUntil(lambda: "已结束" in page.header.text())
    assert not page.progress_button.isEnabled() and "时间线已封存" in page.status.text()
    with db.session() as s:
        row = next(r for r in duty_board.board(s, staff.dispatcher).rows if r.user_id == staff.wang.user_id)
    assert row.status == "on_duty"


def test_an_officer_sees_only_his_incidents_and_posts_progress(qtbot, db, staff, sync_ops):
    with db.session() as s:
        mine = incidents.create(
            s,
            staff.dispatcher,
            IncidentDraft(title="四季镇山火", kind="火灾", member_ids=(staff.wang.user_id,)),
        )
        incidents.create(
            s,
            staff.dispatcher,
            IncidentDraft(title="佐龙镇盗窃案", kind="刑事案件", unit_ids=(staff.zuolong,)),
        )
    screen = make_screen(qtbot, db, staff.wang)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert not screen.new_action.isVisible()
    page = screen.open_record(mine.id).page
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 2)
    assert not page.assign_button.isVisible() and not page.instruction_button.isVisible()
    page.post_text.setPlainText("火势已控制")
    qtbot.mouseClick(page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 3)
    assert "[进展反馈] 王警官：火势已控制" in page.timeline.index(2).data()
    page.window().close()


def test_the_report_prints_and_the_workbook_exports(qtbot, dispatcher_screen, staff, db, tmp_path):
    from openpyxl import load_workbook

    with db.session() as s:
        info = incidents.create(
            s, staff.dispatcher, IncidentDraft(title="春运安保", kind="安保任务", category="campaign")
        )
    page = dispatcher_screen.open_record(info.id).page
    qtbot.waitUntil(lambda: page.data is not None)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.page_count() >= 1  # type: ignore[union-attr]
    page.dialog.close()  # type: ignore[union-attr]
    incident_actions.export(page, str(tmp_path / "春运安保.xlsx"))
    wb = load_workbook(tmp_path / "春运安保.xlsx")
    assert wb.sheetnames == ["基本情况", "参战警力", "任务", "时间线"]
    assert wb["时间线"]["E2"].value.startswith("集群战役开始：春运安保")


def test_the_timeline_model_only_grows_in_order(qtmodeltester):
    from app.services.incident_timeline import TimelineItem
    from app.views.dispatch.timeline_model import TimelineModel

    now = utcnow()
    model = TimelineModel()
    model.set_items([TimelineItem(1, now, "系统", "system", "事件开始", None)])
    qtmodeltester.check(model)
    added = model.append(
        [
            TimelineItem(1, now, "系统", "system", "事件开始", None),
            TimelineItem(3, now, "王警官", "progress", "到达", None),
        ]
    )
    assert added == 1 and model.rowCount() == 2
    assert "[进展反馈] 王警官：到达" in model.index(1).data()
