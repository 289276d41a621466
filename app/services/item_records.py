"""Plain data the citizen-service views get (never ORM objects), the timeline writer, and the platform's messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import messages
from app.core.masking import mask_id_number, mask_phone
from app.core.messages import QT_TRANSLATE_NOOP
from app.models.accounts import User
from app.models.citizen import Citizen
from app.models.org import Unit
from app.models.service_catalogue import ServiceCatalogueItem
from app.models.service_item import (
    CARD_LATE,
    CARD_PAUSED,
    CARD_RED,
    CARD_YELLOW,
    FINISHED_STATUSES,
    SUPPLEMENT,
    ServiceEvent,
    ServiceItem,
)
from app.services.context import Actor

messages.register(
    {
        "service_state": QT_TRANSLATE_NOOP("messages", "事项当前为“{state}”，不能“{action}”。{hint}"),
        "service_needs_approval": QT_TRANSLATE_NOOP(
            "messages", "“{item}”须经审批领导审批，审批通过即办结；不能直接办结。"
        ),
        "service_not_approved": QT_TRANSLATE_NOOP(
            "messages", "“{item}”尚未经审批领导审批通过，不能打印证明。"
        ),
        "service_four_eyes": QT_TRANSLATE_NOOP(
            "messages", "您经办过“{item}”（收件、受理、审核或补正），不能再审批本事项；请由其他审批领导审批。"
        ),
        "service_refuse_kind": QT_TRANSLATE_NOOP(
            "messages", "只有“无犯罪记录证明”在查有犯罪记录时才“不予出具”；“{item}”请用“不予受理/退回”。"
        ),
        "service_no_refusal": QT_TRANSLATE_NOOP(
            "messages", "“{item}”没有经审批领导作出“不予出具”的决定，不能打印不予出具通知书。"
        ),
        "service_no_certificate": QT_TRANSLATE_NOOP("messages", "“{item}”不出具证明。"),
        "service_note_required": QT_TRANSLATE_NOOP("messages", "请填写{what}。"),
        "service_officer_unit": QT_TRANSLATE_NOOP("messages", "民警{officer}不属于{unit}，不能分派给他。"),
        "service_officer_unknown": QT_TRANSLATE_NOOP("messages", "找不到该民警，或其账号已停用。"),
        "service_rating_range": QT_TRANSLATE_NOOP("messages", "评价应为 1 至 5 分，收到的是“{score}”。"),
        "service_not_finished": QT_TRANSLATE_NOOP(
            "messages", "事项尚未办结（当前为“{state}”），还不能评价。"
        ),
        "service_already_rated": QT_TRANSLATE_NOOP(
            "messages", "该事项已评价过（{score} 分），每个事项只能评价一次。"
        ),
        "service_catalogue_inactive": QT_TRANSLATE_NOOP("messages", "事项“{item}”已停用，不能受理。"),
        "service_no_missing": QT_TRANSLATE_NOOP(
            "messages", "请勾选尚缺的材料，一次告知群众需要补正的全部材料。"
        ),
        "service_import_bad_file": QT_TRANSLATE_NOOP("messages", "无法读取网上申报文件“{name}”：{detail}"),
        "service_followup_done": QT_TRANSLATE_NOOP(
            "messages", "该回访已于{at}由{by}登记结果，不能重复登记。"
        ),
        "service_lookup_id": QT_TRANSLATE_NOOP("messages", "身份证号有误：{detail}"),
        "service_lookup_short": QT_TRANSLATE_NOOP(
            "messages", "请输入完整的受理编号、18位身份证号或11位手机号。"
        ),
        "service_period": QT_TRANSLATE_NOOP("messages", "统计期间有误：{detail}"),
        "service_calendar_year": QT_TRANSLATE_NOOP("messages", "年份应在 2000 至 2100 之间。"),
    }
)


@dataclass(frozen=True)
class ItemInfo:
    """One item as the views show it (ID number and phone masked)."""

    id: int
    version: int
    tracking_no: str
    catalogue_id: int
    item_name: str
    category: str
    certificate_kind: str
    needs_approval: bool
    citizen_id: int
    applicant_name: str
    id_number: str  # masked
    phone: str  # masked
    channel: str
    status: str
    unit_id: int
    unit_name: str
    officer_id: int | None
    officer_name: str
    owner_id: int | None
    owner_name: str
    received_at: datetime
    received_on: date
    limit_days: int
    due_date: date | None
    due_provisional: bool
    paused_since: date | None
    paused_days: int
    card: str
    approved: bool
    approved_by_name: str
    finished_at: datetime | None
    working_days_used: int | None
    rating: int | None
    materials_received: tuple[str, ...]
    materials_missing: tuple[str, ...]
    form_values: tuple[tuple[str, str], ...]
    note: str
    outcome_note: str
    event_count: int

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES


@dataclass(frozen=True)
class EventInfo:
    seq: int
    at: datetime
    actor_name: str
    action: str
    from_status: str
    to_status: str
    note: str
    snapshot: dict[str, Any]


def card_of(item: ServiceItem, today: date, yellow_limit: date) -> str:
    """The card in Python, the same rule as ``service_item.card_expression``."""
    if item.status in FINISHED_STATUSES:
        return CARD_LATE if item.finished_on and item.due_date and item.finished_on > item.due_date else ""
    if item.status == SUPPLEMENT:
        return CARD_PAUSED
    if item.due_date is None:
        return ""
    if item.due_date < today:
        return CARD_RED
    if item.due_date <= yellow_limit:
        return CARD_YELLOW
    return ""


def _names(session: Session, user_ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())


def info_of(session: Session, item: ServiceItem, card: str) -> ItemInfo:
    cat = session.get(ServiceCatalogueItem, item.catalogue_id)
    unit = session.get(Unit, item.unit_id)
    citizen = session.get(Citizen, item.citizen_id)
    names = _names(session, {item.officer_id, item.owner_id, item.approved_by_id})
    return ItemInfo(
        id=item.id,
        version=item.version,
        tracking_no=item.tracking_no,
        catalogue_id=item.catalogue_id,
        item_name=cat.name if cat else "",
        category=item.category,
        certificate_kind=(cat.certificate_kind or "") if cat else "",
        needs_approval=bool(cat.needs_approval) if cat else False,
        citizen_id=item.citizen_id,
        applicant_name=item.applicant_name,
        id_number=mask_id_number(citizen.id_number) if citizen else "",
        phone=mask_phone(item.phone) if item.phone else "",
        channel=item.channel,
        status=item.status,
        unit_id=item.unit_id,
        unit_name=unit.name if unit else "",
        officer_id=item.officer_id,
        officer_name=names.get(item.officer_id or 0, ""),
        owner_id=item.owner_id,
        owner_name=names.get(item.owner_id or 0, ""),
        received_at=item.received_at,
        received_on=item.received_on,
        limit_days=item.limit_days,
        due_date=item.due_date,
        due_provisional=bool(item.due_provisional),
        paused_since=item.paused_since,
        paused_days=item.paused_days or 0,
        card=card,
        approved=item.approved_at is not None,
        approved_by_name=names.get(item.approved_by_id or 0, ""),
        finished_at=item.finished_at,
        working_days_used=item.working_days_used,
        rating=item.rating,
        materials_received=tuple(item.materials_received or ()),
        materials_missing=tuple(item.materials_missing or ()),
        form_values=tuple((str(k), str(v)) for k, v in (item.form_values or {}).items()),
        note=item.note or "",
        outcome_note=item.outcome_note or "",
        event_count=item.event_count or 0,
    )


def snapshot(session: Session, item: ServiceItem) -> dict[str, Any]:
    """The state after a step, kept in the timeline so it can be replayed."""
    unit = session.get(Unit, item.unit_id)
    names = _names(session, {item.officer_id})
    return {
        "status": item.status,
        "unit_id": item.unit_id,
        "unit": unit.name if unit else "",
        "officer_id": item.officer_id,
        "officer": names.get(item.officer_id or 0, ""),
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "due_provisional": bool(item.due_provisional),
        "paused": item.paused_since is not None,
        "paused_days": item.paused_days or 0,
        "missing": list(item.materials_missing or []),
    }


def add_event(
    session: Session,
    actor: Actor,
    item: ServiceItem,
    action: str,
    *,
    from_status: str = "",
    note: str = "",
    at: datetime | None = None,
) -> int:
    """Append one step to the item's timeline; returns its sequence number."""
    item.event_count = (item.event_count or 0) + 1
    event = ServiceEvent(
        item_id=item.id,
        seq=item.event_count,
        actor_id=actor.user_id,
        actor_name=actor.display_name[:64],
        action=action,
        from_status=from_status,
        to_status=item.status,
        note=note,
        snapshot=snapshot(session, item),
    )
    if at is not None:
        event.at = at
    session.add(event)
    return item.event_count
