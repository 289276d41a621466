"""Learn what other workstations changed, from the shared ``change_log``.

Every committed transaction that changed rows writes one ``change_log`` row (see :mod:`app.models.db`). A
:class:`ChangeListener` keeps one dedicated connection for its whole life, checks cheaply whether anything was
committed since it last looked (``PRAGMA data_version`` on SQLite, LISTEN/NOTIFY on PostgreSQL) and only then
reads the new ``change_log`` rows. It never raises for a broken connection: it reports ``connected = False``
and reconnects on the next poll, then reads everything it missed. Qt-free; the GUI wraps it in
``app.views.common.change_feed``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import delete, func, select
from sqlalchemy import exc as sa_exc

from app.models import db as db_module
from app.models.base import utcnow
from app.models.change_log import ChangeLog
from app.models.db import NOTIFY_CHANNEL, Database

log = logging.getLogger(__name__)

APPLICATION_NAME = "jingwu-change-listener"
# A PostgreSQL id below the newest one seen but not yet visible belongs to a transaction still committing
# (sequence ids are handed out before commit, so commits can land out of id order); look for it this long.
GAP_TTL_SECONDS = 60.0
MAX_PENDING_GAPS = 500
_SQLITE_STEP = 0.05  # how often wait() re-reads data_version on SQLite

Row = tuple[int, str, str, str]


@dataclass(frozen=True)
class ChangeBatch:
    """What changed since the previous batch: table names, ``table:id`` strings, and the last log id read."""

    tables: frozenset[str]
    entity_ids: frozenset[str]
    last_id: int
    from_other_clients: bool


class _Link(Protocol):
    def changed(self, timeout: float) -> bool: ...

    def fetch(self, after: int, also: list[int]) -> list[Row]: ...

    def max_id(self) -> int: ...

    def close(self) -> None: ...


_SELECT = "SELECT id, tables, entity_ids, client_id FROM change_log WHERE id > {p}{also} ORDER BY id"


class _SqliteLink:
    """One raw sqlite3 connection, detached from the pool, in autocommit (the engine sets isolation_level=None).

    ``PRAGMA data_version`` changes only for commits made by other connections, hence one connection for life.
    """

    def __init__(self, db: Database) -> None:
        fairy = db.engine.raw_connection()
        fairy.detach()  # closed for real by close(), never handed back to the pool
        self._conn: Any = fairy.dbapi_connection
        self._version = self._data_version()

    def _data_version(self) -> int:
        cur = self._conn.cursor()
        try:
            return int(cur.execute("PRAGMA data_version").fetchone()[0])
        finally:
            cur.close()

    def changed(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(_SQLITE_STEP, remaining))

    def _query(self, sql: str, params: list[int]) -> list[Any]:
        cur = self._conn.cursor()
        try:
            return list(cur.execute(sql, params).fetchall())  # fetch all: no read snapshot left open
        finally:
            cur.close()

    def fetch(self, after: int, also: list[int]) -> list[Row]:
        extra = f" OR id IN ({','.join('?' * len(also))})" if also else ""
        rows = self._query(_SELECT.format(p="?", also=extra), [after, *also])
        return [(int(r[0]), r[1], r[2], r[3]) for r in rows]

    def max_id(self) -> int:
        return int(self._query("SELECT coalesce(max(id), 0) FROM change_log", [])[0][0])

    def close(self) -> None:
        self._conn.close()


class _PostgresLink:
    """A dedicated psycopg connection in autocommit that LISTENs on the change channel."""

    def __init__(self, db: Database, connect_timeout: int) -> None:
        import psycopg

        _args, params = db.engine.dialect.create_connect_args(db.engine.url)
        params.pop("context", None)  # SQLAlchemy's adapters; this connection reads plain ints and strings
        params.setdefault("application_name", APPLICATION_NAME)
        params.setdefault("connect_timeout", connect_timeout)
        self._conn = psycopg.connect(autocommit=True, **params)
        try:
            self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except BaseException:
            self._conn.close()
            raise

    def changed(self, timeout: float) -> bool:
        got = False
        for _ in self._conn.notifies(timeout=max(timeout, 0.0), stop_after=1):
            got = True
        if got:  # drain whatever else already arrived: one read covers it all
            for _ in self._conn.notifies(timeout=0):
                pass
        return got

    def fetch(self, after: int, also: list[int]) -> list[Row]:
        extra = f" OR id IN ({','.join(['%s'] * len(also))})" if also else ""
        cur = self._conn.execute(_SELECT.format(p="%s", also=extra), [after, *also])
        return [(int(r[0]), r[1], r[2], r[3]) for r in cur.fetchall()]

    def max_id(self) -> int:
        row = self._conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self._conn.close()


class ChangeListener:
    """Reports committed changes from the ``change_log``, starting at the newest row when it was created.

    Use from one thread at a time (a background thread in the GUI). ``include_own=False`` skips rows written
    by this process (``client_id``), which the GUI has already broadcast locally.
    """

    def __init__(
        self,
        db: Database,
        *,
        client_id: str | None = None,
        include_own: bool = True,
        connect_timeout: int = 3,
    ) -> None:
        self.db = db
        self.backend = db.backend
        self.client_id = client_id if client_id is not None else db_module.CLIENT_ID
        self.include_own = include_own
        self._connect_timeout = connect_timeout
        self._broken: tuple[type[BaseException], ...] = (sa_exc.DBAPIError, OSError, _dbapi_error(db))
        self._link: _Link | None = None
        self._last_seen: int | None = None
        self._pending: dict[int, float] = {}  # PostgreSQL: ids not yet visible -> when first missed
        self._closed = False
        self._connect()

    # -- state --------------------------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._link is not None

    @property
    def last_seen(self) -> int | None:
        """The newest change_log id already reported (None until the first successful connection)."""
        return self._last_seen

    # -- reading ------------------------------------------------------------------------------------
    def poll(self) -> ChangeBatch | None:
        """Return what changed since the last call, or None; cheap when nothing did."""
        return self.wait(0.0)

    def wait(self, timeout: float) -> ChangeBatch | None:
        """Block up to ``timeout`` seconds until something changes (a NOTIFY, or a new data_version)."""
        if self._closed:
            raise RuntimeError("ChangeListener is closed")
        if self._link is None:
            if self._connect():
                return self._read_guarded()  # whatever was committed while we were away
            if timeout > 0:
                time.sleep(timeout)
            return None
        try:
            if not self._link.changed(timeout):
                return None
        except self._broken as exc:
            self._lost(exc)
            return None
        return self._read_guarded()

    def close(self) -> None:
        self._closed = True
        self._drop_link()

    # -- internals ----------------------------------------------------------------------------------
    def _connect(self) -> bool:
        try:
            link: _Link = (
                _PostgresLink(self.db, self._connect_timeout)
                if self.backend == "postgresql"
                else _SqliteLink(self.db)
            )
        except self._broken as exc:
            log.debug("change listener could not connect: %s", exc)
            return False
        try:
            newest = link.max_id()
        except self._broken as exc:
            log.debug("change listener could not read change_log: %s", exc)
            link.close()
            return False
        if self._last_seen is None:
            self._last_seen = newest
        elif newest < self._last_seen:  # the database was replaced or restored: start over from its end
            log.warning("change_log ids went back from %s to %s; restarting there", self._last_seen, newest)
            self._last_seen = newest
            self._pending.clear()
        self._link = link
        log.info("change listener connected (%s)", self.backend)
        return True

    def _lost(self, exc: BaseException) -> None:
        log.warning("change listener lost its %s connection (%s); will reconnect", self.backend, exc)
        log.debug("change listener connection failure", exc_info=exc)
        self._drop_link()

    def _drop_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            try:
                link.close()
            except Exception:  # noqa: BLE001 - already broken; nothing more to do
                log.debug("closing the change listener connection failed", exc_info=True)

    def _read_guarded(self) -> ChangeBatch | None:
        try:
            return self._read()
        except self._broken as exc:
            self._lost(exc)
            return None

    def _read(self) -> ChangeBatch | None:
        assert self._link is not None and self._last_seen is not None
        now = time.monotonic()
        self._pending = {i: t for i, t in self._pending.items() if now - t < GAP_TTL_SECONDS}
        rows = self._link.fetch(self._last_seen, sorted(self._pending))
        tables: set[str] = set()
        ids: set[str] = set()
        from_others = False
        included = False
        for row_id, names, entity_ids, client_id in rows:
            if row_id in self._pending:
                del self._pending[row_id]
            elif row_id > self._last_seen:
                for missing in range(self._last_seen + 1, row_id):
                    if len(self._pending) < MAX_PENDING_GAPS:
                        self._pending.setdefault(missing, now)
                self._last_seen = row_id
            own = client_id == self.client_id
            if own and not self.include_own:
                continue
            included = True
            from_others = from_others or not own
            tables.update(t for t in names.split(",") if t)
            ids.update(e for e in (entity_ids or "").split(",") if e)
        if not included:
            return None
        return ChangeBatch(frozenset(tables), frozenset(ids), self._last_seen, from_others)


def _dbapi_error(db: Database) -> type[BaseException]:
    dbapi = db.engine.dialect.loaded_dbapi
    error = getattr(dbapi, "Error", None)
    return error if isinstance(error, type) and issubclass(error, BaseException) else OSError


def prune(db: Database, older_than: timedelta = timedelta(days=2)) -> int:
    """Delete change_log rows older than ``older_than``; returns how many went. For maintenance sweeps.

    The newest row always stays: SQLite reuses ``max(id) + 1`` once the table is empty, and a listener
    waiting for ids above the last one it saw would then miss every later change.
    """
    cutoff = utcnow() - older_than
    with db.session() as session:
        newest = session.scalar(select(func.max(ChangeLog.id)))
        if newest is None:
            return 0
        result = session.execute(
            delete(ChangeLog).where(ChangeLog.at < cutoff, ChangeLog.id < newest),
            execution_options={"synchronize_session": False},
        )
        return int(getattr(result, "rowcount", 0) or 0)
