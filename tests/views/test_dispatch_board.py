"""The duty board on screen: counts, unit filter, live updates in place, set by the dispatcher."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from dispatch_support import T0, Staff, make_staff
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models import db as db_module
from app.models.db import Database
from app.models.dispatch_duty import DUTY_ON, DUTY_PATROL, DUTY_STANDBY
from app.services import duty_board, incidents
from app.services.duty_board import Board, BoardRow
from app.services.incidents import IncidentDraft
from app.views.app_context import AppContext
from app.views.common import run_op
from app.views.common.change_feed import ChangeFeed
from app.views.dispatch.duty_board_model import Col, DutyBoardModel
from app.views.dispatch.duty_board_view import DutyBoardView


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def board_view(qtbot: QtBot, db: Database, staff: Staff, sync_ops: Database) -> Iterator[DutyBoardView]:
    ctx = AppContext(db, None, staff.dispatcher)  # type: ignore[arg-type]
    run_op.configure(db, ctx.signals.changed.emit)
    feed = ChangeFeed(db, poll_interval=0.05)
    feed.tables_changed.connect(ctx.signals.changed)
    with qtbot.waitSignal(feed.connection_changed, timeout=5000):
        feed.start()
    view = DutyBoardView(ctx)
    view.resize(1100, 600)
    qtbot.addWidget(view)
    view.show()
    yield view
    assert feed.stop()


def status_in_view(view: DutyBoardView, name: str) -> str:
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.index(r, Col.NAME).data() == name)
    return str(model.index(row, Col.STATUS).data())


def test_the_board_shows_everyone_with_counts_and_filters_by_unit(qtbot, board_view, staff):
    assert board_view.model.rowCount() == 5
    assert board_view.tiles[DUTY_ON].text() == "在岗\n5" and board_view.total.text() == "共 5 人"
    qtbot.waitUntil(lambda: board_view.unit.count() == 4)
    board_view.unit.setCurrentIndex(board_view.unit.findData(staff.chengguan))
    qtbot.waitUntil(lambda: board_view.model.rowCount() == 3)
    assert {board_view.model.index(r, Col.UNIT).data() for r in range(3)} == {"城关派出所"}
    assert board_view.total.text() == "共 3 人"


def test_a_status_set_at_another_desk_updates_one_row_in_place(
    qtbot, board_view, staff, db, db_url, monkeypatch
):
    resets: list[int] = []
    board_view.model.modelReset.connect(lambda: resets.append(1))
    changed: list[tuple[int, int]] = []
    board_view.model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), b.row())))
    other = Database(db_url)
    try:
        monkeypatch.setattr(db_module, "CLIENT_ID", "officer-desk-7")
        with other.session() as s:
            duty_board.set_status(s, staff.wang, [staff.wang.user_id], DUTY_PATROL, note="老街")
        qtbot.waitUntil(lambda: status_in_view(board_view, "王警官") == "巡逻", timeout=5000)
    finally:
        other.dispose()
    assert resets == [] and board_view.model.last_changed_rows == 1
    row = board_view.model.row_of(staff.wang.user_id)
    assert (row, row) in changed
    assert board_view.tiles[DUTY_PATROL].text() == "巡逻\n1" and board_view.tiles[DUTY_ON].text() == "在岗\n4"
    assert board_view.model.index(row, Col.NOTE).data() == "老街"


def test_assigning_to_an_incident_shows_on_scene_on_the_board(qtbot, board_view, staff, db):
    with db.session() as s:
        incidents.create(
            s,
            staff.dispatcher,
            IncidentDraft(title="城关镇火灾", kind="火灾", member_ids=(staff.li.user_id,)),
        )
    board_view.ctx.signals.changed.emit(frozenset({"duty_status"}))
    qtbot.waitUntil(lambda: status_in_view(board_view, "李警官") == "出警/现场")
    row = board_view.model.row_of(staff.li.user_id)
    assert board_view.model.index(row, Col.NOTE).data() == "城关镇火灾"


def test_the_dispatcher_sets_selected_officers(qtbot, board_view, staff):
    board_view.select_users([staff.wang.user_id, staff.zhao.user_id])
    board_view.set_status.setCurrentIndex(board_view.set_status.findData(DUTY_STANDBY))
    qtbot.mouseClick(board_view.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: board_view.tiles[DUTY_STANDBY].text() == "备勤\n2")
    assert board_view.message.text() == "已将 2 名民警设为“备勤”"


def row(uid: int, name: str, status: str = DUTY_ON) -> BoardRow:
    return BoardRow(uid, name, "", 1, "城关派出所", status, T0, "", None, "", "", 1, None)


def test_the_model_updates_changed_rows_only_and_ticks_the_time(qtmodeltester):
    model = DutyBoardModel()
    rows = tuple(row(i, f"民警{i}") for i in range(1, 2001))
    model.apply(Board(rows, {}, T0))
    qtmodeltester.check(model)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), b.row())))
    new = list(rows)
    for i in (10, 11, 12, 1500):
        new[i] = replace(new[i], status=DUTY_PATROL)
    model.apply(Board(tuple(new), {}, T0 + timedelta(minutes=5)))
    assert changed == [(10, 12), (1500, 1500)] and model.last_changed_rows == 4
    assert model.index(10, Col.STATUS).data() == "巡逻"
    assert model.index(0, Col.TIME).data() == "5分钟"
    model.tick(T0 + timedelta(hours=2, minutes=5))
    assert model.index(0, Col.TIME).data() == "2小时05分"


def test_sorting_is_kept_while_rows_update_in_place():
    model = DutyBoardModel()
    rows = (row(1, "甲", DUTY_PATROL), row(2, "乙"), row(3, "丙", DUTY_STANDBY))
    model.apply(Board(rows, {}, T0))
    model.sort(Col.STATUS, Qt.SortOrder.AscendingOrder)
    order = [model.index(r, Col.NAME).data() for r in range(3)]
    assert [model.index(r, Col.STATUS).data() for r in range(3)] == sorted(["巡逻", "在岗", "备勤"])
    model.apply(Board((replace(rows[0], status=DUTY_ON), rows[1], rows[2]), {}, T0))
    assert [model.index(r, Col.NAME).data() for r in range(3)] == order  # the changed row stays where it was
    assert model.index(model.row_of(1), Col.STATUS).data() == "在岗"
