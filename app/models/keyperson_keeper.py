"""一人四管: the named keepers of a key person, each in a configurable role, with a phone for warnings."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, VersionedMixin


class KpKeeper(IdMixin, VersionedMixin, Base):
    """One keeper of one person. A role is held once per person; a keeper who is a user gets inbox warnings."""

    __tablename__ = "kp_keeper"
    __table_args__ = (
        UniqueConstraint("person_id", "role_code", name="uq_kp_keeper_person_role"),
        Index("ix_kp_keeper_user_id", "user_id"),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id", ondelete="CASCADE"))
    role_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="SET NULL"))
    relation: Mapped[str] = mapped_column(String(64), default="")
    organisation: Mapped[str] = mapped_column(String(64), default="")
