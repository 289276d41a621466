"""Dialogs of notices and polls: voting (with the anonymity statement), results with a chart, read receipts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.support_poll_votes import PollItem, PollResults

ANONYMOUS_TEXT = (
    "本次征集为匿名投票：系统只记录您“已投票”，不记录您选择了哪一项，任何人（包括管理员）都无法查到。"
)
NAMED_TEXT = "本次征集为实名投票：组织者可以看到您的选择。"


class VoteDialog(QDialog):
    """Choose one option; ``voted(option_id, comment)`` when 投票 is pressed."""

    voted = Signal(int, int, str)  # poll, option, comment

    def __init__(self, poll: PollItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.poll = poll
        self.setObjectName("vote_dialog")
        self.setWindowTitle(self.tr("参与意见征集"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        title = QLabel(poll.title, self)
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        title.setWordWrap(True)
        lay.addWidget(title)
        if poll.description:
            about = QLabel(poll.description, self)
            about.setWordWrap(True)
            lay.addWidget(about)
        notice = QLabel(self.tr(ANONYMOUS_TEXT) if poll.anonymous else self.tr(NAMED_TEXT), self)
        notice.setObjectName("anonymity")
        notice.setWordWrap(True)
        notice.setStyleSheet(
            "color: #2e7d32; background: #e8f5e9; padding: 6px;" if poll.anonymous else "color: #8a6d3b;"
        )
        lay.addWidget(notice)
        self.group = QButtonGroup(self)
        for option_id, text in poll.options:
            radio = QRadioButton(text, self)
            radio.setObjectName(f"option_{option_id}")
            self.group.addButton(radio, option_id)
            lay.addWidget(radio)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("补充意见（实名征集可填）"))
        self.comment.setVisible(not poll.anonymous)
        lay.addWidget(self.comment)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("投票"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("vote")
        self.ok.setEnabled(False)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._vote)
        buttons.rejected.connect(self.reject)
        self.group.idClicked.connect(self._chosen)
        lay.addWidget(buttons)

    @Slot(int)
    def _chosen(self, _option: int) -> None:
        self.ok.setEnabled(True)

    @Slot()
    def _vote(self) -> None:
        option = self.group.checkedId()
        if option < 0:
            return
        self.voted.emit(self.poll.id, option, self.comment.text() if not self.poll.anonymous else "")
        self.accept()


class ResultsDialog(QDialog):
    def __init__(self, results: PollResults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.views.common.charts import BarChart, Series

        self.setObjectName("results_dialog")
        self.setWindowTitle(self.tr("征集结果"))
        self.resize(620, 480)
        lay = QVBoxLayout(self)
        head = QLabel(
            self.tr("{0}（{1}，{2}，共 {3} 人参与）").format(
                results.title,
                results.status_name,
                self.tr("匿名") if results.anonymous else self.tr("实名"),
                results.voters,
            ),
            self,
        )
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        self.chart = BarChart(self.tr("各选项票数"), parent=self)
        self.chart.set_data(
            [t for t, _ in results.counts], [Series(self.tr("票数"), [n for _, n in results.counts])]
        )
        lay.addWidget(self.chart, 1)
        self.counts = QListWidget(self)
        self.counts.setObjectName("counts")
        for text, n in results.counts:
            self.counts.addItem(self.tr("{0}：{1} 票").format(text, n))
        lay.addWidget(self.counts)
        if results.ballots:
            ballots = QListWidget(self)
            ballots.setObjectName("ballots")
            for name, option, comment in results.ballots:
                ballots.addItem(f"{name}：{option}" + (f"（{comment}）" if comment else ""))
            lay.addWidget(QLabel(self.tr("实名投票明细："), self))
            lay.addWidget(ballots)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class ReceiptsDialog(QDialog):
    """Who has read a notice (and when), and who has not yet."""

    def __init__(self, receipts: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipts_dialog")
        self.setWindowTitle(self.tr("阅读情况：{0}").format(receipts.title))
        self.resize(480, 420)
        tabs = QTabWidget(self)
        self.read = QListWidget(self)
        self.read.setObjectName("read")
        for name, unit, at in receipts.read:
            self.read.addItem(f"{name}（{unit}）  {at.astimezone():%m-%d %H:%M}")
        self.unread = QListWidget(self)
        self.unread.setObjectName("unread")
        for name, unit in receipts.unread:
            self.unread.addItem(f"{name}（{unit}）")
        tabs.addTab(self.read, self.tr("已读 {0} 人").format(len(receipts.read)))
        tabs.addTab(self.unread, self.tr("未读 {0} 人").format(len(receipts.unread)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)
