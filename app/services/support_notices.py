"""Notices and announcements (通知公告) with read receipts: drafted, published by someone holding the
function's 审批 (发布) permission, read by the officers they address (everyone, or one unit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, false, insert, or_, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.models.accounts import User
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.support_notices import DRAFT, PUBLISHED, WITHDRAWN, SupportNotice, SupportNoticeRead
from app.models.support_permissions import APPROVE, NOTICE
from app.services import audit
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATETIME, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_access import ALL, OWN, UNIT, Scope, require_scope, unit_of
from app.services.support_access import require as require_action
from app.services.support_approval import load
from app.services.support_common import choices, eq, permissions_for, unit_choices, user_choices

KINDS = {"notice": "通知", "announcement": "公告", "reminder": "提醒"}
STATUS_NAMES = {DRAFT: "草稿", PUBLISHED: "已发布", WITHDRAWN: "已撤回"}


def audience_of(model: Any, unit_id: int | None) -> Any:
    """Rows addressed to an officer of ``unit_id``: to everyone, or to that unit."""
    everyone = model.audience_unit_id.is_(None)
    return or_(everyone, model.audience_unit_id == unit_id) if unit_id is not None else everyone


def visible(model: Any, found: Scope) -> Any:
    """What the scope reaches of notices or polls (the managers' lists)."""
    if found.level == ALL:
        return None
    addressed = and_(model.status != DRAFT, audience_of(model, found.unit_id))
    mine = model.user_id == found.user_id
    if found.level == UNIT and found.unit_id is not None:
        return or_(addressed, mine, model.unit_id == found.unit_id, model.audience_unit_id == found.unit_id)
    if found.level in (UNIT, OWN):
        return or_(addressed, mine)
    return false()


def scoped(model: Any) -> Any:
    def base(session: Session, actor: Any) -> Select[Any]:
        cond = visible(model, require_scope(session, actor, NOTICE))
        stmt = select(model)
        return stmt if cond is None else stmt.where(cond)

    return base


def authoring(entity: str) -> Any:
    """``before_write`` of notices and polls: the author and their unit; a unit-wide scope may address only its
    unit; only drafts change."""

    def before(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
        found = require_scope(session, actor, NOTICE)
        if stored is not None and stored.get("status") != DRAFT:
            raise DomainError(
                "support_locked", entity=entity, state=STATUS_NAMES.get(stored.get("status"), "已发布")
            )
        if action == "delete":
            return
        if stored is None:
            values["user_id"], values["unit_id"] = actor.user_id, unit_of(session, actor.user_id)
            values["status"] = DRAFT
        else:
            values["status"] = stored.get("status")
        if found.level != ALL and values.get("audience_unit_id") != found.unit_id:
            values["audience_unit_id"] = found.unit_id  # 本单位 scope: only one's own unit is addressed
            if found.unit_id is None:
                raise DomainError("support_invalid", detail="您没有所属单位，不能面向单位发布。")

    return before


NOTICE_SPEC = register(
    EntitySpec(
        key="support_notice",
        title="通知公告",
        model=SupportNotice,
        fields=(
            Field("title", "标题", required=True, max_length=100, width=240),
            Field("kind", "类别", CHOICE, required=True, choices=choices(KINDS), default="notice", width=60),
            Field("audience_unit_id", "仅发给单位（不选为全局）", CHOICE, choices=unit_choices, width=150),
            Field("body", "正文", MULTILINE, required=True, in_list=False),
            Field("status", "状态", CHOICE, choices=choices(STATUS_NAMES), in_form=False, width=70),
            Field("user_id", "起草人", CHOICE, choices=user_choices, in_form=False, width=80),
            Field("published_at", "发布时间", DATETIME, in_form=False, sortable=True, width=130),
        ),
        permissions=permissions_for(NOTICE, delete=True),
        label_field="title",
        default_sort=("id", True),
        search=lambda stmt, t: stmt.where(SupportNotice.title.contains(t.strip())),
        search_hint="标题",
        filters=(Filter("status", "状态", "choice", eq(SupportNotice.status), choices(STATUS_NAMES)),),
        base_query=scoped(SupportNotice),
        before_write=authoring("通知"),
    )
)


def _manageable(session: Session, actor: Actor, obj: Any) -> None:
    """Publishing needs 审批 and a scope that reaches the audience (a unit leader: their unit only)."""
    require_action(session, actor, NOTICE, APPROVE)
    found = require_scope(session, actor, NOTICE)
    if found.level != ALL and (obj.audience_unit_id is None or obj.audience_unit_id != found.unit_id):
        raise DomainError("support_invalid", detail="面向全局的通知和征集须由具有全局权限的人员发布。")


def publish(
    session: Session, actor: Actor, ident: int, version: int, *, now: datetime | None = None
) -> frozenset[str]:
    obj = load(session, SupportNotice, ident, version, "通知")
    _manageable(session, actor, obj)
    if obj.status != DRAFT:
        raise DomainError("invalid_state", state=STATUS_NAMES.get(obj.status, obj.status), action="发布")
    obj.status, obj.published_at, obj.publisher_id = PUBLISHED, now or utcnow(), actor.user_id
    obj.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "publish",
        entity="support_notice",
        entity_id=ident,
        new={"status": PUBLISHED},
        detail=obj.title,
    )
    return frozenset({"support_notice"})


def withdraw(session: Session, actor: Actor, ident: int, version: int) -> frozenset[str]:
    obj = load(session, SupportNotice, ident, version, "通知")
    _manageable(session, actor, obj)
    if obj.status != PUBLISHED:
        raise DomainError("invalid_state", state=STATUS_NAMES.get(obj.status, obj.status), action="撤回")
    obj.status = WITHDRAWN
    obj.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "withdraw",
        entity="support_notice",
        entity_id=ident,
        new={"status": WITHDRAWN},
        detail=obj.title,
    )
    return frozenset({"support_notice"})


