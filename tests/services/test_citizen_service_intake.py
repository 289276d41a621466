"""Intake at the window: tracking number, first-contact owner, receipt and one-time notice; bad input refused."""

from __future__ import annotations

import re
from datetime import date

import pytest
from citizen_service_support import (
    ID_1,
    ID_2,
    PHONE,
    bj,
    form,
    frozen_today,
    pdf_fonts_embedded,
    pdf_qr_codes,
    pdf_text,
    setup_catalogue,
)
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied, ValidationError
from app.models.citizen import Citizen
from app.models.messaging import SmsMessage
from app.models.service_item import ACCEPTED, SUPPLEMENT, ServiceEvent, ServiceItem
from app.services import intake, lookup
from app.views.citizen import print_jobs

ZM01_ALL = ["本人有效居民身份证", "无犯罪记录证明申请表"]


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


def counts(db) -> tuple[int, int, int, int]:
    with db.session() as s:
        return tuple(  # type: ignore[return-value]
            s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (ServiceItem, Citizen, SmsMessage, ServiceEvent)
        )


def test_intake_gives_a_tracking_number_an_owner_and_a_receipt_with_qr(db, cat, clerk, tmp_path):
    with frozen_today(date(2026, 11, 30)), db.session() as s:
        result, docs = print_jobs.intake_and_print(
            s, clerk, form(cat["ZM01"], materials_received=ZM01_ALL, form_values={"用途": "入职体检"})
        )
    item = result.item
    assert re.fullmatch(r"MS\d{8}-0001", item.tracking_no)
    assert item.status == ACCEPTED and item.owner_id == clerk.user_id and item.owner_name == "李窗口"
    assert result.new_citizen and item.applicant_name == "张三"
    assert set(docs) == {"receipt"}  # nothing missing: no one-time notice
    pdf = docs["receipt"]
    assert all(emb == "yes" for _, emb in pdf_fonts_embedded(pdf, tmp_path))
    text = pdf_text(pdf, tmp_path)
    d = item.due_date
    assert item.tracking_no in text and "受理回执" in text and "李窗口" in text
    assert f"{d.year}年{d.month}月{d.day}日前" in text
    for material in ZM01_ALL:
        assert material in text
    assert ID_1 not in text and ID_1[-4:] in text  # the ID number is masked on the receipt
    assert pdf_qr_codes(pdf, tmp_path) == [intake.lookup_qr_text(item.tracking_no)]
    # the QR text is what the look-up box accepts
    with db.session() as s:
        assert lookup.classify(pdf_qr_codes(pdf, tmp_path)[0]) == ("tracking_no", item.tracking_no)


def test_tracking_numbers_are_unique_and_count_per_day(db, cat, clerk):
    numbers = []
    for i, day in enumerate((bj(2026, 11, 30, 9), bj(2026, 11, 30, 15), bj(2026, 12, 1, 9))):
        with db.session() as s:
            r = intake.intake(
                s,
                clerk,
                form(
                    cat["QZ01"],
                    id_number=(ID_1, ID_2, ID_1)[i],
                    name=("张三", "王丽", "张三")[i],
                    form_values={"求助事项": "钥匙丢失"},
                ),
                now=day,
            )
            numbers.append(r.item.tracking_no)
    assert numbers == ["MS20261130-0001", "MS20261130-0002", "MS20261201-0001"]


def test_missing_materials_give_a_one_time_notice_listing_everything_still_needed(db, cat, clerk, tmp_path):
    with frozen_today(date(2026, 11, 30)), db.session() as s:
        result, docs = print_jobs.intake_and_print(
            s, clerk, form(cat["ZM01"], materials_received=["无犯罪记录证明申请表"], form_values={})
        )
    item = result.item
    assert item.status == SUPPLEMENT and item.paused_since == item.received_on
    # conditional materials (居住证, 委托书 "如适用") are never demanded
    assert item.materials_missing == ("本人有效居民身份证",)
    assert set(docs) == {"receipt"}  # the notice is drawn when the clerk asks for it
    notice = print_jobs.notice_document(result, "李窗口")
    text = pdf_text(notice, tmp_path)
    assert "一次性告知书" in text and item.tracking_no in text and "本人有效居民身份证" in text
    assert "居住证" not in text and "一次办结" in text
    assert all(emb == "yes" for _, emb in pdf_fonts_embedded(notice, tmp_path))
    assert "材料补齐之日起3个工作日内办结" in pdf_text(docs["receipt"], tmp_path)
    with db.session() as s:
        sms = s.execute(select(SmsMessage)).scalar_one()
        assert "尚缺：本人有效居民身份证" in sms.text and sms.user_triggered


def test_an_existing_citizen_is_found_by_id_number_and_not_registered_again(db, cat, clerk):
    with db.session() as s:
        intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "租房纠纷"}))
    with db.session() as s:
        card = intake.find_citizen(s, clerk, ID_1.lower())
        assert card is not None and card.name == "张三" and card.phone == "139****5678"
        result = intake.intake(
            s, clerk, form(cat["ZX01"], name="", phone="", form_values={"咨询问题": "继承"})
        )
        assert not result.new_citizen and result.item.phone == "139****5678"  # the registered phone is used
    assert counts(db)[1] == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": "610925199003051234"}, "id_number", "校验"),
        ({"id_number": "12345"}, "id_number", "18"),
        ({"name": ""}, "name", "请填写姓名"),
        ({"phone": "1381234"}, "phone", "手机"),
        ({"form_values": {}}, "form:案发地点", "请填写案发地点"),
        ({"materials_received": ["户口本"]}, "materials", "不是该事项所需的材料"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_changes_nothing(db, cat, clerk, changes, field, message):
    good = {"案发时间": "昨晚", "案发地点": "城关镇", "简要案情": "电动车被盗"}
    values = {"form_values": good, **changes}
    before = counts(db)
    with pytest.raises(ValidationError) as err, db.session() as s:
        intake.intake(s, clerk, form(cat["BA02"], **values))
    assert message in err.value.field_errors[field]
    assert counts(db) == before


def test_a_name_that_differs_from_the_register_is_refused(db, cat, clerk):
    with db.session() as s:
        intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "问题"}))
    with pytest.raises(ValidationError) as err, db.session() as s:
        intake.intake(s, clerk, form(cat["ZX01"], name="张四", form_values={"咨询问题": "问题"}))
    assert "张三" in err.value.field_errors["name"]


def test_an_inactive_item_and_a_missing_permission_are_refused(db, cat, clerk, auditor, admin):
    from app.services import entity_service
    from app.services.service_catalogue import CATALOGUE_SPEC

    with pytest.raises(PermissionDenied), db.session() as s:
        intake.intake(s, auditor, form(cat["ZX01"], form_values={"咨询问题": "问题"}))
    with db.session() as s:
        row = entity_service.get(s, admin, CATALOGUE_SPEC, cat["ZX01"])
        entity_service.update(s, admin, CATALOGUE_SPEC, row.id, row.version, {"active": False})
    with pytest.raises(DomainError) as err, db.session() as s:
        intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "问题"}))
    assert "已停用" in err.value.message()
    assert counts(db)[0] == 0


def test_phone_intake_is_registered_with_its_channel(db, cat, clerk):
    with db.session() as s:
        r = intake.intake(s, clerk, form(cat["QZ01"], channel="phone", form_values={"求助事项": "老人走失"}))
    assert r.item.channel == "phone" and r.item.status == ACCEPTED and r.item.phone.endswith(PHONE[-4:])
