"""Handling an item as the users click it: cards in the list, the approval gate before a certificate prints,
a copy marked as such, the timeline replayed, materials requested, a bad rating followed up."""

from __future__ import annotations

from datetime import date

import pytest
from citizen_service_support import (
    bj,
    form,
    frozen_today,
    pdf_qr_codes,
    pdf_text,
    setup_catalogue,
    type_chinese,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton

from app.services import certificates, intake
from app.views.app_context import AppContext
from app.views.citizen.followup_screen import FollowUpScreen
from app.views.citizen.item_dialog import ItemDialog
from app.views.citizen.item_list_screen import ItemListScreen
from app.views.common import entity_table_model

MATERIALS = ["本人有效居民身份证", "无犯罪记录证明申请表"]


@pytest.fixture
def item(sync_ops, clerk):
    cat = setup_catalogue(sync_ops)
    with sync_ops.session() as s:
        return intake.intake(
            s,
            clerk,
            form(cat["ZM01"], materials_received=MATERIALS, form_values={"用途": "入职"}),
            now=bj(2026, 9, 30),
        ).item


def open_item(qtbot, actor, item_id) -> ItemDialog:
    dialog = ItemDialog(actor, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.bundle is not None)
    return dialog


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_list_shows_cards_and_a_double_click_opens_the_item(qtbot, sync_ops, item, supervisor, tmp_path):
    from PySide6.QtCore import QSettings

    with frozen_today(date(2026, 10, 9)):  # due Sat 10 October (a make-up working day): one day left
        screen = ItemListScreen(
            AppContext(sync_ops, None, supervisor),  # type: ignore[arg-type]
            settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        )
        qtbot.addWidget(screen)
        screen.resize(1200, 600)
        screen.show()
        qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
        card = screen.model.index(0, screen.model.Column.card)
        assert card.data() == "黄牌"
        assert screen.table.itemDelegateForColumn(screen.model.Column.card) is screen.card_delegate
        rect = screen.table.visualRect(screen.model.index(0, screen.model.Column.tracking_no))
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        dialog = screen.item_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.bundle is not None)
        assert item.tracking_no in dialog.header.text() and "黄牌" in dialog.header.text()
        dialog.close()
    entity_table_model.wait_for_workers()


def test_a_certificate_prints_only_after_approval_and_a_reprint_is_a_copy(
    qtbot, sync_ops, item, clerk, supervisor, tmp_path
):
    dialog = open_item(qtbot, clerk, item.id)
    assert "approve" not in dialog.action_buttons and "certificate" not in dialog.action_buttons
    click(qtbot, dialog.action_buttons["start_review"])
    click(qtbot, dialog.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: dialog.bundle.item.status == "reviewing")
    assert "approve" not in dialog.action_buttons and "complete" not in dialog.action_buttons  # approval only
    with sync_ops.session() as s, pytest.raises(Exception) as err:
        certificates.print_certificate(s, clerk, item.id)
    assert "尚未经审批" in str(err.value)

    boss = open_item(qtbot, supervisor, item.id)
    click(qtbot, boss.action_buttons["approve"])
    click(qtbot, boss.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: boss.bundle.item.status == "completed")
    assert boss.bundle.item.approved_by_name == "陈所长"

    dialog.load()
    qtbot.waitUntil(lambda: "certificate" in dialog.action_buttons)
    assert dialog.action_buttons["certificate"].text() == "打印无犯罪记录证明"
    click(qtbot, dialog.action_buttons["certificate"])
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None)
    pdf = dialog.preview_dialog.pdf_bytes
    assert "副本" not in pdf_text(pdf, tmp_path)
    (scanned,) = pdf_qr_codes(pdf, tmp_path)
    assert scanned.startswith("岚皋县公安局证明核验 编号：LGZM")
    dialog.preview_dialog.close()
    qtbot.waitUntil(lambda: dialog.action_buttons["certificate"].text().startswith("补打"))
    click(qtbot, dialog.action_buttons["certificate"])
    type_chinese(dialog.action_dialog.reason, "原件污损")
    click(qtbot, dialog.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None)
    copy = pdf_text(dialog.preview_dialog.pdf_bytes, tmp_path)
    assert "副本（第2次打印）" in copy and "原件以首次出具者为准" in copy
    notes = [e.note for e in dialog.bundle.events if e.action == "certificate"]
    qtbot.waitUntil(lambda: len([e for e in dialog.bundle.events if e.action == "certificate"]) == 2)
    notes = [e.note for e in dialog.bundle.events if e.action == "certificate"]
    assert notes[1] == "补打副本（第2次打印）：原件污损"


