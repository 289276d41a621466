"""Versions of rules and measures: the workflow, the differences between versions, the approval rule."""

from __future__ import annotations

import pytest
from publicity_support import approved, form, people, released, units
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.core.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from app.models.audit import AuditRecord
from app.models.messaging import InboxMessage
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.services import publicity_catalogue, publicity_diff, publicity_versions, publicity_workflow
from app.services.publicity_catalogue import VersionForm


@pytest.fixture
def setup(db):
    u = units(db)
    writer, boss, other = people(db)
    return u, writer, boss, other


def _status(db, version_id):
    with db.session() as s:
        return s.get(PublicityVersion, version_id).status


def test_a_version_goes_draft_review_approved_published_withdrawn(db, setup):
    u, writer, boss, _ = setup
    with db.session() as s:
        v = publicity_catalogue.create_item(s, writer, "rule", form(u["ZADD"]))
        assert (v.item_number, v.no, v.status, v.author_name) == ("GZ-01", 1, "draft", "周宣传")
        v = publicity_workflow.submit(s, writer, v.id, v.version)
        assert v.status == "review"
        v = publicity_workflow.approve(s, boss, v.id, v.version, "同意")
        assert (v.status, v.approved_by_name, v.review_opinion) == ("approved", "陈局长", "同意")
    rel = released(db, writer, [v], channel="website", reach=320)
    assert _status(db, v.id) == "published"
    assert [(i.item_number, i.version_no, i.approved_by_name) for i in rel.items] == [("GZ-01", 1, "陈局长")]
    with db.session() as s:
        item = s.get(PublicityItem, v.item_id)
        assert (item.published_no, item.latest_status) == (1, "published")
        v = publicity_versions.get(s, writer, v.id)
        v = publicity_workflow.withdraw(s, writer, v.id, v.version, "该规则已被新规定取代")
        assert v.status == "withdrawn" and v.withdrawn_reason == "该规则已被新规定取代"
        assert s.get(PublicityItem, v.item_id).published_no is None
    with db.session() as s:
        actions = [
            a
            for (a,) in s.execute(select(AuditRecord.action).where(AuditRecord.entity == "publicity_version"))
        ]
    assert actions == ["create", "submit", "approve", "publish", "withdraw"]


def test_the_approvers_are_told_and_the_author_hears_the_decision(db, setup):
    u, writer, boss, other = setup
    with db.session() as s:
        v = publicity_catalogue.create_item(s, writer, "measure", form(u["ZADD"], "身份证加急办理"))
        v = publicity_workflow.submit(s, writer, v.id, v.version)
        publicity_workflow.send_back(s, boss, v.id, v.version, "请写明加急的收费标准")
    with db.session() as s:
        got = {(m.user_id, m.title) for m in s.execute(select(InboxMessage)).scalars()}
    assert (boss.user_id, "待审核：身份证加急办理（第1版）") in got
    assert (other.user_id, "待审核：身份证加急办理（第1版）") in got
    assert (writer.user_id, "退回修改：身份证加急办理（第1版）") in got
    assert _status(db, v.id) == "draft"


def test_editing_a_draft_changes_it_in_place_and_a_stale_save_is_refused(db, setup):
    u, writer, *_ = setup
    with db.session() as s:
        v = publicity_catalogue.create_item(s, writer, "measure", form(u["ZADD"]))
        r = publicity_versions.edit(s, writer, v.id, v.version, form(u["ZADD"], content="新内容。"))
        assert (r.created, r.version.no, r.version.content) == (False, 1, "新内容。")
    with pytest.raises(ConflictError), db.session() as s:
        publicity_versions.edit(s, writer, v.id, v.version, form(u["ZADD"], content="旧页面上的修改。"))
    with db.session() as s:
        assert s.get(PublicityVersion, v.id).content == "新内容。"


