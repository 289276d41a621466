"""The window clerk's intake, clicked through as a clerk would: to the printed receipt and the one-time notice."""

from __future__ import annotations

import pytest
from citizen_service_support import ID_1, pdf_qr_codes, pdf_text, setup_catalogue, type_chinese
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit
from sqlalchemy import func, select

from app.models.citizen import Citizen
from app.models.service_item import ServiceItem
from app.services import intake
from app.views.app_context import AppContext
from app.views.citizen.intake_screen import IntakeScreen


@pytest.fixture
def screen(qtbot, sync_ops, clerk):
    setup_catalogue(sync_ops)
    widget = IntakeScreen(AppContext(sync_ops, None, clerk))  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.catalogue.count() > 1)
    return widget


def _type_id_and_find(qtbot, screen: IntakeScreen, number: str) -> None:
    qtbot.keyClicks(screen.id_number, number)
    qtbot.mouseClick(screen.find_button, Qt.MouseButton.LeftButton)


def _tick(qtbot, screen: IntakeScreen, material: str) -> None:
    box = next(b for b in screen.material_boxes if isinstance(b, QCheckBox) and b.text() == material)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def item_count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(ServiceItem)).scalar_one()


def test_a_clerk_registers_a_new_citizen_and_gets_the_receipt_at_once(qtbot, screen, sync_ops, tmp_path):
    _type_id_and_find(qtbot, screen, ID_1)
    assert "未登记的群众" in screen.citizen_label.text() and screen.name.isEnabled()
    type_chinese(screen.name, "张三")
    qtbot.keyClicks(screen.phone, "13912345678")
    type_chinese(screen.address, "城关镇东街12号")
    screen.select_item("ZM01")
    assert "治安管理大队" in screen.item_info.text() and "3 个工作日" in screen.item_info.text()
    _tick(qtbot, screen, "本人有效居民身份证")
    _tick(qtbot, screen, "无犯罪记录证明申请表")
    type_chinese(screen.form_editors["用途"], "入职")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview_dialog is not None)
    item = screen.result.item
    assert item.status == "accepted" and item.tracking_no in screen.result_label.text()
    assert screen.preview_dialog.objectName() == "receipt_preview" and screen.preview_dialog.page_count() == 1
    pdf = screen.preview_dialog.pdf_bytes
    assert item.tracking_no in pdf_text(pdf, tmp_path)
    assert pdf_qr_codes(pdf, tmp_path) == [intake.lookup_qr_text(item.tracking_no)]
    assert not screen.notice_button.isEnabled()
    with sync_ops.session() as s:
        assert (
            s.execute(select(Citizen.address).where(Citizen.id_number == ID_1)).scalar_one()
            == "城关镇东街12号"
        )
    screen.preview_dialog.close()
    assert not screen.save_button.isEnabled()  # saved once: a second click cannot register it twice
    qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert (
        screen.id_number.text() == "" and screen.result_label.text() == "" and screen.save_button.isEnabled()
    )


def test_missing_materials_produce_the_one_time_notice(qtbot, screen, tmp_path):
    _type_id_and_find(qtbot, screen, ID_1)
    type_chinese(screen.name, "张三")
    screen.select_item("ZM01")
    _tick(qtbot, screen, "无犯罪记录证明申请表")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview_dialog is not None)
    assert "尚缺材料：本人有效居民身份证" in screen.result_label.text()
    screen.preview_dialog.close()
    qtbot.mouseClick(screen.notice_button, Qt.MouseButton.LeftButton)
    assert screen.preview_dialog.objectName() == "notice_preview"
    text = pdf_text(screen.preview_dialog.pdf_bytes, tmp_path)
    assert "一次性告知书" in text and "本人有效居民身份证" in text


def test_an_invalid_id_number_is_shown_beside_the_field_and_nothing_is_saved(qtbot, screen, sync_ops):
    _type_id_and_find(qtbot, screen, "610925199003051234")
    error = screen.findChild(QLabel, "id_number_error") or screen.fields["id_number"].error
    assert error.isVisible() and "校验" in error.text()
    screen.select_item("ZX01")
    type_chinese(screen.name, "张三")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "校验" in screen.fields["id_number"].error.text()
    assert "请填写咨询问题" in screen.fields["form:咨询问题"].error.text()
    assert screen.preview_dialog is None and item_count(sync_ops) == 0 and screen.save_button.isEnabled()
    assert isinstance(screen.form_editors["咨询问题"], QLineEdit)
