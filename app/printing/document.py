"""Page layouts and the form builder every printout is made with: data in, PDF bytes out.

Two layouts: the GB/T 9704-2012 official-document page (A4, type area 156 x 225 mm, page numbers "— 1 —") and
a compact business-form page (A4, 20 mm margins) for receipts and lists, whose footer carries "第 x 页 共 y 页",
who printed it and when. Totals are PDF form objects filled in when the document ends, so a long list is laid out
once, not twice. A builder may hold several "items" (batch printing); page numbers then count per item.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.printing.fonts import ensure_fonts
from app.printing.layout import BUSINESS, OFFICIAL, PageLayout, make_styles, markup
from app.printing.qr import QrFlowable
from app.printing.tables import GRID, CellFont, data_table

__all__ = [
    "BUSINESS",
    "OFFICIAL",
    "FormBuilder",
    "ItemStart",
    "PageLayout",
    "make_styles",
    "markup",
    "render_form",
]

CREATOR = "岚皋县公安局警务工作平台"

# Binary (Flate only) streams instead of ASCII85 on top: without the optional C accelerator the pure-Python
# ASCII85 encoder took ~30% of a 10,000-row list and made files 25% larger. Process-wide, but every PDF of the
# application is made here.
rl_config.useA85 = 0
FOOTER_SIZE = 9.0


class ItemStart(ActionFlowable):
    """Marks where the next item (batch member) begins; page numbers restart there."""

    def __init__(self, builder: FormBuilder, on_start: Callable[[], list[Flowable]] | None = None) -> None:
        super().__init__()
        self.builder = builder
        self.on_start = on_start

    def apply(self, doc: BaseDocTemplate) -> None:
        self.builder._item_starts.append(doc.page)
        if self.on_start is not None:
            self.builder._live_story[0:0] = self.on_start()


class FormBuilder:
    """Collects flowables for one printout (or a batch of them) and renders them to PDF bytes."""

    def __init__(
        self,
        title: str,
        *,
        layout: PageLayout = BUSINESS,
        landscape: bool = False,
        author: str = "",
        subject: str = "",
        printed_by: str = "",
        printed_at: datetime | None = None,
        running_title: bool = True,
        font_path: str | Path | None = None,
    ) -> None:
        self.title = title
        self.layout = layout.landscape() if landscape else layout
        self.author = author
        self.subject = subject
        self.printed_by = printed_by
        self.printed_at = printed_at or datetime.now()
        self.running_title = running_title
        self.fonts = ensure_fonts(font_path)
        self.styles = make_styles(self.fonts)
        self.cell_font = CellFont(self.fonts.body, self.fonts.heading, size=10.5, leading=14)
        self.story: list[Flowable] = []
        self._item_starts: list[int] = []
        self._item_pages: list[int] = []
        self._live_story: list[Flowable] = []

    @property
    def width(self) -> float:
        """Usable line width in points."""
        return self.layout.frame_width

    @property
    def height(self) -> float:
        """Usable page height in points."""
        return self.layout.frame_height

    # -- blocks -----------------------------------------------------------------------------------
    def add(self, *flowables: Flowable) -> FormBuilder:
        self.story.extend(flowables)
        return self

    def header(
        self, title: str | None = None, subtitle: str = "", org: str = "", number: str = ""
    ) -> FormBuilder:
        """Issuing unit, title, optional subtitle and a right-aligned form number (编号)."""
        if org:
            self.add(Paragraph(markup(org), self.styles["org"]))
        self.add(Paragraph(markup(title or self.title), self.styles["title"]))
        if subtitle:
            self.add(Paragraph(markup(subtitle), self.styles["subtitle"]))
        if number:
            self.add(Paragraph(markup(number), self.styles["number"]))
        return self.spacer(3)

    def heading(self, text: str) -> FormBuilder:
        return self.add(Paragraph(markup(text), self.styles["heading"]))

    def paragraph(self, text: str, style: str = "body") -> FormBuilder:
        return self.add(Paragraph(markup(text), self.styles[style]))

    def spacer(self, height_mm: float) -> FormBuilder:
        return self.add(Spacer(1, height_mm * mm))

    def page_break(self) -> FormBuilder:
        return self.add(PageBreak())

    def key_values(
        self, pairs: Sequence[tuple[str, object]], columns: int = 2, key_mm: float = 24
    ) -> FormBuilder:
        """A ruled grid of label/value pairs, ``columns`` pairs per row; values wrap."""
        key_w = key_mm * mm
        value_w = (self.width - columns * key_w) / columns
        cells = [
            (Paragraph(markup(k), self.styles["key"]), Paragraph(markup(v), self.styles["value"]))
            for k, v in pairs
        ]
        rows = []
        for i in range(0, len(cells), columns):
            chunk = cells[i : i + columns]
            row: list[object] = [c for pair in chunk for c in pair]
            rows.append(row + [""] * (2 * columns - len(row)))
        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),  # empty cells would select Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for n in range(len(cells)):  # shade the label cells only
            r, c = divmod(n, columns)
            style.append(("BACKGROUND", (2 * c, r), (2 * c, r), colors.HexColor("#F2F2F2")))
        if len(cells) % columns:  # let the last value run to the right edge
            last = len(cells) % columns * 2 - 1
            style.append(("SPAN", (last, len(rows) - 1), (-1, len(rows) - 1)))
        widths = [key_w, value_w] * columns
        return self.add(
            Table(rows, colWidths=widths, style=TableStyle(style), hAlign="CENTER"), Spacer(1, 3 * mm)
        )

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        col_widths_mm: Sequence[float] | None = None,
        align: Sequence[str] | None = None,
        zebra: bool = True,
    ) -> FormBuilder:
        """A data table fitted to the line width; the header row repeats on every page."""
        widths = [w * mm for w in col_widths_mm] if col_widths_mm else None
        table = data_table(
            columns,
            rows,
            self.width,
            self.cell_font,
            col_widths=widths,
            align=align,
            zebra=zebra,
            max_height=self.height,
        )
        return self.add(table, Spacer(1, 3 * mm))

    def signature_area(
        self, labels: Sequence[str] = ("经办人", "审核人"), seal: str = "（单位盖章）", date_line: bool = True
    ) -> FormBuilder:
        """Signature lines on the left, seal space and a blank date on the right, kept on one page."""
        plain = self.styles["plain"]
        left = [Paragraph(markup(f"{label}：________________"), plain) for label in labels]
        right: list[Flowable] = [Paragraph(markup(seal), plain)] if seal else []
        if date_line:
            right.append(
                Paragraph("&nbsp;" * 8 + "年&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;日", plain)
            )
        rows = [
            [left[i] if i < len(left) else "", right[i] if i < len(right) else ""]
            for i in range(max(len(left), len(right)))
        ]
        table = Table(
            rows, colWidths=[self.width * 0.55, self.width * 0.45], rowHeights=[12 * mm] * len(rows)
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return self.add(KeepTogether([Spacer(1, 6 * mm), table]))

    def qr(self, text: str, size_mm: float = 25, caption: str = "", align: str = "RIGHT") -> FormBuilder:
        drawing = QrFlowable(text, size_mm, caption)
        drawing.hAlign = align
        return self.add(drawing)

    # -- rendering --------------------------------------------------------------------------------
    def build(self, story: list[Flowable] | None = None) -> bytes:
        """Lay the story out and return the PDF. A story without an item marker is one item."""
        flowables = list(self.story if story is None else story)
        if not any(isinstance(f, ItemStart) for f in flowables):
            flowables.insert(0, ItemStart(self))
        self._live_story = flowables
        self._item_starts, self._item_pages = [], []
        out = io.BytesIO()
        lay = self.layout
        doc = BaseDocTemplate(
            out,
            pagesize=lay.pagesize,
            leftMargin=lay.left,
            rightMargin=lay.right,
            topMargin=lay.top,
            bottomMargin=lay.bottom,
            title=self.title,
            author=self.author,
            subject=self.subject,
            creator=CREATOR,
            lang="zh-CN",
            initialFontName=self.fonts.body,
        )
        frame = Frame(lay.left, lay.bottom, lay.frame_width, lay.frame_height, 0, 0, 0, 0, id="body")
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate_page)])
        doc.build(flowables, canvasmaker=self._canvas_class())
        return out.getvalue()

    def _canvas_class(self) -> type[Canvas]:
        builder = self

        class _TotalsCanvas(Canvas):
            def save(self) -> None:
                for i, total in enumerate(builder._item_pages):
                    self.beginForm(f"pages{i}")
                    self.setFont(builder.fonts.body, FOOTER_SIZE)
                    self.drawString(0, 0, f"{total} 页")
                    self.endForm()
                super().save()

        return _TotalsCanvas

    def _decorate_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        item = len(self._item_starts) - 1
        number = doc.page - self._item_starts[item] + 1
        del self._item_pages[item:]
        self._item_pages.append(number)
        canv.saveState()
        try:
            if self.layout.official:
                self._official_page_number(canv, number)
            else:
                self._form_footer(canv, number, item)
        finally:
            canv.restoreState()

    def _official_page_number(self, canv: Canvas, number: int) -> None:
        """GB/T 9704: 14 pt, a dash each side, 7 mm under the type area, odd pages right, even left (1 char in)."""
        lay, size = self.layout, 14.0
        text = f"— {number} —"
        y = lay.bottom - 7 * mm - size * 0.85
        canv.setFont(self.fonts.body, size)
        if number % 2:
            canv.drawRightString(lay.pagesize[0] - lay.right - size, y, text)
        else:
            canv.drawString(lay.left + size, y, text)

    def _form_footer(self, canv: Canvas, number: int, item: int) -> None:
        lay, font, size = self.layout, self.fonts.body, FOOTER_SIZE
        right = lay.pagesize[0] - lay.right
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.4)
        canv.setFillColor(colors.dimgray)
        y = lay.bottom - 8 * mm
        canv.line(lay.left, y + size + 2, right, y + size + 2)
        info = [f"打印人：{self.printed_by}"] if self.printed_by else []
        info.append(f"打印时间：{self.printed_at:%Y-%m-%d %H:%M}")
        canv.setFont(font, size)
        canv.drawString(lay.left, y, "    ".join(info))
        head = f"第 {number} 页  共 "
        x = right - canv.stringWidth(f"{head}0000 页", font, size)
        canv.drawString(x, y, head)
        canv.saveState()
        canv.translate(x + canv.stringWidth(head, font, size), y)
        canv.doForm(f"pages{item}")  # "N 页", written when the item's last page is known
        canv.restoreState()
        if number > 1 and self.running_title:
            top = lay.pagesize[1] - lay.top + 4 * mm
            canv.drawString(lay.left, top, self.title)
            canv.line(lay.left, top - 3, right, top - 3)


def render_form(title: str, fill: Callable[[FormBuilder], object], **builder_kw: object) -> bytes:
    """Convenience: build a business form with ``fill(builder)`` adding the blocks."""
    builder = FormBuilder(title, **builder_kw)  # type: ignore[arg-type]
    fill(builder)
    return builder.build()
