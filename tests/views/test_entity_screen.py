"""The declarative citizen screen, used as a clerk uses it: search, open, edit, save; refusals shown in Chinese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from entity_test_data import fill_sample
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import func, select

from app.core.validators import make_id_number
from app.models.citizen import Citizen
from app.models.db import Database
from app.services import entity_service
from app.services.citizens import CITIZEN_SPEC
from app.services.context import Actor
from app.views.common import entity_table_model
from app.views.common.entity_form_dialog import EntityFormDialog, OptionalDateEdit
from app.views.common.entity_screen import EntityScreen


@pytest.fixture
def citizens_500(db: Database) -> Database:
    return fill_sample(db)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_screen(qtbot, sync_ops: Database, settings: QSettings):
    def make(actor: Actor) -> EntityScreen:
        screen = EntityScreen(CITIZEN_SPEC, actor, settings=settings)
        qtbot.addWidget(screen)
        screen.resize(1200, 700)
        screen.show()
        qtbot.waitExposed(screen)
        return screen

    yield make
    entity_table_model.wait_for_workers()


def citizen_count(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Citizen)).scalar_one()


def row_named(screen: EntityScreen, name: str) -> int:
    model = screen.model
    for r in range(model.rowCount()):
        if model.index(r, model.Column.name).data() == name:
            return r
    raise AssertionError(f"{name} is not in the list")


def open_by_double_click(qtbot, screen: EntityScreen, row: int) -> EntityFormDialog:
    table = screen.table
    rect = table.visualRect(screen.model.index(row, screen.model.Column.name))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = screen.form_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_search_open_edit_save_and_see_the_list_updated(qtbot, make_screen, citizens_500, supervisor) -> None:
    screen = make_screen(supervisor)
    assert screen.count_label.text() == "共 500 条"

    qtbot.keyClicks(screen.filter_bar.search, "zs")  # pinyin initials of 张三
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=3000)
    assert screen.count_label.text() == "共 3 条"
    names = {screen.model.index(r, screen.model.Column.name).data() for r in range(3)}
    assert names == {"张三", "张三丰", "章珊"}

    dialog = open_by_double_click(qtbot, screen, row_named(screen, "张三"))
    assert dialog.findChild(QLineEdit, "name").text() == "张三"
    id_edit = dialog.findChild(QLineEdit, "id_number")
    assert (
        id_edit.isReadOnly() and "*" in id_edit.text()
    )  # registered ID numbers do not change, and stay masked
    address = dialog.findChild(QLineEdit, "address")
    address.clear()
    address.insert("岚皋县城关镇北街8号")  # what a Chinese input method commits (QTest types ASCII only)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=3000)
    row = row_named(screen, "张三")
    assert screen.model.index(row, screen.model.Column.address).data() == "岚皋县城关镇北街8号"
    assert screen.selected_row() is not None and screen.selected_row().label == "张三"
    with citizens_500.session() as s:
        stored = s.execute(select(Citizen).where(Citizen.name == "张三")).scalar_one()
        assert stored.address == "岚皋县城关镇北街8号" and stored.version == 2
        assert stored.id_number == make_id_number(
            "610925", date(1985, 6, 1), 11
        )  # the masked value was not sent


def test_a_bad_id_number_is_explained_beside_the_field_and_nothing_is_written(
    qtbot, make_screen, citizens_500, supervisor
) -> None:
    screen = make_screen(supervisor)
    screen.actions_by_name["create"].trigger()
    dialog = screen.form_dialog
    assert dialog is not None
    dialog.findChild(QLineEdit, "name").insert("李新")
    good = make_id_number("610925", date(1990, 1, 1), 123)
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "id_number"), wrong_check)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    error = dialog.findChild(QLabel, "id_number_error")
    assert error.isVisible() and error.text() == "校验码不正确，请核对身份证号码"
    assert dialog.isVisible()
    assert citizen_count(citizens_500) == 500

    # the service's own refusal (already registered) comes back beside the same field
    taken = make_id_number("610925", date(1985, 6, 1), 11)  # 张三
    id_edit = dialog.findChild(QLineEdit, "id_number")
    id_edit.clear()
    qtbot.keyClicks(id_edit, taken.lower())
    assert not error.isVisible()  # typing clears the old message
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error.isVisible() and "已登记" in error.text() and "张三" in error.text()
    assert citizen_count(citizens_500) == 500

    id_edit.clear()
    qtbot.keyClicks(id_edit, good)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=3000)
    assert citizen_count(citizens_500) == 501
    assert screen.count_label.text() == "共 501 条"
    assert screen.model.index(0, screen.model.Column.name).data() == "李新"  # newest first


def test_a_clerk_cannot_delete_and_is_told_why(make_screen, citizens_500, clerk) -> None:
    screen = make_screen(clerk)
    screen.select_id(screen.model.row_at(0).id)
    delete = screen.actions_by_name["delete"]
    assert not delete.isEnabled()
    assert "删除群众信息" in delete.toolTip() and "没有" in delete.toolTip()
    assert screen.actions_by_name["edit"].isEnabled()
    assert screen.actions_by_name["create"].isEnabled()
    delete.trigger()  # even when triggered some other way: nothing happens
    assert screen.confirm_box is None


def test_supervisor_deletes_after_confirming(qtbot, make_screen, citizens_500, supervisor) -> None:
    screen = make_screen(supervisor)
    first = screen.model.row_at(0)
    screen.select_id(first.id)
    assert screen.actions_by_name["delete"].isEnabled()
    screen.actions_by_name["delete"].trigger()
    box = screen.confirm_box
    assert box is not None and first.label in box.text()
    qtbot.mouseClick(box.findChild(type(box.buttons()[0]), "confirm"), Qt.MouseButton.LeftButton)
    assert citizen_count(citizens_500) == 499
    assert screen.count_label.text() == "共 499 条"
    assert screen.model.row_at(0).id != first.id


def test_column_layout_is_remembered_per_user(make_screen, citizens_500, supervisor, clerk, settings) -> None:
    screen = make_screen(supervisor)
    header = screen.table.horizontalHeader()
    column = screen.model.Column.address
    assert header.sectionSize(column) == CITIZEN_SPEC.field("address").width
    header.resizeSection(column, 333)
    header.setSortIndicator(screen.model.Column.name, Qt.SortOrder.AscendingOrder)  # a click on 姓名
    assert screen.model.query().sort == "name"
    screen.save_header()
    screen.close()
    again = make_screen(supervisor)
    assert again.table.horizontalHeader().sectionSize(column) == 333
    assert again.model.query().sort == "name" and not again.model.query().descending
    assert (
        make_screen(clerk).table.horizontalHeader().sectionSize(column) == CITIZEN_SPEC.field("address").width
    )


def test_export_writes_the_filtered_list(qtbot, make_screen, citizens_500, supervisor, tmp_path) -> None:
    from openpyxl import load_workbook

    screen = make_screen(supervisor)
    screen.filter_bar.search.insert("张三")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=3000)
    screen.export_to(tmp_path / "名单.xlsx")
    rows = list(load_workbook(tmp_path / "名单.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:2] == ("身份证号", "姓名")
    assert sorted(r[1] for r in rows[1:]) == ["张三", "张三丰"]


def test_print_opens_a_preview_of_the_list(qtbot, make_screen, citizens_500, supervisor) -> None:
    screen = make_screen(supervisor)
    screen.filter_bar.search.setText("张")
    qtbot.waitUntil(lambda: screen.model.rowCount() < 500, timeout=3000)
    screen.actions_by_name["print"].trigger()
    qtbot.waitUntil(lambda: screen.preview_dialog is not None, timeout=10000)
    assert screen.preview_dialog.page_count() >= 1
    screen.preview_dialog.close()


class _Feed(QObject):
    tables_changed = Signal(object)


def test_a_change_from_another_workstation_appears_without_a_click(
    qtbot, sync_ops, settings, citizens_500, supervisor
):
    feed = _Feed()
    screen = EntityScreen(CITIZEN_SPEC, supervisor, change_feed=feed, settings=settings)
    qtbot.addWidget(screen)
    values = {"id_number": make_id_number("610925", date(1999, 9, 9), 31), "name": "远方来", "address": ""}
    with citizens_500.session() as s:  # as another client would
        entity_service.create(s, supervisor, CITIZEN_SPEC, values)
    assert screen.model.rowCount() == 500
    feed.tables_changed.emit(frozenset({"citizen", "audit_record"}))
    assert screen.model.rowCount() == 501 and screen.count_label.text() == "共 501 条"
    assert screen.model.index(0, screen.model.Column.name).data() == "远方来"


def test_filters_narrow_the_list_and_clear_brings_everything_back(
    qtbot, make_screen, citizens_500, supervisor
):
    screen = make_screen(supervisor)
    gender = screen.filter_bar.control("gender")
    gender.setCurrentIndex(gender.findText("女"))
    women = screen.model.rowCount()
    assert 0 < women < 500
    assert {screen.model.index(r, screen.model.Column.gender).data() for r in range(women)} == {"女"}
    birth = screen.filter_bar.findChild(OptionalDateEdit, "filter_birth_date_from")
    birth.set_value(date(1990, 1, 1))
    assert screen.model.query().filters["birth_date"] == (date(1990, 1, 1), None)
    assert all(
        screen.model.index(r, screen.model.Column.birth_date).data() >= "1990-01-01"
        for r in range(screen.model.rowCount())
    )
    qtbot.mouseClick(screen.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 500 and screen.count_label.text() == "共 500 条"
    assert gender.currentIndex() == 0 and birth.value() is None


def test_a_record_changed_meanwhile_is_reported_and_can_be_reloaded(
    qtbot, make_screen, citizens_500, supervisor
):
    screen = make_screen(supervisor)
    first = screen.model.row_at(0)
    dialog = screen.open_record(first.id)
    with citizens_500.session() as s:  # another workstation saves first
        entity_service.update(
            s, supervisor, CITIZEN_SPEC, first.id, first.version, {"address": "别人改的地址"}
        )
    address = dialog.findChild(QLineEdit, "address")
    address.clear()
    address.insert("我改的地址")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    box = dialog.conflict_box()
    assert box is not None and "已被" in box.text() and "修改" in box.text()
    qtbot.mouseClick(box.findChild(QPushButton, "reload"), Qt.MouseButton.LeftButton)
    assert address.text() == "别人改的地址" and dialog.row.version == first.version + 1
    address.clear()
    address.insert("我改的地址")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=3000)
    with citizens_500.session() as s:
        assert s.get(Citizen, first.id).address == "我改的地址"


def test_an_optional_date_can_stay_empty(qtbot):
    edit = OptionalDateEdit(empty_text="未填")
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.text() == "未填"
    edit.set_value(date(2019, 3, 5))
    assert edit.value() == date(2019, 3, 5) and edit.text() == "2019-03-05"
    edit.set_value(None)
    assert edit.value() is None
