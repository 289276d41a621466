"""Handling: the transitions each role may make, refusals that change nothing, routing, and the timeline."""

from __future__ import annotations

import pytest
from citizen_service_support import bj, form, setup_catalogue
from conftest import make_user
from sqlalchemy import func, select

from app.core.errors import ConflictError, DomainError, PermissionDenied
from app.models.audit import AuditRecord
from app.models.messaging import InboxMessage
from app.models.org import Unit
from app.models.service_item import ServiceEvent
from app.services import intake, item_workflow

REPORT = {"案发时间": "昨晚十点", "案发地点": "城关镇滨河路", "简要案情": "电动车被盗"}


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


@pytest.fixture
def units(db, cat):
    with db.session() as s:
        return dict(s.execute(select(Unit.code, Unit.id)).all())


@pytest.fixture
def officer(db, units):
    return make_user(db, "officer1", ["officer"], display_name="赵刑警", unit_id=units["XZDD"])


def _report(db, clerk, cat):
    with db.session() as s:
        return intake.intake(
            s,
            clerk,
            form(cat["BA01"], form_values=REPORT, materials_received=["报案人身份证件"]),
            now=bj(2026, 11, 2),
        ).item


def _state(db, item_id):
    with db.session() as s:
        events = s.execute(select(func.count()).where(ServiceEvent.item_id == item_id)).scalar_one()
        return item_workflow.get(s, make_actor_system(), item_id).status, events


def make_actor_system():
    from app.services.context import SYSTEM

    return SYSTEM


def test_a_report_is_routed_handled_and_completed_with_a_replayable_timeline(
    db, cat, clerk, officer, supervisor, units
):
    item = _report(db, clerk, cat)
    assert item.unit_name == "刑事侦查大队" and item.status == "accepted"
    with db.session() as s:
        assert item_workflow.officers_of(s, supervisor, units["XZDD"])[0] == (officer.user_id, "赵刑警")
        item = item_workflow.assign(
            s,
            supervisor,
            item.id,
            item.version,
            unit_id=units["XZDD"],
            officer_id=officer.user_id,
            note="请尽快",
        )
        inbox_titles = list(
            s.execute(select(InboxMessage.title).where(InboxMessage.user_id == officer.user_id)).scalars()
        )
    assert item.officer_name == "赵刑警" and inbox_titles == [f"新分派事项 {item.tracking_no}"]
    with db.session() as s:
        assert item_workflow.allowed_actions(s, officer, item) == [
            "request_materials",
            "start_review",
            "complete",
            "reject",
        ]
        item = item_workflow.transition(
            s, officer, item.id, item.version, "start_review", now=bj(2026, 11, 3)
        )
        item = item_workflow.transition(
            s, officer, item.id, item.version, "complete", note="已立案侦查", now=bj(2026, 11, 4)
        )
        item = item_workflow.transition(s, clerk, item.id, item.version, "deliver", now=bj(2026, 11, 5))
        steps = item_workflow.timeline(s, supervisor, item.id)
    assert item.status == "delivered" and item.working_days_used == 2
    assert [(e.seq, e.actor_name, e.action, e.from_status, e.to_status) for e in steps] == [
        (1, "李窗口", "receive", "", "received"),
        (2, "李窗口", "accept", "received", "accepted"),
        (3, "陈所长", "assign", "accepted", "accepted"),
        (4, "赵刑警", "start_review", "accepted", "reviewing"),
        (5, "赵刑警", "complete", "reviewing", "completed"),
        (6, "李窗口", "deliver", "completed", "delivered"),
    ]
    assert steps[2].note == "分派至刑事侦查大队 赵刑警：请尽快" and steps[4].note == "已立案侦查"
    # replay: each step carries the state after it
    assert [e.snapshot["officer"] for e in steps] == ["", "", "赵刑警", "赵刑警", "赵刑警", "赵刑警"]
    assert steps[4].at == bj(2026, 11, 4) and steps[0].snapshot["unit"] == "刑事侦查大队"


