"""Self-service (自助服务): what every officer sees of themselves: their file, their requests and time-off
balance, their training record, notices waiting to be read and polls waiting for their vote. Each part
needs only the function's ``view_own`` and shows the actor's own records, never anyone else's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import PermissionDenied
from app.core.masking import mask_id_number, mask_phone
from app.models.support_leave import SupportLeave
from app.models.support_people import SupportPersonnel, SupportTraining
from app.models.support_permissions import LEAVE, NOTICE, OVERTIME, PERSONNEL, TRAINING
from app.services import support_notices, support_poll_votes
from app.services.context import Actor
from app.services.support_access import scope
from app.services.support_common import local_today, unit_choices
from app.services.support_leave import ACTIVE, STATUS_NAMES
from app.services.support_overtime import balance_of
from app.services.support_registers import EDUCATION, POLITICAL


@dataclass(frozen=True)
class FileCard:
    """The officer's own personnel file as the self-service page shows it (ID number masked)."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Overview:
    name: str
    unit: str
    file: FileCard | None  # None: no file yet, or no permission
    leave_pending: int | None
    leave_next: str  # the next approved leave, in words
    balance_hours: Decimal | None
    training_hours_year: Decimal | None
    unread_notices: int | None
    open_polls: int | None


def my_file(session: Session, actor: Actor) -> FileCard | None:
    if scope(session, actor, PERSONNEL).level is None:
        raise PermissionDenied(action="人事档案：查看本人")
    p = session.execute(
        select(SupportPersonnel).where(SupportPersonnel.user_id == actor.user_id)
    ).scalar_one_or_none()
    if p is None:
        return None

    def day(d: date | None) -> str:
        return d.isoformat() if d else "—"

    lines = (
        ("姓名", actor.display_name),
        ("性别", p.gender or "—"),
        ("出生日期", day(p.birth_date)),
        ("身份证号", mask_id_number(p.id_number) if p.id_number else "—"),
        ("民族", p.ethnicity or "—"),
        ("政治面貌", POLITICAL.get(p.political_status, p.political_status) or "—"),
        ("学历", EDUCATION.get(p.education, p.education) or "—"),
        ("警衔", p.police_rank or "—"),
        ("职务", p.position or "—"),
        ("参加公安工作", day(p.joined_on)),
        ("手机号", mask_phone(p.phone) if p.phone else "—"),
    )
    return FileCard(lines)


def overview(session: Session, actor: Actor, *, now: datetime | None = None) -> Overview:
    """Each part present only where the matrix lets the actor see their own records (None otherwise)."""
    today = local_today(now)
    uid = actor.user_id
    units = dict(unit_choices(session))
    unit_id = scope(session, actor, LEAVE).unit_id

    def may(function: str) -> bool:
        return scope(session, actor, function).level is not None

    file = my_file(session, actor) if may(PERSONNEL) else None
    pending = next_text = None
    if may(LEAVE):
        pending = session.execute(
            select(func.count()).where(SupportLeave.user_id == uid, SupportLeave.status.in_(ACTIVE[:2]))
        ).scalar_one()
        nxt = session.execute(
            select(SupportLeave)
            .where(
                SupportLeave.user_id == uid, SupportLeave.status == "approved", SupportLeave.end_date >= today
            )
            .order_by(SupportLeave.start_date)
            .limit(1)
        ).scalar_one_or_none()
        next_text = (
            f"{nxt.start_date:%m月%d日}至{nxt.end_date:%m月%d日}（{STATUS_NAMES[nxt.status]}）"
            if nxt
            else "无"
        )
    hours = balance_of(session, uid).available if may(OVERTIME) and uid is not None else None
    training = None
    if may(TRAINING):
        training = Decimal(
            session.execute(
                select(func.coalesce(func.sum(SupportTraining.hours), 0)).where(
                    SupportTraining.user_id == uid, SupportTraining.start_date >= date(today.year, 1, 1)
                )
            ).scalar_one()
        )
    unread = polls = None
    if may(NOTICE):
        unread = support_notices.unread_count(session, actor)
        polls = sum(
            1
            for p in support_poll_votes.my_polls(session, actor, now=now)
            if p.status == "open" and not p.voted
        )
    return Overview(
        actor.display_name,
        units.get(unit_id, "") if unit_id else "",
        file,
        pending,
        next_text or "",
        hours,
        training,
        unread,
        polls,
    )
