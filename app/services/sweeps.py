"""Scheduled sweeps: idempotent jobs that any client may run, one runner at a time across all workstations.

A platform registers its sweep at import time (``sweeps.register("overdue_cards", fn)``); ``fn(session, now)``
runs in a transaction of its own and returns counts of what it did, e.g. ``{"yellow": 3, "red": 1}``. A sweep
that needs several transactions (the SMS sender calls the gateway between them) registers with
``uses_database=True`` and gets the :class:`Database` instead of a session.

One at a time: on PostgreSQL a session-level advisory lock on a dedicated connection (the server drops it
when a runner's connection dies, so a crash blocks nobody); on SQLite a lease row in ``sweep_lock`` taken by a
conditional UPDATE, renewed before each sweep and expiring after :data:`DEFAULT_LEASE`, so a crashed runner
blocks the others only until then. A second runner does not wait: it skips, and the next tick tries again.
Every sweep that ran leaves a :class:`SweepRun` row.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, delete, insert, or_, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.base import utcnow
from app.models.db import WORKSTATION, Database
from app.models.messaging import RUN_FAILED, RUN_OK, RUN_RUNNING, SWEEP_RUN, SweepLock, SweepRun
from app.services.context import Actor

log = logging.getLogger(__name__)

LOCK_NAME = "sweeps"
SWEEP_LOCK_KEY = 7_240_926  # PostgreSQL advisory lock id (the audit chain uses 7_240_925)
DEFAULT_LEASE = timedelta(minutes=10)
HISTORY_DAYS = 30
SKIPPED = "skipped"
_LOCK = cast(Table, SweepLock.__table__)
_RUN = cast(Table, SweepRun.__table__)

SweepFn = Callable[[Any, datetime], Mapping[str, int]]


@dataclass(frozen=True)
class Sweep:
    name: str
    fn: SweepFn
    title: str
    uses_database: bool


@dataclass(frozen=True)
class SweepResult:
    name: str
    title: str
    outcome: str  # ok / failed / skipped
    counts: Mapping[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""


@dataclass(frozen=True)
class RunReport:
    ran: bool  # False: another runner held the lock, nothing was done
    holder: str  # who held it (when skipped)
    results: tuple[SweepResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.outcome != RUN_FAILED for r in self.results)


class Registry:
    """Named sweeps in registration order (tests make their own; the application uses :data:`REGISTRY`)."""

    def __init__(self) -> None:
        self._sweeps: dict[str, Sweep] = {}

    def register(self, name: str, fn: SweepFn, *, title: str = "", uses_database: bool = False) -> None:
        if not name or len(name) > 64:
            raise ValueError("a sweep name has 1-64 characters")
        old = self._sweeps.get(name)
        if old is not None and old.fn is not fn:
            raise ValueError(f"sweep {name!r} is already registered")
        self._sweeps[name] = Sweep(name, fn, title or name, uses_database)

    def get(self, name: str) -> Sweep:
        try:
            return self._sweeps[name]
        except KeyError:
            raise DomainError("sweep_unknown", name=name, known="、".join(self._sweeps) or "（无）") from None

    def all(self) -> list[Sweep]:
        return list(self._sweeps.values())


REGISTRY = Registry()
_discovered = False


def register(name: str, fn: SweepFn, *, title: str = "", uses_database: bool = False) -> None:
    """Add a sweep to the application's registry (call at import time of the platform's service module)."""
    REGISTRY.register(name, fn, title=title, uses_database=uses_database)


def discover() -> list[Sweep]:
    """Import every service module once, so every platform's sweeps are registered; returns them all."""
    global _discovered
    if not _discovered:
        import app.services as package

        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{info.name}")
        _discovered = True
    return REGISTRY.all()


# --- the lock ---------------------------------------------------------------------------------------------


@dataclass
class _Lease:
    token: str
    holder: str
    lease: timedelta
    pg_conn: Any = None


def _holder(db: Database) -> str:
    with db.read_session() as s:
        holder = s.execute(select(_LOCK.c.holder).where(_LOCK.c.name == LOCK_NAME)).scalar()
    return holder or ""


