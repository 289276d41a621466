"""警务保障 as its users click it: an officer applies for leave on the self-service page, the unit leader approves
it from 待我审批; one's own request cannot be approved; the administrator's matrix change reaches a screen that
is already open; a poll is voted anonymously; bad input is shown beside the fields; statistics print."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from sqlalchemy import select
from support_staff import Staff, make_staff

from app.models.db import Database
from app.models.support_leave import SupportLeave
from app.models.support_notices import SupportPoll
from app.services import entity_service, support_poll_votes, support_polls
from app.services.support_approval import Pending
from app.views.app_context import AppContext
from app.views.common import entity_table_model
from app.views.support.approvals_screen import ApprovalsScreen, PendingModel
from app.views.support.function_screens import LeaveScreen, RequestScreen
from app.views.support.matrix_editor import MatrixEditor
from app.views.support.my_notices import MyNotices
from app.views.support.self_service_page import SelfServicePage
from app.views.support.statistics_screen import MAX_BARS, StatisticsScreen, draw

TODAY = date.today()


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def show(qtbot, sync_ops):
    def shown(widget):
        qtbot.addWidget(widget)
        widget.resize(1200, 720)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    yield shown
    entity_table_model.wait_for_workers()


def ctx_for(db: Database, actor) -> AppContext:
    return AppContext(db, None, actor)  # type: ignore[arg-type]


def choose(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_an_officer_applies_for_leave_and_the_unit_leader_approves_it(qtbot, db, staff, show) -> None:
    page = show(SelfServicePage(ctx_for(db, staff.wang)))
    page.setCurrentWidget(page.leave)
    screen = page.leave
    screen.actions_by_name["create"].trigger()
    form = screen.form_dialog
    assert form is not None
    choose(form.editors["kind"], "annual")
    form.editors["start_date"].set_value(TODAY + timedelta(days=3))
    form.editors["end_date"].set_value(TODAY + timedelta(days=4))
    form.editors["destination"].setText("安康市")  # typed through the input method; QTest cannot type Chinese
    form.editors["reason"].setPlainText("回家探望父母")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).values["status"] == "pending"
    assert not screen.actions_by_name["decide"].isVisible()  # one's own requests are decided by others

    approvals = show(ApprovalsScreen(ctx_for(db, staff.leader)))
    assert approvals.model.rowCount() == 1 and approvals.model.rows[0].applicant == "王警官"
    rect = approvals.table.visualRect(approvals.model.index(0, 0))
    qtbot.mouseClick(approvals.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(approvals.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = approvals.approval_dialog
    assert dialog is not None and dialog.approve_button.isEnabled()
    assert "回家探望父母" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    dialog.opinion.setPlainText("同意，注意安全")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 0)
    with db.session() as s:
        leave = s.execute(select(SupportLeave)).scalar_one()
        assert (leave.status, leave.approver_id, leave.opinion) == (
            "approved",
            staff.leader.user_id,
            "同意，注意安全",
        )


def test_one_cannot_approve_ones_own_request_in_the_dialog(qtbot, db, staff, show, settings) -> None:
    from app.services.support_leave import LEAVE_SPEC

    with db.session() as s:
        values = {"kind": "personal", "start_date": TODAY, "end_date": TODAY, "reason": "家中有事"}
        entity_service.create(s, staff.leader, LEAVE_SPEC, values)
    screen = show(LeaveScreen(LEAVE_SPEC, ctx_for(db, staff.leader), settings=settings))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.select_id(screen.model.row_at(0).id)
    assert screen.actions_by_name["decide"].isEnabled()  # 所长 may approve in general...
    screen.actions_by_name["decide"].trigger()
    dialog = screen.approval_dialog
    assert not dialog.approve_button.isEnabled() and not dialog.reject_button.isEnabled()
    assert "本人" in dialog.reason.text(), (
        dialog.message.text()
    )  # ...but not their own request: the dialog says why


def test_a_matrix_change_reaches_an_open_screen_without_logging_in_again(
    qtbot, db, staff, show, settings
) -> None:
    from app.services.support_leave import LEAVE_SPEC

    officer_ctx = ctx_for(db, staff.wang)
    screen = show(LeaveScreen(LEAVE_SPEC, officer_ctx, settings=settings))
    assert screen.actions_by_name["create"].isEnabled()
    editor = show(MatrixEditor(ctx_for(db, staff.admin)))
    editor.roles.setCurrentRow(next(i for i, r in enumerate(editor.matrix.roles) if r.code == "officer"))
    functions = [f for f, _ in editor.matrix.functions]
    actions = [a for a, _ in editor.matrix.actions]
    assert editor.grid.item(functions.index("health"), actions.index("approve")).text() == "—"
    editor.set_cell(functions.index("leave"), actions.index("create"), False)
    assert editor.save_button.isEnabled() and editor.dirty_label.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "已保存" in editor.message.text()
    officer_ctx.signals.changed.emit(frozenset({"role_permission"}))  # what the change feed delivers
    qtbot.waitUntil(lambda: not screen.actions_by_name["create"].isEnabled())
    assert "新增/申请" in screen.actions_by_name["create"].toolTip()


def test_an_anonymous_poll_is_voted_from_the_self_service_page(qtbot, db, staff, show) -> None:
    with db.session() as s:
        values = {"title": "食堂伙食满意度调查", "options_text": "满意\n不满意", "anonymous": True}
        row = entity_service.create(s, staff.keeper, support_polls.POLL_SPEC, values).row
        support_polls.open_poll(s, staff.keeper, row.id, row.version)
    notices = show(MyNotices(ctx_for(db, staff.wang)))
    notices.poll_list.setCurrentRow(0)
    assert notices.vote_button.isEnabled() and not notices.results_button.isEnabled()
    qtbot.mouseClick(notices.vote_button, Qt.MouseButton.LeftButton)
    dialog = notices.vote_dialog
    assert "任何人（包括管理员）都无法查到" in dialog.findChild(QLabel, "anonymity").text()
    dialog.group.buttons()[1].click()  # 不满意
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已投票" in notices.poll_list.item(0).text())
    assert not notices.vote_button.isEnabled() and notices.results_button.isEnabled()
    with db.session() as s:
        assert support_poll_votes.results(
            s, staff.keeper, s.execute(select(SupportPoll.id)).scalar_one()
        ).counts == (
            ("满意", 0),
            ("不满意", 1),
        )


def test_an_expense_without_required_fields_shows_messages_beside_them(
    qtbot, db, staff, show, settings
) -> None:
    from app.services.support_expenses import EXPENSE_SPEC

    screen = show(RequestScreen(EXPENSE_SPEC, ctx_for(db, staff.wang), "expense", settings=settings))
    screen.actions_by_name["create"].trigger()
    form = screen.form_dialog
    choose(form.editors["category"], "travel")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.findChild(QLabel, "description_error").text() == "请填写事由及明细"
    assert form.findChild(QLabel, "spent_on_error").text() == "请填写发生日期"
    assert screen.model.rowCount() == 0


def test_statistics_show_charts_and_print_the_report(qtbot, db, staff, show) -> None:
    stats = show(StatisticsScreen(ctx_for(db, staff.keeper)))
    assert stats.stats is not None and stats.print_button.isEnabled()
    assert stats.charts["leave_kind"].title.text().startswith("请假天数")
    qtbot.mouseClick(stats.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stats.preview_dialog is not None)
    assert stats.preview_dialog.pdf_bytes.startswith(b"%PDF")
    stats.preview_dialog.close()


def test_notices_and_polls_are_published_and_ended_from_their_screens(qtbot, db, staff, show) -> None:
    from app.models.support_notices import SupportNotice
    from app.services import support_notices
    from app.views.support.notice_screens import NoticeScreen, PollScreen

    with db.session() as s:
        notice = entity_service.create(
            s,
            staff.leader,
            support_notices.NOTICE_SPEC,
            {"title": "冬季防火", "kind": "notice", "body": "……"},
        ).row.id
        poll = entity_service.create(
            s, staff.leader, support_polls.POLL_SPEC, {"title": "伙食意见", "options_text": "满意\n不满意"}
        ).row.id

    def stored(model, ident):  # type: ignore[no-untyped-def]
        with db.session() as s:
            return s.get(model, ident).status

    notices = show(NoticeScreen(ctx_for(db, staff.leader)))
    for action, status in (("publish", "published"), ("withdraw", "withdrawn")):
        notices.select_id(notice)
        qtbot.waitUntil(lambda: notices.actions_by_name[action].isEnabled())  # noqa: B023
        notices.actions_by_name[action].trigger()
        qtbot.waitUntil(lambda: stored(SupportNotice, notice) == status)  # noqa: B023
    polls = show(PollScreen(ctx_for(db, staff.leader)))
    for action, status in (("publish", "open"), ("close", "closed")):
        polls.select_id(poll)
        qtbot.waitUntil(lambda: polls.actions_by_name[action].isEnabled())  # noqa: B023
        polls.actions_by_name[action].trigger()
        qtbot.waitUntil(lambda: stored(SupportPoll, poll) == status)  # noqa: B023
    assert polls.status_label.text() == "已结束征集"


def test_a_chart_of_many_units_keeps_the_largest_and_sums_the_rest(qtbot) -> None:
    """Thirteen units side by side in a third of the screen would overwrite each other's names."""
    from app.views.common.charts import BarChart, Series

    chart = BarChart("培训学时")
    qtbot.addWidget(chart)
    units = [f"第{i}派出所" for i in range(13)]
    hours = [float(10 + (i * 7) % 13) for i in range(13)]
    folded = draw(chart, units, [Series("学时", hours)])
    biggest = sorted(range(13), key=lambda i: -hours[i])[: MAX_BARS - 1]
    assert folded == 13 - (MAX_BARS - 1)
    assert chart.categories == [units[i] for i in sorted(biggest)] + ["其他"]
    assert sum(chart.series[0].values) == sum(hours)
    assert draw(chart, units[:3], [Series("学时", hours[:3])]) == 0 and chart.categories == units[:3]


