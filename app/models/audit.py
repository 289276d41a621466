"""The append-only, hash-chained audit trail.

Each record stores the SHA-256 of the previous record's hash plus its own canonical content, so altering or
removing any record breaks the chain from that point on. Appends are serialised (an advisory lock on
PostgreSQL, the single writer lock on SQLite), so the chain never forks between workstations.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, UTCDateTime

GENESIS = "0" * 64

OUTCOME_OK = "ok"
OUTCOME_DENIED = "denied"
OUTCOME_FAILED = "failed"


class AuditRecord(IdMixin, Base):
    __tablename__ = "audit_record"
    __table_args__ = (
        Index("ix_audit_record_at", "at"),
        Index("ix_audit_record_username_at", "username", "at"),
        Index("ix_audit_record_entity", "entity", "entity_id"),
    )

    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int | None] = mapped_column()
    username: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(128), default="")
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16), default=OUTCOME_OK)
    old_values: Mapped[str] = mapped_column(Text, default="")
    new_values: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


HASHED_FIELDS = (
    "at",
    "user_id",
    "username",
    "workstation",
    "action",
    "entity",
    "entity_id",
    "outcome",
    "old_values",
    "new_values",
    "detail",
)


def canonical_json(values: dict[str, Any] | None) -> str:
    """Stable JSON for old/new values: sorted keys, dates as ISO text."""
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def _field_text(record: AuditRecord, name: str) -> str:
    value = getattr(record, name)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    return str(value)


def compute_hash(prev_hash: str, record: AuditRecord) -> str:
    payload = "\x1f".join([prev_hash] + [_field_text(record, f) for f in HASHED_FIELDS])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
