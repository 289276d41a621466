"""The figures come straight from the data: checked against counts computed independently from the raw rows."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest
from citizen_service_support import bj, form, frozen_today, setup_catalogue
from conftest import make_user
from sqlalchemy import select

from app.core.errors import DomainError, PermissionDenied
from app.core.validators import make_id_number
from app.models.messaging import SmsMessage
from app.models.org import Unit
from app.models.service_item import ServiceItem
from app.models.service_records import ServiceLookup
from app.models.working_calendar import local_date
from app.services import intake, item_workflow, lookup, satisfaction, service_figures, sms
from app.services.sms import GatewayError

START, END = date(2026, 10, 12), date(2026, 11, 13)
FORMS = {
    "ZX01": {"咨询问题": "问题"},
    "QZ01": {"求助事项": "求助"},
    "BA02": {"案发时间": "昨天", "案发地点": "城关", "简要案情": "纠纷"},
    "ZM02": {"证明用途": "入学"},
}
MATERIALS = {"BA02": ["报案人身份证件"], "ZM02": ["本人居民身份证或户口簿"]}


class PickyGateway:
    """Refuses numbers ending in 7 for good; sends the rest."""

    name = "picky"

    def send(self, phone: str, text: str) -> str:
        if phone.endswith("7"):
            raise GatewayError("空号", temporary=False)
        return phone


def _workdays(start: date, end: date) -> list[date]:
    out, day = [], start
    while day <= end:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return out


@pytest.fixture
def busy(db, clerk, supervisor):
    """Six weeks of a small window: items by several channels and officers, handled, rated, looked up, texted."""
    cat = setup_catalogue(db)
    with db.session() as s:
        units = dict(s.execute(select(Unit.code, Unit.id)).all())
    officers = {
        code: make_user(db, f"off_{code}", ["officer"], display_name=f"{code}民警", unit_id=units[code])
        for code in ("FZDD", "ZHZX", "ZADD")
    }
    by_item_unit = {"ZX01": "FZDD", "QZ01": "ZHZX", "BA02": "ZADD", "ZM02": "ZADD"}
    rng = random.Random(7)
    days = _workdays(date(2026, 10, 8), date(2026, 11, 20))
    for n, day in enumerate(days * 2):
        code = rng.choice(list(FORMS))
        number = make_id_number("610925", date(1970 + n % 40, 1 + n % 12, 1 + n % 27), n)
        phone = f"1390000{n:04d}"
        channel = rng.choice(["window", "window", "phone", "portal"])
        with frozen_today(day), db.session() as s:
            it = intake.intake(
                s,
                clerk,
                form(
                    cat[code],
                    id_number=number,
                    name=f"群众{n}",
                    phone=phone,
                    channel=channel,
                    form_values=FORMS[code],
                    materials_received=MATERIALS.get(code, []),
                ),
                now=bj(day.year, day.month, day.day, 9),
            ).item
            if rng.random() < 0.7:
                officer = officers[by_item_unit[code]]
                it = item_workflow.assign(
                    s, supervisor, it.id, it.version, unit_id=it.unit_id, officer_id=officer.user_id
                )
            if it.status == "received":
                it = item_workflow.transition(
                    s, clerk, it.id, it.version, "accept", now=bj(day.year, day.month, day.day, 10)
                )
        fate = rng.random()
        if fate < 0.75:
            finish = day + timedelta(days=rng.choice([0, 1, 3, 8, 15]))
            at = bj(finish.year, finish.month, finish.day, 16)
            with frozen_today(finish), db.session() as s:
                if code == "ZM02":
                    it = item_workflow.transition(s, clerk, it.id, it.version, "start_review", now=at)
                    it = item_workflow.transition(s, supervisor, it.id, it.version, "approve", now=at)
                elif fate < 0.1:
                    it = item_workflow.transition(
                        s, clerk, it.id, it.version, "reject", note="不属于受理范围", now=at
                    )
                else:
                    it = item_workflow.transition(s, clerk, it.id, it.version, "complete", now=at)
                if rng.random() < 0.6:
                    satisfaction.rate(s, clerk, it.id, rng.choice([1, 2, 3, 4, 5, 5, 5]), now=at)
        with frozen_today(day), db.session() as s:
            for _ in range(rng.choice([0, 1, 2, 3])):
                lookup.find(s, clerk, it.tracking_no, channel=rng.choice(["window", "phone"]))
    sms.deliver_due(db, PickyGateway(), now=bj(2026, 12, 1, 12), limit=10_000)
    return officers


def _independent(db, today: date):
    """The figures computed from the raw rows in Python, without the service's SQL."""
    with db.session() as s:
        items = [i for i in s.execute(select(ServiceItem)).scalars() if START <= i.received_on <= END]
        looks = [lk for lk in s.execute(select(ServiceLookup)).scalars() if START <= lk.day <= END]
        texts = [
            m
            for m in s.execute(select(SmsMessage).where(SmsMessage.entity == "service_item")).scalars()
            if m.status in ("sent", "delivered") and START <= local_date(m.created_at) <= END
        ]
        unit_of_item = {i.id: i.unit_id for i in s.execute(select(ServiceItem)).scalars()}
        for i in items:
            s.expunge(i)
    done = [i for i in items if i.status in ("completed", "delivered")]
    late = [
        i
        for i in items
        if (i.finished_on and i.finished_on > i.due_date) or (i.finished_on is None and i.due_date < today)
    ]
    rated = [i for i in items if i.rating is not None]
    return {
        "received": len(items),
        "completed": len(done),
        "rejected": sum(i.status == "rejected" for i in items),
        "overdue": len(late),
        "days_sum": sum(i.working_days_used for i in done),
        "rated": len(rated),
        "rating_sum": sum(i.rating for i in rated),
        "bad": sum(i.rating <= 2 for i in rated),
        "by_unit": Counter(i.unit_id for i in items),
        "by_officer": Counter(i.officer_id or 0 for i in items),
        "by_channel": Counter(i.channel for i in items),
        "done_by_channel": Counter(i.channel for i in done),
        "by_month": Counter(i.received_on.strftime("%Y-%m") for i in items),
        "lookups": Counter(lk.channel for lk in looks),
        "texts": len(texts),
        "texts_by_unit": Counter(unit_of_item[int(m.entity_id)] for m in texts),
    }


