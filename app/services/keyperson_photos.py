"""Photos of key persons, kept in the shared database (every workstation reaches them; see the model).

JPEG or PNG only, recognised by their first bytes, at most ``PHOTO_MAX_BYTES``; audited without the image.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.keyperson_permissions import KP_EDIT, KP_VIEW
from app.models.keyperson_person import PHOTO_MAX_BYTES, KpPersonPhoto
from app.services import audit
from app.services.context import Actor
from app.services.keyperson_common import load_person
from app.services.permissions import require


def image_type(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def set_photo(session: Session, actor: Actor, person_id: int, data: bytes) -> int:
    require(session, actor, KP_EDIT)
    if len(data) > PHOTO_MAX_BYTES:
        raise DomainError("kp_photo_too_large", size=len(data) // 1024, max=PHOTO_MAX_BYTES // 1024)
    mime = image_type(data)
    if mime is None:
        raise DomainError("kp_photo_bad")
    person = load_person(session, person_id)
    row = session.get(KpPersonPhoto, person_id)
    if row is None:
        session.add(
            KpPersonPhoto(
                person_id=person_id, mime=mime, size=len(data), data=data, updated_by=actor.username
            )
        )
    else:
        row.mime, row.size, row.data, row.updated_at, row.updated_by = (
            mime,
            len(data),
            data,
            utcnow(),
            actor.username,
        )
    audit.record(
        session,
        actor,
        "kp_photo",
        entity="key_person",
        entity_id=person_id,
        new={"bytes": len(data), "mime": mime},
        detail=person.name,
    )
    session.flush()
    return len(data)


def get_photo(session: Session, actor: Actor, person_id: int) -> bytes | None:
    require(session, actor, KP_VIEW)
    return session.execute(select(KpPersonPhoto.data).where(KpPersonPhoto.person_id == person_id)).scalar()


def remove_photo(session: Session, actor: Actor, person_id: int) -> bool:
    require(session, actor, KP_EDIT)
    result = session.execute(delete(KpPersonPhoto).where(KpPersonPhoto.person_id == person_id))
    gone = bool(result.rowcount)  # type: ignore[attr-defined]
    if gone:
        mark_changed(session, "kp_person_photo")
        audit.record(session, actor, "kp_photo_remove", entity="key_person", entity_id=person_id)
    return gone
