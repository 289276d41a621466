"""The look-up counter, the figures dashboard, the text templates, the calendar and the sections each role sees."""

from __future__ import annotations

from datetime import date

import pytest
from citizen_service_support import ID_1, form, frozen_today, pdf_text, setup_catalogue, type_chinese
from conftest import make_user
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from app.models.service_records import ServiceLookup
from app.services import certificates, intake, item_workflow, lookup, service_figures, service_texts
from app.views.app_context import AppContext
from app.views.citizen import sections
from app.views.citizen.calendar_screen import CalendarScreen
from app.views.citizen.figures_dashboard import FiguresDashboard
from app.views.citizen.lookup_screen import LookupScreen
from app.views.citizen.sms_templates_screen import SmsTemplatesScreen
from app.views.common import entity_table_model


@pytest.fixture
def cat(sync_ops):
    return setup_catalogue(sync_ops)


def ctx_for(db, actor) -> AppContext:
    return AppContext(db, None, actor)  # type: ignore[arg-type]


def test_a_look_up_at_the_window_and_on_the_phone_is_counted(qtbot, sync_ops, cat, clerk):
    with sync_ops.session() as s:
        item = intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "租房"})).item
    screen = LookupScreen(ctx_for(sync_ops, clerk))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.query, item.tracking_no)
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    assert screen.table.rowCount() == 1 and screen.table.item(0, 0).text() == item.tracking_no
    assert screen.table.item(0, 4).text() == "已受理" and screen.counter.text() == "今日已查询 1 次"
    screen.query.clear()
    qtbot.keyClicks(screen.query, ID_1)
    screen.channel.setCurrentIndex(screen.channel.findData("phone"))
    qtbot.keyClick(screen.query, Qt.Key.Key_Return)
    assert screen.counter.text() == "今日已查询 2 次"
    screen.query.clear()
    qtbot.keyClicks(screen.query, "12")
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    assert "请输入完整" in screen.message.text() and screen.counter.text() == "今日已查询 2 次"
    with sync_ops.session() as s:
        rows = dict(
            s.execute(select(ServiceLookup.channel, func.count()).group_by(ServiceLookup.channel)).all()
        )
    assert rows == {"window": 1, "phone": 1}


def test_a_certificate_is_verified_from_its_scanned_qr_text(qtbot, sync_ops, cat, clerk, supervisor):
    with sync_ops.session() as s:
        it = intake.intake(
            s,
            clerk,
            form(
                cat["ZM02"], materials_received=["本人居民身份证或户口簿"], form_values={"证明用途": "入学"}
            ),
        ).item
        it = item_workflow.transition(s, clerk, it.id, it.version, "start_review")
        it = item_workflow.transition(s, supervisor, it.id, it.version, "approve")
        data = certificates.print_certificate(s, clerk, it.id)
    screen = LookupScreen(ctx_for(sync_ops, clerk))
    qtbot.addWidget(screen)
    type_chinese(screen.cert_no, data.qr_text)
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    assert (
        screen.verify_label.text().startswith("真实有效：" + data.cert_no)
        and "户籍证明" in screen.verify_label.text()
    )
    screen.cert_no.setText(data.cert_no)
    screen.cert_code.setText("2345-6789")
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    assert screen.verify_label.text().startswith("核验不通过")


