"""One application-wide signal saying which tables changed, here or at another workstation.

    feed = ChangeFeed(db)
    run_op.configure(db, changes_hook=feed.local_change)
    feed.tables_changed.connect(view.on_tables_changed)
    feed.start()

Local operations are broadcast at once through :meth:`ChangeFeed.local_change`; other workstations' commits
arrive from a :class:`~app.services.change_feed.ChangeListener` running in a worker thread (SQLite: polled
every ``poll_interval``; PostgreSQL: blocked on NOTIFY, so within milliseconds). Rows this process wrote are
skipped there, having been broadcast already. Each view decides itself whether a change concerns it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from app.models.db import Database
from app.services.change_feed import ChangeBatch, ChangeListener

log = logging.getLogger(__name__)

# Workers that did not stop in time are kept referenced until they finish: destroying a running
# QThread aborts the process.
_lingering: set[_ListenerThread] = set()


class _ListenerThread(QThread):
    """Owns the listener (created, polled and closed on this thread) and reports through queued signals."""

    batch_arrived = Signal(object)
    connection_reported = Signal(bool)

    def __init__(self, db: Database, poll_interval: float, wait_timeout: float) -> None:
        super().__init__()
        self.setObjectName("change-feed")
        self._db = db
        self._poll_interval = poll_interval
        self._wait_timeout = wait_timeout
        self.stop_requested = threading.Event()

    def run(self) -> None:
        listener: ChangeListener | None = None
        reported: bool | None = None
        retry = self._poll_interval
        try:
            listener = ChangeListener(self._db, include_own=False)
            while not self.stop_requested.is_set():
                blocking = listener.backend == "postgresql" and listener.connected
                batch = listener.wait(self._wait_timeout) if blocking else listener.poll()
                if listener.connected != reported:
                    reported = listener.connected
                    self.connection_reported.emit(reported)
                if batch is not None and not self.stop_requested.is_set():
                    self.batch_arrived.emit(batch)
                if listener.connected:
                    retry = self._poll_interval
                    if not blocking:
                        self.stop_requested.wait(self._poll_interval)
                else:  # back off while the server is away
                    self.stop_requested.wait(retry)
                    retry = min(retry * 2, 5.0)
        except Exception:  # noqa: BLE001 - a dead feed must not take the application down
            log.exception("the change feed stopped")
            if reported is not False:
                self.connection_reported.emit(False)
        finally:
            if listener is not None:
                listener.close()


class ChangeFeed(QObject):
    """Broadcasts ``tables_changed(frozenset[str])`` on the GUI thread, for local and remote changes."""

    tables_changed = Signal(object)
    connection_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        poll_interval: float = 0.5,
        wait_timeout: float = 0.25,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._poll_interval = poll_interval
        self._wait_timeout = wait_timeout
        self._thread: _ListenerThread | None = None
        self._connected = False

    @property
    def connected(self) -> bool:
        """Whether the listener's own connection is up (False until it first connects)."""
        return self._connected

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Start listening; ``connection_changed`` reports the first connection (or failure) when known."""
        if self._thread is not None:
            return
        thread = _ListenerThread(self._db, self._poll_interval, self._wait_timeout)
        thread.batch_arrived.connect(self._on_batch)
        thread.connection_reported.connect(self._on_connection)
        self._thread = thread
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        thread.start()

    @Slot()
    def stop(self, timeout_ms: int = 10000) -> bool:
        """Stop the worker and wait for it; True when it finished within ``timeout_ms``."""
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        app = QCoreApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                app.aboutToQuit.disconnect(self.stop)
        thread.batch_arrived.disconnect(self._on_batch)
        thread.connection_reported.disconnect(self._on_connection)
        thread.stop_requested.set()
        if thread.wait(timeout_ms):
            return True
        log.error("the change feed worker did not stop within %d ms", timeout_ms)
        _lingering.add(thread)
        thread.finished.connect(lambda: _lingering.discard(thread))
        return False

    @Slot(object)
    def local_change(self, tables: Iterable[str]) -> None:
        """Broadcast what this workstation just committed (the run_op changes hook)."""
        names = frozenset(tables)
        if names:
            self.tables_changed.emit(names)

    @Slot(object)
    def _on_batch(self, batch: ChangeBatch) -> None:
        if self._thread is not None and batch.tables:
            self.tables_changed.emit(batch.tables)

    @Slot(bool)
    def _on_connection(self, ok: bool) -> None:
        self._connected = ok
        self.connection_changed.emit(ok)
