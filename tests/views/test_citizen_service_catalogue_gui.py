"""The service catalogue as an administrator edits it on its screen: category, department, materials, time
limit and form fields; the window's intake form follows at once; a bad value is refused beside its field."""

from __future__ import annotations

import pytest
from citizen_service_support import setup_catalogue
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QSpinBox
from sqlalchemy import select

from app.models.org import Unit
from app.models.service_catalogue import ServiceCatalogueItem
from app.services.service_catalogue import CATALOGUE_SPEC
from app.views.app_context import AppContext
from app.views.citizen.intake_screen import IntakeScreen
from app.views.common import entity_table_model
from app.views.common.entity_screen import EntityScreen


@pytest.fixture
def cat(sync_ops):
    return setup_catalogue(sync_ops)


def _catalogue_screen(qtbot, ctx: AppContext, tmp_path) -> EntityScreen:
    screen = EntityScreen(
        CATALOGUE_SPEC,
        ctx.actor,
        feed=ctx.signals,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    return screen


def _stored(db, code: str) -> ServiceCatalogueItem:
    with db.session() as s:
        row = s.execute(select(ServiceCatalogueItem).where(ServiceCatalogueItem.code == code)).scalar_one()
        s.expunge(row)
        return row


def test_an_administrator_edits_an_item_and_the_intake_form_follows(
    qtbot, sync_ops, cat, admin, clerk, tmp_path
):
    with sync_ops.session() as s:
        criminal = s.execute(select(Unit.id).where(Unit.name == "刑事侦查大队")).scalar_one()
    admin_ctx, clerk_ctx = AppContext(sync_ops, None, admin), AppContext(sync_ops, None, clerk)  # type: ignore[arg-type]
    intake = IntakeScreen(clerk_ctx)
    qtbot.addWidget(intake)
    intake.show()
    qtbot.waitUntil(lambda: intake.catalogue.count() > 1)
    intake.select_item("ZM02")
    assert list(intake.form_editors) == ["证明用途"]

    screen = _catalogue_screen(qtbot, admin_ctx, tmp_path)
    dialog = screen.open_record(cat["ZM02"])
    qtbot.waitUntil(lambda: dialog.row is not None)
    category = dialog.findChild(QComboBox, "category")
    unit = dialog.findChild(QComboBox, "unit_id")
    limit = dialog.findChild(QSpinBox, "limit_days")
    materials = dialog.findChild(QPlainTextEdit, "materials")
    fields = dialog.findChild(QPlainTextEdit, "form_fields")
    assert category.currentText() == "证明证照" and materials.toPlainText() == "本人居民身份证或户口簿"
    unit.setCurrentIndex(unit.findData(criminal))
    limit.setValue(2)
    materials.setPlainText("本人居民身份证或户口簿\n单位介绍信\n授权委托书（如适用）")
    fields.setPlainText("证明用途*\n使用单位*\n备注")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.form_dialog is None)

    stored = _stored(sync_ops, "ZM02")
    assert (stored.unit_id, stored.limit_days, stored.version) == (criminal, 2, 2)
    assert stored.materials.splitlines() == ["本人居民身份证或户口簿", "单位介绍信", "授权委托书（如适用）"]
    assert stored.form_fields.splitlines() == ["证明用途*", "使用单位*", "备注"]

    clerk_ctx.signals.changed.emit(frozenset({"service_catalogue"}))  # as the change feed would
    qtbot.waitUntil(lambda: list(intake.form_editors) == ["证明用途", "使用单位", "备注"])
    boxes = [b.text() for b in intake.material_boxes if isinstance(b, QCheckBox)]
    assert boxes == ["本人居民身份证或户口簿", "单位介绍信", "授权委托书（如适用）"]
    assert intake.item_info.text().startswith("责任部门：刑事侦查大队；办理时限：2 个工作日")
    required = [intake.form_lay.labelForField(intake.fields[f"form:{n}"]).text() for n in intake.form_editors]
    assert required == ["证明用途 *", "使用单位 *", "备注"]
    entity_table_model.wait_for_workers()


def test_a_new_item_of_another_category_and_a_bad_time_limit(qtbot, sync_ops, cat, admin, tmp_path):
    screen = _catalogue_screen(qtbot, AppContext(sync_ops, None, admin), tmp_path)  # type: ignore[arg-type]
    screen.create_record()
    dialog = screen.form_dialog
    assert dialog is not None
    dialog.editors["code"].insert("QZ09")
    dialog.editors["name"].insert("走失人员查找求助")
    category = dialog.editors["category"]
    category.setCurrentIndex(category.findData("help"))
    unit = dialog.editors["unit_id"]
    qtbot.waitUntil(lambda: unit.count() > 1)
    unit.setCurrentIndex(1)
    dialog.editors["limit_days"].setValue(120)
    dialog.editors["form_fields"].setPlainText("走失人员姓名*\n走失地点*")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "办理时限应在 0 至 90 个工作日之间" in dialog.rows["limit_days"].error.text())
    with sync_ops.session() as s:
        assert (
            s.execute(select(ServiceCatalogueItem).where(ServiceCatalogueItem.code == "QZ09")).first() is None
        )
    dialog.editors["limit_days"].setValue(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.form_dialog is None)
    stored = _stored(sync_ops, "QZ09")
    assert (stored.category, stored.limit_days, stored.form_fields) == ("help", 1, "走失人员姓名*\n走失地点*")
    entity_table_model.wait_for_workers()


def test_a_clerk_reads_the_catalogue_but_cannot_change_it(qtbot, sync_ops, cat, clerk, tmp_path):
    screen = _catalogue_screen(qtbot, AppContext(sync_ops, None, clerk), tmp_path)  # type: ignore[arg-type]
    assert not screen.permitted("edit") and not screen.permitted("create")
    entity_table_model.wait_for_workers()