def test_editing_a_published_version_makes_a_new_version_and_leaves_the_published_one(db, setup):
    u, writer, boss, _ = setup
    v1 = approved(
        db, writer, boss, "measure", form(u["ZADD"], "户籍业务预约办理", "工作日可电话预约办理户籍业务。")
    )
    released(db, writer, [v1])
    with db.session() as s:
        v1 = publicity_versions.get(s, writer, v1.id)
        r = publicity_versions.edit(
            s, writer, v1.id, v1.version,
            form(u["ZADD"], "户籍业务预约办理", "工作日和周六上午可电话或网上预约办理户籍业务。", change_note="增加周六"),
        )  # fmt: skip
    assert r.created and r.version.no == 2 and r.version.status == "draft"
    assert "第1版已发布，内容不能修改；已按您的修改另建第2版草稿" in r.notice
    with db.session() as s:
        old = s.get(PublicityVersion, v1.id)
        assert (old.status, old.content) == ("published", "工作日可电话预约办理户籍业务。")
        assert s.get(PublicityItem, v1.item_id).latest_no == 2
        # a second edit of the published text while the draft exists is refused, naming the draft
        with pytest.raises(DomainError) as err:
            publicity_versions.edit(s, writer, v1.id, old.version, form(u["ZADD"], content="又一次修改。"))
    assert (
        err.value.message()
        == "“户籍业务预约办理”已有第2版（草稿）正在办理，请在该版本上继续，不能再另建新版本。"
    )


def test_a_version_under_review_or_approved_cannot_be_edited(db, setup):
    u, writer, boss, _ = setup
    with db.session() as s:
        v = publicity_catalogue.create_item(s, writer, "rule", form(u["ZADD"]))
        v = publicity_workflow.submit(s, writer, v.id, v.version)
    with pytest.raises(DomainError) as err, db.session() as s:
        publicity_versions.edit(s, writer, v.id, v.version, form(u["ZADD"], content="改一下"))
    assert err.value.message() == "“首接负责制”第1版待审核，内容不能修改。如需修改，请由审核领导退回后再改。"
    with db.session() as s:
        v = publicity_workflow.approve(s, boss, v.id, v.version)
    with pytest.raises(DomainError) as err, db.session() as s:
        publicity_versions.edit(s, writer, v.id, v.version, form(u["ZADD"], content="改一下"))
    assert "已批准的版本须原样发布" in err.value.message()
    assert _status(db, v.id) == "approved"


def test_nobody_approves_their_own_draft(db, setup):
    u, writer, boss, other = setup
    from conftest import make_user

    both = make_user(db, "dual", ["publicity", "supervisor"], display_name="吴双岗")
    with db.session() as s:
        v = publicity_catalogue.create_item(s, both, "measure", form(u["JJDD"], "驾驶证补换领"))
        v = publicity_workflow.submit(s, both, v.id, v.version)
    with pytest.raises(DomainError) as err, db.session() as s:
        publicity_workflow.approve(s, both, v.id, v.version)
    assert (
        err.value.message()
        == "不能审批本人起草或修改过的稿件（“驾驶证补换领”第1版），请由其他有审批权限的领导审批。"
    )
    assert _status(db, v.id) == "review"
    # a supervisor who changed someone else's draft may not approve it either
    with db.session() as s:
        w = publicity_catalogue.create_item(s, writer, "measure", form(u["JJDD"], "车辆年检提醒"))
        w = publicity_versions.edit(
            s, both, w.id, w.version, form(u["JJDD"], "车辆年检提醒", "到期前短信提醒。")
        ).version
        w = publicity_workflow.submit(s, writer, w.id, w.version)
    with pytest.raises(DomainError, match="不能审批本人起草或修改过的稿件"), db.session() as s:
        publicity_workflow.approve(s, both, w.id, w.version)
    with db.session() as s:  # a different supervisor may
        assert publicity_workflow.approve(s, other, w.id, w.version).approved_by_name == "刘政委"
    with pytest.raises(PermissionDenied), db.session() as s:  # and the officer may not approve at all
        publicity_workflow.approve(s, writer, v.id, v.version)


