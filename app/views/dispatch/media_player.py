"""Playing an audio or video attachment in the application (QtMultimedia), or in the system player.

QtMultimedia needs the system's PulseAudio client library; where it cannot be imported, :func:`available`
says so and callers hand the file to the system player (``QDesktopServices.openUrl``) instead. Playback also
works with no sound device (FFmpeg backend): the position advances and the player stops at the end.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

log = logging.getLogger(__name__)
_multimedia: Any = None
_checked = False


def available() -> bool:
    """Whether QtMultimedia can be used here (imported once, on first need: it is not small)."""
    global _multimedia, _checked
    if not _checked:
        _checked = True
        try:
            from PySide6 import QtMultimedia, QtMultimediaWidgets

            _multimedia = (QtMultimedia, QtMultimediaWidgets)
        except ImportError:
            log.warning("QtMultimedia is unavailable; audio and video go to the system player", exc_info=True)
            _multimedia = None
    return _multimedia is not None


def open_externally(path: Path) -> bool:
    """Hand a file to the program the system associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class MediaPlayer(QWidget):
    """Play / pause / stop, a position slider and the time; a video surface for video files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not available():
            raise RuntimeError("QtMultimedia is unavailable")
        multimedia, widgets = _multimedia
        self.setObjectName("media_player")
        self.player = multimedia.QMediaPlayer(self)
        self.audio = multimedia.QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = widgets.QVideoWidget(self)
        self.video.setMinimumHeight(180)
        self.video.hide()
        self.player.setVideoOutput(self.video)
        self.play_button = QPushButton(self.tr("播放"), self)
        self.play_button.setObjectName("play_button")
        self.stop_button = QPushButton(self.tr("停止"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.time_label = QLabel("00:00 / 00:00", self)
        self.time_label.setObjectName("media_time")
        self.title = QLabel(self)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.video, 1)
        lay.addLayout(controls)
        self.play_button.clicked.connect(self.toggle)
        self.stop_button.clicked.connect(self.player.stop)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(self._duration)
        self.player.playbackStateChanged.connect(self._state)

    def load(self, path: Path, title: str, *, video: bool) -> None:
        self.player.stop()
        self.title.setText(title)
        self.video.setVisible(video)
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def is_playing(self) -> bool:
        return bool(self.player.playbackState() == self.player.PlaybackState.PlayingState)

    @Slot()
    def toggle(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def stop(self) -> None:
        self.player.stop()

    @Slot("qint64")
    def _position(self, ms: int) -> None:
        self.slider.setValue(int(ms))
        self.time_label.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")

    @Slot("qint64")
    def _duration(self, ms: int) -> None:
        self.slider.setRange(0, int(ms))
        self.time_label.setText(f"{_clock(self.player.position())} / {_clock(ms)}")

    @Slot(object)
    def _state(self, _state: Any) -> None:
        self.play_button.setText(self.tr("暂停") if self.is_playing() else self.tr("播放"))
