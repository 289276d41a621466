"""The officer's notices (read receipts written when opened) and the polls addressed to them (投票)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.services import support_notices, support_poll_votes
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error

TABLES = frozenset(
    {"support_notice", "support_notice_read", "support_poll", "support_poll_voter", "support_poll_option"}
)


class MyNotices(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("my_notices")
        self._ops: list[Any] = []
        self.notices: list[support_notices.NoticeItem] = []
        self.polls: list[support_poll_votes.PollItem] = []
        self.vote_dialog: QWidget | None = None
        self.results_dialog: QWidget | None = None

        self.notice_list = QListWidget(self)
        self.notice_list.setObjectName("notice_list")
        self.body = QTextBrowser(self)
        self.body.setObjectName("notice_body")
        self.poll_list = QListWidget(self)
        self.poll_list.setObjectName("poll_list")
        self.vote_button = QPushButton(self.tr("投票"), self)
        self.vote_button.setObjectName("vote")
        self.results_button = QPushButton(self.tr("查看结果"), self)
        self.results_button.setObjectName("results")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("通知公告（加粗为未读）"), left))
        ll.addWidget(self.notice_list, 2)
        ll.addWidget(QLabel(self.tr("意见征集"), left))
        ll.addWidget(self.poll_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.vote_button)
        buttons.addWidget(self.results_button)
        buttons.addStretch(1)
        ll.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.body)
        split.setSizes([360, 560])
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.message)

        self.notice_list.currentRowChanged.connect(self._open_notice)
        self.poll_list.currentRowChanged.connect(self._poll_selected)
        self.vote_button.clicked.connect(self.vote)
        self.results_button.clicked.connect(self.show_results)
        ctx.signals.changed.connect(self._tables_changed)
        self._poll_selected(-1)
        self.reload()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            show_error(self, exc)

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if TABLES & set(tables or ()):
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor

        def read(s: Any) -> tuple[list[Any], list[Any]]:
            return support_notices.my_notices(s, actor), support_poll_votes.my_polls(s, actor)

        self._keep(run_op(self, read, readonly=True).success(self._loaded).failure(self._failed))

    def _loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        self.notices, self.polls = result
        current = self.notice_list.currentRow()
        self.notice_list.blockSignals(True)
        self.notice_list.clear()
        for n in self.notices:
            when = n.published_at.astimezone().strftime("%m-%d") if n.published_at else ""
            item = QListWidgetItem(f"[{n.kind}] {n.title}  {when}")
            if n.read_at is None:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.notice_list.addItem(item)
        self.notice_list.setCurrentRow(current)
        self.notice_list.blockSignals(False)
        poll_row = self.poll_list.currentRow()
        self.poll_list.blockSignals(True)
        self.poll_list.clear()
        for p in self.polls:
            mark = self.tr("（已投票）") if p.voted else ""
            kind = self.tr("匿名") if p.anonymous else self.tr("实名")
            self.poll_list.addItem(f"{p.title} · {kind} · {p.status_name}{mark}")
        self.poll_list.setCurrentRow(poll_row if poll_row < len(self.polls) else -1)
        self.poll_list.blockSignals(False)
        self._poll_selected(self.poll_list.currentRow())

    @Slot(int)
    def _open_notice(self, row: int) -> None:
        if not 0 <= row < len(self.notices):
            self.body.clear()
            return
        n = self.notices[row]
        when = n.published_at.astimezone().strftime("%Y-%m-%d %H:%M") if n.published_at else ""
        self.body.setPlainText(f"{n.title}\n\n{n.body}\n\n{n.author}  {when}")
        if n.read_at is None:
            actor, ident = self.ctx.actor, n.id
            op = run_op(self, lambda s: support_notices.mark_read(s, actor, ident))
            self._keep(
                op.success(
                    lambda _r: self.ctx.signals.changed.emit(frozenset({"support_notice_read"}))
                ).failure(self._failed)
            )

    def current_poll(self) -> support_poll_votes.PollItem | None:
        row = self.poll_list.currentRow()
        return self.polls[row] if 0 <= row < len(self.polls) else None

    @Slot(int)
    def _poll_selected(self, _row: int) -> None:
        poll = self.current_poll()
        self.vote_button.setEnabled(poll is not None and poll.status == "open" and not poll.voted)
        self.results_button.setEnabled(poll is not None and (poll.voted or poll.status == "closed"))

    @Slot()
    def vote(self) -> QWidget | None:
        from app.views.support.poll_dialogs import VoteDialog

        poll = self.current_poll()
        if poll is None:
            return None
        dialog = VoteDialog(poll, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.voted.connect(self._voted)  # bound slots: lambdas on a deleted-on-close dialog crashed PySide
        dialog.finished.connect(self._vote_closed)
        self.vote_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int, int, str)
    def _voted(self, poll_id: int, option: int, comment: str) -> None:
        actor = self.ctx.actor
        op = run_op(self, lambda s: support_poll_votes.vote(s, actor, poll_id, option, comment=comment))
        self._keep(op.success(self._vote_saved).failure(self._failed))

    def _vote_saved(self, tables: Any) -> None:
        self.ctx.signals.changed.emit(tables)
        self.reload()

    @Slot()
    def _vote_closed(self) -> None:
        self.vote_dialog = None

    @Slot()
    def _results_closed(self) -> None:
        self.results_dialog = None

    @Slot()
    def show_results(self) -> None:
        from app.views.support.poll_dialogs import ResultsDialog

        poll = self.current_poll()
        if poll is None:
            return
        actor = self.ctx.actor

        def show(results: Any) -> None:
            dialog = ResultsDialog(results, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(self._results_closed)
            self.results_dialog = dialog
            dialog.open()

        op = run_op(self, lambda s: support_poll_votes.results(s, actor, poll.id), readonly=True)
        self._keep(op.success(show).failure(self._failed))
