"""Preview a generated PDF, print it, or save it.

Printing renders each PDF page with QPdfDocument at (up to 300 dpi of) the printer's resolution and paints the
image onto the printer, so what prints is what the preview shows; a widget grab would rasterise the screen at
96 dpi. The view uses ``ZoomMode.Custom``: FitInView/FitToWidth spin at 100% CPU offscreen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QSizeF, QTimer, Slot
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_PRINT_DPI = 300
"""Pages are rendered at the printer's resolution but never above this (A4 at 1200 dpi is a 560 MB image)."""
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


def load_pdf(pdf_bytes: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A loaded QPdfDocument and the buffer it reads from (keep both alive while the document is used)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def print_pdf_to_printer(
    pdf: bytes | QPdfDocument,
    printer: QPrinter,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Print the pages (or the printer's selected page range) and return how many were printed.

    Each page is scaled to the paper keeping its proportions; landscape pages turn the paper. ``progress(done,
    total)`` may return False to abort the job.
    """
    document, buffer = (pdf, None) if isinstance(pdf, QPdfDocument) else load_pdf(pdf)
    count = document.pageCount()
    if count <= 0:
        raise ValueError("the PDF has no pages or could not be read")
    pages = list(range(count))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = pages[printer.fromPage() - 1 : printer.toPage() or count]
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printer.setFullPage(True)
    painter = QPainter()
    printed = 0
    try:
        for n, index in enumerate(pages):
            size = document.pagePointSize(index)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
            if n == 0:
                if not painter.begin(printer):
                    raise OSError("the printer could not be opened")
            elif not printer.newPage():
                raise OSError("the printer refused a new page")
            image = document.render(
                index, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            )
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            scale = min(paper.width() / size.width(), paper.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            painter.drawImage(QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h), image)
            printed += 1
            if progress is not None and not progress(printed, len(pages)):
                printer.abort()
                break
    finally:
        if painter.isActive():
            painter.end()
        if buffer is not None:
            buffer.close()
    return printed


def print_pdf_to_file(pdf_bytes: bytes, path: str | Path, dpi: int = 150) -> int:
    """Print through Qt's PDF printer into ``path`` (tests, and a check of the print path without paper)."""
    document, buffer = load_pdf(pdf_bytes)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    if document.pageCount() > 0:
        first = document.pagePointSize(0)
        short, long = sorted((first.width(), first.height()))
        printer.setPageSize(QPageSize(QSizeF(short, long), QPageSize.Unit.Point))
    try:
        return print_pdf_to_printer(document, printer)
    finally:
        buffer.close()


def safe_file_name(title: str) -> str:
    """A title usable as a file name on Windows (no \\ / : * ? " < > |)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("._") or "document"


class PdfPreviewDialog(QDialog):
    """Shows a PDF with page navigation and zoom; prints it or saves it as a file."""

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = bytes(pdf_bytes)
        self.title = title
        self.printer: QPrinter | None = None  # kept referenced: an unreferenced QPrinter crashes dialogs
        self._fitted = False
        self.setWindowTitle(self.tr("打印预览 - {0}").format(title))
        self.resize(900, 960)
        self.document, self._buffer = load_pdf(self.pdf_bytes, self)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(1.0)

        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, max(1, self.page_count()))
        self.page_total = QLabel(self.tr("共 {0} 页").format(self.page_count()), self)
        self.zoom_out_button = QPushButton(self.tr("缩小"), self)
        self.zoom_label = QLabel(self)
        self.zoom_in_button = QPushButton(self.tr("放大"), self)
        self.fit_button = QPushButton(self.tr("适合宽度"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.save_button = QPushButton(self.tr("另存为PDF…"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)

        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_spin, self.page_total, self.next_button, self.zoom_out_button,
                  self.zoom_label, self.zoom_in_button, self.fit_button):  # fmt: skip
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.reject)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_with_dialog)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_with_dialog)
        self._page_changed(0)
        self._zoom_changed()
        if self.document.status() != QPdfDocument.Status.Ready:
            self.page_total.setText(self.tr("无法显示该PDF文件"))
            for w in (self.print_button, self.save_button, self.page_spin):
                w.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # first show: the viewport has its real width only now
            self._fitted = True
            QTimer.singleShot(0, self, self.fit_width)  # with the dialog as context: dropped if it is deleted first

    # -- navigation and zoom ----------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """Zero-based index of the page shown."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, index: int) -> None:
        index = max(0, min(index, self.page_count() - 1))
        if index != self.current_page():
            self.view.pageNavigator().jump(index, QPointF(), self.view.zoomFactor())

    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))
        self._zoom_changed()

    def step_zoom(self, direction: int) -> None:
        current = self.zoom_factor()
        if direction > 0:
            self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 1e-3), ZOOM_STEPS[-1]))
        else:
            self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-3), ZOOM_STEPS[0]))

    @Slot()
    def fit_width(self) -> None:
        """Zoom so the current page fills the view's width (computed: the built-in mode spins offscreen)."""
        if self.page_count() <= 0:
            return
        page_px = self.document.pagePointSize(self.current_page()).width() * self.logicalDpiX() / 72
        room = self.view.viewport().width() - 2 * self.view.documentMargins().left() - 4
        if page_px > 0 and room > 0:
            self.set_zoom(room / page_px)

    @Slot(int)
    def _page_changed(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_count() - 1)

    def _zoom_changed(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")
        self.zoom_out_button.setEnabled(self.zoom_factor() > ZOOM_STEPS[0] + 1e-3)
        self.zoom_in_button.setEnabled(self.zoom_factor() < ZOOM_STEPS[-1] - 1e-3)

    # -- printing and saving ----------------------------------------------------------------------
    @Slot()
    def print_with_dialog(self) -> None:
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            self.printer.setDocName(self.title)
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print with a progress dialog (cancellable); returns the number of pages printed."""
        total = self.page_count()
        progress = QProgressDialog(self.tr("正在打印…"), self.tr("取消"), 0, total, self)
        progress.setWindowTitle(self.tr("打印"))
        progress.setMinimumDuration(800)

        def step(done: int, _total: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            return print_pdf_to_printer(self.document, printer, step)
        except OSError:
            QMessageBox.warning(
                self, self.tr("打印"), self.tr("无法连接打印机，请检查打印机是否开启并重试。")
            )
            return 0
        finally:
            progress.close()

    @Slot()
    def save_with_dialog(self) -> None:
        suggested = str(Path.home() / f"{safe_file_name(self.title)}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("另存为PDF"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(self.pdf_bytes)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("另存为PDF"), self.tr("无法保存文件：{0}").format(exc.strerror or exc)
            )
            return False
        return True
