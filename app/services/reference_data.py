"""Reference data every database needs: the county's divisions and the bureau's departments.

Both loaders are idempotent and run on first start (so the 乡镇/村（社区） choices exist without demo data) and
again from the demo data. What is present is kept; only what is missing is added (a division whose name or
parent changed in a newer reference file is corrected). They work in the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.orm import Session

from app.core.paths import resource
from app.models.db import mark_changed
from app.models.org import Division, Unit
from app.services import audit
from app.services.context import SYSTEM, Actor

DIVISIONS_FILE = ("reference", "langao_divisions.json")

_DIVISION_TABLE = cast(Table, Division.__table__)

LEVEL_COUNTY = "county"
LEVEL_TOWN = "town"
LEVEL_VILLAGE = "village"


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str  # department / office
    sort_order: int


# The eleven departments (大队) typical of a county bureau, plus the 警务保障室. Unconfirmed for Langao:
# administrators may rename them; the loader never overwrites an existing unit.
DEPARTMENTS: tuple[UnitSpec, ...] = (
    UnitSpec("ZHZX", "指挥中心", "department", 10),
    UnitSpec("ZZC", "政治处", "department", 20),
    UnitSpec("DCDD", "警务督察大队", "department", 30),
    UnitSpec("FZDD", "法制大队", "department", 40),
    UnitSpec("ZADD", "治安管理大队", "department", 50),
    UnitSpec("XZDD", "刑事侦查大队", "department", 60),
    UnitSpec("JJDD", "交通警察大队", "department", 70),
    UnitSpec("JZDD", "经济犯罪侦查大队", "department", 80),
    UnitSpec("JDDD", "禁毒大队", "department", 90),
    UnitSpec("WADD", "网络安全保卫大队", "department", 100),
    UnitSpec("GBDD", "国内安全保卫大队", "department", 110),
    UnitSpec("JWBZS", "警务保障室", "office", 120),
)


@dataclass(frozen=True)
class DivisionRow:
    code: str
    name: str
    level: str
    parent_code: str | None


@lru_cache(maxsize=1)
def division_reference() -> dict[str, Any]:
    """The parsed ``langao_divisions.json`` (county, towns, villages) shipped under resources/reference."""
    with resource(*DIVISIONS_FILE).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def division_rows() -> list[DivisionRow]:
    """County, then towns, then villages: parents always come before their children."""
    data = division_reference()
    county = data["county"]
    rows = [DivisionRow(county["code"], county["name"], LEVEL_COUNTY, None)]
    rows += [DivisionRow(t["code"], t["name"], LEVEL_TOWN, county["code"]) for t in data["towns"]]
    rows += [
        DivisionRow(v["code"], v["name"], LEVEL_VILLAGE, t["code"])
        for t in data["towns"]
        for v in t["villages"]
    ]
    return rows


def load_divisions(session: Session, *, actor: Actor | None = SYSTEM, audited: bool = True) -> int:
    """Add the county, its 12 towns and 136 villages where missing; return how many rows were added.

    Existing rows keep their code; a name, level or parent that differs from the reference is corrected.
    When something changed and ``audited`` is true, one ``load_divisions`` audit record is written.
    """
    rows = division_rows()
    existing = {
        code: (name, level, parent)
        for code, name, level, parent in session.execute(
            select(Division.code, Division.name, Division.level, Division.parent_code).where(
                Division.code.in_([r.code for r in rows])
            )
        )
    }
    missing = [r for r in rows if r.code not in existing]
    changed = [r for r in rows if r.code in existing and existing[r.code] != (r.name, r.level, r.parent_code)]
    if missing:
        # One executemany in parent-before-child order satisfies the self-referencing foreign key.
        session.execute(
            insert(_DIVISION_TABLE),
            [
                {"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
                for r in missing
            ],
        )
    for r in changed:
        session.execute(
            update(_DIVISION_TABLE)
            .where(Division.code == r.code)
            .values(name=r.name, level=r.level, parent_code=r.parent_code)
        )
    if missing or changed:
        mark_changed(session, "division")
        if audited:
            audit.record(
                session,
                actor,
                "load_divisions",
                entity="division",
                new={"added": len(missing), "corrected": len(changed)},
            )
    return len(missing)


def load_departments(session: Session, *, actor: Actor | None = SYSTEM, audited: bool = True) -> int:
    """Add the 11 departments and the 警务保障室 where missing (by code or name); return how many were added.

    An existing unit is never changed: administrators may have renamed or re-numbered it.
    """
    present = session.execute(
        select(Unit.code, Unit.name).where(
            or_(Unit.code.in_([d.code for d in DEPARTMENTS]), Unit.name.in_([d.name for d in DEPARTMENTS]))
        )
    ).all()
    codes = {code for code, _ in present}
    names = {name for _, name in present}
    added = [d for d in DEPARTMENTS if d.code not in codes and d.name not in names]
    username = actor.username if actor else SYSTEM.username
    for d in added:
        session.add(
            Unit(
                code=d.code,
                name=d.name,
                kind=d.kind,
                sort_order=d.sort_order,
                is_demo=False,
                updated_by=username,
            )
        )
    if added:
        session.flush()
        if audited:
            audit.record(
                session,
                actor,
                "load_departments",
                entity="unit",
                new={"added": len(added), "units": [d.name for d in added]},
            )
    return len(added)
