"""A random-access table model over one declared entity, for lists of any length.

The row count comes from SQL; rows come in pages of :data:`PAGE_SIZE` read when the view first asks for
one of their cells and kept in a small LRU cache, so memory stays flat whether the list has a hundred rows
or a million (PERFORMANCE.md: fetchMore paging makes Ctrl+End walk every page; a proxy sort over a Python
list takes minutes). Sorting and filtering are a new SQL query. Far pages are reached through keyset anchors
(every PAGE_SIZE-th sort key, scanned in the background shortly after each new query, the scan of an outdated
query interrupted) instead of a slow ``OFFSET``; pages nearer the end are read backwards from it.

Every database call runs on a worker thread of a small private pool, inside a read-only transaction; results
come back through a queued signal tagged with the query's generation, so answers to an outdated query are
dropped. A paint that meets a missing page waits up to :data:`GRACE_MS` for it (a page usually takes a few
milliseconds) and otherwise shows :data:`PLACEHOLDER` until the page arrives and ``dataChanged`` repaints.
:meth:`EntityTableModel.set_synchronous` (or run_op's synchronous mode) reads inline instead, for tests.

Traps met on the way (see bench/bench_entity_list.py): a worker running Python while the GUI thread paints
makes both wait for the GIL, so a read the paint does not wait for starts after the paint; cell texts are
formatted when first shown, not per page; a busy-spinning event loop starves the reader the same way.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from app.core.errors import Cancelled
from app.services import entity_service
from app.services import entity_spec as es
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Query, Row
from app.views.common import run_op
from app.views.common.declared_text import dt

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 64  # 12,800 rows: a few MB, whatever the length of the list
MAX_QUEUED_PAGES = 4  # requests beyond this (fast scrolling) are dropped, newest first served
PLACEHOLDER = "…"
ANCHOR_DELAY_MS = 150  # anchors are computed this long after a query's first page is shown
GRACE_MS = 25  # how long one paint may wait for missing pages before showing placeholders

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, int(RowRole), int(SortRole), int(IdRole)})
_ModelIndex = QModelIndex | QPersistentModelIndex
_POOL: QThreadPool | None = None
_ANCHOR_POOL: QThreadPool | None = None


def _pool() -> QThreadPool:
    """One small pool for every list: page reads never queue behind long run_op work."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setObjectName("entity_table_pool")
        _POOL.setMaxThreadCount(3)
        _POOL.setExpiryTimeout(30000)
    return _POOL


def _anchor_pool() -> QThreadPool:
    """Anchor scans take a second on a million rows: a pool of their own, so page reads never queue behind."""
    global _ANCHOR_POOL
    if _ANCHOR_POOL is None:
        _ANCHOR_POOL = QThreadPool()
        _ANCHOR_POOL.setObjectName("entity_anchor_pool")
        _ANCHOR_POOL.setMaxThreadCount(2)
        _ANCHOR_POOL.setExpiryTimeout(30000)
    return _ANCHOR_POOL


def wait_for_workers(timeout_ms: int = 10000) -> bool:
    """Wait for every background read to finish (shutdown and tests)."""
    return all(p.waitForDone(timeout_ms) for p in (_POOL, _ANCHOR_POOL) if p is not None)


def columns_enum(spec: EntitySpec) -> type[IntEnum]:
    """The list columns of ``spec`` as an IntEnum (``Column.name`` -> column number)."""
    return IntEnum(f"{spec.key.title()}Column", [(f.name, i) for i, f in enumerate(spec.list_fields)])


