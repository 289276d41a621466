"""Texts to the citizen at each state change, from editable templates, through the outbox: retried, never twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from citizen_service_support import PHONE, bj, form, frozen_today, setup_catalogue
from sqlalchemy import func, select

from app.core.errors import PermissionDenied, ValidationError
from app.models.messaging import SmsMessage
from app.services import intake, item_workflow, service_figures, service_texts, sms
from app.services.sms import GatewayError

MATERIALS = ["本人有效居民身份证", "无犯罪记录证明申请表"]


class FlakyGateway:
    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> str:
        self.calls.append((phone, text))
        if len(self.calls) <= self.failures:
            raise GatewayError("网关超时", temporary=True)
        return f"p{len(self.calls)}"


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


def texts(db) -> list[SmsMessage]:
    with db.session() as s:
        rows = list(s.execute(select(SmsMessage).order_by(SmsMessage.id)).scalars())
        for r in rows:
            s.expunge(r)
        return rows


def test_every_state_change_texts_the_citizen_once_from_its_template(db, cat, clerk, supervisor):
    with db.session() as s:
        item = intake.intake(
            s, clerk, form(cat["ZM01"], materials_received=MATERIALS), now=bj(2026, 11, 2)
        ).item
        item = item_workflow.transition(s, clerk, item.id, item.version, "start_review", now=bj(2026, 11, 3))
        item = item_workflow.transition(s, supervisor, item.id, item.version, "approve", now=bj(2026, 11, 4))
        item = item_workflow.transition(s, clerk, item.id, item.version, "deliver", now=bj(2026, 11, 5))
    sent = texts(db)
    assert [m.phone for m in sent] == [PHONE] * 4
    assert (
        sent[0].text == f"张三您好，您的“无犯罪记录证明”已受理，编号{item.tracking_no}，承诺11月5日前办结。"
    )
    assert "已进入审核" in sent[1].text and "已办结" in sent[2].text and "已出件" in sent[3].text
    assert [m.user_triggered for m in sent] == [
        True,
        False,
        False,
        False,
    ]  # only the window intake was asked for
    assert all(m.signature == "【岚皋县公安局】" for m in sent)


def test_an_administrator_edits_a_template_and_the_next_text_uses_it(db, cat, clerk, admin):
    with db.session() as s:
        current = service_texts.current(s)
        assert current.version is None and current.templates["accept"] == service_texts.defaults()["accept"]
        service_texts.save(
            s,
            admin,
            {"accept": "{name}：{item}已受理，编号{tracking_no}，{due_date}前办结。"},
            expected_version=None,
        )
    with pytest.raises(PermissionDenied), db.session() as s:
        service_texts.save(s, clerk, {"accept": "x"}, expected_version=1)
    with db.session() as s:
        item = intake.intake(
            s, clerk, form(cat["ZM01"], materials_received=MATERIALS), now=bj(2026, 11, 2)
        ).item
    assert texts(db)[0].text == f"张三：无犯罪记录证明已受理，编号{item.tracking_no}，11月5日前办结。"


@pytest.mark.parametrize(
    ("template", "message"),
    [("{姓名}已受理", "不认识的占位符"), ("{name}已受理{", "没有配对"), ("很长" * 260, "超过了 500 个字")],
)
def test_a_bad_template_is_refused_and_nothing_is_saved(db, admin, template, message):
    with pytest.raises(ValidationError) as err, db.session() as s:
        service_texts.save(s, admin, {"accept": template}, expected_version=None)
    assert message in err.value.field_errors["accept"]
    with db.session() as s:
        assert service_texts.current(s).version is None


def test_a_failing_gateway_is_retried_and_the_text_is_never_duplicated(db, cat, clerk, supervisor):
    with db.session() as s:
        item = intake.intake(
            s, clerk, form(cat["ZM01"], materials_received=MATERIALS), now=bj(2026, 11, 2, 10)
        ).item
    gateway = FlakyGateway(failures=2)
    t0 = bj(2026, 11, 2, 10, 1)
    assert sms.deliver_due(db, gateway, now=t0).retrying == 1
    assert sms.deliver_due(db, gateway, now=t0 + timedelta(seconds=30)).sent == 0  # waits for its back-off
    assert sms.deliver_due(db, gateway, now=t0 + timedelta(minutes=1)).retrying == 1
    assert sms.deliver_due(db, gateway, now=t0 + timedelta(minutes=6)).sent == 1
    for later in (1, 3, 24):
        sms.deliver_due(db, gateway, now=t0 + timedelta(hours=later))
    assert len(gateway.calls) == 3 and len({text for _, text in gateway.calls}) == 1
    (msg,) = texts(db)
    assert msg.status == "sent" and msg.attempts == 3
    # the same step queued again (a retried save) is the same text, not a second one
    with db.session() as s:
        from app.models.service_item import ServiceItem

        orm = s.get(ServiceItem, item.id)
        again = service_texts.notify(
            s,
            orm,
            "accept",
            2,
            service_texts.values_for(orm, "无犯罪记录证明", "治安管理大队"),
            user_triggered=True,
        )
    assert again == msg.id and len(texts(db)) == 1
    with frozen_today(date(2026, 11, 2)), db.session() as s:
        figures = service_figures.figures(s, supervisor, date(2026, 11, 1), date(2026, 11, 30))
    assert figures.total.texts_sent == 1


def test_texts_the_citizen_did_not_ask_for_wait_for_the_morning(db, cat, clerk):
    with db.session() as s:
        item = intake.intake(
            s, clerk, form(cat["ZM01"], materials_received=MATERIALS), now=bj(2026, 11, 2, 22)
        ).item
        item_workflow.transition(s, clerk, item.id, item.version, "start_review", now=bj(2026, 11, 2, 22, 30))
    accepted, review = texts(db)
    assert accepted.status == "queued"  # the citizen stood at the window and asked: may go out at once
    assert review.status == "held" and review.next_attempt_at == bj(2026, 11, 3, 7)


def test_a_long_text_is_counted_in_segments_with_its_signature(db, cat, clerk, admin):
    long = "{name}您好，" + "请携带身份证原件到县公安局一楼政务服务窗口领取，" * 3 + "编号{tracking_no}。"
    with db.session() as s:
        service_texts.save(s, admin, {"accept": long}, expected_version=None)
        intake.intake(s, clerk, form(cat["ZM01"], materials_received=MATERIALS))
    (msg,) = texts(db)
    total = sms.char_count(msg.full_text)
    assert total > 70 and msg.segments == -(-total // 67)


def test_no_phone_means_no_text_and_no_tally(db, cat, clerk):
    from app.core.validators import make_id_number

    number = make_id_number("610925", date(1960, 5, 6), 321)
    with db.session() as s:
        item = intake.intake(
            s,
            clerk,
            form(
                cat["ZX01"], id_number=number, name="刘大爷", phone="", form_values={"咨询问题": "赡养纠纷"}
            ),
        ).item
        assert item.phone == ""
        assert s.execute(select(func.count()).select_from(SmsMessage)).scalar_one() == 0
