"""One row per committed transaction that changed data: which tables, from which workstation.

Other clients learn that something changed (SQLite ``PRAGMA data_version`` polling or PostgreSQL NOTIFY)
and read the rows after the last one they saw to know what to refresh.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, UTCDateTime, utcnow


class ChangeLog(IdMixin, Base):
    __tablename__ = "change_log"

    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    tables: Mapped[str] = mapped_column(String(1000))
    entity_ids: Mapped[str] = mapped_column(String(2000), default="")
    workstation: Mapped[str] = mapped_column(String(128), default="")
    client_id: Mapped[str] = mapped_column(String(64), default="")
