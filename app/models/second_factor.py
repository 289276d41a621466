"""The second factor: one TOTP authenticator per user, recovery codes, and the roles that must use it.

Kept apart from ``accounts.py`` so the password tables stay as they were. The TOTP secret is stored sealed
(see ``app/services/second_factor_seal.py``); recovery codes are stored only as salted hashes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, utcnow


class UserSecondFactor(Base):
    """A user's authenticator. ``confirmed_at`` is empty while the user has scanned but not yet confirmed."""

    __tablename__ = "user_second_factor"

    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    secret_sealed: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_step: Mapped[int | None] = mapped_column(BigInteger)
    """The 30-second step of the last accepted code: that code (and older ones) are refused from then on."""


class RecoveryCode(IdMixin, Base):
    """One single-use recovery code, stored as ``sha256$salt$hex`` (60 random bits: a fast hash is enough)."""

    __tablename__ = "second_factor_recovery_code"
    __table_args__ = (Index("ix_second_factor_recovery_code_user", "user_id"),)

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(128))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RoleSecondFactor(Base):
    """A role whose members must log in with a second factor (set by an administrator)."""

    __tablename__ = "role_second_factor"

    role_id: Mapped[int] = mapped_column(BigId, ForeignKey("role.id", ondelete="CASCADE"), primary_key=True)
    required_since: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    set_by: Mapped[str] = mapped_column(String(64), default="")
