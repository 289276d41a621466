"""Releases per channel: only approved versions go out, the mobile newspaper's limit, figures per channel."""

from __future__ import annotations

from datetime import date

import pytest
from publicity_support import approved, form, people, released, units
from sqlalchemy import func, select

from app.core.errors import ConflictError, DomainError, PermissionDenied
from app.models.publicity_item import PublicityVersion
from app.models.publicity_release import PublicityRelease, PublicityReleaseItem
from app.services import (
    publicity_catalogue,
    publicity_figures,
    publicity_releases,
    publicity_settings,
    publicity_versions,
    publicity_workflow,
)
from app.services.publicity_releases import ReleaseForm


@pytest.fixture
def setup(db):
    u = units(db)
    writer, boss, other = people(db)
    return u, writer, boss, other


def _count(db, model):
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_publishing_an_unapproved_version_is_refused_and_changes_nothing(db, setup):
    u, writer, boss, _ = setup
    ok = approved(db, writer, boss, "measure", form(u["ZADD"], "户口簿换补领当场办"))
    with db.session() as s:
        draft = publicity_catalogue.create_item(s, writer, "measure", form(u["ZADD"], "学生身份证集中办理"))
    for channel in ("website", "flyer", "tv", "mobile"):
        with pytest.raises(DomainError) as err, db.session() as s:
            publicity_releases.release(s, writer, ReleaseForm(channel, (ok.id, draft.id), reach=10))
        assert err.value.message() == (
            "“学生身份证集中办理”第1版尚未审核批准（当前状态：草稿），不能发布。只有经审核批准的版本才能发布。"
        )
    assert _count(db, PublicityRelease) == 0
    with db.session() as s:
        assert (
            s.get(PublicityVersion, ok.id).status == "approved"
        )  # the approved one was not published either
    with db.session() as s:  # under review is not approved either
        d = publicity_versions.get(s, writer, draft.id)
        publicity_workflow.submit(s, writer, d.id, d.version)
    with pytest.raises(DomainError, match="当前状态：待审核"), db.session() as s:
        publicity_releases.release(s, writer, ReleaseForm("website", (draft.id,)))


def test_a_release_records_channel_date_approver_exact_versions_and_reach(db, setup):
    u, writer, boss, other = setup
    a = approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    b = approved(db, writer, other, "measure", form(u["JJDD"], "驾驶证换补证当场办", "材料齐全的当场发证。"))
    with db.session() as s:
        rel = publicity_releases.release(
            s, writer,
            ReleaseForm("flyer", (a.id, b.id), released_on=date(2026, 3, 2), reach=20000, note="印发至各镇"),
        )  # fmt: skip
    assert (rel.channel, rel.released_on, rel.reach, rel.recorded_by_name) == (
        "flyer",
        date(2026, 3, 2),
        20000,
        "周宣传",
    )
    assert rel.approvers == "陈局长、刘政委"
    assert [(i.item_number, i.version_no, i.approved_by_name) for i in rel.items] == [
        ("GZ-01", 1, "陈局长"),
        ("CS-01", 1, "刘政委"),
    ]
    # the reach is entered by hand later, and a stale edit is refused
    with db.session() as s:
        rel2 = publicity_releases.update_reach(s, writer, rel.id, rel.version, 21500, "加印1500份")
    assert (rel2.reach, rel2.note) == (21500, "加印1500份")
    with pytest.raises(ConflictError), db.session() as s:
        publicity_releases.update_reach(s, writer, rel.id, rel.version, 1)
    with pytest.raises(PermissionDenied), db.session() as s:
        publicity_releases.update_reach(s, boss, rel.id, rel2.version, 1)
    # the released item rows can never change
    with pytest.raises(Exception, match="append-only"), db.session() as s:
        s.execute(PublicityReleaseItem.__table__.update().values(version_no=9))


def test_a_new_published_version_replaces_the_old_one(db, setup):
    u, writer, boss, _ = setup
    v1 = approved(db, writer, boss, "measure", form(u["ZADD"], content="工作日开放。"))
    released(db, writer, [v1])
    with db.session() as s:
        v1 = publicity_versions.get(s, writer, v1.id)
        v2 = publicity_versions.edit(
            s, writer, v1.id, v1.version, form(u["ZADD"], content="周六也开放。")
        ).version
        v2 = publicity_workflow.submit(s, writer, v2.id, v2.version)
        v2 = publicity_workflow.approve(s, boss, v2.id, v2.version)
    released(db, writer, [v2], channel="website")
    with db.session() as s:
        old, new = s.get(PublicityVersion, v1.id), s.get(PublicityVersion, v2.id)
        assert (old.status, old.withdrawn_reason, new.status) == ("withdrawn", "由第2版替代", "published")
        where = publicity_releases.releases_of_version(s, writer, v1.id)
    assert [r.channel for r in where] == ["flyer"]


