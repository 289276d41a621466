"""The service catalogue: its declaration for the admin screen, the standard items, and what intake reads.

Materials are one per line; a line ending in （如适用） is conditional (ticked when brought, never counted as
missing). Form fields are one per line; a trailing ``*`` makes the field required at intake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.models.org import Unit
from app.models.service_catalogue import (
    CATEGORY_CERTIFICATE,
    CATEGORY_NAMES,
    CERTIFICATE_NAMES,
    MAX_LIMIT_DAYS,
    FormFieldDef,
    ServiceCatalogueItem,
    parse_form_fields,
    split_lines,
)
from app.models.service_permissions import SERVICE_CATALOGUE, SERVICE_INTAKE, SERVICE_LOOKUP
from app.services.context import Actor
from app.services.entity_service import prefix_match
from app.services.entity_spec import BOOL, CHOICE, INT, MULTILINE, EntitySpec, Field, Filter, register
from app.services.permissions import require

CONDITIONAL_MARKS = ("（如适用）", "(如适用)")
CATEGORY_CHOICES = tuple(CATEGORY_NAMES.items())
CERTIFICATE_CHOICES = (("", "（不出具证明）"), *CERTIFICATE_NAMES.items())


def department_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Unit.id, Unit.name).where(Unit.kind == "department").order_by(Unit.sort_order, Unit.id)
    )
    return [(i, n) for i, n in rows]


def is_conditional(material: str) -> bool:
    return material.endswith(CONDITIONAL_MARKS)


def _limit_ok(value: Any) -> str | None:
    if value is None:
        return None
    if not 0 <= int(value) <= MAX_LIMIT_DAYS:
        return f"办理时限应在 0 至 {MAX_LIMIT_DAYS} 个工作日之间"
    return None


def _code_ok(value: Any) -> str | None:
    if value and not str(value).replace("-", "").isalnum():
        return "事项编码只能由字母、数字和短横线组成"
    return None


def _prepare(session: Session, values: dict[str, Any]) -> None:
    values["code"] = (values.get("code") or "").upper()
    values["materials"] = "\n".join(split_lines(values.get("materials")))
    values["form_fields"] = "\n".join(split_lines(values.get("form_fields")))
    values["certificate_kind"] = values.get("certificate_kind") or ""


def _check(session: Session, values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values.get("certificate_kind") and values.get("category") != CATEGORY_CERTIFICATE:
        errors["certificate_kind"] = "只有“证明证照”类事项才能出具证明"
    if values.get("certificate_kind") and not values.get("needs_approval"):
        errors["needs_approval"] = "出具证明的事项必须经审批后才能打印证明，请勾选“需审批”"
    return errors


def _search(stmt: Select[Any], text: str) -> Select[Any]:
    q = text.strip()
    return stmt.where(
        or_(prefix_match(ServiceCatalogueItem.name, q), prefix_match(ServiceCatalogueItem.code, q.upper()))
    )


def _filter_category(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceCatalogueItem.category == value)


def _filter_active(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(ServiceCatalogueItem.active.is_(True))


CATALOGUE_SPEC = register(
    EntitySpec(
        key="service_catalogue",
        title="事项目录",
        model=ServiceCatalogueItem,
        fields=(
            Field("code", "编码", required=True, max_length=16, sortable=True, width=80, validator=_code_ok),
            Field("name", "事项名称", required=True, max_length=64, width=160),
            Field("category", "类别", CHOICE, required=True, choices=CATEGORY_CHOICES, width=80),
            Field("unit_id", "责任部门", CHOICE, required=True, choices=department_choices, width=130),
            Field(
                "limit_days", "时限（工作日）", INT, required=True, width=100, validator=_limit_ok, default=3
            ),
            Field(
                "materials",
                "所需材料",
                MULTILINE,
                width=260,
                placeholder="每行一项；只在特定情形才需要的材料在末尾写“（如适用）”",
            ),
            Field(
                "form_fields",
                "登记项目",
                MULTILINE,
                in_list=False,
                placeholder="每行一项，必填项末尾加 *，例如：案发地点*",
            ),
            Field("certificate_kind", "出具证明", CHOICE, choices=CERTIFICATE_CHOICES, width=110, default=""),
            Field("needs_approval", "需审批", BOOL, width=60, default=False),
            Field("active", "启用", BOOL, width=50, default=True),
            Field("sort_order", "排序", INT, in_list=False, default=0),
            Field("note", "说明", MULTILINE, in_list=False),
        ),
        permissions={
            "view": SERVICE_LOOKUP,
            "create": SERVICE_CATALOGUE,
            "edit": SERVICE_CATALOGUE,
            "delete": SERVICE_CATALOGUE,
            "export": SERVICE_CATALOGUE,
            "import": SERVICE_CATALOGUE,
            "print": SERVICE_LOOKUP,
        },
        default_sort=("code", False),
        search=_search,
        search_hint="事项名称或编码",
        filters=(
            Filter("category", "类别", "choice", _filter_category, CATEGORY_CHOICES),
            Filter("active", "仅显示启用", "bool", _filter_active),
        ),
        prepare=_prepare,
        unique_fields=("code", "name"),
        natural_key="code",
        check=_check,
    )
)


# --- what intake reads --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueEntry:
    id: int
    code: str
    name: str
    category: str
    unit_id: int
    unit_name: str
    limit_days: int
    materials: tuple[str, ...]
    form_fields: tuple[FormFieldDef, ...]
    certificate_kind: str
    needs_approval: bool
    active: bool
    version: int

    @property
    def required_materials(self) -> tuple[str, ...]:
        return tuple(m for m in self.materials if not is_conditional(m))


def _entry(item: ServiceCatalogueItem, unit_name: str) -> CatalogueEntry:
    return CatalogueEntry(
        item.id,
        item.code,
        item.name,
        item.category,
        item.unit_id,
        unit_name,
        item.limit_days,
        tuple(split_lines(item.materials)),
        tuple(parse_form_fields(item.form_fields)),
        item.certificate_kind or "",
        bool(item.needs_approval),
        bool(item.active),
        item.version,
    )


def entries(session: Session, actor: Actor, *, active_only: bool = True) -> list[CatalogueEntry]:
    """The catalogue for the intake screen, by category and sort order."""
    require(session, actor, SERVICE_LOOKUP if not active_only else SERVICE_INTAKE)
    stmt = select(ServiceCatalogueItem, Unit.name).join(Unit, Unit.id == ServiceCatalogueItem.unit_id)
    if active_only:
        stmt = stmt.where(ServiceCatalogueItem.active.is_(True))
    order = list(CATEGORY_NAMES)
    rows = [_entry(item, unit) for item, unit in session.execute(stmt)]
    return sorted(rows, key=lambda e: (order.index(e.category) if e.category in order else 99, e.code))


def entry(session: Session, catalogue_id: int) -> CatalogueEntry:
    row = session.execute(
        select(ServiceCatalogueItem, Unit.name)
        .join(Unit, Unit.id == ServiceCatalogueItem.unit_id)
        .where(ServiceCatalogueItem.id == catalogue_id)
    ).first()
    if row is None:
        raise NotFound(entity="事项")
    return _entry(row[0], row[1])
