"""Page layouts and paragraph styles shared by every printout.

Official documents follow GB/T 9704-2012: A4, top margin 37 mm, binding-side margin 28 mm, type area
156 x 225 mm (bottom 35 mm, outer 26 mm). Business forms and lists use A4 with 20 mm margins and 10.5-12 pt text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.printing.fonts import FontSet


@dataclass(frozen=True)
class PageLayout:
    """Paper and margins in points; ``official`` selects GB/T 9704 page numbers instead of the form footer."""

    pagesize: tuple[float, float]
    top: float
    right: float
    bottom: float
    left: float
    official: bool = False

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.pagesize[1] - self.top - self.bottom

    def landscape(self) -> PageLayout:
        """The same margins on the page turned sideways (the binding edge stays on the left)."""
        w, h = self.pagesize
        return replace(self, pagesize=(max(w, h), min(w, h)))


OFFICIAL = PageLayout(A4, top=37 * mm, right=26 * mm, bottom=35 * mm, left=28 * mm, official=True)
BUSINESS = PageLayout(A4, top=20 * mm, right=20 * mm, bottom=20 * mm, left=20 * mm)


def make_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    """Paragraph styles for business forms; every one wraps Chinese (``wordWrap='CJK'``)."""
    base = ParagraphStyle("base", fontName=fonts.body, fontSize=12, leading=18, wordWrap="CJK")

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)  # type: ignore[arg-type]

    return {
        "org": style("org", fontName=fonts.heading, fontSize=12, leading=16, alignment=TA_CENTER),
        "title": style(
            "title", fontName=fonts.title, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4
        ),
        "subtitle": style(
            "subtitle", fontSize=10.5, leading=15, alignment=TA_CENTER, textColor=colors.dimgray
        ),
        "number": style("number", fontSize=10.5, leading=15, alignment=TA_RIGHT),
        "heading": style(
            "heading", fontName=fonts.heading, fontSize=13, leading=20, spaceBefore=6, spaceAfter=3
        ),
        "body": style("body", fontSize=12, leading=19, alignment=TA_JUSTIFY, firstLineIndent=24),
        "plain": style("plain", fontSize=10.5, leading=15, alignment=TA_LEFT),
        "small": style("small", fontSize=9, leading=12, textColor=colors.dimgray),
        "key": style("key", fontName=fonts.heading, fontSize=10.5, leading=14, alignment=TA_CENTER),
        "value": style("value", fontSize=10.5, leading=14),
    }


def markup(text: object) -> str:
    """User text made safe for Paragraph markup (``&``, ``<`` escaped; line breaks kept)."""
    return escape("" if text is None else str(text)).replace("\n", "<br/>")
