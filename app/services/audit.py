"""Writing and verifying the hash-chained audit trail.

A record is written in the same transaction as the change it describes, so if it cannot be written the
change is rolled back too. Refusals are written after the rollback (see ``defer_on_rollback``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.audit import (
    GENESIS,
    OUTCOME_DENIED,
    OUTCOME_FAILED,
    OUTCOME_OK,
    AuditRecord,
    canonical_json,
    compute_hash,
)
from app.models.base import utcnow
from app.models.db import defer_on_rollback
from app.models.permissions import AUDIT_READ
from app.services.context import Actor

AUDIT_LOCK_KEY = 7_240_925  # PostgreSQL advisory lock id for appending to the chain


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK_KEY})
    # SQLite: write transactions start with BEGIN IMMEDIATE, so only one writer appends at a time.


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity: str = "",
    entity_id: object = "",
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    detail: str = "",
    outcome: str = OUTCOME_OK,
    username: str | None = None,
) -> AuditRecord:
    """Append one record to the chain in the current transaction."""
    _lock_chain(session)
    prev = session.execute(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).scalar()
    rec = AuditRecord(
        at=utcnow(),
        user_id=actor.user_id if actor else None,
        username=(username if username is not None else (actor.username if actor else ""))[:64],
        workstation=(actor.workstation if actor else "")[:128],
        action=action[:32],
        entity=entity[:64],
        entity_id=str(entity_id)[:64],
        outcome=outcome,
        old_values=canonical_json(old),
        new_values=canonical_json(new),
        detail=detail,
        prev_hash=prev or GENESIS,
    )
    # Hash what will be read back: microsecond precision, as both backends store it.
    rec.hash = compute_hash(rec.prev_hash, rec)
    session.add(rec)
    try:
        session.flush()
    except Exception as exc:
        raise DomainError("audit_write_failed", detail=type(exc).__name__) from exc
    return rec


def record_denied(session: Session, actor: Actor, action: str, *, detail: str = "", entity: str = "") -> None:
    """Audit a refusal; it is written even though the refused transaction rolls back."""

    def write(s: Session) -> None:
        record(s, actor, action, entity=entity, detail=detail, outcome=OUTCOME_DENIED)

    defer_on_rollback(session, write)


def record_failure(
    session: Session, actor: Actor | None, action: str, *, detail: str = "", username: str = ""
) -> None:
    def write(s: Session) -> None:
        record(s, actor, action, detail=detail, outcome=OUTCOME_FAILED, username=username or None)

    defer_on_rollback(session, write)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def _iter_chain(session: Session) -> Iterator[AuditRecord]:
    stmt = select(AuditRecord).order_by(AuditRecord.id).execution_options(yield_per=2000)
    for rec in session.execute(stmt).scalars():
        yield rec
        session.expunge(rec)


def verify(session: Session) -> VerifyResult:
    """Walk the chain and name the first record that was altered, or that follows a removed one."""
    prev_hash = GENESIS
    checked = 0
    for rec in _iter_chain(session):
        if rec.prev_hash != prev_hash:
            return VerifyResult(False, checked, rec.id, "前一条记录被删除或篡改（链接哈希不符）")
        if compute_hash(rec.prev_hash, rec) != rec.hash:
            return VerifyResult(False, checked, rec.id, "该记录内容被篡改（哈希不符）")
        prev_hash = rec.hash
        checked += 1
    return VerifyResult(True, checked)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    workstation: str
    action: str
    entity: str
    entity_id: str
    outcome: str
    old_values: str
    new_values: str
    detail: str


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    entity: str = ""
    outcome: str = ""
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


def _filtered(f: AuditFilter):  # type: ignore[no-untyped-def]
    stmt = select(AuditRecord)
    if f.username:
        stmt = stmt.where(AuditRecord.username == f.username)
    if f.action:
        stmt = stmt.where(AuditRecord.action == f.action)
    if f.entity:
        stmt = stmt.where(AuditRecord.entity == f.entity)
    if f.outcome:
        stmt = stmt.where(AuditRecord.outcome == f.outcome)
    if f.since:
        stmt = stmt.where(AuditRecord.at >= f.since)
    if f.until:
        stmt = stmt.where(AuditRecord.at < f.until)
    if f.text:
        like = f"%{f.text}%"
        stmt = stmt.where(AuditRecord.detail.like(like) | AuditRecord.entity_id.like(like))
    return stmt


def search(
    session: Session, actor: Actor, f: AuditFilter, *, limit: int = 500, before_id: int | None = None
) -> list[AuditRow]:
    """Newest first, paged by id (keyset). Only an auditor may read the trail."""
    from app.services.permissions import require

    require(session, actor, AUDIT_READ)
    stmt = _filtered(f)
    if before_id is not None:
        stmt = stmt.where(AuditRecord.id < before_id)
    stmt = stmt.order_by(AuditRecord.id.desc()).limit(limit)
    return [
        AuditRow(
            r.id,
            r.at,
            r.username,
            r.workstation,
            r.action,
            r.entity,
            r.entity_id,
            r.outcome,
            r.old_values,
            r.new_values,
            r.detail,
        )
        for r in session.execute(stmt).scalars()
    ]


def count(session: Session, actor: Actor, f: AuditFilter) -> int:
    from app.services.permissions import require

    require(session, actor, AUDIT_READ)
    return session.execute(select(func.count()).select_from(_filtered(f).subquery())).scalar_one()
