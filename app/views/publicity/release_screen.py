"""发布记录: every release with channel, date, approvers and reach; reach is entered by hand in the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.models.publicity_permissions import CHANNEL_NAMES, PUBLICITY_PUBLISH
from app.services import publicity_releases
from app.services.publicity_releases import RELEASE_SPEC, ReleaseInfo
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.publicity.common import OpKeeper, ask_path, discard, write_output
from app.views.publicity.list_screen import PublicityListScreen


class ReleaseTextDialog(QDialog):
    """The exact text a release carried, with the versions it listed; saved again as a file on request."""

    def __init__(self, info: ReleaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("release_text_dialog")
        self.info = info
        self.setWindowTitle(f"{info.released_on:%Y-%m-%d} {CHANNEL_NAMES[info.channel]}：{info.title}")
        self.resize(760, 560)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setReadOnly(True)
        listed = "\n".join(
            f"{i.item_number} 第{i.version_no}版 {i.title}（批准：{i.approved_by_name}）" for i in info.items
        )
        parts = [info.body or self.tr("（宣传单不保存正文，可按所列版本重新生成）")]
        if listed:
            parts.append(self.tr("——所发布的版本——") + "\n" + listed)
        self.text.setPlainText("\n\n".join(parts))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("另存为…"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(info.body))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)

    @Slot()
    def save_as(self) -> None:
        path = ask_path(
            self,
            self.tr("另存为"),
            f"{CHANNEL_NAMES[self.info.channel]}_{self.info.released_on:%Y%m%d}",
            self.info.channel,
        )
        if path is not None:
            write_output(path, self.info.body)


class ReleaseScreen(PublicityListScreen):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(RELEASE_SPEC, ctx, parent, hide=("create", "delete", "import"), settings=settings)
        self._ops = OpKeeper()
        self.release_dialog: Any = None
        self.text_dialog: ReleaseTextDialog | None = None
        self.actions_by_name["edit"].setText(self.tr("登记覆盖数量…"))
        self.add_action(
            "new_release",
            self.tr("登记发布…"),
            self.new_release,
            permission=PUBLICITY_PUBLISH,
            needs_row=False,
        )
        self.add_action("show_text", self.tr("查看稿件"), self.show_text)

    @Slot()
    def new_release(self) -> Any:
        from app.views.publicity.release_dialog import ReleaseDialog

        discard(self.release_dialog)
        dialog = ReleaseDialog(self.ctx, self)
        dialog.released.connect(lambda info: self._changed(frozenset({"publicity_release"}), select=info.id))
        self.release_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def show_text(self) -> None:
        row, actor = self.selected_row(), self.ctx.actor
        if row is None:
            return
        op = run_op(self, lambda s: publicity_releases.info(s, actor, row.id), readonly=True)
        self._ops.start(op.success(self._open_text))

    def _open_text(self, info: ReleaseInfo) -> None:
        discard(self.text_dialog)
        dialog = ReleaseTextDialog(info, self)
        self.text_dialog = dialog
        dialog.open()
