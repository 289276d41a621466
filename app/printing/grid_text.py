"""Text set on a character grid, as GB/T 9704 asks: 28 characters of 16 pt in a 156 mm line.

28 x 16 pt is 448 pt, wider than the 442 pt type area, so word processors squeeze the character pitch; reportlab's
Paragraph cannot (it has no character spacing), hence this flowable. It also keeps Chinese line-breaking rules:
closing punctuation never starts a line (it is squeezed into the previous one), opening brackets never end one.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

NO_LINE_START = set("，。、；：？！）》〉」』】〕”’…—％,.;:?!)]}%·")
NO_LINE_END = set("（《〈「『【〔“‘([{")
_TOKEN = re.compile(r"[\u0021-\u007e\u00c0-\u024f]+|\s+|.", re.S)


@dataclass(frozen=True)
class _Token:
    text: str
    font: str
    width: float  # advance without character spacing

    @property
    def is_space(self) -> bool:
        return self.text.isspace()


@dataclass(frozen=True)
class _Line:
    tokens: tuple[_Token, ...]
    indent: float
    justify: bool

    def chars(self) -> int:
        return sum(len(t.text) for t in self.tokens)

    def advance(self) -> float:
        return sum(t.width for t in self.tokens)


def grid_char_space(width: float, size: float, chars_per_line: int) -> float:
    """Character spacing that fits exactly ``chars_per_line`` full-width glyphs of ``size`` into ``width``."""
    return (width - chars_per_line * size) / max(chars_per_line - 1, 1)


class GridParagraph(Flowable):
    """A paragraph of mixed-font runs on a fixed character pitch, splittable across pages by whole lines.

    ``runs`` are ``(text, font name)`` pairs; ``align`` is ``justify``, ``left``, ``right`` or ``center``;
    indents are in characters of the grid.
    """

    def __init__(
        self,
        runs: Sequence[tuple[str, str]],
        size: float,
        leading: float,
        char_space: float,
        *,
        first_indent: float = 0,
        right_indent: float = 0,
        align: str = "justify",
        color: object = None,
        _lines: list[_Line] | None = None,
    ) -> None:
        super().__init__()
        self.runs = list(runs)
        self.size = size
        self.leading = leading
        self.char_space = char_space
        self.first_indent = first_indent
        self.right_indent = right_indent
        self.align = align
        self.color = color
        self._lines = _lines
        self._fixed = _lines is not None  # a split part keeps the lines it was cut from
        self._laid_width: float | None = None

    @property
    def pitch(self) -> float:
        return self.size + self.char_space

    def _tokens(self) -> list[_Token]:
        out: list[_Token] = []
        for text, font in self.runs:
            for piece in _TOKEN.findall(text.replace("\r", "")):
                out.append(_Token(piece, font, stringWidth(piece, font, self.size)))
        return out

    def _span(self, chars: int, advance: float) -> float:
        return advance + max(chars - 1, 0) * self.char_space

    def _layout(self, width: float) -> list[_Line]:
        cap_right = width - self.right_indent * self.pitch
        lines: list[_Line] = []
        current: list[_Token] = []
        indent = self.first_indent * self.pitch

        def fits(tokens: list[_Token], ind: float) -> bool:
            return (
                self._span(sum(len(t.text) for t in tokens), sum(t.width for t in tokens))
                <= cap_right - ind + 0.01
            )

        def flush(justify: bool) -> None:
            nonlocal current, indent
            while current and current[-1].is_space:
                current.pop()
            lines.append(_Line(tuple(current), indent, justify))
            current, indent = [], 0.0

        pending = deque(self._tokens())
        while pending:
            tok = pending.popleft()
            if tok.text == "\n" or (tok.is_space and "\n" in tok.text):
                flush(False)
                continue
            if tok.is_space and not current:
                continue
            if fits([*current, tok], indent):
                current.append(tok)
            elif tok.text in NO_LINE_START and current:
                current.append(tok)  # squeezed in; justification compresses the line
            elif not current:
                # a word longer than the line: break it by characters
                chars = [_Token(c, tok.font, stringWidth(c, tok.font, self.size)) for c in tok.text]
                current.append(chars[0])
                pending.extendleft(reversed(chars[1:]))
            else:
                carry: list[_Token] = []
                if len(current) > 1 and current[-1].text in NO_LINE_END:
                    carry.append(current.pop())
                flush(True)
                current = carry
                pending.appendleft(tok)
        if current or not lines:
            flush(False)
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._lines is None or (not self._fixed and self._laid_width != availWidth):
            self._lines = self._layout(availWidth)
            self._laid_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        n = int((availHeight + 0.01) // self.leading)
        if n <= 0:
            return []
        if n >= len(self._lines):
            return [self]
        return [self._part(self._lines[:n]), self._part(self._lines[n:])]

    def _part(self, lines: list[_Line]) -> GridParagraph:
        return GridParagraph(
            self.runs,
            self.size,
            self.leading,
            self.char_space,
            right_indent=self.right_indent,
            align=self.align,
            color=self.color,
            _lines=lines,
        )

    def draw(self) -> None:
        assert self._lines is not None
        canv = self.canv
        cap_right = self.width - self.right_indent * self.pitch
        y = self.height
        for line in self._lines:
            y -= self.leading
            chars = line.chars()
            natural = self._span(chars, line.advance())
            space = self.char_space
            x = line.indent
            room = cap_right - line.indent
            if self.align == "justify" and (line.justify or natural > room) and chars > 1:
                space += (room - natural) / (chars - 1)
            elif self.align == "right":
                x = cap_right - natural
            elif self.align == "center":
                x = line.indent + (room - natural) / 2
            text = canv.beginText(x, y + self.leading / 2 - self.size * 0.35)
            text.setCharSpace(space)
            if self.color is not None:
                text.setFillColor(self.color)
            font = None
            for tok in line.tokens:
                if tok.font != font:
                    font = tok.font
                    text.setFont(font, self.size, self.leading)
                text.textOut(tok.text)
            canv.drawText(text)
