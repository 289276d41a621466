"""The printed roster lists every recipient with every time; the after-action report tells the whole story."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from dispatch_support import T0, Staff, make_staff

from app.models.db import Database
from app.printing.incident_report import render_report
from app.printing.order_roster import fmt, render_roster
from app.services import incident_tasks, incident_timeline, incidents, order_receipts, order_tracking, orders
from app.services.incidents import IncidentDraft
from app.services.orders import OrderDraft


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # every font embedded
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_roster_lists_every_recipient_with_every_time_and_names_who_is_missing(db, staff, tmp_path):
    draft = OrderDraft(
        title="春节安保工作部署", unit_ids=(staff.chengguan,), ack_deadline=T0 + timedelta(hours=4)
    )
    with db.session() as s:
        sent = orders.send(s, staff.dispatcher, draft, now=T0)
        order_receipts.open_order(s, staff.li, sent.id, now=T0 + timedelta(minutes=7))
        order_receipts.acknowledge(s, staff.wang, sent.id, now=T0 + timedelta(minutes=12))
        detail = order_tracking.detail(s, staff.dispatcher, sent.id)
        people = order_tracking.recipients(s, staff.dispatcher, sent.id)
    text = pdf_text(render_roster(detail, people, printed_by="周调度"), tmp_path)
    assert "警令签收名单" in text and sent.number in text and "春节安保工作部署" in text
    assert "完成率 33%" in text
    wang = next(line for line in text.splitlines() if "王警官" in line and "城关派出所" in line)
    assert fmt(T0 + timedelta(minutes=12)) in wang and "已签收" in wang
    li = next(line for line in text.splitlines() if "李警官" in line and "已阅未签" in line)
    assert fmt(T0 + timedelta(minutes=7)) in li
    assert "陈所长" in text and "未接收" in text
    assert "未签收人员（2 人）" in text


def test_the_after_action_report_has_forces_tasks_timeline_and_summary(db, staff, tmp_path):
    draft = IncidentDraft(
        title="“雷霆”禁毒集群战役",
        kind="专项行动",
        category="campaign",
        level="II",
        commander_id=staff.dispatcher.user_id,
        unit_ids=(staff.chengguan, staff.zuolong),
        member_ids=(staff.wang.user_id, staff.zhao.user_id),
    )
    with db.session() as s:
        info = incidents.create(s, staff.dispatcher, draft, now=T0)
        task = incident_tasks.add(
            s, staff.dispatcher, info.id, "清查城关镇出租屋", assignee_id=staff.wang.user_id, now=T0
        )
        incident_timeline.post(
            s, staff.wang, info.id, "清查出租屋 36 间，查获吸毒人员 2 名", now=T0 + timedelta(hours=2)
        )
        incident_tasks.set_state(s, staff.wang, task.id, task.version, "done", now=T0 + timedelta(hours=3))
        version = incidents.get(s, staff.dispatcher, info.id).version
        incidents.close(
            s, staff.dispatcher, info.id, version, "战役取得阶段性成果", now=T0 + timedelta(hours=5)
        )
        data = incidents.report(s, staff.dispatcher, info.id)
    pdf = render_report(data.incident, data.members, data.tasks, data.entries, printed_by="周调度")
    text = pdf_text(pdf, tmp_path)
    assert "集群战役处置情况报告" in text and info.number.startswith("ZY-") and info.number in text
    for needle in (
        "重大（Ⅱ级）",
        "城关派出所、佐龙派出所",
        "5 小时 0 分钟",
        "清查城关镇出租屋",
        "已完成",
        "清查出租屋 36 间",
        "战役取得阶段性成果",
        "时间线已封存",
        "王警官",
        "赵警官",
    ):
        assert needle in text, needle


@pytest.mark.parametrize(
    "words",
    [
        ["dispatch"],
        ["dispatch", "orders"],
        ["dispatch", "roster"],
        ["dispatch", "report"],
        ["dispatch", "demo"],
    ],
)
def test_every_dispatch_subcommand_has_help(words):
    from app.cli import main

    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0


def test_the_command_line_lists_orders_and_prints_the_roster(db, db_url, staff, tmp_path, capsys):
    from app.cli import main

    with db.session() as s:
        sent = orders.send(
            s, staff.dispatcher, OrderDraft(title="防汛值守", unit_ids=(staff.zuolong,)), now=T0
        )
        order_receipts.acknowledge(s, staff.zhao, sent.id, now=T0 + timedelta(minutes=1))
    assert main(["--db", db_url, "dispatch", "orders"]) == 0
    assert "完成率 100%  已签收 1/1  防汛值守" in capsys.readouterr().out
    out = tmp_path / "名单.pdf"
    assert main(["--db", db_url, "dispatch", "roster", str(sent.id), "-o", str(out)]) == 0
    assert "赵警官" in pdf_text(out.read_bytes(), tmp_path)
    assert main(["--db", db_url, "dispatch", "roster", "999", "-o", str(out)]) == 1
    assert "未找到该警令" in capsys.readouterr().out