def test_a_mobile_newspaper_text_over_the_limit_is_refused(db, setup, admin):
    u, writer, boss, _ = setup
    long = "群众" * 130  # 260 characters
    a = approved(db, writer, boss, "measure", form(u["ZADD"], "甲", long))
    b = approved(db, writer, boss, "measure", form(u["ZADD"], "乙", long))
    with pytest.raises(DomainError) as err, db.session() as s:
        publicity_releases.release(s, writer, ReleaseForm("mobile", (a.id, b.id), reach=100))
    message = err.value.message()
    assert message.startswith("手机报稿件共 5") and "超过了手机报 500 字的上限，未发布" in message
    assert _count(db, PublicityRelease) == 0
    with db.session() as s:
        assert s.get(PublicityVersion, a.id).status == "approved"
    # a hand-shortened text within the limit goes out and is kept exactly
    with db.session() as s:
        rel = publicity_releases.release(
            s, writer, ReleaseForm("mobile", (a.id, b.id), body="【岚皋公安】两项便民措施。")
        )
    assert rel.body == "【岚皋公安】两项便民措施。"
    # the limit is configurable
    with db.session() as s:
        settings = publicity_settings.load(s)
        publicity_settings.save(s, writer, publicity_settings.PublicitySettings(
            **{**settings.__dict__, "mobile_limit": 600}))  # fmt: skip
        rel = publicity_releases.release(s, writer, ReleaseForm("mobile", (a.id, b.id)))
    assert len(rel.body) > 500 and rel.body.startswith("【岚皋公安】")
    with pytest.raises(DomainError, match="手机报稿件共 .* 字，超过了手机报 70 字的上限"), db.session() as s:
        settings = publicity_settings.load(s)
        publicity_settings.save(
            s, writer, publicity_settings.PublicitySettings(**{**settings.__dict__, "mobile_limit": 70})
        )
        publicity_releases.release(s, writer, ReleaseForm("mobile", (a.id,)))


def test_figures_per_channel_and_period(db, setup):
    u, writer, boss, _ = setup
    a = approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    b = approved(db, writer, boss, "measure", form(u["ZADD"], "户口簿换补领当场办"))
    plan = [
        ("flyer", date(2026, 3, 2), (a, b), 20000),
        ("flyer", date(2026, 4, 9), (b,), 5000),
        ("website", date(2026, 3, 5), (a, b), 8600),
        ("tv", date(2026, 3, 20), (a,), 6),
        ("mobile", date(2026, 5, 1), (b,), 4200),  # outside the period below
    ]
    for channel, day, versions, reach in plan:
        with db.session() as s:
            publicity_releases.release(
                s, writer, ReleaseForm(channel, tuple(v.id for v in versions), released_on=day, reach=reach)
            )
    with db.session() as s:
        fig = publicity_figures.channel_figures(s, writer, date(2026, 3, 1), date(2026, 4, 30))
    rows = {r.channel: (r.releases, r.items, r.versions, r.reach, r.reach_label) for r in fig.rows}
    assert rows == {
        "tv": (1, 1, 1, 6, "播出次数"),
        "flyer": (2, 3, 2, 25000, "印发份数"),
        "website": (1, 2, 2, 8600, "浏览次数"),
        "mobile": (0, 0, 0, 0, "阅读次数"),
    }
    assert [(m.month, m.releases, m.reach) for m in fig.months] == [
        ("2026-03", {"flyer": 1, "website": 1, "tv": 1}, {"flyer": 20000, "website": 8600, "tv": 6}),
        ("2026-04", {"flyer": 1}, {"flyer": 5000}),
    ]
    with db.session() as s:
        fig = publicity_figures.channel_figures(s, writer, date(2026, 2, 15), date(2026, 5, 31))
    assert [(m.month, sum(m.releases.values())) for m in fig.months] == [
        ("2026-02", 0),
        ("2026-03", 3),
        ("2026-04", 1),
        ("2026-05", 1),
    ]
    with pytest.raises(DomainError, match="结束日期早于开始日期"), db.session() as s:
        publicity_figures.channel_figures(s, writer, date(2026, 4, 1), date(2026, 3, 1))
