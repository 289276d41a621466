"""Intake at the window (and by phone or from the portal): one citizen, one item, one tracking number.

The clerk finds the citizen by ID number or registers them (through the citizen register, ID validated),
picks the item, ticks the materials received and saves. Everything is checked before anything is written;
the item, its first timeline steps, the text to the citizen and (for a new citizen) the register entry are
one transaction. The clerk becomes the item's first-contact owner (首接负责).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.core.masking import mask_id_number, mask_phone
from app.core.normalize import normalize_name, normalize_text
from app.core.validators import check_mobile, validate_id_number
from app.models.base import utcnow
from app.models.citizen import Citizen
from app.models.service_item import (
    ACCEPTED,
    CHANNEL_PORTAL,
    CHANNEL_WINDOW,
    CHANNELS,
    RECEIVED,
    SUPPLEMENT,
    ServiceItem,
    TrackingCounter,
)
from app.models.service_permissions import SERVICE_INTAKE
from app.models.working_calendar import local_date
from app.services import audit, entity_service, item_clock, service_daily, service_texts
from app.services.citizens import CITIZEN_SPEC
from app.services.context import Actor
from app.services.item_records import ItemInfo, add_event, card_of, info_of
from app.services.permissions import require
from app.services.service_catalogue import CatalogueEntry, entry, is_conditional
from app.services.working_days import current_calendar, today

TRACKING_PREFIX = "MS"


@dataclass(frozen=True)
class CitizenCard:
    """What the clerk sees after typing an ID number (masked: the citizen is standing there)."""

    id: int
    id_number: str  # masked
    name: str
    gender: str
    phone: str  # masked, "" when none
    has_phone: bool
    address: str


@dataclass(frozen=True)
class IntakeForm:
    id_number: str
    catalogue_id: int
    name: str = ""  # for a citizen not yet registered (and checked against a registered one)
    phone: str = ""  # contact phone for texts; the registered phone when left empty
    address: str = ""
    materials_received: Sequence[str] = ()
    form_values: Mapping[str, str] = field(default_factory=dict)
    channel: str = CHANNEL_WINDOW
    note: str = ""
    external_ref: str | None = None
    received_at: datetime | None = None  # portal submissions keep their own time


@dataclass(frozen=True)
class IntakeResult:
    item: ItemInfo
    new_citizen: bool
    sms_id: int | None
    qr_text: str
    unconfirmed_years: tuple[int, ...]


def find_citizen(session: Session, actor: Actor, id_number: str) -> CitizenCard | None:
    """The registered citizen with this ID number, or None; an invalid number is refused in Chinese."""
    require(session, actor, SERVICE_INTAKE)
    number = validate_id_number(id_number)
    citizen = session.execute(select(Citizen).where(Citizen.id_number == number)).scalar_one_or_none()
    if citizen is None:
        return None
    return CitizenCard(
        citizen.id,
        mask_id_number(citizen.id_number),
        citizen.name,
        citizen.gender,
        mask_phone(citizen.phone) if citizen.phone else "",
        bool(citizen.phone),
        citizen.address or "",
    )


def next_sequence(session: Session, key: str) -> int:
    """The next number of counter ``key`` (a day, a certificate year), unique across workstations."""
    bump = (
        update(TrackingCounter)
        .where(TrackingCounter.day == key)
        .values(last=TrackingCounter.last + 1)
        .returning(TrackingCounter.last)
    )
    seq = session.execute(bump).scalar()
    if seq is None:
        try:
            with session.begin_nested():
                session.execute(insert(TrackingCounter).values(day=key, last=1))
            seq = 1
        except IntegrityError:  # another workstation created the counter at this moment
            seq = session.execute(bump).scalar_one()
    return int(seq)


def next_tracking_no(session: Session, day_key: str) -> str:
    """``MS20261130-0007``: the day and its sequence (one row lock per day while the intake commits)."""
    return f"{TRACKING_PREFIX}{day_key}-{next_sequence(session, day_key):04d}"


def lookup_qr_text(tracking_no: str) -> str:
    """What the receipt's QR code holds: readable by any phone, and accepted by the look-up box."""
    return f"岚皋县公安局民生警务 受理编号：{tracking_no}"


def _check_form(
    session: Session, form: IntakeForm, cat: CatalogueEntry, citizen: Citizen | None
) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    if form.channel not in CHANNELS:
        errors["channel"] = "请选择受理渠道"
    name = normalize_name(form.name) if form.name else None
    if citizen is None and not name:
        errors["name"] = "该身份证号尚未登记，请填写姓名"
    if citizen is not None and name and name != citizen.name:
        errors["name"] = f"姓名与身份证号登记的“{citizen.name}”不一致，请核对证件"
    clean["name"] = citizen.name if citizen is not None else name
    phone = normalize_text(form.phone) if form.phone else None
    if phone:
        phone = phone.replace(" ", "").replace("-", "")
        message = check_mobile(phone)
        if message:
            errors["phone"] = message
    clean["phone"] = phone or (citizen.phone if citizen is not None else None)
    received = [m for m in form.materials_received if m]
    strange = [m for m in received if m not in cat.materials]
    if strange:
        errors["materials"] = "“" + "、".join(strange) + "”不是该事项所需的材料"
    clean["received"] = [m for m in cat.materials if m in received]
    clean["missing"] = [m for m in cat.materials if m not in received and not is_conditional(m)]
    values: dict[str, str] = {}
    labels = {f.label for f in cat.form_fields}
    for f in cat.form_fields:
        value = normalize_text(form.form_values.get(f.label), multiline=True) or ""
        if len(value) > 500:
            errors[f"form:{f.label}"] = f"{f.label}不能超过500个字"
        if f.required and not value:
            errors[f"form:{f.label}"] = f"请填写{f.label}"
        if value:
            values[f.label] = value
    extra = [k for k in form.form_values if k not in labels and form.form_values[k]]
    if extra:
        errors["form"] = "“" + "、".join(extra) + "”不是该事项的登记项目"
    clean["form_values"] = values
    note = normalize_text(form.note, multiline=True) or ""
    if len(note) > 2000:
        errors["note"] = "备注不能超过2000个字"
    clean["note"] = note
    return clean, errors


