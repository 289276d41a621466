"""The service catalogue (事项目录): what a citizen can bring to the bureau, and how each item is handled.

Materials and form fields are kept one per line, so an administrator edits them in an ordinary text box.
A form field line is its label, ending in ``*`` when it must be filled (``用途`` / ``事发地点*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BigId, IdMixin, VersionedMixin
from app.models.permissions import QT_TRANSLATE_NOOP

CATEGORY_CERTIFICATE = "certificate"
CATEGORY_REPORT = "report"
CATEGORY_HELP = "help"
CATEGORY_CONSULT = "consult"
CATEGORY_COMPLAINT = "complaint"
CATEGORY_NAMES = {
    CATEGORY_CERTIFICATE: QT_TRANSLATE_NOOP("service", "证明证照"),
    CATEGORY_REPORT: QT_TRANSLATE_NOOP("service", "报案"),
    CATEGORY_HELP: QT_TRANSLATE_NOOP("service", "求助"),
    CATEGORY_CONSULT: QT_TRANSLATE_NOOP("service", "法律咨询"),
    CATEGORY_COMPLAINT: QT_TRANSLATE_NOOP("service", "投诉举报"),
}

# Certificates the platform can print (printing.certificate renders each).
CERT_NO_CRIMINAL_RECORD = "no_criminal_record"
CERT_HOUSEHOLD = "household"
CERTIFICATE_NAMES = {
    CERT_NO_CRIMINAL_RECORD: QT_TRANSLATE_NOOP("service", "无犯罪记录证明"),
    CERT_HOUSEHOLD: QT_TRANSLATE_NOOP("service", "户籍证明"),
}

MAX_LIMIT_DAYS = 90


class ServiceCatalogueItem(IdMixin, VersionedMixin, Base):
    __tablename__ = "service_catalogue"
    __table_args__ = (Index("ix_service_catalogue_category_sort", "category", "sort_order"),)

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    category: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(BigId, ForeignKey("unit.id"), index=True)
    limit_days: Mapped[int] = mapped_column(SmallInteger, default=3)  # legal time limit in working days
    materials: Mapped[str] = mapped_column(Text, default="")  # one per line
    form_fields: Mapped[str] = mapped_column(Text, default="")  # one per line, "*" = required
    certificate_kind: Mapped[str] = mapped_column(String(24), default="")
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


@dataclass(frozen=True)
class FormFieldDef:
    label: str
    required: bool


def split_lines(text: str | None) -> list[str]:
    """Non-empty, stripped lines, in order, without repeats."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        item = line.strip().lstrip("-•·").strip()
        if item and item not in seen:
            seen.append(item)
    return seen


def parse_form_fields(text: str | None) -> list[FormFieldDef]:
    out = []
    for line in split_lines(text):
        required = line.endswith("*") or line.endswith("＊")
        label = line.rstrip("*＊").strip()
        if label:
            out.append(FormFieldDef(label, required))
    return out
