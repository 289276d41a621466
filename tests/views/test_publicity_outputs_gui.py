"""Releasing on a channel, the release records, the channel figures, the guides and the public figures screens."""

from __future__ import annotations

from datetime import date

import publicity_support
from citizen_service_support import setup_catalogue
from publicity_support import approved, ctx_for, form, released
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from app.models.publicity_release import PublicityRelease
from app.services import entity_service
from app.services.service_catalogue import CATALOGUE_SPEC
from app.views.publicity.channel_figures_screen import ChannelFiguresScreen
from app.views.publicity.guide_screen import GuideScreen
from app.views.publicity.public_figures_screen import PublicFiguresScreen
from app.views.publicity.release_dialog import ReleaseDialog
from app.views.publicity.release_screen import ReleaseScreen

# the shared GUI fixtures (quiet_workers is autouse: lists finish reading before the database goes)
quiet_workers = publicity_support.quiet_workers
setup = publicity_support.setup


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _releases(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(PublicityRelease)).scalar_one()


def test_a_mobile_text_over_the_limit_is_refused_in_the_dialog_then_shortened_and_released(qtbot, db, setup):
    u, writer, boss, _ = setup
    long = "民警" * 140
    approved(db, writer, boss, "measure", form(u["ZADD"], "措施甲", long))
    approved(db, writer, boss, "measure", form(u["ZADD"], "措施乙", long))
    with db.session() as s:
        from app.services import publicity_catalogue

        publicity_catalogue.create_item(s, writer, "measure", form(u["ZADD"], "未批准的草稿"))
    dialog = ReleaseDialog(ctx_for(db, writer), channel="mobile")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 2)  # the draft is not offered
    dialog.check_numbers({"CS-01", "CS-02"})
    assert dialog.text.toPlainText().startswith("【岚皋公安】岚皋县公安局便民服务措施")
    n = len(dialog.text.toPlainText())
    assert dialog.counter.text() == f"共 {n} 字，手机报上限 500 字（超出 {n - 500} 字）"
    dialog.reach.setValue(3000)
    click(qtbot, dialog.release_button)
    assert dialog.isVisible() and dialog.message.text().startswith(
        f"手机报稿件共 {n} 字，超过了手机报 500 字的上限，未发布。"
    )
    assert _releases(db) == 0
    dialog.text.setPlainText("【岚皋公安】县公安局推出两项便民措施：措施甲、措施乙，详见县政府网站。")
    assert dialog.counter.text() == "共 35 字，手机报上限 500 字"
    click(qtbot, dialog.release_button)
    assert not dialog.isVisible()
    with db.session() as s:
        rel = s.execute(select(PublicityRelease)).scalar_one()
    assert (rel.channel, rel.reach, rel.item_count) == ("mobile", 3000, 2)
    assert rel.body == "【岚皋公安】县公安局推出两项便民措施：措施甲、措施乙，详见县政府网站。"


def test_the_website_page_is_saved_from_the_dialog_and_released(qtbot, db, setup, tmp_path):
    u, writer, boss, _ = setup
    approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    dialog = ReleaseDialog(ctx_for(db, writer), channel="website")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    dialog.check_numbers({"GZ-01"})
    assert dialog.text.isReadOnly() and "<h3>1. 首接负责制</h3>" in dialog.text.toPlainText()
    dialog.save_to(tmp_path / "page.html")
    assert "<h3>1. 首接负责制</h3>" in (tmp_path / "page.html").read_text(encoding="utf-8")
    dialog.channel.setCurrentIndex(dialog.channel.findData("flyer"))
    assert (
        dialog.preview_button.isVisible()
        and not dialog.text.isVisible()
        and dialog.reach_label.text() == "印发份数"
    )
    click(qtbot, dialog.preview_button)
    assert dialog.preview_dialog is not None and dialog.preview_dialog.page_count() >= 1
    dialog.preview_dialog.close()
    dialog.reach.setValue(20000)
    click(qtbot, dialog.release_button)
    assert _releases(db) == 1


