"""The publicity demo: the county's rules and 54 measures, their history and a year of releases, all consistent."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.core.errors import DomainError
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_release import PublicityRelease, PublicityReleaseItem
from app.services import demo_data, demo_publicity, publicity_diff, publicity_figures
from app.services.context import SYSTEM

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    from conftest import drop_database_url, new_database_url

    from app.models.db import Database

    url = new_database_url(tmp_path_factory.mktemp("pubdemo"))
    db = Database(url)
    with db.session() as s:
        demo_data.load_demo(s, citizens=0, seed=7)
        result = demo_publicity.load(s, random.Random(7), today=TODAY)
    db.dispose()
    yield url, result
    drop_database_url(url)


@pytest.fixture
def demo(demo_url):
    from app.models.db import Database

    db = Database(demo_url[0])
    yield db, demo_url[1]
    db.dispose()


def test_the_demo_holds_the_rules_and_54_measures_each_in_force_once(demo):
    db, result = demo
    with db.session() as s:
        items = list(s.execute(select(PublicityItem).order_by(PublicityItem.number)).scalars())
        versions = list(s.execute(select(PublicityVersion)).scalars())
    assert result.items == 59 and len(versions) == result.versions
    assert sum(i.kind == "rule" for i in items) == 5 and sum(i.kind == "measure" for i in items) == 54
    titles = {i.title for i in items if i.kind == "rule"}
    assert titles == {"首接负责制", "一次办清制", "“五个一”工作法", "节假日窗口开放", "五类上门服务"}
    five = next(v for v in versions if v.title == "“五个一”工作法")
    assert all(k in five.content for k in ("一次告知", "一表申请", "一窗受理", "一网通办", "一次办结"))
    for item in items:
        mine = sorted((v for v in versions if v.item_id == item.id), key=lambda v: v.no)
        assert [v.status for v in mine].count("published") == 1
        assert item.published_no == next(v.no for v in mine if v.status == "published")
        assert item.latest_no == mine[-1].no and item.title == mine[-1].title
    for v in versions:
        if v.status in ("approved", "published", "withdrawn"):
            assert v.approved_by_id is not None and v.approved_by_id != v.author_id
    states = {v.status for v in versions}
    assert states == {"draft", "review", "published", "withdrawn"}


def test_the_demo_history_shows_real_differences(demo):
    db, _ = demo
    with db.session() as s:
        item = s.execute(select(PublicityItem).where(PublicityItem.number == "CS-17")).scalar_one()
        v1, v2 = s.execute(
            select(PublicityVersion.id)
            .where(PublicityVersion.item_id == item.id)
            .order_by(PublicityVersion.no)
        ).scalars()
        d = publicity_diff.diff_versions(s, SYSTEM, v1, v2)
    assert ("-", "10") in d.fields[0].segments and ("+", "7") in d.fields[0].segments


def test_the_demo_releases_cover_every_channel_within_its_limits(demo):
    db, _ = demo
    with db.session() as s:
        releases = list(s.execute(select(PublicityRelease)).scalars())
        items = list(s.execute(select(PublicityReleaseItem)).scalars())
        fig = publicity_figures.channel_figures(s, SYSTEM, date(2025, 1, 1), TODAY)
    assert {r.channel for r in releases} == {"tv", "flyer", "website", "mobile"}
    assert all(r.reach > 0 for r in releases)
    assert all(len(r.body) <= 500 for r in releases if r.channel == "mobile")
    first_page = min((r for r in releases if r.channel == "website"), key=lambda r: r.released_on)
    assert first_page.item_count == 59 and first_page.body.count("<article ") == 59
    assert {r.subject for r in releases} == {"rules", "figures"}
    by_release = {}
    for i in items:
        by_release.setdefault(i.release_id, 0)
        by_release[i.release_id] += 1
    assert all(by_release.get(r.id, 0) == r.item_count for r in releases)
    assert fig.row("flyer").reach == 28000 and fig.row("tv").releases == 4


def test_the_demo_is_loaded_once(demo):
    db, _ = demo
    with pytest.raises(DomainError, match="已有服务规则或便民措施"), db.session() as s:
        demo_publicity.load(s, random.Random(1), today=TODAY)