def test_the_pending_model_passes_the_model_tester(qtmodeltester) -> None:
    from datetime import UTC, datetime

    model = PendingModel()
    model.set_rows(
        [
            Pending(
                "leave",
                "请假",
                1,
                1,
                "审批请假",
                2,
                "王警官",
                "城关派出所",
                "年休假 12月3日至12月4日",
                datetime.now(UTC),
            )
        ]
    )
    qtmodeltester.check(model)


def test_xiaojia_and_equipment_return_through_the_screens(qtbot, db, staff, show, settings) -> None:
    from support_samples import equipment

    from app.models.support_assets import SupportEquipment
    from app.services import support_approval
    from app.services.support_equipment import LOAN_SPEC
    from app.services.support_leave import LEAVE_SPEC
    from app.views.support.function_screens import LoanScreen

    with db.session() as s:
        values = {
            "kind": "personal",
            "start_date": TODAY - timedelta(days=1),
            "end_date": TODAY + timedelta(days=1),
            "reason": "家中有事",
        }
        leave = entity_service.create(s, staff.wang, LEAVE_SPEC, values).row
        support_approval.decide(s, staff.leader, "leave", leave.id, leave.version, True, "同意")
        item = equipment(s, staff.chengguan)
        loan = entity_service.create(s, staff.wang, LOAN_SPEC, {"equipment_id": item, "purpose": "夜巡"}).row
        support_approval.decide(s, staff.keeper, "equipment", loan.id, loan.version, True, "同意")
    wang = ctx_for(db, staff.wang)
    leave_screen = show(LeaveScreen(LEAVE_SPEC, wang, settings=settings))
    qtbot.waitUntil(lambda: leave_screen.model.rowCount() == 1)
    leave_screen.select_id(leave.id)
    assert leave_screen.actions_by_name["return"].isEnabled()
    assert not leave_screen.actions_by_name["withdraw"].isEnabled()  # approved: no longer withdrawn
    leave_screen.actions_by_name["return"].trigger()
    dialog = leave_screen.return_dialog
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: leave_screen.model.row_at(0).values["status"] == "returned")
    assert leave_screen.status_label.text() == "已销假"

    loans = show(LoanScreen(LOAN_SPEC, wang, settings=settings))
    qtbot.waitUntil(lambda: loans.model.rowCount() == 1)
    loans.select_id(loan.id)
    loans.actions_by_name["hand_back"].trigger()
    qtbot.waitUntil(lambda: loans.model.row_at(0).values["status"] == "return_pending")
    keeper_loans = show(LoanScreen(LOAN_SPEC, ctx_for(db, staff.keeper), settings=settings))
    qtbot.waitUntil(lambda: keeper_loans.model.rowCount() == 1)
    keeper_loans.select_id(loan.id)
    dialog = keeper_loans.open_approval()
    assert dialog.approve_button.isEnabled() and "确认装备归还" in dialog.heading.text()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert s.get(SupportEquipment, item).status == "in_stock"
