"""通知公告与意见征集: read receipts; one vote per officer; and the anonymity of a poll checked against
everything stored: no table, audit record or change-log row links a voter to a choice."""

from __future__ import annotations

import pytest
from conftest import backend
from sqlalchemy import inspect, select, text
from support_staff import NOW, Staff, make_staff

from app.core.errors import DomainError
from app.models.audit import AuditRecord
from app.models.change_log import ChangeLog
from app.models.db import Database
from app.models.support_notices import SupportNotice, SupportPoll, SupportPollOption
from app.services import entity_service, support_notices, support_poll_votes, support_polls


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def make_poll(
    db: Database, author, *, anonymous: bool = True, audience: int | None = None
) -> tuple[int, list[int]]:
    values = {
        "title": "食堂伙食改进意见征集",
        "options_text": "满意\n基本满意\n不满意",
        "anonymous": anonymous,
        "audience_unit_id": audience,
    }
    with db.session() as s:
        ident = entity_service.create(s, author, support_polls.POLL_SPEC, values).row.id
    with db.session() as s:
        support_polls.open_poll(s, author, ident, s.get(SupportPoll, ident).version, now=NOW)
        options = list(
            s.execute(
                select(SupportPollOption.id)
                .where(SupportPollOption.poll_id == ident)
                .order_by(SupportPollOption.position)
            ).scalars()
        )
    return ident, options


def vote(db: Database, actor, poll: int, option: int) -> None:
    with db.session() as s:
        support_poll_votes.vote(s, actor, poll, option, now=NOW)


def every_row(db: Database) -> dict[str, list[dict]]:
    """Every row of every table, as the database holds it."""
    out: dict[str, list[dict]] = {}
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            out[table] = [dict(r._mapping) for r in conn.execute(text(f'SELECT * FROM "{table}"'))]
    return out


def test_an_anonymous_poll_stores_nothing_that_links_a_voter_to_a_choice(db, staff) -> None:
    poll, (satisfied, fair, unsatisfied) = make_poll(db, staff.keeper)
    vote(db, staff.wang, poll, unsatisfied)
    vote(db, staff.li, poll, satisfied)
    vote(db, staff.zhao, poll, satisfied)
    voters = {staff.wang.user_id, staff.li.user_id, staff.zhao.user_id}

    rows = every_row(db)
    assert {tuple(sorted(r)) for r in rows["support_poll_voter"]} == {("poll_id", "user_id")}
    assert {r["user_id"] for r in rows["support_poll_voter"]} == voters
    assert {tuple(sorted(r)) for r in rows["support_poll_tally"]} == {("option_id", "poll_id", "votes")}
    assert {r["option_id"]: r["votes"] for r in rows["support_poll_tally"]} == {
        satisfied: 2,
        fair: 0,
        unsatisfied: 1,
    }
    assert rows["support_poll_ballot"] == []
    # No row anywhere that names a voter also names an option (audit trail and change feed included).
    names = {staff.wang.username, staff.li.username, staff.zhao.username}
    option_texts = ("满意", "基本满意", "不满意")
    for table, table_rows in rows.items():
        for row in table_rows:
            if row.get("user_id") not in voters and row.get("username") not in names:
                continue
            assert "option_id" not in row, (table, row)
            blob = " ".join(str(v) for v in row.values())
            assert not any(t in blob for t in option_texts), (table, row)
    with db.session() as s:
        votes = s.execute(select(AuditRecord).where(AuditRecord.action == "vote")).scalars().all()
        assert len(votes) == 3 and all("option" not in r.new_values for r in votes)
        assert all(
            "support_poll_tally" not in (c.entity_ids or "") for c in s.execute(select(ChangeLog)).scalars()
        )
    if backend() == "postgresql":
        # Every vote rewrites every option's row: all were last written by the same (the last) transaction.
        with db.engine.connect() as conn:
            xmins = set(
                conn.execute(
                    text("SELECT xmin::text FROM support_poll_tally WHERE poll_id = :p"), {"p": poll}
                ).scalars()
            )
        assert len(xmins) == 1
    with db.session() as s:  # the organiser (and anyone) sees counts only
        result = support_poll_votes.results(s, staff.keeper, poll)
    assert result.counts == (("满意", 2), ("基本满意", 0), ("不满意", 1)) and result.ballots == ()


def test_one_vote_per_officer_and_only_for_the_audience(db, staff) -> None:
    poll, options = make_poll(db, staff.leader, audience=staff.chengguan)  # a unit leader: their unit only
    vote(db, staff.wang, poll, options[0])
    with pytest.raises(DomainError) as err:
        vote(db, staff.wang, poll, options[1])
    assert err.value.code == "support_poll_voted"
    with pytest.raises(DomainError) as err:
        vote(db, staff.zhao, poll, options[1])
    assert err.value.code == "support_not_audience"
    with db.session() as s:
        assert support_poll_votes.results(s, staff.leader, poll).voters == 1


def test_a_named_poll_says_who_chose_what_to_its_organisers_only(db, staff) -> None:
    poll, options = make_poll(db, staff.keeper, anonymous=False)
    vote(db, staff.wang, poll, options[2])
    with db.session() as s:
        assert support_poll_votes.results(s, staff.keeper, poll).ballots == (("王警官", "不满意", ""),)
        assert support_poll_votes.results(s, staff.wang, poll).ballots == ()


def test_notices_are_read_by_their_audience_and_receipts_show_who_has_not(db, staff) -> None:
    with db.session() as s:
        ident = entity_service.create(
            s,
            staff.leader,
            support_notices.NOTICE_SPEC,
            {"title": "关于冬季防火的通知", "kind": "notice", "body": "各位民警：……"},
        ).row.id
    with db.session() as s:  # drafts are not shown to the officers
        assert support_notices.my_notices(s, staff.wang) == []
        support_notices.publish(s, staff.leader, ident, s.get(SupportNotice, ident).version, now=NOW)
    with db.session() as s:
        assert [n.title for n in support_notices.my_notices(s, staff.wang)] == ["关于冬季防火的通知"]
        assert support_notices.my_notices(s, staff.zhao) == []  # 佐龙: not addressed
        assert support_notices.mark_read(s, staff.wang, ident, now=NOW)
        assert not support_notices.mark_read(s, staff.wang, ident, now=NOW)
    with db.session() as s:
        receipts = support_notices.receipts(s, staff.leader, ident)
    assert [r[0] for r in receipts.read] == ["王警官"]
    assert {r[0] for r in receipts.unread} == {"陈所长", "李警官"}
    with pytest.raises(DomainError), db.session() as s:
        support_notices.receipts(s, staff.wang, ident)  # an officer sees their notices, not who read them
