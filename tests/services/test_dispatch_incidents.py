"""Incidents: participants go 出警 by themselves, tasks move on, and the timeline is permanent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dispatch_support import T0, Staff, make_staff
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from app.core.errors import DomainError
from app.models.db import Database
from app.models.dispatch_duty import DUTY_AWAY, DUTY_ON, DUTY_ON_SCENE, DUTY_PATROL
from app.models.dispatch_incident import DispatchIncident, DispatchIncidentMember, DispatchTimelineEntry
from app.services import (
    duty_board,
    incident_members,
    incident_tasks,
    incident_timeline,
    incidents,
)
from app.services.attachments import AttachmentSource
from app.services.incidents import IncidentDraft


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def incident_id(db: Database, staff: Staff) -> int:
    draft = IncidentDraft(
        title="大道河镇山体滑坡救援",
        kind="自然灾害",
        level="III",
        location="大道河镇东坝村三组",
        commander_id=staff.dispatcher.user_id,
        unit_ids=(staff.chengguan,),
        member_ids=(staff.wang.user_id,),
    )
    with db.session() as s:
        return incidents.create(s, staff.dispatcher, draft, now=T0).id


def status_of(db: Database, staff: Staff, user_id: int, at=None) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = duty_board.board(s, staff.dispatcher, now=at or T0 + timedelta(hours=1)).rows
    return next(r.status for r in rows if r.user_id == user_id)


def test_assigning_an_officer_sets_on_scene_by_itself_and_closing_sets_him_back(db, staff, incident_id):
    assert status_of(db, staff, staff.wang.user_id) == DUTY_ON_SCENE
    assert status_of(db, staff, staff.li.user_id) == DUTY_ON
    with db.session() as s:
        incident_members.assign(
            s, staff.dispatcher, incident_id, [staff.li.user_id], now=T0 + timedelta(minutes=5)
        )
        row = next(
            r for r in duty_board.board(s, staff.dispatcher, now=T0).rows if r.user_id == staff.li.user_id
        )
        info = incidents.get(s, staff.dispatcher, incident_id)
    assert row.status == DUTY_ON_SCENE and row.incident_title == "大道河镇山体滑坡救援"
    assert info.number.startswith("SJ-2026-") and info.units == ("城关派出所",) and info.members == 3
    with db.session() as s:
        duty_board.set_status(s, staff.li, [staff.li.user_id], DUTY_PATROL, now=T0 + timedelta(minutes=30))
        incidents.close(
            s,
            staff.dispatcher,
            incident_id,
            info.version,
            "群众全部转移，无人员伤亡",
            now=T0 + timedelta(hours=1),
        )
    assert status_of(db, staff, staff.wang.user_id) == DUTY_ON
    assert status_of(db, staff, staff.li.user_id) == DUTY_PATROL  # set by himself since: left alone


def test_the_timeline_is_in_the_order_written_and_records_every_step(db, staff, incident_id):
    with db.session() as s:
        task = incident_tasks.add(
            s,
            staff.dispatcher,
            incident_id,
            "疏散东坝村三组群众",
            assignee_id=staff.wang.user_id,
            now=T0 + timedelta(minutes=1),
        )
        incident_timeline.post(
            s, staff.wang, incident_id, "已到达现场，正在疏散", now=T0 + timedelta(minutes=20)
        )
        incident_timeline.post(
            s,
            staff.dispatcher,
            incident_id,
            "注意二次滑坡",
            kind="instruction",
            now=T0 + timedelta(minutes=21),
        )
        incident_tasks.set_state(s, staff.wang, task.id, task.version, "done", now=T0 + timedelta(minutes=40))
        items = incident_timeline.entries(s, staff.wang, incident_id)
    assert [i.kind for i in items] == ["system", "system", "system", "progress", "instruction", "system"]
    assert items[0].text.startswith("事件开始：大道河镇山体滑坡救援")
    assert "调派参战：王警官" in items[1].text
    assert items[2].text == "布置任务：疏散东坝村三组群众，由 王警官 负责"
    assert items[3].author_name == "王警官" and items[4].author_name == "周调度"
    assert items[5].text == "任务“疏散东坝村三组群众”：待办 → 已完成"
    assert [i.id for i in items] == sorted(i.id for i in items)


def test_the_database_itself_refuses_to_change_or_delete_a_timeline_entry(db, staff, incident_id):
    table = DispatchTimelineEntry.__table__
    for statement in (update(table).values(text="改过的内容"), delete(table)):
        with pytest.raises(DBAPIError, match="append-only"), db.session() as s:
            s.execute(statement)
    if db.backend == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.session() as s:
            s.execute(text("TRUNCATE dispatch_timeline_entry CASCADE"))
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(table)).scalar_one() == 2


def test_after_closing_the_timeline_stays_readable_but_takes_nothing_more(db, staff, incident_id):
    with db.session() as s:
        version = s.get(DispatchIncident, incident_id).version  # type: ignore[union-attr]
        incidents.close(s, staff.dispatcher, incident_id, version, "处置完毕", now=T0 + timedelta(hours=3))
    with pytest.raises(DomainError) as err, db.session() as s:
        incident_timeline.post(s, staff.wang, incident_id, "补充一条")
    assert err.value.code == "dispatch_incident_closed" and "时间线已封存" in err.value.message()
    with db.session() as s:
        items = incident_timeline.entries(s, staff.wang, incident_id)
    assert items[-1].text == "处置结束。总结：处置完毕" and len(items) == 3


def test_closing_with_open_tasks_warns_and_when_insisted_records_them(db, staff, incident_id):
    with db.session() as s:
        incident_tasks.add(s, staff.dispatcher, incident_id, "设置警戒线", now=T0)
        version = s.get(DispatchIncident, incident_id).version  # type: ignore[union-attr]
    with pytest.raises(DomainError) as warned, db.session() as s:
        incidents.close(s, staff.dispatcher, incident_id, version, "处置完毕")
    assert warned.value.code == "dispatch_open_tasks" and "设置警戒线" in warned.value.message()
    with db.session() as s:
        assert s.get(DispatchIncident, incident_id).status == "open"  # type: ignore[union-attr]
        closed = incidents.close(s, staff.dispatcher, incident_id, version, "处置完毕", force=True, now=T0)
        texts = [i.text for i in incident_timeline.entries(s, staff.dispatcher, incident_id)]
    assert closed.status == "closed"
    assert "结束时仍有 1 项任务未完成：设置警戒线" in texts


def test_assigning_an_officer_on_leave_is_warned_and_recorded_when_insisted(db, staff, incident_id):
    with db.session() as s:
        duty_board.record_absence(
            s,
            user_id=staff.zhao.user_id,
            start=T0 - timedelta(days=1),
            end=T0 + timedelta(days=3),
            reason="年休假",
            source="support.leave",
            source_id=41,
        )
    with pytest.raises(DomainError) as warned, db.session() as s:
        incident_members.assign(
            s, staff.dispatcher, incident_id, [staff.zhao.user_id, staff.li.user_id], now=T0
        )
    assert warned.value.code == "dispatch_officer_on_leave"
    assert "赵警官" in warned.value.message() and "年休假" in warned.value.message()
    assert warned.value.params["user_ids"] == [staff.zhao.user_id]
    assert status_of(db, staff, staff.li.user_id, T0) == DUTY_ON  # nothing was assigned
    assert status_of(db, staff, staff.zhao.user_id, T0) == DUTY_AWAY
    with db.session() as s:
        incident_members.assign(
            s,
            staff.dispatcher,
            incident_id,
            [staff.zhao.user_id, staff.li.user_id],
            override_leave=True,
            now=T0,
        )
        member = s.execute(
            select(DispatchIncidentMember).where(DispatchIncidentMember.user_id == staff.zhao.user_id)
        ).scalar_one()
        last = incident_timeline.entries(s, staff.dispatcher, incident_id)[-1].text
    assert member.leave_override and "经指挥员确认坚持调派" in last
    assert status_of(db, staff, staff.zhao.user_id, T0 + timedelta(minutes=1)) == DUTY_ON_SCENE  # called back


def test_officers_take_part_only_in_their_incidents(db, staff, incident_id):
    with pytest.raises(DomainError) as err, db.session() as s:
        incident_timeline.post(s, staff.zhao, incident_id, "我也来了")  # 佐龙 does not take part
    assert err.value.code == "dispatch_not_participant"
    with db.session() as s:
        incident_timeline.post(
            s, staff.li, incident_id, "城关所增援两人"
        )  # an officer of a participating unit
        scoped = s.execute(incidents.scoped(s, staff.zhao)).scalars().all()
    assert scoped == []
    with pytest.raises(DomainError), db.session() as s:
        incident_timeline.post(s, staff.wang, incident_id, "x", kind="instruction")


def test_progress_with_an_attachment_is_kept_with_its_entry(db, staff, incident_id):
    from dispatch_support import png_bytes

    with db.session() as s:
        item = incident_timeline.post(
            s,
            staff.wang,
            incident_id,
            "现场照片",
            files=[AttachmentSource("现场.png", data=png_bytes())],
            now=T0,
        )
        again = incident_timeline.entries(s, staff.dispatcher, incident_id)[-1]
    assert [a.filename for a in again.attachments] == ["现场.png"] and again.id == item.id
    assert again.attachments[0].media == "image"


def test_a_task_assignee_must_take_part_and_a_stale_task_is_not_overwritten(db, staff, incident_id):
    from app.core.errors import ConflictError

    with pytest.raises(DomainError) as err, db.session() as s:
        incident_tasks.add(s, staff.dispatcher, incident_id, "外围警戒", assignee_id=staff.zhao.user_id)
    assert "没有参与本事件" in err.value.message()
    with db.session() as s:
        task = incident_tasks.add(
            s, staff.dispatcher, incident_id, "外围警戒", assignee_id=staff.wang.user_id
        )
        incident_tasks.set_state(s, staff.wang, task.id, task.version, "doing")
    with pytest.raises(ConflictError), db.session() as s:
        incident_tasks.set_state(s, staff.dispatcher, task.id, task.version, "cancelled")
