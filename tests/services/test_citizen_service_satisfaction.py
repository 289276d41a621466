"""Satisfaction: 1-5 per finished item; 2 or lower opens a follow-up with a deadline; the call-back recorded."""

from __future__ import annotations

from datetime import date

import pytest
from citizen_service_support import bj, form, frozen_today, setup_catalogue
from sqlalchemy import select

from app.core.errors import DomainError, ValidationError
from app.models.messaging import InboxMessage
from app.services import entity_service, intake, item_workflow, satisfaction
from app.services.entity_spec import Query
from app.services.satisfaction import FOLLOWUP_SPEC


@pytest.fixture
def finished(db, clerk):
    cat = setup_catalogue(db)
    with db.session() as s:
        item = intake.intake(
            s, clerk, form(cat["ZX01"], form_values={"咨询问题": "邻里纠纷"}), now=bj(2026, 9, 28)
        ).item
        return item_workflow.transition(
            s, clerk, item.id, item.version, "complete", note="已当面解答", now=bj(2026, 9, 29)
        )


def test_a_bad_rating_opens_a_follow_up_and_the_call_back_is_recorded(db, finished, clerk, supervisor):
    with frozen_today(date(2026, 9, 30)), db.session() as s:
        result = satisfaction.rate(s, clerk, finished.id, 2, comment="等了很久", channel="window")
    # two working days from Wed 30 Sep: the National Day week is off, so Thu 8 and Fri 9 October
    assert result.followup_id is not None and result.followup_deadline == date(2026, 10, 9)
    with db.session() as s:
        rows = entity_service.page(s, supervisor, FOLLOWUP_SPEC, Query(filters={"status": "open"}), 0, 10)
        inbox = list(
            s.execute(select(InboxMessage.title).where(InboxMessage.user_id == clerk.user_id)).scalars()
        )
    assert [(r.values["tracking_no"], r.values["score"], r.values["complaint"]) for r in rows] == [
        (finished.tracking_no, 2, "等了很久")
    ]
    assert inbox == [f"差评回访 {finished.tracking_no}"]  # the first-contact owner is told
    with frozen_today(date(2026, 10, 12)), db.session() as s:
        overdue = entity_service.count(s, supervisor, FOLLOWUP_SPEC, Query(filters={"overdue": True}))
        assert overdue == 1
        info = satisfaction.get_followup(s, supervisor, result.followup_id)
        with pytest.raises(ValidationError):
            satisfaction.record_callback(s, supervisor, info.id, info.version, " ")
        done = satisfaction.record_callback(
            s, supervisor, info.id, info.version, "已致电道歉并说明原因，群众表示理解", satisfied_after=4
        )
    assert done.status == "done" and done.satisfied_after == 4 and done.done_by_name == "陈所长"
    with pytest.raises(DomainError) as err, db.session() as s:
        satisfaction.record_callback(s, supervisor, done.id, done.version, "再次登记")
    assert "不能重复登记" in err.value.message()
    with db.session() as s:
        steps = item_workflow.timeline(s, supervisor, finished.id)
    assert [e.action for e in steps][-2:] == ["rate", "rate"] and "差评回访" in steps[-1].note


def test_a_good_rating_opens_nothing_and_an_item_is_rated_once(db, finished, clerk):
    with db.session() as s:
        assert satisfaction.rate(s, clerk, finished.id, "5").followup_id is None
    with pytest.raises(DomainError) as err, db.session() as s:
        satisfaction.rate(s, clerk, finished.id, 1)
    assert "已评价过（5 分）" in err.value.message()


@pytest.mark.parametrize("score", [0, 6, "好", None, True, "3.5"])
def test_a_rating_outside_one_to_five_is_refused(db, finished, clerk, score):
    with pytest.raises(DomainError) as err, db.session() as s:
        satisfaction.rate(s, clerk, finished.id, score)
    assert "1 至 5 分" in err.value.message()


def test_an_unfinished_item_cannot_be_rated(db, clerk):
    cat = setup_catalogue(db)
    with db.session() as s:
        item = intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "问题"})).item
    with pytest.raises(DomainError) as err, db.session() as s:
        satisfaction.rate(s, clerk, item.id, 1)
    assert "尚未办结" in err.value.message()
