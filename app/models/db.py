"""Engines and sessions for the shared database: embedded SQLite by default, PostgreSQL when shared.

Every committed transaction that changed rows also writes one ``change_log`` row naming the tables (and on
PostgreSQL sends ``NOTIFY``), which is how other workstations learn what to refresh.
"""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DomainError
from app.core.messages import QT_TRANSLATE_NOOP, register
from app.models.change_log import ChangeLog

log = logging.getLogger(__name__)

NOTIFY_CHANNEL = "jingwu_changes"
WORKSTATION = socket.gethostname()
CLIENT_ID = uuid.uuid4().hex[:16]


# -- failures of the database itself ------------------------------------------------------------------------
# Not the user's doing, but the user must still read what happened and what to do, never a traceback.
LOST, BUSY, FULL, IO = "db_connection_lost", "db_busy", "db_disk_full", "db_io_error"
register(
    {
        LOST: QT_TRANSLATE_NOOP(
            "messages",
            "与数据库的连接中断，本次操作未完成。已填写的内容仍保留，请待状态栏显示“已连接”后再试一次。",
        ),
        BUSY: QT_TRANSLATE_NOOP("messages", "数据库正忙（其他工作站正在保存同一批数据），本次操作未保存，请稍后再试一次。"),
        FULL: QT_TRANSLATE_NOOP(
            "messages", "数据库所在的磁盘已满，本次操作未保存，原有数据不受影响。请联系系统管理员释放磁盘空间后再试。"
        ),
        IO: QT_TRANSLATE_NOOP(
            "messages", "读写数据库文件出错，本次操作未保存，原有数据不受影响。请联系系统管理员检查磁盘。"
        ),
    }
)
_SQLITE_KINDS = {5: BUSY, 6: BUSY, 13: FULL, 10: IO, 14: IO, 8: IO}  # BUSY, LOCKED, FULL, IOERR, CANTOPEN, READONLY
_PG_KINDS = {"40P01": BUSY, "40001": BUSY, "55P03": BUSY, "53100": FULL, "58030": IO}  # deadlock, serialization,
# lock not available, disk full, I/O error; classes 08 (connection) and 57P (server shut down) are LOST.


def failure_kind(exc: BaseException) -> str | None:
    """Which failure of the database itself ``exc`` is (LOST, BUSY, FULL, IO), or None for anything else.

    BUSY (a deadlock, a serialization failure, a lock wait given up) means the whole transaction was rolled
    back and may simply run again; LOST means the connection broke (server restarted, network gone).
    """
    if isinstance(exc, sa_exc.TimeoutError):  # no pooled connection free in time
        return BUSY
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    if exc.connection_invalidated:
        return LOST
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        if state in _PG_KINDS:
            return _PG_KINDS[state]
        return LOST if state.startswith(("08", "57P")) else None
    if type(orig).__module__.startswith("psycopg") and isinstance(exc, sa_exc.OperationalError):
        return LOST  # "connection failed", "server closed the connection unexpectedly": no SQLSTATE
    return None