@dataclass(frozen=True)
class _Checked:
    number: str
    cat: CatalogueEntry
    citizen: Citizen | None
    clean: dict[str, Any]


def _validate(session: Session, form: IntakeForm) -> _Checked:
    errors: dict[str, str] = {}
    try:
        number = validate_id_number(form.id_number)
    except ValidationError as exc:
        errors.update(exc.field_errors)
        number = None
    cat = entry(session, form.catalogue_id)
    if not cat.active:
        raise DomainError("service_catalogue_inactive", item=cat.name)
    citizen = None
    if number:
        citizen = session.execute(select(Citizen).where(Citizen.id_number == number)).scalar_one_or_none()
    clean, more = _check_form(session, form, cat, citizen)
    errors.update({k: v for k, v in more.items() if k not in errors})
    if form.external_ref:
        taken = session.execute(
            select(ServiceItem.tracking_no).where(ServiceItem.external_ref == form.external_ref)
        ).scalar()
        if taken:
            errors["external_ref"] = f"网上申报编号“{form.external_ref}”已登记（受理编号{taken}）"
    if errors:
        raise ValidationError(errors)
    assert number is not None
    return _Checked(number, cat, citizen, clean)


def check(session: Session, actor: Actor, form: IntakeForm) -> dict[str, str]:
    """Field errors of ``form`` in Chinese (empty: it may be saved); nothing is written."""
    require(session, actor, SERVICE_INTAKE)
    try:
        _validate(session, form)
    except ValidationError as exc:
        return dict(exc.field_errors)
    return {}


def intake(session: Session, actor: Actor, form: IntakeForm, *, now: datetime | None = None) -> IntakeResult:
    """Register one item; raises ValidationError (field -> Chinese message) with nothing written."""
    require(session, actor, SERVICE_INTAKE)
    checked = _validate(session, form)
    number, cat, citizen, clean = checked.number, checked.cat, checked.citizen, checked.clean
    new_citizen = citizen is None
    if citizen is None:
        values = {
            "id_number": number,
            "name": clean["name"],
            "phone": clean["phone"],
            "address": form.address,
        }
        saved = entity_service.create(session, actor, CITIZEN_SPEC, values)
        citizen = session.get(Citizen, saved.row.id)
        assert citizen is not None
    moment = form.received_at or now or utcnow()
    day = local_date(moment)
    calendar = current_calendar(session)
    missing = clean["missing"]
    at_desk = form.channel != CHANNEL_PORTAL
    status = SUPPLEMENT if missing else (ACCEPTED if at_desk else RECEIVED)
    item = ServiceItem(
        tracking_no=next_tracking_no(session, day.strftime("%Y%m%d")),
        catalogue_id=cat.id,
        category=cat.category,
        citizen_id=citizen.id,
        applicant_name=citizen.name,
        phone=clean["phone"],
        channel=form.channel,
        external_ref=form.external_ref or None,
        status=status,
        resume_status=(ACCEPTED if at_desk else RECEIVED) if missing else None,
        unit_id=cat.unit_id,
        owner_id=actor.user_id if at_desk else None,
        received_at=moment,
        received_on=day,
        limit_days=cat.limit_days,
        paused_days=0,
        materials_received=clean["received"],
        materials_missing=missing,
        form_values=clean["form_values"],
        note=clean["note"],
        event_count=0,
        updated_by=actor.username,
    )
    unconfirmed = item_clock.recount(item, calendar)
    if missing:
        item_clock.pause(item, day)
    session.add(item)
    session.flush()
    service_daily.record(session, None, item)
    item_status = item.status
    item.status = RECEIVED
    add_event(session, actor, item, "receive", note=_channel_note(form.channel), at=moment)
    seq = item.event_count
    event = "receive"
    if item_status != RECEIVED:
        item.status = item_status
        event = "request_materials" if missing else "accept"
        note = "尚缺：" + "、".join(missing) if missing else ""
        seq = add_event(session, actor, item, event, from_status=RECEIVED, note=note, at=moment)
    sms_id = service_texts.notify(
        session,
        item,
        event,
        seq,
        service_texts.values_for(item, cat.name, cat.unit_name),
        user_triggered=at_desk,
        now=now,
    )
    session.flush()
    audit.record(
        session,
        actor,
        "service_intake",
        entity="service_item",
        entity_id=item.id,
        new={
            "tracking_no": item.tracking_no,
            "catalogue": cat.code,
            "citizen_id": citizen.id,
            "channel": item.channel,
            "status": item.status,
            "missing": missing,
        },
        detail=item.tracking_no,
    )
    limit = calendar.next_working_day(today())
    info = info_of(session, item, card_of(item, today(), limit))
    return IntakeResult(
        info, new_citizen, sms_id, lookup_qr_text(item.tracking_no), tuple(sorted(unconfirmed))
    )


def _channel_note(channel: str) -> str:
    return {"window": "窗口收件", "portal": "网上申报", "phone": "电话登记"}.get(channel, "")
