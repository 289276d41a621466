"""Command-line tools of the 警务保障 platform.

python main.py support matrix [--role CODE]          print the role x function x action matrix
python main.py support bureau-days [N]               show or set the days of leave above which the bureau signs
python main.py support stats [--from D] [--to D] [--pdf FILE]
                                                      the statistics of a period (as a PDF report with --pdf)

They run as the system account (an administrator at the server), audited as such.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any


def add_commands(sub: Any) -> None:
    sp = sub.add_parser("support", help="警务保障平台维护", description="警务保障平台的维护和统计命令。")
    ops = sp.add_subparsers(dest="support_command", metavar="操作", required=True)
    m = ops.add_parser(
        "matrix",
        help="列出警务保障权限矩阵",
        description="按角色列出警务保障各功能的权限矩阵（√ 为已授权）。",
    )
    m.add_argument("--role", metavar="CODE", help="只列出此角色（如 officer、supervisor、support、leader）")
    d = ops.add_parser(
        "bureau-days",
        help="查看或设置须局领导审批的请假天数",
        description="不带参数时显示当前设置；带参数 N 时设置为：请假超过 N 天，须在单位负责人之后再由局领导审批。",
    )
    d.add_argument("days", nargs="?", type=int, metavar="N", help="天数（0 至 365）")
    s = ops.add_parser(
        "stats", help="输出警务保障统计", description="输出统计期间内的请假、调休、装备、报销和培训统计。"
    )
    s.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="开始日期（默认今年1月1日）")
    s.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="结束日期（默认今天）")
    s.add_argument("--pdf", metavar="FILE", help="同时生成统计报表 PDF 文件")


def run(db: Any, args: argparse.Namespace) -> int | None:
    command = getattr(args, "support_command", None)
    if command is None:
        return None
    if command == "matrix":
        return _matrix(db, args.role)
    if command == "bureau-days":
        return _days(db, args.days)
    return _stats(db, args.start, args.end, args.pdf)


def _matrix(db: Any, role: str | None) -> int:
    from app.services import support_matrix
    from app.services.context import SYSTEM

    with db.session() as s:
        m = support_matrix.matrix(s, SYSTEM)
    roles = [r for r in m.roles if role is None or r.code == role]
    if not roles:
        print(f"没有代码为“{role}”的角色。")
        return 2
    for r in roles:
        print(f"\n{r.name}（{r.code}）")
        short = ("看本人", "看本单位", "看全部", "新增", "审批", "导出")
        print("功能".ljust(10, "\u3000") + " " + " ".join(a.ljust(4, "\u3000") for a in short))
        for function, fname in m.functions:
            cells = []
            for action, _ in m.actions:
                state = m.cell(r.code, function, action)
                cells.append(("-" if state is None else "√" if state else "·").ljust(8))
            print(fname[:10].ljust(10, "\u3000") + " " + " ".join(cells))
    return 0


def _days(db: Any, days: int | None) -> int:
    from app.core.errors import DomainError
    from app.services import support_leave
    from app.services.context import SYSTEM

    try:
        with db.session() as s:
            if days is not None:
                support_leave.set_bureau_days(s, SYSTEM, days)
            current = support_leave.bureau_days(s)
    except DomainError as exc:
        print(exc.message())
        return 2
    print(f"请假超过 {current} 天，须在单位负责人之后再由局领导审批。")
    return 0


def _stats(db: Any, start: str | None, end: str | None, pdf: str | None) -> int:
    from app.core.errors import DomainError
    from app.services import support_statistics
    from app.services.context import SYSTEM
    from app.services.support_common import local_today

    try:
        today = local_today()
        first, last = support_statistics.default_period(today)
        first = date.fromisoformat(start) if start else first
        last = date.fromisoformat(end) if end else last
        with db.session() as s:
            stats = support_statistics.statistics(s, SYSTEM, first, last, audited=bool(pdf))
    except ValueError:
        print("日期格式应为 YYYY-MM-DD。")
        return 2
    except DomainError as exc:
        print(exc.message())
        return 2
    print(f"警务保障统计 {first} 至 {last}")
    for fig in stats.figures:
        print(f"\n{fig.title}")
        print("  " + " | ".join(fig.columns))
        for row in fig.rows or (("（无数据）",),):
            print("  " + " | ".join(str(v) for v in row))
    if pdf:
        from app.printing.support_statistics_report import render_statistics

        Path(pdf).write_bytes(render_statistics(stats, printed_by="系统"))
        print(f"\n已生成 {pdf}")
    return 0
