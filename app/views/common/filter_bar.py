"""The search and filter bar above every declared list: free text plus the spec's filters, applied in SQL.

Typing is debounced (a query per keystroke would re-count a million rows for every letter); picking a filter
value applies at once. The bar only emits a :class:`Query`; the table model decides what to re-read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.services.entity_spec import EntitySpec, Filter, Query
from app.views.common.declared_text import dt
from app.views.common.entity_form_dialog import OptionalDateEdit
from app.views.common.run_op import run_op

DEBOUNCE_MS = 250


class _DateRange(QWidget):
    """Two optional dates, 从 ... 至 ...; either end may stay open."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = OptionalDateEdit(self, empty_text=self.tr("不限"))
        self.end = OptionalDateEdit(self, empty_text=self.tr("不限"))
        self.start.setObjectName(f"filter_{name}_from")
        self.end.setObjectName(f"filter_{name}_to")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.start)
        lay.addWidget(QLabel(self.tr("至"), self))
        lay.addWidget(self.end)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)

    @Slot()
    def _changed(self) -> None:
        self.changed.emit()

    def value(self) -> tuple[date | None, date | None] | None:
        start, end = self.start.value(), self.end.value()
        return None if start is None and end is None else (start, end)

    def clear(self) -> None:
        self.start.set_value(None)
        self.end.set_value(None)


class FilterBar(QWidget):
    """Search box, one control per :class:`Filter` of the spec, and 清除.

    Signals:
        query_changed(Query): the text or a filter changed (text after a short pause in typing).
    """

    query_changed = Signal(object)

    def __init__(
        self, spec: EntitySpec, parent: QWidget | None = None, *, search_in_row: bool = True
    ) -> None:
        """``search_in_row=False`` leaves :attr:`search` out of the bar's row for the caller to place (the
        list screen puts it beside the toolbar, so that a narrow window still fits the filters)."""
        super().__init__(parent)
        self.spec = spec
        self._controls: dict[str, QWidget] = {}
        self._filters: dict[str, Filter] = {f.name: f for f in spec.filters}
        self._last: Query | None = None
        self._ops: list[Any] = []

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(dt(spec.search_hint) or self.tr("输入关键字搜索"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(dt(spec.search_hint))
        self.search.setMinimumWidth(180)
        self.search.setVisible(spec.search is not None or bool(spec.search_hint))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self._emit_now)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        if search_in_row:
            lay.addWidget(self.search, 2)
        for flt in spec.filters:
            control = self._make_control(flt)
            self._controls[flt.name] = control
            if flt.kind != "bool":
                lay.addWidget(QLabel(dt(flt.label), self))
            lay.addWidget(control)
        self.clear_button = QPushButton(self.tr("清除"), self)
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setToolTip(self.tr("清除搜索内容和全部筛选条件"))
        self.clear_button.clicked.connect(self.clear)
        lay.addWidget(self.clear_button)
        lay.addStretch(1)

    def _make_control(self, flt: Filter) -> QWidget:
        if flt.kind == "choice":
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{flt.name}")
            combo.setMinimumContentsLength(5)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.addItem(self.tr("全部"), None)
            if callable(flt.choices):
                self._load_choices(combo, flt)
            else:
                for value, label in flt.choices:
                    combo.addItem(label, value)
            combo.currentIndexChanged.connect(self._emit_now)
            return combo
        if flt.kind == "date_range":
            rng = _DateRange(flt.name, self)
            rng.changed.connect(self._emit_now)
            return rng
        if flt.kind == "bool":
            box = QCheckBox(dt(flt.label), self)
            box.setObjectName(f"filter_{flt.name}")
            box.toggled.connect(self._emit_now)
            return box
        raise ValueError(f"unknown filter kind {flt.kind!r} in {self.spec.key}.{flt.name}")

    def _load_choices(self, combo: QComboBox, flt: Filter) -> None:
        choices = flt.choices
        assert callable(choices)

        def fill(items: list[tuple[Any, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            for value, label in items:
                combo.addItem(label, value)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        op = run_op(self, lambda s: list(choices(s))).success(fill)
        self._ops.append(op)  # keep the op referenced until it reports
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    # -- state -------------------------------------------------------------------------------------------
    def query(self) -> Query:
        """The query the bar describes now (no sort: the table keeps its own)."""
        values: dict[str, Any] = {}
        for name, control in self._controls.items():
            value = self._value_of(self._filters[name], control)
            if value is not None:
                values[name] = value
        return Query(text=self.search.text().strip(), filters=values)

    def _value_of(self, flt: Filter, control: QWidget) -> Any:
        if isinstance(control, QComboBox):
            return control.currentData()
        if isinstance(control, _DateRange):
            return control.value()
        if isinstance(control, QCheckBox):
            return True if control.isChecked() else None
        return None

    def control(self, name: str) -> QWidget:
        return self._controls[name]

    @Slot()
    def clear(self) -> None:
        """Back to everything: empty search, every filter at 全部/不限."""
        for control in self._controls.values():
            control.blockSignals(True)
            if isinstance(control, QComboBox):
                control.setCurrentIndex(0)
            elif isinstance(control, _DateRange):
                control.clear()
            elif isinstance(control, QCheckBox):
                control.setChecked(False)
            control.blockSignals(False)
        self.search.clear()  # not with signals blocked: the line edit's own clear button listens to them
        self._emit_now()

    @Slot(str)
    def _text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _emit_now(self) -> None:
        self._debounce.stop()
        self._emit()

    @Slot()
    def _emit(self) -> None:
        query = self.query()
        if query == self._last:
            return
        self._last = query
        self.query_changed.emit(query)