@dataclass(frozen=True)
class NoticeItem:
    id: int
    title: str
    kind: str
    body: str
    author: str
    published_at: datetime | None
    read_at: datetime | None


def my_notices(
    session: Session, actor: Actor, *, unread_only: bool = False, limit: int = 200
) -> list[NoticeItem]:
    """Published notices addressed to the actor, newest first, with when they read each."""
    found = require_scope(session, actor, NOTICE)
    n, r = SupportNotice, SupportNoticeRead
    stmt = (
        select(n, r.read_at)
        .outerjoin(r, and_(r.notice_id == n.id, r.user_id == actor.user_id))
        .where(n.status == PUBLISHED, audience_of(n, found.unit_id))
        .order_by(n.published_at.desc(), n.id.desc())
        .limit(limit)
    )
    if unread_only:
        stmt = stmt.where(r.read_at.is_(None))
    names = dict(user_choices(session))
    return [
        NoticeItem(
            obj.id,
            obj.title,
            KINDS.get(obj.kind, obj.kind),
            obj.body,
            names.get(obj.user_id, ""),
            obj.published_at,
            read_at,
        )
        for obj, read_at in session.execute(stmt)
    ]


def mark_read(session: Session, actor: Actor, notice_id: int, *, now: datetime | None = None) -> bool:
    """The read receipt (written once; False when it was already there)."""
    found = require_scope(session, actor, NOTICE)
    obj = session.get(SupportNotice, notice_id)
    if obj is None or obj.status != PUBLISHED:
        raise NotFound(entity="通知", id=notice_id)
    if obj.audience_unit_id is not None and obj.audience_unit_id != found.unit_id:
        raise DomainError("support_not_audience", entity="通知")
    r = SupportNoticeRead
    if session.execute(select(r.user_id).where(r.notice_id == notice_id, r.user_id == actor.user_id)).first():
        return False
    session.execute(insert(r).values(notice_id=notice_id, user_id=actor.user_id, read_at=now or utcnow()))
    mark_changed(session, "support_notice_read")
    return True


@dataclass(frozen=True)
class Receipts:
    title: str
    read: tuple[tuple[str, str, datetime], ...]  # name, unit, when
    unread: tuple[tuple[str, str], ...]


def receipts(session: Session, actor: Actor, notice_id: int) -> Receipts:
    """Who has read a published notice and who not yet (for its author's unit or the whole bureau)."""
    found = require_scope(session, actor, NOTICE)
    obj = session.get(SupportNotice, notice_id)
    cond = visible(SupportNotice, found)
    if obj is None or found.level == OWN or (cond is not None and not _reaches(session, cond, notice_id)):
        raise NotFound(entity="通知", id=notice_id)
    units = dict(unit_choices(session))
    people = select(User.id, User.display_name, User.unit_id).where(User.active.is_(True))
    if obj.audience_unit_id is not None:
        people = people.where(User.unit_id == obj.audience_unit_id)
    reads = {
        r.user_id: r.read_at
        for r in session.execute(
            select(SupportNoticeRead).where(SupportNoticeRead.notice_id == notice_id)
        ).scalars()
    }
    read, unread = [], []
    for p in session.execute(people.order_by(User.unit_id, User.display_name)):
        if p.id in reads:
            read.append((p.display_name, units.get(p.unit_id, ""), reads[p.id]))
        else:
            unread.append((p.display_name, units.get(p.unit_id, "")))
    return Receipts(obj.title, tuple(read), tuple(unread))


def _reaches(session: Session, cond: Any, notice_id: int) -> bool:
    return (
        session.execute(select(SupportNotice.id).where(cond, SupportNotice.id == notice_id)).first()
        is not None
    )


def unread_count(session: Session, actor: Actor) -> int:
    return len(my_notices(session, actor, unread_only=True))
