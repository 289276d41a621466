"""Langao demo data for the 重点人员管控 platform: key persons in the real towns and villages, keepers, a year of
visits, risk events with the warnings they raised, removal requests and inspection tasks.

Persons are drawn from the demo citizen register (so the link to the citizen register shows), spread over the
county's towns as the citizens are, and given to the community officer and the leader of their town's
station. Work of the last 90 days is replayed day by day through the real services, so every warning on the
charts was raised by the rules, with its reason, on the day its event happened; older warnings are handled.
Deterministic for a given ``rng``. Works in the caller's transaction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models.accounts import RolePermission, User, user_role
from app.models.citizen import Citizen
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    KP_OVERRIDE,
    KP_VISIT,
    VISIT_HOME,
    VISIT_PHONE,
    VISIT_REPORT,
    VISIT_VIDEO,
    WARNING_HANDLED,
    WARNING_PENDING,
)
from app.models.keyperson_person import KeyPerson, KpCategory
from app.models.keyperson_risk import CAUSE_EVENT, CAUSE_REGISTER, CAUSE_SWEEP
from app.models.keyperson_visit import KpEvent, KpVisit
from app.models.keyperson_warning import KpWarning
from app.models.org import Unit
from app.models.permissions import DEMO_LOAD
from app.services.context import SYSTEM, Actor
from app.services.entity_service import bulk_insert
from app.services.keyperson_batch import categories, rescore_many
from app.services.keyperson_common import load_person, local_today
from app.services.keyperson_config import load as load_rules
from app.services.keyperson_import import settle_imported
from app.services.keyperson_keepers import refresh_all_missing
from app.services.keyperson_removal import decide, request
from app.services.keyperson_scoring import initial_rows, reschedule, rescore
from app.services.keyperson_sweep import missed_in
from app.services.permissions import require
from app.services.sms_text import LOCAL_TZ

CATEGORY_MIX = (("released", 35), ("correction", 18), ("youth", 14), ("mental", 26), ("drug", 7))
DRUG = ("drug", "吸毒人员（社区戒毒、康复）", 15)
_VISIT_NOTES = {
    VISIT_HOME: (
        "入户走访，本人在家，情绪稳定，近期在县城务工。",
        "与其母亲交谈，了解近况，家庭关系和睦，无异常。",
        "走访时本人在地里干活，交谈正常，按时服药。",
        "入户核查居住情况，与登记一致，提醒遵守管控规定。",
    ),
    VISIT_PHONE: ("电话联系本人，称在安康打工，近期无返乡计划。", "电话核查，本人在家，语气平和。"),
    VISIT_VIDEO: ("视频签到，背景为住所，精神状态良好。", "视频连线，本人在工地上班，定位与申报一致。"),
    VISIT_REPORT: ("到所报到，汇报近期思想和工作情况。", "按时到所报到，已签署报到记录。"),
}
_MISSED_NOTES = ("上门未见本人，邻居称其外出数日，去向不明。", "电话无人接听，已联系家属协助查找。")
_EVENT_NOTES = {
    "offence": "因盗窃被公安机关查处。",
    "incident": "与邻居发生纠纷并动手，经调解平息。",
    "left_area": "未经报告前往西安，三天后返回。",
    "abnormal": "近期言行异常，家属反映夜间吵闹。",
    "stopped_medication": "家属反映其擅自停药一周。",
    "good_conduct": "积极参加村里公益劳动，表现良好。",
    "settled": "经帮扶在县城工厂稳定就业。",
}
_EVENT_KINDS = tuple(_EVENT_NOTES)
_EVENT_WEIGHTS = (8, 12, 10, 10, 6, 22, 14)
_CADRE_TITLES = ("村支书", "村主任", "社区主任", "村文书")
_RELATIONS = ("母亲", "父亲", "妻子", "丈夫", "哥哥", "姐姐", "儿子")


@dataclass(frozen=True)
class KeypersonDemo:
    persons: int
    keepers: int
    visits: int
    events: int
    warnings: int
    removals: int
    inspections: int


def _users_with(session: Session, permission: str) -> list[tuple[int, int | None, str]]:
    rows = session.execute(
        select(User.id, User.unit_id, User.display_name)
        .join(user_role, user_role.c.user_id == User.id)
        .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
        .where(User.active.is_(True), RolePermission.permission == permission)
        .distinct()
        .order_by(User.id)
    )
    return [(i, u, n) for i, u, n in rows]


def _ensure_drug_category(session: Session, actor: Actor) -> None:
    if session.execute(select(KpCategory.id).where(KpCategory.code == DRUG[0])).first() is None:
        session.add(
            KpCategory(
                code=DRUG[0],
                name=DRUG[1],
                base_points=DRUG[2],
                uses_mental_grade=False,
                builtin=False,
                sort_order=50,
                description="演示：管理员新增的类别",
                updated_by=actor.username,
            )
        )
        session.flush()


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(("138", "139", "151", "158", "187", "133", "189", "176")) + f"{rng.randrange(10**8):08d}"
    )


def load(
    session: Session,
    rng: random.Random,
    *,
    persons: int = 300,
    now: datetime | None = None,
    actor: Actor = SYSTEM,
) -> KeypersonDemo:
    require(session, actor, DEMO_LOAD)
    now = now or datetime.now(UTC)
    today = local_today(now)
    _ensure_drug_category(session, actor)
    rules = load_rules(session)
    stations = {
        u.town_code: u.id for u in session.execute(select(Unit).where(Unit.kind == "station")).scalars()
    }
    officers = _users_with(session, KP_VISIT)
    leaders = _users_with(session, KP_OVERRIDE)
    leader_ids = {uid for uid, _, _ in leaders}
    officers = [o for o in officers if o[0] not in leader_ids] or officers  # community officers, not leaders
    by_unit: dict[int | None, list[int]] = {}
    for uid, unit, _ in officers:
        by_unit.setdefault(unit, []).append(uid)
    lead_by_unit: dict[int | None, list[int]] = {}
    for uid, unit, _ in leaders:
        lead_by_unit.setdefault(unit, []).append(uid)
    names = {uid: name for uid, _, name in officers}
    fallback_officer = [uid for uid, unit, _ in officers if unit in stations.values()] or [
        o[0] for o in officers
    ]
    fallback_leader = [uid for uid, unit, _ in leaders if unit in stations.values()] or [
        o[0] for o in leaders
    ]

    citizens = session.execute(
        select(
            Citizen.id,
            Citizen.id_number,
            Citizen.name,
            Citizen.phone,
            Citizen.town_code,
            Citizen.village_code,
            Citizen.address,
            Citizen.birth_date,
        )
        .where(Citizen.birth_date <= today - timedelta(days=15 * 365), Citizen.town_code.is_not(None))
        .order_by(Citizen.id)
    ).all()
    taken = set(session.execute(select(KeyPerson.id_number)).scalars())
    pool = [c for c in citizens if c.id_number not in taken]
    chosen = rng.sample(pool, min(persons, len(pool)))
    kinds = [k for k, _ in CATEGORY_MIX]
    weights = [w for _, w in CATEGORY_MIX]
    rows: list[dict[str, Any]] = []
    for c in chosen:
        category = rng.choices(kinds, weights)[0]
        age = (today - c.birth_date).days // 365
        if category == "youth" and age > 25:
            category = "released"
        station = stations.get(c.town_code)
        officer = rng.choice(by_unit.get(station) or fallback_officer) if fallback_officer else None
        leader = rng.choice(lead_by_unit.get(station) or fallback_leader) if fallback_leader else None
        registered = today - timedelta(days=rng.randint(120, 3 * 365))
        rows.append(
            {
                "id_number": c.id_number,
                "name": c.name,
                "phone": c.phone,
                "category_code": category,
                "mental_grade": rng.choices(range(6), (20, 30, 25, 13, 8, 4))[0]
                if category == "mental"
                else None,
                "town_code": c.town_code,
                "village_code": c.village_code,
                "address": c.address,
                "household_address": c.address,
                "station_id": station,
                "officer_id": officer,
                "supervisor_id": leader,
                "citizen_id": c.id,
                "registered_on": registered,
                "keepers_missing": rules.required_keepers,
                "is_demo": True,
                "notes": "演示数据",
            }
        )
    if not rows:
        return KeypersonDemo(0, 0, 0, 0, 0, 0, 0)
    from app.core.pinyin import search_keys
    from app.core.validators import id_number_info

    for row in rows:
        info = id_number_info(row["id_number"])
        row["gender"], row["birth_date"] = info.gender, info.birth_date
        row["name_pinyin"], row["name_initials"] = search_keys(row["name"])
    rows = list(initial_rows(rules, categories(session), rows, today))
    bulk_insert(session, KeyPerson, rows, actor=actor)
    settle_imported(
        session, actor, [r["id_number"] for r in rows], now=now, reason="演示数据登记", cause=CAUSE_REGISTER
    )
    ids = dict(
        session.execute(
            select(KeyPerson.id_number, KeyPerson.id).where(
                KeyPerson.id_number.in_([r["id_number"] for r in rows])
            )
        ).all()
    )
    people = [{**r, "id": ids[r["id_number"]]} for r in rows]
    keepers = _keepers(session, rng, people, names, actor)
    visits = _old_visits(session, rng, people, rules, today, actor)
    events = _old_events(session, rng, people, today, actor)
    cats = categories(session)
    rescore_many(
        session,
        [p["id"] for p in people],
        rules=rules,
        now=now - timedelta(days=90),
        cause=CAUSE_SWEEP,
        cats=cats,
    )
    recent_visits, recent_events = _replay(session, rng, people, rules, now, actor)
    rescore_many(session, [p["id"] for p in people], rules=rules, now=now, cause=CAUSE_SWEEP, cats=cats)
    _handle_old_warnings(session, rng, now)
    removals = _removals(session, rng, people, now)
    inspections, _ = missed_in(session, now)
    warnings = len(session.execute(select(KpWarning.id)).all())
    return KeypersonDemo(
        len(people), keepers, visits + recent_visits, events + recent_events, warnings, removals, inspections
    )


def _keepers(
    session: Session, rng: random.Random, people: list[dict[str, Any]], names: dict[int, str], actor: Actor
) -> int:
    rows = []
    roles = load_rules(session).keeper_roles
    for p in people:
        count = len(roles) if rng.random() < 0.86 else rng.randint(1, len(roles) - 1)
        surname = p["name"][0]
        for role in roles[:count]:
            if role.code == "police" and p["officer_id"]:
                name, user, relation = names.get(p["officer_id"], "社区民警"), p["officer_id"], "社区民警"
            elif role.code == "cadre":
                name, user, relation = (
                    rng.choice("王李张刘陈杨黄赵周吴") + rng.choice("建明国华德福春海"),
                    None,
                    rng.choice(_CADRE_TITLES),
                )
            elif role.code == "grid":
                name, user, relation = (
                    rng.choice("王李张刘陈杨黄赵周吴") + rng.choice("小丽红梅晓燕丽娟"),
                    None,
                    "网格员",
                )
            else:
                name, user, relation = (
                    surname + rng.choice("秀英桂兰建国志强春梅"),
                    None,
                    rng.choice(_RELATIONS),
                )
            rows.append(
                {
                    "person_id": p["id"],
                    "role_code": role.code,
                    "name": name,
                    "phone": _phone(rng),
                    "user_id": user,
                    "relation": relation,
                    "organisation": "",
                }
            )
    bulk_insert(session, KpKeeper, rows, actor=actor)
    refresh_all_missing(session, load_rules(session))
    return len(rows)


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), LOCAL_TZ).astimezone(UTC)


def _old_visits(
    session: Session, rng: random.Random, people: list[dict[str, Any]], rules: Any, today: date, actor: Actor
) -> int:
    """Visits from registration until 90 days ago, at about the schedule of each person's first level."""
    rows = []
    last: dict[int, tuple[datetime, datetime | None]] = {}
    stop = today - timedelta(days=90)
    for p in people:
        interval = rules.visit_interval(p["level"], p.get("mental_grade"))
        day = p["registered_on"] + timedelta(days=rng.randint(1, interval))
        latest = contact = None
        while day < stop:
            kind = rng.choices((VISIT_HOME, VISIT_PHONE, VISIT_VIDEO, VISIT_REPORT), (50, 25, 15, 10))[0]
            reached = rng.random() > 0.06
            at = _at(day, rng)
            rows.append(
                {
                    "person_id": p["id"],
                    "kind": kind,
                    "visited_at": at,
                    "place": p["address"]
                    if kind == VISIT_HOME
                    else ("派出所" if kind == VISIT_REPORT else ""),
                    "findings": rng.choice(_VISIT_NOTES[kind]) if reached else rng.choice(_MISSED_NOTES),
                    "contact_made": reached,
                    "visitor_name": "社区民警",
                    "officer_id": p["officer_id"],
                }
            )
            latest = at
            contact = at if reached else contact
            day += timedelta(days=max(1, interval + rng.randint(-3, 4)))
        if latest is not None:
            last[p["id"]] = (latest, contact)
    bulk_insert(session, KpVisit, rows, actor=actor)
    for pid, (latest, contact) in last.items():
        values: dict[str, Any] = {"last_visit_at": latest}
        if contact is not None:
            values["last_contact_at"] = contact
        session.execute(update(KeyPerson).where(KeyPerson.id == pid).values(**values))
    return len(rows)


