"""Attachments of orders and timeline entries: checked, then streamed into the shared database in chunks.

Where they live: in the shared database (``dispatch_attachment`` + ``dispatch_attachment_chunk``, one row per
512 KiB), because it is the one place every workstation already reaches with the same permissions,
transactions and backups; there is no file server to keep in step. Writing and reading go chunk by chunk,
so a video never sits in memory whole. The size limit per file is the business setting
``dispatch.attachment_max_mb`` (default :data:`DEFAULT_MAX_MB` MB), checked before anything is written.

Accepted types are recognised by extension *and* by content (:mod:`app.services.attachment_types`), so a
renamed program or a broken file is refused with a message naming the file. :func:`check` reads every file once (size, type, SHA-256) before the caller's transaction writes anything;
:func:`store` streams it again and refuses a file that changed in between.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFound
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.dispatch_attachment import CHUNK_SIZE, DispatchAttachment, DispatchAttachmentChunk
from app.services import business_settings
from app.services import dispatch_errors as _errors  # noqa: F401 - registers the messages
from app.services.attachment_types import TYPES, AttachmentSource, CheckedFile, check_one, human_size
from app.services.context import Actor
from app.services.entity_service import ProgressLike

DEFAULT_MAX_MB = 50
MAX_FILES = 20
SETTING_MAX_MB = "dispatch.attachment_max_mb"
_A = cast(Table, DispatchAttachment.__table__)
_C = cast(Table, DispatchAttachmentChunk.__table__)
__all__ = [
    "TYPES",
    "AttachmentInfo",
    "AttachmentSource",
    "CheckedFile",
    "check",
    "fetch",
    "human_size",
    "store",
]


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    media: str
    content_type: str
    size: int
    sha256: str
    uploaded_by_name: str
    created_at: datetime
    order_id: int | None
    timeline_entry_id: int | None


def max_bytes(session: Session) -> int:
    raw = business_settings.get(session, SETTING_MAX_MB, DEFAULT_MAX_MB)
    try:
        mb = float(raw)
    except (TypeError, ValueError):
        mb = DEFAULT_MAX_MB
    return int(max(mb, 0.001) * 1024 * 1024)


def check(session: Session, sources: Sequence[AttachmentSource]) -> list[CheckedFile]:
    """Check every file before anything is written (the first bad one raises, naming it)."""
    if len(sources) > MAX_FILES:
        raise DomainError("dispatch_attachment_too_many", max=MAX_FILES, count=len(sources))
    limit = max_bytes(session)
    return [check_one(s, limit) for s in sources]


def store(
    session: Session,
    actor: Actor,
    files: Sequence[CheckedFile],
    *,
    order_id: int | None = None,
    timeline_entry_id: int | None = None,
    progress: ProgressLike | None = None,
) -> list[AttachmentInfo]:
    """Stream checked files into the database in the caller's transaction (permission checked by the caller)."""
    total = sum(f.size for f in files)
    done = 0
    out: list[AttachmentInfo] = []
    now = utcnow()
    uploader = (actor.display_name or actor.username)[:64]
    for f in files:
        chunks = max(1, -(-f.size // CHUNK_SIZE))
        values = {
            "order_id": order_id,
            "timeline_entry_id": timeline_entry_id,
            "filename": f.filename,
            "media": f.media,
            "content_type": f.content_type,
            "size": f.size,
            "sha256": f.sha256,
            "chunks": chunks,
            "uploaded_by_id": actor.user_id,
            "uploaded_by_name": uploader,
            "created_at": now,
        }
        ident = int(session.execute(insert(_A).values(**values).returning(_A.c.id)).scalar_one())
        digest = hashlib.sha256()
        seq = 0
        try:
            with f.source.open() as fh:
                while chunk := fh.read(CHUNK_SIZE):
                    digest.update(chunk)
                    session.execute(insert(_C).values(attachment_id=ident, seq=seq, data=chunk))
                    seq += 1
                    done += len(chunk)
                    if progress is not None:
                        progress.report(done, total, f"正在上传附件“{f.filename}”…")
        except OSError as exc:
            raise DomainError(
                "dispatch_attachment_unreadable", name=f.filename, detail=exc.strerror or str(exc)
            ) from exc
        if digest.hexdigest() != f.sha256 or seq != chunks:
            raise DomainError(
                "dispatch_attachment_unreadable", name=f.filename, detail="文件在上传过程中被修改"
            )
        out.append(
            AttachmentInfo(
                ident,
                f.filename,
                f.media,
                f.content_type,
                f.size,
                f.sha256,
                uploader,
                now,
                order_id,
                timeline_entry_id,
            )
        )  # type: ignore[arg-type]
    if files:
        mark_changed(session, "dispatch_attachment")
    return out


def _info(row: Any) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.filename,
        row.media,
        row.content_type,
        row.size,
        row.sha256,
        row.uploaded_by_name,
        row.created_at,
        row.order_id,
        row.timeline_entry_id,
    )


def for_orders(session: Session, order_ids: Sequence[int]) -> dict[int, list[AttachmentInfo]]:
    rows = session.execute(
        select(DispatchAttachment)
        .where(DispatchAttachment.order_id.in_(list(order_ids)))
        .order_by(DispatchAttachment.id)
    ).scalars()
    out: dict[int, list[AttachmentInfo]] = {}
    for r in rows:
        out.setdefault(int(r.order_id or 0), []).append(_info(r))
    return out


def for_entries(session: Session, entry_ids: Sequence[int]) -> dict[int, list[AttachmentInfo]]:
    if not entry_ids:
        return {}
    rows = session.execute(
        select(DispatchAttachment)
        .where(DispatchAttachment.timeline_entry_id.in_(list(entry_ids)))
        .order_by(DispatchAttachment.id)
    ).scalars()
    out: dict[int, list[AttachmentInfo]] = {}
    for r in rows:
        out.setdefault(int(r.timeline_entry_id or 0), []).append(_info(r))
    return out


def get(session: Session, attachment_id: int) -> AttachmentInfo:
    row = session.get(DispatchAttachment, attachment_id)
    if row is None:
        raise NotFound(entity="附件")
    return _info(row)


def iter_chunks(session: Session, attachment_id: int) -> Iterator[bytes]:
    """The file's bytes, one chunk per query (never the whole file in memory)."""
    seq = 0
    while True:
        data = session.execute(
            select(_C.c.data).where(_C.c.attachment_id == attachment_id, _C.c.seq == seq)
        ).scalar()
        if data is None:
            return
        yield bytes(data)
        seq += 1


def write_to(session: Session, attachment_id: int, target: Path) -> Path:
    """Copy the attachment into ``target`` and verify its hash (the caller checked the permission)."""
    info = get(session, attachment_id)
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        for chunk in iter_chunks(session, attachment_id):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != info.sha256:
        raise DomainError(
            "dispatch_attachment_unreadable", name=info.filename, detail="数据库中的附件已损坏（校验值不符）"
        )
    return target


def _may_read(session: Session, actor: Actor, info: AttachmentInfo) -> bool:
    from app.models.dispatch_incident import DispatchIncidentMember, DispatchTimelineEntry
    from app.models.dispatch_order import DispatchOrder, DispatchOrderReceipt
    from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE, DISPATCH_MONITOR
    from app.services.permissions import has

    if has(session, actor, DISPATCH_MONITOR):
        return True
    if info.order_id is not None:
        mine = select(DispatchOrderReceipt.id).where(
            DispatchOrderReceipt.order_id == info.order_id, DispatchOrderReceipt.user_id == actor.user_id
        )
        sent = select(DispatchOrder.id).where(
            DispatchOrder.id == info.order_id, DispatchOrder.sender_id == actor.user_id
        )
        return session.execute(mine.union(sent)).first() is not None
    if has(session, actor, DISPATCH_INCIDENT_MANAGE):
        return True
    incident = select(DispatchTimelineEntry.incident_id).where(
        DispatchTimelineEntry.id == info.timeline_entry_id
    )
    member = select(DispatchIncidentMember.id).where(
        DispatchIncidentMember.incident_id == incident.scalar_subquery(),
        DispatchIncidentMember.user_id == actor.user_id,
    )
    return session.execute(member).first() is not None


def fetch(session: Session, actor: Actor, attachment_id: int, target: Path) -> AttachmentInfo:
    """Copy an attachment the actor may see (a recipient of its order, a participant of its incident, or a
    monitor) into ``target``: for showing, playing or saving it."""
    from app.core.errors import PermissionDenied
    from app.services import audit

    info = get(session, attachment_id)
    if not _may_read(session, actor, info):
        audit.record_denied(
            session, actor, "permission", entity="dispatch_attachment", detail=str(attachment_id)
        )
        raise PermissionDenied(action="查看该附件", permission="dispatch.receive")
    write_to(session, attachment_id, target)
    return info
