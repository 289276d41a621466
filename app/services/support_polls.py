"""Opinion polls (意见征集): drafted, opened by someone holding 发布 (the notice function's 审批), voted once per
officer, closed by hand or by the sweep on the closing day.

Anonymity (see app/models/support_notices.py): an anonymous vote writes one row saying *that* the officer
voted and adds to the counts of the poll's options, rewriting every option's row so the stored rows carry no
trace of the choice; the audit record says "voted" without the option. Named polls store who chose what and
tell the voter so before they vote.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.support_notices import (
    DRAFT,
    POLL_CLOSED,
    POLL_OPEN,
    SupportPoll,
    SupportPollOption,
    SupportPollTally,
)
from app.models.support_permissions import NOTICE
from app.services import audit, sweeps
from app.services.context import Actor
from app.services.entity_spec import BOOL, CHOICE, DATE, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_approval import load
from app.services.support_common import (
    choices,
    eq,
    local_today,
    permissions_for,
    unit_choices,
    user_choices,
)
from app.services.support_notices import _manageable, authoring, scoped

STATUS_NAMES = {DRAFT: "草稿", POLL_OPEN: "征集中", POLL_CLOSED: "已结束"}
MAX_OPTIONS = 20


def parse_options(text: str | None) -> list[str]:
    """One option per line; blanks dropped; duplicates, too few or too many refused."""
    options = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(options) < 2:
        raise ValidationError({"options_text": "请至少填写两个选项，每行一个"})
    if len(options) > MAX_OPTIONS:
        raise ValidationError({"options_text": f"选项最多 {MAX_OPTIONS} 个"})
    if len(set(options)) != len(options):
        raise ValidationError({"options_text": "选项不能重复"})
    long = next((o for o in options if len(o) > 200), None)
    if long is not None:
        raise ValidationError({"options_text": f"选项“{long[:10]}…”超过 200 个字"})
    return options


_author = authoring("意见征集")


def _before(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    _author(session, actor, action, values, stored)
    if action != "delete":
        parse_options(values.get("options_text"))
        closes = values.get("closes_on")
        if closes is not None and closes < local_today():
            raise ValidationError({"closes_on": "截止日期不能早于今天"})


POLL_SPEC = register(
    EntitySpec(
        key="support_poll",
        title="意见征集",
        model=SupportPoll,
        fields=(
            Field("title", "主题", required=True, max_length=100, width=240),
            Field("description", "说明", MULTILINE, in_list=False),
            Field("options_text", "选项（每行一个）", MULTILINE, required=True, in_list=False),
            Field("anonymous", "匿名投票", BOOL, default=True, width=70),
            Field("audience_unit_id", "仅面向单位（不选为全局）", CHOICE, choices=unit_choices, width=150),
            Field("closes_on", "截止日期", DATE, width=100),
            Field("status", "状态", CHOICE, choices=choices(STATUS_NAMES), in_form=False, width=70),
            Field("user_id", "发起人", CHOICE, choices=user_choices, in_form=False, width=80),
        ),
        permissions=permissions_for(NOTICE, delete=True),
        label_field="title",
        default_sort=("id", True),
        search=lambda stmt, t: stmt.where(SupportPoll.title.contains(t.strip())),
        search_hint="主题",
        filters=(Filter("status", "状态", "choice", eq(SupportPoll.status), choices(STATUS_NAMES)),),
        base_query=scoped(SupportPoll),
        before_write=_before,
    )
)


def open_poll(
    session: Session, actor: Actor, ident: int, version: int, *, now: datetime | None = None
) -> frozenset[str]:
    """发布: the options become fixed rows (and zero counts for an anonymous poll)."""
    poll = load(session, SupportPoll, ident, version, "意见征集")
    _manageable(session, actor, poll)
    if poll.status != DRAFT:
        raise DomainError("invalid_state", state=STATUS_NAMES.get(poll.status, poll.status), action="发布")
    options = parse_options(poll.options_text)
    for i, text in enumerate(options, 1):
        option = SupportPollOption(poll_id=poll.id, position=i, text=text)
        session.add(option)
        session.flush()
        if poll.anonymous:
            session.execute(insert(SupportPollTally).values(poll_id=poll.id, option_id=option.id, votes=0))
    poll.status, poll.opened_at, poll.publisher_id = POLL_OPEN, now or utcnow(), actor.user_id
    poll.updated_by = actor.username
    session.flush()
    mark_changed(session, "support_poll_tally")
    audit.record(
        session,
        actor,
        "publish",
        entity="support_poll",
        entity_id=ident,
        new={"options": options},
        detail=poll.title,
    )
    return frozenset({"support_poll", "support_poll_option"})


def close_poll(session: Session, actor: Actor, ident: int, version: int) -> frozenset[str]:
    poll = load(session, SupportPoll, ident, version, "意见征集")
    _manageable(session, actor, poll)
    if poll.status != POLL_OPEN:
        raise DomainError("invalid_state", state=STATUS_NAMES.get(poll.status, poll.status), action="结束")
    poll.status = POLL_CLOSED
    poll.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "close",
        entity="support_poll",
        entity_id=ident,
        new={"status": POLL_CLOSED},
        detail=poll.title,
    )
    return frozenset({"support_poll"})


def close_due(session: Session, now: datetime) -> dict[str, int]:
    """Sweep: close open polls whose closing day has passed (idempotent)."""
    today = local_today(now)
    due = (
        session.execute(
            select(SupportPoll).where(SupportPoll.status == POLL_OPEN, SupportPoll.closes_on < today)
        )
        .scalars()
        .all()
    )
    for poll in due:
        poll.status = POLL_CLOSED
        poll.updated_by = "system"
    if due:
        session.flush()
        audit.record(
            session,
            None,
            "close",
            entity="support_poll",
            new={"closed": [p.id for p in due]},
            detail="到期自动结束意见征集",
        )
    return {"closed": len(due)}


sweeps.register("support_polls", close_due, title="到期结束意见征集")
