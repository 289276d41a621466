"""Backup and restore from the command line (run before the database is opened: it may be the damaged one).

python main.py backup [--to FILE]        back up the database (default: a new file in the backup folder)
python main.py backup --list             list the backups in the backup folder, newest first
python main.py restore FILE              check FILE's checksum, then restore it over the database
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core import config


def add_commands(sub: Any) -> None:
    bk = sub.add_parser(
        "backup",
        help="备份数据库（附 SHA-256 校验清单）",
        description="在线备份数据库：SQLite 用在线备份接口，PostgreSQL 用 pg_dump。备份旁边写一份校验清单。",
    )
    bk.add_argument("--to", metavar="FILE", help="备份文件路径（默认：备份文件夹中按时间命名的新文件）")
    bk.add_argument("--list", action="store_true", help="列出备份文件夹中的备份")
    rs = sub.add_parser(
        "restore",
        help="从备份恢复数据库（先核对校验值）",
        description="核对备份文件的 SHA-256 校验值，一致才恢复；恢复要么全部完成，要么数据库保持原样。"
        "恢复前请关闭所有连接这个数据库的程序。",
    )
    rs.add_argument("file", metavar="FILE", help="备份文件（旁边须有 .manifest.json 校验清单）")


def run(db: Any, args: argparse.Namespace) -> int | None:
    return None  # handled by run_without_db before the database is opened


def _progress(done: int, total: int, text: str) -> None:
    if total:
        print(f"\r{text} {100 * done // total:3d}%", end="", file=sys.stderr, flush=True)


def run_without_db(args: argparse.Namespace) -> int:
    from app.core.errors import DomainError
    from app.services import backup

    url, _source = config.database_url(args.db)
    try:
        if args.command == "backup" and args.list:
            rows = backup.list_backups()
            for info in rows:
                d = backup.describe(info)
                kind = "自动" if d["automatic"] else "手动"
                print(f"{d['at']}  {kind}  {d['size_mb']:>8} MB  {d['rows']:>9} 行  {info.path}")
            if not rows:
                print(f"备份文件夹 {backup.backup_dir()} 中还没有备份。")
            return 0
        if args.command == "backup":
            info = backup.create(url, Path(args.to) if args.to else None, _progress)
            print(file=sys.stderr)
            print(
                f"已备份到 {info.path}（{info.size / 1_048_576:.1f} MB，{len(info.tables)} 张表，{info.total_rows} 行）"
            )
            print(f"SHA-256 {info.sha256}，校验清单 {info.manifest_path}")
            return 0
        result = backup.restore(Path(args.file), url, _progress)
    except DomainError as exc:
        print(file=sys.stderr)
        print(exc.message(), file=sys.stderr)
        return 1
    print(file=sys.stderr)
    print(
        f"已从 {result.info.path.name} 恢复到 {result.target}（{result.seconds:.1f} 秒），校验值与各表行数一致。"
    )
    if result.kept_old is not None:
        print(f"原数据库已保留为 {result.kept_old}")
    if not result.schema_current:
        print("备份的结构版本比本程序旧，请运行 python main.py db upgrade。")
    return 0
