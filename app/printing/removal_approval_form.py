"""The 重点人员撤管审批表: the person, the keepers, the reasons and evidence, and both persons' opinions and dates.

Data in (any object with the attributes of :class:`RemovalFormData`, such as the service's ``RemovalForm``),
PDF bytes out; Qt-free, embedded Chinese font.
"""

from __future__ import annotations

from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.printing.document import FormBuilder, markup
from app.printing.tables import GRID

TITLE = "重点人员撤管审批表"
ORG = "岚皋县公安局"


class RemovalFormData(Protocol):
    number: str
    person_name: str
    gender: str
    birth_date: str
    id_number: str
    category: str
    mental_grade: str
    place: str
    address: str
    registered_on: str
    officer: str
    level: str
    score: int
    keepers: tuple[tuple[str, str, str], ...]
    reasons: str
    evidence: tuple[tuple[str, bool], ...]
    requester: str
    requested_on: str
    status: str
    decision: str
    decider: str
    decided_on: str
    opinion: str


def _opinion_box(b: FormBuilder, heading: str, text: str, who_label: str, who: str, when: str) -> Table:
    """A ruled box: the heading on the left, the opinion with the signer and date under it on the right."""
    body = [
        Paragraph(markup(text or "（待填写）"), b.styles["value"]),
        Spacer(1, 4 * mm),
        Paragraph(
            markup(f"{who_label}：{who or '　' * 6}")
            + "&nbsp;" * 10
            + markup(f"日期：{when or '　　年　月　日'}"),
            b.styles["plain"],
        ),
    ]
    table = Table(
        [[Paragraph(markup(heading), b.styles["key"]), body]],
        colWidths=[24 * mm, b.width - 24 * mm],
        minRowHeights=[24 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), b.fonts.body),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                ("VALIGN", (1, 0), (1, 0), "TOP"),
                ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#F2F2F2")),
            ]
        )
    )
    return table


def render_removal_form(data: RemovalFormData, *, printed_by: str = "") -> bytes:
    b = FormBuilder(TITLE, author=printed_by, subject=data.person_name, printed_by=printed_by)
    b.header(TITLE, org=ORG, number=f"编号：{data.number}")
    b.heading("一、人员基本情况")
    b.key_values(
        [
            ("姓名", data.person_name),
            ("性别", data.gender),
            ("出生日期", data.birth_date),
            ("身份证号", data.id_number),
            ("人员类别", data.category),
            ("危险性评估", data.mental_grade or "—"),
            ("所在地", data.place),
            ("列管日期", data.registered_on),
            ("现住址", data.address),
            ("责任民警", data.officer),
            ("预警等级", data.level),
            ("风险积分", str(data.score)),
        ]
    )
    b.heading("二、一人四管管控人")
    keepers = [list(k) for k in data.keepers] or [["—", "未落实管控人", ""]]
    b.table(["管控角色", "姓名", "联系电话"], keepers, col_widths_mm=[45, 55, 70], zebra=False)
    b.heading("三、撤管理由")
    b.paragraph(data.reasons, "value")
    b.spacer(2)
    b.heading("四、证明材料")
    rows = [[str(i), item, "已提交" if ok else "未提交"] for i, (item, ok) in enumerate(data.evidence, 1)]
    b.table(["序号", "材料", "情况"], rows, col_widths_mm=[14, 126, 30], align=["center", "left", "center"])
    b.add(  # the heading never stays behind at the foot of a page without its boxes
        KeepTogether(
            [
                Paragraph(markup("五、申请与审批"), b.styles["heading"]),
                _opinion_box(
                    b,
                    "申请意见",
                    f"申请对{data.person_name}撤销管控。",
                    "申请人",
                    data.requester,
                    data.requested_on,
                ),
                _opinion_box(
                    b,
                    "审批意见",
                    (f"审批结论：{data.decision}\n审批意见：{data.opinion}" if data.decision else ""),
                    "审批人",
                    data.decider,
                    data.decided_on,
                ),
            ]
        )
    )
    b.spacer(3)
    b.paragraph(f"当前状态：{data.status}。申请人与审批人不得为同一人（系统强制）。", "small")
    return b.build()
