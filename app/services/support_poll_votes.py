"""Voting in opinion polls (意见征集), the polls an officer is asked, and the results.

One vote per officer (a primary key on ``support_poll_voter``). An anonymous vote writes no ballot: only that
the officer voted, and +1/+0 to every option's count of the poll, so the stored rows carry no trace of the
choice (see app/models/support_notices.py); its audit record says "voted" without the option. A named poll
stores who chose what, and its organisers (not the other voters) see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, case, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
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
from app.services import audit
from app.services.context import Actor
from app.services.support_access import ALL, OWN, require_scope
from app.services.support_common import local_today, name_of
from app.services.support_notices import audience_of
from app.services.support_polls import STATUS_NAMES


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
