"""``python main.py service ...``: the citizen-service platform's maintenance commands.

service import-portal FILE [--dry-run]   register the portal's online submissions (JSON or CSV)
service catalogue-defaults               add the standard items to the catalogue where missing
service calendar-load                    add the published years of the holiday file, recount due dates
service figures --from D --to D [--xlsx] print (and export) the figures of a period
service demo [--items N] [--seed S]      a year of demo items (after ``demo``)
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from typing import Any

COMMAND = "service"


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        COMMAND,
        help="民生警务：网上申报导入、事项目录、工作日历、统计",
        description="民生警务平台的维护命令。",
    )
    ops = p.add_subparsers(dest="service_command", metavar="操作", required=True)
    imp = ops.add_parser(
        "import-portal",
        help="导入互联网门户导出的网上申报（JSON 或 CSV）",
        description="逐条校验网上申报记录，报告有问题的记录；合格的记录一次性登记为“网上”渠道的事项。",
    )
    imp.add_argument("file", metavar="文件", help="门户导出的 .json 或 .csv 文件")
    imp.add_argument("--dry-run", action="store_true", help="只校验并报告，不登记任何记录")
    ops.add_parser(
        "catalogue-defaults",
        help="把常用事项（无犯罪记录证明、户籍证明、报案、求助、咨询、投诉举报等）补入事项目录",
        description="只补充目录中缺少的常用事项，已有事项不改动。",
    )
    ops.add_parser(
        "calendar-load",
        help="载入节假日参考文件中已公布的年份，并重算在办事项的期限",
        description="只补充缺少的年份和日期；随后按工作日历重算在办事项的承诺办结日期。",
    )
    fig = ops.add_parser(
        "figures", help="输出一个期间的统计数字", description="按收件日期统计受理、办结、超期等。"
    )
    fig.add_argument(
        "--from", dest="start", type=date.fromisoformat, help="开始日期 YYYY-MM-DD（默认一年前）"
    )
    fig.add_argument("--to", dest="end", type=date.fromisoformat, help="结束日期 YYYY-MM-DD（默认今天）")
    fig.add_argument("--xlsx", metavar="文件", help="同时导出为 Excel 文件")
    demo = ops.add_parser(
        "demo",
        help="载入一年的民生警务演示事项（需先运行 demo）",
        description="按岚皋县的规模生成一年的演示事项。",
    )
    demo.add_argument("--items", type=int, default=2700, help="事项数（默认 2700）")
    demo.add_argument("--seed", type=int, default=20261128, help="随机种子")


def run(db: Any, args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    from app.services.context import SYSTEM

    op = args.service_command
    if op == "import-portal":
        return _import(db, args)
    if op == "catalogue-defaults":
        from app.services import standard_items

        with db.session() as s:
            added = standard_items.load_standard_items(s, SYSTEM)
        print(f"已补充 {added} 个常用事项。")
        return 0
    if op == "calendar-load":
        from app.services import working_calendar

        with db.session() as s:
            added = working_calendar.load_reference(s, SYSTEM)
            counts = working_calendar.recount_open(s, SYSTEM)
        print(f"已补充 {added} 个节假日/调休日期；重算在办事项期限：变动 {counts['changed']} 件。")
        return 0
    if op == "figures":
        return _figures(db, args)
    if op == "demo":
        from app.services import demo_citizen_service

        with db.session() as s:
            r = demo_citizen_service.load(s, random.Random(args.seed), items=args.items)
        print(
            f"已载入民生警务演示数据：事项 {r.items} 件，短信 {r.texts} 条，查询 {r.lookups} 次，评价 {r.ratings} 条。"
        )
        return 0
    return None


def _import(db: Any, args: argparse.Namespace) -> int:
    from app.services import portal_import
    from app.services.context import SYSTEM

    with db.session() as s:
        preview = portal_import.read_file(s, SYSTEM, args.file)
        print(preview.summary())
        for bad in preview.bad:
            ref = f"（{bad.external_ref}）" if bad.external_ref else ""
            print(f"  第 {bad.number} 条{ref}：" + "；".join(bad.reasons))
        if args.dry_run or not preview.good:
            print("未登记任何记录。" if args.dry_run else "没有可登记的记录。")
            return 1 if preview.bad else 0
        result = portal_import.commit(s, SYSTEM, preview)
    print(f"已登记 {result.imported} 件网上申报。")
    return 1 if preview.bad else 0


def _figures(db: Any, args: argparse.Namespace) -> int:
    from app.services import figures_export, service_figures
    from app.services.context import SYSTEM
    from app.services.working_days import today

    end = args.end or today()
    start = args.start or end - timedelta(days=364)
    with db.session() as s:
        fig = service_figures.figures(s, SYSTEM, start, end)
        t = fig.total
        print(f"{start} 至 {end}：")
        print(f"  受理 {t.received:,} 件，办结 {t.completed:,} 件，办结率 {figures_export.row_texts(t)[3]}")
        print(f"  超期 {t.overdue:,} 件，平均办理 {figures_export.row_texts(t)[6]} 个工作日")
        print(
            f"  查询 {t.lookups:,} 次，短信发送 {t.texts_sent:,} 条，评价 {t.rated:,} 条（差评 {t.bad_ratings}）"
        )
        if args.xlsx:
            path = figures_export.export_xlsx(s, SYSTEM, fig, args.xlsx)
            print(f"已导出到 {path}")
    return 0