def _take_row(db: Database, lease: _Lease, *, force: bool) -> bool:
    """Write the lease row: only if it is free (SQLite), or unconditionally under the advisory lock."""
    now = utcnow()
    values = {
        "holder": lease.holder,
        "token": lease.token,
        "acquired_at": now,
        "expires_at": now + lease.lease,
    }
    with db.session() as s:
        stmt = update(_LOCK).where(_LOCK.c.name == LOCK_NAME)
        if not force:
            stmt = stmt.where(or_(_LOCK.c.expires_at.is_(None), _LOCK.c.expires_at <= now))
        if int(s.execute(stmt.values(**values)).rowcount or 0) == 1:  # type: ignore[attr-defined]
            return True
        if s.execute(select(_LOCK.c.name).where(_LOCK.c.name == LOCK_NAME)).first() is not None:
            return False
        s.execute(insert(_LOCK).values(name=LOCK_NAME, **values))
        return True


def _acquire(db: Database, lease: _Lease) -> bool:
    if db.backend == "postgresql":
        conn = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": SWEEP_LOCK_KEY}).scalar()
        except BaseException:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        lease.pg_conn = conn
        try:
            _take_row(db, lease, force=True)  # for display: who runs, since when
        except BaseException:
            _release(db, lease)
            raise
        return True
    # SQLite: look first without the write lock (readers never wait), then take the lease if it is free.
    with db.read_session() as s:
        expires = s.execute(select(_LOCK.c.expires_at).where(_LOCK.c.name == LOCK_NAME)).scalar()
    if expires is not None and expires > utcnow():
        return False
    try:
        return _take_row(db, lease, force=False)
    except DBAPIError as exc:  # "database is locked": a long write of another runner, so it is busy
        log.info("sweep lock not taken: %s", exc)
        return False


def _renew(db: Database, lease: _Lease) -> bool:
    now = utcnow()
    with db.session() as s:
        result = s.execute(
            update(_LOCK)
            .where(_LOCK.c.name == LOCK_NAME, _LOCK.c.token == lease.token)
            .values(expires_at=now + lease.lease)
        )
        return int(getattr(result, "rowcount", 0) or 0) == 1


def _release(db: Database, lease: _Lease) -> None:
    try:
        with db.session() as s:
            s.execute(
                update(_LOCK)
                .where(_LOCK.c.name == LOCK_NAME, _LOCK.c.token == lease.token)
                .values(expires_at=None)
            )
    except Exception:  # noqa: BLE001 - the lease then simply expires
        log.warning("could not release the sweep lease", exc_info=True)
    conn, lease.pg_conn = lease.pg_conn, None
    if conn is not None:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SWEEP_LOCK_KEY})
            conn.close()
        except Exception:  # noqa: BLE001 - dropping the connection drops the lock too
            log.warning("could not release the sweep advisory lock; dropping the connection", exc_info=True)
            conn.invalidate()


@contextmanager
def holding_lock(
    db: Database, *, workstation: str = WORKSTATION, lease: timedelta = DEFAULT_LEASE
) -> Iterator[_Lease | None]:
    """Hold the sweep lock for the block (``None`` when another runner has it)."""
    held = _Lease(uuid.uuid4().hex, workstation[:128], lease)
    if not _acquire(db, held):
        yield None
        return
    try:
        yield held
    finally:
        _release(db, held)


# --- running ----------------------------------------------------------------------------------------------


def _record_start(db: Database, name: str, started: datetime, workstation: str) -> int:
    with db.session() as s:
        return int(
            s.execute(
                insert(_RUN)
                .values(
                    name=name,
                    started_at=started,
                    outcome=RUN_RUNNING,
                    counts={},
                    error="",
                    workstation=workstation[:128],
                )
                .returning(_RUN.c.id)
            ).scalar_one()
        )


def _record_end(db: Database, run_id: int, outcome: str, counts: Mapping[str, int], error: str) -> None:
    with db.session() as s:
        s.execute(
            update(_RUN)
            .where(_RUN.c.id == run_id)
            .values(finished_at=utcnow(), outcome=outcome, counts=dict(counts), error=error)
        )


