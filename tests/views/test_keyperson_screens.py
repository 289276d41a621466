"""The keyperson screens used as officers and leaders use them: the register with its flags, recording an
event that raises the level, acknowledging a warning, and the removal approval dialog with its printed form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_user
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit
from services.keyperson_support import NOW, add_keepers, make_world, person, register

from app.models.keyperson_removal import KpRemovalRequest
from app.services import keyperson_removal, keyperson_visits
from app.views.app_context import AppContext
from app.views.common import entity_table_model
from app.views.common.pdf_preview_dialog import PdfPreviewDialog
from app.views.keyperson.person_screen import KeyPersonScreen
from app.views.keyperson.removal_approval_dialog import RemovalApprovalDialog
from app.views.keyperson.work_screens import WarningScreen


@pytest.fixture
def world(db):
    return make_world(db, make_user)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def screens(qtbot, sync_ops, settings) -> Iterator[list]:
    made: list = []
    yield made
    for w in made:
        w.close()
    entity_table_model.wait_for_workers()


def show(qtbot, widget, made):
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    made.append(widget)
    return widget


def column(screen, name: str) -> int:
    return [f.name for f in screen.model.fields].index(name)


def row_of(screen, label: str) -> int:
    for r in range(screen.model.rowCount()):
        record = screen.model.row_at(r)
        if record is not None and record.label == label:
            return r
    raise AssertionError(label)


def test_the_register_flags_incomplete_keepers_and_an_event_raises_the_level(
    qtbot, db, world, screens, settings
):
    full = register(db, world, name="甲某")
    register(db, world, name="乙某")
    add_keepers(db, world, full, 4)
    screen = show(qtbot, KeyPersonScreen(AppContext(db, None, world.officer), settings=settings), screens)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=3000)
    flag = column(screen, "keepers_missing")
    assert screen.model.index(row_of(screen, "乙某"), flag).data() == "⚠ 缺4人"
    assert screen.model.index(row_of(screen, "甲某"), flag).data() == "齐全"
    assert not screen.actions_by_name["delete"].isVisible()

    row = row_of(screen, "甲某")
    rect = screen.table.visualRect(screen.model.index(row, 1))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.actions_by_name["event"].isEnabled()
    assert not screen.actions_by_name["override"].isEnabled()  # a community officer may not override
    screen.actions_by_name["event"].trigger()
    form = screen.work_dialog
    kind = form.findChild(QComboBox, "kind")
    kind.setCurrentIndex(kind.findData("offence"))
    form.findChild(QPlainTextEdit, "note").setPlainText("因盗窃被查处")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.outcome_box is not None, timeout=3000)
    assert "蓝色预警变为橙色预警" in screen.outcome_box.text()
    assert "站内消息 3 条" in screen.outcome_box.text()
    screen.outcome_box.close()
    level = column(screen, "level")
    qtbot.waitUntil(
        lambda: screen.model.index(row_of(screen, "甲某"), level).data() == "橙色预警", timeout=3000
    )


def test_a_warning_is_acknowledged_from_the_list(qtbot, db, world, screens, settings):
    pid = register(db, world)
    with db.session() as s:
        keyperson_visits.record_event(
            s, world.officer, pid, {"kind": "incident", "occurred_on": NOW.date(), "note": "纠纷"}, now=NOW
        )
    screen = show(
        qtbot, WarningScreen(AppContext(db, None, world.officer), mine=True, settings=settings), screens
    )  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    assert screen.model.index(0, column(screen, "status")).data() == "待签收"
    assert (
        not screen.actions_by_name["create"].isVisible() and not screen.actions_by_name["import"].isVisible()
    )
    screen.table.selectRow(0)
    screen.actions_by_name["ack"].trigger()
    qtbot.waitUntil(lambda: screen.model.index(0, column(screen, "status")).data() == "已签收", timeout=3000)


def test_the_removal_dialog_keeps_four_eyes_and_prints_the_form(qtbot, db, world, screens):
    pid = register(db, world, category="correction")
    with db.session() as s:
        rid = keyperson_removal.request(
            s, world.boss, pid, "矫正期满，表现良好", [("矫正期满证明", True)], now=NOW
        ).id

    own = show(qtbot, RemovalApprovalDialog(AppContext(db, None, world.boss), rid), screens)  # type: ignore[arg-type]
    assert not own.approve_button.isEnabled() and not own.reject_button.isEnabled()
    assert own.approve_button.toolTip() == "不能审批本人提出的申请"
    assert "另一名有审批权限的领导" in own.findChild(QLabel, "message").text()

    dialog = show(qtbot, RemovalApprovalDialog(AppContext(db, None, world.boss2), rid), screens)  # type: ignore[arg-type]
    assert "矫正期满，表现良好" in dialog.summary.text()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "请填写审批意见" in dialog.message.text()  # nothing written without an opinion
    with db.session() as s:
        assert s.get(KpRemovalRequest, rid).status == "pending"
    dialog.opinion.setPlainText("同意撤管")
    with qtbot.waitSignal(dialog.decided, timeout=3000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "已批准" in dialog.summary.text() and not dialog.approve_button.isEnabled()
    assert person(db, pid).status == "removed"

    # the requester's dialog was open all along: deciding there now says who decided first
    own_ctx_dialog = show(qtbot, RemovalApprovalDialog(AppContext(db, None, world.boss2), rid), screens)  # type: ignore[arg-type]
    own_ctx_dialog.decide(False)
    assert "不能再次审批" in own_ctx_dialog.message.text()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(PdfPreviewDialog) is not None, timeout=5000)
    preview = dialog.findChild(PdfPreviewDialog)
    assert preview.page_count() == 1 and dialog.property("last_pdf_size") > 10_000
    preview.close()


def test_an_administrator_edits_the_rules_in_place(qtbot, db, admin, screens):
    from app.services import keyperson_config
    from app.views.keyperson.rules_screen import RulesScreen

    screen = show(qtbot, RulesScreen(AppContext(db, None, admin)), screens)  # type: ignore[arg-type]
    assert screen.events.rowCount() == 8 and screen.events.item(0, 1).text() == "新的违法犯罪"
    screen.levels.item(1, 1).setText("十")  # blue threshold: not a number
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "不是整数" in screen.message.text()
    screen.levels.item(1, 1).setText("12")
    screen.events.item(0, 2).setText("45")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "规则已保存" in screen.message.text()
    with db.session() as s:
        rules = keyperson_config.load(s)
    assert rules.thresholds["blue"] == 12 and rules.event_rule("offence").points == 45


def test_the_file_explains_the_score_and_completes_the_keepers(qtbot, db, world, screens):
    from PySide6.QtWidgets import QLineEdit

    from app.views.keyperson.person_detail_dialog import PersonDetailDialog

    pid = register(db, world, category="mental", grade=3, name="周某")
    add_keepers(db, world, pid, 3)
    ctx = AppContext(db, None, world.officer)  # type: ignore[arg-type]
    dialog = show(qtbot, PersonDetailDialog(ctx, pid), screens)
    parts = [dialog.parts.item(r, 0).text() for r in range(dialog.parts.rowCount())]
    assert parts == ["类别：严重精神障碍患者", "危险性评估 3 级", "合计"]
    assert dialog.parts.item(1, 1).text() == "+30" and dialog.parts.item(2, 1).text() == "35"
    assert dialog.level_label.text().startswith("黄色预警")
    assert dialog.flag.text() == "⚠ 一人四管不全，缺：家属或监护人"
    assert dialog.levels.item(0, 5).text().startswith("登记评分")

    form = dialog.add_keeper()
    assert form.editors["role_code"].currentData() == "family"  # the missing role is offered first
    form.findChild(QLineEdit, "name").insert("周母")
    form.findChild(QLineEdit, "phone").insert("13700001111")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.keepers.rowCount() == 4, timeout=3000)
    assert not dialog.flag.isVisible() and person(db, pid).keepers_missing == 0

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#8899aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(data.data())
    dialog.upload_photo(png)
    qtbot.waitUntil(
        lambda: dialog.photo.pixmap() is not None and not dialog.photo.pixmap().isNull(), timeout=3000
    )
    with db.session() as s:
        from app.services import keyperson_photos

        assert keyperson_photos.get_photo(s, world.officer, pid) == png


def test_an_administrator_configures_the_keeper_roles_the_keeper_form_then_offers(
    qtbot, db, world, admin, screens
):
    from app.services import keyperson_config
    from app.services.keyperson_choices import keeper_role_choices
    from app.views.keyperson.rules_screen import PARAMETERS, RulesScreen

    pid = register(db, world)
    add_keepers(db, world, pid, 4)
    screen = show(qtbot, RulesScreen(AppContext(db, None, admin)), screens)  # type: ignore[arg-type]
    roles = screen.keeper_roles
    assert [roles.item(r, 1).text() for r in range(roles.rowCount())] == [
        "社区民警",
        "村（社区）干部",
        "网格员",
        "家属或监护人",
    ]
    qtbot.mouseClick(screen.findChild(type(screen.save_button), "add_keeper_role"), Qt.MouseButton.LeftButton)
    roles.item(4, 0).setText("security")
    roles.item(4, 1).setText("治保主任")
    lost = [key for key, _ in PARAMETERS].index("lost_points")
    screen.parameters.item(lost, 1).setText("25")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "规则已保存" in screen.message.text()
    with db.session() as s:
        rules = keyperson_config.load(s)
        offered = keeper_role_choices(s)
    assert rules.lost_points == 25 and rules.required_keepers == 5
    assert ("security", "治保主任") in offered  # what the keeper form's role list shows
    assert person(db, pid).keepers_missing == 1  # every person's 一人四管 recounted at once
    roles.setCurrentCell(4, 0)
    qtbot.mouseClick(
        screen.findChild(type(screen.save_button), "remove_keeper_role"), Qt.MouseButton.LeftButton
    )
    roles.setCurrentCell(3, 0)
    qtbot.mouseClick(
        screen.findChild(type(screen.save_button), "remove_keeper_role"), Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "规则已保存" in screen.message.text()
    with db.session() as s:
        assert [r.code for r in keyperson_config.load(s).keeper_roles] == ["police", "cadre", "grid"]


def test_an_administrator_adds_a_category_in_the_categories_screen(qtbot, db, world, admin, screens):
    from PySide6.QtWidgets import QLineEdit

    from app.views.keyperson.sections import SECTIONS

    section = next(s for s in SECTIONS if s.key == "categories")
    assert admin.can(section.permission)
    screen = show(qtbot, section.factory(AppContext(db, None, admin)), screens)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4, timeout=3000)
    create = screen.actions_by_name["create"]
    assert create.isVisible() and create.isEnabled()
    create.trigger()
    form = screen.form_dialog
    form.findChild(QLineEdit, "code").insert("drug")
    form.findChild(QLineEdit, "name").insert("吸毒人员")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=3000)
    pid = register(db, world, category="drug")  # officers register persons in it at once
    assert person(db, pid).category_code == "drug"
    officer_screen = show(qtbot, section.factory(AppContext(db, None, world.officer)), screens)  # type: ignore[arg-type]
    assert not officer_screen.actions_by_name["create"].isEnabled()  # only those who may set the rules


def test_a_plain_officer_keeper_sees_only_my_warnings_and_acknowledges_there(
    qtbot, db, world, screens, settings
):
    from app.views.keyperson.sections import SECTIONS

    pid = register(db, world)
    add_keepers(db, world, pid)
    with db.session() as s:
        keyperson_visits.record_event(
            s, world.officer, pid, {"kind": "incident", "occurred_on": NOW.date(), "note": "纠纷"}, now=NOW
        )
    cadre = world.cadre  # the village cadre keeper, a plain 民警
    assert cadre.can("tab.keyperson")
    assert [s.key for s in SECTIONS if cadre.can(s.permission)] == ["my_warnings"]
    screen = show(qtbot, WarningScreen(AppContext(db, None, cadre), mine=True, settings=settings), screens)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    screen.table.selectRow(0)
    assert screen.actions_by_name["ack"].isEnabled()
    screen.actions_by_name["ack"].trigger()
    qtbot.waitUntil(lambda: screen.model.index(0, column(screen, "status")).data() == "已签收", timeout=3000)


def test_statistics_print_with_their_figures(qtbot, db, world, screens, tmp_path):
    import subprocess

    from app.views.keyperson.statistics_screen import StatisticsScreen

    register(db, world, name="甲某")
    register(db, world, name="乙某", category="mental", grade=4)
    screen = show(qtbot, StatisticsScreen(AppContext(db, None, world.boss)), screens)  # type: ignore[arg-type]
    screen.grouping.setCurrentIndex(screen.grouping.findData("category"))
    qtbot.waitUntil(lambda: screen.table.rowCount() == 3, timeout=3000)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview is not None, timeout=5000)
    pdf = tmp_path / "stats.pdf"
    pdf.write_bytes(screen.preview.pdf_bytes)
    text = "".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "重点人员统计（按人员类别）" in text and "严重精神障碍患者" in text and "合计" in text
    screen.export_to(tmp_path / "stats.xlsx")
    from openpyxl import load_workbook

    cells = [
        c for row in load_workbook(tmp_path / "stats.xlsx").active.iter_rows(values_only=True) for c in row
    ]
    assert "刑满释放人员（刑释解教）" in cells
