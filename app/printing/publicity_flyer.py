"""The printable A4 flyer (宣传单) of the rules and measures, and the flyer frame public figures use too.

Data in, PDF bytes out; Qt-free, with the embedded Chinese fonts of :mod:`app.printing.fonts`. A blue title
band, a short introduction, the rules in full width, the measures in two balanced columns, and at the foot the
hotline and, when the website is known, a QR code to it. Pages carry only a page number: a flyer is handed
to the public, so no clerk or print time appears on it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.printing.document import CREATOR, markup
from app.printing.fonts import FontSet, ensure_fonts
from app.printing.qr import QrFlowable

BLUE = colors.HexColor("#0D3C84")
LIGHT = colors.HexColor("#EEF2F8")
MARGIN = 14 * mm
Entry = tuple[str, str, str]  # (title, content, small print under it)


class Flyer:
    """Collects the blocks of one flyer; :meth:`build` returns the PDF."""

    def __init__(
        self, title: str, org: str, *, subtitle: str = "", font_path: str | Path | None = None
    ) -> None:
        self.title, self.org = title, org
        self.fonts: FontSet = ensure_fonts(font_path)
        self.width = A4[0] - 2 * MARGIN
        f = self.fonts
        self.styles = {
            "band_org": ParagraphStyle("band_org", fontName=f.heading, fontSize=13, leading=18,
                                       textColor=colors.white, alignment=TA_CENTER),
            "band_title": ParagraphStyle("band_title", fontName=f.title, fontSize=22, leading=30,
                                         textColor=colors.white, alignment=TA_CENTER, wordWrap="CJK"),
            "band_sub": ParagraphStyle("band_sub", fontName=f.body, fontSize=10.5, leading=15,
                                       textColor=colors.white, alignment=TA_CENTER, wordWrap="CJK"),
            "intro": ParagraphStyle("intro", fontName=f.body, fontSize=11.5, leading=19, firstLineIndent=23,
                                    wordWrap="CJK"),
            "heading": ParagraphStyle("heading", fontName=f.heading, fontSize=15, leading=22, textColor=BLUE,
                                      spaceBefore=8, spaceAfter=4),
            "entry_title": ParagraphStyle("entry_title", fontName=f.heading, fontSize=11, leading=15,
                                          textColor=BLUE, wordWrap="CJK"),
            "entry": ParagraphStyle("entry", fontName=f.body, fontSize=9.5, leading=14, wordWrap="CJK"),
            "meta": ParagraphStyle("meta", fontName=f.body, fontSize=7.5, leading=10, textColor=colors.dimgray,
                                   wordWrap="CJK"),
            "kpi_value": ParagraphStyle("kpi_value", fontName=f.heading, fontSize=20, leading=26, textColor=BLUE,
                                        alignment=TA_CENTER),
            "kpi_label": ParagraphStyle("kpi_label", fontName=f.body, fontSize=10, leading=14, alignment=TA_CENTER),
            "foot": ParagraphStyle("foot", fontName=f.body, fontSize=10.5, leading=16, wordWrap="CJK"),
        }  # fmt: skip
        self.story: list[Flowable] = [self._band(subtitle)]

    def _band(self, subtitle: str) -> Table:
        s = self.styles
        cells = [
            [Paragraph(markup(self.org), s["band_org"])],
            [Paragraph(markup(self.title), s["band_title"])],
        ]
        if subtitle:
            cells.append([Paragraph(markup(subtitle), s["band_sub"])])
        table = Table(cells, colWidths=[self.width])
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), BLUE),
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("TOPPADDING", (0, 0), (-1, 0), 10),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
                ]
            )
        )
        return table

    def intro(self, text: str) -> Flyer:
        self.story += [Spacer(1, 4 * mm), Paragraph(markup(text), self.styles["intro"])]
        return self

    def paragraph(self, text: str, style: str = "entry") -> Flyer:
        self.story.append(Paragraph(markup(text), self.styles[style]))
        return self

    def heading(self, text: str) -> Flyer:
        self.story.append(Paragraph(markup(text), self.styles["heading"]))
        return self

    def _entry(self, n: int, entry: Entry, width: float) -> Table:
        title, content, meta = entry
        s = self.styles
        parts: list[object] = [Paragraph(markup(f"{n}. {title}"), s["entry_title"])]
        parts += [Paragraph(markup(line), s["entry"]) for line in content.splitlines() if line.strip()]
        if meta:
            parts.append(Paragraph(markup(meta), s["meta"]))
        box = Table([[p] for p in parts], colWidths=[width])
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("TOPPADDING", (0, 0), (-1, 0), 4),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
                ]
            )
        )
        return box

    def entries(self, rows: Sequence[Entry], *, columns: int = 1) -> Flyer:
        """Numbered boxes, ``columns`` side by side; the list breaks between rows, never inside a box."""
        gap = 4 * mm
        width = (self.width - (columns - 1) * gap) / columns
        boxes = [self._entry(n, e, width - 8) for n, e in enumerate(rows, 1)]
        grid: list[list[object]] = []
        heights: list[float | None] = []
        style: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        for i in range(0, len(boxes), columns):
            chunk = boxes[i : i + columns]
            row: list[object] = []
            for k in range(columns):
                if k:
                    row.append("")
                row.append(chunk[k] if k < len(chunk) else "")
                if k < len(chunk):
                    r, c = len(grid), 2 * k
                    style += [("BACKGROUND", (c, r), (c, r), LIGHT), ("LINEBEFORE", (c, r), (c, r), 2, BLUE)]
            grid.append(row)
            heights.append(None)
            grid.append([""] * (2 * columns - 1))  # the gap under each row of boxes
            heights.append(gap * 0.6)
        widths = [width if k % 2 == 0 else gap for k in range(2 * columns - 1)]
        self.story.append(
            Table(grid, colWidths=widths, rowHeights=heights, style=TableStyle(style), hAlign="LEFT")
        )
        return self

    def kpis(self, rows: Sequence[tuple[str, str]], *, per_row: int = 4) -> Flyer:
        """Large figures in boxes, ``per_row`` to a row (label under value)."""
        s, width = self.styles, self.width / per_row
        cells = [
            [Paragraph(markup(v), s["kpi_value"]), Paragraph(markup(k), s["kpi_label"])] for k, v in rows
        ]
        inner = TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), self.fonts.body), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
        )
        grid = []
        for i in range(0, len(cells), per_row):
            chunk = cells[i : i + per_row]
            boxes = [Table([[a], [b]], colWidths=[width - 8], style=inner) for a, b in chunk]
            grid.append(boxes + [Paragraph("", s["kpi_label"])] * (per_row - len(boxes)))
        table = Table(grid, colWidths=[width] * per_row)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("BOX", (0, 0), (-1, -1), 0.8, BLUE),
                    ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#B8C4D8")),
                    ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        self.story += [Spacer(1, 4 * mm), table, Spacer(1, 4 * mm)]
        return self

    def footer(self, lines: Sequence[str], qr_url: str = "", day: date | None = None) -> Flyer:
        s = self.styles
        text = [Paragraph(markup(line), s["foot"]) for line in lines if line]
        if day is not None:
            text.append(Paragraph(markup(f"{self.org}　{day.year}年{day.month}月{day.day}日"), s["foot"]))
        if qr_url:
            code = QrFlowable(qr_url, 24, "扫码访问网站")
            block: Flowable = Table(
                [[text, code]], colWidths=[self.width - code.width - 6 * mm, code.width + 6 * mm]
            )
            block.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                       ("LINEABOVE", (0, 0), (-1, 0), 1, BLUE)]))  # fmt: skip
        else:
            block = Table([[t] for t in text] or [[""]], colWidths=[self.width])
            block.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                                       ("LINEABOVE", (0, 0), (-1, 0), 1, BLUE)]))  # fmt: skip
        self.story += [Spacer(1, 5 * mm), KeepTogether([block])]
        return self

    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFont(self.fonts.body, 8)
        canv.setFillColor(colors.dimgray)
        canv.drawCentredString(A4[0] / 2, MARGIN / 2, f"第 {doc.page} 页")
        canv.restoreState()

    def build(self) -> bytes:
        out = io.BytesIO()
        doc = BaseDocTemplate(
            out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
            title=self.title, author=self.org, creator=CREATOR, lang="zh-CN", initialFontName=self.fonts.body,
        )  # fmt: skip
        frame = Frame(MARGIN, MARGIN, self.width, A4[1] - 2 * MARGIN, 0, 0, 0, 0, id="body")
        doc.addPageTemplates([PageTemplate("flyer", [frame], onPage=self._page_number)])
        doc.build(list(self.story))
        return out.getvalue()


def render_flyer(
    title: str,
    org: str,
    intro: str,
    sections: Sequence[tuple[str, Sequence[Entry]]],
    *,
    footer_lines: Sequence[str] = (),
    qr_url: str = "",
    day: date | None = None,
    font_path: str | Path | None = None,
) -> bytes:
    """``sections``: (heading, entries); the measures (any section of more than six) go in two columns."""
    flyer = Flyer(title, org, subtitle="便民利民　一次办清", font_path=font_path).intro(intro)
    for heading, rows in sections:
        if rows:
            flyer.heading(heading).entries(rows, columns=2 if len(rows) > 6 else 1)
    return flyer.footer(footer_lines, qr_url, day).build()
