"""Printed service guides (办事指南): one A4 guide per catalogue item, or every guide in one booklet.

Data in (any object with the attributes of :class:`GuideData`, such as the service's ``ServiceGuide``), PDF
bytes out; Qt-free, embedded Chinese font. Page numbers restart with each guide in a booklet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from app.printing.batch import IsCancelled, Progress, render_batch
from app.printing.document import FormBuilder


class GuideData(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category_name(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def window(self) -> str: ...
    @property
    def limit_text(self) -> str: ...
    @property
    def materials(self) -> tuple[tuple[str, bool], ...]: ...
    @property
    def form_fields(self) -> tuple[tuple[str, bool], ...]: ...
    @property
    def steps(self) -> tuple[str, ...]: ...
    @property
    def certificate_name(self) -> str: ...
    @property
    def needs_approval(self) -> bool: ...
    @property
    def note(self) -> str: ...
    @property
    def org_name(self) -> str: ...
    @property
    def hotline(self) -> str: ...
    @property
    def channels(self) -> str: ...
    @property
    def source_text(self) -> str: ...
    @property
    def catalogue_updated_at(self) -> datetime: ...


def add_guide(b: FormBuilder, g: GuideData) -> None:
    b.header(
        f"{g.name}办事指南",
        org=g.org_name,
        subtitle=f"事项类别：{g.category_name}",
        number=f"事项编码：{g.code}",
    )
    b.key_values(
        [
            ("责任部门", g.unit_name),
            ("办理时限", g.limit_text),
            ("受理窗口", g.window),
            ("办理结果", f"出具《{g.certificate_name}》" if g.certificate_name else "办结告知"),
            ("是否审批", "需领导审批" if g.needs_approval else "窗口办理"),
            ("申请方式", g.channels),
        ],
        columns=2,
        key_mm=22,
    )
    b.heading("一、所需材料")
    if g.materials:
        rows = [
            [str(n), m, "符合情形时提交" if conditional else "必须提交"]
            for n, (m, conditional) in enumerate(g.materials, 1)
        ]
        b.table(
            ["序号", "材料名称", "说明"],
            rows,
            col_widths_mm=[14, 120, 36],
            align=["center", "left", "center"],
        )
    else:
        b.paragraph("无需提交材料，带本人有效身份证件即可。", "plain")
    if g.form_fields:
        b.heading("二、需登记的信息")
        b.paragraph(
            "；".join(f"{label}{'（必填）' if required else ''}" for label, required in g.form_fields) + "。",
            "plain",
        )
    b.heading(("三" if g.form_fields else "二") + "、办理流程")
    for n, step in enumerate(g.steps, 1):
        b.paragraph(f"{n}. {step}", "plain")
    tips = [g.note] if g.note else []
    if g.hotline:
        tips.append(f"咨询电话：{g.hotline}")
    if tips:
        b.heading(("四" if g.form_fields else "三") + "、温馨提示")
        for tip in tips:
            b.paragraph(tip, "plain")
    b.spacer(4)
    b.paragraph(g.source_text, "small")


def render_guide(g: GuideData) -> bytes:
    b = FormBuilder(f"{g.name}办事指南", author=g.org_name, running_title=False)
    add_guide(b, g)
    return b.build()


def render_guides(
    guides: Sequence[GuideData],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> bytes:
    """Every guide in one booklet, each on its own pages."""
    org = guides[0].org_name if guides else ""
    add: Callable[[FormBuilder, GuideData], None] = add_guide
    return render_batch(
        list(guides), add, title="办事指南汇编", author=org, progress=progress, cancelled=cancelled
    )
