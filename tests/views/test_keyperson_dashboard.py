"""The live charts: they redraw by themselves when another workstation raises a warning (through the change
feed), and a click on a bar opens the list of exactly the persons it counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import make_user
from PySide6.QtCore import QPointF
from services.keyperson_support import NOW, OTHER_TOWN, make_world, register

from app.models import db as db_module
from app.models.db import Database
from app.services import keyperson_visits
from app.services.keyperson_common import local_date
from app.views.app_context import AppContext
from app.views.common import entity_table_model
from app.views.common.change_feed import ChangeFeed
from app.views.keyperson.dashboard import KeypersonDashboard

TODAY = local_date(NOW)


@pytest.fixture
def world(db):
    return make_world(db, make_user)


@pytest.fixture
def desk_a(db_url: str) -> Iterator[Database]:
    """The community officer's workstation."""
    other = Database(db_url)
    yield other
    other.dispose()


@pytest.fixture
def dashboard(qtbot, sync_ops, world) -> Iterator[KeypersonDashboard]:
    ctx = AppContext(sync_ops, None, world.boss)  # type: ignore[arg-type]
    dash = KeypersonDashboard(ctx, today=TODAY)
    qtbot.addWidget(dash)
    dash.resize(1300, 760)
    dash.show()
    yield dash
    for dialog in list(dash.opened):
        dialog.close()
    entity_table_model.wait_for_workers()


def heights(chart) -> list[list[float]]:
    return [list(s.values) for s in chart.series]


def test_a_warning_raised_at_another_desk_redraws_the_charts(
    qtbot, db, desk_a, world, dashboard, monkeypatch
):
    pid = register(db, world)
    register(db, world, name="乙某", town=OTHER_TOWN)
    dashboard.reload()
    assert dashboard.data.towns.by_level["blue"][:2] == (1, 1)
    assert heights(dashboard.daily)[2][-1] == 0  # orange, today
    feed = ChangeFeed(db, poll_interval=0.05)
    feed.tables_changed.connect(dashboard.ctx.signals.changed.emit)  # as the application wires it
    with qtbot.waitSignal(feed.connection_changed, timeout=5000):
        feed.start()
    try:
        monkeypatch.setattr(db_module, "CLIENT_ID", "desk-a")
        with desk_a.session() as s:
            keyperson_visits.record_event(
                s, world.officer, pid, {"kind": "offence", "occurred_on": TODAY, "note": "盗窃"}, now=NOW
            )
        with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
            pass
    finally:
        feed.stop()
    towns = heights(dashboard.towns)
    assert towns[0][0] == 0 and towns[2][0] == 1  # 城关镇: blue 1 → orange 1
    assert heights(dashboard.daily)[2][-1] == 1
    assert "今日发出预警 1 条" in dashboard.summary.text()


def test_clicking_a_bar_opens_the_matching_list(qtbot, db, world, dashboard):
    pid = register(db, world, name="甲某")
    register(db, world, name="乙某")
    register(db, world, name="丙某", town=OTHER_TOWN)
    with db.session() as s:
        keyperson_visits.record_event(
            s, world.officer, pid, {"kind": "incident", "occurred_on": TODAY, "note": "纠纷"}, now=NOW
        )
    dashboard.reload()
    chart = dashboard.towns
    assert heights(chart)[1][0] == 1  # 城关镇 yellow

    class Click:
        def scenePos(self):  # noqa: N802 - pyqtgraph's event API
            return chart.plot.vb.mapViewToScene(QPointF(0, 1.5))  # 城关镇, the yellow part of the stack

    with qtbot.waitSignal(dashboard.list_opened, timeout=3000) as opened:
        chart._clicked(Click())
    dialog = opened.args[0]
    assert dialog.windowTitle() == "城关镇：黄色预警人员名单"
    screen = dialog.layout().itemAt(0).widget()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    assert screen.model.row_at(0).label == "甲某"
    assert screen.filter_bar.control("level").currentData() == "yellow"
