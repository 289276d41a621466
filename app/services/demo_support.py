"""Langao demo data for the 警务保障 platform: personnel files for every demo officer, a year of health checks,
training and awards, the equipment store and the fleet, and requests in every state, made and decided through
the real services by the demo accounts themselves (so nobody approves their own request and every approval
is in the audit trail). Rest days on this week's roster and today's approved leave show on the duty board.

Deterministic for a given ``rng``. Works in the caller's transaction; the demo accounts must exist
(``demo_data.load_demo`` first).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import RolePermission, User, user_role
from app.models.org import Unit
from app.models.permissions import DEMO_LOAD
from app.models.support_permissions import APPROVE, LEAVE, VIEW_OWN, code
from app.services import (
    entity_service,
    support_approval,
    support_equipment,
    support_expenses,
    support_leave,
    support_notices,
    support_overtime,
    support_poll_votes,
    support_polls,
    support_registers,
    support_roster,
    support_vehicles,
    support_welfare,
)
from app.services.auth import actor_for
from app.services.context import SYSTEM, Actor
from app.services.permissions import require
from app.services.sms_text import LOCAL_TZ
from app.services.support_common import local_today

POSITIONS = ("民警", "民警", "民警", "副所长", "教导员", "副大队长", "科员", "辅警管理员")
RANKS = ("三级警督", "一级警司", "二级警司", "二级警司", "三级警司", "一级警员")
COURSES = (
    ("执法规范化专题培训", "course", 16),
    ("警务实战技能训练", "drill", 8),
    ("新修订治安管理处罚法学习", "course", 6),
    ("年度执法资格考试", "exam", 4),
    ("政治轮训", "political", 24),
    ("反电诈业务培训", "course", 8),
)
EQUIPMENT = (
    ("执法记录仪", "camera", 12),
    ("对讲机", "radio", 10),
    ("防刺服", "protective", 8),
    ("伸缩警棍", "weapon", 8),
    ("警用笔记本电脑", "it", 4),
)
VEHICLES = (
    ("陕G·J0101警", "大众帕萨特", "duty"),
    ("陕G·J0102警", "丰田普拉多", "patrol"),
    ("陕G·J0103警", "长城哈弗H6", "patrol"),
    ("陕G·J0205警", "依维柯囚车", "special"),
    ("陕G·J0306警", "比亚迪秦", "general"),
)
EXPENSES = (
    ("travel", "赴安康市局参加业务培训往返车费及住宿", 680),
    ("case", "外出调查取证交通费", 420),
    ("vehicle", "警车加油及过路费", 356),
    ("office", "派出所办公用品采购", 215),
)


@dataclass(frozen=True)
class SupportDemo:
    files: int
    requests: int
    decided: int
    equipment: int
    vehicles: int


def _people(session: Session) -> list[User]:
    """Demo officers: active users who may see their own leave (everyone but the administrator, auditor)."""
    holders = (
        select(user_role.c.user_id)
        .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
        .where(RolePermission.permission == code(LEAVE, VIEW_OWN))
    )
    return list(
        session.execute(
            select(User).where(User.active.is_(True), User.id.in_(holders)).order_by(User.id)
        ).scalars()
    )


def _approvers(session: Session, people: list[User], permission: str) -> list[User]:
    return [u for u in people if permission in {p.permission for r in u.roles for p in r.permissions}]


def _try(fn: Any) -> Any:
    try:
        return fn()
    except DomainError:
        return None


def load(
    session: Session, rng: random.Random, *, now: datetime | None = None, actor: Actor = SYSTEM
) -> SupportDemo:
    require(session, actor, DEMO_LOAD)
    now = now or datetime.now(LOCAL_TZ)
    today = local_today(now)
    people = _people(session)
    actors = {u.id: actor_for(session, u) for u in people}
    units = {u.id: u.name for u in session.execute(select(Unit)).scalars()}
    keepers = [actors[u.id] for u in _approvers(session, people, code("equipment", APPROVE))]
    leaders = {u.unit_id: actors[u.id] for u in _approvers(session, people, code(LEAVE, APPROVE))}
    files = _registers(session, rng, people, today)
    equipment_ids = _store(session, rng, units, today)
    vehicle_ids = _fleet(session, units)
    requests = decided = 0

    def create(who: Actor, spec: Any, values: dict[str, Any]) -> int | None:
        nonlocal requests
        row = _try(lambda: entity_service.create(session, who, spec, values))
        requests += row is not None
        return row.row.id if row else None

    def decide(
        flow: str, ident: int | None, by: Actor | None, approve: bool = True, opinion: str = "同意"
    ) -> None:
        nonlocal decided
        if ident is None or by is None:
            return
        obj = session.get(support_approval.flow(flow).model, ident)
        if obj is None:
            return
        version = obj.version
        ok = _try(
            lambda: support_approval.decide(session, by, flow, ident, version, approve, opinion, now=now)
        )
        decided += ok is not None

    for n, user in enumerate(people):
        me = actors[user.id]
        leader = leaders.get(user.unit_id)
        keeper = next((k for k in keepers if k.user_id != user.id), None)
        # overtime: two approved, one waiting
        for k in range(3):
            day = today - timedelta(days=rng.randint(5, 80))
            hours = Decimal(rng.choice((4, 6, 8, 12)))
            ot = create(
                me,
                support_overtime.OVERTIME_SPEC,
                {
                    "work_date": day,
                    "hours": hours,
                    "reason": rng.choice(
                        ("专项打击行动夜间蹲守", "节假日安保执勤", "突发警情处置", "重点人员稳控")
                    ),
                },
            )
            if k < 2:
                decide("overtime", ot, leader if leader and leader.user_id != user.id else keeper)
        # leave: a past one taken and returned, maybe one today, maybe one waiting
        start = today - timedelta(days=rng.randint(20, 60))
        past = create(
            me,
            support_leave.LEAVE_SPEC,
            {
                "kind": rng.choice(("annual", "personal", "sick")),
                "start_date": start,
                "end_date": start + timedelta(days=rng.randint(0, 2)),
                "reason": "家中有事",
                "destination": "岚皋县城",
            },
        )
        decide("leave", past, leader if leader and leader.user_id != user.id else None)
        if n % 4 == 1:
            cur = create(
                me,
                support_leave.LEAVE_SPEC,
                {
                    "kind": "annual",
                    "start_date": today,
                    "end_date": today + timedelta(days=1),
                    "reason": "年休假",
                    "destination": "安康市",
                },
            )
            decide("leave", cur, leader if leader and leader.user_id != user.id else None)
        if n % 3 == 0:
            ahead = today + timedelta(days=rng.randint(7, 20))
            create(
                me,
                support_leave.LEAVE_SPEC,
                {
                    "kind": rng.choice(("annual", "family", "marriage")),
                    "start_date": ahead,
                    "end_date": ahead + timedelta(days=rng.choice((1, 4, 9))),
                    "reason": "探望父母",
                    "destination": "西安市",
                },
            )
        # an expense, some decided
        cat, what, amount = EXPENSES[n % len(EXPENSES)]
        exp = create(
            me,
            support_expenses.EXPENSE_SPEC,
            {
                "category": cat,
                "amount": Decimal(amount + rng.randint(0, 90)),
                "spent_on": today - timedelta(days=rng.randint(3, 40)),
                "invoices": rng.randint(1, 4),
                "description": what,
            },
        )
        if n % 2 == 0:
            decide("expense", exp, keeper)
        # equipment out to about half of them
        if n % 2 == 0 and equipment_ids:
            loan = create(
                me,
                support_equipment.LOAN_SPEC,
                {
                    "equipment_id": equipment_ids.pop(0),
                    "purpose": "日常执勤",
                    "requested_on": today - timedelta(days=rng.randint(1, 30)),
                },
            )
            decide("equipment", loan, keeper)
        if n % 3 == 2 and vehicle_ids:
            at = datetime.combine(today + timedelta(days=n % 5), time(8 + n % 4), LOCAL_TZ)
            car = create(
                me,
                support_vehicles.BOOKING_SPEC,
                {
                    "vehicle_id": vehicle_ids[n % len(vehicle_ids)],
                    "start_at": at,
                    "end_at": at + timedelta(hours=4),
                    "purpose": "走访重点人员",
                    "destination": rng.choice(("佐龙镇", "民主镇", "南宫山镇", "石门镇")),
                    "passengers": 2,
                },
            )
            if n % 2:
                decide("vehicle", car, keeper)
    if people:
        first = actors[people[0].id]
        create(
            first,
            support_welfare.AID_SPEC,
            {
                "category": "illness",
                "amount_requested": Decimal(8000),
                "reason": "配偶患病住院，医疗费用负担较重。",
            },
        )
        create(
            actors[people[-1].id],
            support_welfare.RIGHTS_SPEC,
            {
                "kind": "assault",
                "occurred_on": today - timedelta(days=9),
                "description": "处置醉酒滋事警情时被当事人推搡抓伤。",
                "request": "依法追究当事人责任，协调医疗费用。",
            },
        )
    _roster(session, people, actors, leaders, keepers, today)
    _notices(session, rng, people, actors, keepers, now)
    return SupportDemo(files, requests, decided, len(EQUIPMENT), len(VEHICLES))


def _registers(session: Session, rng: random.Random, people: list[User], today: date) -> int:
    for i, user in enumerate(people):
        born = date(rng.randint(1968, 1999), rng.randint(1, 12), rng.randint(1, 28))
        values = {
            "user_id": user.id,
            "gender": rng.choice(("男", "男", "男", "女")),
            "birth_date": born,
            "ethnicity": "汉族",
            "political_status": rng.choice(("中共党员", "中共党员", "共青团员", "群众")),
            "education": rng.choice(("大学本科", "大学本科", "大学专科", "研究生")),
            "police_rank": rng.choice(RANKS),
            "position": POSITIONS[i % len(POSITIONS)],
            "joined_on": date(max(born.year + 22, 1990), rng.randint(7, 9), 1),
            "phone": user.phone,
        }
        entity_service.create(session, SYSTEM, support_registers.PERSONNEL_SPEC, values)
        entity_service.create(
            session,
            SYSTEM,
            support_registers.HEALTH_SPEC,
            {
                "user_id": user.id,
                "checked_on": date(today.year, 5, rng.randint(6, 28)),
                "kind": "annual",
                "institution": "岚皋县医院",
                "conclusion": rng.choice(("normal", "normal", "attention", "recheck")),
            },
        )
        for course, kind, hours in rng.sample(COURSES, 3):
            entity_service.create(
                session,
                SYSTEM,
                support_registers.TRAINING_SPEC,
                {
                    "user_id": user.id,
                    "course": course,
                    "kind": kind,
                    "hours": Decimal(hours),
                    "start_date": today - timedelta(days=rng.randint(10, 300)),
                    "organizer": "岚皋县公安局政治处",
                    "passed": True,
                    "score": Decimal(rng.randint(75, 98)) if kind == "exam" else None,
                },
            )
        if i % 3 == 0:
            entity_service.create(
                session,
                SYSTEM,
                support_registers.AWARD_SPEC,
                {
                    "user_id": user.id,
                    "kind": "award",
                    "level": rng.choice(("嘉奖", "三等功", "先进个人")),
                    "decided_on": today - timedelta(days=rng.randint(30, 400)),
                    "authority": "岚皋县公安局",
                    "document_no": f"岚公发〔{today.year - 1}〕{rng.randint(10, 90)}号",
                    "reason": "在专项行动中表现突出",
                },
            )
    return len(people)


def _store(session: Session, rng: random.Random, units: dict[int, str], today: date) -> list[int]:
    unit_ids = sorted(units)
    ids = []
    n = 0
    for name, category, count in EQUIPMENT:
        for _ in range(count):
            n += 1
            row = entity_service.create(
                session,
                SYSTEM,
                support_equipment.EQUIPMENT_SPEC,
                {
                    "code": f"LG-ZB-{n:04d}",
                    "name": name,
                    "category": category,
                    "unit_id": unit_ids[n % len(unit_ids)],
                    "model_no": rng.choice(("DSJ-V8", "TK-3402", "FCF-II", "SJGB-65", "ThinkPad E14")),
                    "purchased_on": today - timedelta(days=rng.randint(100, 1500)),
                },
            )
            ids.append(row.row.id)
    rng.shuffle(ids)
    return ids


def _fleet(session: Session, units: dict[int, str]) -> list[int]:
    unit_ids = sorted(units)
    return [
        entity_service.create(
            session,
            SYSTEM,
            support_vehicles.VEHICLE_SPEC,
            {
                "plate": plate,
                "model_name": model,
                "kind": kind,
                "seats": 5 if kind != "special" else 9,
                "unit_id": unit_ids[i % len(unit_ids)],
                "status": "available",
            },
        ).row.id
        for i, (plate, model, kind) in enumerate(VEHICLES)
    ]


def _roster(
    session: Session,
    people: list[User],
    actors: dict[int, Actor],
    leaders: dict[Any, Actor],
    keepers: list[Actor],
    today: date,
) -> None:
    shifts = ("day", "night", "full", "standby", "rest")
    by = keepers[0] if keepers else SYSTEM
    # a rotation over everyone, shifted every five people so that colleagues of a unit differ
    order = [(user, i + i // len(shifts)) for i, user in enumerate(people)]
    for d in range(7):
        day = today + timedelta(days=d)
        for user, i in order:
            shift = shifts[(i + d) % len(shifts)]
            _try(
                lambda u=user, s=shift, day=day: entity_service.create(
                    session,
                    by,
                    support_roster.ROSTER_SPEC,
                    {"user_id": u.id, "duty_date": day, "shift": s, "post": "值班室" if s != "rest" else ""},
                )
            )


def _notices(
    session: Session,
    rng: random.Random,
    people: list[User],
    actors: dict[int, Actor],
    keepers: list[Actor],
    now: datetime,
) -> None:
    if not keepers:
        return
    keeper = keepers[0]
    for title, body in (
        (
            "关于做好冬季防火安全工作的通知",
            "各单位：入冬以来天干物燥，请各所队加强辖区防火宣传和隐患排查，落实24小时值班备勤制度。",
        ),
        (
            "关于开展年度健康体检的通知",
            "全体民警：年度健康体检将于下月在岚皋县医院进行，请各单位按安排分批参检，不得缺检。",
        ),
        (
            "警务保障室关于装备清查的公告",
            "请领用执法记录仪、对讲机的民警于本月底前到警务保障室核对装备状态。",
        ),
    ):
        row = entity_service.create(
            session, keeper, support_notices.NOTICE_SPEC, {"title": title, "kind": "notice", "body": body}
        )
        support_notices.publish(session, keeper, row.row.id, row.row.version, now=now)
        for user in people[: len(people) // 2]:
            _try(lambda u=user, i=row.row.id: support_notices.mark_read(session, actors[u.id], i, now=now))
    poll = entity_service.create(
        session,
        keeper,
        support_polls.POLL_SPEC,
        {
            "title": "民警食堂伙食满意度调查",
            "options_text": "满意\n基本满意\n不满意",
            "anonymous": True,
            "description": "为改进食堂伙食，现征求全体民警意见。本次为匿名投票。",
        },
    )
    support_polls.open_poll(session, keeper, poll.row.id, poll.row.version, now=now)
    options = [
        o
        for o in session.execute(
            select(support_polls.SupportPollOption.id)
            .where(support_polls.SupportPollOption.poll_id == poll.row.id)
            .order_by(support_polls.SupportPollOption.position)
        ).scalars()
    ]
    for user in people[::2]:
        _try(
            lambda u=user: support_poll_votes.vote(
                session, actors[u.id], poll.row.id, rng.choice(options), now=now
            )
        )
    entity_service.create(
        session,
        keeper,
        support_polls.POLL_SPEC,
        {
            "title": "关于调整值班备勤时间的意见征集",
            "options_text": "维持现行8:00交接班\n改为8:30交接班",
            "anonymous": False,
        },
    )
