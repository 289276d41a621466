"""Demo data of the 指挥调度 platform for Langao: orders half acknowledged, incidents, a live duty board.

Called after the demo accounts exist (``app.services.demo_data.load_demo``), in the same transaction:

    demo_dispatch.load(session, random.Random(f"{seed}:dispatch"), now=now)

Everything goes through the platform's own services as the demo dispatcher and officers would do it, so the
receipts, the timelines and the audit trail are exactly what real use leaves behind. Invented content,
plausible for the county (towns, roads and the 2026 Spring Festival); times are relative to ``now``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.accounts import User
from app.models.dispatch_duty import DUTY_ON, DUTY_PATROL, DUTY_STANDBY
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE, DISPATCH_RECEIVE
from app.models.permissions import DEMO_LOAD
from app.services import (
    dispatch_people,
    duty_board,
    incident_tasks,
    incident_timeline,
    incidents,
    order_receipts,
    orders,
)
from app.services.attachments import AttachmentSource
from app.services.auth import actor_for
from app.services.context import SYSTEM, Actor
from app.services.incidents import IncidentDraft
from app.services.orders import OrderDraft
from app.services.permissions import require

PLAN = "一、时间：2026年春节期间（2月15日至2月23日）。\n二、各派出所每日安排不少于两组巡逻警力。\n三、遇突发情况立即报指挥中心。\n"

ORDERS = (
    (
        "春节期间全县安保工作部署",
        "各单位按照部署方案落实春节期间安保措施，重点加强城关镇商圈和客运站巡逻。",
        2,
        True,
    ),
    (
        "开展冬季道路交通安全隐患排查",
        "请各派出所会同交警中队，对G541、S310沿线急弯陡坡路段开展排查。",
        1,
        False,
    ),
    (
        "协查：一辆无牌白色面包车",
        "该车昨日在佐龙镇出现，请各所注意发现，发现后立即报告，不要单独处置。",
        2,
        False,
    ),
    ("关于做好值班备勤工作的通知", "节日期间实行领导带班、民警值班制度，值班人员须保持通讯畅通。", 0, False),
)


@dataclass(frozen=True)
class DispatchDemo:
    orders: int
    incidents: int
    statuses: int
    absences: int


def _actors(session: Session, permission: str) -> list[Actor]:
    ids = list(session.execute(dispatch_people.holders_of(permission)).scalars())
    users = session.execute(select(User).where(User.id.in_(ids)).order_by(User.id)).scalars()
    return [actor_for(session, u) for u in users]


def load(
    session: Session, rng: random.Random, *, now: datetime | None = None, actor: Actor = SYSTEM
) -> DispatchDemo:
    require(session, actor, DEMO_LOAD)
    now = now or datetime.now(UTC)
    officers = _actors(session, DISPATCH_RECEIVE)
    commanders = _actors(session, DISPATCH_INCIDENT_MANAGE)
    if not officers or not commanders:
        return DispatchDemo(0, 0, 0, 0)
    boss = commanders[0]

    # Who is away: one officer on annual leave (as the support platform would record it).
    away = rng.sample([o for o in officers if o.user_id != boss.user_id], k=min(1, len(officers) - 1))
    for n, o in enumerate(away):
        assert o.user_id is not None
        duty_board.record_absence(
            session,
            user_id=o.user_id,
            start=now - timedelta(days=1),
            end=now + timedelta(days=4),
            reason="年休假",
            source="demo.leave",
            source_id=n + 1,
            actor=actor,
        )

    # A campaign three days ago, closed with its report; then the day's statuses; then an incident now.
    field = [o for o in officers if o not in away and o.user_id != boss.user_id]
    veterans = rng.sample(field, k=min(2, len(field)))
    start = now - timedelta(days=3)
    campaign = incidents.create(
        session,
        boss,
        IncidentDraft(
            title="“雷霆”禁毒集群战役",
            kind="专项行动",
            level="II",
            category="campaign",
            location="城关镇、佐龙镇",
            commander_id=boss.user_id,
            member_ids=tuple(o.user_id for o in veterans if o.user_id is not None),
        ),
        now=start,
    )
    if veterans:
        incident_timeline.post(
            session,
            veterans[0],
            campaign.id,
            "清查出租屋 36 间，查获吸毒人员 2 名。",
            now=start + timedelta(hours=3),
        )
    info = incidents.get(session, boss, campaign.id)
    incidents.close(
        session,
        boss,
        campaign.id,
        info.version,
        "清查出租屋 36 间、娱乐场所 8 家，查获吸毒人员 2 名。",
        now=start + timedelta(hours=6),
    )

    # The duty board: a plausible spread of statuses set over the last hours.
    statuses = 0
    for o in officers:
        if o in away:  # on leave: the absence shows; a status set now would count as called back
            continue
        status = rng.choices([DUTY_ON, DUTY_STANDBY, DUTY_PATROL], weights=[5, 2, 3])[0]
        note = rng.choice(["城关镇老街", "客运站周边", "滨河路"]) if status == DUTY_PATROL else ""
        at = now - timedelta(minutes=rng.randint(5, 300))
        duty_board.set_status(session, boss, [o.user_id], status, note=note, now=at)  # type: ignore[list-item]
        statuses += 1

    # Orders, sent over the last hours, acknowledged by most.
    sent = 0
    for n, (title, body, priority, everyone) in enumerate(ORDERS):
        at = now - timedelta(hours=6 - n)
        units = () if everyone else tuple({o.unit_id for o in officers if o.unit_id is not None})
        draft = OrderDraft(
            title=title,
            body=body,
            priority=priority,
            everyone=everyone,
            unit_ids=units,
            ack_deadline=at + timedelta(hours=8),
            attachments=(AttachmentSource("部署方案.txt", data=PLAN.encode("gb18030")),) if n == 0 else (),
        )
        order = orders.send(session, boss, draft, now=at)
        sent += 1
        for o in officers:
            if o.user_id == boss.user_id or rng.random() < 0.25:
                continue
            minutes = rng.randint(3, 120)
            order_receipts.open_order(session, o, order.id, now=at + timedelta(minutes=minutes))
            if rng.random() < 0.8:
                order_receipts.acknowledge(session, o, order.id, now=at + timedelta(minutes=minutes + 2))

    # An incident under way.
    team = rng.sample(field, k=min(3, len(field)))
    opened = now - timedelta(hours=2)
    slide = incidents.create(
        session,
        boss,
        IncidentDraft(
            title="大道河镇东坝村山体滑坡救援",
            kind="自然灾害",
            level="III",
            location="大道河镇东坝村三组",
            description="连续降雨引发山体滑坡，冲毁民房两间，暂无人员被困报告。",
            commander_id=boss.user_id,
            unit_ids=tuple({o.unit_id for o in team if o.unit_id is not None}),
            member_ids=tuple(o.user_id for o in team if o.user_id is not None),
        ),
        now=opened,
    )
    if team:
        first = team[0]
        task = incident_tasks.add(
            session,
            boss,
            slide.id,
            "疏散三组受威胁群众",
            assignee_id=first.user_id,
            now=opened + timedelta(minutes=5),
        )
        incident_tasks.add(
            session, boss, slide.id, "设置警戒线，禁止车辆通行", now=opened + timedelta(minutes=6)
        )
        incident_timeline.post(
            session,
            first,
            slide.id,
            "已到达现场，正在组织疏散，已转移 12 户 37 人。",
            now=opened + timedelta(minutes=40),
        )
        incident_tasks.set_state(
            session, first, task.id, task.version, "doing", now=opened + timedelta(minutes=41)
        )
        incident_timeline.post(
            session,
            boss,
            slide.id,
            "注意观察山体变化，防止二次滑坡，人员不得进入警戒区。",
            kind="instruction",
            now=opened + timedelta(minutes=45),
        )

    return DispatchDemo(sent, 2, statuses, len(away))
