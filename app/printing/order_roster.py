"""The acknowledgement roster of an order (警令签收名单): every recipient with every time, on A4.

Data in (any objects with the attributes of the protocols below: the service's OrderDetail and
RecipientState fit), PDF bytes out. Those who have not acknowledged are listed first and again by name under
the table, so a missing officer cannot hide in a long list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.printing.document import BUSINESS, FormBuilder

ORG = "岚皋县公安局"
_KINDS = {"order": "警令", "notice": "通知"}
_PRIORITIES = {0: "一般", 1: "紧急", 2: "特急"}
_STATES = {"acknowledged": "已签收", "read": "已阅未签", "received": "已接收未阅", "pending": "未接收"}


class FiguresLike(Protocol):
    recipients: int
    received: int
    read: int
    acknowledged: int

    @property
    def completion_percent(self) -> int: ...


class OrderLike(Protocol):
    number: str
    kind: str
    title: str
    body: str
    priority: int
    sender_name: str
    sent_at: datetime
    ack_deadline: datetime | None
    target_text: str
    figures: FiguresLike


class RecipientLike(Protocol):
    name: str
    badge_no: str
    unit_name: str
    received_at: datetime | None
    read_at: datetime | None
    acknowledged_at: datetime | None
    reminders: int

    @property
    def state(self) -> str: ...


def fmt(at: datetime | None) -> str:
    """Local time to the minute (seconds matter little on paper; the database keeps them)."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "—"


def render_roster(
    order: OrderLike,
    recipients: Sequence[RecipientLike],
    *,
    printed_by: str = "",
    printed_at: datetime | None = None,
    font_path: str | Path | None = None,
) -> bytes:
    f = order.figures
    b = FormBuilder(
        f"{order.number} 签收名单",
        layout=BUSINESS,
        landscape=True,
        author=printed_by,
        subject=order.title,
        printed_by=printed_by,
        printed_at=printed_at,
        font_path=font_path,
    )
    b.header(
        f"{_KINDS.get(order.kind, '警令')}签收名单",
        subtitle=order.title,
        org=ORG,
        number=f"编号：{order.number}",
    )
    b.key_values(
        [
            ("紧急程度", _PRIORITIES.get(order.priority, str(order.priority))),
            ("下达人", order.sender_name),
            ("下达时间", fmt(order.sent_at)),
            ("签收时限", fmt(order.ack_deadline) if order.ack_deadline else "未设定"),
            ("接收范围", order.target_text),
            ("应签收", f"{f.recipients} 人"),
            ("已签收", f"{f.acknowledged} 人（完成率 {f.completion_percent}%）"),
            ("未签收", f"{f.recipients - f.acknowledged} 人"),
        ],
        columns=2,
    )
    rows = [
        [
            str(i),
            r.name,
            r.badge_no or "",
            r.unit_name,
            fmt(r.received_at),
            fmt(r.read_at),
            fmt(r.acknowledged_at),
            str(r.reminders),
            _STATES.get(r.state, r.state),
        ]
        for i, r in enumerate(recipients, 1)
    ]
    b.table(
        ["序号", "姓名", "警号", "单位", "接收时间", "阅读时间", "签收时间", "催签次数", "状态"],
        rows,
        col_widths_mm=[12, 24, 22, 44, 34, 34, 34, 18, 25],
        align=["center", "left", "left", "left", "center", "center", "center", "center", "center"],
    )
    missing = [r for r in recipients if r.acknowledged_at is None]
    if missing:
        b.paragraph(
            f"未签收人员（{len(missing)} 人）：" + "、".join(f"{r.name}（{r.unit_name}）" for r in missing)
        )
    else:
        b.paragraph("全部接收人均已签收，无一遗漏。")
    b.signature_area(("制表人", "审核人"), seal="")
    return b.build()
