"""Command line: the GUI by default, plus sub-commands for administrators and servers.

python main.py [--db URL]                 open the application
python main.py db upgrade|current|check   manage the schema
python main.py db provision               PostgreSQL: per-user login roles, GRANTs, row-level security
python main.py admin create               create the first administrator
python main.py demo                       load Langao County demo data
python main.py audit verify               check the audit chain
python main.py users unlock NAME          unlock a locked account
python main.py sweep [--name N] [--list]  run the scheduled sweeps (overdue items, SMS sender, pruning)
python main.py sms send                   send the texts that are due now
python main.py backup [--to FILE]         back up the database (checksummed); restore FILE puts one back
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from app.core import config


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py",
        description="岚皋县公安局“五大平台”后台管理系统。不带子命令时打开图形界面。",
    )
    p.add_argument(
        "--db", metavar="URL", help="数据库地址，例如 sqlite:///路径 或 postgresql+psycopg://主机/库名"
    )
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认简体中文）")
    sub = p.add_subparsers(dest="command", metavar="子命令")

    sub.add_parser("gui", help="打开图形界面（默认）", description="打开图形界面。")

    db = sub.add_parser("db", help="数据库结构管理", description="初始化、升级或检查数据库结构（Alembic）。")
    db_sub = db.add_subparsers(dest="db_command", metavar="操作", required=True)
    db_sub.add_parser(
        "upgrade", help="初始化或升级到本程序的结构版本（可重复运行）", description="初始化或升级数据库结构。"
    )
    db_sub.add_parser("current", help="显示数据库当前的结构版本", description="显示数据库当前的结构版本。")
    db_sub.add_parser(
        "check", help="检查数据库结构是否与本程序一致", description="结构不一致时以非零状态退出。"
    )
    from app.commands.provision import add_provision_parser

    add_provision_parser(db_sub)

    admin = sub.add_parser("admin", help="管理员账号", description="管理员账号维护。")
    admin_sub = admin.add_subparsers(dest="admin_command", metavar="操作", required=True)
    create = admin_sub.add_parser(
        "create", help="创建第一个系统管理员", description="仅在系统中还没有管理员时可用。"
    )
    create.add_argument("--username", required=True, help="登录名")
    create.add_argument("--name", required=True, help="姓名")
    create.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（供脚本使用）")

    demo = sub.add_parser(
        "demo", help="载入岚皋县演示数据", description="载入乡镇、部门、派出所、各角色民警和群众演示数据。"
    )
    demo.add_argument("--citizens", type=int, default=2000, help="群众人数（默认 2000）")
    demo.add_argument("--seed", type=int, default=20261128, help="随机种子（相同种子生成相同数据）")

    audit = sub.add_parser("audit", help="审计日志", description="审计日志维护。")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="操作", required=True)
    audit_sub.add_parser(
        "verify", help="校验审计哈希链，指出第一条被篡改或删除的记录", description="校验审计哈希链。"
    )

    users = sub.add_parser("users", help="用户维护", description="用户维护。")
    users_sub = users.add_subparsers(dest="users_command", metavar="操作", required=True)
    unlock = users_sub.add_parser("unlock", help="解锁被锁定的账号", description="解锁被锁定的账号。")
    unlock.add_argument("username")
    _add_sweep_commands(sub)
    from app import commands

    commands.add_all(sub)
    return p


def _open(url_arg: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    from app.models.db import Database

    url, _source = config.database_url(url_arg)
    return Database(url)


def _err(text: str) -> int:
    print(text, file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        from app.views.application import run_gui

        return run_gui(args)

    from app.core import logging_setup
    from app.core.errors import DomainError

    logging_setup.setup()
    try:
        return _dispatch(args)
    except DomainError as exc:
        return _err(exc.message())


def _dispatch(args: argparse.Namespace) -> int:
    from app.services import schema

    if args.command in ("backup", "restore"):  # before opening: the database to restore over may be damaged
        from app.commands import backup as backup_command

        return backup_command.run_without_db(args)
    db = _open(args.db)
    if args.command == "db":
        if args.db_command == "upgrade":
            before = schema.current_revision(db)
            after = schema.upgrade(db)
            print(f"数据库 {db.info.label}：{before or '（空）'} → {after}")
            return 0
        if args.db_command == "provision":
            from app.commands.provision import run_provision

            return run_provision(db, args)
        if args.db_command == "current":
            print(schema.current_revision(db) or "（空数据库）")
            return 0
        schema.check(db)
        print("数据库结构与本程序一致。")
        return 0

    schema.ensure_ready(db)
    if args.command == "admin":
        from app.services.first_start import first_start

        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("密码：")
        confirm = password if args.password_stdin else getpass.getpass("再次输入密码：")
        with db.session() as s:
            info = first_start(s, args.username, args.name, password, confirm).admin
        print(f"已创建系统管理员 {info.username}（{info.display_name}），并载入了乡镇和部门基础数据。")
        return 0
    if args.command == "demo":
        return _demo(db, args)
    if args.command == "audit":
        from app.services import audit

        with db.read_session() as s:
            result = audit.verify(s)
        if result.ok:
            print(f"审计链完整：已校验 {result.checked} 条记录。")
            return 0
        return _err(
            f"审计链被破坏：第 {result.first_bad_id} 号记录——{result.reason}（此前 {result.checked} 条完好）。"
        )
    if args.command == "users":
        from sqlalchemy import select

        from app.models.accounts import User
        from app.services import users
        from app.services.context import SYSTEM

        with db.session() as s:
            user_id = s.execute(select(User.id).where(User.username == args.username)).scalar()
            if user_id is None:
                return _err(f"没有用户“{args.username}”。")
            users.unlock(s, SYSTEM, user_id)
        print(f"已解锁 {args.username}。")
        return 0
    if args.command in ("sweep", "sms"):
        return _sweep_command(db, args)
    from app import commands

    code = commands.run(db, args)
    return code if code is not None else _err("未知子命令")


def _demo(db, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from app.services import demo_data

    with db.session() as s:
        result = demo_data.load_demo(
            s, citizens=args.citizens, seed=args.seed, progress=demo_data.print_progress(print), platforms=True
        )
    print(
        f"已载入演示数据：派出所 {result.stations_added} 个，账号 {len(result.accounts)} 个，"
        f"群众 {result.citizens} 人（{result.seconds:.1f} 秒）。"
    )
    print("\n演示账号（临时密码只显示这一次，首次登录时必须修改）：")
    for row in result.passwords_table:
        print("  " + "  ".join(str(x) for x in row))
    return 0


# --- sweeps and the SMS sender ------------------------------------------------------------------------------


def _add_sweep_commands(sub) -> None:  # type: ignore[no-untyped-def]
    sweep = sub.add_parser(
        "sweep",
        help="运行定时任务（超期提醒、短信发送、清理等）",
        description="运行已登记的定时任务，每个任务一个事务；其他工作站正在运行时跳过。供服务器的计划任务调用。",
    )
    sweep.add_argument("--name", action="append", metavar="NAME", help="只运行这个任务（可重复）")
    sweep.add_argument("--list", action="store_true", help="列出所有任务后退出")
    sms = sub.add_parser("sms", help="短信发件箱", description="短信发件箱维护。")
    sms_sub = sms.add_subparsers(dest="sms_command", metavar="操作", required=True)
    sms_sub.add_parser(
        "send", help="立即发送到期的短信（等同 sweep --name sms_send）", description="立即发送到期的短信。"
    )


def _sweep_command(db, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from app.services import sweeps

    if args.command == "sweep" and args.list:
        for s in sweeps.discover():
            print(f"{s.name}\t{s.title}")
        return 0
    names = ["sms_send"] if args.command == "sms" else args.name
    report = sweeps.run(db, names)
    if not report.ran:
        print(f"已跳过：{report.holder or '其他工作站'} 正在运行定时任务。")
        return 0
    for r in report.results:
        counts = "，".join(f"{k}={v}" for k, v in r.counts.items()) or "无"
        state = {"ok": "完成", "failed": "失败", "skipped": "跳过"}.get(r.outcome, r.outcome)
        line = f"[{state}] {r.name}（{r.title}）：{counts}（{r.seconds:.2f} 秒）"
        print(line + (f"——{r.error}" if r.error else ""))
    return 0 if report.ok else 1
