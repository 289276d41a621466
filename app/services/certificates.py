"""Certificates (无犯罪记录证明, 户籍证明): printed only after an authorised officer approved the item.

The first print issues the certificate: a number, a verification code (also in its QR code; no national
verification service exists, so the bureau's own code is what a recipient checks) and the exact wording,
kept so every later print says the same. Every later print is marked as a copy and audited.

A personal request for a 无犯罪记录证明 whose check found a record gets, by the Ministry's 《公安机关办理犯罪记录
查询工作规定》, a 《不予出具无犯罪记录证明通知书》 instead: printed the same way (number, code, QR, copies
audited) once an approver other than the item's handlers decided "refuse" (see ``item_workflow``).
"""

from __future__ import annotations

import re
import secrets
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.core.masking import mask_id_number
from app.core.normalize import normalize_text
from app.models.accounts import User
from app.models.base import utcnow
from app.models.citizen import Citizen
from app.models.service_catalogue import (
    CERT_HOUSEHOLD,
    CERT_NO_CRIMINAL_RECORD,
    CERTIFICATE_NAMES,
    ServiceCatalogueItem,
)
from app.models.service_item import DONE_STATUSES, REJECTED, ServiceEvent, ServiceItem
from app.models.service_permissions import CERTIFICATE_PRINT, SERVICE_LOOKUP
from app.models.service_records import CertificatePrint, ServiceCertificate
from app.models.working_calendar import local_date
from app.services import audit, business_settings
from app.services.context import Actor
from app.services.intake import next_sequence
from app.services.item_records import add_event
from app.services.permissions import require

ISSUER_KEY = "citizen_service.issuer"
WORDING_KEY = "citizen_service.certificate_wording"
DEFAULT_ISSUER = "岚皋县公安局"
DEFAULT_WORDING = {
    CERT_NO_CRIMINAL_RECORD: "经查询，截至{as_of}，未发现{name}（{gender}，居民身份证，{id_number}）有犯罪记录。",
    CERT_HOUSEHOLD: (
        "兹证明{name}，{gender}，{birth}出生，公民身份号码{id_number}，户籍地址：{address}，"
        "系我县常住户口。特此证明。"
    ),
}
REFUSAL = "ncr_refusal"  # the notice's kind in the certificate register
REFUSAL_TITLE = "不予出具无犯罪记录证明通知书"
DEFAULT_WORDING[REFUSAL] = (
    "{name}（{gender}，居民身份证，{id_number}）：你于{applied}提出的开具无犯罪记录证明的申请，经查询，"
    "发现你有犯罪记录。根据《公安机关办理犯罪记录查询工作规定》，本局不予出具无犯罪记录证明。"
    "如对查询结果有异议，可向本局书面提出。"
)
KIND_NAMES = {**CERTIFICATE_NAMES, REFUSAL: REFUSAL_TITLE}
PREFIXES = {REFUSAL: "LGBY"}  # numbers of the notices apart from the certificates' LGZM
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
_CODE = re.compile(r"([2-9A-HJ-NP-Z]{4})-?([2-9A-HJ-NP-Z]{4})")
_NUMBER = re.compile(r"LG(?:ZM|BY)\d{10}")


@dataclass(frozen=True)
class CertificateData:
    """Everything the renderer needs for one print."""

    kind: str
    title: str
    cert_no: str
    verify_code: str
    qr_text: str
    paragraphs: tuple[str, ...]
    issuer: str
    issued_on: date
    subject_name: str
    tracking_no: str
    is_copy: bool
    print_number: int
    number_label: str = "证明编号"


@dataclass(frozen=True)
class Verification:
    valid: bool
    cert_no: str
    kind_name: str = ""
    subject_name: str = ""
    id_number: str = ""  # masked
    issued_on: date | None = None
    print_count: int = 0


def _zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def qr_text(cert_no: str, code: str) -> str:
    return f"岚皋县公安局证明核验 编号：{cert_no} 校验码：{code}"


def _new_code(session: Session) -> str:
    while True:
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        if (
            session.execute(
                select(ServiceCertificate.id).where(ServiceCertificate.verify_code == code)
            ).first()
            is None
        ):
            return code