def test_the_timeline_replays_step_by_step(qtbot, sync_ops, item, clerk):
    dialog = open_item(qtbot, clerk, item.id)
    click(qtbot, dialog.action_buttons["request_materials"])
    box = dialog.action_dialog.findChild(QCheckBox, "missing_0")
    assert box is None  # nothing of the catalogue is missing: the clerk names it
    type_chinese(dialog.action_dialog.other, "单位开具的用途证明")
    click(qtbot, dialog.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: dialog.bundle.item.status == "supplement")
    assert "complete" not in dialog.action_buttons and "supply" in dialog.action_buttons
    timeline = dialog.timeline
    assert timeline.table.rowCount() == 3 and "暂停计时" in timeline.state_label.text()
    timeline.slider.setValue(1)
    assert "第 1/3 步" in timeline.state_label.text() and "已收件" in timeline.state_label.text()
    click(qtbot, timeline.next_button)
    assert "已受理" in timeline.state_label.text() and "承诺办结 2026-10-10" in timeline.state_label.text()
    assert timeline.table.item(2, 5).text() == "尚缺：单位开具的用途证明"


def test_a_bad_rating_is_followed_up_and_the_call_back_recorded(qtbot, sync_ops, clerk, supervisor, tmp_path):
    from PySide6.QtCore import QSettings

    cat = setup_catalogue(sync_ops)
    with sync_ops.session() as s:
        it = intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "土地纠纷"})).item
    dialog = open_item(qtbot, clerk, it.id)
    click(qtbot, dialog.action_buttons["complete"])
    click(qtbot, dialog.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: "rate" in dialog.action_buttons)
    click(qtbot, dialog.action_buttons["rate"])
    rating = dialog.action_dialog
    radio = rating.group.button(1)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    type_chinese(rating.comment, "答复不清楚")
    click(qtbot, rating.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: dialog.bundle.item.rating == 1)

    screen = FollowUpScreen(
        AppContext(sync_ops, None, supervisor),  # type: ignore[arg-type]
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.index(0, screen.model.Column.complaint).data() == "答复不清楚"
    assert screen.model.index(0, screen.model.Column.status).data() == "待回访"
    screen.open_record(screen.model.row_at(0).id)
    callback = screen.callback_dialog
    qtbot.waitUntil(lambda: callback.info is not None)
    assert "答复不清楚" in callback.summary.text()
    save = callback.findChild(QPushButton, "save")
    click(qtbot, save)  # nothing written: the result is required
    assert callback.result_field.error.isVisible() and callback.isVisible()
    type_chinese(callback.result, "已电话联系，重新解答，群众满意")
    callback.after.setCurrentIndex(callback.after.findData(5))
    click(qtbot, save)
    qtbot.waitUntil(lambda: screen.model.index(0, screen.model.Column.status).data() == "已回访")
    assert screen.model.index(0, screen.model.Column.satisfied_after).data() == "5"
    entity_table_model.wait_for_workers()


def test_a_record_found_is_refused_by_the_approver_and_the_notice_prints(
    qtbot, sync_ops, item, clerk, supervisor, tmp_path
):
    dialog = open_item(qtbot, clerk, item.id)
    click(qtbot, dialog.action_buttons["start_review"])
    click(qtbot, dialog.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: dialog.bundle.item.status == "reviewing")
    assert "refuse" not in dialog.action_buttons  # the clerk handled it and may not decide it

    boss = open_item(qtbot, supervisor, item.id)
    assert boss.action_buttons["refuse"].text() == "查有犯罪记录，不予出具"
    click(qtbot, boss.action_buttons["refuse"])
    click(qtbot, boss.action_dialog.findChild(QPushButton, "ok"))
    qtbot.waitUntil(lambda: boss.bundle.item.status == "rejected")

    dialog.load()
    qtbot.waitUntil(lambda: "refusal" in dialog.action_buttons)
    assert "certificate" not in dialog.action_buttons
    click(qtbot, dialog.action_buttons["refusal"])
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None)
    text = pdf_text(dialog.preview_dialog.pdf_bytes, tmp_path)
    assert "不予出具无犯罪记录证明通知书" in text and "本局不予出具无犯罪记录证明" in text
    (scanned,) = pdf_qr_codes(dialog.preview_dialog.pdf_bytes, tmp_path)
    assert scanned.startswith("岚皋县公安局证明核验 编号：LGBY")
    dialog.preview_dialog.close()
    qtbot.waitUntil(lambda: dialog.action_buttons["refusal"].text().startswith("补打"))


def test_an_item_closed_before_its_data_arrives_is_left_alone(qtbot, db, item, clerk):
    """A dialog closed at once (deleted on close) never receives its late result: no error for the clerk."""
    from PySide6.QtCore import QThreadPool
    from shiboken6 import isValid

    from app.views.common import run_op

    run_op.configure(db)
    run_op.set_synchronous(False)
    try:
        for _ in range(3):
            dialog = ItemDialog(clerk, item.id)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
            dialog.close()
            qtbot.waitUntil(lambda d=dialog: not isValid(d))  # deleted before the load came back
            assert QThreadPool.globalInstance().waitForDone(10_000)
            qtbot.wait(50)  # the queued result is delivered, and dropped
    finally:
        run_op.set_synchronous(True)
