"""Command-line tools of the 重点人员管控 platform.

python main.py import key-persons FILE [--dry-run]   import a county's key-person register from Excel
python main.py keyperson sweep [--at TIME]           run the supervision sweep once (漏管、脱管、升级、积分)

The import prints every bad row with its spreadsheet row number and the reason; ``--dry-run`` writes
nothing. Without it, the good rows go in in one transaction and the same report is printed. The import runs
as the system account (an administrator migrating a county), audited as such.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

IMPORT_KIND = "key-persons"


def _subparsers_of(parser: argparse.ArgumentParser) -> Any:
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return None


def _import_group(sub: Any) -> Any:
    """The ``import`` command's sub-commands, shared with other platforms' importers."""
    parser = sub.choices.get("import")
    if parser is None:
        parser = sub.add_parser(
            "import", help="从Excel导入数据（各平台）", description="从Excel文件导入各平台的数据。"
        )
        return parser.add_subparsers(dest="import_kind", metavar="数据种类", required=True)
    return _subparsers_of(parser) or parser.add_subparsers(dest="import_kind", metavar="数据种类")


def add_commands(sub: Any) -> None:
    kinds = _import_group(sub)
    imp = kinds.add_parser(
        IMPORT_KIND,
        help="导入重点人员名册（.xlsx）",
        description=(
            "导入现有的重点人员名册。逐行检查，列出每一个问题行的行号和原因；"
            "加 --dry-run 只检查不写入，否则在一个事务中导入全部有效行。"
        ),
    )
    imp.add_argument("file", metavar="FILE", help="Excel 文件（.xlsx）")
    imp.add_argument("--dry-run", action="store_true", help="只检查并列出问题行，不写入数据库")
    imp.set_defaults(kp_command="import")

    kp = sub.add_parser("keyperson", help="重点人员管控维护", description="重点人员管控平台的维护命令。")
    kp_sub = kp.add_subparsers(dest="keyperson_command", metavar="操作", required=True)
    sweep = kp_sub.add_parser(
        "sweep",
        help="立即运行一次漏管脱管检查、预警升级和积分更新",
        description="运行重点人员管控定时任务一次（其他工作站正在运行时跳过）。",
    )
    sweep.add_argument(
        "--at", metavar="TIME", help="按此时间运行（ISO 格式，如 2026-12-01T08:00+08:00；默认现在）"
    )
    sweep.set_defaults(kp_command="sweep")


def run(db: Any, args: argparse.Namespace) -> int | None:
    command = getattr(args, "kp_command", None)
    if command == "import":
        return _import(db, args)
    if command == "sweep":
        return _sweep(db, args)
    return None


def _print_report(preview: Any) -> None:
    print(f"文件：{preview.file_name}（工作表“{preview.sheet}”，表头在第 {preview.header_row} 行）")
    print(preview.summary + "。")
    if preview.ignored_columns:
        print("未识别的列（不导入）：" + "、".join(preview.ignored_columns))
    for problem in preview.bad:
        field = f"【{problem.field}】" if problem.field else ""
        print(f"  第 {problem.row} 行{field}：{problem.reason}")


def _import(db: Any, args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.services import keyperson_import
    from app.services.context import SYSTEM

    path = Path(args.file)
    if not path.is_file():
        print(f"找不到文件：{path}")
        return 2
    if args.dry_run:
        with db.read_session() as s:
            preview = keyperson_import.read(s, SYSTEM, path)
        _print_report(preview)
        print("试运行（--dry-run）：没有写入任何数据。")
        return 0 if not preview.bad else 1
    with db.session() as s:
        preview = keyperson_import.read(s, SYSTEM, path)
        _print_report(preview)
        if not preview.good:
            print("没有可导入的有效行，未写入任何数据。")
            return 1
        result = keyperson_import.commit(s, SYSTEM, preview, now=datetime.now(UTC))
    print(f"已导入 {result.inserted} 行。")
    for problem in result.skipped:
        print(f"  第 {problem.row} 行未导入：{problem.reason}")
    return 0 if not preview.bad else 1


def _sweep(db: Any, args: argparse.Namespace) -> int:
    from app.services import sweeps
    from app.services.keyperson_sweep import SWEEP_NAME

    at = datetime.fromisoformat(args.at) if args.at else None
    if at is not None and at.tzinfo is None:
        at = at.astimezone()
    report = sweeps.run(db, [SWEEP_NAME], now=at)
    if not report.ran:
        print(f"已跳过：{report.holder or '其他工作站'} 正在运行定时任务。")
        return 0
    for r in report.results:
        counts = "，".join(f"{k}={v}" for k, v in r.counts.items())
        print(f"{r.title}：{counts or r.error}（{r.seconds:.2f} 秒）")
    return 0 if report.ok else 1
