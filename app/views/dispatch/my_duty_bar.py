"""The officer's own duty status, with the time in it, and a way to change it (在岗, 备勤, 巡逻 ...)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.models.dispatch_duty import DUTY_NAMES, DUTY_STATUSES
from app.services import duty_board
from app.services.duty_board import BoardRow
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.formatting import STATUS_COLORS, duration, tr

TABLES = frozenset({"duty_status", "duty_absence", "dispatch_incident"})


class MyDutyBar(QWidget):
    status_changed = Signal(object)  # BoardRow after a change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("my_duty_bar")
        self.row: BoardRow | None = None
        self.label = QLabel(self)
        self.label.setObjectName("my_duty_label")
        self.choice = QComboBox(self)
        self.choice.setObjectName("my_duty_choice")
        for status in DUTY_STATUSES:
            self.choice.addItem(tr(DUTY_NAMES[status]), status)
        self.note = QLineEdit(self)
        self.note.setObjectName("my_duty_note")
        self.note.setPlaceholderText(self.tr("备注（如巡逻路线、去向）"))
        self.note.setMaxLength(200)
        self.apply_button = QPushButton(self.tr("更新我的状态"), self)
        self.apply_button.setObjectName("my_duty_apply")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.choice)
        lay.addWidget(self.note)
        lay.addWidget(self.apply_button)
        self.apply_button.clicked.connect(self.apply)
        ctx.signals.changed.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self._show)
        self.timer.start()
        self.reload()

    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if TABLES & set(tables):
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor
        run_op(self, lambda s: duty_board.my_status(s, actor)).success(self._loaded).start()

    def _loaded(self, row: BoardRow) -> None:
        self.row = row
        self.choice.setCurrentIndex(max(0, self.choice.findData(row.status)))
        self._show()

    @Slot()
    def _show(self) -> None:
        row = self.row
        if row is None:
            return
        since = row.seconds_in_status(datetime.now(UTC))
        text = self.tr("我的勤务状态：{0}").format(tr(DUTY_NAMES[row.status]))
        if since is not None:
            text += self.tr("（已 {0}）").format(duration(since))
        if row.incident_title:
            text += self.tr("  事件：{0}").format(row.incident_title)
        if row.absence is not None:
            text += self.tr("  {0}至 {1}").format(
                row.absence.reason, row.absence.end_at.astimezone().strftime("%m-%d %H:%M")
            )
        self.label.setText(text)
        self.label.setStyleSheet(f"font-weight: bold; color: {STATUS_COLORS[row.status].name()};")

    @Slot()
    def apply(self) -> None:
        actor = self.ctx.actor
        status = self.choice.currentData()
        note = self.note.text()
        assert actor.user_id is not None
        uid = actor.user_id

        def work(session: object) -> BoardRow:
            duty_board.set_status(session, actor, [uid], status, note=note)  # type: ignore[arg-type]
            return duty_board.my_status(session, actor)  # type: ignore[arg-type]

        run_op(self, work).success(self._applied).start()

    def _applied(self, row: BoardRow) -> None:
        self._loaded(row)
        self.note.clear()
        self.status_changed.emit(row)
