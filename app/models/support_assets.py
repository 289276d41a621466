"""Equipment and kit (装备) with issue and return, and vehicles (车辆) with bookings.

The database itself keeps an item from being out twice (a partial unique index over the loans that are
out) and a storekeeper from approving their own issue or return (CHECK constraints).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin
from app.models.support_base import ApprovalMixin, OwnedMixin, not_self

ITEM_IN_STOCK = "in_stock"
ITEM_ISSUED = "issued"
ITEM_REPAIR = "repair"
ITEM_SCRAPPED = "scrapped"

LOAN_ISSUED = "issued"
LOAN_RETURN_PENDING = "return_pending"
LOAN_RETURNED = "returned"
LOANS_OUT = (LOAN_ISSUED, LOAN_RETURN_PENDING)


class SupportEquipment(IdMixin, VersionedMixin, Base):
    __tablename__ = "support_equipment"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(16), index=True)
    model_no: Mapped[str] = mapped_column(String(64), default="")
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=ITEM_IN_STOCK, index=True)
    holder_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"), index=True)
    purchased_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class SupportEquipmentLoan(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    """One issue of an item to an officer (申领), and its return (归还), each approved by another person."""

    __tablename__ = "support_equipment_loan"
    __table_args__ = (
        not_self(),
        not_self("return_approver_id", name="return_not_self"),
        Index(
            "uq_support_equipment_loan_out",
            "equipment_id",
            unique=True,
            sqlite_where=text("status IN ('issued', 'return_pending')"),
            postgresql_where=text("status IN ('issued', 'return_pending')"),
        ),
    )

    equipment_id: Mapped[int] = mapped_column(BigId, ForeignKey("support_equipment.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(200), default="")
    requested_on: Mapped[date] = mapped_column(Date)
    expected_return: Mapped[date | None] = mapped_column(Date)
    return_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_approver_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_note: Mapped[str] = mapped_column(String(200), default="")


VEHICLE_AVAILABLE = "available"


class SupportVehicle(IdMixin, VersionedMixin, Base):
    __tablename__ = "support_vehicle"

    plate: Mapped[str] = mapped_column(String(16), unique=True)
    model_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    seats: Mapped[int] = mapped_column(BigInteger, default=5)
    unit_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=VEHICLE_AVAILABLE)
    notes: Mapped[str] = mapped_column(Text, default="")


class SupportVehicleBooking(IdMixin, VersionedMixin, OwnedMixin, ApprovalMixin, Base):
    __tablename__ = "support_vehicle_booking"
    __table_args__ = (
        not_self(),
        CheckConstraint("end_at > start_at", name="times"),
        Index("ix_support_vehicle_booking_vehicle_start", "vehicle_id", "start_at"),
    )

    vehicle_id: Mapped[int] = mapped_column(BigId, ForeignKey("support_vehicle.id"))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    purpose: Mapped[str] = mapped_column(String(200))
    destination: Mapped[str] = mapped_column(String(100), default="")
    passengers: Mapped[int] = mapped_column(BigInteger, default=1)
