"""Satisfaction (好差评): a 1-5 rating per finished item; 2 or lower opens a follow-up with a deadline.

The follow-up is a call-back to the citizen: its deadline is counted in working days, the item's
first-contact owner is told in their inbox, and the result of the call is recorded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound, ValidationError
from app.core.normalize import normalize_text
from app.models.base import utcnow
from app.models.messaging import KIND_TASK, PRIORITY_HIGH
from app.models.service_item import FINISHED_STATUSES, STATUS_NAMES, ServiceItem
from app.models.service_permissions import SERVICE_FIGURES, SERVICE_FOLLOWUP
from app.models.service_records import (
    FOLLOWUP_DONE,
    FOLLOWUP_OPEN,
    FOLLOWUP_STATUS_NAMES,
    RATING_CHANNEL_NAMES,
    ServiceFollowUp,
    ServiceRating,
)
from app.models.working_calendar import local_date
from app.services import audit, inbox, service_daily
from app.services.context import Actor
from app.services.entity_service import prefix_match
from app.services.entity_spec import (
    CHOICE,
    DATE,
    DATETIME,
    INT,
    MULTILINE,
    EntitySpec,
    Field,
    Filter,
    register,
)
from app.services.item_records import add_event
from app.services.permissions import require
from app.services.service_catalogue import department_choices
from app.services.working_days import current_calendar, today

BAD_RATING = 2  # this or lower opens a follow-up
FOLLOWUP_DAYS = 2  # working days to call the citizen back


@dataclass(frozen=True)
class RatingResult:
    rating_id: int
    score: int
    followup_id: int | None
    followup_deadline: date | None


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    version: int
    tracking_no: str
    applicant_name: str
    score: int
    complaint: str
    status: str
    deadline: date
    result: str
    satisfied_after: int | None
    done_by_name: str


def _score(value: Any) -> int:
    """1-5 as an int or a digit; anything else is refused in Chinese."""
    if isinstance(value, bool):
        raise DomainError("service_rating_range", score=value)
    if isinstance(value, int):
        score = value
    else:
        text = str(value if value is not None else "").strip()
        if not text.isdigit():
            raise DomainError("service_rating_range", score=value)
        score = int(text)
    if not 1 <= score <= 5:
        raise DomainError("service_rating_range", score=value)
    return score


def rate(
    session: Session,
    actor: Actor,
    item_id: int,
    score: Any,
    *,
    comment: str = "",
    channel: str = "window",
    now: datetime | None = None,
) -> RatingResult:
    """Record the citizen's rating of a finished item (once); a bad one opens a follow-up."""
    require(session, actor, SERVICE_FOLLOWUP)
    value = _score(score)
    if channel not in RATING_CHANNEL_NAMES:
        raise ValueError(f"unknown rating channel {channel!r}")
    item = session.get(ServiceItem, item_id)
    if item is None:
        raise NotFound(entity="事项")
    if item.status not in FINISHED_STATUSES:
        raise DomainError("service_not_finished", state=STATUS_NAMES.get(item.status, item.status))
    existing = session.execute(select(ServiceRating.score).where(ServiceRating.item_id == item_id)).scalar()
    if existing is not None:
        raise DomainError("service_already_rated", score=existing)
    moment = now or utcnow()
    text = (normalize_text(comment, multiline=True) or "")[:500]
    rating = ServiceRating(
        item_id=item.id,
        score=value,
        comment=text,
        channel=channel,
        rated_at=moment,
        rated_on=local_date(moment),
        recorded_by_id=actor.user_id,
    )
    session.add(rating)
    session.flush()
    counted = service_daily.contribution(item)
    item.rating = value
    service_daily.record(session, counted, item)
    item.updated_by = actor.username
    add_event(
        session,
        actor,
        item,
        "rate",
        from_status=item.status,
        note=f"{value} 分" + (f"：{text}" if text else ""),
        at=moment,
    )
    followup: ServiceFollowUp | None = None
    if value <= BAD_RATING:
        deadline = current_calendar(session).add_working_days(today(), FOLLOWUP_DAYS).value
        followup = ServiceFollowUp(
            item_id=item.id,
            rating_id=rating.id,
            unit_id=item.unit_id,
            tracking_no=item.tracking_no,
            applicant_name=item.applicant_name,
            score=value,
            complaint=text,
            status=FOLLOWUP_OPEN,
            deadline=deadline,
            updated_by=actor.username,
        )
        session.add(followup)
        session.flush()
        if item.owner_id is not None:
            inbox.send(
                session,
                recipients=[item.owner_id],
                kind=KIND_TASK,
                title=f"差评回访 {item.tracking_no}",
                body=f"{item.applicant_name}对事项评价 {value} 分，请于{deadline.month}月{deadline.day}日前回访并登记结果。",
                link=("service_followup", followup.id),
                priority=PRIORITY_HIGH,
                sender=actor,
            )
    audit.record(
        session,
        actor,
        "service_rate",
        entity="service_item",
        entity_id=item.id,
        new={"score": value, "channel": channel, "followup": followup.id if followup else None},
        detail=item.tracking_no,
    )
    return RatingResult(
        rating.id, value, followup.id if followup else None, followup.deadline if followup else None
    )


