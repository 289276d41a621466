"""Shared set-up for the citizen-service tests: departments, the standard catalogue, a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import select

from app.core.validators import make_id_number
from app.models.db import Database
from app.models.service_catalogue import ServiceCatalogueItem
from app.models.working_calendar import BEIJING
from app.services import standard_items, working_days
from app.services.context import SYSTEM
from app.services.intake import IntakeForm

ID_1 = make_id_number("610925", date(1990, 3, 5), 123)
ID_2 = make_id_number("610925", date(1985, 7, 9), 456)
ID_3 = make_id_number("610925", date(1972, 1, 20), 789)
PHONE = "13912345678"


def setup_catalogue(db: Database) -> dict[str, int]:
    """Departments and the standard items; returns catalogue ids by code."""
    with db.session() as s:
        standard_items.load_standard_items(s, SYSTEM)
        return dict(s.execute(select(ServiceCatalogueItem.code, ServiceCatalogueItem.id)).all())


def bj(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=BEIJING)


@contextmanager
def frozen_today(day: date) -> Iterator[None]:
    working_days.set_today(lambda: day)
    try:
        yield
    finally:
        working_days.set_today(None)


def form(
    catalogue_id: int, *, id_number: str = ID_1, name: str = "张三", phone: str = PHONE, **kw
) -> IntakeForm:
    return IntakeForm(id_number=id_number, catalogue_id=catalogue_id, name=name, phone=phone, **kw)


# --- printed forms --------------------------------------------------------------------------------------


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The text of the PDF with all white space removed (table cells wrap anywhere)."""
    import re
    import subprocess

    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def pdf_fonts_embedded(pdf: bytes, tmp_path) -> list[tuple[str, str]]:
    """(font name, emb) of every font; every one must say 'yes'."""
    import subprocess

    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        rows.append((parts[0], parts[-5]))
    return rows


def pdf_qr_codes(pdf: bytes, tmp_path) -> list[str]:
    """The decoded text of every QR code on the first page."""
    import subprocess

    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")], check=True
    )
    image = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def type_chinese(widget, text: str) -> None:
    """Type ``text`` as a Chinese input method commits it (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
