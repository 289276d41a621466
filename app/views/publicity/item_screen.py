"""服务规则与便民措施: the catalogue list; new rules and measures; each one opens with its versions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import QWidget

from app.models.publicity_permissions import (
    KIND_MEASURE,
    KIND_NAMES,
    KIND_RULE,
    PUBLICITY_EDIT,
    PUBLICITY_PUBLISH,
)
from app.services import publicity_catalogue
from app.services.publicity_catalogue import ITEM_SPEC
from app.views.app_context import AppContext
from app.views.publicity.common import discard
from app.views.publicity.item_dialog import ItemDialog
from app.views.publicity.list_screen import PublicityListScreen
from app.views.publicity.version_form_dialog import VersionFormDialog


class ItemScreen(PublicityListScreen):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(
            ITEM_SPEC, ctx, parent, hide=("create", "edit", "delete", "import"), settings=settings
        )
        self.item_dialog: ItemDialog | None = None
        self.new_dialog: VersionFormDialog | None = None
        self.release_dialog: Any = None
        self.add_action("open", self.tr("打开"), self.open_selected)
        self.add_action(
            "new_rule",
            self.tr("新建服务规则"),
            lambda: self.new_item(KIND_RULE),
            permission=PUBLICITY_EDIT,
            needs_row=False,
        )
        self.add_action(
            "new_measure",
            self.tr("新建便民措施"),
            lambda: self.new_item(KIND_MEASURE),
            permission=PUBLICITY_EDIT,
            needs_row=False,
        )
        self.add_action(
            "release",
            self.tr("发布到渠道…"),
            self.open_release,
            permission=PUBLICITY_PUBLISH,
            needs_row=False,
        )

    @Slot()
    def open_selected(self) -> ItemDialog | None:
        row = self.selected_row()
        return self.open_record(row.id) if row is not None else None

    def open_record(self, ident: int) -> ItemDialog:  # type: ignore[override]
        discard(self.item_dialog)
        dialog = ItemDialog(self.ctx, ident, self)
        self.item_dialog = dialog
        dialog.open()
        return dialog

    def new_item(self, kind: str) -> VersionFormDialog:
        actor = self.ctx.actor
        discard(self.new_dialog)
        dialog = VersionFormDialog(
            self.ctx, self.tr("新建{0}").format(KIND_NAMES[kind]), None,
            lambda s, form: publicity_catalogue.create_item(s, actor, kind, form), self,
            hint=self.tr("保存后为第1版草稿；提交审核并经领导批准后才能发布。"),
        )  # fmt: skip
        dialog.saved.connect(self._created)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _created(self, v: Any) -> None:
        self._changed(frozenset({"publicity_item"}), select=v.item_id)
        self.open_record(v.item_id)

    @Slot()
    def open_release(self) -> Any:
        from app.views.publicity.release_dialog import ReleaseDialog

        discard(self.release_dialog)
        dialog = ReleaseDialog(self.ctx, self)
        self.release_dialog = dialog
        dialog.open()
        return dialog
