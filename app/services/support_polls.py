"""Opinion polls (意见征集): drafted, opened by someone holding 发布 (the notice function's 审批), voted once per
officer, closed by hand or by the sweep on the closing day.

Anonymity (see app/models/support_notices.py): an anonymous vote writes one row saying *that* the officer
voted and adds to the counts of the poll's options, rewriting every option's row so the stored rows carry no
trace of the choice; the audit record says "voted" without the option. Named polls store who chose what and
tell the voter so before they vote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, case, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound, ValidationError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.support_notices import (
    DRAFT,
    POLL_CLOSED,
    POLL_OPEN,
    SupportPoll,
    SupportPollBallot,
    SupportPollOption,
    SupportPollTally,
    SupportPollVoter,
)
from app.models.support_permissions import NOTICE
from app.services import audit, sweeps
from app.services.context import Actor
from app.services.entity_spec import BOOL, CHOICE, DATE, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_access import ALL, OWN, require_scope
from app.services.support_approval import load
from app.services.support_common import (
    choices,
    eq,
    local_today,
    name_of,
    permissions_for,
    unit_choices,
    user_choices,
)
from app.services.support_notices import _manageable, audience_of, authoring, scoped

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


def _open_for(session: Session, actor: Actor, poll_id: int, today: date) -> SupportPoll:
    found = require_scope(session, actor, NOTICE)
    poll = session.get(SupportPoll, poll_id)
    if poll is None or poll.status == DRAFT:
        raise NotFound(entity="意见征集", id=poll_id)
    if poll.audience_unit_id is not None and poll.audience_unit_id != found.unit_id:
        raise DomainError("support_not_audience", entity="意见征集")
    if poll.status != POLL_OPEN or (poll.closes_on is not None and poll.closes_on < today):
        raise DomainError("support_poll_closed", title=poll.title, state="已结束")
    return poll


def vote(
    session: Session,
    actor: Actor,
    poll_id: int,
    option_id: int,
    *,
    comment: str = "",
    now: datetime | None = None,
) -> frozenset[str]:
    """One vote per officer. Anonymous: no ballot row, only "has voted" and the counts (see the module doc)."""
    poll = _open_for(session, actor, poll_id, local_today(now))
    option = session.get(SupportPollOption, option_id)
    if option is None or option.poll_id != poll.id:
        raise DomainError("support_poll_option")
    voter = cast(Table, SupportPollVoter.__table__)
    if session.execute(
        select(voter.c.user_id).where(voter.c.poll_id == poll.id, voter.c.user_id == actor.user_id)
    ).first():
        raise DomainError("support_poll_voted")
    try:
        with session.begin_nested():
            session.execute(insert(voter).values(poll_id=poll.id, user_id=actor.user_id))
    except IntegrityError:  # a second workstation of the same officer got there first
        raise DomainError("support_poll_voted") from None
    tally = cast(Table, SupportPollTally.__table__)
    if poll.anonymous:
        # Every option's row is rewritten (+1 or +0): the rows hold counts only, all last written together.
        session.execute(
            update(tally)
            .where(tally.c.poll_id == poll.id)
            .values(votes=tally.c.votes + case((tally.c.option_id == option.id, 1), else_=0))
        )
        audit.record(
            session,
            actor,
            "vote",
            entity="support_poll",
            entity_id=poll.id,
            new={"anonymous": True},
            detail=poll.title,
        )
        mark_changed(session, "support_poll_voter", "support_poll_tally")
    else:
        session.execute(
            insert(cast(Table, SupportPollBallot.__table__)).values(
                poll_id=poll.id,
                user_id=actor.user_id,
                option_id=option.id,
                comment=(comment or "").strip()[:500],
            )
        )
        audit.record(
            session,
            actor,
            "vote",
            entity="support_poll",
            entity_id=poll.id,
            new={"option": option.text},
            detail=poll.title,
        )
        mark_changed(session, "support_poll_voter", "support_poll_ballot")
    return frozenset({"support_poll_voter", "support_poll_tally", "support_poll_ballot"})


@dataclass(frozen=True)
class PollItem:
    id: int
    title: str
    description: str
    anonymous: bool
    status: str
    status_name: str
    closes_on: date | None
    voted: bool
    options: tuple[tuple[int, str], ...]


def my_polls(session: Session, actor: Actor, *, now: datetime | None = None) -> list[PollItem]:
    """Open and closed polls addressed to the actor, and whether they have voted."""
    found = require_scope(session, actor, NOTICE)
    polls = (
        session.execute(
            select(SupportPoll)
            .where(SupportPoll.status != DRAFT, audience_of(SupportPoll, found.unit_id))
            .order_by(SupportPoll.id.desc())
            .limit(200)
        )
        .scalars()
        .all()
    )
    ids = [p.id for p in polls]
    voter = cast(Table, SupportPollVoter.__table__)
    voted = set(
        session.execute(
            select(voter.c.poll_id).where(voter.c.user_id == actor.user_id, voter.c.poll_id.in_(ids))
        ).scalars()
    )
    options: dict[int, list[tuple[int, str]]] = {}
    for o in session.execute(
        select(SupportPollOption)
        .where(SupportPollOption.poll_id.in_(ids))
        .order_by(SupportPollOption.position)
    ).scalars():
        options.setdefault(o.poll_id, []).append((o.id, o.text))
    today = local_today(now)
    out = []
    for p in polls:
        status = (
            POLL_CLOSED
            if p.status == POLL_OPEN and p.closes_on is not None and p.closes_on < today
            else p.status
        )
        out.append(
            PollItem(
                p.id,
                p.title,
                p.description,
                p.anonymous,
                status,
                STATUS_NAMES.get(status, status),
                p.closes_on,
                p.id in voted,
                tuple(options.get(p.id, ())),
            )
        )
    return out


@dataclass(frozen=True)
class PollResults:
    id: int
    title: str
    anonymous: bool
    status_name: str
    counts: tuple[tuple[str, int], ...]
    voters: int
    ballots: tuple[tuple[str, str, str], ...]  # named polls only: name, option, comment


def results(session: Session, actor: Actor, poll_id: int) -> PollResults:
    """Counts per option for those who voted (or once it closed) and for managers; a named poll's ballots for
    managers only. An anonymous poll has no ballots to show, to anyone."""
    found = require_scope(session, actor, NOTICE)
    poll = session.get(SupportPoll, poll_id)
    if poll is None or poll.status == DRAFT:
        raise NotFound(entity="意见征集", id=poll_id)
    voter = cast(Table, SupportPollVoter.__table__)
    voters = session.execute(
        select(func.count()).select_from(voter).where(voter.c.poll_id == poll_id)
    ).scalar_one()
    manager = found.level == ALL or (found.level != OWN and poll.audience_unit_id == found.unit_id)
    has_voted = session.execute(
        select(voter.c.user_id).where(voter.c.poll_id == poll_id, voter.c.user_id == actor.user_id)
    ).first()
    if not manager and not has_voted and poll.status != POLL_CLOSED:
        raise DomainError("support_invalid", detail="投票后或征集结束后才能查看结果。")
    options = session.execute(
        select(SupportPollOption.id, SupportPollOption.text)
        .where(SupportPollOption.poll_id == poll_id)
        .order_by(SupportPollOption.position)
    ).all()
    if poll.anonymous:
        t = cast(Table, SupportPollTally.__table__)
        votes = dict(session.execute(select(t.c.option_id, t.c.votes).where(t.c.poll_id == poll_id)).all())
        ballots: tuple[tuple[str, str, str], ...] = ()
    else:
        b = cast(Table, SupportPollBallot.__table__)
        votes = dict(
            session.execute(
                select(b.c.option_id, func.count()).where(b.c.poll_id == poll_id).group_by(b.c.option_id)
            ).all()
        )
        texts = {o.id: o.text for o in options}
        ballots = ()
        if manager:
            ballots = tuple(
                (name_of(session, r.user_id), texts.get(r.option_id, ""), r.comment)
                for r in session.execute(select(b).where(b.c.poll_id == poll_id).order_by(b.c.user_id))
            )
    return PollResults(
        poll.id,
        poll.title,
        poll.anonymous,
        STATUS_NAMES.get(poll.status, poll.status),
        tuple((o.text, int(votes.get(o.id, 0))) for o in options),
        voters,
        ballots,
    )


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
