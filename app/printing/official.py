"""Official documents (公文) laid out after GB/T 9704-2012.

Body 16 pt Song/FangSong on a grid of 22 lines x 28 characters in the 156 x 225 mm type area; title 22 pt;
headings "一、" in Hei and "（一）" in Kai; the date in Arabic numerals four characters in from the right with the
issuing unit centred above it; page numbers "— 1 —" in 14 pt. The optional red masthead (发文机关标志) sits
35 mm below the top of the type area with the document number and a red rule under it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.printing.document import OFFICIAL, FormBuilder, markup
from app.printing.grid_text import GridParagraph, grid_char_space
from app.printing.qr import QrFlowable

BODY_SIZE = 16.0
TITLE_SIZE = 22.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
RED = colors.HexColor("#E60012")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十百]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十百]+）")


@dataclass(frozen=True)
class OfficialGrid:
    """Metrics of the body grid, derived from the type area."""

    width: float = OFFICIAL.frame_width
    height: float = OFFICIAL.frame_height

    @property
    def leading(self) -> float:
        return self.height / LINES_PER_PAGE

    @property
    def char_space(self) -> float:
        return grid_char_space(self.width, BODY_SIZE, CHARS_PER_LINE)

    @property
    def pitch(self) -> float:
        return BODY_SIZE + self.char_space


def format_date(d: Date) -> str:
    """``2024年5月6日``: Arabic numerals without leading zeros, as the standard asks."""
    return f"{d.year}年{d.month}月{d.day}日"


def _runs(text: str, b: FormBuilder) -> list[tuple[str, str]]:
    """Split a paragraph into font runs: a leading "一、…" heading in Hei, "（一）…" in Kai, up to the first 。"""
    for pattern, font in ((_LEVEL1, b.fonts.heading), (_LEVEL2, b.fonts.kai)):
        if pattern.match(text):
            end = text.find("。")
            cut = len(text) if end < 0 else end + 1
            return [(text[:cut], font), (text[cut:], b.fonts.body)] if text[cut:] else [(text, font)]
    return [(text, b.fonts.body)]


def add_official(
    b: FormBuilder,
    title: str,
    paragraphs: Sequence[str],
    issuer: str,
    date: Date,
    *,
    doc_number: str = "",
    masthead: str = "",
    recipient: str = "",
    qr_text: str = "",
    qr_caption: str = "",
) -> None:
    """Append one official document to ``b`` (built with the ``OFFICIAL`` layout)."""
    g = OfficialGrid(b.width, b.layout.frame_height)

    def grid(text: str, **kw: object) -> GridParagraph:
        runs = _runs(text, b) if kw.pop("styled", False) else [(text, b.fonts.body)]
        return GridParagraph(runs, BODY_SIZE, g.leading, g.char_space, **kw)  # type: ignore[arg-type]

    if masthead:
        size = min(36.0, g.width * 0.9 / max(len(masthead), 1))
        style = ParagraphStyle("masthead", fontName=b.fonts.title, fontSize=size, leading=size * 1.2)
        style.alignment, style.textColor, style.wordWrap = TA_CENTER, RED, "CJK"
        b.add(Spacer(1, 35 * mm), Paragraph(markup(masthead), style), Spacer(1, 2 * g.leading))
        if doc_number:
            b.add(grid(doc_number, align="center"))
        b.add(
            HRFlowable(width="100%", thickness=1.0, color=RED, spaceBefore=4 * mm, spaceAfter=2 * g.leading)
        )
    elif doc_number:
        b.add(grid(doc_number, align="right"), Spacer(1, g.leading))
    title_style = ParagraphStyle(
        "official-title", fontName=b.fonts.title, fontSize=TITLE_SIZE, leading=g.leading
    )
    title_style.alignment, title_style.wordWrap = TA_CENTER, "CJK"
    b.add(Paragraph(markup(title), title_style), Spacer(1, g.leading))
    if recipient:
        b.add(grid(recipient, align="left"))
    for text in paragraphs:
        b.add(grid(text, first_indent=2, styled=True))

    date_text = format_date(date)
    date_w = stringWidth(date_text, b.fonts.body, BODY_SIZE) + (len(date_text) - 1) * g.char_space
    issuer_w = stringWidth(issuer, b.fonts.body, BODY_SIZE) + (len(issuer) - 1) * g.char_space
    issuer_right = max(0.0, 4 * g.pitch + date_w / 2 - issuer_w / 2)  # centred over the date
    signature: list[Flowable] = []
    if issuer:
        signature.append(grid(issuer, align="right", right_indent=issuer_right / g.pitch))
    signature.append(grid(date_text, align="right", right_indent=4))
    block: list[Flowable] = signature  # one flat KeepTogether: a nested one always breaks the page
    if qr_text:
        code = QrFlowable(qr_text, 22, qr_caption)
        table = Table([[code, signature]], colWidths=[code.width + 4 * mm, g.width - code.width - 4 * mm])
        table.setStyle(
            TableStyle(
                [
                    (
                        "FONTNAME",
                        (0, 0),
                        (-1, -1),
                        b.fonts.body,
                    ),  # else Table selects an unembedded Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        block = [table]
    b.add(KeepTogether([Spacer(1, 2 * g.leading), *block]))


def render_official(
    title: str,
    paragraphs: Sequence[str],
    issuer: str,
    date: Date,
    *,
    doc_number: str = "",
    masthead: str = "",
    recipient: str = "",
    qr_text: str = "",
    qr_caption: str = "",
    author: str = "",
    font_path: str | Path | None = None,
) -> bytes:
    """One official document as PDF bytes. ``masthead`` is the red 发文机关标志, e.g. "岚皋县公安局文件"."""
    b = FormBuilder(title, layout=OFFICIAL, author=author or issuer, subject=doc_number, font_path=font_path)
    add_official(
        b,
        title,
        paragraphs,
        issuer,
        date,
        doc_number=doc_number,
        masthead=masthead,
        recipient=recipient,
        qr_text=qr_text,
        qr_caption=qr_caption,
    )
    return b.build()
