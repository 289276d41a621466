"""Online submissions from the portal (JSON, CSV): every record validated, bad ones reported, bad files refused."""

from __future__ import annotations

import json

import pytest
from citizen_service_support import ID_1, ID_2, ID_3, bj, setup_catalogue
from sqlalchemy import func, select

from app.core.errors import DomainError
from app.models.service_item import ServiceItem
from app.services import portal_import

NOW = bj(2026, 12, 1, 9)


@pytest.fixture
def cat(db):
    return setup_catalogue(db)


def item_count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(ServiceItem)).scalar_one()


def test_a_json_export_is_checked_record_by_record_and_the_good_ones_registered(db, cat, clerk, tmp_path):
    records = [
        {
            "申报编号": "WS-001",
            "提交时间": "2026-11-29 20:15",
            "身份证号": ID_1,
            "姓名": "张三",
            "手机号": "13912345678",
            "事项编码": "ZM02",
            "材料": ["本人居民身份证或户口簿"],
            "表单": {"证明用途": "子女入学"},
        },
        {
            "申报编号": "WS-002",
            "提交时间": "2026-11-29T21:00:00+08:00",
            "身份证号": ID_2,
            "姓名": "王丽",
            "事项名称": "法律咨询",
            "表单": {"咨询问题": "劳动合同"},
        },
        {
            "申报编号": "WS-003",
            "提交时间": "2026-11-29 08:00",
            "身份证号": "610925199003051234",
            "姓名": "李四",
            "事项编码": "ZX01",
            "表单": {"咨询问题": "x"},
        },
        {"申报编号": "WS-004", "提交时间": "昨天", "身份证号": ID_3, "姓名": "赵五", "事项编码": "XX99"},
        {
            "申报编号": "WS-005",
            "提交时间": "2026-11-29 08:00",
            "身份证号": ID_3,
            "姓名": "赵五",
            "手机号": "12345",
            "事项编码": "ZX01",
        },
        "not a record",
    ]
    path = tmp_path / "portal.json"
    path.write_text(json.dumps({"records": records}, ensure_ascii=False), encoding="utf-8")
    with db.session() as s:
        preview = portal_import.read_file(s, clerk, path, now=NOW)
    assert item_count(db) == 0  # reading writes nothing
    assert preview.total == 6 and [f.external_ref for f in preview.good] == ["WS-001", "WS-002"]
    reasons = {b.number: " ".join(b.reasons) for b in preview.bad}
    assert "校验" in reasons[3]
    assert "提交时间“昨天”无法识别" in reasons[4] and "“XX99”不在事项目录中" in reasons[4]
    assert "手机" in reasons[5] and "请填写咨询问题" in reasons[5]
    assert "不是一条申报记录" in reasons[6]
    assert preview.summary() == "共 6 条申报，可导入 2 条，有问题 4 条（见下表，不会导入）。"
    with db.session() as s:
        result = portal_import.commit(s, clerk, preview, now=NOW)
    assert result.imported == 2 and item_count(db) == 2
    with db.session() as s:
        first = s.execute(select(ServiceItem).where(ServiceItem.external_ref == "WS-001")).scalar_one()
        assert first.channel == "portal" and first.status == "received" and first.owner_id is None
        assert first.tracking_no.startswith("MS20261129-")  # numbered by the day it was submitted
    with db.session() as s:  # the same export again: every record is already registered
        again = portal_import.read_file(s, clerk, path, now=NOW)
    assert again.good == () and all("已登记" in " ".join(b.reasons) for b in again.bad if b.number <= 2)


def test_a_csv_export_with_form_fields_as_columns(db, cat, clerk, tmp_path):
    path = tmp_path / "portal.csv"
    path.write_text(
        "申报编号,提交时间,身份证号,姓名,手机号,事项编码,案发时间,案发地点,简要案情,材料\n"
        f"C-1,2026-11-28 10:00,{ID_1},张三,13912345678,BA02,11月27日晚,城关镇,手机被盗,报案人身份证件\n"
        f"C-1,2026-11-28 11:00,{ID_2},王丽,,BA02,,,,\n",
        encoding="utf-8-sig",
    )
    with db.session() as s:
        preview = portal_import.read_file(s, clerk, path, now=NOW)
    assert preview.good == ()  # C-1 twice: nobody can tell which is right
    assert all("出现了 2 次" in " ".join(b.reasons) for b in preview.bad)
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("C-1,2026-11-28 11", "C-2,2026-11-28 11"),
        encoding="utf-8",
    )
    with db.session() as s:
        preview = portal_import.read_file(s, clerk, path, now=NOW)
        assert [f.form_values for f in preview.good] == [
            {"案发时间": "11月27日晚", "案发地点": "城关镇", "简要案情": "手机被盗"}
        ]
        assert "请填写案发时间" in " ".join(preview.bad[0].reasons)
        portal_import.commit(s, clerk, preview, now=NOW)
    assert item_count(db) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "文件是空的"),
        ('{"records": [', "JSON 格式错误"),
        ('{"foo": 1}', "找不到申报记录列表"),
        ("a,b,c\n1,2,3\n", "第一行不是表头"),
        ("[]", "没有申报记录"),
    ],
)
def test_a_malformed_file_is_refused_as_a_whole(db, cat, clerk, tmp_path, content, message):
    path = tmp_path / ("bad.json" if content.startswith(("{", "[")) else "bad.csv")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DomainError) as err, db.session() as s:
        portal_import.read_file(s, clerk, path, now=NOW)
    assert message in err.value.message() and path.name in err.value.message()
    assert item_count(db) == 0
