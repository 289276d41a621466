"""The county's administrative divisions and the bureau's units (departments and police stations)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin

UNIT_KINDS = ("department", "station", "office")


class Division(Base):
    """A county, town or village with its 12-digit statistical code."""

    __tablename__ = "division"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(12))  # county / town / village
    parent_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"), index=True)


class Unit(IdMixin, VersionedMixin, Base):
    """A department (大队), police station (派出所) or office of the bureau."""

    __tablename__ = "unit"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    town_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"))
    phone: Mapped[str | None] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_demo: Mapped[bool] = mapped_column(default=False)
