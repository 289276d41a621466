"""``python main.py publicity ...``: the publicity platform's commands for a server or a script.

publicity website --out FILE                      the page of every rule and measure in force (HTML)
publicity guides --out FILE                       every service guide in one PDF booklet
publicity figures --from D --to D --channel C --out FILE   the public figures in a channel's form
publicity demo [--seed S]                         the county's rules, 54 measures and their releases
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COMMAND = "publicity"
CHANNELS = ("website", "mobile", "tv", "flyer")


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        COMMAND,
        help="宣传平台：导出政府网站页面、办事指南、公开数据，载入演示数据",
        description="宣传平台的导出和维护命令。",
    )
    ops = p.add_subparsers(dest="publicity_command", metavar="操作", required=True)
    web = ops.add_parser(
        "website",
        help="导出现行服务规则和便民措施的网页（供政府网站发布）",
        description="把所有已发布（现行）的服务规则和便民措施生成一个独立的网页文件（UTF-8）。",
    )
    web.add_argument("--out", required=True, metavar="文件", help="输出的 .html 文件")
    guides = ops.add_parser(
        "guides",
        help="把事项目录中每个事项的办事指南输出为一个 PDF",
        description="办事指南由事项目录自动生成，与目录一致。",
    )
    guides.add_argument("--out", required=True, metavar="文件", help="输出的 .pdf 文件")
    fig = ops.add_parser(
        "figures",
        help="按渠道格式输出一个期间的民生警务公开数据",
        description="受理、办结、查询、短信和满意度，取自民生警务平台的数据。",
    )
    fig.add_argument(
        "--from", dest="start", type=date.fromisoformat, help="开始日期 YYYY-MM-DD（默认本年1月1日）"
    )
    fig.add_argument("--to", dest="end", type=date.fromisoformat, help="结束日期 YYYY-MM-DD（默认今天）")
    fig.add_argument(
        "--channel",
        choices=CHANNELS,
        default="website",
        help="渠道：website 网页、mobile 手机报、tv 电视稿、flyer 宣传单",
    )
    fig.add_argument("--out", required=True, metavar="文件", help="输出文件（宣传单为 PDF，其余为文本）")
    demo = ops.add_parser(
        "demo",
        help="载入宣传平台演示数据（需先运行 demo）",
        description="岚皋县的窗口服务规则、54 项便民措施、修订历史和一年的发布记录。",
    )
    demo.add_argument("--seed", type=int, default=20261128, help="随机种子")


def run(db: Any, args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    from app.core.errors import DomainError
    from app.services.context import SYSTEM

    try:
        return _run(db, args, SYSTEM)
    except DomainError as exc:
        print(exc.message())
        return 1


def _run(db: Any, args: argparse.Namespace, actor: Any) -> int:
    op, out = args.publicity_command, Path(getattr(args, "out", "") or ".")
    if op == "website":
        from app.services import publicity_exports

        with db.read_session() as s:
            b = publicity_exports.current(s, actor)
        out.write_text(publicity_exports.website_html(b), encoding="utf-8")
        print(f"已导出 {len(b.versions)} 条（规则 {len(b.rules)}、措施 {len(b.measures)}）到 {out}")
        return 0
    if op == "guides":
        from app.printing.service_guide import render_guides
        from app.services import publicity_guides

        with db.read_session() as s:
            guides = publicity_guides.guides(s, actor)
        if not guides:
            print("事项目录中没有启用的事项。")
            return 1
        out.write_bytes(render_guides(guides))
        print(f"已输出 {len(guides)} 份办事指南到 {out}")
        return 0
    if op == "figures":
        return _figures(db, args, actor, out)
    if op == "demo":
        import random

        from app.services import demo_publicity

        with db.session() as s:
            result = demo_publicity.load(s, random.Random(args.seed), actor=actor)
        print(f"已载入 {result.items} 条规则和措施、{result.versions} 个版本、{result.releases} 条发布记录。")
        return 0
    return 2


def _figures(db: Any, args: argparse.Namespace, actor: Any, out: Path) -> int:
    from app.services import publicity_public_figures as pf
    from app.services.working_days import today

    end = args.end or today()
    start = args.start or date(end.year, 1, 1)
    if start > end:
        start = end - timedelta(days=364)
    with db.read_session() as s:
        f = pf.figures(s, actor, start, end)
    if args.channel == "flyer":
        from app.printing.public_figures import render_public_figures

        d = pf.flyer_data(f)
        out.write_bytes(
            render_public_figures(
                d.title, d.org, d.sentence, d.rows, footer_lines=d.footer_lines, qr_url=d.qr_url, day=d.day
            )
        )
    else:
        text = {"website": pf.website_html, "mobile": pf.mobile_text, "tv": pf.tv_script}[args.channel](f)
        if args.channel == "mobile":
            from app.services.publicity_exports import check_length

            check_length("mobile", text, f.settings.mobile_limit)
        out.write_text(text, encoding="utf-8")
    print(pf.sentence(f))
    return 0
