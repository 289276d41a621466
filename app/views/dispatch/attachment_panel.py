"""The attachments of an order or a timeline entry: images shown, audio and video played, documents opened.

Files are copied from the shared database (in the background) into a private temporary folder of this
session, removed when the application ends. Images of an opened order are shown at once; audio and video
play in the panel's player (QtMultimedia) or, where that is unavailable, in the system player; documents
open in the program the system associates with them, or can be saved elsewhere.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.dispatch_attachment import MEDIA_AUDIO, MEDIA_IMAGE, MEDIA_NAMES, MEDIA_VIDEO
from app.services import attachments
from app.services.attachments import AttachmentInfo, human_size
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch import media_player

_cache: Path | None = None


def cache_dir() -> Path:
    """This session's private folder for opened attachments (deleted at exit)."""
    global _cache
    if _cache is None:
        _cache = Path(tempfile.mkdtemp(prefix="jingwu-attachments-"))
        atexit.register(shutil.rmtree, _cache, True)
    return _cache


def cached_path(info: AttachmentInfo) -> Path:
    suffix = Path(info.filename).suffix
    return cache_dir() / f"{info.id}-{info.sha256[:12]}{suffix}"


class AttachmentPanel(QWidget):
    """A list of files; choosing one shows, plays or opens it."""

    shown = Signal(object)  # AttachmentInfo, once it is displayed / playing / handed over

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("attachment_panel")
        self.files: list[AttachmentInfo] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachment_list")
        self.list.setMaximumHeight(96)
        self.image = QLabel(self)
        self.image.setObjectName("attachment_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.hide()
        self.player: media_player.MediaPlayer | None = None
        self.open_button = QPushButton(self.tr("打开"), self)
        self.save_button = QPushButton(self.tr("另存为…"), self)
        self.message = QLabel(self)
        self.message.setObjectName("attachment_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.addWidget(self.list)
        self.lay.addLayout(buttons)
        self.lay.addWidget(self.image, 1)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.set_attachments([])

    def set_attachments(self, files: Sequence[AttachmentInfo]) -> None:
        self.files = list(files)
        self.list.clear()
        self.image.clear()
        self.image.hide()
        self.message.clear()
        if self.player is not None:
            self.player.stop()
            self.player.hide()
        for info in self.files:
            item = QListWidgetItem(f"[{MEDIA_NAMES[info.media]}] {info.filename}（{human_size(info.size)}）")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.setVisible(bool(self.files))
        self.open_button.setEnabled(bool(self.files))
        self.save_button.setEnabled(bool(self.files))
        first_image = next((f for f in self.files if f.media == MEDIA_IMAGE), None)
        if first_image is not None:
            self.list.setCurrentRow(self.files.index(first_image))
            self.show_attachment(first_image)

    def selected(self) -> AttachmentInfo | None:
        row = self.list.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        info = self.files[self.list.row(item)]
        self.show_attachment(info)

    @Slot()
    def open_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self._fetch(info, lambda path: self._hand_over(info, path))

    @Slot()
    def save_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("另存附件"), info.filename)
        if target:
            self._fetch(info, lambda path: self._copied(shutil.copyfile(path, target)))

    def _copied(self, target: str) -> None:
        self.message.setText(self.tr("已保存到 {0}").format(target))

    def show_attachment(self, info: AttachmentInfo) -> None:
        """Images here, audio/video in the player, documents in the system's program."""
        self._fetch(info, lambda path: self._display(info, path))

    def _fetch(self, info: AttachmentInfo, then: object) -> None:
        path = cached_path(info)
        if path.exists() and path.stat().st_size == info.size:
            then(path)  # type: ignore[operator]
            return
        actor = self.ctx.actor
        self.message.setText(self.tr("正在读取“{0}”…").format(info.filename))

        def work(session: object) -> Path:
            attachments.fetch(session, actor, info.id, path)  # type: ignore[arg-type]
            return path

        run_op(self, work).success(then).start()  # type: ignore[arg-type]

    def _display(self, info: AttachmentInfo, path: Path) -> None:
        self.message.clear()
        if info.media == MEDIA_IMAGE:
            pixmap = QPixmap(str(path))
            if pixmap.isNull():
                self.message.setText(self.tr("图片“{0}”无法显示。").format(info.filename))
                return
            if pixmap.width() > 480 or pixmap.height() > 320:  # shrink large photos, never blow up small ones
                pixmap = pixmap.scaled(
                    480, 320, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            self.image.setPixmap(pixmap)
            self.image.setToolTip(info.filename)
            self.image.show()
        elif info.media in (MEDIA_AUDIO, MEDIA_VIDEO) and media_player.available():
            if self.player is None:
                self.player = media_player.MediaPlayer(self)
                self.lay.addWidget(self.player)
            self.player.show()
            self.player.load(path, info.filename, video=info.media == MEDIA_VIDEO)
            self.player.player.play()
        else:
            self._hand_over(info, path)
            return
        self.shown.emit(info)

    def _hand_over(self, info: AttachmentInfo, path: Path) -> None:
        if media_player.open_externally(path):
            self.message.setText(self.tr("已用系统程序打开“{0}”。").format(info.filename))
        else:
            self.message.setText(
                self.tr("没有可以打开“{0}”的程序，请用“另存为…”保存后查看。").format(info.filename)
            )
        self.shown.emit(info)