def format_value(field: es.Field, value: Any, labels: dict[Any, str] | None = None) -> str:
    """The text a cell shows: dates as yyyy-MM-dd, booleans 是/否, choices by their label."""
    if value is None or value == "":
        return ""
    if labels is not None and field.kind == es.CHOICE:
        return labels.get(value, str(value))
    if isinstance(value, datetime):
        return (
            value.astimezone().strftime("%Y-%m-%d %H:%M")
            if value.tzinfo
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if field.kind == es.MULTILINE and isinstance(value, str):
        return value.replace("\r\n", " ").replace("\n", " ")
    return str(value)


def sort_value(value: Any) -> Any:
    """A value Qt can carry for the SortRole (dates as ISO text so they order correctly)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


class _Page:
    """One page of rows; cell texts are formatted when first shown (most rows of a page never are)."""

    __slots__ = ("labels", "rows", "texts")

    def __init__(self, rows: Sequence[Row], labels: dict[str, dict[Any, str]]) -> None:
        self.rows: tuple[Row, ...] = tuple(rows)
        self.labels = labels
        self.texts: list[tuple[str, ...] | None] = [None] * len(self.rows)

    def texts_of(self, offset: int, fields: tuple[es.Field, ...]) -> tuple[str, ...]:
        texts = self.texts[offset]
        if texts is None:
            values, labels = self.rows[offset].values, self.labels
            texts = tuple(format_value(f, values.get(f.name), labels.get(f.name)) for f in fields)
            self.texts[offset] = texts
        return texts


@dataclass(frozen=True)
class _Loaded:
    """What a background read delivers: always tagged with the generation it was asked for."""

    kind: str  # "count" + "pages" (joined into "reload") | "page" | "anchors"
    generation: int
    count: int = 0
    pages: tuple[tuple[int, _Page], ...] = ()
    anchors: tuple[tuple[Any, int], ...] | None = None
    labels: dict[str, dict[Any, str]] | None = None
    soft: bool = False
    error: BaseException | None = None
    pending: _PendingPage | None = None


class _PendingPage:
    """A page read in flight that data() may briefly wait for (see ``_read_with_grace``)."""

    __slots__ = ("consumed", "event", "number", "result")

    def __init__(self, number: int) -> None:
        self.number = number
        self.event = threading.Event()
        self.result: _Loaded | None = None
        self.consumed = False


class _Signals(QObject):
    loaded = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], _Loaded], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        result = self.fn()
        with contextlib.suppress(RuntimeError):  # the model went away while we read: nothing to deliver to
            self.signals.loaded.emit(result)


class EntityTableModel(QAbstractTableModel):
    """The rows of ``spec`` matching a :class:`Query`, read page by page on demand.

    Args:
        spec: the entity declaration; its ``list_fields`` are the columns.
        actor: who is looking (the service checks the view permission and scopes rows).
        database: the :class:`~app.models.db.Database` to read; run_op's configured one by default.
        parent: Qt parent.
        query: the first query (``spec.default_sort`` when it names no sort).
        autoload: start reading at once.
    """

    count_changed = Signal(int)
    """The number of matching rows changed (after a new query or a refresh)."""
    loaded = Signal()
    """A new query's first page is in (the view shows real rows now)."""
    load_failed = Signal(object)
    """A background read failed; the screen decides how to tell the user."""
    anchors_ready = Signal()

    def __init__(
        self,
        spec: EntitySpec,
        actor: Actor,
        database: Any = None,
        parent: QObject | None = None,
        *,
        query: Query | None = None,
        autoload: bool = True,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.actor = actor
        self._database = database
        self.fields: tuple[es.Field, ...] = spec.list_fields
        self.Column = columns_enum(spec)
        sort, descending = spec.default_sort
        base = query or Query()
        self._query = base if base.sort else replace(base, sort=sort, descending=descending)
        self._synchronous: bool | None = None
        self._generation = 0
        self._count = 0
        self._cache: OrderedDict[int, _Page] = OrderedDict()
        self._anchors: tuple[tuple[Any, int], ...] | None = None
        self._labels: dict[str, dict[Any, str]] = {
            f.name: dict(f.choices) for f in self.fields if f.kind == es.CHOICE and not callable(f.choices)
        }
        self._labels_loaded = not any(f.kind == es.CHOICE and callable(f.choices) for f in self.fields)
        self._requested: set[int] = set()
        self._queue: list[int] = []  # LIFO: the page asked for last is what the user looks at now
        self._dropped: set[int] = set()
        self._inflight: _PendingPage | None = None  # the one page read running (one at a time per list)
        self._reload_in_flight = False
        self._refresh_again = False
        self._reload_parts: dict[str, _Loaded] = {}
        self._loaded_once = False
        self._started = False
        self._signals = _Signals(self)
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self._recent_read_ms = 0.0
        self._grace_window_end = 0.0
        self._grace_left = 0.0
        self._anchor_timer = QTimer(self)
        self._anchor_timer.setSingleShot(True)
        self._anchor_timer.setInterval(ANCHOR_DELAY_MS)
        self._anchor_timer.timeout.connect(self._start_anchors)
        self._anchor_lock = threading.Lock()
        self._anchor_running: tuple[int, Any] | None = None
        self._signals.loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        if autoload:
            self.reload()

    # -- configuration ------------------------------------------------------------------------------------
    def set_synchronous(self, on: bool | None) -> None:
        """Read inline on the calling thread (tests, benchmarks); ``None`` follows run_op's mode."""
        self._synchronous = on

    def is_synchronous(self) -> bool:
        if self._synchronous is not None:
            return self._synchronous
        return run_op.is_synchronous()

    @property
    def database(self) -> Any:
        db = self._database if self._database is not None else run_op.database()
        if db is None:
            raise RuntimeError("EntityTableModel has no database: pass one or call run_op.configure()")
        return db

    def query(self) -> Query:
        return self._query

    def set_query(self, query: Query) -> None:
        """Show the rows matching ``query``; a query without a sort keeps the current sort."""
        if not query.sort:
            query = replace(query, sort=self._query.sort, descending=self._query.descending)
        if query == self._query and self._loaded_once:
            return
        self._query = query
        self.reload()

    def total(self) -> int:
        return self._count

    @property
    def _page_in_flight(self) -> bool:
        return self._inflight is not None

    def is_loading(self) -> bool:
        return (
            self._reload_in_flight or self._page_in_flight or bool(self._queue) or self._pump_timer.isActive()
        )

    def anchors_available(self) -> bool:
        return self._anchors is not None

    def cached_page_count(self) -> int:
        return len(self._cache)

    # -- Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.fields)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.fields):
                return None
            f = self.fields[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return dt(f.label)
            if role == Qt.ItemDataRole.ToolTipRole:
                return dt(f.label) + (self.tr("（可排序）") if f.sortable else "")
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._count:
            return str(section + 1)
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: the cheapest test comes first.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        page = self._page_for(row) if 0 <= row < self._count else None
        offset = row % PAGE_SIZE
        if page is None or offset >= len(
            page.rows
        ):  # on its way: one mark per row is enough (and cheap to paint)
            return PLACEHOLDER if role == _DISPLAY and index.column() == 0 else None
        column = index.column()
        if role == _DISPLAY:
            return page.texts_of(offset, self.fields)[column]
        if role == _TOOLTIP:
            text = page.texts_of(offset, self.fields)[column]
            return text if len(text) > 12 else None
        record = page.rows[offset]
        if role == RowRole:
            return record
        if role == IdRole:
            return record.id
        return sort_value(record.values.get(self.fields[column].name))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; columns not declared sortable (no index) are ignored."""
        if not 0 <= column < len(self.fields) or not self.fields[column].sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        name = self.fields[column].name
        if self._query.sort == name and self._query.descending == descending and self._loaded_once:
            return
        self._query = replace(self._query, sort=name, descending=descending)
        self.reload()

    def sort_column(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order of the current sort, when the sort is a list column."""
        for i, f in enumerate(self.fields):
            if f.name == self._query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
                )
                return i, order
        return None

    def format(self, field: es.Field, value: Any) -> str:
        """A value as this list shows it (choice labels included); safe to call from a worker thread."""
        return format_value(field, value, self._labels.get(field.name))

    # -- row access for the screen ---------------------------------------------------------------------
    def row_at(self, row: int) -> Row | None:
        """The record at ``row`` if it is loaded (None while its page is still on the way)."""
        if not 0 <= row < self._count:
            return None
        page = self._cache.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page.rows):
            return None
        return page.rows[row % PAGE_SIZE]

    def row_of_id(self, ident: int) -> int:
        """The row number of record ``ident`` among the loaded pages, or -1."""
        for number, page in self._cache.items():
            for i, record in enumerate(page.rows):
                if record.id == ident:
                    return number * PAGE_SIZE + i
        return -1

    def load_row(self, row: int) -> None:
        """Ask for the page holding ``row`` (jumps before scrolling there)."""
        if 0 <= row < self._count:
            self._page_for(row)

    # -- loading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the count and the first page again for the current query (a new query: scroll to the top)."""
        self._start_reload(soft=False)

    def has_loaded(self) -> bool:
        """Whether a read of the list has completed (the count is known)."""
        return self._loaded_once

    def ensure_loaded(self) -> None:
        """Start the first read unless one was already started (a sort restored from settings, say)."""
        if not self._started:
            self.reload()

    @Slot(object)
    def refresh(self, tables: frozenset[str] | set[str] | Sequence[str]) -> None:
        """Reload after a change to our table, keeping the scroll position and the selection by id."""
        if self.spec.model.__tablename__ not in set(tables):
            return
        if self._reload_in_flight and not self.is_synchronous():
            self._refresh_again = True
            return
        self._start_reload(soft=self._loaded_once)

    def _start_reload(self, *, soft: bool) -> None:
        self._started = True
        self._generation += 1
        generation = self._generation
        self._queue.clear()
        self._requested.clear()
        self._dropped.clear()
        self._anchors = None
        self._anchor_timer.stop()
        self._cancel_anchors()
        query = self._query
        want_pages = list(self._cache.keys())[-3:] if soft else [0]
        if 0 not in want_pages and not soft:
            want_pages.append(0)
        want_labels = not self._labels_loaded

        # The count and the first page are independent: two reads side by side (the count of a million
        # rows takes as long as the page and the choice labels together).
        def count_work() -> _Loaded:
            try:
                with self.database.read_session() as session:
                    count = entity_service.count(session, self.actor, self.spec, query)
                return _Loaded("count", generation, count=count, soft=soft)
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                return _Loaded("count", generation, soft=soft, error=exc)

        def pages_work() -> _Loaded:
            try:
                with self.database.read_session() as session:
                    labels = self._read_labels(session) if want_labels else None
                    pages = []
                    for number in sorted(want_pages):  # by offset (count 0): the new count is not known yet
                        pages.append((number, self._read_page(session, query, number, 0, None, labels)))
                return _Loaded("pages", generation, pages=tuple(pages), labels=labels, soft=soft)
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                return _Loaded("pages", generation, soft=soft, error=exc)

        self._reload_in_flight = True
        self._reload_parts = {}
        self._submit(count_work)
        self._submit(pages_work)

    def _join_reload(self, part: _Loaded) -> _Loaded | None:
        """Both halves of a reload (count, pages) in: the combined result; None while one is missing."""
        if "failed" in self._reload_parts:  # the other half failed already and was reported
            return None
        self._reload_parts[part.kind] = part
        if part.error is not None:
            self._reload_parts = {"failed": part}
            return replace(part, kind="reload")
        counted, paged = self._reload_parts.get("count"), self._reload_parts.get("pages")
        if counted is None or paged is None:
            return None
        self._reload_parts = {}
        pages = tuple((n, p) for n, p in paged.pages if n == 0 or n * PAGE_SIZE < counted.count)
        return _Loaded("reload", part.generation, counted.count, pages, labels=paged.labels, soft=part.soft)

    def _read_labels(self, session: Any) -> dict[str, dict[Any, str]]:
        return entity_service.choice_labels(session, self.spec)

    def _read_page(
        self,
        session: Any,
        query: Query,
        number: int,
        count: int,
        anchor: tuple[Any, int] | None,
        labels: dict[str, dict[Any, str]] | None = None,
    ) -> _Page:
        """One page: by keyset after ``anchor``, backwards from the nearer end, or by offset."""
        start = number * PAGE_SIZE
        remaining = count - start
        if start > 0 and anchor is not None:
            rows = entity_service.page_after(session, self.actor, self.spec, query, anchor, PAGE_SIZE)
        elif start > 0 and 0 < remaining <= start:  # nearer the end: the offset from there is smaller
            limit = min(PAGE_SIZE, remaining)
            rows = entity_service.page_from_end(
                session, self.actor, self.spec, query, limit, offset=remaining - limit
            )
        else:
            rows = entity_service.page(session, self.actor, self.spec, query, start, PAGE_SIZE)
        return self._make_page(rows, labels)

    def _make_page(self, rows: Sequence[Row], labels: dict[str, dict[Any, str]] | None = None) -> _Page:
        return _Page(rows, self._labels if labels is None else labels)

    def _anchor_for(self, number: int) -> tuple[Any, int] | None:
        """The key of the last row before page ``number`` (anchors hold the key of every PAGE_SIZE-th row)."""
        if self._anchors is None or number <= 0 or number > len(self._anchors):
            return None
        return self._anchors[number - 1]

    def _page_for(self, row: int) -> _Page | None:
        number = row // PAGE_SIZE
        page = self._cache.get(number)
        if page is not None:
            self._cache.move_to_end(number)
            return page
        if self.is_synchronous():
            return self._read_page_now(number)
        page = self._read_with_grace(number)
        if page is not None:
            return page
        self._request(number)
        return None

    def _read_with_grace(self, number: int) -> _Page | None:
        """Start reading a missing page and wait a few milliseconds for it before painting a placeholder.

        A page usually arrives in ~5 ms; painting "…" first and the rows after costs a second full paint
        (~13 ms of CJK text) and a flash. The wait is bounded (GRACE_MS per paint) and skipped while reads
        are slow (a busy server), so the GUI thread never waits long for the database.
        """
        if self._page_in_flight or self._recent_read_ms > GRACE_MS:
            return None
        now = time.perf_counter()
        if now > self._grace_window_end:
            self._grace_window_end = now + 0.1
            self._grace_left = GRACE_MS / 1000
        if self._grace_left <= 0:
            return None
        if number in self._queue:
            self._queue.remove(number)
        self._requested.add(number)
        pending = self._start_page(number)
        started = time.perf_counter()
        arrived = pending.event.wait(self._grace_left)
        self._grace_left -= time.perf_counter() - started
        if not arrived or pending.result is None or pending.result.error is not None:
            return None
        pending.consumed = True
        self._inflight = None  # the read is over: another missing page of this paint may be read at once
        self._requested.discard(number)
        page = pending.result.pages[0][1]
        self._store(number, page)
        return page

    def _read_page_now(self, number: int) -> _Page:
        with self.database.read_session() as session:
            page = self._read_page(session, self._query, number, self._count, self._anchor_for(number))
        self._store(number, page)
        return page

    def _request(self, number: int) -> None:
        if number in self._requested:
            if number in self._queue:  # asked again: it is what the user looks at, serve it next
                self._queue.remove(number)
                self._queue.append(number)
            return
        self._requested.add(number)
        self._queue.append(number)
        while len(self._queue) > MAX_QUEUED_PAGES:
            dropped = self._queue.pop(0)
            self._requested.discard(dropped)
            self._dropped.add(dropped)
        if self.is_synchronous():
            self._pump()
        elif not self._pump_timer.isActive():
            # Start reading once the paint that asked is over: a worker running Python while the GUI thread
            # paints makes both wait for the GIL (measured: the placeholder paint took 4x longer).
            self._pump_timer.start()

    @Slot()
    def _pump(self) -> None:
        if self._page_in_flight or not self._queue:
            return
        self._start_page(self._queue.pop())

    def _start_page(self, number: int) -> _PendingPage:
        generation, query, count = self._generation, self._query, self._count
        anchor = self._anchor_for(number)
        pending = _PendingPage(number)

        def work() -> _Loaded:
            started = time.perf_counter()
            try:
                with self.database.read_session() as session:
                    page = self._read_page(session, query, number, count, anchor)
                result = _Loaded("page", generation, pages=((number, page),), pending=pending)
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                result = _Loaded(
                    "page", generation, pages=((number, _Page((), {})),), error=exc, pending=pending
                )
            elapsed = (time.perf_counter() - started) * 1000
            self._recent_read_ms = 0.7 * self._recent_read_ms + 0.3 * elapsed
            pending.result = result
            pending.event.set()
            return result

        self._inflight = pending
        self._submit(work)
        return pending

    @Slot()
    def _start_anchors(self) -> None:
        if self._anchors is not None:
            return
        if self._count <= PAGE_SIZE:
            self._anchors = ()
            return
        generation, query = self._generation, self._query

        def work() -> _Loaded:
            if generation != self._generation:  # outdated while it waited for a thread
                return _Loaded("anchors", generation, error=Cancelled())
            try:
                with self.database.read_session() as session:
                    raw = session.connection().connection.driver_connection
                    with self._anchor_lock:
                        self._anchor_running = (generation, raw)
                    try:
                        keys = entity_service.keys_at(session, self.actor, self.spec, query, PAGE_SIZE)
                    finally:
                        with self._anchor_lock:
                            self._anchor_running = None
                return _Loaded("anchors", generation, anchors=tuple((k[0], k[1]) for k in keys))
            except BaseException as exc:  # noqa: BLE001 - anchors are an optimisation: offset paging still works
                return _Loaded("anchors", generation, error=exc)

        self._submit(work, pool=_anchor_pool())

    def _cancel_anchors(self) -> None:
        """Stop an anchor scan of an outdated query (a second or more on a million rows) at once."""
        # Under the lock: the worker clears _anchor_running under it before its connection goes back to
        # the pool, so the interrupt never reaches a page read that took the connection over.
        with self._anchor_lock:
            running = self._anchor_running
            if running is None or running[0] == self._generation:
                return
            stop = getattr(running[1], "interrupt", None) or getattr(running[1], "cancel", None)
            if stop is not None:
                with contextlib.suppress(Exception):
                    stop()

    def _submit(self, work: Callable[[], _Loaded], pool: QThreadPool | None = None) -> None:
        if self.is_synchronous():
            self._on_loaded(work())
        else:
            (pool or _pool()).start(_Task(work, self._signals))

    def _store(self, number: int, page: _Page) -> None:
        self._cache[number] = page
        self._cache.move_to_end(number)
        while len(self._cache) > MAX_CACHED_PAGES:
            self._cache.popitem(last=False)

    # -- results ---------------------------------------------------------------------------------------
    @Slot(object)
    def _on_loaded(self, result: _Loaded) -> None:
        if result.kind in ("count", "pages"):
            if result.generation != self._generation:
                return
            joined = self._join_reload(result)
            if joined is None:
                return
            result = joined
        if result.kind == "page" and self._inflight is result.pending:
            self._inflight = None
        elif result.kind == "reload" and result.generation == self._generation:
            self._reload_in_flight = False
        if result.generation != self._generation:
            self._after_page()
            return
        if result.error is not None:
            self._failed(result)
            return
        if result.kind == "reload":
            self._apply_reload(result)
        elif result.kind == "page":
            number, page = result.pages[0]
            if result.pending is None or not result.pending.consumed:  # else data() took it already
                self._requested.discard(number)
                self._store(number, page)
                self._emit_rows_changed(number)
            self._after_page()
        elif result.kind == "anchors":
            self._anchors = result.anchors
            self.anchors_ready.emit()

    def _after_page(self) -> None:
        if self._queue:
            self._pump()
        elif self._dropped and not self._page_in_flight:
            dropped, self._dropped = self._dropped, set()
            for number in sorted(dropped):  # the view asks again for those it still shows
                self._emit_rows_changed(number)

    def _failed(self, result: _Loaded) -> None:
        log.warning("reading %s failed: %r", self.spec.key, result.error)
        if result.kind == "page":
            for number, _page in result.pages:
                self._requested.discard(number)
            self._after_page()
        if result.kind != "anchors":
            self.load_failed.emit(result.error)

    def _emit_rows_changed(self, number: int) -> None:
        first = number * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if first <= last and self.fields:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.fields) - 1))

    def _apply_reload(self, result: _Loaded) -> None:
        if result.labels is not None:
            self._labels = {**self._labels, **result.labels}  # replaced, never mutated: workers read it
            self._labels_loaded = True
        if result.soft:
            self._apply_soft(result)
        else:
            self.beginResetModel()
            self._cache.clear()
            self._count = result.count
            for number, page in result.pages:
                self._store(number, page)
            self.endResetModel()
        self._loaded_once = True
        self.count_changed.emit(self._count)
        self.loaded.emit()
        if self._refresh_again:
            self._refresh_again = False
            self._start_reload(soft=True)
            return
        if self.is_synchronous():
            self._start_anchors()
        else:  # a moment later: the scan would compete with the first paint of the new rows for the CPU
            self._anchor_timer.start()

    def _apply_soft(self, result: _Loaded) -> None:
        """Swap in fresh rows without a reset: the view keeps its scroll position and selection."""
        old_count, new_count = self._count, result.count
        if new_count > old_count:
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self._count = new_count
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()  # after the signal: selection models store theirs then
        old_ids = []
        for index in persistent:
            record = self.row_at(index.row())
            old_ids.append(record.id if record is not None else None)
        self._cache.clear()
        for number, page in result.pages:
            self._store(number, page)
        new_indexes = []
        for index, ident in zip(persistent, old_ids, strict=True):
            row = self.row_of_id(ident) if ident is not None else -1
            if row < 0:
                row = index.row() if index.row() < new_count else -1
            new_indexes.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()
        if new_count < old_count:
            self.beginRemoveRows(QModelIndex(), new_count, old_count - 1)
            self._count = new_count
            self.endRemoveRows()
        if self._count and self.fields:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.fields) - 1))
