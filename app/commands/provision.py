"""``db provision``: the database's own permission rules on a PostgreSQL server (see app/services/pg_security).

It lives here for its argument parsing and printing; app/cli.py hangs it under ``db`` (``add_commands`` below
adds nothing of its own, as the platform command modules' discovery expects every module to provide it).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from app.core.errors import ValidationError


def add_commands(sub: Any) -> None:  # discovered by app/commands/__init__.py; provision hangs under "db"
    return None


def run(db: Any, args: argparse.Namespace) -> int | None:
    return None


def add_provision_parser(db_sub: Any) -> None:
    p = db_sub.add_parser(
        "provision",
        help="PostgreSQL：为每个用户建立数据库登录角色、授权、行级安全和四眼原则（可重复运行）",
        description=(
            "用执行 db upgrade 的所有者账号运行。按当前的数据表、角色权限和用户计算并应用数据库权限；"
            "新增数据表或修改角色权限后再运行一次即可。"
        ),
    )
    p.add_argument(
        "--set-password",
        metavar="USERNAME",
        help="同时为该用户设置登录密码（数据库角色和系统账号一起改；从标准输入或提示读取）",
    )


def run_provision(db: Any, args: argparse.Namespace) -> int:
    from app.services import schema
    from app.services.pg_security.provision import provision

    schema.check(db)
    report = provision(db)
    print(
        f"数据库 {db.info.label}：已配置 {len(report.groups)} 个角色组、{report.tables} 张数据表、"
        f"{len(report.logins)} 个用户登录角色。"
    )
    if report.unruled_tables:
        print("以下数据表没有专门的授权规则，已按“所有用户可读写”处理：" + "、".join(report.unruled_tables))
    if args.set_password:
        _set_password(db, args.set_password)
        return 0
    if report.logins_without_password:
        print(
            "以下登录角色还没有密码，在系统里重置其密码后即可登录（或用 --set-password）："
            + "、".join(report.logins_without_password)
        )
    return 0


def _set_password(db: Any, username: str) -> None:
    from sqlalchemy import select

    from app.models.accounts import User
    from app.models.base import utcnow
    from app.services import passwords
    from app.services.pg_security.roles import sync_login

    interactive = sys.stdin.isatty()
    password = getpass.getpass("密码：") if interactive else sys.stdin.readline().rstrip("\n")
    if interactive and getpass.getpass("再次输入密码：") != password:
        raise ValidationError({"confirm": "两次输入的密码不一致。"})
    with db.session() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise ValidationError({"username": f"没有用户“{username}”。"})
        passwords.check_policy(password, username)
        user.password_hash = passwords.hash_password(password)
        user.password_changed_at = utcnow()
        sync_login(s, user.id, user.username, password)
    print(f"已为 {username} 设置登录密码。")