def test_completing_an_item_that_waits_for_materials_is_refused_and_changes_nothing(db, cat, clerk):
    item = _report(db, clerk, cat)
    with db.session() as s:
        item = item_workflow.transition(
            s, clerk, item.id, item.version, "request_materials", missing=["相关证据材料（如适用）"]
        )
    before = _state(db, item.id)
    with pytest.raises(DomainError) as err, db.session() as s:
        item_workflow.transition(s, clerk, item.id, item.version, "complete")
    assert (
        err.value.message()
        == "事项当前为“补正中”，不能“办结”。事项正在等待群众补正材料，请先登记“材料已补齐”。"
    )
    assert _state(db, item.id) == before


def test_each_role_makes_only_its_own_transitions(db, cat, clerk, officer, supervisor, auditor):
    with db.session() as s:
        item = intake.intake(
            s,
            clerk,
            form(
                cat["ZM02"], form_values={"证明用途": "入学"}, materials_received=["本人居民身份证或户口簿"]
            ),
        ).item
    with db.session() as s:
        item = item_workflow.transition(s, clerk, item.id, item.version, "start_review")
    with pytest.raises(DomainError) as err, db.session() as s:  # a certificate is completed by approval only
        item_workflow.transition(s, clerk, item.id, item.version, "complete")
    assert "审批" in err.value.message()
    with pytest.raises(PermissionDenied), db.session() as s:
        item_workflow.transition(s, clerk, item.id, item.version, "approve")
    with pytest.raises(PermissionDenied), db.session() as s:
        item_workflow.transition(s, officer, item.id, item.version, "approve")
    with pytest.raises(PermissionDenied), db.session() as s:
        item_workflow.get(s, auditor, item.id)
    with db.session() as s:
        denied = s.execute(select(func.count()).where(AuditRecord.outcome == "denied")).scalar_one()
        assert denied == 3  # every refusal is in the audit trail
        assert item_workflow.allowed_actions(s, supervisor, item) == [
            "request_materials",
            "approve",
            "reject",
        ]
        done = item_workflow.transition(s, supervisor, item.id, item.version, "approve")
    assert done.status == "completed" and done.approved and done.approved_by_name == "陈所长"


def test_rejecting_needs_a_reason_and_a_stale_version_is_a_conflict(db, cat, clerk):
    item = _report(db, clerk, cat)
    with pytest.raises(DomainError) as err, db.session() as s:
        item_workflow.transition(s, clerk, item.id, item.version, "reject", note="  ")
    assert "原因" in err.value.message()
    with db.session() as s:
        moved = item_workflow.transition(s, clerk, item.id, item.version, "start_review")
    with pytest.raises(ConflictError), db.session() as s:
        item_workflow.transition(s, clerk, item.id, item.version, "reject", note="不属于本局管辖")
    with db.session() as s:
        done = item_workflow.transition(s, clerk, moved.id, moved.version, "reject", note="不属于本局管辖")
    assert (
        done.status == "rejected"
        and done.outcome_note == "不属于本局管辖"
        and done.working_days_used is not None
    )


def test_an_officer_of_another_department_cannot_be_assigned(db, cat, clerk, supervisor, officer, units):
    item = _report(db, clerk, cat)
    with pytest.raises(DomainError) as err, db.session() as s:
        item_workflow.assign(
            s, supervisor, item.id, item.version, unit_id=units["JJDD"], officer_id=officer.user_id
        )
    assert err.value.message() == "民警赵刑警不属于交通警察大队，不能分派给他。"
    with db.session() as s:  # reassignment to another department without an officer is fine
        moved = item_workflow.assign(
            s, supervisor, item.id, item.version, unit_id=units["JJDD"], officer_id=None
        )
    assert moved.unit_name == "交通警察大队" and moved.officer_id is None
