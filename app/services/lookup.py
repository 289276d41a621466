"""Status look-up by tracking number, ID number or phone, for the clerk answering a citizen; each look-up counted.

Every key is an index seek (tracking number: unique index; ID number: the citizen's unique index, then the
items by citizen; phone: the items' contact phone and the register's phone), so the answer stays instant at
province scale. The look-up is counted with its channel (window, phone) in the same transaction, in the
raw log and in the daily tally the figures read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.masking import mask_phone
from app.core.normalize import normalize_id_number, normalize_phone, to_half_width
from app.core.validators import check_id_number, check_mobile
from app.models.base import utcnow
from app.models.citizen import Citizen
from app.models.org import Unit
from app.models.service_catalogue import ServiceCatalogueItem
from app.models.service_item import ServiceItem
from app.models.service_permissions import SERVICE_LOOKUP
from app.models.service_records import DIM_LOOKUP, ServiceDaily, ServiceLookup
from app.services import service_daily
from app.services.context import Actor
from app.services.item_records import card_of
from app.services.permissions import require
from app.services.working_days import current_calendar, today

MAX_RESULTS = 20
_TRACKING = re.compile(r"MS\d{8}-\d{4,}")
CHANNELS = ("window", "phone")


@dataclass(frozen=True)
class LookupHit:
    id: int
    tracking_no: str
    item_name: str
    applicant_name: str
    phone: str  # masked
    status: str
    unit_name: str
    received_at: datetime
    due_date: date | None
    due_provisional: bool
    card: str
    finished_at: datetime | None
    outcome_note: str
    materials_missing: tuple[str, ...]


@dataclass(frozen=True)
class LookupResult:
    kind: str  # tracking_no / id_number / phone
    hits: tuple[LookupHit, ...]
    lookups_today: int


def classify(text: str) -> tuple[str, str]:
    """(kind, normalised key) of what the clerk typed or scanned; refused in Chinese when it is none."""
    raw = to_half_width(text or "").strip().upper()
    match = _TRACKING.search(raw)
    if match:
        return "tracking_no", match.group(0)
    digits = re.sub(r"[\s-]", "", raw)
    if len(digits) == 18:
        number = normalize_id_number(digits)
        if number and check_id_number(number) is None:
            return "id_number", number
        raise DomainError("service_lookup_id", detail=check_id_number(number or digits) or "")
    phone = normalize_phone(digits) if digits.isdigit() else None
    if phone and check_mobile(phone) is None:
        return "phone", phone
    raise DomainError("service_lookup_short")


def find(session: Session, actor: Actor, text: str, *, channel: str = "window") -> LookupResult:
    """The items matching the key (newest first, at most 20), and the look-up counted."""
    require(session, actor, SERVICE_LOOKUP)
    if channel not in CHANNELS:
        raise ValueError(f"unknown look-up channel {channel!r}")
    kind, key = classify(text)
    if kind == "tracking_no":
        ids = select(ServiceItem.id).where(ServiceItem.tracking_no == key)
    elif kind == "id_number":
        citizen = select(Citizen.id).where(Citizen.id_number == key).scalar_subquery()
        ids = (
            select(ServiceItem.id)
            .where(ServiceItem.citizen_id == citizen)
            .order_by(ServiceItem.id.desc())
            .limit(MAX_RESULTS)
        )
    else:
        by_item = (
            select(ServiceItem.id)
            .where(ServiceItem.phone == key)
            .order_by(ServiceItem.id.desc())
            .limit(MAX_RESULTS)
        )
        people = select(Citizen.id).where(Citizen.phone == key).limit(50).scalar_subquery()
        by_person = (
            select(ServiceItem.id)
            .where(ServiceItem.citizen_id.in_(people))
            .order_by(ServiceItem.id.desc())
            .limit(MAX_RESULTS)
        )
        ids = union(by_item.subquery().select(), by_person.subquery().select())  # type: ignore[assignment]
    found = sorted(set(session.execute(ids).scalars()), reverse=True)[:MAX_RESULTS]
    hits = _hits(session, found)
    moment = utcnow()
    day = today()
    session.add(
        ServiceLookup(
            at=moment,
            day=day,
            channel=channel,
            query_kind=kind,
            actor_id=actor.user_id,
            result_count=len(hits),
        )
    )
    service_daily.add_lookup(session, day, channel)
    return LookupResult(kind, tuple(hits), lookups_on(session, day))


def _hits(session: Session, ids: list[int]) -> list[LookupHit]:
    if not ids:
        return []
    calendar = current_calendar(session)
    day = today()
    limit = calendar.next_working_day(day)
    rows = session.execute(
        select(ServiceItem, ServiceCatalogueItem.name, Unit.name)
        .join(ServiceCatalogueItem, ServiceCatalogueItem.id == ServiceItem.catalogue_id)
        .join(Unit, Unit.id == ServiceItem.unit_id)
        .where(ServiceItem.id.in_(ids))
        .order_by(ServiceItem.id.desc())
    ).all()
    return [
        LookupHit(
            item.id,
            item.tracking_no,
            item_name,
            item.applicant_name,
            mask_phone(item.phone) if item.phone else "",
            item.status,
            unit_name,
            item.received_at,
            item.due_date,
            bool(item.due_provisional),
            card_of(item, day, limit),
            item.finished_at,
            item.outcome_note or "",
            tuple(item.materials_missing or ()),
        )
        for item, item_name, unit_name in rows
    ]


def lookups_on(session: Session, day: date) -> int:
    """Look-ups counted on ``day`` (every channel)."""
    return int(
        session.execute(
            select(func.coalesce(func.sum(ServiceDaily.lookups), 0)).where(
                ServiceDaily.day == day, ServiceDaily.dim == DIM_LOOKUP
            )
        ).scalar_one()
    )