def test_the_dashboard_shows_the_services_figures_exports_and_prints(
    qtbot, sync_ops, cat, clerk, supervisor, tmp_path
):
    with sync_ops.session() as s:
        for code, values in (("ZX01", {"咨询问题": "问题"}), ("QZ01", {"求助事项": "开锁"})):
            it = intake.intake(s, clerk, form(cat[code], form_values=values)).item
            if code == "ZX01":
                item_workflow.transition(s, clerk, it.id, it.version, "complete")
        lookup.find(s, clerk, it.tracking_no)
    screen = FiguresDashboard(ctx_for(sync_ops, supervisor))
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.figures is not None)
    with sync_ops.session() as s:
        start, end = screen.period()
        want = service_figures.figures(s, supervisor, start, end).total
    assert (want.received, want.completed, want.lookups) == (2, 1, 1)
    assert screen.kpi_labels["received"].text() == "2" and screen.kpi_labels["completed"].text() == "1"
    assert screen.kpi_labels["rate"].text() == "50.0%" and screen.kpi_labels["lookups"].text() == "1"
    units = screen.tables["unit"]
    assert {units.item(r, 0).text() for r in range(units.rowCount())} == {"法制大队", "指挥中心", "合计"}
    # the pyqtgraph charts draw the same figures: received and completed per department, received per channel
    bars = screen.unit_chart
    assert [s.name for s in bars.series] == ["受理", "办结"] and len(bars.items) == 2
    per_unit = {
        c: (int(a), int(b)) for c, a, b in zip(bars.categories, *(s.values for s in bars.series), strict=True)
    }
    assert per_unit == {"法制": (1, 1), "指挥中心": (1, 0)}
    channels = screen.channel_chart
    assert dict(zip(channels.categories, channels.series[0].values, strict=True)) == {"窗口": 2}
    path = tmp_path / "figures.xlsx"
    screen.export_to(path)
    from openpyxl import load_workbook

    sheet = load_workbook(path)["合计"]
    assert [c.value for c in sheet[3]][:4] == ["合计", 2, 1, 0.5]
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview_dialog is not None)
    text = pdf_text(screen.preview_dialog.pdf_bytes, tmp_path)
    assert "民生警务统计报表" in text and "法制大队" in text and "50.0%" in text
    screen.preview_dialog.close()
    qtbot.wait(10)


def test_an_administrator_edits_the_text_templates_and_a_bad_one_is_refused(qtbot, sync_ops, admin):
    screen = SmsTemplatesScreen(ctx_for(sync_ops, admin))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.editors["accept"].toPlainText() != "")
    assert "1 条" in screen.counts["accept"].text() and "【岚皋县公安局】" in screen.counts["accept"].text()
    screen.editors["accept"].setPlainText("{姓名}您好")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "不认识的占位符" in screen.fields["accept"].error.text()
    with sync_ops.session() as s:
        assert service_texts.current(s).version is None
    screen.editors["accept"].setPlainText("{name}：{item}已受理，编号{tracking_no}。")
    screen.editors["start_review"].setPlainText("")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text().startswith("已保存") and screen.counts["start_review"].text() == "不发短信"
    with sync_ops.session() as s:
        saved = service_texts.current(s).templates
    assert saved["accept"] == "{name}：{item}已受理，编号{tracking_no}。" and saved["start_review"] == ""


def test_the_calendar_screen_lists_the_loaded_years_and_recounts(
    qtbot, sync_ops, cat, clerk, admin, tmp_path
):
    with sync_ops.session() as s:
        intake.intake(s, clerk, form(cat["TS01"], form_values={"被投诉单位或民警": "x", "投诉事项": "y"}))
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    screen = CalendarScreen(ctx_for(sync_ops, admin), settings=settings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.years.model.rowCount() == 2)
    assert [screen.years.model.index(r, 0).data() for r in range(2)] == ["2025", "2026"]
    qtbot.mouseClick(screen.recount_button, Qt.MouseButton.LeftButton)
    assert screen.status.text().startswith("已重算：0 件")
    entity_table_model.wait_for_workers()


@pytest.mark.parametrize(
    ("roles", "visible"),
    [
        (["clerk"], ["intake", "items", "lookup", "followups", "citizens", "catalogue"]),
        (
            ["supervisor"],
            ["intake", "items", "lookup", "followups", "supervision", "figures", "citizens", "catalogue"],
        ),
        (["officer"], ["items", "lookup", "catalogue"]),
        (
            ["admin"],
            [
                "items",
                "lookup",
                "supervision",
                "figures",
                "citizens",
                "catalogue",
                "calendar",
                "sms_templates",
            ],
        ),
    ],
)
def test_each_role_sees_its_sections_and_every_section_opens(qtbot, sync_ops, cat, roles, visible, tmp_path):
    actor = make_user(sync_ops, f"u_{roles[0]}", roles)
    shown = [s.key for s in sections.SECTIONS if actor.can(s.permission)]
    assert shown == visible
    with frozen_today(date(2026, 11, 30)):
        for section in sections.SECTIONS:
            if section.key in shown:
                widget = section.factory(ctx_for(sync_ops, actor))
                qtbot.addWidget(widget)
                widget.show()
    entity_table_model.wait_for_workers()
    qtbot.wait(20)