def user_error(exc: BaseException) -> DomainError | None:
    """The message for a failure of the database itself (see :func:`failure_kind`), or None."""
    kind = failure_kind(exc)
    if kind is None:
        return None
    error = DomainError(kind)
    error.__cause__ = exc
    return error


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class DatabaseInfo:
    """What the status bar shows about the connection."""

    backend: str  # "sqlite" or "postgresql"
    label: str  # file path, or host/dbname
    url_safe: str  # URL with the password hidden


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA case_sensitive_like=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock at the start, so two writers never deadlock on a lock upgrade
        # and the audit chain is appended by one writer at a time.
        mode = "IMMEDIATE" if conn.get_execution_options().get("write", True) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def _track_changes(factory: sessionmaker[Session]) -> None:
    @event.listens_for(factory, "after_flush")
    def _after_flush(session: Session, _ctx: Any) -> None:
        tables: set[str] = session.info.setdefault("changed_tables", set())
        ids: set[str] = session.info.setdefault("changed_ids", set())
        for obj in list(session.new) + list(session.dirty) + list(session.deleted):
            table = getattr(obj, "__tablename__", None)
            if table and table not in ("change_log", "audit_record", "login_failure"):
                if obj in session.dirty and not session.is_modified(obj):
                    continue
                tables.add(table)
                ident = getattr(obj, "id", None)
                if ident is not None and len(ids) < 100:
                    ids.add(f"{table}:{ident}")

    @event.listens_for(factory, "before_commit")
    def _before_commit(session: Session) -> None:
        if session.in_nested_transaction():  # releasing a savepoint: the outer commit logs the changes
            return
        session.flush()
        tables = session.info.get("changed_tables") or set()
        extra = session.info.get("extra_changed_tables") or set()
        tables = set(tables) | set(extra)
        if not tables:
            return
        names = ",".join(sorted(tables))
        session.execute(
            insert(ChangeLog).values(
                tables=names[:1000],
                entity_ids=",".join(sorted(session.info.get("changed_ids") or set()))[:2000],
                workstation=WORKSTATION[:128],
                client_id=CLIENT_ID,
            )
        )
        if session.get_bind().dialect.name == "postgresql":
            session.execute(
                text("SELECT pg_notify(:ch, :payload)"), {"ch": NOTIFY_CHANNEL, "payload": names[:7000]}
            )
        session.info["committed_tables"] = tables

    @event.listens_for(factory, "after_commit")
    def _after_commit(session: Session) -> None:
        if session.in_nested_transaction():
            return
        session.info.pop("changed_tables", None)
        session.info.pop("changed_ids", None)
        session.info.pop("extra_changed_tables", None)

    @event.listens_for(factory, "after_soft_rollback")
    def _after_rollback(session: Session, previous: Any) -> None:
        if previous.parent is not None:  # a savepoint rolled back: the outer transaction's changes still count
            return
        session.info.pop("changed_tables", None)
        session.info.pop("changed_ids", None)
        session.info.pop("extra_changed_tables", None)
        session.info.pop("committed_tables", None)


DEFERRED_KEY = "deferred_on_rollback"


def defer_on_rollback(session: Session, write: Callable[[Session], None]) -> None:
    """Run ``write`` in a new transaction if this one is rolled back (see :meth:`Database.session`)."""
    session.info.setdefault(DEFERRED_KEY, []).append(write)


def mark_changed(session: Session, *tables: str) -> None:
    """Record changes made with Core statements (bulk inserts) that the ORM flush does not see."""
    session.info.setdefault("extra_changed_tables", set()).update(tables)


class Database:
    """One database: its engine, a session factory, and how to describe it to the user."""

    def __init__(self, url: str | URL, *, echo: bool = False, pool_size: int = 5) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.backend = self.url.get_backend_name()
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.backend == "sqlite":
            if self.url.database and self.url.database != ":memory:":
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 10}
        else:
            kwargs.update(pool_pre_ping=True, pool_size=pool_size, max_overflow=5)
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.backend == "sqlite":
            _install_sqlite_pragmas(self.engine)
        self.session_factory: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        _track_changes(self.session_factory)
        self._read_engine = self.engine.execution_options(write=False)

    # -- sessions -----------------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception.

        Writes registered with :func:`defer_on_rollback` (an audited refusal, a failed login) run in a
        transaction of their own after the rollback, so a refused action still leaves its trace.
        """
        session = self.session_factory()
        try:
            with session.begin():
                yield session
        except BaseException:
            deferred = session.info.pop(DEFERRED_KEY, None)
            if deferred:
                self._run_deferred(deferred)
            raise
        finally:
            session.close()

    def _run_deferred(self, writes: list[Callable[[Session], None]]) -> None:
        try:
            with self.session_factory() as session, session.begin():
                for write in writes:
                    write(session)
        except Exception:  # noqa: BLE001 - the original error is what the user must see
            log.exception("could not write the record of a refused or failed action")

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only transaction (on SQLite a deferred BEGIN, so readers never wait for writers)."""
        with Session(self._read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(session, ...)`` in one transaction and return its result."""
        with self.session() as session:
            return fn(session, *args, **kwargs)

    # -- description --------------------------------------------------------------------------------
    @property
    def info(self) -> DatabaseInfo:
        if self.backend == "sqlite":
            label = self.url.database or ":memory:"
        else:
            label = f"{self.url.host or 'localhost'}:{self.url.port or 5432}/{self.url.database or ''}"
        return DatabaseInfo(self.backend, label, self.url.render_as_string(hide_password=True))

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except Exception:  # noqa: BLE001 - any failure means "not connected"
            log.warning("database ping failed", exc_info=True)
            return False

    def dispose(self) -> None:
        self.engine.dispose()
