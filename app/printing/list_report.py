"""Printout of any list screen: title, filters, row count and a table that runs over as many pages as needed.

Landscape is chosen automatically for wide lists. 10,000 rows take a few seconds (see PERFORMANCE.md), so the
GUI calls this off the GUI thread; ``progress``/``cancelled`` are honoured while pages are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Paragraph

from app.core.errors import Cancelled
from app.printing.document import BUSINESS, FormBuilder, markup
from app.printing.fonts import ensure_fonts
from app.printing.tables import CellFont, data_table, natural_widths

LANDSCAPE_COLUMNS = 8
"""From this many columns a list is printed landscape."""


def cell_font_for(columns: int, body: str, heading: str) -> CellFont:
    """10.5 pt for ordinary lists, smaller only when many columns must share the line."""
    if columns <= 6:
        return CellFont(body, heading, size=10.5, leading=14)
    if columns <= 10:
        return CellFont(body, heading, size=9.5, leading=12.5)
    return CellFont(body, heading, size=8.5, leading=11, pad_x=2)


def choose_landscape(columns: Sequence[str], rows: Sequence[Sequence[object]], cf: CellFont) -> bool:
    """Landscape for many columns, or when the content would be squeezed far below its natural width."""
    if len(columns) >= LANDSCAPE_COLUMNS:
        return True
    cap = BUSINESS.frame_width * 0.4  # one long remark column wraps; it alone does not justify landscape
    return sum(min(w, cap) for w in natural_widths(columns, rows, cf)) > BUSINESS.frame_width * 1.3


def render_table(
    title: str,
    columns: list[str],
    rows: Sequence[Sequence[object]],
    subtitle: str = "",
    landscape: bool | None = None,
    printed_by: str = "",
    filters_text: str = "",
    *,
    numbered: bool = False,
    align: Sequence[str] | None = None,
    org: str = "",
    printed_at: datetime | None = None,
    font_path: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """A list as PDF bytes.

    ``landscape=None`` decides from the columns; ``numbered`` adds a 序号 column; ``align`` gives
    ``left``/``center``/``right`` per column; ``progress(rows_done, rows_total)`` is called per page and
    ``cancelled()`` checked there (raises :class:`Cancelled`).
    """
    fonts = ensure_fonts(font_path)
    if numbered:
        columns = ["序号", *columns]
        rows = [[str(i), *row] for i, row in enumerate(rows, 1)]
        align = ["center", *(align or [])]
    cf = cell_font_for(len(columns), fonts.body, fonts.heading)
    if landscape is None:
        landscape = choose_landscape(columns, rows, cf)
    b = FormBuilder(
        title,
        layout=BUSINESS,
        landscape=landscape,
        author=printed_by,
        subject=filters_text,
        printed_by=printed_by,
        printed_at=printed_at,
        font_path=font_path,
    )
    b.header(title, subtitle=subtitle, org=org)
    summary = markup(f"共 {len(rows)} 条")
    if filters_text:
        summary = markup(f"筛选条件：{filters_text}") + "&nbsp;" * 6 + summary
    b.add(Paragraph(summary, b.styles["plain"]))
    b.spacer(2)

    def on_page(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    b.add(data_table(columns, rows, b.width, cf, align=align, max_height=b.height, on_page=on_page))
    return b.build()
