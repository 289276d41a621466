"""The list screen of a declared entity: filter bar, a table over the database, and the usual actions.

Everything here is generated from the :class:`EntitySpec`; a platform gets its register by writing
``EntityScreen(CITIZEN_SPEC, actor)``. Buttons follow the actor's permissions (disabled with the reason in
the tooltip), but the service checks again on every call: hiding a button is not the check.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.core.paths import config_dir
from app.models.permissions import PERMISSION_NAMES
from app.services import entity_service, excel_io
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Query, Row, Saved
from app.views.common.declared_text import dt
from app.views.common.entity_form_dialog import EntityFormDialog
from app.views.common.entity_table_model import EntityTableModel
from app.views.common.filter_bar import FilterBar
from app.views.common.import_dialog import ImportDialog
from app.views.common.run_op import run_op, show_error

log = logging.getLogger(__name__)

PRINT_LIMIT = 2000  # a printed list longer than this belongs in an Excel export
ROW_HEIGHT_PADDING = 10

# action name -> (button text, permission key in spec.permissions, needs a selected row)
_ACTIONS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("create", QT_TRANSLATE_NOOP("EntityScreen", "新增"), "create", False),
    ("edit", QT_TRANSLATE_NOOP("EntityScreen", "编辑"), "edit", True),
    ("delete", QT_TRANSLATE_NOOP("EntityScreen", "删除"), "delete", True),
    ("export", QT_TRANSLATE_NOOP("EntityScreen", "导出Excel"), "export", False),
    ("import", QT_TRANSLATE_NOOP("EntityScreen", "导入Excel"), "import", False),
    ("print", QT_TRANSLATE_NOOP("EntityScreen", "打印列表"), "print", False),
    ("refresh", QT_TRANSLATE_NOOP("EntityScreen", "刷新"), None, False),
)


def ui_settings() -> QSettings:
    """Per-workstation window settings (column layout); a file under the user's config folder."""
    return QSettings(str(config_dir() / "ui.ini"), QSettings.Format.IniFormat)


