"""``python main.py dispatch ...``: the 指挥调度 platform's commands for administrators and servers.

    dispatch orders [--all]                       active orders with their completion figures
    dispatch roster ORDER_ID -o FILE.pdf          the acknowledgement roster of an order
    dispatch report INCIDENT_ID -o FILE.pdf [--xlsx FILE]   an incident's after-action report
    dispatch demo [--seed S]                      demo orders, incidents and duty statuses (after ``demo``)

The deadline reminders and escalations run with the other sweeps: ``python main.py sweep``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

COMMAND = "dispatch"


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        COMMAND,
        help="指挥调度：警令签收情况、签收名单、处置报告、演示数据",
        description="指挥调度平台的命令。到期催签和逾期上报随定时任务运行（python main.py sweep）。",
    )
    ops = p.add_subparsers(dest="dispatch_command", metavar="操作", required=True)
    lst = ops.add_parser(
        "orders", help="列出执行中的警令及其签收完成率", description="按下达时间倒序列出警令。"
    )
    lst.add_argument("--all", action="store_true", help="包括已结束的警令")
    lst.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")
    roster = ops.add_parser(
        "roster",
        help="输出一条警令的签收名单（PDF）",
        description="每名接收人的接收、阅读、签收时间和催签次数。",
    )
    roster.add_argument("order_id", type=int, metavar="警令ID", help="警令的内部编号（见 dispatch orders）")
    roster.add_argument("-o", "--output", required=True, metavar="文件", help="PDF 文件路径")
    report = ops.add_parser(
        "report",
        help="输出事件/集群战役的处置情况报告（PDF，可同时导出 Excel）",
        description="基本情况、参战警力、任务和完整时间线。",
    )
    report.add_argument("incident_id", type=int, metavar="事件ID", help="事件的内部编号")
    report.add_argument("-o", "--output", required=True, metavar="文件", help="PDF 文件路径")
    report.add_argument("--xlsx", metavar="文件", help="同时导出为 Excel 文件")
    demo = ops.add_parser(
        "demo", help="载入指挥调度演示数据（需先运行 demo）", description="演示警令、事件和勤务状态。"
    )
    demo.add_argument("--seed", type=int, default=20261128, help="随机种子")


def run(db: Any, args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    op = args.dispatch_command
    if op == "orders":
        return _orders(db, args)
    if op == "roster":
        return _roster(db, args)
    if op == "report":
        return _report(db, args)
    if op == "demo":
        from app.services import demo_dispatch

        with db.session() as s:
            result = demo_dispatch.load(s, random.Random(f"{args.seed}:dispatch"))
        print(f"已载入 {result.orders} 条警令、{result.incidents} 个事件、{result.statuses} 个勤务状态。")
        return 0
    return None


def _orders(db: Any, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models.dispatch_order import ORDER_ACTIVE, DispatchOrder
    from app.services import order_tracking

    with db.read_session() as s:
        stmt = select(DispatchOrder).order_by(DispatchOrder.sent_at.desc()).limit(args.limit)
        if not args.all:
            stmt = stmt.where(DispatchOrder.status == ORDER_ACTIVE)
        rows = [(o.id, o.number, o.title, order_tracking.figures(s, o.id)) for o in s.execute(stmt).scalars()]
    if not rows:
        print("没有执行中的警令。")
    for ident, number, title, f in rows:
        print(
            f"{ident:>6}  {number}  完成率 {f.completion_percent:>3}%  已签收 {f.acknowledged}/{f.recipients}  {title}"
        )
    return 0


def _roster(db: Any, args: argparse.Namespace) -> int:
    from app.core.errors import DomainError
    from app.printing.order_roster import render_roster
    from app.services import order_tracking
    from app.services.context import SYSTEM

    try:
        with db.read_session() as s:
            detail = order_tracking.detail(s, SYSTEM, args.order_id)
            people = order_tracking.recipients(s, SYSTEM, args.order_id)
    except DomainError as exc:
        print(exc.message())
        return 1
    Path(args.output).write_bytes(render_roster(detail, people, printed_by="系统"))
    print(
        f"已输出 {detail.number} 的签收名单：{args.output}（{len(people)} 人，完成率 {detail.figures.completion_percent}%）"
    )
    return 0


def _report(db: Any, args: argparse.Namespace) -> int:
    from app.core.errors import DomainError
    from app.printing.incident_report import render_report
    from app.services import incident_export, incidents
    from app.services.context import SYSTEM

    try:
        with db.session() as s:
            data = incidents.report(s, SYSTEM, args.incident_id)
            if args.xlsx:
                incident_export.write_xlsx(s, SYSTEM, args.incident_id, args.xlsx)
    except DomainError as exc:
        print(exc.message())
        return 1
    pdf = render_report(data.incident, data.members, data.tasks, data.entries, printed_by="系统")
    Path(args.output).write_bytes(pdf)
    print(f"已输出 {data.incident.number} 的处置情况报告：{args.output}")
    return 0