def _run_one(db: Database, sweep: Sweep, now: datetime | None, workstation: str) -> SweepResult:
    started = time.perf_counter()
    at = now or utcnow()
    run_id = _record_start(db, sweep.name, utcnow(), workstation)
    try:
        if sweep.uses_database:
            counts = dict(sweep.fn(db, at))
        else:
            with db.session() as s:
                counts = dict(sweep.fn(s, at))
    except Exception as exc:  # noqa: BLE001 - one failing sweep must not stop the others
        log.exception("sweep %s failed", sweep.name)
        error = exc.message() if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        _record_end(db, run_id, RUN_FAILED, {}, error[:2000])
        return SweepResult(sweep.name, sweep.title, RUN_FAILED, {}, time.perf_counter() - started, error)
    clean = {str(k): int(v) for k, v in counts.items()}
    _record_end(db, run_id, RUN_OK, clean, "")
    return SweepResult(sweep.name, sweep.title, RUN_OK, clean, time.perf_counter() - started)


def run(
    db: Database,
    names: Iterable[str] | None = None,
    *,
    now: datetime | None = None,
    workstation: str = WORKSTATION,
    actor: Actor | None = None,
    registry: Registry | None = None,
    lease: timedelta = DEFAULT_LEASE,
) -> RunReport:
    """Run the named sweeps (default: all), each in its own transaction, unless another runner is at it.

    ``actor`` is checked for ``sweep.run`` when given (a "run now" button); the background timer and the
    command line run as the system. ``now`` fixes the sweeps' clock; the lease always uses the real time.
    """
    if actor is not None:
        from app.services.permissions import require

        with db.session() as s:
            require(s, actor, SWEEP_RUN)
    reg = registry or REGISTRY
    if registry is None:
        discover()
    chosen = [reg.get(n) for n in names] if names else reg.all()
    with holding_lock(db, workstation=workstation, lease=lease) as held:
        if held is None:
            holder = _holder(db)
            log.info("sweeps skipped: %s is running them", holder or "another runner")
            return RunReport(False, holder, tuple(SweepResult(s.name, s.title, SKIPPED) for s in chosen))
        results: list[SweepResult] = []
        for i, sweep in enumerate(chosen):
            if i and db.backend != "postgresql" and not _renew(db, held):
                log.warning("sweep lease lost before %s; leaving the rest to the next run", sweep.name)
                results.extend(SweepResult(s.name, s.title, SKIPPED) for s in chosen[i:])
                break
            results.append(_run_one(db, sweep, now, workstation))
    return RunReport(True, workstation, tuple(results))


@dataclass(frozen=True)
class SweepRunInfo:
    id: int
    name: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    counts: Mapping[str, int]
    error: str
    workstation: str


def history(session: Session, *, name: str | None = None, limit: int = 50) -> list[SweepRunInfo]:
    """The latest runs, newest first (the status page: did the sweeps run, and what did they do)."""
    stmt = select(SweepRun)
    if name:
        stmt = stmt.where(SweepRun.name == name)
    stmt = stmt.order_by(SweepRun.id.desc()).limit(limit)
    return [
        SweepRunInfo(
            r.id, r.name, r.started_at, r.finished_at, r.outcome, dict(r.counts or {}), r.error, r.workstation
        )
        for r in session.execute(stmt).scalars()
    ]


# --- the built-in sweeps ----------------------------------------------------------------------------------


def _sms_send(db: Database, now: datetime) -> Mapping[str, int]:
    from app.services import sms

    return sms.deliver_due(db, now=now).as_counts()


def _change_log_prune(db: Database, now: datetime) -> Mapping[str, int]:
    from app.services import change_feed

    return {"deleted": change_feed.prune(db)}


def _history_prune(session: Session, now: datetime) -> Mapping[str, int]:
    cutoff = now - timedelta(days=HISTORY_DAYS)
    result = session.execute(delete(_RUN).where(_RUN.c.started_at < cutoff, _RUN.c.outcome != RUN_RUNNING))
    return {"deleted": int(getattr(result, "rowcount", 0) or 0)}


register("sms_send", _sms_send, title="发送到期短信", uses_database=True)
register("change_log_prune", _change_log_prune, title="清理变更通知记录", uses_database=True)
register("sweep_history_prune", _history_prune, title=f"清理 {HISTORY_DAYS} 天前的定时任务记录")
