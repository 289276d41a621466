"""The citizen register: everyone who comes to a window, reports something or is supervised."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, VersionedMixin

GENDERS = ("男", "女")


class Citizen(IdMixin, VersionedMixin, Base):
    __tablename__ = "citizen"
    __table_args__ = (
        Index("ix_citizen_name_id", "name", "id"),
        Index("ix_citizen_name_pinyin_id", "name_pinyin", "id"),
        Index("ix_citizen_name_initials_id", "name_initials", "id"),
        Index("ix_citizen_birth_date_id", "birth_date", "id"),
        Index("ix_citizen_phone", "phone"),
        Index("ix_citizen_town_code_id", "town_code", "id"),
        Index("ix_citizen_updated_at_id", "updated_at", "id"),
    )

    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    name_pinyin: Mapped[str] = mapped_column(String(128), default="")
    name_initials: Mapped[str] = mapped_column(String(32), default="")
    gender: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    town_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"))
    village_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("division.code"))
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(default=False)
