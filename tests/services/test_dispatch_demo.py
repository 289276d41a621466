"""The demo data of 指挥调度 fills every screen: orders part acknowledged, incidents, a board with leave."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from app.models.dispatch_incident import DispatchIncident
from app.models.dispatch_order import DispatchOrder
from app.services import demo_data, demo_dispatch, duty_board, order_tracking
from app.services.context import SYSTEM


def test_demo_dispatch_after_the_demo_accounts(db):
    with db.session() as s:
        demo_data.load_demo(s, citizens=0)
        result = demo_dispatch.load(s, random.Random("7:dispatch"))
    assert (result.orders, result.incidents, result.absences) == (4, 2, 1)
    with db.session() as s:
        ids = list(s.execute(select(DispatchOrder.id)).scalars())
        figures = [order_tracking.figures(s, i) for i in ids]
        statuses = {i.status for i in s.execute(select(DispatchIncident)).scalars()}
        board = duty_board.board(s, SYSTEM)
        receipts = s.execute(select(func.sum(DispatchOrder.recipient_count))).scalar_one()
    assert all(0 < f.acknowledged < f.recipients for f in figures)  # something for the dispatcher to chase
    assert sum(f.recipients for f in figures) == receipts
    assert statuses == {"open", "closed"}
    assert board.counts["away"] == 1 and board.counts["on_scene"] >= 1