def _months(text: str) -> int | None:
    digits = re.sub(r"\D", "", text or "")
    return int(digits) if digits and 0 < int(digits) <= 120 else None


def _issue(session: Session, actor: Actor, item: ServiceItem, kind: str, day: date) -> ServiceCertificate:
    citizen = session.get(Citizen, item.citizen_id)
    assert citizen is not None
    approved_on = local_date(item.approved_at) if item.approved_at else day
    wording = dict(DEFAULT_WORDING)
    stored = business_settings.get(session, WORDING_KEY, {})
    if isinstance(stored, dict):
        wording.update({k: str(v) for k, v in stored.items() if k in wording})
    text = wording[kind].format(
        as_of=_zh_date(approved_on),
        applied=_zh_date(local_date(item.received_at)),
        name=citizen.name,
        gender=citizen.gender,
        id_number=citizen.id_number,
        birth=_zh_date(citizen.birth_date),
        address=citizen.address or "（未登记）",
    )
    purpose = (item.form_values or {}).get("用途") or (item.form_values or {}).get("证明用途") or ""
    months = _months((item.form_values or {}).get("有效期（月）", ""))
    valid_until = _add_months(day, months) if months else None
    approver = session.get(User, item.approved_by_id) if item.approved_by_id else None
    prefix = PREFIXES.get(kind, "LGZM")
    seq = next_sequence(session, f"{prefix[2:]}{day.year}")
    cert = ServiceCertificate(
        item_id=item.id,
        cert_no=f"{prefix}{day.year}{seq:06d}",
        kind=kind,
        verify_code=_new_code(session),
        subject_name=citizen.name,
        wording=text,
        purpose="" if kind == REFUSAL else str(purpose)[:100],
        valid_until=None if kind == REFUSAL else valid_until,
        issued_on=day,
        issued_by_id=actor.user_id,
        issued_by_name=actor.display_name[:64],
        approved_by_name=approver.display_name if approver else "",
        print_count=0,
        updated_by=actor.username,
    )
    session.add(cert)
    session.flush()
    return cert


def _load(session: Session, actor: Actor, item_id: int) -> tuple[ServiceItem, ServiceCatalogueItem]:
    require(session, actor, CERTIFICATE_PRINT)
    item = session.get(ServiceItem, item_id)
    if item is None:
        raise NotFound(entity="事项")
    cat = session.get(ServiceCatalogueItem, item.catalogue_id)
    assert cat is not None
    return item, cat


def print_certificate(
    session: Session, actor: Actor, item_id: int, *, reason: str = "", now: datetime | None = None
) -> CertificateData:
    """Issue (first print) or re-print the item's certificate; refused unless the item was approved."""
    item, cat = _load(session, actor, item_id)
    if not cat.certificate_kind:
        raise DomainError("service_no_certificate", item=cat.name)
    if item.approved_at is None or item.status not in DONE_STATUSES:
        raise DomainError("service_not_approved", item=cat.name)
    return _print(session, actor, item, cat.certificate_kind, reason, now)


def print_refusal(
    session: Session, actor: Actor, item_id: int, *, reason: str = "", now: datetime | None = None
) -> CertificateData:
    """Issue or re-print the 《不予出具无犯罪记录证明通知书》; refused unless an approver decided "refuse"."""
    item, cat = _load(session, actor, item_id)
    refused = session.execute(
        select(ServiceEvent.id).where(ServiceEvent.item_id == item.id, ServiceEvent.action == "refuse")
    ).first()
    if item.status != REJECTED or refused is None:
        raise DomainError("service_no_refusal", item=cat.name)
    return _print(session, actor, item, REFUSAL, reason, now)


