"""Equipment and kit (装备管理): the stock register, issue on request (申领) and return (归还), each approved by
someone other than the officer. An item is out to one officer at a time (checked here and by a partial
unique index over the loans that are out)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.base import utcnow
from app.models.support_assets import (
    ITEM_IN_STOCK,
    ITEM_ISSUED,
    ITEM_REPAIR,
    ITEM_SCRAPPED,
    LOAN_ISSUED,
    LOAN_RETURN_PENDING,
    LOAN_RETURNED,
    LOANS_OUT,
    SupportEquipment,
    SupportEquipmentLoan,
)
from app.models.support_base import PENDING, REJECTED, WITHDRAWN
from app.models.support_permissions import EQUIPMENT
from app.services import audit
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATE, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_access import ALL, require_scope
from app.services.support_approval import Flow, Stage, acting_for, flow, load, register_flow, sign
from app.services.support_common import (
    approver_fields,
    choices,
    common_filters,
    eq,
    local_today,
    name_of,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    status_field,
    unit_choices,
    unit_field,
    user_choices,
)

CATEGORIES = {
    "weapon": "警械",
    "firearm": "枪支弹药",
    "radio": "通讯设备",
    "camera": "执法记录仪",
    "protective": "防护装备",
    "it": "信息化设备",
    "other": "其他",
}
ITEM_STATUS = {ITEM_IN_STOCK: "在库", ITEM_ISSUED: "已发放", ITEM_REPAIR: "维修中", ITEM_SCRAPPED: "已报废"}
LOAN_STATUS = {
    PENDING: "待审批",
    LOAN_ISSUED: "已发放",
    REJECTED: "未批准",
    WITHDRAWN: "已撤回",
    LOAN_RETURN_PENDING: "待确认归还",
    LOAN_RETURNED: "已归还",
}


def equipment_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(SupportEquipment.id, SupportEquipment.code, SupportEquipment.name).order_by(
            SupportEquipment.code
        )
    )
    return [(r.id, f"{r.code} {r.name}") for r in rows]


def _item_check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    """The status of an item changes by hand only between 在库, 维修中 and 已报废, never while it is out."""
    found = require_scope(session, actor, EQUIPMENT)
    unit = values.get("unit_id", stored.get("unit_id") if stored else None)
    if found.level != ALL and (unit is None or unit != found.unit_id):
        raise DomainError("support_invalid", detail="您只能登记和修改本单位的装备。")
    if stored is None:
        if values.get("status") in (None, ITEM_ISSUED):
            values["status"] = ITEM_IN_STOCK
        values["holder_id"] = None
        return
    out = stored.get("status") == ITEM_ISSUED
    if action == "delete":
        if out:
            raise DomainError("support_locked", entity="装备", state=ITEM_STATUS[ITEM_ISSUED])
        return
    if out and values.get("status") != ITEM_ISSUED:
        raise DomainError("support_invalid", detail="装备已发放在外，须先办理归还，再修改状态。")
    if not out and values.get("status") == ITEM_ISSUED:
        raise DomainError("support_invalid", detail="“已发放”只能通过申领审批产生，不能手工设置。")
    values["holder_id"] = stored.get("holder_id")


EQUIPMENT_SPEC = register(
    EntitySpec(
        key="support_equipment",
        title="装备台账",
        model=SupportEquipment,
        fields=(
            Field("code", "装备编号", required=True, max_length=32, sortable=True, width=110, editable=False),
            Field("name", "名称", required=True, max_length=64, width=120),
            Field("category", "类别", CHOICE, required=True, choices=choices(CATEGORIES), width=90),
            Field("model_no", "规格型号", max_length=64, width=110),
            Field("unit_id", "所属单位", CHOICE, required=True, choices=unit_choices, width=110),
            Field("status", "状态", CHOICE, choices=choices(ITEM_STATUS), default=ITEM_IN_STOCK, width=70),
            Field("holder_id", "领用人", CHOICE, choices=user_choices, in_form=False, width=80),
            Field("purchased_on", "购置日期", DATE, width=100),
            Field("notes", "备注", MULTILINE, width=160, in_list=False),
        ),
        permissions=permissions_for(EQUIPMENT, delete=True, import_=False),
        label_field="name",
        default_sort=("code", False),
        search=lambda stmt, t: stmt.where(
            SupportEquipment.code.contains(t.strip()) | SupportEquipment.name.contains(t.strip())
        ),
        search_hint="编号或名称",
        filters=(
            Filter("status", "状态", "choice", eq(SupportEquipment.status), choices(ITEM_STATUS)),
            Filter("category", "类别", "choice", eq(SupportEquipment.category), choices(CATEGORIES)),
            Filter("unit", "单位", "choice", eq(SupportEquipment.unit_id), unit_choices),
        ),
        unique_fields=("code",),
        base_query=scoped_base(SupportEquipment, EQUIPMENT, owner="holder_id"),
        before_write=_item_check,
    )
)


def out_to(session: Session, equipment_id: int, *, exclude: int | None = None) -> SupportEquipmentLoan | None:
    stmt = select(SupportEquipmentLoan).where(
        SupportEquipmentLoan.equipment_id == equipment_id, SupportEquipmentLoan.status.in_(LOANS_OUT)
    )
    if exclude is not None:
        stmt = stmt.where(SupportEquipmentLoan.id != exclude)
    return session.execute(stmt.limit(1)).scalar_one_or_none()


def _require_available(
    session: Session, equipment_id: int, *, exclude: int | None = None
) -> SupportEquipment:
    item = session.get(SupportEquipment, equipment_id)
    if item is None:
        raise DomainError("not_found", entity="装备")
    loan = out_to(session, equipment_id, exclude=exclude)
    if loan is not None or item.status == ITEM_ISSUED:
        holder = name_of(session, loan.user_id if loan else item.holder_id)
        raise DomainError("support_equipment_out", name=item.name, code=item.code, holder=holder or "他人")
    if item.status != ITEM_IN_STOCK:
        raise DomainError(
            "support_equipment_unavailable",
            name=item.name,
            code=item.code,
            state=ITEM_STATUS.get(item.status, item.status),
        )
    return item


def _loan_check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    if action == "delete" or values.get("equipment_id") is None:
        return
    _require_available(session, values["equipment_id"])
    if values.get("requested_on") is None:
        values["requested_on"] = local_today()


LOAN_SPEC = register(
    EntitySpec(
        key="support_equipment_loan",
        title="装备领用",
        model=SupportEquipmentLoan,
        fields=(
            person_field("领用人"),
            unit_field(),
            Field("equipment_id", "装备", CHOICE, required=True, choices=equipment_choices, width=160),
            Field("purpose", "用途", required=True, max_length=200, width=160),
            Field("requested_on", "申领日期", DATE, width=100, placeholder="默认今天"),
            Field("expected_return", "预计归还", DATE, width=100),
            status_field(LOAN_STATUS),
            *approver_fields(),
        ),
        permissions=permissions_for(EQUIPMENT),
        label_field="purpose",
        default_sort=("id", True),
        search=search_person(SupportEquipmentLoan),
        search_hint="领用人姓名",
        filters=common_filters(SupportEquipmentLoan, LOAN_STATUS),
        base_query=scoped_base(SupportEquipmentLoan, EQUIPMENT),
        before_write=owned_writer(EQUIPMENT, "装备领用", state_names=LOAN_STATUS, check=_loan_check),
    )
)


# --- issue and return -----------------------------------------------------------------------------------

ISSUE = Stage(PENDING, "审批装备领用")
RETURN = Stage(LOAN_RETURN_PENDING, "确认装备归还")


def _decide(
    session: Session,
    actor: Actor,
    obj: Any,
    stage: Stage,
    approve: bool,
    opinion: str,
    now: datetime,
    extra: Mapping[str, Any],
) -> str:
    item = session.get(SupportEquipment, obj.equipment_id)
    assert item is not None
    if stage.status == PENDING:
        if approve:
            _require_available(session, obj.equipment_id, exclude=obj.id)
            item.status, item.holder_id = ITEM_ISSUED, obj.user_id
            item.updated_by = actor.username
        sign(obj, actor, approve, opinion, now, approved_status=LOAN_ISSUED)
        return str(obj.status)
    obj.return_approver_id = actor.user_id
    obj.return_note = (opinion or "").strip()[:200]
    obj.updated_by = actor.username
    if approve:
        obj.status, obj.returned_at = LOAN_RETURNED, now
        item.status, item.holder_id = ITEM_IN_STOCK, None
        item.updated_by = actor.username
    else:
        obj.status = LOAN_ISSUED  # not received: still out
    return str(obj.status)


def _summary(session: Session, obj: Any) -> str:
    item = session.get(SupportEquipment, obj.equipment_id)
    what = f"{item.code} {item.name}" if item else "装备"
    return f"{'归还' if obj.status == LOAN_RETURN_PENDING else '领用'} {what}：{obj.purpose[:20]}"


def _details(session: Session, obj: Any) -> list[tuple[str, str]]:
    item = session.get(SupportEquipment, obj.equipment_id)
    lines = [
        ("领用人", name_of(session, obj.user_id)),
        (
            "装备",
            f"{item.code} {item.name}（{CATEGORIES.get(item.category, item.category)}）" if item else "",
        ),
        ("装备状态", ITEM_STATUS.get(item.status, item.status) if item else ""),
        ("用途", obj.purpose),
        ("申领日期", obj.requested_on.isoformat()),
        ("预计归还", obj.expected_return.isoformat() if obj.expected_return else "—"),
    ]
    if obj.approver_id is not None:
        lines.append(("发放审批", f"{name_of(session, obj.approver_id)}：{obj.opinion or '同意'}"))
    return lines


register_flow(
    Flow(
        key="equipment",
        function=EQUIPMENT,
        model=SupportEquipmentLoan,
        title="装备领用与归还",
        stages=(ISSUE, RETURN),
        decide=_decide,
        summary=_summary,
        details=_details,
        status_names=LOAN_STATUS,
    )
)


def request_return(
    session: Session, actor: Actor, ident: int, version: int, *, now: datetime | None = None
) -> frozenset[str]:
    """The holder (or someone in scope with 新增) hands the item back; a storekeeper confirms (审批)."""
    obj = load(session, SupportEquipmentLoan, ident, version, "装备领用")
    acting_for(session, actor, flow("equipment"), obj)
    if obj.status != LOAN_ISSUED:
        raise DomainError("invalid_state", state=LOAN_STATUS.get(obj.status, obj.status), action="申请归还")
    obj.status, obj.return_requested_at = LOAN_RETURN_PENDING, now or utcnow()
    obj.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "return_request",
        entity="support_equipment_loan",
        entity_id=ident,
        old={"status": LOAN_ISSUED},
        new={"status": LOAN_RETURN_PENDING},
    )
    return frozenset({"support_equipment_loan"})
