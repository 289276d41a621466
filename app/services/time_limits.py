"""The time-limit sweep: an officer is told once when an item of theirs gets a yellow card, and once at red.

Lists and the supervisor's overview compute cards themselves (always current); this sweep only pushes the
news to the inbox of the handling officer (or the first-contact owner while nobody is assigned). It is
idempotent: ``card_notified`` remembers the last card announced, so a second run sends nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, or_, select, update
from sqlalchemy.orm import Session

from app.models.db import mark_changed
from app.models.messaging import KIND_WARNING, PRIORITY_HIGH, PRIORITY_URGENT
from app.models.service_item import CARD_RED, CARD_YELLOW, OPEN_STATUSES, SUPPLEMENT, ServiceItem
from app.services import inbox, sweeps
from app.services.context import SYSTEM
from app.services.service_texts import format_day
from app.services.working_days import current_calendar, today

_T = cast(Table, ServiceItem.__table__)


def notify_cards(session: Session, now: datetime | None = None) -> dict[str, int]:
    day = today()
    limit = current_calendar(session).next_working_day(day)
    i = ServiceItem
    due_soon = and_(i.due_date >= day, i.due_date <= limit, i.card_notified == "")
    overdue = and_(i.due_date < day, i.card_notified != CARD_RED)
    rows = (
        session.execute(
            select(i).where(i.status.in_(OPEN_STATUSES), i.status != SUPPLEMENT, or_(due_soon, overdue))
        )
        .scalars()
        .all()
    )
    counts = {"yellow": 0, "red": 0}
    for item in rows:
        card = CARD_RED if item.due_date is not None and item.due_date < day else CARD_YELLOW
        who = item.officer_id or item.owner_id
        if who is not None:
            red = card == CARD_RED
            inbox.send(
                session,
                recipients=[who],
                kind=KIND_WARNING,
                title=f"{'红牌：已超期' if red else '黄牌：剩1个工作日'} {item.tracking_no}",
                body=f"{item.applicant_name}的事项承诺{format_day(item.due_date)}前办结，"
                + ("已超过办理时限，请立即办理并说明原因。" if red else "请抓紧办理。"),
                link=("service_item", item.id),
                priority=PRIORITY_URGENT if red else PRIORITY_HIGH,
                sender=SYSTEM,
            )
        # A Core UPDATE: the announcement is bookkeeping, it must not bump the version users edit against.
        session.execute(update(_T).where(_T.c.id == item.id).values(card_notified=card))
        counts["red" if card == CARD_RED else "yellow"] += 1
    if rows:
        mark_changed(session, "service_item")
    return counts


sweeps.register("citizen_service_cards", notify_cards, title="办理时限黄牌、红牌提醒")
