"""The key-person register: categories, persons, their photos and the full history of every change.

Identity: a key person keeps identity fields of their own (ID number, name, gender, birth date) and may link
to the citizen register (``citizen_id``). Registers arrive from other systems and old spreadsheets, many
persons never came to a service window, and the supervision record must stand on its own (a lookup by ID
number hits this table's own unique index, whatever happens to the citizen register); the link is made
automatically when a citizen with the same ID number exists.

Photos live in the database (``kp_person_photo``, a BLOB of at most :data:`PHOTO_MAX_BYTES`), the one
place every workstation reaches without a shared folder; they sit in their own table so the list scans of
``key_person`` stay narrow.

History: every change of a tracked column, made by any service or by the generic form, is written to the
append-only ``kp_person_change`` by mapper events in the same flush (who: ``updated_by``; why: the
``change_reason`` a service sets before flushing).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
    event,
    insert,
)
from sqlalchemy.orm import Mapped, attributes, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.models.keyperson_permissions import LEVEL_NONE, STATUS_ACTIVE

PHOTO_MAX_BYTES = 512 * 1024


class KpCategory(IdMixin, VersionedMixin, Base):
    """A category of key person (刑满释放人员, 社区矫正对象, ...); administrators add their own."""

    __tablename__ = "kp_category"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    base_points: Mapped[int] = mapped_column(Integer, default=0)
    uses_mental_grade: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(200), default="")


class KeyPerson(IdMixin, VersionedMixin, Base):
    __tablename__ = "key_person"
    __table_args__ = (
        Index("ix_key_person_name_id", "name", "id"),
        Index("ix_key_person_name_pinyin_id", "name_pinyin", "id"),
        Index("ix_key_person_name_initials_id", "name_initials", "id"),
        Index("ix_key_person_phone", "phone"),
        Index("ix_key_person_town_code_id", "town_code", "id"),
        Index("ix_key_person_category_code_id", "category_code", "id"),
        Index("ix_key_person_level_id", "level", "id"),
        Index("ix_key_person_score_id", "score", "id"),
        Index("ix_key_person_officer_id_id", "officer_id", "id"),
        Index("ix_key_person_station_id_id", "station_id", "id"),
        Index("ix_key_person_status_id", "status", "id"),
        Index("ix_key_person_status_town_level", "status", "town_code", "level"),
        Index("ix_key_person_next_visit_due_id", "next_visit_due", "id"),
        Index("ix_key_person_last_contact_at", "last_contact_at"),
        Index("ix_key_person_rescore_on", "rescore_on"),
        Index("ix_key_person_keepers_missing_id", "keepers_missing", "id"),
        Index("ix_key_person_citizen_id", "citizen_id"),
    )

    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    name_pinyin: Mapped[str] = mapped_column(String(128), default="")
    name_initials: Mapped[str] = mapped_column(String(32), default="")
    gender: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    aliases: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    category_code: Mapped[str] = mapped_column(String(32), ForeignKey("kp_category.code"))
    mental_grade: Mapped[int | None] = mapped_column(SmallInteger)
    household_address: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    town_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"))
    village_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"))
    station_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"))
    officer_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    supervisor_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    citizen_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("citizen.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default=STATUS_ACTIVE)
    registered_on: Mapped[date] = mapped_column(Date)
    # Risk: the computed score and level, the effective level (an override wins) and why.
    score: Mapped[int] = mapped_column(Integer, default=0)
    computed_level: Mapped[str] = mapped_column(String(8), default=LEVEL_NONE)
    level: Mapped[str] = mapped_column(String(8), default=LEVEL_NONE)
    level_override: Mapped[str | None] = mapped_column(String(8))
    override_reason: Mapped[str] = mapped_column(String(200), default="")
    level_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    score_detail: Mapped[list[Any]] = mapped_column(JSON, default=list)
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rescore_on: Mapped[date | None] = mapped_column(Date)
    # Supervision bookkeeping kept current by the services (lists and the sweep read these, not 50M visits).
    keepers_missing: Mapped[int] = mapped_column(SmallInteger, default=0)  # 一人四管: roles without a keeper
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_visit_due: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    # Not a column: why the pending change is made, for the history (set by services before a flush).
    change_reason = ""


class KpPersonPhoto(Base):
    """One photo per person, in the shared database (see the module docstring)."""

    __tablename__ = "kp_person_photo"

    person_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("key_person.id", ondelete="CASCADE"), primary_key=True
    )
    mime: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class KpPersonChange(IdMixin, Base):
    """One changed field of one person: append-only (the database refuses UPDATE and DELETE)."""

    __tablename__ = "kp_person_change"
    __table_args__ = (Index("ix_kp_person_change_person_id_id", "person_id", "id"),)

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(String(200), default="")


# Columns whose changes the history keeps (derived search keys and scoring bookkeeping are left out: the
# level's own history, with reasons, is kp_level_change).
TRACKED = (
    "id_number",
    "name",
    "gender",
    "birth_date",
    "aliases",
    "phone",
    "category_code",
    "mental_grade",
    "household_address",
    "address",
    "town_code",
    "village_code",
    "station_id",
    "officer_id",
    "supervisor_id",
    "citizen_id",
    "status",
    "registered_on",
    "level",
    "level_override",
    "notes",
)
CREATED_FIELD = "__created__"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


@event.listens_for(KeyPerson, "after_insert")
def _history_insert(_mapper: Any, connection: Any, target: KeyPerson) -> None:
    connection.execute(
        insert(cast(Table, KpPersonChange.__table__)).values(
            person_id=target.id,
            at=utcnow(),
            changed_by=(target.updated_by or "")[:64],
            field=CREATED_FIELD,
            old_value="",
            new_value=target.name,
            reason=(target.change_reason or "登记")[:200],
        )
    )


@event.listens_for(KeyPerson, "after_update")
def _history_update(_mapper: Any, connection: Any, target: KeyPerson) -> None:
    rows = []
    now = utcnow()
    for name in TRACKED:
        hist = attributes.get_history(target, name)
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        rows.append(
            {
                "person_id": target.id,
                "at": now,
                "changed_by": (target.updated_by or "")[:64],
                "field": name,
                "old_value": _text(old),
                "new_value": _text(new),
                "reason": (target.change_reason or "")[:200],
            }
        )
    if rows:
        connection.execute(insert(cast(Table, KpPersonChange.__table__)), rows)
    target.change_reason = ""