class EntityScreen(QWidget):
    """The register of one entity: search, filters, list, and 新增/编辑/删除/导出/导入/打印/刷新.

    Args:
        spec: the entity declaration.
        actor: the logged-in user.
        parent: Qt parent.
        change_feed: an object with ``tables_changed(frozenset)`` (or ``changed(frozenset)``, as AppSignals);
            the list refreshes on changes to its table. ``feed`` is the same argument under another name.
        database: read the list from this database instead of run_op's configured one.
        settings: where the column layout is remembered (``ui_settings()`` by default).
    """

    def __init__(
        self,
        spec: EntitySpec,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        change_feed: Any = None,
        database: Any = None,
        settings: QSettings | None = None,
        feed: Any = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.actor = actor
        self.setObjectName(f"{spec.key}_screen")
        self._settings = settings if settings is not None else ui_settings()
        self._settings_key = f"entity_screen/{actor.username}/{spec.key}/header"
        self._ops: list[Any] = []
        self.form_dialog: EntityFormDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.preview_dialog: QWidget | None = None
        self.confirm_box: QMessageBox | None = None
        self._select_after_load: int | None = None

        self.filter_bar = FilterBar(spec, self, search_in_row=False)
        self.model = EntityTableModel(spec, actor, database, self, autoload=False)
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self._setup_table()

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setStyleSheet("color: #c62828;")
        self.status_label.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toolbar)
        top.addStretch(1)
        top.addWidget(self.filter_bar.search, 1)
        self.filter_bar.search.setMaximumWidth(420)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        lay.addLayout(top)
        lay.addWidget(self.filter_bar)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)

        self.filter_bar.query_changed.connect(self._query_changed)
        self.model.count_changed.connect(self._count_changed)
        self.model.loaded.connect(self._loaded)
        self.model.load_failed.connect(self._load_failed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.model.layoutChanged.connect(self._update_actions)
        self.change_feed = change_feed if change_feed is not None else feed
        if self.change_feed is not None:
            # a ChangeFeed (tables_changed) or the application's AppSignals (changed): both carry frozenset[str]
            signal = getattr(self.change_feed, "tables_changed", None) or self.change_feed.changed
            signal.connect(self.model.refresh)
        self._update_actions()

        if actor.can(spec.permissions.get("view", "")):
            self.count_label.setText(self.tr("正在加载…"))
            self.model.ensure_loaded()
            if self.model.has_loaded():  # a restored sort already read the list (synchronous ops): show it
                self._show_total()
        else:
            self.table.setEnabled(False)
            self.filter_bar.setEnabled(False)
            self.status_label.setText(self._denied_text("view"))

    # -- table -------------------------------------------------------------------------------------------
    def _setup_table(self) -> None:
        t = self.table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setCornerButtonEnabled(False)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        vh = t.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure a million rows
        vh.setDefaultSectionSize(t.fontMetrics().height() + ROW_HEIGHT_PADDING)
        hh = t.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, f in enumerate(self.model.fields):
            hh.resizeSection(i, f.width)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._restore_header()  # may bring back the user's last sort: setSortingEnabled applies it
        section = hh.sortIndicatorSection()
        if not (0 <= section < len(self.model.fields) and self.model.fields[section].sortable):
            self._show_sort_indicator()
        t.setSortingEnabled(True)
        self._show_sort_indicator()
        hh.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_header)
        hh.sectionResized.connect(self._header_touched)
        hh.sectionMoved.connect(self._header_touched)

    def _show_sort_indicator(self) -> None:
        hh = self.table.horizontalHeader()
        current = self.model.sort_column()
        hh.blockSignals(True)
        if current is None:
            hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            hh.setSortIndicator(current[0], current[1])
        hh.blockSignals(False)

    @Slot(int, Qt.SortOrder)
    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not (0 <= column < len(self.model.fields)) or not self.model.fields[column].sortable:
            self._show_sort_indicator()  # this column has no index: the list stays as it was
            name = self.model.fields[column].label if 0 <= column < len(self.model.fields) else ""
            self.status_label.setText(self.tr("“{0}”列不支持排序。").format(name) if name else "")
            QTimer.singleShot(3000, self._clear_status)

    @Slot()
    def _clear_status(self) -> None:
        self.status_label.setText("")

    def _restore_header(self) -> None:
        state = self._settings.value(self._settings_key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            hh = self.table.horizontalHeader()
            if not hh.restoreState(state) or hh.count() != len(self.model.fields):
                for i, f in enumerate(self.model.fields):
                    hh.resizeSection(i, f.width)

    @Slot()
    def _header_touched(self) -> None:
        self._save_timer.start()

    @Slot()
    def save_header(self) -> None:
        """Remember column widths and order for this user and entity."""
        self._settings.setValue(self._settings_key, self.table.horizontalHeader().saveState())
        self._settings.sync()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save_header()
        super().hideEvent(event)

    # -- actions ------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        handlers = {
            "create": self.create_record,
            "edit": self.edit_selected,
            "delete": self.delete_selected,
            "export": self.export_excel,
            "import": self.import_excel,
            "print": self.print_list,
            "refresh": self.refresh,
        }
        for name, text, _perm, _needs_row in _ACTIONS:
            action = QAction(self.tr(text), self)
            action.setObjectName(f"action_{name}")
            action.triggered.connect(handlers[name])
            if name in ("export", "refresh"):
                self.toolbar.addSeparator()
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action
        self.actions_by_name["refresh"].setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.actions_by_name["create"].setShortcut(QKeySequence(QKeySequence.StandardKey.New))

    def permitted(self, action: str) -> bool:
        permission = self.spec.permissions.get(action)
        return permission is None if action == "refresh" else bool(permission) and self.actor.can(permission)

    def _denied_text(self, action: str) -> str:
        permission = self.spec.permissions.get(action, "")
        return self.tr("您没有“{0}”的权限，如需办理请联系系统管理员。").format(
            PERMISSION_NAMES.get(permission, permission)
        )

    @Slot()
    def _update_actions(self) -> None:
        selected = self.selected_row() is not None
        for name, text, perm, needs_row in _ACTIONS:
            action = self.actions_by_name[name]
            allowed = perm is None or self.permitted(perm)
            action.setEnabled(allowed and (selected or not needs_row))
            if not allowed:
                action.setToolTip(self._denied_text(perm or name))
            elif needs_row and not selected:
                action.setToolTip(self.tr("请先在列表中选中一条记录"))
            else:
                action.setToolTip(self.tr(text))

    # -- selection ----------------------------------------------------------------------------------------
    def selected_row(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_id(self, ident: int) -> bool:
        """Select and show record ``ident`` if it is among the loaded rows."""
        row = self.model.row_of_id(ident)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    # -- list state ---------------------------------------------------------------------------------------
    @Slot(object)
    def _query_changed(self, query: Query) -> None:
        self.count_label.setText(self.tr("正在查询…"))
        self.model.set_query(query)

    @Slot(int)
    def _count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {0} 条").format(f"{count:,}"))

    @Slot()
    def _show_total(self) -> None:
        self._count_changed(self.model.total())

    @Slot()
    def _loaded(self) -> None:
        self._count_changed(self.model.total())
        if self.status_label.text() and not self.table.isEnabled():
            return
        if self._select_after_load is not None:
            ident, self._select_after_load = self._select_after_load, None
            self.select_id(ident)
        self._update_actions()

    @Slot(object)
    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText("")
        if isinstance(exc, DomainError):
            self.status_label.setText(exc.message())
        else:
            show_error(self, exc)

    @Slot()
    def refresh(self) -> None:
        """Read the list again (the change feed does this by itself; the button is for reassurance)."""
        self.status_label.setText("")
        self.model.refresh(frozenset({self.spec.model.__tablename__}))

    def _changed(self, tables: frozenset[str], select: int | None = None) -> None:
        self._select_after_load = select
        self.model.refresh(tables or frozenset({self.spec.model.__tablename__}))
        if select is not None and not self.model.is_loading() and self.select_id(select):
            self._select_after_load = None

    # -- records ------------------------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        record = self.model.row_at(index.row())
        if record is not None:
            self.open_record(record.id)

    @Slot()
    def create_record(self) -> None:
        if self.permitted("create"):
            self._open_form(None)

    @Slot()
    def edit_selected(self) -> None:
        record = self.selected_row()
        if record is not None:
            self.open_record(record.id)

    def open_record(self, ident: int) -> EntityFormDialog:
        """Open the form for record ``ident`` (read-only when the actor may not edit)."""
        return self._open_form(ident)

    def _open_form(self, ident: int | None) -> EntityFormDialog:
        dialog = EntityFormDialog(self.spec, self.actor, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._form_closed)
        self.form_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _saved(self, saved: Saved) -> None:
        self._changed(saved.tables, select=saved.row.id)

    @Slot()
    def _form_closed(self) -> None:
        self.form_dialog = None

    @Slot()
    def delete_selected(self) -> None:
        """Ask, then delete the selected record with the version the user saw."""
        record = self.selected_row()
        if record is None or not self.permitted("delete"):
            return
        box = QMessageBox(self)
        box.setObjectName("confirm_delete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("删除确认"))
        box.setText(self.tr("确定删除{0}“{1}”吗？").format(dt(self.spec.title), record.label or record.id))
        box.setInformativeText(self.tr("删除后不能恢复，操作将记入审计日志。"))
        yes = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("confirm")
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)

        def answered(button: Any) -> None:
            self.confirm_box = None
            if button is yes:
                self._delete(record)

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()

    def _delete(self, record: Row) -> None:
        spec, actor = self.spec, self.actor
        op = run_op(self, lambda s: entity_service.delete(s, actor, spec, record.id, record.version))
        self._keep(op.success(lambda tables: self._changed(frozenset(tables or ()))))

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    # -- export, import, print ----------------------------------------------------------------------------
    @Slot()
    def export_excel(self) -> None:
        if not self.permitted("export"):
            return
        default = str(Path.home() / f"{dt(self.spec.title)}_{date.today():%Y%m%d}.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出Excel"), default, self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Write the rows the list shows (same search, filters and sort) to ``path``, in the background."""
        spec, actor, query = self.spec, self.actor, self.model.query()
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")

        def done(count: int) -> None:
            self.status_label.setText("")
            self.count_label.setText(self.tr("已导出 {0} 条到 {1}").format(f"{count:,}", target.name))
            QTimer.singleShot(4000, self._show_total)

        op = run_op(self, lambda s, progress: excel_io.export_xlsx(s, actor, spec, query, target, progress))
        self._keep(op.with_progress(self.tr("正在导出Excel…")).success(done))

    @Slot()
    def import_excel(self) -> None:
        if not self.permitted("import"):
            return
        dialog = ImportDialog(self.spec, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda result: self._changed(frozenset(getattr(result, "tables", ()) or ())))
        dialog.finished.connect(self._import_closed)
        self.import_dialog = dialog
        dialog.open()

    @Slot()
    def _import_closed(self) -> None:
        self.import_dialog = None

    @Slot()
    def print_list(self) -> None:
        """Render the rows the list shows (at most PRINT_LIMIT) as a PDF and open the preview."""
        if not self.permitted("print"):
            return
        spec, actor, query = self.spec, self.actor, self.model.query()
        fields = self._visible_fields()
        filters_text = self._filters_text(query)
        fmt = self.model.format

        def work(session: Any, progress: Any) -> bytes:
            from app.printing.list_report import render_table

            total = entity_service.count(session, actor, spec, query)
            rows = entity_service.page(session, actor, spec, query, 0, PRINT_LIMIT)
            progress.check()
            texts = [[fmt(f, r.values.get(f.name)) for f in fields] for r in rows]
            subtitle = ""
            if total > len(rows):
                subtitle = f"共 {total:,} 条，仅打印前 {len(rows):,} 条；完整名单请导出Excel"
            return render_table(
                dt(spec.title),
                [f.label for f in fields],
                texts,
                subtitle=subtitle,
                printed_by=actor.display_name,
                filters_text=filters_text,
                numbered=True,
                progress=lambda done, all_: progress.report(done, all_, ""),
                cancelled=lambda: progress.cancelled,
            )

        self._keep(run_op(self, work).with_progress(self.tr("正在生成打印文件…")).success(self._show_preview))

    def _visible_fields(self) -> list[Any]:
        """The list columns in the order and visibility the user arranged."""
        hh = self.table.horizontalHeader()
        ordered = sorted(range(hh.count()), key=hh.visualIndex)
        return [self.model.fields[i] for i in ordered if not hh.isSectionHidden(i)]

    def _filters_text(self, query: Query) -> str:
        """The search and filters in words, printed above the list so a reader knows what it is."""
        parts = []
        if query.text:
            parts.append(f"搜索“{query.text}”")
        for flt in self.spec.filters:
            if flt.name not in query.filters:
                continue
            value = query.filters[flt.name]
            if flt.kind == "bool":
                parts.append(flt.label)
                continue
            if isinstance(value, tuple):
                text = "～".join(v.isoformat() if v else "不限" for v in value)
            else:
                control = self.filter_bar.control(flt.name)
                text = control.currentText() if hasattr(control, "currentText") else str(value)
            parts.append(f"{flt.label}：{text}")
        return "，".join(parts)

    @Slot(object)
    def _show_preview(self, pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, self.tr("{0}名单").format(dt(self.spec.title)), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None