def test_the_database_refuses_an_approver_who_wrote_the_draft_and_a_change_to_published_wording(db, setup):
    u, writer, boss, _ = setup
    v = approved(db, writer, boss, "rule", form(u["ZADD"]))
    released(db, writer, [v])
    with pytest.raises(DBAPIError, match="wording is frozen"), db.session() as s:
        s.execute(update(PublicityVersion).where(PublicityVersion.id == v.id).values(content="偷偷改"))
    with pytest.raises(IntegrityError, match="four_eyes"), db.session() as s:
        s.execute(
            update(PublicityVersion).where(PublicityVersion.id == v.id).values(approved_by_id=writer.user_id)
        )
    with db.session() as s:
        assert s.get(PublicityVersion, v.id).content == form(u["ZADD"]).content
        s.execute(text("UPDATE publicity_version SET review_opinion = '补记' WHERE id = :i"), {"i": v.id})


def test_the_differences_between_versions_show_what_was_added_and_removed(db, setup):
    u, writer, boss, _ = setup
    v1 = approved(db, writer, boss, "measure",
                  form(u["ZADD"], "节假日户籍窗口开放", "法定节假日期间，户籍窗口上午开放。"))  # fmt: skip
    released(db, writer, [v1])
    with db.session() as s:
        v1 = publicity_versions.get(s, writer, v1.id)
        v2 = publicity_versions.edit(
            s, writer, v1.id, v1.version,
            form(u["JJDD"], "节假日户籍窗口开放", "法定节假日期间，户籍窗口全天开放，并提供预约服务。"),
        ).version  # fmt: skip
        d = publicity_diff.diff_versions(s, writer, v1.id, v2.id)
        history = publicity_versions.history(s, writer, v1.item_id)
    assert [v.no for v in history] == [2, 1]
    assert [f.label for f in d.fields] == ["内容", "责任部门"]
    content = d.fields[0]
    assert "".join(t for op, t in content.segments if op != "+") == v1.content
    assert "".join(t for op, t in content.segments if op != "-") == v2.content
    assert ("-", "上午") in content.segments and ("+", "全天") in content.segments
    assert ("+", "，并提供预约服务") in content.segments
    assert d.summary() == [
        "内容：删去“上午”；增加“全天”；增加“，并提供预约服务”",
        "责任部门：删去“治安管理大队”；增加“交通警察大队”",
    ]


def test_bad_wording_is_refused_field_by_field(db, setup):
    u, writer, *_ = setup
    with pytest.raises(ValidationError) as err, db.session() as s:
        publicity_catalogue.create_item(
            s, writer, "measure",
            VersionForm(title="", content="   ", unit_id=u["ZADD"], effective_from=None),
        )  # fmt: skip
    assert set(err.value.field_errors) == {"title", "content", "effective_from"}
    with db.session() as s:
        assert s.execute(select(PublicityItem)).first() is None


def test_the_sweep_withdraws_what_has_expired_once(db, setup):
    from datetime import UTC, date, datetime

    from app.services import sweeps

    u, writer, boss, _ = setup
    v = approved(db, writer, boss, "measure", form(u["ZADD"], "春运临时窗口", "春运期间增设临时窗口。",
                                                   effective_to=date(2026, 2, 28)))  # fmt: skip
    keep = approved(db, writer, boss, "measure", form(u["ZADD"], "长期措施"))
    released(db, writer, [v, keep])
    assert "publicity_expired" in {s.name for s in sweeps.discover()}
    with db.session() as s:
        assert publicity_workflow.expire(s, datetime(2026, 2, 28, 10, tzinfo=UTC)) == {"expired": 0}
        assert publicity_workflow.expire(s, datetime(2026, 3, 1, 10, tzinfo=UTC)) == {"expired": 1}
        assert publicity_workflow.expire(s, datetime(2026, 3, 2, 10, tzinfo=UTC)) == {"expired": 0}
        gone = s.get(PublicityVersion, v.id)
        assert (gone.status, gone.withdrawn_reason) == ("withdrawn", "有效期届满")
        assert s.get(PublicityVersion, keep.id).status == "published"
        assert s.get(PublicityItem, v.item_id).published_no is None
