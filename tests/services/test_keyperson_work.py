"""Daily work and warnings: visits reschedule, events raise the level, a rise is pushed at once to the keepers
and the supervisor (inbox and SMS outbox), warnings are acknowledged, handled, and escalated when late."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import make_user
from keyperson_support import NOW, add_keepers, make_world, person, register
from sqlalchemy import func, select

from app.core.errors import DomainError, ValidationError
from app.models.keyperson_visit import KpEvent, KpVisit
from app.models.keyperson_warning import KpWarning, KpWarningDaily
from app.models.messaging import InboxMessage, SmsMessage
from app.services import inbox, keyperson_config, keyperson_visits, keyperson_warning_handling
from app.services.keyperson_common import local_date


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def event(db, world, pid, kind="offence", *, now=NOW, day=None):
    values = {"kind": kind, "occurred_on": day or now.date(), "note": "经核查属实"}
    with db.session() as s:
        return keyperson_visits.record_event(s, world.officer, pid, values, now=now)


def count(db, model, **where) -> int:
    with db.session() as s:
        stmt = select(func.count()).select_from(model)
        for k, v in where.items():
            stmt = stmt.where(getattr(model, k) == v)
        return s.execute(stmt).scalar_one()


def test_a_rise_pushes_the_warning_to_keepers_and_supervisor_at_once(db, world):
    pid = register(db, world)
    add_keepers(db, world, pid)
    result = event(db, world, pid, "offence")
    assert (result.outcome.old_level, result.outcome.new_level) == ("blue", "orange")
    warning = result.outcome.warning
    assert warning is not None
    with db.session() as s:
        to = set(
            s.execute(select(InboxMessage.user_id).where(InboxMessage.entity_id == str(warning.id))).scalars()
        )
        texts = s.execute(select(SmsMessage).where(SmsMessage.entity_id == str(warning.id))).scalars().all()
        daily = s.execute(select(KpWarningDaily.raised).where(KpWarningDaily.level == "orange")).scalar()
    # keepers who are users (the officer, the village cadre) and the responsible supervisor
    assert to == {world.officer.user_id, world.cadre.user_id, world.boss.user_id}
    assert {t.phone for t in texts} == {
        "13800000001",
        "13800000002",
        "13800000003",
        "13800000004",
        "13900000001",
    }
    assert all(
        "刘某某" in t.text and "橙色预警" in t.text and "刘某" not in t.text.replace("刘某某", "")
        for t in texts
    )
    assert all(t.status == "queued" for t in texts)  # orange is urgent: not held for the morning
    assert daily == 1
    with db.session() as s:
        mine = inbox.list_for(s, world.cadre)
    assert mine[0].title.startswith("橙色预警：刘某") and "新的违法犯罪" in mine[0].body


def test_a_warning_without_a_named_supervisor_goes_to_the_station_leaders(db, world):
    pid = register(db, world, supervisor=False)
    result = event(db, world, pid, "offence")
    with db.session() as s:
        to = set(
            s.execute(
                select(InboxMessage.user_id).where(InboxMessage.entity_id == str(result.outcome.warning.id))
            ).scalars()
        )
    assert {world.boss.user_id, world.boss2.user_id} <= to


def test_a_fall_in_level_warns_nobody(db, world):
    pid = register(db, world)
    event(db, world, pid, "incident")  # 30: yellow, warned
    before = count(db, KpWarning)
    result = event(db, world, pid, "good_conduct")
    assert result.outcome.new_level == "yellow" or result.outcome.new_level == "blue"
    assert count(db, KpWarning) == before


def test_bad_visits_and_events_are_refused_and_change_nothing(db, world):
    pid = register(db, world)
    with pytest.raises(ValidationError) as future, db.session() as s:
        values = {
            "kind": "home",
            "visited_at": NOW + timedelta(hours=2),
            "contact_made": True,
            "findings": "在家",
        }
        keyperson_visits.record_visit(s, world.officer, pid, values, now=NOW)
    assert "不能晚于现在" in future.value.field_errors["visited_at"]
    with pytest.raises(ValidationError) as tomorrow:
        event(db, world, pid, "incident", day=(NOW + timedelta(days=1)).date())
    assert "不能晚于今天" in tomorrow.value.field_errors["occurred_on"]
    with pytest.raises(ValidationError):
        event(db, world, pid, "no_such_rule")
    assert count(db, KpVisit) == 0 and count(db, KpEvent) == 0
    assert person(db, pid).score == 10


def test_a_visit_that_reached_the_person_sets_the_next_visit_by_the_level(db, world):
    pid = register(db, world)
    event(db, world, pid, "incident")  # yellow: every two weeks
    at = NOW - timedelta(hours=3)
    with db.session() as s:
        values = {
            "kind": "home",
            "visited_at": at,
            "contact_made": True,
            "findings": "在家，情绪稳定",
            "place": "家中",
        }
        keyperson_visits.record_visit(s, world.officer, pid, values, now=NOW)
    p = person(db, pid)
    assert p.last_contact_at == at and (p.next_visit_due - local_date(at)).days == 14  # local days


def test_a_visit_that_did_not_reach_the_person_adds_unreachable_points(db, world):
    pid = register(db, world)
    with db.session() as s:
        values = {"kind": "phone", "visited_at": NOW, "contact_made": False, "findings": "电话关机"}
        keyperson_visits.record_visit(s, world.officer, pid, values, now=NOW)
    p = person(db, pid)
    assert p.score == 20 and any(part["rule"] == "event:unreachable" for part in p.score_detail)
    assert count(db, KpEvent, automatic=True) == 1


def test_warnings_are_acknowledged_and_handled_with_notes(db, world):
    pid = register(db, world)
    warning = event(db, world, pid, "offence").outcome.warning
    with db.session() as s:
        keyperson_warning_handling.acknowledge(s, world.officer, warning.id, now=NOW)
    with pytest.raises(ValidationError), db.session() as s:
        keyperson_warning_handling.handle(s, world.officer, warning.id, "  ", now=NOW)
    with db.session() as s:
        keyperson_warning_handling.handle(s, world.officer, warning.id, "已上门核查，落实稳控", now=NOW)
    with pytest.raises(DomainError) as again, db.session() as s:
        keyperson_warning_handling.handle(s, world.boss, warning.id, "再处置", now=NOW)
    assert "已处置" in again.value.message()
    with db.session() as s:
        w = s.get(KpWarning, warning.id)
        assert (w.status, w.handling_note, w.handled_by) == (
            "handled",
            "已上门核查，落实稳控",
            world.officer.user_id,
        )


def test_a_warning_not_handled_in_time_escalates_to_the_next_level(db, world):
    pid = register(db, world)
    first = event(db, world, pid, "incident").outcome.warning  # yellow: 72 hours
    with db.session() as s:
        rules = keyperson_config.load(s)
        assert keyperson_warning_handling.escalate_overdue(s, rules, NOW + timedelta(hours=71)) == 0
    with db.session() as s:
        assert keyperson_warning_handling.escalate_overdue(s, rules, NOW + timedelta(hours=73)) == 1
    with db.session() as s:
        assert (
            keyperson_warning_handling.escalate_overdue(s, rules, NOW + timedelta(hours=74)) == 0
        )  # idempotent
        rows = (
            s.execute(select(KpWarning).where(KpWarning.person_id == pid).order_by(KpWarning.id))
            .scalars()
            .all()
        )
    assert [(w.level, w.status) for w in rows] == [("yellow", "escalated"), ("orange", "open")]
    assert rows[1].escalated_from_id == first.id and "逾期未处置" in rows[1].reason
    with pytest.raises(DomainError) as closed, db.session() as s:
        keyperson_warning_handling.acknowledge(s, world.officer, first.id, now=NOW)
    assert "升级后的新预警" in closed.value.message()


def test_a_supervisor_overrides_the_level_with_a_reason_audited(db, world):
    from app.core.errors import PermissionDenied
    from app.models.audit import AuditRecord
    from app.services import keyperson_detail, keyperson_persons

    pid = register(db, world)
    with pytest.raises(ValidationError), db.session() as s:
        keyperson_persons.override_level(s, world.boss, pid, "orange", "  ", now=NOW)
    with pytest.raises(PermissionDenied), db.session() as s:
        keyperson_persons.override_level(s, world.officer, pid, "orange", "想调高", now=NOW)
    with db.session() as s:
        outcome = keyperson_persons.override_level(s, world.boss, pid, "orange", "近期有上访苗头", now=NOW)
    assert outcome.new_level == "orange" and outcome.warning is not None  # a rise by hand warns too
    event(db, world, pid, "good_conduct")  # the score falls, the override holds
    p = person(db, pid)
    assert (p.level, p.computed_level, p.score) == ("orange", "none", 0)
    with db.session() as s:
        d = keyperson_detail.detail(s, world.boss, pid)
        audited = s.execute(
            select(AuditRecord.new_values).where(AuditRecord.action == "kp_override")
        ).scalar_one()
    assert d.level_changes[0].reason == "陈所长调整为橙色预警：近期有上访苗头"
    assert "近期有上访苗头" in audited
    with db.session() as s:
        keyperson_persons.override_level(s, world.boss, pid, None, "苗头已化解", now=NOW)
    assert person(db, pid).level == "none"


# --- warnings are acknowledged and handled by the people they went to ------------------------------------------


def test_a_keeper_who_is_a_plain_officer_acknowledges_and_handles_the_warning_sent_to_them(db, world):
    from app.core.errors import PermissionDenied
    from app.services import entity_service
    from app.services.entity_spec import Query
    from app.services.keyperson_work_specs import MY_WARNING_SPEC

    pid = register(db, world)
    add_keepers(db, world, pid)  # the village cadre keeper has an account with the plain 民警 role
    other = make_user(db, "sunmin", ["officer"], display_name="孙民警", unit_id=world.station_id)
    assert "keyperson.view" not in world.cadre.permissions  # sees nothing of the register
    warning = event(db, world, pid, "offence").outcome.warning
    with db.session() as s:  # the cadre's 我的预警 lists it
        rows = entity_service.page(s, world.cadre, MY_WARNING_SPEC, Query(), 0, 50)
        assert [r.id for r in rows] == [warning.id]
        assert entity_service.page(s, other, MY_WARNING_SPEC, Query(), 0, 50) == []
    with pytest.raises(PermissionDenied), db.session() as s:  # an officer it was not sent to
        keyperson_warning_handling.acknowledge(s, other, warning.id, now=NOW)
    with db.session() as s:
        assert s.get(KpWarning, warning.id).status == "open"
    with db.session() as s:
        keyperson_warning_handling.acknowledge(s, world.cadre, warning.id, now=NOW + timedelta(minutes=5))
    with db.session() as s:
        w = s.get(KpWarning, warning.id)
        assert (w.status, w.acknowledged_by) == ("acknowledged", world.cadre.user_id)
        mine = inbox.list_for(s, world.cadre)
        assert mine[0].acknowledged_at is not None  # the inbox message about it is acknowledged too
    with db.session() as s:
        keyperson_warning_handling.handle(s, world.cadre, warning.id, "已到家中核实，情绪稳定", now=NOW)
    with db.session() as s:
        assert s.get(KpWarning, warning.id).handled_by == world.cadre.user_id


def test_an_escalated_warning_reaches_the_station_leaders_lists(db, world):
    from app.services import entity_service
    from app.services.entity_spec import Query
    from app.services.keyperson_work_specs import MY_WARNING_SPEC

    pid = register(db, world)  # 陈所长 is the responsible supervisor; 李副所长 only a leader of the station
    first = event(db, world, pid, "incident").outcome.warning
    with db.session() as s:
        assert [r.id for r in entity_service.page(s, world.boss2, MY_WARNING_SPEC, Query(), 0, 50)] == []
        keyperson_warning_handling.escalate_overdue(s, keyperson_config.load(s), NOW + timedelta(hours=73))
    with db.session() as s:
        listed = [r.id for r in entity_service.page(s, world.boss2, MY_WARNING_SPEC, Query(), 0, 50)]
        newest = s.execute(select(func.max(KpWarning.id))).scalar_one()
    assert listed == [newest] and newest != first.id
    with db.session() as s:
        keyperson_warning_handling.handle(s, world.boss2, newest, "所领导已约谈本人", now=NOW)
