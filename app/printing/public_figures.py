"""The public figures of the citizen-service platform as an A4 flyer: large numbers, the sentence, the notes.

Data in (label/value pairs and texts made by the publicity service), PDF bytes out; Qt-free, embedded font.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.printing.publicity_flyer import Flyer

NOTES = (
    "受理、办结和评价按受理日期统计；查询次数和短信条数按发生日期统计；短信以短信平台实际发出为准；"
    "满意率为评价中“基本满意”及以上所占比例。"
)


def render_public_figures(
    title: str,
    org: str,
    sentence: str,
    rows: Sequence[tuple[str, str]],
    *,
    footer_lines: Sequence[str] = (),
    qr_url: str = "",
    day: date | None = None,
    font_path: str | Path | None = None,
) -> bytes:
    flyer = Flyer(title, org, subtitle="数据来源：民生警务平台", font_path=font_path)
    flyer.intro(sentence).kpis(rows).heading("统计口径").paragraph(NOTES)
    return flyer.footer(footer_lines, qr_url, day).build()
