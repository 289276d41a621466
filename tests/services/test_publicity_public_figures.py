"""Public figures come from the citizen-service data: checked against counts made from the raw rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from citizen_service_support import bj, form, frozen_today, setup_catalogue
from conftest import make_user
from publicity_support import pdf_fonts, pdf_text, rendered_dom
from sqlalchemy import select

from app.core.errors import DomainError, PermissionDenied
from app.core.validators import make_id_number
from app.models.messaging import SmsMessage
from app.models.service_item import ServiceItem
from app.models.service_records import ServiceLookup
from app.models.working_calendar import local_date
from app.printing.public_figures import render_public_figures
from app.services import (
    intake,
    item_workflow,
    lookup,
    publicity_public_figures,
    publicity_settings,
    satisfaction,
    sms,
)
from app.services.publicity_settings import PublicitySettings
from app.services.sms import GatewayError

START, END = date(2026, 10, 12), date(2026, 10, 23)
FORMS = {"ZX01": {"咨询问题": "迁户口"}, "QZ01": {"求助事项": "开锁"}}


class PickyGateway:
    name = "picky"

    def send(self, phone: str, text: str) -> str:
        if phone.endswith("3"):
            raise GatewayError("空号", temporary=False)
        return phone


@pytest.fixture
def service_data(db, clerk):
    """Three weeks of a small window: items in and around the period, finished, rated, looked up, texted."""
    cat = setup_catalogue(db)
    day, n = date(2026, 10, 8), 0
    while day <= date(2026, 10, 28):
        if day.weekday() < 5:
            for code in ("ZX01", "QZ01"):
                n += 1
                with frozen_today(day), db.session() as s:
                    it = intake.intake(
                        s, clerk,
                        form(cat[code], id_number=make_id_number("610925", date(1980, 1, 1 + n % 27), n),
                             name=f"群众{n}", phone=f"1390000{n:04d}", form_values=FORMS[code]),
                        now=bj(day.year, day.month, day.day, 9),
                    ).item  # fmt: skip
                    if it.status == "received":
                        it = item_workflow.transition(
                            s, clerk, it.id, it.version, "accept", now=bj(day.year, day.month, day.day, 9, 30)
                        )
                    for _ in range(n % 3):
                        lookup.find(s, clerk, it.tracking_no, channel="phone")
                if n % 4:
                    with frozen_today(day), db.session() as s:
                        at = bj(day.year, day.month, day.day, 16)
                        it = item_workflow.transition(s, clerk, it.id, it.version, "complete", now=at)
                        if n % 2:
                            satisfaction.rate(s, clerk, it.id, 1 + n % 5, now=at)
        day += timedelta(days=1)
    sms.deliver_due(db, PickyGateway(), now=bj(2026, 11, 2, 12), limit=10_000)


def _raw(db):
    with db.session() as s:
        items = [i for i in s.execute(select(ServiceItem)).scalars() if START <= i.received_on <= END]
        looks = [lk for lk in s.execute(select(ServiceLookup)).scalars() if START <= lk.day <= END]
        texts = [
            m for m in s.execute(select(SmsMessage).where(SmsMessage.entity == "service_item")).scalars()
            if m.status in ("sent", "delivered") and START <= local_date(m.created_at) <= END
        ]  # fmt: skip
        rated = [i.rating for i in items if i.rating is not None]
        return {
            "received": len(items),
            "completed": sum(i.status in ("completed", "delivered") for i in items),
            "lookups": len(looks),
            "texts": len(texts),
            "rated": len(rated),
            "good": sum(r >= 3 for r in rated),
            "rating_sum": sum(rated),
        }


def test_the_public_figures_match_the_citizen_service_data(db, service_data, supervisor):
    writer = make_user(db, "xuanchuan1", ["publicity"], display_name="周宣传")
    with db.session() as s:
        f = publicity_public_figures.figures(s, writer, START, END)
    want = _raw(db)
    assert want["received"] >= 15 and want["lookups"] >= 10 and want["rated"] >= 3 and want["texts"] >= 10
    assert (f.received, f.completed, f.lookups, f.texts_sent, f.rated, f.rating_sum) == (
        want["received"], want["completed"], want["lookups"], want["texts"], want["rated"], want["rating_sum"]
    )  # fmt: skip
    assert f.satisfaction_rate == pytest.approx(want["good"] / want["rated"])
    rows = dict(f.rows())
    assert (
        rows["受理群众事项"] == f"{want['received']}件" and rows["群众查询办理进度"] == f"{want['lookups']}次"
    )
    assert rows["办结率"] == f"{want['completed'] / want['received'] * 100:.1f}%"
    assert f.period_text == "2026年10月12日至2026年10月23日"
    # the publicity officer reads the totals, never the per-officer dashboard itself
    from app.services import service_figures

    with pytest.raises(PermissionDenied), db.session() as s:
        service_figures.figures(s, writer, START, END)


def test_the_public_figures_in_each_channels_form(db, service_data, tmp_path):
    writer = make_user(db, "xuanchuan1", ["publicity"], display_name="周宣传")
    with db.session() as s:
        publicity_settings.save(s, writer, PublicitySettings(hotline="0915-5221110"))
        f = publicity_public_figures.figures(s, writer, START, END)
    want = _raw(db)
    text = publicity_public_figures.mobile_text(f)
    assert text.startswith(
        f"【岚皋公安】2026年10月12日至2026年10月23日，岚皋县公安局民生警务平台共受理群众事项{want['received']}件，"
    )
    assert len(text) <= 500 and text.endswith("咨询电话：0915-5221110")
    script = publicity_public_figures.tv_script(f)
    assert f"【字幕】发送办理提醒短信：{want['texts']}条" in script.splitlines()
    dom = rendered_dom(publicity_public_figures.website_html(f), tmp_path)
    assert f'<tr><th scope="row">办结</th><td class="num">{want["completed"]}件</td></tr>' in dom
    assert "<title>岚皋县公安局民生警务服务数据公开（2026年10月12日至2026年10月23日）</title>" in dom
    data = publicity_public_figures.flyer_data(f)
    pdf = render_public_figures(
        data.title, data.org, data.sentence, data.rows, footer_lines=data.footer_lines, day=data.day
    )
    printed = pdf_text(pdf, tmp_path)
    assert (
        f"{want['lookups']}次" in printed
        and "群众查询办理进度" in printed
        and "民生警务服务数据公开" in printed
    )
    assert all(row[-5] == "yes" for row in pdf_fonts(pdf, tmp_path))


def test_releasing_public_figures_keeps_the_exact_text_and_refuses_an_over_long_one(db, service_data):
    writer = make_user(db, "xuanchuan1", ["publicity"], display_name="周宣传")
    with db.session() as s:
        rel = publicity_public_figures.release(
            s, writer, "mobile", START, END, reach=5100, released_on=date(2026, 11, 1)
        )
        f = publicity_public_figures.figures(s, writer, START, END)
    assert rel.body == publicity_public_figures.mobile_text(f) and (rel.figures_start, rel.figures_end) == (
        START,
        END,
    )
    assert rel.subject == "figures" and rel.reach == 5100
    with pytest.raises(DomainError, match="超过了手机报 500 字的上限"), db.session() as s:
        publicity_public_figures.release(s, writer, "mobile", START, END, body="数" * 600)
