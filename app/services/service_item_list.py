"""The list of items (事项办理), declared once: columns with the yellow/red card, search, filters, export, print.

Search: a tracking number (or its start), an applicant's name (prefix), an 18-digit ID number, or a phone
number (prefix): each an index range, so the list answers at once over millions of items.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from app.core.normalize import to_half_width
from app.models.accounts import User
from app.models.citizen import Citizen
from app.models.service_catalogue import CATEGORY_NAMES, ServiceCatalogueItem
from app.models.service_item import (
    CARD_LATE,
    CARD_NAMES,
    CARD_PAUSED,
    CARD_RED,
    CARD_YELLOW,
    CHANNEL_NAMES,
    FINISHED_STATUSES,
    STATUS_NAMES,
    SUPPLEMENT,
    ServiceItem,
    card_thresholds,
)
from app.models.service_item import OPEN_STATUSES as _OPEN
from app.models.service_permissions import SERVICE_FIGURES, SERVICE_INTAKE, SERVICE_LOOKUP
from app.services.context import Actor
from app.services.entity_service import prefix_match
from app.services.entity_spec import CHOICE, DATE, DATETIME, PHONE, EntitySpec, Field, Filter, register
from app.services.service_catalogue import department_choices
from app.services.working_days import current_calendar

RUNNING = tuple(s for s in _OPEN if s != SUPPLEMENT)
STATUS_CHOICES = tuple(STATUS_NAMES.items())
CHANNEL_CHOICES = tuple(CHANNEL_NAMES.items())
CARD_CHOICES = tuple((k, v) for k, v in CARD_NAMES.items() if k)
CATEGORY_CHOICES = tuple(CATEGORY_NAMES.items())


def catalogue_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(ServiceCatalogueItem.id, ServiceCatalogueItem.name).order_by(ServiceCatalogueItem.code)
    )
    return [(i, n) for i, n in rows]


def user_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(select(User.id, User.display_name).order_by(User.display_name))
    return [(i, n) for i, n in rows]


def search_items(stmt: Select[Any], text: str) -> Select[Any]:
    q = to_half_width(text).strip().upper()
    if not q:
        return stmt
    if q.startswith("MS"):
        return stmt.where(prefix_match(ServiceItem.tracking_no, q))
    digits = q.replace(" ", "").replace("-", "")
    if len(digits) == 18 and digits[:17].isdigit():
        citizen = select(Citizen.id).where(Citizen.id_number == digits).scalar_subquery()
        return stmt.where(ServiceItem.citizen_id == citizen)
    if digits.isdigit():
        return stmt.where(prefix_match(ServiceItem.phone, digits))
    return stmt.where(prefix_match(ServiceItem.applicant_name, text.strip()))


def card_filter(stmt: Select[Any], value: Any) -> Select[Any]:
    today, limit = card_thresholds()
    i = ServiceItem
    if value == CARD_RED:
        return stmt.where(i.status.in_(RUNNING), i.due_date < today)
    if value == CARD_YELLOW:
        return stmt.where(i.status.in_(RUNNING), and_(i.due_date >= today, i.due_date <= limit))
    if value == CARD_PAUSED:
        return stmt.where(i.status == SUPPLEMENT)
    if value == CARD_LATE:
        return stmt.where(i.status.in_(FINISHED_STATUSES), i.finished_on > i.due_date)
    return stmt


def _eq(column: Any) -> Any:
    return lambda stmt, value: stmt.where(column == value)


def _received(stmt: Select[Any], value: Any) -> Select[Any]:
    start, end = value
    if start is not None:
        stmt = stmt.where(ServiceItem.received_on >= start)
    if end is not None:
        stmt = stmt.where(ServiceItem.received_on <= end)
    return stmt


def _open_only(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceItem.status.in_(_OPEN))


def _base(session: Session, actor: Actor) -> Select[Any]:
    current_calendar(session)  # the card thresholds of this list follow the stored calendar
    return select(ServiceItem)


ITEM_SPEC = register(
    EntitySpec(
        key="service_item",
        title="群众事项",
        model=ServiceItem,
        fields=(
            Field("tracking_no", "受理编号", sortable=True, width=140),
            Field("card", "时限", CHOICE, choices=tuple(CARD_NAMES.items()), width=70),
            Field("status", "状态", CHOICE, choices=STATUS_CHOICES, width=100),
            Field("applicant_name", "申请人", width=80),
            Field("catalogue_id", "事项", CHOICE, choices=catalogue_choices, width=150),
            Field("channel", "渠道", CHOICE, choices=CHANNEL_CHOICES, width=50),
            Field("unit_id", "责任部门", CHOICE, choices=department_choices, width=120),
            Field("officer_id", "承办民警", CHOICE, choices=user_choices, width=80),
            Field("received_at", "收件时间", DATETIME, sortable=True, width=130),
            Field("due_date", "承诺办结", DATE, sortable=True, width=95),
            Field("phone", "联系电话", PHONE, width=110),
        ),
        permissions={
            "view": SERVICE_LOOKUP,
            "create": SERVICE_INTAKE,
            "export": SERVICE_FIGURES,
            "print": SERVICE_LOOKUP,
        },
        label_field="tracking_no",
        default_sort=("id", True),
        search=search_items,
        search_hint="受理编号、申请人姓名、身份证号或手机号",
        filters=(
            Filter("status", "状态", "choice", _eq(ServiceItem.status), STATUS_CHOICES),
            Filter("card", "时限", "choice", card_filter, CARD_CHOICES),
            Filter("unit_id", "责任部门", "choice", _eq(ServiceItem.unit_id), department_choices),
            Filter("channel", "渠道", "choice", _eq(ServiceItem.channel), CHANNEL_CHOICES),
            Filter("category", "类别", "choice", _eq(ServiceItem.category), CATEGORY_CHOICES),
            Filter("received", "收件日期", "date_range", _received),
            Filter("open", "只看在办", "bool", _open_only),
        ),
        base_query=_base,
    )
)
