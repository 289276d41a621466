"""Risk scores: configurable rules, every score explained by its rules' points, and a level that never changes
without a recorded reason (hypothesis over sequences of events, visits, days passing and overrides)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyperson_support import NOW, add_keepers, make_world, person, register
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from app.models.keyperson_permissions import LEVEL_RANK, LEVELS
from app.models.keyperson_risk import KpLevelChange
from app.models.keyperson_warning import KpWarning
from app.services import keyperson_config, keyperson_detail, keyperson_persons, keyperson_visits
from app.services.keyperson_batch import rescore_many
from app.services.keyperson_rules import DEFAULT_RULES, CategoryFact, EventFact, compute, decayed

RELEASED = CategoryFact("released", "刑满释放人员（刑释解教）", 10, False)
MENTAL = CategoryFact("mental", "严重精神障碍患者", 5, True)
TODAY = date(2026, 11, 30)
KINDS = [e.code for e in DEFAULT_RULES.events]


# --- the rules themselves (no database) -----------------------------------------------------------------------


def test_a_score_is_explained_rule_by_rule():
    score = compute(
        DEFAULT_RULES,
        category=MENTAL,
        mental_grade=3,
        events=[EventFact("offence", TODAY - timedelta(days=73)), EventFact("good_conduct", TODAY)],
        missed_visits=[TODAY - timedelta(days=10)],
        lost=True,
        today=TODAY,
    )
    lines = {p.rule: p.points for p in score.parts}
    assert lines == {
        "category": 5,
        "mental_grade": 30,
        "event:offence": 32,  # 40 points, 73 of 365 days gone: 40 x 292/365 = 32
        "event:good_conduct": -10,
        "missed_visit": 5,
        "lost": 20,
    }
    assert score.score == 82 and score.level == "red"
    text = score.explain()
    assert "新的违法犯罪+32" in text and "已过 73 天" in text and "合计 82 分" in text


def test_decay_reaches_nothing_and_the_next_change_is_known():
    assert decayed(40, 365, 0) == 40 and decayed(40, 365, 364) == 0 and decayed(40, 365, 365) == 0
    assert decayed(-10, 180, 90) == -5
    score = compute(
        DEFAULT_RULES,
        category=RELEASED,
        mental_grade=None,
        events=[EventFact("offence", TODAY)],
        missed_visits=[],
        lost=False,
        today=TODAY,
    )
    later = compute(
        DEFAULT_RULES,
        category=RELEASED,
        mental_grade=None,
        events=[EventFact("offence", TODAY)],
        missed_visits=[],
        lost=False,
        today=score.next_change or TODAY,
    )
    assert score.next_change is not None and later.score == score.score - 1


@given(
    st.lists(st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=800)), max_size=12),
    st.integers(min_value=0, max_value=5),
    st.lists(st.integers(min_value=0, max_value=400), max_size=5),
    st.booleans(),
)
def test_every_score_is_the_sum_of_its_explanation_and_maps_to_its_level(events, grade, missed, lost):
    score = compute(
        DEFAULT_RULES,
        category=MENTAL,
        mental_grade=grade,
        events=[EventFact(k, TODAY - timedelta(days=d)) for k, d in events],
        missed_visits=[TODAY - timedelta(days=d) for d in missed],
        lost=lost,
        today=TODAY,
    )
    assert score.score == max(0, sum(p.points for p in score.parts))
    assert score.level == DEFAULT_RULES.level_for(score.score)
    assert all(p.label for p in score.parts)


def test_the_visit_schedule_follows_the_level_and_the_national_grades():
    r = DEFAULT_RULES
    assert [r.visit_interval(lv) for lv in ("blue", "yellow", "orange")] == [30, 14, 7]
    assert [r.visit_interval("none", g) for g in range(6)] == [90, 60, 60, 14, 14, 14]
    assert r.visit_interval("orange", 0) == 7  # the level asks for more than the grade


def test_configured_rules_are_validated_and_stored(db, admin):
    with db.session() as s:
        raw = keyperson_config.dump(DEFAULT_RULES)
        raw["thresholds"] = {"blue": 5, "yellow": 20, "orange": 40, "red": 70}
        raw["events"][0]["points"] = 55
        rules = keyperson_config.save(s, admin, raw, today=TODAY)
    assert rules.thresholds["blue"] == 5 and rules.event_rule("offence").points == 55
    with db.session() as s:
        assert keyperson_config.load(s).thresholds["red"] == 70
    bad = keyperson_config.dump(DEFAULT_RULES)
    bad["thresholds"] = {"blue": 50, "yellow": 20, "orange": 40, "red": 70}
    with pytest.raises(Exception) as caught, db.session() as s:
        keyperson_config.save(s, admin, bad, today=TODAY)
    assert "依次增大" in str(caught.value)
    with db.session() as s:
        assert keyperson_config.load(s).thresholds["blue"] == 5  # unchanged


def test_new_rules_rescore_persons_with_the_reason_recorded(db, make_world_fixture, admin):
    world = make_world_fixture
    pid = register(db, world)
    assert person(db, pid).level == "blue"
    with db.session() as s:
        raw = keyperson_config.dump(DEFAULT_RULES)
        raw["thresholds"] = {"blue": 5, "yellow": 8, "orange": 40, "red": 70}
        rules = keyperson_config.save(s, admin, raw, today=TODAY)
        rescore_many(s, [pid], rules=rules, now=NOW, cause="sweep")
    assert person(db, pid).level == "yellow"
    with db.session() as s:
        last = keyperson_detail.level_history(s, pid)[-1]
    assert last[:2] == ("blue", "yellow") and "定时重新评分" in last[2]


def test_the_database_refuses_a_level_change_without_a_reason(db, make_world_fixture):
    pid = register(db, make_world_fixture)
    row = {"person_id": pid, "old_level": "blue", "new_level": "red", "old_score": 1, "new_score": 99}
    with pytest.raises(IntegrityError), db.session() as s:
        s.execute(insert(KpLevelChange).values(**row, cause="edit", reason="", changed_by="x", at=NOW))


# --- the level never changes without a recorded reason --------------------------------------------------------

OPS = st.one_of(
    st.tuples(st.just("event"), st.sampled_from(KINDS), st.integers(min_value=0, max_value=30)),
    st.tuples(st.just("visit"), st.booleans(), st.integers(min_value=0, max_value=3)),
    st.tuples(st.just("days"), st.integers(min_value=1, max_value=200), st.just(0)),
    st.tuples(st.just("override"), st.sampled_from([None, *LEVELS]), st.just(0)),
    st.tuples(st.just("grade"), st.integers(min_value=0, max_value=5), st.just(0)),
)


@pytest.fixture
def make_world_fixture(db, make_user_fixture):
    return make_world(db, make_user_fixture)


@pytest.fixture
def make_user_fixture():
    from conftest import make_user

    return make_user


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(OPS, min_size=1, max_size=8))
def test_the_level_never_changes_without_a_recorded_reason(db, make_world_fixture, ops):
    world = make_world_fixture
    pid = register(db, world, category="mental", grade=1, name="周某")
    add_keepers(db, world, pid, 2)
    now = NOW
    seen = person(db, pid).level
    for op, arg, extra in ops:
        version = person(db, pid).version
        with db.session() as s:
            before = s.execute(select(func.count()).where(KpLevelChange.person_id == pid)).scalar_one()
            warned_before = s.execute(select(func.count()).where(KpWarning.person_id == pid)).scalar_one()
            if op == "event":
                day = (now - timedelta(days=extra)).date()
                keyperson_visits.record_event(
                    s, world.officer, pid, {"kind": arg, "occurred_on": day, "note": "核查"}, now=now
                )
            elif op == "visit":
                at = now - timedelta(days=extra)
                values = {"kind": "home", "visited_at": at, "contact_made": arg, "findings": "走访"}
                keyperson_visits.record_visit(s, world.officer, pid, values, now=now)
            elif op == "days":
                now = now + timedelta(days=arg)
                rescore_many(s, [pid], rules=keyperson_config.load(s), now=now, cause="sweep")
            elif op == "override":
                keyperson_persons.override_level(s, world.boss, pid, arg, "所务会研究决定", now=now)
            else:
                keyperson_persons.update(s, world.officer, pid, version, {"mental_grade": arg}, now=now)
        current = person(db, pid)
        with db.session() as s:
            changes = (
                s.execute(
                    select(KpLevelChange).where(KpLevelChange.person_id == pid).order_by(KpLevelChange.id)
                )
                .scalars()
                .all()
            )
            warned = s.execute(select(func.count()).where(KpWarning.person_id == pid)).scalar_one()
        new_rows = changes[before:]
        if current.level != seen:
            assert new_rows, f"{op}: the level went {seen}→{current.level} with no recorded change"
            assert new_rows[0].old_level == seen and new_rows[-1].new_level == current.level
        assert all(c.reason.strip() for c in changes)
        # Replaying the recorded changes gives the level the person has now.
        replay = "none"
        for c in changes:
            assert c.old_level == replay
            replay = c.new_level
        assert replay == current.level
        rose = [c for c in new_rows if LEVEL_RANK[c.new_level] > LEVEL_RANK[c.old_level]]
        assert warned - warned_before == len(rose)  # every rise warned, nothing else did
        seen = current.level
