"""The rules-and-measures screens as the publicity officer and the supervisor use them."""

from __future__ import annotations

from collections.abc import Iterator

import publicity_support
import pytest
from citizen_service_support import type_chinese
from conftest import make_user
from publicity_support import approved, ctx_for, form, released
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.models.publicity_item import PublicityItem, PublicityVersion
from app.views.publicity import sections
from app.views.publicity.item_screen import ItemScreen

# the shared GUI fixtures (quiet_workers is autouse: lists finish reading before the database goes)
quiet_workers = publicity_support.quiet_workers
setup = publicity_support.setup


@pytest.fixture
def screen_for(qtbot, db, tmp_path) -> Iterator:
    from PySide6.QtCore import QSettings

    def make(actor):
        ctx = ctx_for(db, actor)
        screen = ItemScreen(ctx, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        screen.resize(1200, 700)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda: not screen.model.is_loading())
        return screen

    yield make


def message_box_text() -> str:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes, "no message box"
    text = boxes[-1].text()
    for box in boxes:
        box.close()
    return text


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_each_role_sees_the_sections_it_may_use(db, setup, clerk):
    u, writer, boss, _ = setup

    def visible(actor):
        return [s.key for s in sections.SECTIONS if actor.can(s.permission)]

    assert visible(clerk) == ["items", "releases", "channel_figures", "guides"]
    assert visible(boss) == ["items", "releases", "channel_figures", "guides", "public_figures"]
    assert visible(writer) == ["items", "releases", "channel_figures", "guides", "public_figures", "settings"]


def test_a_measure_is_drafted_submitted_and_approved_by_someone_else(qtbot, db, setup, screen_for):
    u, writer, boss, _ = setup
    screen = screen_for(writer)
    screen.actions_by_name["new_measure"].trigger()
    dialog = screen.new_dialog
    qtbot.waitUntil(lambda: dialog.unit.count() > 0)
    type_chinese(dialog.title, "居住证签注自助办")
    dialog.content.setPlainText("居住证持有人可在派出所自助设备办理年度签注。")
    dialog.unit.setCurrentIndex(dialog.unit.findText("治安管理大队"))
    click(qtbot, dialog.save_button)
    item_dialog = screen.item_dialog
    assert item_dialog is not None and item_dialog.heading.text() == "CS-01　便民措施　居住证签注自助办"
    assert item_dialog.table.item(0, 1).text() == "草稿"
    assert not item_dialog.buttons["approve"].isEnabled()  # the officer may not approve at all
    click(qtbot, item_dialog.buttons["submit"])
    assert item_dialog.table.item(0, 1).text() == "待审核" and item_dialog.notice.text() == "已提交审核。"
    item_dialog.close()

    boss_screen = screen_for(boss)
    qtbot.waitUntil(lambda: boss_screen.model.rowCount() == 1)
    boss_screen.table.selectRow(0)
    boss_screen.actions_by_name["open"].trigger()
    d = boss_screen.item_dialog
    assert not d.buttons["submit"].isEnabled() and not d.buttons["edit"].isEnabled()
    click(qtbot, d.buttons["approve"])
    assert d.table.item(0, 1).text() == "已批准" and d.table.item(0, 4).text() == "陈局长"


def test_approving_ones_own_draft_is_refused_with_a_message(qtbot, db, setup, screen_for):
    u, *_ = setup
    both = make_user(db, "dual", ["publicity", "supervisor"], display_name="吴双岗")
    screen = screen_for(both)
    screen.actions_by_name["new_rule"].trigger()
    dialog = screen.new_dialog
    qtbot.waitUntil(lambda: dialog.unit.count() > 0)
    dialog.title.setText("首接负责制")
    dialog.content.setPlainText("第一位接待的民警负责到底。")
    dialog.unit.setCurrentIndex(dialog.unit.findText("治安管理大队"))
    click(qtbot, dialog.save_button)
    d = screen.item_dialog
    click(qtbot, d.buttons["submit"])
    click(qtbot, d.buttons["approve"])
    assert (
        message_box_text()
        == "不能审批本人起草或修改过的稿件（“首接负责制”第1版），请由其他有审批权限的领导审批。"
    )
    assert d.table.item(0, 1).text() == "待审核"


def test_bad_wording_shows_beside_the_field_and_saves_nothing(qtbot, db, setup, screen_for):
    _, writer, *_ = setup
    screen = screen_for(writer)
    screen.actions_by_name["new_measure"].trigger()
    dialog = screen.new_dialog
    qtbot.waitUntil(lambda: dialog.unit.count() > 0)
    dialog.unit.setCurrentIndex(0)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.errors.fields["title"].error.text() == "请填写标题"
    assert dialog.errors.fields["content"].error.text() == "请填写内容"
    with db.session() as s:
        assert s.execute(select(PublicityItem)).first() is None


def test_editing_a_published_version_makes_a_new_version_and_the_diff_shows_the_change(
    qtbot, db, setup, screen_for
):
    u, writer, boss, _ = setup
    v1 = approved(db, writer, boss, "measure", form(u["ZADD"], "周六户籍窗口开放", "每周六上午正常办公。"))
    released(db, writer, [v1])
    screen = screen_for(writer)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    d = screen.open_record(v1.item_id)
    assert d.table.item(0, 1).text() == "已发布" and d.buttons["edit"].text() == "修订（另建新版本）…"
    edit = d.edit_selected()
    qtbot.waitUntil(lambda: edit.unit.count() > 0)
    assert edit.hint.isVisible() and "原文不能修改：保存后将另建新版本草稿" in edit.hint.text()
    edit.content.setPlainText("每周六全天正常办公。")
    edit.change_note.setText("改为全天")
    click(qtbot, edit.save_button)
    assert d.notice.text() == "第1版已发布，内容不能修改；已按您的修改另建第2版草稿，经审核批准后才能发布。"
    assert [d.table.item(r, 1).text() for r in range(2)] == ["草稿", "已发布"]
    with db.session() as s:
        assert s.get(PublicityVersion, v1.id).content == "每周六上午正常办公。"
    d.table.selectRow(0)
    diff = d.compare_selected()
    html = diff.browser.toHtml()
    assert "上午" in html and "全天" in html and "修订说明：改为全天" in html
    assert "line-through" in html


def test_the_list_follows_changes_made_elsewhere(qtbot, db, setup, screen_for):
    u, writer, boss, _ = setup
    screen = screen_for(boss)
    assert screen.model.rowCount() == 0
    approved(db, writer, boss, "measure", form(u["ZADD"], "户口簿换补领当场办"))
    screen.ctx.signals.changed.emit(frozenset({"publicity_item"}))  # what the change feed delivers
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).values["title"] == "户口簿换补领当场办"
