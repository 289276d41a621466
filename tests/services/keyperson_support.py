"""A small Langao world for the keyperson tests: a station, its officers and leaders, and persons to supervise.

Imported by tests/services/test_keyperson_*.py (and, as ``services.keyperson_support``, by the view tests).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.core.validators import make_id_number
from app.models.db import Database
from app.models.keyperson_person import KeyPerson
from app.models.org import Unit
from app.services import reference_data
from app.services.context import Actor
from app.services.keyperson_keepers import add
from app.services.keyperson_persons import create

# 2026-11-30 10:00 in Langao (UTC+8): a working morning, outside the SMS quiet hours.
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
TOWN = "610925100000"  # 城关镇
VILLAGE = "610925100001"
OTHER_TOWN = "610925101000"  # 佐龙镇
_seq = itertools.count(101)


def id_number(birth: date = date(1980, 5, 1)) -> str:
    return make_id_number("610925", birth, next(_seq) % 999 or 1)


@dataclass(frozen=True)
class World:
    station_id: int
    officer: Actor  # 社区民警 (community)
    boss: Actor  # 所长 (supervisor) of the station
    boss2: Actor  # another supervisor
    cadre: Actor  # a village cadre with an account (keeper)


def make_world(db: Database, make_user: Any) -> World:
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
        unit = Unit(code="PCS610925100", name="城关派出所", kind="station", town_code=TOWN, updated_by="t")
        s.add(unit)
        s.flush()
        station = unit.id
    officer = make_user(db, "zhangjing", ["community"], display_name="张警官", unit_id=station)
    boss = make_user(db, "chensuo", ["supervisor"], display_name="陈所长", unit_id=station)
    boss2 = make_user(db, "lisuo", ["supervisor"], display_name="李副所长", unit_id=station)
    cadre = make_user(db, "wangcun", ["officer"], display_name="王村支书", unit_id=station)
    with db.session() as s:
        from app.models.accounts import User

        for uid, phone in ((boss.user_id, "13900000001"), (officer.user_id, "13900000002")):
            s.get(User, uid).phone = phone  # type: ignore[union-attr]
    return World(station, officer, boss, boss2, cadre)


def register(
    db: Database,
    world: World,
    *,
    name: str = "刘某",
    category: str = "released",
    grade: int | None = None,
    town: str = TOWN,
    number: str | None = None,
    now: datetime = NOW,
    supervisor: bool = True,
    registered_on: date | None = None,
) -> int:
    values: dict[str, Any] = {
        "id_number": number or id_number(),
        "name": name,
        "category_code": category,
        "mental_grade": grade,
        "town_code": town,
        "address": "城关镇东街12号",
        "station_id": world.station_id,
        "officer_id": world.officer.user_id,
        "supervisor_id": world.boss.user_id if supervisor else None,
        "registered_on": registered_on or (now - timedelta(days=1)).date(),
    }
    with db.session() as s:
        return create(s, world.officer, values, now=now).row.id


KEEPERS = (
    ("police", "张警官", "13800000001"),
    ("cadre", "王村支书", "13800000002"),
    ("grid", "赵网格", "13800000003"),
    ("family", "刘母", "13800000004"),
)


def add_keepers(db: Database, world: World, person_id: int, count: int = 4) -> None:
    users = {"police": world.officer.user_id, "cadre": world.cadre.user_id}
    with db.session() as s:
        for role, name, phone in KEEPERS[:count]:
            add(
                s,
                world.officer,
                person_id,
                {"role_code": role, "name": name, "phone": phone, "user_id": users.get(role)},
            )


def person(db: Database, person_id: int) -> KeyPerson:
    with db.session() as s:
        p = s.execute(select(KeyPerson).where(KeyPerson.id == person_id)).scalar_one()
        s.expunge(p)
        return p
