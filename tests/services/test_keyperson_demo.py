"""The demo data: real towns and villages, keepers, a year of work, and level histories that add up."""

from __future__ import annotations

import random
from collections import defaultdict

from sqlalchemy import func, select

from app.models.keyperson_person import KeyPerson
from app.models.keyperson_risk import KpLevelChange
from app.models.org import Division
from app.services import demo_data, demo_keyperson


def test_the_demo_is_langao_shaped_and_every_level_has_its_history(db):
    with db.session() as s:
        demo_data.load_demo(s, citizens=600, seed=7)
        result = demo_keyperson.load(s, random.Random("7:keyperson"), persons=120)
    assert result.persons == 120 and result.keepers > 300 and result.visits > 1000
    assert result.warnings > 0 and result.removals > 0
    with db.session() as s:
        towns = set(s.execute(select(KeyPerson.town_code).distinct()).scalars())
        known = set(s.execute(select(Division.code).where(Division.level == "town")).scalars())
        assert towns <= known and len(towns) > 3
        levels = dict(s.execute(select(KeyPerson.id, KeyPerson.level)).all())
        chains: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for pid, old, new in s.execute(
            select(KpLevelChange.person_id, KpLevelChange.old_level, KpLevelChange.new_level).order_by(
                KpLevelChange.id
            )
        ):
            chains[pid].append((old, new))
        linked = s.execute(select(func.count()).where(KeyPerson.citizen_id.is_not(None))).scalar_one()
    assert linked == 120  # drawn from the citizen register
    for pid, level in levels.items():
        replay = "none"
        for old, new in chains[pid]:
            assert old == replay, pid
            replay = new
        assert replay == level, pid
