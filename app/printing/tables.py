"""Data tables for printouts: column widths fitted to the content, Chinese-aware wrapping, fast for long lists.

Cells are pre-wrapped into plain strings with explicit row heights instead of one ``Paragraph`` per cell: a
Paragraph per cell costs ~30x more, which turns a 10,000-row list from seconds into minutes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from app.printing.grid_text import NO_LINE_END, NO_LINE_START

_TOKEN = re.compile(r"[\u0021-\u007e\u00c0-\u024f]+|[ \t]+|.", re.S)
HEADER_BG = colors.HexColor("#E8E8E8")
ZEBRA_BG = colors.HexColor("#F6F6F6")
GRID = colors.HexColor("#555555")


@dataclass(frozen=True)
class CellFont:
    """Font and metrics shared by the cells of one table."""

    font: str
    header_font: str
    size: float = 10.0
    leading: float = 13.0
    pad_x: float = 3.0
    pad_y: float = 2.5


class _Widths:
    """Per-character advance widths of one font, cached (``stringWidth`` per call is the hot spot)."""

    def __init__(self, font: str, size: float) -> None:
        self._face = pdfmetrics.getFont(font)
        self._size = size
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        cache = self._cache
        total = 0.0
        for ch in text:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = self._face.stringWidth(ch, self._size)
            total += w
        return total


def wrap_text(text: str, width: float, measure: _Widths) -> list[str]:
    """Break ``text`` into lines no wider than ``width``: between CJK characters, at spaces, never before
    a closing punctuation mark; words longer than a line are cut."""
    lines: list[str] = []
    for para in str(text).replace("\r", "").split("\n"):
        current: list[str] = []
        used = 0.0
        for tok in _TOKEN.findall(para):
            w = measure(tok)
            if used + w <= width or (not current and tok.isspace()):
                if current or not tok.isspace():
                    current.append(tok)
                    used += w
                continue
            if tok.isspace():
                lines.append("".join(current))
                current, used = [], 0.0
                continue
            carry: list[str] = []
            if current and (tok in NO_LINE_START or current[-1] in NO_LINE_END) and len(current) > 1:
                carry.append(current.pop())
            if current:
                lines.append("".join(current).rstrip())
            current = carry
            used = sum(measure(t) for t in current)
            while measure(tok) > width and len(tok) > 1:  # cut a word longer than the line
                cut = len(tok) - 1
                while cut > 1 and used + measure(tok[:cut]) > width:
                    cut -= 1
                lines.append("".join(current) + tok[:cut])
                current, used, tok = [], 0.0, tok[cut:]
            current.append(tok)
            used += measure(tok)
        lines.append("".join(current).rstrip())
    return lines


def natural_widths(
    columns: Sequence[str], rows: Sequence[Sequence[object]], cf: CellFont, sample: int = 3000
) -> list[float]:
    """Width each column would take unwrapped (padding included), from at most ``sample`` rows."""
    body, head = _Widths(cf.font, cf.size), _Widths(cf.header_font, cf.size)
    step = max(1, len(rows) // sample)
    natural = [head(c) for c in columns]
    for row in rows[::step]:
        for i, value in enumerate(row[: len(columns)]):
            w = max((body(line) for line in str(value).split("\n")), default=0.0)
            if w > natural[i]:
                natural[i] = w
    pad = 2 * cf.pad_x + 0.5
    return [w + pad for w in natural]


def fit_widths(
    columns: Sequence[str], rows: Sequence[Sequence[object]], avail: float, cf: CellFont, sample: int = 3000
) -> list[float]:
    """Column widths that fill ``avail``: natural widths when they fit, else the widest columns shrink first."""
    natural = natural_widths(columns, rows, cf, sample)
    minimum = [min(n, 2 * cf.size + 2 * cf.pad_x + 0.5) for n in natural]
    if sum(natural) <= avail:
        extra = avail - sum(natural)
        return [w + extra * w / sum(natural) for w in natural]
    if sum(minimum) >= avail:
        return [w * avail / sum(minimum) for w in minimum]
    low, high = 0.0, max(natural)
    for _ in range(40):  # water-filling: cap every column at t, find t that fills the line
        t = (low + high) / 2
        if sum(max(m, min(n, t)) for m, n in zip(minimum, natural, strict=True)) > avail:
            high = t
        else:
            low = t
    widths = [max(m, min(n, low)) for m, n in zip(minimum, natural, strict=True)]
    slack = avail - sum(widths)
    return [w + slack / len(widths) for w in widths]


def wrap_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    cf: CellFont,
    max_height: float = 10_000.0,
) -> tuple[list[list[str]], list[float]]:
    """Header + rows as wrapped strings, and the height of each row (header first).

    A cell that would make header plus row taller than ``max_height`` (the frame) is cut with "…": one row
    must always fit on a page, or the layout could never place it.
    """
    body, head = _Widths(cf.font, cf.size), _Widths(cf.header_font, cf.size)
    inner = [w - 2 * cf.pad_x for w in widths]
    data: list[list[str]] = []
    heights: list[float] = []
    max_lines = 10_000
    for r, row in enumerate([list(columns), *rows]):
        measure = head if r == 0 else body
        cells = []
        lines = 1
        for i in range(len(columns)):
            value = row[i] if i < len(row) else ""
            wrapped = wrap_text("" if value is None else str(value), inner[i], measure)
            if len(wrapped) > max_lines:
                wrapped = [*wrapped[: max_lines - 1], wrapped[max_lines - 1][:-1] + "…"]
            lines = max(lines, len(wrapped))
            cells.append("\n".join(wrapped))
        data.append(cells)
        heights.append(lines * cf.leading + 2 * cf.pad_y)
        if r == 0:
            max_lines = max(1, int((max_height - heights[0] - 2 * cf.pad_y) // cf.leading))
    return data, heights


class PagedTable(Flowable):
    """A table of pre-wrapped rows whose header row repeats on every page it spans.

    reportlab's ``Table`` rebuilds the remaining table after every page break (quadratic: 10,000 rows took
    ~10 s, most of it re-measuring rows) and draws each cell through its own text object. Here row heights are
    known up front, a page takes its rows in O(rows on the page), and a page is one path plus one text object.
    ``on_page(rows_done, rows_total)`` is called as each page is drawn (progress; it may raise to cancel).
    """

    def __init__(
        self,
        data: list[list[str]],
        heights: list[float],
        widths: list[float],
        cf: CellFont,
        *,
        align: Sequence[str] = (),
        zebra: bool = True,
        on_page: Callable[[int, int], None] | None = None,
        start: int = 1,
        stop: int | None = None,
        suffix: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.data, self.heights, self.widths, self.cf = data, heights, widths, cf
        self.align = [a.lower() for a in align]
        self.zebra, self.on_page = zebra, on_page
        self.start, self.stop = start, len(heights) if stop is None else stop
        self._suffix = suffix if suffix is not None else _suffix_sums(heights)
        self.width = sum(widths)
        self.hAlign = "CENTER"

    def _part(self, start: int, stop: int | None) -> PagedTable:
        return PagedTable(
            self.data, self.heights, self.widths, self.cf, align=self.align, zebra=self.zebra,
            on_page=self.on_page, start=start, stop=stop, suffix=self._suffix,
        )  # fmt: skip

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.heights[0] + self._suffix[self.start] - self._suffix[self.stop]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self.heights[0]
        stop = self.start
        while stop < self.stop and room >= self.heights[stop] - 0.01:
            room -= self.heights[stop]
            stop += 1
        if stop == self.start:
            return []
        if stop == self.stop:
            return [self]
        return [self._part(self.start, stop), self._part(stop, self.stop)]

    def draw(self) -> None:
        if self.on_page is not None:
            self.on_page(self.stop - 1, len(self.heights) - 1)
        canv = self.canv
        rows = [0, *range(self.start, self.stop)]
        tops: list[float] = []
        y = self.height
        for r in rows:
            tops.append(y)
            y -= self.heights[r]
        canv.saveState()
        try:
            for i, r in enumerate(rows):  # header and zebra backgrounds
                shade = HEADER_BG if r == 0 else ZEBRA_BG if self.zebra and r % 2 == 0 else None
                if shade is not None:
                    canv.setFillColor(shade)
                    canv.rect(0, tops[i] - self.heights[r], self.width, self.heights[r], stroke=0, fill=1)
            self._draw_text(rows, tops)
            path = canv.beginPath()
            for t in [*tops, 0.0]:
                path.moveTo(0, t)
                path.lineTo(self.width, t)
            x = 0.0
            for w in [0.0, *self.widths]:
                x += w
                path.moveTo(x, 0)
                path.lineTo(x, self.height)
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.5)
            canv.drawPath(path, stroke=1, fill=0)
        finally:
            canv.restoreState()

    def _draw_text(self, rows: list[int], tops: list[float]) -> None:
        cf = self.cf
        measures = {cf.font: _Widths(cf.font, cf.size), cf.header_font: _Widths(cf.header_font, cf.size)}
        text = self.canv.beginText()
        text.setFillColor(colors.black)
        current = None
        for i, r in enumerate(rows):
            font = cf.header_font if r == 0 else cf.font
            if font != current:
                text.setFont(font, cf.size, cf.leading)
                current = font
            measure = measures[font]
            x = 0.0
            for c, cell in enumerate(self.data[r]):
                w = self.widths[c]
                if cell:
                    align = "center" if r == 0 else self.align[c] if c < len(self.align) else "left"
                    lines = cell.split("\n")
                    top = tops[i] - (self.heights[r] - len(lines) * cf.leading) / 2
                    for n, line in enumerate(lines):
                        base = top - (n + 1) * cf.leading + (cf.leading - cf.size) / 2 + 0.14 * cf.size
                        if align == "left":
                            lx = x + cf.pad_x
                        elif align == "right":
                            lx = x + w - cf.pad_x - measure(line)
                        else:
                            lx = x + (w - measure(line)) / 2
                        text.setTextOrigin(lx, base)
                        text.textOut(line)
                x += w
        self.canv.drawText(text)


def _suffix_sums(heights: Sequence[float]) -> list[float]:
    out = [0.0] * (len(heights) + 1)
    for i in range(len(heights) - 1, -1, -1):
        out[i] = out[i + 1] + heights[i]
    return out


def data_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    avail_width: float,
    cf: CellFont,
    *,
    col_widths: Sequence[float] | None = None,
    align: Sequence[str] | None = None,
    zebra: bool = True,
    max_height: float = 10_000.0,
    on_page: Callable[[int, int], None] | None = None,
) -> PagedTable:
    """A table fitted to ``avail_width`` whose header row repeats on every page it spans.

    ``align`` holds ``left``/``center``/``right`` per column. ``max_height`` is the frame height: longer
    cells are cut with "…" so that one row always fits on a page.
    """
    widths = list(col_widths) if col_widths else fit_widths(columns, rows, avail_width, cf)
    data, heights = wrap_rows(columns, rows, widths, cf, max_height)
    return PagedTable(data, heights, widths, cf, align=align or (), zebra=zebra, on_page=on_page)
