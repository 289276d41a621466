"""The life of a version: draft -> review -> approved -> published -> withdrawn.

* submit: the publicity officer hands a draft in for review (the approvers find it in their inbox);
* approve / send back: a supervisor decides; nobody approves a draft they wrote or changed (the database
  refuses an approver who is the author as well);
* published: a version becomes published by its first release (see :mod:`publicity_releases`); only an
  approved version can be released, and the version it replaces is withdrawn in the same transaction;
* withdraw: a published measure is taken out of force, or a working version is abandoned.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.accounts import RolePermission, User, user_role
from app.models.base import utcnow
from app.models.messaging import KIND_NOTICE, KIND_TASK
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_permissions import (
    APPROVED,
    DRAFT,
    PUBLICITY_APPROVE,
    PUBLICITY_EDIT,
    PUBLICITY_PUBLISH,
    PUBLISHED,
    RELEASABLE_STATUSES,
    REVIEW,
    STATUS_NAMES,
    WITHDRAWN,
)
from app.services import audit, inbox, sweeps
from app.services.context import Actor
from app.services.permissions import require
from app.services.publicity_common import (
    VersionInfo,
    check_version,
    flush,
    load_item,
    load_version,
    sync_item,
    version_info,
)

ACTION_NAMES = {
    "submit": "提交审核",
    "approve": "审核批准",
    "send_back": "退回修改",
    "withdraw": "撤回",
    "publish": "发布",
}


def _refuse_state(v: PublicityVersion, action: str) -> DomainError:
    return DomainError(
        "invalid_state", state=STATUS_NAMES.get(v.status, v.status), action=ACTION_NAMES[action]
    )


def _set_status(
    session: Session, actor: Actor, v: PublicityVersion, status: str, action: str, **extra: object
) -> None:
    old = v.status
    v.status = status
    v.updated_by = actor.username
    item = load_item(session, v.item_id)
    sync_item(session, item)
    audit.record(
        session, actor, action, entity="publicity_version", entity_id=v.id,
        old={"status": old}, new={"status": status, **extra}, detail=f"{item.number} 第{v.no}版 {v.title}",
    )  # fmt: skip


def users_with(session: Session, permission: str) -> list[int]:
    rows = session.execute(
        select(User.id)
        .join(user_role, user_role.c.user_id == User.id)
        .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
        .where(RolePermission.permission == permission, User.active.is_(True))
        .distinct()
    ).scalars()
    return sorted(int(r) for r in rows)


def submit(
    session: Session, actor: Actor, version_id: int, expected_version: int, *, now: datetime | None = None
) -> VersionInfo:
    require(session, actor, PUBLICITY_EDIT)
    v = load_version(session, version_id)
    check_version(v, expected_version)
    if v.status != DRAFT:
        raise _refuse_state(v, "submit")
    v.submitted_at = now or utcnow()
    _set_status(session, actor, v, REVIEW, "submit")
    approvers = [u for u in users_with(session, PUBLICITY_APPROVE) if u not in (v.editor_ids or [])]
    inbox.send(
        session,
        recipients=approvers,
        kind=KIND_TASK,
        title=f"待审核：{v.title}（第{v.no}版）",
        body=f"{actor.display_name}提交了宣传稿件“{v.title}”第{v.no}版，请在宣传平台审核。",
        link=("publicity_version", v.id),
        sender=actor,
        now=now,
    )
    return version_info(session, v)


def _decide(
    session: Session, actor: Actor, version_id: int, expected_version: int, action: str
) -> PublicityVersion:
    require(session, actor, PUBLICITY_APPROVE)
    v = load_version(session, version_id)
    check_version(v, expected_version)
    if v.status != REVIEW:
        raise _refuse_state(v, action)
    if actor.user_id is None or actor.user_id == v.author_id or actor.user_id in (v.editor_ids or []):
        audit.record_denied(
            session, actor, "approve_own", detail=f"publicity_version {v.id}", entity="publicity_version"
        )
        raise DomainError("publicity_own_draft", title=v.title, no=v.no)
    return v


def approve(
    session: Session, actor: Actor, version_id: int, expected_version: int, opinion: str = "",
    *, now: datetime | None = None,
) -> VersionInfo:  # fmt: skip
    v = _decide(session, actor, version_id, expected_version, "approve")
    v.approved_by_id, v.approved_by_name = actor.user_id, actor.display_name
    v.approved_at = now or utcnow()
    v.review_opinion = opinion.strip()
    _set_status(session, actor, v, APPROVED, "approve", opinion=v.review_opinion)
    _tell_author(session, actor, v, f"已批准：{v.title}（第{v.no}版）", "可以发布到各宣传渠道。", now)
    return version_info(session, v)


def send_back(
    session: Session, actor: Actor, version_id: int, expected_version: int, opinion: str,
    *, now: datetime | None = None,
) -> VersionInfo:  # fmt: skip
    if not opinion.strip():
        raise ValidationError({"opinion": "退回修改时请写明意见"})
    v = _decide(session, actor, version_id, expected_version, "send_back")
    v.review_opinion = opinion.strip()
    _set_status(session, actor, v, DRAFT, "send_back", opinion=v.review_opinion)
    _tell_author(
        session, actor, v, f"退回修改：{v.title}（第{v.no}版）", f"审核意见：{v.review_opinion}", now
    )
    return version_info(session, v)


def _tell_author(
    session: Session, actor: Actor, v: PublicityVersion, title: str, body: str, now: datetime | None
) -> None:
    if v.author_id is not None:
        inbox.send(
            session, recipients=[v.author_id], kind=KIND_NOTICE, title=title, body=body,
            link=("publicity_version", v.id), sender=actor, now=now,
        )  # fmt: skip


def withdraw(
    session: Session, actor: Actor, version_id: int, expected_version: int, reason: str,
    *, now: datetime | None = None,
) -> VersionInfo:  # fmt: skip
    """Take a published version out of force (or abandon a working one), with the reason."""
    v = load_version(session, version_id)
    require(session, actor, PUBLICITY_PUBLISH if v.status in RELEASABLE_STATUSES else PUBLICITY_EDIT)
    check_version(v, expected_version)
    if v.status == WITHDRAWN:
        raise _refuse_state(v, "withdraw")
    if not reason.strip():
        raise ValidationError({"reason": "请写明撤回原因"})
    v.withdrawn_at, v.withdrawn_reason = now or utcnow(), reason.strip()[:200]
    _set_status(session, actor, v, WITHDRAWN, "withdraw", reason=v.withdrawn_reason)
    return version_info(session, v)


def check_releasable(v: PublicityVersion) -> None:
    """Only an approved (or already published) version may go out on a channel."""
    if v.status not in RELEASABLE_STATUSES:
        raise DomainError(
            "publicity_not_approved", title=v.title, no=v.no, state=STATUS_NAMES.get(v.status, v.status)
        )


def mark_published(
    session: Session, actor: Actor, v: PublicityVersion, *, now: datetime | None = None
) -> None:
    """An approved version's first release: it becomes the item's published version, replacing the old one."""
    check_releasable(v)
    if v.status == PUBLISHED:
        return
    when = now or utcnow()
    previous = session.execute(
        select(PublicityVersion).where(
            PublicityVersion.item_id == v.item_id, PublicityVersion.status == PUBLISHED
        )
    ).scalar_one_or_none()
    if previous is not None:
        previous.withdrawn_at, previous.withdrawn_reason = when, f"由第{v.no}版替代"
        _set_status(session, actor, previous, WITHDRAWN, "withdraw", reason=previous.withdrawn_reason)
        flush(session)  # one published version per item: the old one goes first
    v.published_at = when
    _set_status(session, actor, v, PUBLISHED, "publish")


def item_of(session: Session, v: PublicityVersion) -> PublicityItem:
    return load_item(session, v.item_id)


def expire(session: Session, now: datetime) -> dict[str, int]:
    """Sweep: a published version whose end date has passed is withdrawn (有效期届满); idempotent."""
    from app.models.working_calendar import local_date
    from app.services.context import SYSTEM

    day = local_date(now)
    due = (
        session.execute(
            select(PublicityVersion)
            .where(PublicityVersion.status == PUBLISHED, PublicityVersion.effective_to < day)
            .order_by(PublicityVersion.id)
        )
        .scalars()
        .all()
    )
    for v in due:
        v.withdrawn_at, v.withdrawn_reason = now, "有效期届满"
        _set_status(session, SYSTEM, v, WITHDRAWN, "withdraw", reason=v.withdrawn_reason)
    return {"expired": len(due)}


sweeps.register("publicity_expired", expire, title="撤回有效期已满的便民措施")
