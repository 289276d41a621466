"""Status look-up by tracking number, ID number or phone; every look-up counted with its channel."""

from __future__ import annotations

from datetime import date

import pytest
from citizen_service_support import ID_1, ID_2, PHONE, form, setup_catalogue
from sqlalchemy import func, select

from app.core.errors import DomainError
from app.models.service_records import ServiceLookup
from app.models.working_calendar import local_today
from app.services import intake, lookup, service_figures


@pytest.fixture
def items(db, clerk):
    cat = setup_catalogue(db)
    made = []
    with db.session() as s:
        for number, name, phone in (
            (ID_1, "张三", PHONE),
            (ID_1, "张三", "13700001111"),
            (ID_2, "王丽", PHONE),
        ):
            made.append(
                intake.intake(
                    s,
                    clerk,
                    form(
                        cat["ZX01"],
                        id_number=number,
                        name=name,
                        phone=phone,
                        form_values={"咨询问题": "问题"},
                    ),
                ).item
            )
    return made


def test_look_up_by_tracking_number_id_number_and_phone(db, items, clerk):
    first, second, third = items
    with db.session() as s:
        by_no = lookup.find(s, clerk, f"  {first.tracking_no.lower()} ")
        scanned = lookup.find(s, clerk, intake.lookup_qr_text(third.tracking_no))
        by_id = lookup.find(s, clerk, ID_1, channel="phone")
        by_phone = lookup.find(s, clerk, "139-1234-5678", channel="phone")
    assert by_no.kind == "tracking_no" and [h.tracking_no for h in by_no.hits] == [first.tracking_no]
    assert [h.id for h in scanned.hits] == [third.id]
    assert by_id.kind == "id_number" and [h.id for h in by_id.hits] == [second.id, first.id]
    # the contact phone of the items, and items of people registered with that phone
    assert by_phone.kind == "phone" and {h.id for h in by_phone.hits} == {first.id, second.id, third.id}
    assert by_phone.hits[0].phone == "139****5678" and by_phone.hits[0].status == "accepted"
    assert by_phone.lookups_today == 4


def test_each_look_up_is_counted_with_its_channel_and_shows_in_the_figures(db, items, clerk, supervisor):
    with db.session() as s:
        for _ in range(3):
            lookup.find(s, clerk, items[0].tracking_no, channel="window")
        lookup.find(s, clerk, ID_2, channel="phone")
        lookup.find(s, clerk, "MS20990101-9999")  # nothing found still counts: the citizen was answered
    with db.session() as s:
        raw = dict(
            s.execute(select(ServiceLookup.channel, func.count()).group_by(ServiceLookup.channel)).all()
        )
        today = local_today()
        fig = service_figures.figures(s, supervisor, date(today.year, 1, 1), today)
    assert raw == {"window": 4, "phone": 1}
    assert fig.total.lookups == 5 and {r.key: r.lookups for r in fig.lookups_by_channel} == {
        "window": 4,
        "phone": 1,
    }


@pytest.mark.parametrize(
    ("text", "message"), [("1234", "请输入完整"), ("610925199003051234", "身份证号有误"), ("", "请输入完整")]
)
def test_a_bad_key_gets_a_chinese_message_and_is_not_counted(db, items, clerk, text, message):
    with pytest.raises(DomainError) as err, db.session() as s:
        lookup.find(s, clerk, text)
    assert message in err.value.message()
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(ServiceLookup)).scalar_one() == 0
