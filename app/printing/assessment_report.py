"""The 重点人员管控考核报告: per township and per officer, what was done and what was missed in a period.

Data in (objects with the attributes of the service's ``Assessment``), PDF bytes out; Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from app.printing.document import FormBuilder

TITLE = "重点人员管控考核报告"
COLUMNS = ["在管人数", "走访次数", "联系上", "漏管", "脱管", "追责", "预警", "按时处置率"]


class Row(Protocol):
    name: str
    persons: int
    visits: int
    contacts: int
    missed: int
    lost: int
    accountable: int
    warnings: int

    @property
    def on_time_rate(self) -> str: ...


class AssessmentData(Protocol):
    start: date
    end: date
    by_town: Sequence[Row]
    by_officer: Sequence[Row]
    totals: Row


def _cells(r: Row) -> list[str]:
    return [
        r.name,
        str(r.persons),
        str(r.visits),
        str(r.contacts),
        str(r.missed),
        str(r.lost),
        str(r.accountable),
        str(r.warnings),
        r.on_time_rate,
    ]


def render_assessment(data: AssessmentData, *, printed_by: str = "") -> bytes:
    b = FormBuilder(TITLE, landscape=True, author=printed_by, printed_by=printed_by)
    period = f"考核期间：{data.start.isoformat()} 至 {data.end.isoformat()}"
    b.header(TITLE, subtitle=period, org="岚皋县公安局")
    t = data.totals
    b.paragraph(
        f"全县在管重点人员 {t.persons} 人；期间走访签到 {t.visits} 次，其中联系上本人 {t.contacts} 次；"
        f"发现漏管 {t.missed} 人次、脱管 {t.lost} 人次，追责 {t.accountable} 人次；"
        f"发出预警 {t.warnings} 条，按时处置率 {t.on_time_rate}。",
        "body",
    )
    align = ["left"] + ["right"] * 8
    b.heading("一、按乡镇")
    b.table(["乡镇", *COLUMNS], [_cells(r) for r in data.by_town] + [_cells(t)], align=align)
    b.heading("二、按责任民警")
    b.table(["责任民警", *COLUMNS], [_cells(r) for r in data.by_officer], align=align)
    b.signature_area(("制表人", "审核人"))
    return b.build()
