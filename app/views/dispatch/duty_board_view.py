"""勤务看板: every officer's status and time in it, counts per status, filtered by unit; live.

A change arriving on the application signal (a status set at any desk, an incident assignment, an approved
leave) triggers one background read of the board; the model then updates only the rows that changed. Reads
are coalesced: a change arriving while a read is under way causes exactly one more read after it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.dispatch_duty import DUTY_NAMES, DUTY_STATUSES
from app.models.dispatch_permissions import DISPATCH_DUTY_MANAGE
from app.services import dispatch_people, duty_board
from app.services.duty_board import Board, BoardRow
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.duty_board_model import Col, DutyBoardModel, RowRole
from app.views.dispatch.formatting import STATUS_COLORS, tr

TICK_MS = 30_000


class DutyBoardView(QWidget):
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("duty_board")
        self._in_flight = False
        self._again = False
        self._again_full = False
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit_filter")
        self.unit.addItem(self.tr("全部单位"), None)
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for status in DUTY_STATUSES:
            tile = QLabel(self)
            tile.setObjectName(f"count_{status}")
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setMinimumWidth(110)
            color = STATUS_COLORS[status].name()
            tile.setStyleSheet(
                f"color: white; background: {color}; font-size: 12pt; font-weight: bold; padding: 6px;"
            )
            self.tiles[status] = tile
            tiles.addWidget(tile)
        self.total = QLabel(self)
        self.total.setObjectName("board_total")
        tiles.addWidget(self.total)
        tiles.addStretch(1)
        tiles.addWidget(QLabel(self.tr("单位"), self))
        tiles.addWidget(self.unit)
        self.model = DutyBoardModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("board_table")
        self.table.setModel(self.model)  # no proxy: the model sorts itself and updates rows in place
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Col.NOTE, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (Col.NAME, 80),
            (Col.BADGE, 80),
            (Col.UNIT, 130),
            (Col.STATUS, 90),
            (Col.TIME, 90),
            (Col.SINCE, 100),
        ):
            header.resizeSection(col, width)
        self.set_status = QComboBox(self)
        self.set_status.setObjectName("set_status")
        for status in DUTY_STATUSES:
            self.set_status.addItem(tr(DUTY_NAMES[status]), status)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("备注"))
        self.note.setMaxLength(200)
        self.apply_button = QPushButton(self.tr("设置所选民警"), self)
        self.apply_button.setObjectName("apply_status")
        self.message = QLabel(self)
        self.message.setObjectName("board_message")
        manage = QHBoxLayout()
        manage.addWidget(self.message, 1)
        manage.addWidget(QLabel(self.tr("设为"), self))
        manage.addWidget(self.set_status)
        manage.addWidget(self.note)
        manage.addWidget(self.apply_button)
        for w in (self.set_status, self.note, self.apply_button):
            w.setVisible(ctx.actor.can(DISPATCH_DUTY_MANAGE))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(tiles)
        lay.addWidget(self.table, 1)
        lay.addLayout(manage)
        self.unit.currentIndexChanged.connect(lambda _i: self.reload())
        self.apply_button.clicked.connect(self.apply_to_selected)
        ctx.signals.changed.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.model.tick())
        self.timer.start()
        run_op(self, lambda s: dispatch_people.units(s)).success(self._units).start()
        self.reload()

    def _units(self, units: list[dispatch_people.UnitInfo]) -> None:
        self.unit.blockSignals(True)
        for u in units:
            self.unit.addItem(u.name, u.id)
        self.unit.blockSignals(False)

    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        touched = duty_board.TABLES & set(tables)
        if touched == {"duty_status"} and self.model.rows:
            self.reload(only_changes=True)  # statuses only: read just the rows that moved
        elif touched:
            self.reload()

    @Slot()
    def reload(self, only_changes: bool = False) -> None:
        if self._in_flight:
            self._again = True
            self._again_full = self._again_full or not only_changes
            return
        self._in_flight = True
        actor, unit_id = self.ctx.actor, self.unit.currentData()
        if only_changes:
            shown = self.model.shown_versions()
            op = run_op(self, lambda s: duty_board.changes(s, actor, shown, unit_id=unit_id))
            op = op.success(self._changes_loaded)
        else:
            op = run_op(self, lambda s: duty_board.board(s, actor, unit_id=unit_id)).success(self._loaded)
        op.failure(lambda _exc: self._done(), show_dialog=True).start()

    def _loaded(self, board: Board) -> None:
        self.show_board(board)
        self._done()

    def _changes_loaded(self, board: Board) -> None:
        self.show_changes(board)
        self._done()

    def _done(self) -> None:
        self._in_flight = False
        if self._again:  # changes arrived while reading: read once more
            full, self._again, self._again_full = self._again_full, False, False
            self.reload(only_changes=not full)

    def show_board(self, board: Board) -> None:
        self.model.apply(board)
        self._show_counts(board.counts, len(board.rows))

    def show_changes(self, board: Board) -> None:
        """Some officers' rows (:func:`app.services.duty_board.changes`); the counts follow from the model."""
        self.model.apply_changes(board)
        self._show_counts(self.model.counts(), len(self.model.rows))

    def _show_counts(self, counts: Mapping[str, int], total: int) -> None:
        for status, tile in self.tiles.items():
            tile.setText(f"{tr(DUTY_NAMES[status])}\n{counts.get(status, 0)}")
        self.total.setText(self.tr("共 {0} 人").format(total))
        self.refreshed.emit()

    def selected_rows(self) -> list[BoardRow]:
        return [self.model.data(i, RowRole) for i in self.table.selectionModel().selectedRows()]

    def select_users(self, user_ids: list[int]) -> None:
        self.table.clearSelection()
        for uid in user_ids:
            row = self.model.row_of(uid)
            if row >= 0:
                index = self.model.index(row, 0)
                self.table.selectionModel().select(
                    index,
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )

    @Slot()
    def apply_to_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.message.setText(self.tr("请先在表中选择民警"))
            return
        actor, status, note = self.ctx.actor, self.set_status.currentData(), self.note.text()
        versions = {r.user_id: r.version for r in rows}
        run_op(
            self,
            lambda s: duty_board.set_status(s, actor, list(versions), status, note=note, versions=versions),
        ).success(
            lambda _t: self.message.setText(
                self.tr("已将 {0} 名民警设为“{1}”").format(len(versions), tr(DUTY_NAMES[status]))
            )
        ).start()
