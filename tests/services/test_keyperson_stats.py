"""The figures behind the charts and the statistics tables, and how they follow a change."""

from __future__ import annotations

import pytest
from conftest import make_user
from keyperson_support import NOW, OTHER_TOWN, add_keepers, make_world, register

from app.core.errors import PermissionDenied
from app.services import keyperson_stats, keyperson_visits
from app.services.keyperson_common import local_date

TODAY = local_date(NOW)


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def test_chart_figures_follow_a_change(db, world):
    a = register(db, world, name="甲某")
    register(db, world, name="乙某", town=OTHER_TOWN, category="correction")
    add_keepers(db, world, a, 2)
    with db.session() as s:
        before = keyperson_stats.dashboard(s, world.boss, today=TODAY)
    towns = [name for _, name in before.towns.towns]
    assert len(towns) == 12 and towns[0] == "城关镇"
    assert before.towns.by_level["blue"][towns.index("城关镇")] == 1
    assert before.towns.by_level["blue"][towns.index("佐龙镇")] == 1
    assert sum(before.daily.by_level["orange"]) == 0 and len(before.daily.days) == 90
    with db.session() as s:
        keyperson_visits.record_event(
            s, world.officer, a, {"kind": "offence", "occurred_on": TODAY, "note": "盗窃"}, now=NOW
        )
    with db.session() as s:
        after = keyperson_stats.dashboard(s, world.boss, today=TODAY)
    assert after.towns.by_level["blue"][0] == 0 and after.towns.by_level["orange"][0] == 1
    assert after.daily.by_level["orange"][-1] == 1 and after.daily.days[-1] == TODAY
    assert after.high_risk[-1] == 0 and after.red_now == 0


def test_statistics_by_each_grouping_with_totals(db, world):
    register(db, world, name="甲某")
    register(db, world, name="乙某", category="mental", grade=4)
    register(db, world, name="丙某", town=OTHER_TOWN, category="correction")
    with db.session() as s:
        by_category = keyperson_stats.statistics(s, world.boss, "category")
        by_officer = keyperson_stats.statistics(s, world.boss, "officer")
        by_town = keyperson_stats.statistics(s, world.boss, "town")
    assert by_category.headers[:2] == ("人员类别", "无预警") and by_category.headers[-2:] == (
        "四管不全",
        "走访逾期",
    )
    rows = {r[0]: r for r in by_category.rows}
    assert rows["严重精神障碍患者"][4] == 1  # 50 points: orange column
    assert rows["合计"][6] == 3 and rows["合计"][7] == 3  # all three lack keepers
    assert by_officer.rows[0][0] == "张警官" and by_officer.rows[0][6] == 3
    assert [r[0] for r in by_town.rows] == ["城关镇", "佐龙镇", "合计"]  # the official order of the towns


def test_statistics_need_the_permission(db, world, clerk):
    with pytest.raises(PermissionDenied), db.session() as s:
        keyperson_stats.statistics(s, clerk, "level")


def test_the_distribution_follows_every_writer_and_survives_compaction(db, world):
    from datetime import timedelta

    from sqlalchemy import func, select, text

    from app.models.keyperson_warning import KpLevelDelta
    from app.services.keyperson_sweep import run_sweep

    a = register(db, world, name="甲某")
    register(db, world, name="乙某", town=OTHER_TOWN)
    with db.session() as s:  # another program writing straight to the table is counted too (triggers)
        s.execute(text("UPDATE key_person SET level = 'red' WHERE id = :p"), {"p": a})
        counts = keyperson_stats.dashboard(s, world.boss, today=TODAY)
    assert counts.towns.by_level["red"][0] == 1 and counts.red_now == 1
    result = run_sweep(db, NOW + timedelta(days=62))  # both lost (Core UPDATE of status), then compacted
    assert result["lost"] == 2 and result["chart_rows_folded"] > 0
    with db.session() as s:
        after = keyperson_stats.dashboard(s, world.boss, today=TODAY)
        rows = s.execute(select(func.count()).select_from(KpLevelDelta)).scalar_one()
        truth = dict(
            ((t, lv), n)
            for t, lv, n in s.execute(
                text(
                    "SELECT town_code, level, count(*) FROM key_person WHERE status IN ('active','lost') GROUP BY 1, 2"
                )
            )
        )
    shown = {
        (code, lv): after.towns.by_level[lv][i]
        for i, (code, _) in enumerate(after.towns.towns)
        for lv in after.towns.by_level
    }
    assert {k: v for k, v in shown.items() if v} == truth
    assert rows <= 3  # one row per (status, town, level) left
