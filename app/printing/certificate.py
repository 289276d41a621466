"""Certificates (and the notice refusing one) on A4 after GB/T 9704: number, wording, issuer and date, and a QR
code with the verification code.

A re-print is marked as a copy (副本) on the face of the page, above the title and again beside the date,
so it can never pass for the original.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.printing.document import OFFICIAL, FormBuilder, markup
from app.printing.official import add_official

RED = colors.HexColor("#C00000")


class CertificateLike(Protocol):
    title: str
    cert_no: str
    verify_code: str
    qr_text: str
    paragraphs: Sequence[str]
    issuer: str
    issued_on: date
    subject_name: str
    is_copy: bool
    print_number: int
    number_label: str


def render_certificate(c: CertificateLike, *, font_path: str | None = None) -> bytes:
    b = FormBuilder(c.title, layout=OFFICIAL, author=c.issuer, subject=c.cert_no, font_path=font_path)
    if c.is_copy:
        style = ParagraphStyle("copy", fontName=b.fonts.heading, fontSize=16, leading=22, alignment=TA_RIGHT)
        style.textColor = RED
        b.add(Paragraph(markup(f"副本（第{c.print_number}次打印）"), style))
    add_official(
        b,
        c.title,
        list(c.paragraphs),
        c.issuer,
        c.issued_on,
        doc_number=f"{c.number_label}：{c.cert_no}",
        qr_text=c.qr_text,
        qr_caption=f"校验码 {c.verify_code}",
    )
    if c.is_copy:
        note = ParagraphStyle("copy-note", fontName=b.fonts.body, fontSize=10.5, leading=15)
        note.textColor = RED
        b.spacer(4)
        b.add(Paragraph(markup("本件为副本，与原件内容一致；原件以首次出具者为准。"), note))
    return b.build()
