"""The figures as an Excel workbook and as table rows for the printout (one definition of every column)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.models.service_permissions import SERVICE_FIGURES
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require
from app.services.service_figures import FigureRow, Figures

COLUMNS = ("名称", "受理", "办结", "办结率", "不予受理/退回", "超期", "平均办理（工作日）", "评价数", "平均评分", "差评",
           "查询次数", "短信发送")  # fmt: skip


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def row_texts(r: FigureRow) -> list[str]:
    return [
        r.label,
        f"{r.received:,}",
        f"{r.completed:,}",
        _pct(r.completion_rate),
        f"{r.rejected:,}",
        f"{r.overdue:,}",
        _num(r.average_days),
        f"{r.rated:,}",
        _num(r.average_rating),
        f"{r.bad_ratings:,}",
        f"{r.lookups:,}",
        f"{r.texts_sent:,}",
    ]


# Look-ups belong to no department, officer or channel of an item (a citizen asks about anything).
WITHOUT_LOOKUPS = frozenset({"按部门", "按民警", "按渠道"})


def section_texts(title: str, rows: Sequence[FigureRow]) -> list[list[str]]:
    out = []
    for r in rows:
        texts = row_texts(r)
        if title in WITHOUT_LOOKUPS:
            texts[10] = "—"
        out.append(texts)
    return out


def sections(fig: Figures) -> list[tuple[str, Sequence[FigureRow]]]:
    return [
        ("合计", [fig.total]),
        ("按部门", fig.by_unit),
        ("按民警", fig.by_officer),
        ("按渠道", fig.by_channel),
        ("按月份", fig.by_month),
        ("查询渠道", fig.lookups_by_channel),
    ]


def export_xlsx(session: Session, actor: Actor, fig: Figures, path: str | Path) -> Path:
    """Write one sheet per breakdown; numbers stay numbers (rates as fractions formatted as %)."""
    require(session, actor, SERVICE_FIGURES)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    wb = Workbook()
    first = True
    for title, rows in sections(fig):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        ws.append([f"民生警务统计（{fig.start:%Y-%m-%d} 至 {fig.end:%Y-%m-%d}）"])
        ws.append(list(COLUMNS))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for r in rows:
            lookups = None if title in WITHOUT_LOOKUPS else r.lookups
            ws.append([
                r.label, r.received, r.completed, r.completion_rate, r.rejected, r.overdue,
                r.average_days, r.rated, r.average_rating, r.bad_ratings, lookups, r.texts_sent,
            ])  # fmt: skip
            ws.cell(ws.max_row, 4).number_format = "0.0%"
            ws.cell(ws.max_row, 7).number_format = "0.0"
            ws.cell(ws.max_row, 9).number_format = "0.0"
        ws.column_dimensions["A"].width = 18
    partial = target.with_name(target.name + ".part")
    try:
        wb.save(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    audit.record(
        session,
        actor,
        "export",
        entity="service_figures",
        detail=f"统计 {fig.start}～{fig.end} → {target.name}",
    )
    return target
