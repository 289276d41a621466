"""The working-day clock: holidays and make-up days, a pause for materials, yellow and red cards, 2027 flagged."""

from __future__ import annotations

from datetime import date

import pytest
from citizen_service_support import bj, form, frozen_today, setup_catalogue
from sqlalchemy import select

from app.core.errors import ValidationError
from app.models.messaging import InboxMessage
from app.models.service_item import ServiceItem
from app.services import (
    entity_service,
    intake,
    item_workflow,
    service_figures,
    sweeps,
    time_limits,
    working_calendar,
)
from app.services.context import SYSTEM
from app.services.entity_spec import Query
from app.services.service_item_list import ITEM_SPEC
from app.services.working_days import WorkingCalendar, load_calendar

NATIONAL_DAY = date(
    2026, 9, 30
)  # a Wednesday before the 2026 National Day week (Oct 1-7 off, Sat Oct 10 worked)
MATERIALS = ["本人有效居民身份证", "无犯罪记录证明申请表"]


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


def test_the_published_calendar_is_loaded_and_counts_across_the_national_day_week(db):
    with db.session() as s:
        cal = load_calendar(s)
    assert cal.loaded_years >= {2025, 2026} and 2027 not in cal.loaded_years
    # 3 working days after Wed 30 Sep: Thu 8, Fri 9 and the make-up Saturday 10 October
    assert cal.add_working_days(NATIONAL_DAY, 3).value == date(2026, 10, 10)
    assert not cal.add_working_days(NATIONAL_DAY, 3).provisional
    plain = WorkingCalendar(loaded_years=frozenset({2026}))  # weekends only: the holiday would be missed
    assert plain.add_working_days(NATIONAL_DAY, 3).value == date(2026, 10, 5)
    assert cal.working_days_between(date(2026, 9, 30), date(2026, 10, 12)).days == 4  # 8, 9, 10, 12
    assert cal.add_working_days(date(2026, 10, 3), 0).value == date(
        2026, 10, 8
    )  # a rest day: the next working day


def _intake(db, clerk, cat, materials=MATERIALS, when=bj(2026, 9, 30)):
    with db.session() as s:
        return intake.intake(
            s, clerk, form(cat["ZM01"], materials_received=materials, form_values={"用途": "入职"}), now=when
        ).item


def _card(db, actor, item_id: int, day: date) -> str:
    with frozen_today(day), db.session() as s:
        rows = entity_service.page(s, actor, ITEM_SPEC, Query(), 0, 50)
        return next(r.values["card"] for r in rows if r.id == item_id)


def test_a_pause_for_materials_across_a_holiday_moves_the_due_date_and_is_not_counted(
    db, cat, clerk, supervisor
):
    item = _intake(db, clerk, cat)
    assert item.due_date == date(2026, 10, 10)
    with db.session() as s:
        item = item_workflow.transition(s, clerk, item.id, item.version, "start_review", now=bj(2026, 10, 8))
        item = item_workflow.transition(
            s,
            clerk,
            item.id,
            item.version,
            "request_materials",
            missing=["本人有效居民身份证"],
            now=bj(2026, 10, 8, 11),
        )
    assert item.status == "supplement" and item.paused_since == date(2026, 10, 8)
    assert (
        _card(db, supervisor, item.id, date(2026, 10, 12)) == "paused"
    )  # no red card while the citizen is away
    with db.session() as s:
        item = item_workflow.transition(s, clerk, item.id, item.version, "supply", now=bj(2026, 10, 12, 9))
    # the clock lost Fri 9, Sat 10 (make-up) and Mon 12: three working days are added to the limit
    assert item.status == "reviewing" and item.paused_days == 3 and item.due_date == date(2026, 10, 14)
    assert item.materials_missing == () and "本人有效居民身份证" in item.materials_received
    assert _card(db, supervisor, item.id, date(2026, 10, 12)) == ""
    assert _card(db, supervisor, item.id, date(2026, 10, 13)) == "yellow"  # one working day left
    assert _card(db, supervisor, item.id, date(2026, 10, 14)) == "yellow"  # due today
    assert _card(db, supervisor, item.id, date(2026, 10, 15)) == "red"
    with frozen_today(date(2026, 10, 14)), db.session() as s:
        item = item_workflow.transition(
            s, supervisor, item.id, item.version, "approve", now=bj(2026, 10, 14, 16)
        )
    assert item.working_days_used == 3  # 8, 13, 14 ... six working days ran, three of them paused
    assert _card(db, supervisor, item.id, date(2026, 10, 20)) == ""  # finished in time: no card any more


