"""Export of an incident's after-action data to Excel: the facts, the forces, the tasks and the full timeline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy.orm import Session

from app.models.dispatch_incident import ENTRY_KIND_NAMES, LEVEL_NAMES, TASK_STATE_NAMES
from app.services import audit, incidents
from app.services.context import Actor


def _t(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list[object]], widths: list[int]) -> None:
    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def write_xlsx(session: Session, actor: Actor, incident_id: int, path: str | Path) -> Path:
    """Write the workbook (for whoever may see the incident) and audit the export."""
    data = incidents.report(session, actor, incident_id)
    i = data.incident
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    _sheet(
        wb,
        "基本情况",
        ["项目", "内容"],
        [
            ["编号", i.number],
            ["名称", i.title],
            ["类别", i.category_name],
            ["类型", i.kind],
            ["等级", LEVEL_NAMES.get(i.level, i.level)],
            ["地点", i.location],
            ["指挥员", i.commander_name],
            ["参战单位", "、".join(i.units)],
            ["开始时间", _t(i.opened_at)],
            ["结束时间", _t(i.closed_at)],
            ["简要情况", i.description],
            ["处置总结", i.summary],
        ],
        [14, 80],
    )
    _sheet(
        wb,
        "参战警力",
        ["姓名", "警号", "单位", "职责", "调派时间", "撤离时间", "休假期间调派"],
        [
            [
                m.name,
                m.badge_no,
                m.unit_name,
                "指挥员" if m.role == "commander" else "参战民警",
                _t(m.assigned_at),
                _t(m.released_at),
                "是" if m.leave_override else "",
            ]
            for m in data.members
        ],
        [10, 12, 18, 10, 20, 20, 12],
    )
    _sheet(
        wb,
        "任务",
        ["任务", "要求", "负责人", "状态", "完成时间"],
        [
            [t.title, t.detail, t.assignee_name, TASK_STATE_NAMES.get(t.state, t.state), _t(t.done_at)]
            for t in data.tasks
        ],
        [30, 40, 10, 10, 20],
    )
    _sheet(
        wb,
        "时间线",
        ["序号", "时间", "类别", "记录人", "内容", "附件"],
        [
            [
                n,
                _t(e.at),
                ENTRY_KIND_NAMES.get(e.kind, e.kind),
                e.author_name,
                e.text,
                "、".join(a.filename for a in e.attachments),
            ]
            for n, e in enumerate(data.entries, 1)
        ],
        [6, 20, 10, 10, 70, 24],
    )
    target = Path(path)
    wb.save(target)
    audit.record(
        session,
        actor,
        "export",
        entity="dispatch_incident",
        entity_id=incident_id,
        detail=f"{i.number} 导出 Excel",
    )
    return target