def _print(
    session: Session, actor: Actor, item: ServiceItem, kind: str, reason: str, now: datetime | None
) -> CertificateData:
    """The first print issues the document (number, code, wording); every later one is an audited copy."""
    moment = now or utcnow()
    cert = session.execute(
        select(ServiceCertificate).where(ServiceCertificate.item_id == item.id)
    ).scalar_one_or_none()
    if cert is None:
        cert = _issue(session, actor, item, kind, local_date(moment))
    cert.print_count += 1
    cert.updated_by = actor.username
    number = cert.print_count
    is_copy = number > 1
    why = (normalize_text(reason) or "")[:200]
    session.add(
        CertificatePrint(
            certificate_id=cert.id,
            number=number,
            is_copy=is_copy,
            at=moment,
            by_id=actor.user_id,
            by_name=actor.display_name[:64],
            reason=why,
        )
    )
    note = (
        f"补打副本（第{number}次打印）" + (f"：{why}" if why else "")
        if is_copy
        else f"出具证明 {cert.cert_no}"
    )
    add_event(session, actor, item, "certificate", from_status=item.status, note=note, at=moment)
    audit.record(
        session,
        actor,
        "certificate_reprint" if is_copy else "certificate_issue",
        entity="service_certificate",
        entity_id=cert.id,
        new={"cert_no": cert.cert_no, "print_number": number, "is_copy": is_copy, "reason": why},
        detail=f"{item.tracking_no} {cert.cert_no}",
    )
    session.flush()
    paragraphs = [cert.wording]
    if cert.purpose:
        paragraphs.append(f"用途：{cert.purpose}。")
    if cert.valid_until:
        paragraphs.append(f"本证明有效期至{_zh_date(cert.valid_until)}。")
    label = "通知书编号" if cert.kind == REFUSAL else "证明编号"
    paragraphs.append(f"核验：扫描二维码或凭{label}和校验码{cert.verify_code}向本局核验。")
    issuer = business_settings.get(session, ISSUER_KEY, DEFAULT_ISSUER) or DEFAULT_ISSUER
    return CertificateData(
        kind=cert.kind,
        title=KIND_NAMES.get(cert.kind, "证明"),
        cert_no=cert.cert_no,
        verify_code=cert.verify_code,
        qr_text=qr_text(cert.cert_no, cert.verify_code),
        paragraphs=tuple(paragraphs),
        issuer=str(issuer),
        issued_on=cert.issued_on,
        subject_name=cert.subject_name,
        tracking_no=item.tracking_no,
        is_copy=is_copy,
        print_number=number,
        number_label=label,
    )


def parse_scan(text: str) -> tuple[str, str]:
    """(certificate number, code) from a scanned QR text or typed input."""
    up = (text or "").upper()
    number = _NUMBER.search(up)
    rest = up[number.end() :] if number else up
    code = _CODE.search(rest)
    return (number.group(0) if number else "", f"{code.group(1)}-{code.group(2)}" if code else "")


def verify(session: Session, actor: Actor, cert_no: str, code: str) -> Verification:
    """Does this number carry this code? Both must match; the answer never reveals a code."""
    require(session, actor, SERVICE_LOOKUP)
    number, _ = parse_scan(cert_no)
    _, typed = parse_scan("LGZM0000000000 " + code)
    cert = session.execute(
        select(ServiceCertificate).where(ServiceCertificate.cert_no == (number or cert_no.strip().upper()))
    ).scalar_one_or_none()
    if cert is None or not typed or cert.verify_code != typed:
        return Verification(False, number or cert_no)
    item = session.get(ServiceItem, cert.item_id)
    citizen = session.get(Citizen, item.citizen_id) if item else None
    return Verification(
        True,
        cert.cert_no,
        KIND_NAMES.get(cert.kind, ""),
        cert.subject_name,
        mask_id_number(citizen.id_number) if citizen else "",
        cert.issued_on,
        cert.print_count,
    )


def print_history(session: Session, actor: Actor, item_id: int) -> list[tuple[int, datetime, str, bool, str]]:
    """(number, when, by whom, copy?, reason) of every print of the item's certificate."""
    require(session, actor, SERVICE_LOOKUP)
    rows = session.execute(
        select(
            CertificatePrint.number,
            CertificatePrint.at,
            CertificatePrint.by_name,
            CertificatePrint.is_copy,
            CertificatePrint.reason,
        )
        .join(ServiceCertificate, ServiceCertificate.id == CertificatePrint.certificate_id)
        .where(ServiceCertificate.item_id == item_id)
        .order_by(CertificatePrint.number)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def issued_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(ServiceCertificate)).scalar_one())