def _followup_info(f: ServiceFollowUp) -> FollowUpInfo:
    return FollowUpInfo(
        f.id,
        f.version,
        f.tracking_no,
        f.applicant_name,
        f.score,
        f.complaint,
        f.status,
        f.deadline,
        f.result,
        f.satisfied_after,
        f.done_by_name,
    )


def get_followup(session: Session, actor: Actor, followup_id: int) -> FollowUpInfo:
    require(session, actor, SERVICE_FOLLOWUP)
    f = session.get(ServiceFollowUp, followup_id)
    if f is None:
        raise NotFound(entity="回访")
    return _followup_info(f)


def record_callback(
    session: Session,
    actor: Actor,
    followup_id: int,
    version: int,
    result: str,
    *,
    satisfied_after: Any = None,
    now: datetime | None = None,
) -> FollowUpInfo:
    """Record what the call-back achieved; done once, by the version the user saw."""
    require(session, actor, SERVICE_FOLLOWUP)
    f = session.get(ServiceFollowUp, followup_id)
    if f is None:
        raise NotFound(entity="回访")
    if f.status == FOLLOWUP_DONE:
        at = f.done_at.astimezone().strftime("%Y-%m-%d %H:%M") if f.done_at else ""
        raise DomainError("service_followup_done", at=at, by=f.done_by_name)
    if f.version != version:
        raise ConflictError(entity="回访", by=f.updated_by or "其他用户", at="刚才")
    text = normalize_text(result, multiline=True) or ""
    errors = {}
    if not text:
        errors["result"] = "请填写回访结果"
    after = None
    if satisfied_after not in (None, ""):
        try:
            after = _score(satisfied_after)
        except DomainError as exc:
            errors["satisfied_after"] = exc.message()
    if errors:
        raise ValidationError(errors)
    moment = now or utcnow()
    f.status, f.result, f.satisfied_after = FOLLOWUP_DONE, text, after
    f.done_at, f.done_by_name, f.updated_by = moment, actor.display_name[:64], actor.username
    item = session.get(ServiceItem, f.item_id)
    if item is not None:
        note = f"差评回访：{text}" + (f"（回访后评价 {after} 分）" if after else "")
        add_event(session, actor, item, "rate", from_status=item.status, note=note, at=moment)
    audit.record(
        session,
        actor,
        "service_callback",
        entity="service_followup",
        entity_id=f.id,
        old={"status": FOLLOWUP_OPEN},
        new={"status": FOLLOWUP_DONE, "result": text, "satisfied_after": after},
        detail=f.tracking_no,
    )
    session.flush()
    return _followup_info(f)


# --- the follow-up list -------------------------------------------------------------------------------------


def _search(stmt: Select[Any], text: str) -> Select[Any]:
    q = text.strip().upper()
    return stmt.where(
        prefix_match(ServiceFollowUp.tracking_no, q)
        | prefix_match(ServiceFollowUp.applicant_name, text.strip())
    )


def _filter_status(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceFollowUp.status == value)


def _filter_overdue(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceFollowUp.status == FOLLOWUP_OPEN, ServiceFollowUp.deadline < today())


def _filter_unit(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceFollowUp.unit_id == value)


STATUS_CHOICES = tuple(FOLLOWUP_STATUS_NAMES.items())

FOLLOWUP_SPEC = register(
    EntitySpec(
        key="service_followup",
        title="差评回访",
        model=ServiceFollowUp,
        fields=(
            Field("tracking_no", "受理编号", width=140),
            Field("applicant_name", "群众", width=80),
            Field("score", "评分", INT, width=50),
            Field("complaint", "群众意见", MULTILINE, width=200),
            Field("unit_id", "责任部门", CHOICE, choices=department_choices, width=120),
            Field("deadline", "回访期限", DATE, width=100),
            Field("status", "状态", CHOICE, choices=STATUS_CHOICES, width=70),
            Field("result", "回访结果", MULTILINE, width=220),
            Field("satisfied_after", "回访后评分", INT, width=80),
            Field("done_by_name", "回访人", width=80),
            Field("done_at", "回访时间", DATETIME, width=130),
        ),
        permissions={"view": SERVICE_FOLLOWUP, "export": SERVICE_FIGURES, "print": SERVICE_FOLLOWUP},
        label_field="tracking_no",
        default_sort=("id", True),
        search=_search,
        search_hint="受理编号或群众姓名",
        filters=(
            Filter("status", "状态", "choice", _filter_status, STATUS_CHOICES),
            Filter("unit_id", "责任部门", "choice", _filter_unit, department_choices),
            Filter("overdue", "逾期未回访", "bool", _filter_overdue),
        ),
    )
)