def _old_events(
    session: Session, rng: random.Random, people: list[dict[str, Any]], today: date, actor: Actor
) -> int:
    rows = []
    for p in people:
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                kind = rng.choices(_EVENT_KINDS, _EVENT_WEIGHTS)[0]
                day = today - timedelta(days=rng.randint(91, 400))
                if day > p["registered_on"]:
                    rows.append(
                        {
                            "person_id": p["id"],
                            "kind": kind,
                            "occurred_on": day,
                            "note": _EVENT_NOTES[kind],
                            "automatic": False,
                        }
                    )
    bulk_insert(session, KpEvent, rows, actor=actor)
    return len(rows)


def _replay(
    session: Session,
    rng: random.Random,
    people: list[dict[str, Any]],
    rules: Any,
    now: datetime,
    actor: Actor,
) -> tuple[int, int]:
    """The last 90 days, day by day, through the real scoring: warnings are raised on the days they were."""
    today = local_today(now)
    plans: list[tuple[datetime, str, int]] = []
    for p in people:
        if rng.random() < 0.22:
            kind = rng.choices(_EVENT_KINDS, _EVENT_WEIGHTS)[0]
            plans.append((_at(today - timedelta(days=rng.randint(0, 89)), rng), kind, p["id"]))
    events = visits = 0
    ids = [p["id"] for p in people]
    cats = categories(session)
    ticks = [
        (datetime.combine(today - timedelta(days=back), time(1, 30), LOCAL_TZ).astimezone(UTC), "", 0)
        for back in range(84, 0, -7)
    ]  # a weekly sweep: decay and expiring credits change levels on the days they did
    for at, kind, pid in sorted(plans + ticks):
        if not kind:
            rescore_many(session, ids, rules=rules, now=at, cause=CAUSE_SWEEP, cats=cats)
            continue
        person = load_person(session, pid)
        session.add(
            KpEvent(
                person_id=pid,
                kind=kind,
                occurred_on=at.astimezone(LOCAL_TZ).date(),
                note=_EVENT_NOTES[kind],
                updated_by="demo",
            )
        )
        session.flush()
        rescore(
            session, person, rules=rules, now=at, cause=CAUSE_EVENT, actor=actor, note=_EVENT_NOTES[kind][:40]
        )
        events += 1
    visit_rows = []
    for p in people:
        person = load_person(session, p["id"])
        interval = rules.visit_interval(person.level, person.mental_grade)
        day = today - timedelta(days=90) + timedelta(days=rng.randint(0, interval))
        latest = contact = None
        while day <= today - timedelta(days=1):
            if rng.random() < 0.08:  # a visit that slipped: the sweep will find it
                day += timedelta(days=interval + rng.randint(3, 9))
                continue
            kind = rng.choices((VISIT_HOME, VISIT_PHONE, VISIT_VIDEO, VISIT_REPORT), (50, 25, 15, 10))[0]
            at = _at(day, rng)
            visit_rows.append(
                {
                    "person_id": p["id"],
                    "kind": kind,
                    "visited_at": at,
                    "place": p["address"] if kind == VISIT_HOME else "",
                    "findings": rng.choice(_VISIT_NOTES[kind]),
                    "contact_made": True,
                    "visitor_name": "社区民警",
                    "officer_id": p["officer_id"],
                }
            )
            latest = contact = at
            day += timedelta(days=max(1, interval + rng.randint(-2, 2)))
        if latest is not None:
            person.last_visit_at = latest
            person.last_contact_at = contact
        reschedule(person, rules, today)
        visits += 1
    bulk_insert(session, KpVisit, visit_rows, actor=actor)
    session.flush()
    return len(visit_rows), events


