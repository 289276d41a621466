"""The receipt (受理回执) handed to the citizen the moment an item is saved, and the one-time notice
(一次性告知书) listing everything still needed, so the citizen comes back only once (一次办清).

Both are business forms on A4 with an embedded Chinese font and a QR code the look-up box accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.models.working_calendar import BEIJING
from app.printing.document import FormBuilder, markup
from app.printing.qr import QrFlowable


@dataclass(frozen=True)
class ReceiptContent:
    """What a receipt or a one-time notice says (ID number and phone already masked)."""

    tracking_no: str
    applicant_name: str
    id_number: str
    phone: str
    item_name: str
    category_name: str
    channel_name: str
    received_at: datetime
    unit_name: str
    owner_name: str
    due_text: str
    qr_text: str
    materials_received: Sequence[str] = ()
    materials_missing: Sequence[str] = ()
    form_values: Sequence[tuple[str, str]] = ()
    issuer: str = "岚皋县公安局"
    hotline: str = ""
    notes: Sequence[str] = field(default_factory=tuple)


def _when(moment: datetime) -> str:
    local = moment.astimezone(BEIJING) if moment.tzinfo else moment
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _materials_table(b: FormBuilder, received: Sequence[str], missing: Sequence[str]) -> None:
    rows: list[list[object]] = [[str(n), m, "已收"] for n, m in enumerate(received, start=1)]
    rows += [[str(len(rows) + n), m, "尚缺"] for n, m in enumerate(missing, start=1)]
    if not rows:
        b.paragraph("本事项无需提交材料。", "plain")
        return
    b.table(
        ["序号", "材料名称", "状态"], rows, col_widths_mm=[14, 130, 26], align=["center", "left", "center"]
    )


def _qr_beside(b: FormBuilder, qr_text: str, caption: str, lines: Sequence[str]) -> None:
    """The QR code on the right, the text on its left (one row, kept together)."""
    code = QrFlowable(qr_text, 30, caption)
    text = [Paragraph(markup(line), b.styles["plain"]) for line in lines]
    table = Table([[text, code]], colWidths=[b.width - code.width - 6 * mm, code.width + 6 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), b.fonts.body),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    b.add(table)


def render_receipt(c: ReceiptContent, *, printed_by: str = "", printed_at: datetime | None = None) -> bytes:
    b = FormBuilder(
        "受理回执", printed_by=printed_by, printed_at=printed_at, author=c.issuer, subject=c.tracking_no
    )
    b.header("受理回执", org=c.issuer, number=f"受理编号：{c.tracking_no}")
    pairs: list[tuple[str, object]] = [
        ("申请人", c.applicant_name),
        ("身份证号", c.id_number),
        ("联系电话", c.phone or "（未留）"),
        ("受理渠道", c.channel_name),
        ("办理事项", c.item_name),
        ("事项类别", c.category_name),
        ("收件时间", _when(c.received_at)),
        ("责任部门", c.unit_name),
        ("首接责任人", c.owner_name or "（网上申报，待受理）"),
        ("承诺办结", c.due_text),
    ]
    pairs += [(k, v) for k, v in c.form_values]
    b.key_values(pairs, columns=2, key_mm=24)
    b.heading("材料清单")
    _materials_table(b, c.materials_received, c.materials_missing)
    lines = [
        f"凭受理编号 {c.tracking_no} 或身份证号、手机号，可在窗口或电话查询办理进度；扫描右侧二维码可得到受理编号。",
        "办理过程中每一步都会以短信告知您。",
        *c.notes,
    ]
    if c.materials_missing:
        lines.insert(0, "尚缺材料见《一次性告知书》，补齐后计时继续。")
    if c.hotline:
        lines.append(f"咨询电话：{c.hotline}")
    b.spacer(2)
    _qr_beside(b, c.qr_text, "扫码查询进度", lines)
    b.signature_area(("首接责任人",), seal=f"{c.issuer}（受理专用章）")
    return b.build()


def render_one_time_notice(
    c: ReceiptContent, *, printed_by: str = "", printed_at: datetime | None = None
) -> bytes:
    """Everything still needed for the item, in one list: the citizen comes back once."""
    b = FormBuilder(
        "一次性告知书", printed_by=printed_by, printed_at=printed_at, author=c.issuer, subject=c.tracking_no
    )
    b.header("一次性告知书", org=c.issuer, number=f"受理编号：{c.tracking_no}")
    b.paragraph(f"{c.applicant_name}（身份证号 {c.id_number}）：", "plain")
    b.paragraph(
        f"您于{_when(c.received_at)}申请办理的“{c.item_name}”，经审查，还需补齐下列材料。"
        "请您一次性备齐后到窗口办理，我们将一次办结；除本告知书所列材料外，不再要求您提供其他材料。"
        "补正期间办理时限暂停计算，材料补齐后继续计算。"
    )
    b.heading("需要补齐的材料")
    b.table(
        ["序号", "材料名称", "备注"],
        [[str(n), m, "原件及复印件各一份"] for n, m in enumerate(c.materials_missing, start=1)],
        col_widths_mm=[14, 110, 46],
        align=["center", "left", "left"],
    )
    if c.materials_received:
        b.heading("已收材料")
        b.paragraph("、".join(c.materials_received), "plain")
    lines = [
        f"责任部门：{c.unit_name}    首接责任人：{c.owner_name or '—'}",
        f"补齐材料后，凭受理编号 {c.tracking_no} 到任一服务窗口办理即可。",
    ]
    if c.hotline:
        lines.append(f"咨询电话：{c.hotline}")
    b.spacer(2)
    _qr_beside(b, c.qr_text, "扫码查询进度", lines)
    b.signature_area(("告知人", "申请人签收"), seal=f"{c.issuer}（受理专用章）")
    return b.build()
