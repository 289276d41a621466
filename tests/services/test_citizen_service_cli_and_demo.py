"""The ``service`` command line and the demo data: every sub-command has help; the figures come from the data."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from citizen_service_support import ID_1
from sqlalchemy import func, select

from app.cli import main
from app.models.messaging import SmsMessage
from app.models.service_item import ServiceEvent, ServiceItem
from app.models.service_records import ServiceLookup
from app.services import demo_citizen_service, demo_data, service_figures, working_days
from app.services.context import SYSTEM


@pytest.mark.parametrize(
    "words",
    [
        ["service"],
        ["service", "import-portal"],
        ["service", "catalogue-defaults"],
        ["service", "calendar-load"],
        ["service", "figures"],
        ["service", "demo"],
    ],
)
def test_every_service_subcommand_has_chinese_help(words, capsys):
    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out)


def test_import_portal_from_the_command_line_dry_run_then_for_real(db, db_url, tmp_path, capsys):
    assert main(["--db", db_url, "service", "catalogue-defaults"]) == 0
    assert "已补充 12 个常用事项" in capsys.readouterr().out
    path = tmp_path / "portal.json"
    records = [
        {
            "申报编号": "A1",
            "提交时间": "2026-11-20 10:00",
            "身份证号": ID_1,
            "姓名": "张三",
            "事项编码": "ZX01",
            "表单": {"咨询问题": "继承"},
        },
        {
            "申报编号": "A2",
            "提交时间": "2026-11-20 10:00",
            "身份证号": "123",
            "姓名": "李四",
            "事项编码": "ZX01",
        },
    ]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", db_url, "service", "import-portal", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "可导入 1 条，有问题 1 条" in out and "第 2 条（A2）" in out and "未登记任何记录" in out
    assert main(["--db", db_url, "service", "import-portal", str(path)]) == 1  # 1: some records were refused
    assert "已登记 1 件网上申报" in capsys.readouterr().out
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(ServiceItem)).scalar_one() == 1
    assert main(["--db", db_url, "service", "figures", "--xlsx", str(tmp_path / "f.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "受理 1 件" in out and (tmp_path / "f.xlsx").exists()
    assert main(["--db", db_url, "service", "import-portal", str(tmp_path / "missing.json")]) == 1
    assert "无法读取网上申报文件“missing.json”" in capsys.readouterr().err


def test_the_demo_year_is_consistent_and_its_figures_come_from_its_rows(db):
    with db.session() as s:
        demo_data.load_demo(s, citizens=600)
    with db.session() as s:
        result = demo_citizen_service.load(s, random.Random(5), items=400)
    end = working_days.today()
    with db.session() as s:
        items = s.execute(select(func.count()).select_from(ServiceItem)).scalar_one()
        events = s.execute(select(func.count()).select_from(ServiceEvent)).scalar_one()
        texts = s.execute(
            select(func.count()).select_from(SmsMessage).where(SmsMessage.status == "sent")
        ).scalar_one()
        looks = s.execute(select(func.count()).select_from(ServiceLookup)).scalar_one()
        fig = service_figures.figures(s, SYSTEM, end - timedelta(days=364), end)
    assert (result.items, result.events, result.texts, result.lookups) == (items, events, texts, looks)
    assert fig.total.received == items and fig.total.texts_sent == texts and fig.total.lookups == looks
    assert 0.9 < fig.total.completion_rate < 1.0 and looks > 8 * items
