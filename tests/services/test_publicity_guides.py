"""Service guides are generated from the citizen-service catalogue and follow it when it changes."""

from __future__ import annotations

import pytest
from citizen_service_support import setup_catalogue
from conftest import make_user
from publicity_support import pdf_fonts, pdf_text
from sqlalchemy import select

from app.models.service_catalogue import ServiceCatalogueItem, split_lines
from app.printing.service_guide import render_guide, render_guides
from app.services import entity_service, publicity_guides, publicity_settings
from app.services.publicity_settings import PublicitySettings
from app.services.service_catalogue import CATALOGUE_SPEC


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


@pytest.fixture
def reader(db):
    return make_user(db, "minjing1", ["officer"], display_name="黄民警")


def test_every_catalogue_item_has_a_guide_that_says_what_the_catalogue_says(db, cat, reader):
    with db.session() as s:
        guides = publicity_guides.guides(s, reader)
        rows = {r.code: r for r in s.execute(select(ServiceCatalogueItem)).scalars()}
    assert sorted(g.code for g in guides) == sorted(cat)
    for g in guides:
        row = rows[g.code]
        assert (g.name, g.limit_days, g.needs_approval) == (row.name, row.limit_days, row.needs_approval)
        assert [m for m, _ in g.materials] == split_lines(row.materials)
        assert g.catalogue_version == row.version
    zm01 = next(g for g in guides if g.code == "ZM01")
    assert zm01.unit_name == "治安管理大队" and zm01.window == "县政务服务中心公安窗口（治安管理大队）"
    assert zm01.limit_text == "3个工作日" and zm01.certificate_name == "无犯罪记录证明"
    assert ("居住证（如适用）", True) in zm01.materials and ("本人有效居民身份证", False) in zm01.materials
    assert zm01.steps[2] == "审核：经办民警审核后报领导审批。"
    assert zm01.steps[3] == "办结：自受理之日起3个工作日内办结（补正材料期间不计），出具《无犯罪记录证明》。"


def test_the_guide_follows_the_catalogue_after_it_changes(db, cat, reader, admin, tmp_path):
    with db.session() as s:
        before = publicity_guides.guide(s, reader, cat["ZZ01"])
        row = entity_service.get(s, admin, CATALOGUE_SPEC, cat["ZZ01"])
        entity_service.update(
            s, admin, CATALOGUE_SPEC, row.id, row.version,
            {"limit_days": 8, "materials": "本人有效居民身份证\n近期一寸免冠照片\n房屋租赁合同或单位证明\n社保缴费证明（如适用）"},
        )  # fmt: skip
        after = publicity_guides.guide(s, reader, cat["ZZ01"])
    assert before.limit_text == "11个工作日" and after.limit_text == "8个工作日"
    assert [m for m, _ in after.materials] == [
        "本人有效居民身份证",
        "近期一寸免冠照片",
        "房屋租赁合同或单位证明",
        "社保缴费证明（如适用）",
    ]
    assert after.catalogue_version == before.catalogue_version + 1
    text = pdf_text(render_guide(after), tmp_path)
    assert "居住证申领办事指南" in text and "办理时限8个工作日" in text and "办理时限11" not in text
    assert "自受理之日起8个工作日内办结" in text and "申请方式窗口、网上、电话" in text
    assert "房屋租赁合同或单位证明" in text and "居住、就业或就读证明" not in text
    assert "社保缴费证明（如适用）符合情形时提交" in text
    assert f"目录记录第{after.catalogue_version}版" in text
    assert all(row[-5] == "yes" for row in pdf_fonts(render_guide(after), tmp_path))


def test_an_inactive_item_has_no_guide_and_the_window_comes_from_the_settings(db, cat, reader, admin):
    writer = make_user(db, "xuanchuan1", ["publicity"], display_name="周宣传")
    with db.session() as s:
        row = entity_service.get(s, admin, CATALOGUE_SPEC, cat["JB01"])
        entity_service.update(s, admin, CATALOGUE_SPEC, row.id, row.version, {"active": False})
        publicity_settings.save(
            s, writer, PublicitySettings(windows={"治安管理大队": "政务服务中心二楼3号窗口"})
        )
        guides = publicity_guides.guides(s, reader)
    assert "JB01" not in {g.code for g in guides}
    assert next(g for g in guides if g.code == "ZM02").window == "政务服务中心二楼3号窗口"


def test_all_guides_print_as_one_booklet(db, cat, reader, tmp_path):
    with db.session() as s:
        guides = publicity_guides.guides(s, reader)
    text = pdf_text(render_guides(guides), tmp_path)
    for g in guides:
        assert f"{g.name}办事指南" in text
    assert "法律咨询办事指南" in text and "无需提交材料" in text
