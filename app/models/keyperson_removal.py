"""Removal from supervision (撤管): requested by one officer, decided by a different, authorised supervisor.

The four-eyes rule is held three times: by the service, by the CHECK constraint below (the decider is never
the requester), and by a trigger written in the migration (the decider must hold the approval permission,
and a decided request can never be decided again), so a client that bypasses the service is refused too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, UTCDateTime, VersionedMixin
from app.models.keyperson_permissions import REMOVAL_PENDING

EVIDENCE_ITEMS = (
    "矫正期满或刑满释放满规定年限的证明材料",
    "近期走访记录（不少于3次）",
    "村（社区）出具的现实表现证明",
    "家属或监护人意见",
    "无新的违法犯罪记录查询结果",
    "医疗机构出具的病情稳定证明（严重精神障碍患者适用）",
)


class KpRemovalRequest(IdMixin, VersionedMixin, Base):
    __tablename__ = "kp_removal_request"
    __table_args__ = (
        CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name="four_eyes"),
        CheckConstraint(
            "status IN ('pending', 'withdrawn') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)",
            name="decision_signed",
        ),
        Index("ix_kp_removal_request_person_id_id", "person_id", "id"),
        Index("ix_kp_removal_request_status_id", "status", "id"),
        Index(
            "uq_kp_removal_request_one_pending",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("key_person.id"))
    requested_by: Mapped[int] = mapped_column(BigId, ForeignKey("app_user.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reasons: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default=REMOVAL_PENDING)
    decided_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opinion: Mapped[str] = mapped_column(Text, default="")
