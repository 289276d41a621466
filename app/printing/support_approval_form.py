"""The 审批表 of any 警务保障 request (请假, 加班转调休, 装备领用, 用车, 经费报销, 困难帮扶, 维权援助): the request's
particulars, its state, and the signatures given so far. Data in (an object shaped like
:class:`app.services.support_approval.Detail`), PDF bytes out; Qt-free, embedded Chinese font."""

from __future__ import annotations

from typing import Protocol

from app.printing.document import FormBuilder

ORG = "岚皋县公安局"


class DetailLike(Protocol):
    flow: str
    flow_title: str
    id: int
    status_name: str
    applicant: str
    lines: tuple[tuple[str, str], ...]


def render_approval_form(detail: DetailLike, *, printed_by: str = "") -> bytes:
    title = f"{detail.flow_title}审批表"
    b = FormBuilder(title, author=printed_by, subject=detail.applicant, printed_by=printed_by)
    b.header(title, org=ORG, number=f"编号：{detail.flow.upper()}-{detail.id:06d}")
    b.key_values([*detail.lines, ("当前状态", detail.status_name)], columns=1, key_mm=30)
    b.signature_area(("申请人", "审批人"), seal="（单位盖章）")
    b.paragraph("申请人与审批人不得为同一人（系统强制）。本表由系统生成，以系统中的审批记录为准。", "small")
    return b.build()
