"""Certificates: only after approval; number, verification code and QR; a re-print is a marked, audited copy."""

from __future__ import annotations

import pytest
from citizen_service_support import ID_1, form, pdf_fonts_embedded, pdf_qr_codes, pdf_text, setup_catalogue
from sqlalchemy import select

from app.core.errors import DomainError, PermissionDenied
from app.models.audit import AuditRecord
from app.models.service_records import ServiceCertificate
from app.services import certificates, intake, item_workflow
from app.views.citizen import print_jobs

MATERIALS = ["本人有效居民身份证", "无犯罪记录证明申请表"]


@pytest.fixture
def item(db, clerk):
    cat = setup_catalogue(db)
    with db.session() as s:
        made = intake.intake(
            s,
            clerk,
            form(
                cat["ZM01"], materials_received=MATERIALS, form_values={"用途": "入职", "有效期（月）": "3"}
            ),
        ).item
        return item_workflow.transition(s, clerk, made.id, made.version, "start_review")


def test_no_certificate_prints_before_an_authorised_officer_approved(db, item, clerk, supervisor, tmp_path):
    with pytest.raises(DomainError) as err, db.session() as s:
        print_jobs.print_certificate(s, clerk, item.id)
    assert err.value.message() == "“无犯罪记录证明”尚未经审批领导审批通过，不能打印证明。"
    with db.session() as s:
        assert s.execute(select(ServiceCertificate)).first() is None
        approved = item_workflow.transition(s, supervisor, item.id, item.version, "approve")
        data, pdf = print_jobs.print_certificate(s, clerk, approved.id)
    assert not data.is_copy and data.cert_no.startswith("LGZM") and len(data.verify_code) == 9
    text = pdf_text(pdf, tmp_path)
    assert (
        "无犯罪记录证明" in text
        and data.cert_no in text
        and "未发现张三（男，居民身份证，" + ID_1 + "）有犯罪记录" in text
    )
    assert "用途：入职" in text and "本证明有效期至" in text and "副本" not in text
    assert all(emb == "yes" for _, emb in pdf_fonts_embedded(pdf, tmp_path))
    assert pdf_qr_codes(pdf, tmp_path) == [certificates.qr_text(data.cert_no, data.verify_code)]
    with db.session() as s:
        check = certificates.verify(s, clerk, pdf_qr_codes(pdf, tmp_path)[0], data.verify_code)
        forged = certificates.verify(s, clerk, data.cert_no, "2222-2222")
    assert check.valid and check.subject_name == "张三" and check.id_number.endswith(ID_1[-4:])
    assert not forged.valid


def test_a_reprint_is_marked_as_a_copy_and_audited(db, item, clerk, supervisor, tmp_path):
    with db.session() as s:
        approved = item_workflow.transition(s, supervisor, item.id, item.version, "approve")
        first, _ = print_jobs.print_certificate(s, clerk, approved.id)
        second, pdf = print_jobs.print_certificate(s, clerk, approved.id, reason="原件遗失")
        history = certificates.print_history(s, clerk, approved.id)
    assert second.is_copy and second.print_number == 2
    assert (second.cert_no, second.verify_code) == (first.cert_no, first.verify_code)  # the same certificate
    text = pdf_text(pdf, tmp_path)
    assert "副本（第2次打印）" in text and "本件为副本" in text
    assert [(n, by, copy, why) for n, _, by, copy, why in history] == [
        (1, "李窗口", False, ""),
        (2, "李窗口", True, "原件遗失"),
    ]
    with db.session() as s:
        actions = list(
            s.execute(select(AuditRecord.action).where(AuditRecord.entity == "service_certificate")).scalars()
        )
    assert actions == ["certificate_issue", "certificate_reprint"]


def test_items_without_a_certificate_and_actors_without_the_permission_are_refused(
    db, clerk, auditor, supervisor
):
    cat = setup_catalogue(db)
    with db.session() as s:
        consult = intake.intake(s, clerk, form(cat["ZX01"], form_values={"咨询问题": "问题"})).item
    with pytest.raises(DomainError) as err, db.session() as s:
        certificates.print_certificate(s, clerk, consult.id)
    assert "不出具证明" in err.value.message()
    with pytest.raises(PermissionDenied), db.session() as s:
        certificates.print_certificate(s, auditor, consult.id)


