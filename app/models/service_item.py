"""One matter a citizen brought (申请、报案、求助、咨询、投诉), its named states, and its timeline.

The states and who may move an item between them are domain rules, declared here once (:data:`TRANSITIONS`);
the workflow service enforces them. The yellow/red card is computed in SQL from the due date and today's
thresholds (``card``), so every list shows it current without a sweep having run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    bindparam,
    case,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.permissions import QT_TRANSLATE_NOOP
from app.models.service_permissions import SERVICE_APPROVE, SERVICE_HANDLE, SERVICE_INTAKE
from app.models.working_calendar import local_today

# --- states -------------------------------------------------------------------------------------------------
RECEIVED = "received"
ACCEPTED = "accepted"
REVIEWING = "reviewing"
SUPPLEMENT = "supplement"
COMPLETED = "completed"
REJECTED = "rejected"
DELIVERED = "delivered"
STATUSES = (RECEIVED, ACCEPTED, REVIEWING, SUPPLEMENT, COMPLETED, REJECTED, DELIVERED)
STATUS_NAMES = {
    RECEIVED: QT_TRANSLATE_NOOP("service", "已收件"),
    ACCEPTED: QT_TRANSLATE_NOOP("service", "已受理"),
    REVIEWING: QT_TRANSLATE_NOOP("service", "审核中"),
    SUPPLEMENT: QT_TRANSLATE_NOOP("service", "补正中"),
    COMPLETED: QT_TRANSLATE_NOOP("service", "已办结"),
    REJECTED: QT_TRANSLATE_NOOP("service", "不予受理/已退回"),
    DELIVERED: QT_TRANSLATE_NOOP("service", "已出件"),
}
OPEN_STATUSES = (RECEIVED, ACCEPTED, REVIEWING, SUPPLEMENT)
FINISHED_STATUSES = (COMPLETED, REJECTED, DELIVERED)
DONE_STATUSES = (COMPLETED, DELIVERED)  # finished with the citizen's matter settled

# --- channels -----------------------------------------------------------------------------------------------
CHANNEL_WINDOW = "window"
CHANNEL_PORTAL = "portal"
CHANNEL_PHONE = "phone"
CHANNELS = (CHANNEL_WINDOW, CHANNEL_PORTAL, CHANNEL_PHONE)
CHANNEL_NAMES = {
    CHANNEL_WINDOW: QT_TRANSLATE_NOOP("service", "窗口"),
    CHANNEL_PORTAL: QT_TRANSLATE_NOOP("service", "网上"),
    CHANNEL_PHONE: QT_TRANSLATE_NOOP("service", "电话"),
}

# --- cards --------------------------------------------------------------------------------------------------
CARD_NONE = ""
CARD_YELLOW = "yellow"
CARD_RED = "red"
CARD_PAUSED = "paused"
CARD_LATE = "late"  # finished after its due date
CARD_NAMES = {
    CARD_NONE: "",
    CARD_YELLOW: QT_TRANSLATE_NOOP("service", "黄牌"),
    CARD_RED: QT_TRANSLATE_NOOP("service", "红牌"),
    CARD_PAUSED: QT_TRANSLATE_NOOP("service", "暂停计时"),
    CARD_LATE: QT_TRANSLATE_NOOP("service", "超期办结"),
}


# --- transitions --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str  # "" = back to the state before 补正中
    permissions: tuple[str, ...]  # any one of them
    needs_note: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("accept", QT_TRANSLATE_NOOP("service", "受理"), (RECEIVED,), ACCEPTED, (SERVICE_INTAKE,)),
        Transition(
            "request_materials",
            QT_TRANSLATE_NOOP("service", "要求补正材料"),
            (RECEIVED, ACCEPTED, REVIEWING),
            SUPPLEMENT,
            (SERVICE_INTAKE, SERVICE_HANDLE),
        ),
        Transition(
            "supply",
            QT_TRANSLATE_NOOP("service", "材料已补齐"),
            (SUPPLEMENT,),
            "",
            (SERVICE_INTAKE, SERVICE_HANDLE),
        ),
        Transition(
            "start_review",
            QT_TRANSLATE_NOOP("service", "开始审核"),
            (ACCEPTED,),
            REVIEWING,
            (SERVICE_HANDLE,),
        ),
        Transition(
            "complete",
            QT_TRANSLATE_NOOP("service", "办结"),
            (ACCEPTED, REVIEWING),
            COMPLETED,
            (SERVICE_HANDLE,),
        ),
        Transition(
            "approve",
            QT_TRANSLATE_NOOP("service", "审批通过并办结"),
            (REVIEWING,),
            COMPLETED,
            (SERVICE_APPROVE,),
        ),
        Transition(
            "refuse",
            QT_TRANSLATE_NOOP("service", "查有犯罪记录，不予出具"),
            (REVIEWING,),
            REJECTED,
            (SERVICE_APPROVE,),
        ),
        Transition(
            "reject",
            QT_TRANSLATE_NOOP("service", "不予受理/退回"),
            (RECEIVED, ACCEPTED, REVIEWING, SUPPLEMENT),
            REJECTED,
            (SERVICE_HANDLE,),
            needs_note=True,
        ),
        Transition(
            "deliver",
            QT_TRANSLATE_NOOP("service", "出件"),
            (COMPLETED,),
            DELIVERED,
            (SERVICE_INTAKE, SERVICE_HANDLE),
        ),
    )
}
ACTION_NAMES: dict[str, str] = {
    "receive": QT_TRANSLATE_NOOP("service", "收件"),
    "assign": QT_TRANSLATE_NOOP("service", "分派"),
    "rate": QT_TRANSLATE_NOOP("service", "评价"),
    "certificate": QT_TRANSLATE_NOOP("service", "打印证明"),
    "recount": QT_TRANSLATE_NOOP("service", "重算期限"),
    **{t.action: t.label for t in TRANSITIONS.values()},
}


# --- today's card thresholds (replaced by the services with a calendar-aware provider) -----------------------
def _weekday_thresholds() -> tuple[date, date]:
    today = local_today()
    nxt = today + timedelta(days=1)
    while nxt.weekday() >= 5:
        nxt += timedelta(days=1)
    return today, nxt


_thresholds: Callable[[], tuple[date, date]] = _weekday_thresholds


def set_card_thresholds(provider: Callable[[], tuple[date, date]]) -> None:
    """``provider()`` returns (today, the next working day): red before today, yellow up to the next day."""
    global _thresholds
    _thresholds = provider


def card_thresholds() -> tuple[date, date]:
    return _thresholds()


def _today() -> date:
    return _thresholds()[0]


def _yellow_limit() -> date:
    return _thresholds()[1]


class ServiceItem(IdMixin, VersionedMixin, Base):
    __tablename__ = "service_item"
    __table_args__ = (
        Index("ix_service_item_citizen_id_id", "citizen_id", "id"),
        Index("ix_service_item_phone_id", "phone", "id"),
        Index("ix_service_item_status_due", "status", "due_date"),
        Index("ix_service_item_unit_status", "unit_id", "status"),
        Index("ix_service_item_officer_status", "officer_id", "status"),
        Index("ix_service_item_received_at_id", "received_at", "id"),
        Index("ix_service_item_due_date_id", "due_date", "id"),
        Index("ix_service_item_catalogue_id_id", "catalogue_id", "id"),
        # The dashboard's one scan: every column it sums is in the index (no table reads).
        Index(
            "ix_service_item_figures",
            "received_on",
            "unit_id",
            "officer_id",
            "channel",
            "status",
            "finished_on",
            "due_date",
            "working_days_used",
            "rating",
        ),
    )

    tracking_no: Mapped[str] = mapped_column(String(24), unique=True)
    catalogue_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_catalogue.id"))
    category: Mapped[str] = mapped_column(String(16))
    citizen_id: Mapped[int] = mapped_column(BigId, ForeignKey("citizen.id"))
    applicant_name: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(8))
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    resume_status: Mapped[str | None] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(BigId, ForeignKey("unit.id"))
    officer_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    owner_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    received_on: Mapped[date] = mapped_column(Date)
    limit_days: Mapped[int] = mapped_column(SmallInteger)
    paused_since: Mapped[date | None] = mapped_column(Date)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)
    due_date: Mapped[date | None] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_on: Mapped[date | None] = mapped_column(Date)
    working_days_used: Mapped[int | None] = mapped_column(SmallInteger)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    materials_received: Mapped[list[str]] = mapped_column(JSON, default=list)
    materials_missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    form_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    outcome_note: Mapped[str] = mapped_column(String(500), default="")
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    card_notified: Mapped[str] = mapped_column(String(8), default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


def card_expression(item: Any = ServiceItem) -> Any:
    """The card in SQL, against today's thresholds (bound when the statement runs)."""
    today = bindparam("card_today", callable_=_today, type_=Date())
    limit = bindparam("card_yellow_limit", callable_=_yellow_limit, type_=Date())
    return case(
        (item.status.in_(FINISHED_STATUSES), case((item.finished_on > item.due_date, CARD_LATE), else_="")),
        (item.status == SUPPLEMENT, CARD_PAUSED),
        (item.due_date < today, CARD_RED),
        (item.due_date <= limit, CARD_YELLOW),
        else_="",
    )


ServiceItem.card = column_property(card_expression(ServiceItem.__table__.c))  # type: ignore[attr-defined]


class ServiceEvent(IdMixin, Base):
    """One step of an item's timeline (append-only): who, when, what, the note, and the state after it."""

    __tablename__ = "service_event"
    __table_args__ = (Index("ix_service_event_item_id_seq", "item_id", "seq"),)

    item_id: Mapped[int] = mapped_column(BigId, ForeignKey("service_item.id"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(BigId)
    actor_name: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TrackingCounter(Base):
    """The last tracking-number sequence handed out per day (one conditional UPDATE per intake)."""

    __tablename__ = "tracking_counter"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)  # YYYYMMDD
    last: Mapped[int] = mapped_column(Integer, default=0)
