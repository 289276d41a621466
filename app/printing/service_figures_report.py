"""The figures of the citizen-service platform as a printed report (landscape A4 tables)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.printing.document import FormBuilder


def render_figures(
    start: date,
    end: date,
    headline: Sequence[tuple[str, str]],
    columns: Sequence[str],
    sections: Sequence[tuple[str, Sequence[Sequence[str]]]],
    *,
    printed_by: str = "",
    issuer: str = "岚皋县公安局",
) -> bytes:
    """``headline``: label/value pairs; ``sections``: (heading, rows of texts) under the same ``columns``."""
    b = FormBuilder("民生警务统计报表", landscape=True, printed_by=printed_by, author=issuer)
    b.header("民生警务统计报表", org=issuer, subtitle=f"统计期间：{start:%Y年%m月%d日} 至 {end:%Y年%m月%d日}")
    b.key_values(list(headline), columns=4, key_mm=30)
    right = ["left"] + ["right"] * (len(columns) - 1)
    for title, rows in sections:
        if not rows:
            continue
        b.heading(title)
        b.table(list(columns), [list(r) for r in rows], align=right)
    b.paragraph(
        "口径：受理、办结、超期、办理时长和评价按收件日期统计；查询次数、短信发送按发生日期统计；"
        "办理时长按工作日计算，补正材料期间不计。",
        "small",
    )
    return b.build()