def test_whoever_handled_the_item_cannot_approve_it_another_approver_can(db, supervisor, tmp_path):
    """Four eyes: a supervisor who took in and reviewed the item himself is refused; a second approver signs."""
    from conftest import make_user

    from app.models.service_item import ServiceItem

    cat = setup_catalogue(db)
    with db.session() as s:
        made = intake.intake(s, supervisor, form(cat["ZM01"], materials_received=MATERIALS)).item
        item = item_workflow.transition(s, supervisor, made.id, made.version, "start_review")
        assert "approve" not in item_workflow.allowed_actions(s, supervisor, item)
    with pytest.raises(DomainError) as err, db.session() as s:
        item_workflow.transition(s, supervisor, item.id, item.version, "approve")
    assert err.value.message() == (
        "您经办过“无犯罪记录证明”（收件、受理、审核或补正），不能再审批本事项；请由其他审批领导审批。"
    )
    with db.session() as s:
        row = s.get(ServiceItem, item.id)
        assert (row.status, row.approved_by_id, row.version) == ("reviewing", None, item.version)
    with pytest.raises(DomainError), db.session() as s:  # nothing to print: the refusal changed nothing
        certificates.print_certificate(s, supervisor, item.id)
    second = make_user(db, "boss2", ["supervisor"], display_name="周副局长")
    with db.session() as s:
        assert "approve" in item_workflow.allowed_actions(s, second, item)
        done = item_workflow.transition(s, second, item.id, item.version, "approve")
        data, _ = print_jobs.print_certificate(s, supervisor, done.id)
    assert done.approved_by_name == "周副局长" and data.cert_no.startswith("LGZM")


def test_a_record_found_gives_the_refusal_notice_not_the_certificate(db, item, clerk, supervisor, tmp_path):
    """By the Ministry's rules a personal request with a record found gets 《不予出具无犯罪记录证明通知书》."""
    from app.models.messaging import SmsMessage
    from app.models.service_item import ServiceItem
    from app.models.working_calendar import local_date

    with pytest.raises(DomainError) as err, db.session() as s:  # nothing decided yet: no notice
        certificates.print_refusal(s, clerk, item.id)
    assert (
        err.value.message() == "“无犯罪记录证明”没有经审批领导作出“不予出具”的决定，不能打印不予出具通知书。"
    )
    with db.session() as s:
        assert "refuse" in item_workflow.allowed_actions(s, supervisor, item)
        assert "refuse" not in item_workflow.allowed_actions(s, clerk, item)  # the clerk handled it
        refused = item_workflow.transition(s, supervisor, item.id, item.version, "refuse")
    assert refused.status == "rejected" and refused.outcome_note == "经查询有犯罪记录，不予出具无犯罪记录证明"
    assert not refused.approved
    with pytest.raises(DomainError) as err, db.session() as s:
        print_jobs.print_certificate(s, clerk, item.id)
    assert "尚未经审批领导审批通过" in err.value.message()
    with db.session() as s:
        data, pdf = print_jobs.print_refusal(s, clerk, item.id)
        copy, copy_pdf = print_jobs.print_refusal(s, clerk, item.id, reason="群众要求再出一份")
        texted = [
            m.text
            for m in s.execute(select(SmsMessage).where(SmsMessage.entity_id == str(item.id))).scalars()
            if "不符合出具条件" in m.text
        ]
        row = s.get(ServiceItem, item.id)
        received = row.received_at
    assert (
        data.title == "不予出具无犯罪记录证明通知书" and data.cert_no.startswith("LGBY") and not data.is_copy
    )
    text = pdf_text(pdf, tmp_path)
    applied = local_date(received)
    assert "不予出具无犯罪记录证明通知书" in text and f"通知书编号：{data.cert_no}" in text
    assert f"张三（男，居民身份证，{ID_1}）：你于{applied.year}年{applied.month}月{applied.day}日提出" in text
    assert "发现你有犯罪记录" in text and "本局不予出具无犯罪记录证明" in text and "用途" not in text
    assert all(emb == "yes" for _, emb in pdf_fonts_embedded(pdf, tmp_path))
    assert pdf_qr_codes(pdf, tmp_path) == [certificates.qr_text(data.cert_no, data.verify_code)]
    assert (
        copy.is_copy and copy.cert_no == data.cert_no and "副本（第2次打印）" in pdf_text(copy_pdf, tmp_path)
    )
    assert len(texted) == 1 and "有犯罪记录" not in texted[0]  # the text only asks the citizen to come in
    with db.session() as s:
        check = certificates.verify(s, clerk, *certificates.parse_scan(data.qr_text))
    assert check.valid and check.kind_name == "不予出具无犯罪记录证明通知书" and check.print_count == 2


def test_only_a_criminal_record_certificate_is_refused_and_a_plain_rejection_prints_no_notice(
    db, clerk, supervisor
):
    cat = setup_catalogue(db)
    with db.session() as s:
        made = intake.intake(
            s,
            clerk,
            form(
                cat["ZM02"], form_values={"证明用途": "入学"}, materials_received=["本人居民身份证或户口簿"]
            ),
        ).item
        household = item_workflow.transition(s, clerk, made.id, made.version, "start_review")
        assert "refuse" not in item_workflow.allowed_actions(s, supervisor, household)
    with pytest.raises(DomainError) as err, db.session() as s:
        item_workflow.transition(s, supervisor, household.id, household.version, "refuse")
    assert "只有“无犯罪记录证明”在查有犯罪记录时才“不予出具”" in err.value.message()
    with db.session() as s:
        other = intake.intake(s, clerk, form(cat["ZM01"], materials_received=MATERIALS)).item
        other = item_workflow.transition(
            s, clerk, other.id, other.version, "reject", note="非本人申请且无委托书"
        )
    with pytest.raises(DomainError) as err, db.session() as s:
        certificates.print_refusal(s, clerk, other.id)
    assert "不予出具" in err.value.message()