def test_the_release_list_shows_the_text_and_takes_the_reach_by_hand(qtbot, db, setup, tmp_path):
    u, writer, boss, _ = setup
    v = approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    released(db, writer, [v], channel="tv", reach=3)
    ctx = ctx_for(db, writer)
    screen = ReleaseScreen(ctx, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.table.selectRow(0)
    screen.actions_by_name["show_text"].trigger()
    text = screen.text_dialog.text.toPlainText()
    assert "【播音】第一，首接负责制。" in text and "GZ-01 第1版 首接负责制（批准：陈局长）" in text
    screen.text_dialog.close()
    screen.actions_by_name["edit"].trigger()  # 登记覆盖数量…: the generic form, only reach and note editable
    form_dialog = screen.form_dialog
    qtbot.waitUntil(lambda: form_dialog.editors["reach"].value() == 3)
    assert not form_dialog.editors["title"].isEnabled() or form_dialog.editors["title"].isReadOnly()
    form_dialog.editors["reach"].setValue(6)
    form_dialog.editors["note"].setPlainText("重播三次")
    click(qtbot, form_dialog.save_button)
    qtbot.waitUntil(lambda: screen.model.row_at(0).values["reach"] == 6)
    with db.session() as s:
        assert s.execute(select(PublicityRelease.note)).scalar_one() == "重播三次"


def test_the_channel_figures_screen_sums_reach_per_channel(qtbot, db, setup):
    u, writer, boss, _ = setup
    v = approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    released(db, writer, [v], channel="flyer", reach=20000)
    released(db, writer, [v], channel="flyer", reach=5000)
    screen = ChannelFiguresScreen(ctx_for(db, writer))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.figures is not None)
    flyer = next(r for r in range(screen.table.rowCount()) if screen.cell(r, 0) == "宣传单")
    assert [screen.cell(flyer, c) for c in range(6)] == ["宣传单", "2", "2", "1", "25,000 份", "印发份数"]


def test_the_guides_follow_the_catalogue_and_print(qtbot, db, setup, admin):
    _, writer, *_ = setup
    cat = setup_catalogue(db)
    screen = GuideScreen(ctx_for(db, writer))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.table.rowCount() == len(cat))
    row = next(r for r in range(screen.table.rowCount()) if screen.table.item(r, 0).text() == "ZZ01")
    screen.table.selectRow(row)
    assert "11个工作日" in screen.browser.toPlainText()
    with db.session() as s:
        rec = entity_service.get(s, admin, CATALOGUE_SPEC, cat["ZZ01"])
        entity_service.update(s, admin, CATALOGUE_SPEC, rec.id, rec.version, {"limit_days": 8})
    screen.ctx.signals.changed.emit(frozenset({"service_catalogue"}))
    qtbot.waitUntil(
        lambda: "办理时限8个工作日" in screen.browser.toPlainText().replace("\n", "").replace(" ", "")
    )
    click(qtbot, screen.print_button)
    assert screen.preview_dialog.page_count() == 1
    screen.preview_dialog.close()
    click(qtbot, screen.print_all_button)
    assert screen.preview_dialog.page_count() >= len(cat)
    screen.preview_dialog.close()


def test_the_public_figures_screen_makes_each_form_and_records_a_release(qtbot, db, setup, tmp_path):
    _, writer, *_ = setup
    screen = PublicFiguresScreen(ctx_for(db, writer))
    qtbot.addWidget(screen)
    screen.show()
    screen.period.set_period(date(2026, 1, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: screen.figures is not None)
    assert screen.kpis["受理群众事项"].text() == "0件" and screen.kpis["满意率"].text() == "—"
    assert screen.headline.text().startswith("2026年1月至3月31日，岚皋县公安局民生警务平台共受理群众事项0件")
    screen.channel.setCurrentIndex(screen.channel.findData("mobile"))
    assert screen.text.toPlainText().startswith("【岚皋公安】2026年1月至3月31日")
    screen.reach.setValue(4000)
    click(qtbot, screen.release_button)
    assert screen.message.text() == "已登记发布：手机报"
    screen.text.setPlainText("数" * 501)
    click(qtbot, screen.release_button)
    assert screen.message.text().startswith("手机报稿件共 501 字，超过了手机报 500 字的上限")
    screen.channel.setCurrentIndex(screen.channel.findData("website"))
    screen.save_to(tmp_path / "figures.html")
    assert '<td class="num">0件</td>' in (tmp_path / "figures.html").read_text(encoding="utf-8")
    assert _releases(db) == 1