def test_intake_with_missing_materials_starts_the_clock_only_when_they_arrive(db, cat, clerk):
    item = _intake(db, clerk, cat, materials=["无犯罪记录证明申请表"])
    assert item.status == "supplement" and item.paused_since == NATIONAL_DAY
    with db.session() as s:
        item = item_workflow.transition(s, clerk, item.id, item.version, "supply", now=bj(2026, 10, 9))
    # paused Sep 30 .. Oct 9: Oct 8 and 9 lost; then three working days: 10, 12, 13
    assert item.status == "accepted" and item.due_date == date(2026, 10, 13)


def test_cards_show_in_the_list_filter_and_the_supervisors_overview(db, cat, clerk, supervisor):
    first = _intake(db, clerk, cat)  # due Oct 10
    second = _intake(db, clerk, cat, when=bj(2026, 10, 9))  # due Oct 14
    third = _intake(db, clerk, cat, materials=["无犯罪记录证明申请表"])  # paused
    with frozen_today(date(2026, 10, 13)), db.session() as s:
        counts = {
            card: entity_service.count(s, supervisor, ITEM_SPEC, Query(filters={"card": card}))
            for card in ("red", "yellow", "paused")
        }
        overview = service_figures.card_overview(s, supervisor)
    assert counts == {"red": 1, "yellow": 1, "paused": 1}
    assert [(r.unit_name, r.officer_name, r.open, r.yellow, r.red, r.paused) for r in overview] == [
        ("治安管理大队", "（未分派）", 3, 1, 1, 1)
    ]
    assert {first.id, second.id, third.id}


def test_the_card_sweep_tells_the_officer_once_at_yellow_and_once_at_red(db, cat, clerk):
    item = _intake(db, clerk, cat)  # due Oct 10, owner: the clerk
    with frozen_today(date(2026, 10, 9)):
        with db.session() as s:
            assert time_limits.notify_cards(s) == {"yellow": 1, "red": 0}
        with db.session() as s:
            assert time_limits.notify_cards(s) == {"yellow": 0, "red": 0}  # idempotent
    with frozen_today(date(2026, 10, 12)):
        report = sweeps.run(db, ["citizen_service_cards"])
        assert report.results[0].counts == {"yellow": 0, "red": 1}
    with db.session() as s:
        titles = list(
            s.execute(
                select(InboxMessage.title)
                .where(InboxMessage.user_id == clerk.user_id)
                .order_by(InboxMessage.id)
            ).scalars()
        )
        version = s.get(ServiceItem, item.id).version
    assert titles == [f"黄牌：剩1个工作日 {item.tracking_no}", f"红牌：已超期 {item.tracking_no}"]
    assert version == item.version  # the announcement does not bump the version users edit against


def test_counting_into_2027_is_flagged_until_its_schedule_is_loaded(db, cat, clerk, admin):
    with db.session() as s:
        item = intake.intake(
            s,
            clerk,
            form(cat["TS01"], form_values={"被投诉单位或民警": "某派出所", "投诉事项": "态度"}),
            now=bj(2026, 12, 24),
        ).item
    assert item.due_provisional  # 15 working days run into January 2027, whose holidays are unknown
    provisional_due = item.due_date
    assert provisional_due == date(2027, 1, 14)  # weekends only, flagged as such
    with db.session() as s:  # the State Council publishes: New Year's Day off, entered by the administrator
        from app.services.working_calendar import DAY_SPEC, YEAR_SPEC

        entity_service.create(
            s, admin, YEAR_SPEC, {"year": 2027, "published": True, "source": "国办发明电〔2026〕"}
        )
        entity_service.create(
            s, admin, DAY_SPEC, {"day": date(2027, 1, 1), "kind": "holiday", "name": "元旦"}
        )
    with db.session() as s:
        assert working_calendar.recount_open(s, admin) == {"changed": 1, "confirmed": 1}
        again = item_workflow.get(s, admin, item.id)
    assert not again.due_provisional and again.due_date == date(2027, 1, 15)


def test_a_make_up_day_must_be_a_weekend_day(db, admin):
    from app.services.working_calendar import DAY_SPEC

    with pytest.raises(ValidationError) as err, db.session() as s:
        entity_service.create(
            s, admin, DAY_SPEC, {"day": date(2027, 2, 3), "kind": "workday", "name": "春节"}
        )
    assert "周六或周日" in err.value.field_errors["kind"]


def test_the_recount_sweep_is_registered_and_idempotent(db, cat, clerk):
    _intake(db, clerk, cat)
    first = sweeps.run(db, ["citizen_service_recount"])
    second = sweeps.run(db, ["citizen_service_recount"])
    assert first.ok and second.results[0].counts == {"changed": 0, "confirmed": 0}
    with db.session() as s:
        assert working_calendar.load_reference(s, SYSTEM) == 0  # the migration already loaded the file
