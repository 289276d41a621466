"""One rule or measure: its versions, the wording of each, what changed, and the workflow buttons.

Buttons follow the selected version's state and the actor's permissions; the service checks again and its
Chinese message is shown when it refuses (approving one's own draft, say).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.publicity_permissions import (
    APPROVED,
    CHANNEL_NAMES,
    DRAFT,
    PUBLICITY_APPROVE,
    PUBLICITY_EDIT,
    PUBLICITY_PUBLISH,
    PUBLISHED,
    REVIEW,
    WITHDRAWN,
)
from app.models.working_calendar import BEIJING
from app.services import publicity_diff, publicity_releases, publicity_versions, publicity_workflow
from app.services.publicity_catalogue import VersionForm
from app.services.publicity_common import VersionInfo
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.publicity.common import WATCHED, OpKeeper
from app.views.publicity.diff_view import DiffDialog
from app.views.publicity.version_form_dialog import VersionFormDialog

COLUMNS = ("版本", "状态", "标题", "起草人", "批准人", "批准时间", "发布时间", "修订说明")


def _when(value: Any) -> str:
    return value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if value else ""


class ItemDialog(QDialog):
    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_dialog")
        self.ctx, self.item_id, self._ops = ctx, item_id, OpKeeper()
        self.versions: list[VersionInfo] = []
        self.form_dialog: VersionFormDialog | None = None
        self.prompt: QInputDialog | None = None
        self.diff_dialog: DiffDialog | None = None
        self.resize(980, 680)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold; color: #0d3c84;")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #0d3c84;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([220, 380])
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, handler in (
            ("edit", "修改…", self.edit_selected),
            ("submit", "提交审核", self.submit_selected),
            ("approve", "批准", self.approve_selected),
            ("send_back", "退回修改…", self.send_back_selected),
            ("withdraw", "撤回…", self.withdraw_selected),
            ("compare", "比较版本", self.compare_selected),
        ):
            button = QPushButton(self.tr(text))
            button.setObjectName(f"{key}_button")
            button.clicked.connect(handler)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bar.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.notice)
        lay.addWidget(split, 1)
        lay.addLayout(bar)
        self.table.itemSelectionChanged.connect(self._selected)
        ctx.signals.changed.connect(self._tables_changed)
        self.reload()

    # -- data ----------------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        actor, item_id = self.ctx.actor, self.item_id
        keep = select_id or (self.current().id if self.current() else None)
        op = run_op(self, lambda s: publicity_versions.history(s, actor, item_id), readonly=True)
        self._ops.start(op.success(lambda rows: self._show(rows, keep)))

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if WATCHED & set(tables):
            self.reload()

    def _show(self, rows: list[VersionInfo], select_id: int | None) -> None:
        self.versions = rows
        if rows:
            v = rows[0]
            self.setWindowTitle(f"{v.item_number} {v.title}")
            self.heading.setText(f"{v.item_number}　{v.kind_name}　{v.title}")
        self.table.setRowCount(len(rows))
        for r, v in enumerate(rows):
            texts = (f"第{v.no}版", v.status_name, v.title, v.author_name, v.approved_by_name,
                     _when(v.approved_at), _when(v.published_at), v.change_note)  # fmt: skip
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        index = next((i for i, v in enumerate(rows) if v.id == select_id), 0)
        if rows:
            self.table.selectRow(index)
        self._selected()

    def current(self) -> VersionInfo | None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return self.versions[rows[0]] if rows and rows[0] < len(self.versions) else None

    def select_no(self, no: int) -> None:
        self.table.selectRow(next(i for i, v in enumerate(self.versions) if v.no == no))

    @Slot()
    def _selected(self) -> None:
        v = self.current()
        can = self.ctx.actor.can
        status = v.status if v else None
        self.buttons["edit"].setEnabled(can(PUBLICITY_EDIT) and status in (DRAFT, PUBLISHED, WITHDRAWN))
        self.buttons["edit"].setText(
            self.tr("修改草稿…") if status == DRAFT else self.tr("修订（另建新版本）…")
        )
        self.buttons["submit"].setEnabled(can(PUBLICITY_EDIT) and status == DRAFT)
        for key in ("approve", "send_back"):
            self.buttons[key].setEnabled(can(PUBLICITY_APPROVE) and status == REVIEW)
        publish = status in (APPROVED, PUBLISHED)
        self.buttons["withdraw"].setEnabled(
            v is not None and status != WITHDRAWN and can(PUBLICITY_PUBLISH if publish else PUBLICITY_EDIT)
        )
        self.buttons["compare"].setEnabled(len(self.versions) > 1 and v is not None)
        if v is None:
            self.detail.clear()
            return
        self.detail.setHtml(self._detail_html(v))
        actor, vid = self.ctx.actor, v.id
        op = run_op(self, lambda s: publicity_releases.releases_of_version(s, actor, vid), readonly=True)
        self._ops.start(op.success(lambda rels: self._show_releases(vid, rels)))

    def _detail_html(self, v: VersionInfo) -> str:
        body = "".join(f"<p style='text-indent:2em'>{escape(line)}</p>" for line in v.content.splitlines())
        facts = [
            ("状态", v.status_name), ("责任部门", v.unit_name), ("施行", v.effective_text),
            ("起草人", v.author_name), ("审核意见", v.review_opinion), ("撤回原因", v.withdrawn_reason),
        ]  # fmt: skip
        rows = "".join(
            f"<tr><td style='color:#555'>{k}：</td><td>{escape(x)}</td></tr>" for k, x in facts if x
        )
        return f"<h3>{escape(v.title)}（第{v.no}版）</h3>{body}<table>{rows}</table><div id='releases'></div>"

    def _show_releases(self, version_id: int, releases: list[Any]) -> None:
        v = self.current()
        if v is None or v.id != version_id:
            return
        lines = [
            f"{r.released_on:%Y-%m-%d}　{CHANNEL_NAMES.get(r.channel, r.channel)}　{escape(r.title)}　覆盖 {r.reach:,}"
            for r in releases
        ]
        extra = "<h4>发布记录</h4>" + ("<br>".join(lines) if lines else "尚未发布")
        self.detail.setHtml(self._detail_html(v) + extra)

    # -- actions -------------------------------------------------------------------------------------
    def _run(self, fn: Any, done: str = "") -> None:
        def ok(result: Any) -> None:
            self.notice.setText(done)
            self.reload(getattr(result, "id", None))

        self._ops.start(run_op(self, fn).success(ok))

    @Slot()
    def edit_selected(self) -> VersionFormDialog | None:
        v = self.current()
        if v is None:
            return None
        actor, vid, expected = self.ctx.actor, v.id, v.version
        hint = (
            ""
            if v.status == DRAFT
            else self.tr("第{0}版{1}，原文不能修改：保存后将另建新版本草稿，经审核批准后才能发布。").format(
                v.no, v.status_name
            )
        )
        dialog = VersionFormDialog(
            self.ctx, self.tr("修改 {0}").format(v.title), VersionForm.of(v),
            lambda s, form: publicity_versions.edit(s, actor, vid, expected, form), self, hint=hint,
        )  # fmt: skip
        dialog.saved.connect(self._edited)
        self.form_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _edited(self, result: Any) -> None:
        self.notice.setText(result.notice)
        self.reload(result.version.id)

    @Slot()
    def submit_selected(self) -> None:
        v, actor = self.current(), self.ctx.actor
        if v is not None:
            self._run(lambda s: publicity_workflow.submit(s, actor, v.id, v.version), self.tr("已提交审核。"))

    @Slot()
    def approve_selected(self) -> None:
        v, actor = self.current(), self.ctx.actor
        if v is not None:
            self._run(
                lambda s: publicity_workflow.approve(s, actor, v.id, v.version), self.tr("已批准，可以发布。")
            )

    def _prompt(self, title: str, label: str, accepted: Any) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("prompt")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setOkButtonText(self.tr("确定"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.textValueSelected.connect(accepted)
        self.prompt = dialog
        dialog.open()
        return dialog

    @Slot()
    def send_back_selected(self) -> QInputDialog | None:
        v, actor = self.current(), self.ctx.actor
        if v is None:
            return None

        def go(text: str) -> None:
            self._run(
                lambda s: publicity_workflow.send_back(s, actor, v.id, v.version, text),
                self.tr("已退回修改。"),
            )

        return self._prompt(self.tr("退回修改"), self.tr("审核意见（必填）："), go)

    @Slot()
    def withdraw_selected(self) -> QInputDialog | None:
        v, actor = self.current(), self.ctx.actor
        if v is None:
            return None

        def go(text: str) -> None:
            self._run(
                lambda s: publicity_workflow.withdraw(s, actor, v.id, v.version, text), self.tr("已撤回。")
            )

        return self._prompt(self.tr("撤回 第{0}版").format(v.no), self.tr("撤回原因（必填）："), go)

    @Slot()
    def compare_selected(self) -> DiffDialog | None:
        """The selected version against the one before it (or the two selected rows)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return None
        if len(rows) >= 2:
            new, old = self.versions[rows[0]], self.versions[rows[-1]]
        else:
            new = self.versions[rows[0]]
            older = [v for v in self.versions if v.no < new.no]
            if not older:
                QMessageBox.information(
                    self, self.tr("比较版本"), self.tr("这是第一个版本，没有更早的版本可比较。")
                )
                return None
            old = older[0]
        d = publicity_diff.compare(old, new)
        dialog = DiffDialog(d, self)
        self.diff_dialog = dialog
        dialog.open()
        return dialog
