"""Attachments of orders and of timeline entries, stored in the shared database in chunks.

Why the database: it is the one place every workstation already reaches (an embedded SQLite file on one desk,
the PostgreSQL server for many), with the same permissions, transactions and backups as the records that
refer to the files; a bureau in a mountain county has no file server to keep in step. Files are split into
``CHUNK_SIZE`` pieces (one row each), so neither writing nor reading ever holds a whole video in memory, and
a size limit keeps the database from growing without bound (see :mod:`app.services.attachments`).

Attachments are permanent like what they belong to: both tables are append-only in the database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, utcnow
from app.models.permissions import QT_TRANSLATE_NOOP

CHUNK_SIZE = 512 * 1024

MEDIA_IMAGE = "image"
MEDIA_AUDIO = "audio"
MEDIA_VIDEO = "video"
MEDIA_DOCUMENT = "document"
MEDIA_NAMES = {
    MEDIA_IMAGE: QT_TRANSLATE_NOOP("dispatch", "图片"),
    MEDIA_AUDIO: QT_TRANSLATE_NOOP("dispatch", "音频"),
    MEDIA_VIDEO: QT_TRANSLATE_NOOP("dispatch", "视频"),
    MEDIA_DOCUMENT: QT_TRANSLATE_NOOP("dispatch", "文档"),
}


class DispatchAttachment(IdMixin, Base):
    __tablename__ = "dispatch_attachment"
    __table_args__ = (CheckConstraint("(order_id IS NULL) <> (timeline_entry_id IS NULL)", name="one_owner"),)

    order_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("dispatch_order.id"), index=True)
    timeline_entry_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("dispatch_timeline_entry.id"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    media: Mapped[str] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    chunks: Mapped[int] = mapped_column(Integer)
    uploaded_by_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    uploaded_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DispatchAttachmentChunk(Base):
    __tablename__ = "dispatch_attachment_chunk"

    attachment_id: Mapped[int] = mapped_column(BigId, ForeignKey("dispatch_attachment.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