def test_dashboard_figures_match_counts_computed_independently(db, busy, supervisor):
    today = date(2026, 11, 16)
    with frozen_today(today), db.session() as s:
        fig = service_figures.figures(s, supervisor, START, END)
    want = _independent(db, today)
    t = fig.total
    assert want["received"] > 40 and want["texts"] > 40 and sum(want["lookups"].values()) > 20
    assert (t.received, t.completed, t.rejected, t.overdue, t.days_sum) == (
        want["received"],
        want["completed"],
        want["rejected"],
        want["overdue"],
        want["days_sum"],
    )
    assert (t.rated, t.rating_sum, t.bad_ratings) == (want["rated"], want["rating_sum"], want["bad"])
    assert t.completion_rate == pytest.approx(want["completed"] / want["received"])
    assert t.average_days == pytest.approx(want["days_sum"] / want["completed"])
    assert {r.key: r.received for r in fig.by_unit if r.received} == dict(want["by_unit"])
    assert {r.key: r.received for r in fig.by_officer} == dict(want["by_officer"])
    assert {r.key: r.received for r in fig.by_channel} == dict(want["by_channel"])
    assert {r.key: r.completed for r in fig.by_channel if r.completed} == dict(want["done_by_channel"])
    assert {r.key: r.received for r in fig.by_month if r.received} == dict(want["by_month"])
    assert {r.key: r.lookups for r in fig.lookups_by_channel} == dict(want["lookups"])
    assert t.lookups == sum(want["lookups"].values())
    assert t.texts_sent == want["texts"]  # the texts to numbers the gateway refused are not counted
    assert {r.key: r.texts_sent for r in fig.by_unit if r.texts_sent} == dict(want["texts_by_unit"])
    assert sum(r.received for r in fig.by_officer) == t.received


def test_figures_need_their_permission_and_a_sensible_period(db, clerk, supervisor):
    with pytest.raises(PermissionDenied), db.session() as s:
        service_figures.figures(s, clerk, START, END)
    with pytest.raises(DomainError) as err, db.session() as s:
        service_figures.figures(s, supervisor, END, START)
    assert "结束日期早于开始日期" in err.value.message()


def test_an_empty_period_has_zero_figures_and_no_rates(db, supervisor):
    with db.session() as s:
        fig = service_figures.figures(s, supervisor, date(2026, 1, 1), date(2026, 1, 31))
    assert fig.total.received == 0 and fig.total.completion_rate is None and fig.total.average_days is None
    assert fig.by_unit == () and isinstance(fig.start, date) and not isinstance(fig.start, datetime)


def test_unsent_texts_are_found_by_dimension(db, busy, supervisor):
    with frozen_today(date(2026, 11, 16)), db.session() as s:
        fig = service_figures.figures(s, supervisor, START, END)
        queued = defaultdict(int)
        for r in fig.by_channel:
            queued[r.key] += r.texts_sent
    assert sum(queued.values()) == fig.total.texts_sent


def test_the_daily_figures_kept_with_each_change_equal_a_rebuild_from_the_items(db, busy):
    from app.services import service_daily

    with db.session() as s:
        kept = service_daily.snapshot(s)
        service_daily.rebuild(s)
        rebuilt = service_daily.snapshot(s)
    assert len(kept) > 100 and kept == rebuilt
