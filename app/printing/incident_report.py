"""The after-action report of an incident or campaign (处置情况报告): facts, forces, tasks, the timeline.

Everything in it comes from the permanent timeline and the incident's records, so two prints of a closed
incident are the same document. Data in (objects with the attributes of the protocols below), PDF bytes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.printing.document import BUSINESS, FormBuilder
from app.printing.order_roster import ORG, fmt

_CATEGORIES = {"incident": "事件", "campaign": "集群战役"}
_LEVELS = {"IV": "一般（Ⅳ级）", "III": "较大（Ⅲ级）", "II": "重大（Ⅱ级）", "I": "特别重大（Ⅰ级）"}
_TASK_STATES = {"todo": "待办", "doing": "进行中", "done": "已完成", "cancelled": "已取消"}
_ENTRY_KINDS = {"progress": "进展反馈", "instruction": "指挥指令", "system": "系统记录"}


class IncidentLike(Protocol):
    number: str
    category: str
    kind: str
    level: str
    title: str
    location: str
    description: str
    commander_name: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by_name: str
    summary: str
    units: tuple[str, ...]


class MemberLike(Protocol):
    name: str
    unit_name: str
    role: str
    assigned_at: datetime
    released_at: datetime | None
    leave_override: bool


class TaskLike(Protocol):
    title: str
    assignee_name: str
    state: str
    done_at: datetime | None


class FileLike(Protocol):
    filename: str


class EntryLike(Protocol):
    at: datetime
    author_name: str
    kind: str
    text: str
    attachments: Sequence[FileLike]


def _duration(start: datetime, end: datetime | None) -> str:
    if end is None:
        return "处置中"
    minutes = int((end - start).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} 小时 {minutes} 分钟" if hours else f"{minutes} 分钟"


def render_report(
    incident: IncidentLike,
    members: Sequence[MemberLike],
    tasks: Sequence[TaskLike],
    entries: Sequence[EntryLike],
    *,
    printed_by: str = "",
    printed_at: datetime | None = None,
    font_path: str | Path | None = None,
) -> bytes:
    i = incident
    category = _CATEGORIES.get(i.category, "事件")
    b = FormBuilder(
        f"{i.number} 处置情况报告",
        layout=BUSINESS,
        author=printed_by,
        subject=i.title,
        printed_by=printed_by,
        printed_at=printed_at,
        font_path=font_path,
    )
    b.header(f"{category}处置情况报告", subtitle=i.title, org=ORG, number=f"编号：{i.number}")
    b.heading("一、基本情况")
    b.key_values(
        [
            ("类别", category),
            ("类型", i.kind),
            ("等级", _LEVELS.get(i.level, i.level)),
            ("指挥员", i.commander_name or "—"),
            ("开始时间", fmt(i.opened_at)),
            ("结束时间", fmt(i.closed_at) if i.closed_at else "处置中"),
            ("处置用时", _duration(i.opened_at, i.closed_at)),
            ("地点", i.location or "—"),
            ("参战单位", "、".join(i.units) or "—"),
        ],
        columns=2,
    )
    if i.description:
        b.paragraph(f"简要情况：{i.description}")
    b.heading("二、参战警力")
    b.table(
        ["序号", "姓名", "单位", "职责", "调派时间", "撤离时间", "备注"],
        [
            [
                str(n),
                m.name,
                m.unit_name,
                "指挥员" if m.role == "commander" else "参战民警",
                fmt(m.assigned_at),
                fmt(m.released_at),
                "休假期间调派" if m.leave_override else "",
            ]
            for n, m in enumerate(members, 1)
        ],
        col_widths_mm=[10, 18, 30, 18, 33, 33, 28],
        align=["center", "left", "left", "center", "center", "center", "left"],
    )
    b.heading("三、任务完成情况")
    if tasks:
        b.table(
            ["序号", "任务", "负责人", "状态", "完成时间"],
            [
                [str(n), t.title, t.assignee_name or "—", _TASK_STATES.get(t.state, t.state), fmt(t.done_at)]
                for n, t in enumerate(tasks, 1)
            ],
            col_widths_mm=[10, 80, 24, 20, 36],
            align=["center", "left", "left", "center", "center"],
        )
    else:
        b.paragraph("未布置任务。")
    b.heading("四、处置经过（时间线）")
    b.table(
        ["时间", "类别", "记录人", "内容"],
        [
            [
                fmt(e.at),
                _ENTRY_KINDS.get(e.kind, e.kind),
                e.author_name,
                e.text
                + ("（附件：" + "、".join(a.filename for a in e.attachments) + "）" if e.attachments else ""),
            ]
            for e in entries
        ],
        col_widths_mm=[33, 20, 19, 98],
        align=["center", "center", "left", "left"],
    )
    b.heading("五、处置总结")
    b.paragraph(i.summary or "（尚未结束，暂无总结）")
    if i.closed_at:
        b.paragraph(f"本{category}于 {fmt(i.closed_at)} 由 {i.closed_by_name} 宣布结束，时间线已封存。")
    b.signature_area(("报告人", "审核人"))
    return b.build()
