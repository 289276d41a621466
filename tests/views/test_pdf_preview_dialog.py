"""The print preview: shows the pages, navigates, zooms, prints real pages and saves the bytes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from app.printing.document import FormBuilder  # noqa: E402
from app.views.common.pdf_preview_dialog import PdfPreviewDialog, print_pdf_to_file  # noqa: E402

# The offscreen platform plugin warns when any shown dialog propagates its size hints; not a defect of ours.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def two_page_pdf() -> bytes:
    b = FormBuilder("测试回执")
    b.header(subtitle="第一页")
    b.paragraph("第一页正文。")
    b.page_break()
    b.heading("第二页")
    b.paragraph("第二页正文。")
    return b.build()


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def dialog(qtbot, two_page_pdf: bytes) -> PdfPreviewDialog:  # type: ignore[no-untyped-def]
    dlg = PdfPreviewDialog(two_page_pdf, "测试回执")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_shows_page_count_and_navigates(qtbot, dialog: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.page_count() == 2
    assert dialog.page_total.text() == "共 2 页"
    assert dialog.page_spin.maximum() == 2
    assert dialog.current_page() == 0 and not dialog.prev_button.isEnabled()

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.current_page() == 1)
    assert dialog.page_spin.value() == 2
    assert not dialog.next_button.isEnabled() and dialog.prev_button.isEnabled()

    dialog.page_spin.setValue(1)
    qtbot.waitUntil(lambda: dialog.current_page() == 0)


def test_zoom_buttons_step_the_zoom(qtbot, dialog: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.set_zoom(1.0)
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom_factor() == pytest.approx(1.25)
    assert dialog.zoom_label.text() == "125%"
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom_factor() == pytest.approx(0.9)
    dialog.fit_width()
    assert 0.25 <= dialog.zoom_factor() <= 4.0


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
def test_prints_every_page_to_a_printer(qtbot, dialog: PdfPreviewDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    assert dialog.print_to(printer) == 2
    assert pdf_pages(out) == 2


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
def test_print_helper_without_dialog(qtbot, two_page_pdf: bytes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "helper.pdf"
    assert print_pdf_to_file(two_page_pdf, out, dpi=100) == 2
    assert pdf_pages(out) == 2


def test_save_writes_the_original_bytes(
    dialog: PdfPreviewDialog, two_page_pdf: bytes, tmp_path: Path
) -> None:
    assert dialog.save_to(tmp_path / "回执")
    assert (tmp_path / "回执.pdf").read_bytes() == two_page_pdf
