"""Shared set-up for the 警务保障 tests: two police stations, their officers and leaders, the support office
and a bureau leader (局领导)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from app.models.accounts import Role, User
from app.models.db import Database
from app.models.org import Unit
from app.services.auth import actor_for
from app.services.context import Actor


def make_user(
    db: Database, username: str, roles: list[str], *, display_name: str, unit_id: int | None = None
) -> Actor:
    """A user without a usable password (these tests never log in; argon2 would make them slow)."""
    with db.session() as s:
        user = User(
            username=username,
            display_name=display_name,
            password_hash="!",
            roles=list(s.execute(select(Role).where(Role.code.in_(roles))).scalars()),
            unit_id=unit_id,
        )
        s.add(user)
        s.flush()
        return actor_for(s, user)


NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 09:00 on 1 December 2026 in Langao
TODAY = date(2026, 12, 1)


@dataclass(frozen=True)
class Staff:
    chengguan: int
    zuolong: int
    office: int
    leader: Actor  # 城关派出所所长 (supervisor: unit leader)
    wang: Actor  # 城关 officer
    li: Actor  # 城关 community officer
    zhao: Actor  # 佐龙 officer
    keeper: Actor  # 警务保障室 support staff
    bureau: Actor  # 局领导
    bureau2: Actor  # another 局领导
    admin: Actor


def make_staff(db: Database) -> Staff:
    with db.session() as s:
        units = [
            Unit(code="PCS610925100", name="城关派出所", kind="station", sort_order=1),
            Unit(code="PCS610925101", name="佐龙派出所", kind="station", sort_order=2),
            Unit(code="JWBZS", name="警务保障室", kind="office", sort_order=3),
        ]
        s.add_all(units)
        s.flush()
        cg, zl, office = (u.id for u in units)
    return Staff(
        cg,
        zl,
        office,
        make_user(db, "leader1", ["supervisor"], display_name="陈所长", unit_id=cg),
        make_user(db, "wang1", ["officer"], display_name="王警官", unit_id=cg),
        make_user(db, "li1", ["community"], display_name="李警官", unit_id=cg),
        make_user(db, "zhao1", ["officer"], display_name="赵警官", unit_id=zl),
        make_user(db, "keeper1", ["support"], display_name="孙保障", unit_id=office),
        make_user(db, "bureau1", ["leader"], display_name="刘局长", unit_id=office),
        make_user(db, "bureau2", ["leader"], display_name="杨政委", unit_id=office),
        make_user(db, "sysadmin", ["admin"], display_name="系统管理员"),
    )
