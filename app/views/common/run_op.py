"""Run database and file work off the GUI thread and deliver the result back on it.

    run_op(self, lambda s: citizens.save(s, actor, values)).success(self._saved).start()

The work function gets a Session in one transaction (committed when it returns) unless ``session=False``.
Failures show a dialog in Chinese by default (a DomainError's message; anything else goes to the exception
hook). Long work gets a :class:`Progress` to report to and check for cancellation, and optionally a progress
dialog with a 取消 button. Tests switch the whole helper to synchronous mode with :func:`set_synchronous`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.core.errors import Cancelled, DomainError

log = logging.getLogger(__name__)

_synchronous = False
_database: Any = None
_changes_hook: Callable[[frozenset[str]], None] | None = None


def configure(database: Any, changes_hook: Callable[[frozenset[str]], None] | None = None) -> None:
    """Set the database every op runs against and the hook told which tables an op changed."""
    global _database, _changes_hook
    _database = database
    _changes_hook = changes_hook


def set_synchronous(on: bool) -> None:
    """Run every op on the calling thread (tests)."""
    global _synchronous
    _synchronous = on


def is_synchronous() -> bool:
    return _synchronous


def database() -> Any:
    """The database every op runs against (None before :func:`configure`)."""
    return _database


class Progress:
    """Handed to long work: report progress, and stop early when the user cancels."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, op: Op) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self.op._execute()


_running: set[Op] = set()
ATTEMPTS = 3  # runs of one op when the database asks for a retry


class Op:
    """One piece of background work; configure with the chained methods, then :meth:`start`."""

    def __init__(
        self, parent: QWidget | None, fn: Callable[..., Any], *, session: bool = True, readonly: bool = False
    ) -> None:
        self.parent = parent
        self.fn = fn
        self.use_session = session
        self.readonly = readonly
        self.signals = _Signals()
        self.progress = Progress(self.signals.progressed.emit)
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_finished: Callable[[], None] | None = None
        self._dialog_title: str | None = None
        self._show_errors = True
        self._wants_progress = False
        self._dialog: QProgressDialog | None = None
        self.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def success(self, fn: Callable[[Any], None]) -> Op:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None], *, show_dialog: bool = False) -> Op:
        self._on_failure = fn
        self._show_errors = show_dialog
        return self

    def finished(self, fn: Callable[[], None]) -> Op:
        self._on_finished = fn
        return self

    def with_progress(self, title: str) -> Op:
        """Show a progress dialog with 取消; the work function then receives a :class:`Progress`."""
        self._dialog_title = title
        self._wants_progress = True
        return self

    def with_progress_object(self) -> Op:
        """Pass a :class:`Progress` to the work function without showing a dialog."""
        self._wants_progress = True
        return self

    def start(self) -> Op:
        if self._dialog_title is not None and self.parent is not None:
            dlg = QProgressDialog(
                self._dialog_title, QCoreApplication.translate("common", "取消"), 0, 0, self.parent
            )
            dlg.setWindowTitle(self._dialog_title)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(400)
            dlg.canceled.connect(self.progress.cancel)
            self.signals.progressed.connect(self._show_progress)
            self._dialog = dlg
        _running.add(self)
        if _synchronous:
            self._execute()
            QTimer.singleShot(0, lambda: None)
        else:
            QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def _call(self) -> Any:
        """Run the work; a transaction the server rolled back (deadlock, serialization failure) runs again,
        and so does a read whose connection broke (a write is not repeated: its commit may have happened)."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return self._call_once()
            except Exception as exc:
                from app.models.db import BUSY, LOST, failure_kind  # not at import: the login paints first

                kind = failure_kind(exc)
                again = (kind == BUSY and _database is not None and _database.backend != "sqlite") or (
                    kind == LOST and self.readonly
                )
                if not again or attempt == ATTEMPTS:
                    raise
                log.info("retrying a background operation after %s (attempt %d)", kind, attempt)
                time.sleep(random.uniform(0.02, 0.1) * attempt)  # let the other transaction finish
        raise AssertionError("unreachable")

    def _call_once(self) -> Any:
        args: list[Any] = []
        if self._wants_progress:
            args.append(self.progress)
        if not self.use_session:
            return self.fn(*args), frozenset()
        if _database is None:
            raise RuntimeError("run_op.configure() was not called")
        if self.readonly:  # a deferred transaction: readers never queue behind writers on SQLite
            with _database.read_session() as session:
                return self.fn(session, *args), frozenset()
        with _database.session() as session:
            result = self.fn(session, *args)
            session.flush()
        return result, frozenset(session.info.get("committed_tables") or ())

    def _execute(self) -> None:
        try:
            result = self._call()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            from app.models.db import user_error  # here, not at import: the login paints first

            translated = user_error(exc)
            if translated is not None:  # the database itself failed: a message, not a traceback
                log.warning("background operation failed: %s", exc)
                exc = translated
            if _synchronous:
                self._failed(exc)
            else:
                self.signals.failed.emit(exc)
            return
        if _synchronous:
            self._succeeded(result)
        else:
            self.signals.succeeded.emit(result)

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)
            if text:
                self._dialog.setLabelText(text)

    def _close(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)
        if self._on_finished is not None:
            self._on_finished()

    def _parent_gone(self) -> bool:
        """The widget that asked was deleted meanwhile (a dialog closed before its data came back)."""
        import shiboken6

        return self.parent is not None and not shiboken6.isValid(self.parent)

    @Slot(object)
    def _succeeded(self, payload: Any) -> None:
        result, tables = payload
        self._close()
        if tables and _changes_hook is not None:
            _changes_hook(tables)
        if self._on_success is not None and not self._parent_gone():
            self._on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._parent_gone():  # nobody left to tell; the failure is logged
            log.warning("background operation failed after its window closed: %s", exc)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        if isinstance(exc, Cancelled):
            return
        if self._show_errors or self._on_failure is None:
            show_error(self.parent, exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A domain error becomes a message in Chinese; anything else goes to the exception hook's dialog."""
    if isinstance(exc, DomainError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("common", "提示"),
            exc.message(),
            parent=parent,
        )
        box.setObjectName("domain_error_box")
        box.open()
        return
    log.error("background operation failed", exc_info=(type(exc), exc, exc.__traceback__))
    from app.views.common import error_hook

    error_hook.show_exception(type(exc), exc, exc.__traceback__, parent)


def run_op(
    parent: QWidget | None, fn: Callable[..., Any], *, session: bool = True, readonly: bool = False
) -> Op:
    """Run ``fn`` off the GUI thread; ``readonly=True`` for pure reads (lists, figures, look-ups)."""
    return Op(parent, fn, session=session, readonly=readonly)


def wait_all(timeout_ms: int = 10000) -> bool:
    """Wait for every background op to finish (shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
