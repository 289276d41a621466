"""The dispatcher sends an order from the dialog and watches who has acknowledged, reminds, prints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dispatch_support import Staff, make_staff, png_bytes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models.db import Database
from app.models.dispatch_order import DispatchOrder
from app.services import order_receipts
from app.views.app_context import AppContext
from app.views.common import run_op
from app.views.dispatch.order_console import OrderConsole
from app.views.dispatch.recipient_model import Col, RecipientModel


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def console(qtbot: QtBot, db: Database, staff: Staff, sync_ops: Database) -> Iterator[OrderConsole]:
    ctx = AppContext(db, None, staff.dispatcher)  # type: ignore[arg-type]
    run_op.configure(db, ctx.signals.changed.emit)  # as the application does: what an op changed is broadcast
    widget = OrderConsole(ctx)
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def domain_error_text() -> str:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes, "no message box"
    text = boxes[-1].text()
    for box in boxes:
        box.close()
    return text


def test_compose_send_and_track_until_none_is_missed(qtbot, console, staff, db, tmp_path):
    assert console.screen.count_label.text() == "共 0 条"  # loaded, not left at 正在加载…
    dialog = console.compose()
    qtbot.waitUntil(lambda: dialog.units.count() == 3)
    dialog.title_edit.setText("城关镇春节安保部署")
    dialog.body.setPlainText("各警力于 18:00 前到岗。")
    dialog.priority.setCurrentIndex(1)
    dialog.check_units([staff.chengguan])
    assert dialog.summary.text() == "将下达给：城关派出所，共 3 人"
    image = tmp_path / "布控图.png"
    image.write_bytes(png_bytes())
    dialog.add_files([image])
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.sent is not None and dialog.sent.recipient_count == 3

    panel = console.tracking
    qtbot.waitUntil(lambda: panel.order is not None)
    assert panel.figure.text() == "完成率 0%（已签收 0/3）"
    assert panel.model.rowCount() == 3
    qtbot.waitUntil(lambda: console.screen.model.rowCount() == 1)
    assert console.screen.count_label.text() == "共 1 条"

    with db.session() as s:  # two officers acknowledge at their desks
        order_receipts.acknowledge(s, staff.wang, dialog.sent.id)
        order_receipts.acknowledge(s, staff.li, dialog.sent.id)
    console.ctx.signals.changed.emit(frozenset({"inbox_message", "dispatch_order_receipt"}))
    qtbot.waitUntil(lambda: panel.figure.text() == "完成率 66%（已签收 2/3）")
    assert "未签收 1 人" in panel.counts.text()
    states = {panel.model.index(r, Col.NAME).data(): panel.model.index(r, Col.STATE).data() for r in range(3)}
    assert states == {"王警官": "已签收", "李警官": "已签收", "陈所长": "未接收"}

    qtbot.mouseClick(panel.remind_all, Qt.MouseButton.LeftButton)
    assert panel.result.text() == "已向 1 人发出催签提醒"

    with db.session() as s:
        order_receipts.acknowledge(s, staff.leader, dialog.sent.id)
    console.ctx.signals.changed.emit(frozenset({"inbox_message"}))
    qtbot.waitUntil(lambda: panel.figure.text() == "完成率 100%（已签收 3/3）")
    assert "全部签收，无一遗漏" in panel.counts.text()
    assert not panel.remind_all.isEnabled()


def test_sending_without_recipients_is_refused_and_the_dialog_keeps_what_was_typed(qtbot, console, db):
    dialog = console.compose()
    dialog.title_edit.setText("没有接收人的警令")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "没有选择接收人" in domain_error_text()
    assert dialog.isVisible() and dialog.title_edit.text() == "没有接收人的警令" and dialog.sent is None
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(DispatchOrder)).scalar_one() == 0


def test_the_roster_prints_from_the_panel(qtbot, console, staff):
    dialog = console.compose()
    qtbot.waitUntil(lambda: dialog.officers.count() == 5)
    dialog.title_edit.setText("协查通报")
    dialog.check_officers([staff.wang.user_id, staff.zhao.user_id])
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    panel = console.tracking
    qtbot.waitUntil(lambda: panel.order is not None)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible())
    assert panel.preview.page_count() == 1  # type: ignore[attr-defined]
    panel.preview.close()


def test_the_recipient_model_is_a_proper_model(qtmodeltester, db, staff):
    from datetime import UTC, datetime

    from app.services.order_tracking import RecipientState

    model = RecipientModel()
    now = datetime.now(UTC)
    model.set_rows(
        [
            RecipientState(1, "王警官", "610001", "城关派出所", now, now, now, 0, None, None),
            RecipientState(2, "赵警官", "", "佐龙派出所", None, None, None, 2, now, now),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, Col.STATE).data() == "未接收" and model.index(1, Col.REMINDERS).data() == "2"