def _handle_old_warnings(session: Session, rng: random.Random, now: datetime) -> None:
    """Warnings more than two days old were handled by the person's officer (as a real county would have)."""
    notes = (
        "已当面核查，本人情绪稳定，已落实稳控措施。",
        "已联系家属和村干部共同做工作，情况可控。",
        "已上门约谈，签订承诺书，加强走访频次。",
    )
    old = session.execute(
        select(KpWarning, KeyPerson.officer_id)
        .join(KeyPerson, KeyPerson.id == KpWarning.person_id)
        .where(KpWarning.status.in_(WARNING_PENDING), KpWarning.raised_at < now - timedelta(days=2))
    ).all()
    for warning, officer in old:
        at = min(warning.due_at, warning.raised_at + timedelta(hours=rng.randint(1, 20)))
        warning.status = WARNING_HANDLED
        warning.acknowledged_by = warning.handled_by = officer
        warning.acknowledged_at = warning.raised_at + timedelta(minutes=rng.randint(5, 50))
        warning.handled_at = at
        warning.handling_note = rng.choice(notes)
        warning.updated_by = "demo"
    session.flush()


def _removals(session: Session, rng: random.Random, people: list[dict[str, Any]], now: datetime) -> int:
    """A few removal requests: some waiting, some approved, one rejected (requester and approver differ)."""
    from app.services.auth import actor_for

    candidates = [
        p
        for p in people
        if p["officer_id"] and p["supervisor_id"] and p["category_code"] in ("correction", "released")
    ]
    rng.shuffle(candidates)
    done = 0
    for i, p in enumerate(candidates[:6]):
        if p["officer_id"] == p["supervisor_id"]:
            continue
        person = load_person(session, p["id"])
        if person.level in ("red", "orange"):
            continue
        officer = actor_for(session, cast(User, session.get(User, p["officer_id"])))
        leader = actor_for(session, cast(User, session.get(User, p["supervisor_id"])))
        asked = now - timedelta(days=rng.randint(3, 40))
        req = request(
            session,
            officer,
            p["id"],
            "矫正期满，期间遵纪守法，表现良好，家庭稳定，申请撤销管控。"
            if p["category_code"] == "correction"
            else "刑满释放已满五年，期间无违法犯罪，已稳定就业，申请撤销管控。",
            [
                ("矫正期满或刑满释放满规定年限的证明材料", True),
                ("近期走访记录（不少于3次）", True),
                ("村（社区）出具的现实表现证明", rng.random() < 0.7),
            ],
            now=asked,
        )
        if i < 2:
            decide(
                session,
                leader,
                req.id,
                approve=True,
                opinion="材料齐全，同意撤管。",
                now=asked + timedelta(days=2),
            )
        elif i == 2:
            decide(
                session,
                leader,
                req.id,
                approve=False,
                opinion="近期仍有纠纷苗头，暂缓撤管，继续管控半年。",
                now=asked + timedelta(days=1),
            )
        done += 1
    return done


__all__ = ["KeypersonDemo", "load"]
