"""Expense claims (经费报销): category, amount, date, invoices and what it was for, all required; approved by
another person. Statistics sum approved claims by category."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_claims import SupportExpense
from app.models.support_permissions import EXPENSE
from app.services.entity_spec import (
    CHOICE,
    DATE,
    DECIMAL,
    INT,
    MULTILINE,
    EntitySpec,
    Field,
    Filter,
    register,
)
from app.services.support_approval import Flow, Stage, register_flow, sign_only
from app.services.support_common import (
    approver_fields,
    choices,
    common_filters,
    date_between,
    eq,
    name_of,
    own_base,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    status_field,
    unit_field,
)

CATEGORIES = {
    "travel": "差旅费",
    "case": "办案费",
    "training": "培训费",
    "vehicle": "车辆运行费",
    "office": "办公用品",
    "meeting": "会议费",
    "other": "其他",
}
STATUS_NAMES = {PENDING: "待审批", APPROVED: "已批准", REJECTED: "未批准", WITHDRAWN: "已撤回"}
MAX_AMOUNT = Decimal("1000000")


def _rules(session: Session, values: dict[str, Any]) -> dict[str, str]:
    """Field rules beyond "required", reported beside the fields together with the missing ones."""
    errors: dict[str, str] = {}
    amount = values.get("amount")
    if amount is not None and not Decimal(0) < amount < MAX_AMOUNT:
        errors["amount"] = "报销金额应大于 0 且小于 100 万元"
    elif amount is not None and amount != amount.quantize(Decimal("0.01")):
        errors["amount"] = "报销金额最多保留两位小数（分）"
    invoices = values.get("invoices")
    if invoices is not None and invoices < 1:
        errors["invoices"] = "至少需要 1 张票据"
    return errors


def _fields(with_person: bool = True) -> tuple[Field, ...]:
    person = (person_field("报销人"), unit_field()) if with_person else ()
    return (
        *person,
        Field("category", "费用类别", CHOICE, required=True, choices=choices(CATEGORIES), width=90),
        Field("amount", "金额（元）", DECIMAL, required=True, width=90, example="356.50"),
        Field("spent_on", "发生日期", DATE, required=True, sortable=True, width=100),
        Field("invoices", "票据张数", INT, required=True, default=1, width=70),
        Field("description", "事由及明细", MULTILINE, required=True, width=240),
        status_field(STATUS_NAMES),
        *approver_fields(),
    )


_WRITER = owned_writer(EXPENSE, "经费报销", state_names=STATUS_NAMES)
_FILTERS = (
    *common_filters(SupportExpense, STATUS_NAMES),
    Filter("category", "类别", "choice", eq(SupportExpense.category), choices(CATEGORIES)),
    Filter("spent_on", "发生日期", "date_range", date_between(SupportExpense.spent_on)),
)

EXPENSE_SPEC = register(
    EntitySpec(
        key="support_expense",
        title="经费报销",
        model=SupportExpense,
        fields=_fields(),
        permissions=permissions_for(EXPENSE),
        label_field="description",
        default_sort=("id", True),
        search=search_person(SupportExpense),
        search_hint="报销人姓名",
        filters=_FILTERS,
        base_query=scoped_base(SupportExpense, EXPENSE),
        check=_rules,
        before_write=_WRITER,
    )
)

MY_EXPENSE_SPEC = register(
    EntitySpec(
        key="support_my_expense",
        title="我的报销",
        model=SupportExpense,
        fields=_fields(False),
        permissions=permissions_for(EXPENSE),
        label_field="description",
        default_sort=("id", True),
        filters=_FILTERS[:1],
        base_query=own_base(SupportExpense, EXPENSE),
        check=_rules,
        before_write=_WRITER,
    )
)


def _summary(session: Session, obj: Any) -> str:
    return f"{CATEGORIES.get(obj.category, obj.category)} {obj.amount} 元：{obj.description[:20]}"


def _details(session: Session, obj: Any) -> list[tuple[str, str]]:
    return [
        ("报销人", name_of(session, obj.user_id)),
        ("费用类别", CATEGORIES.get(obj.category, obj.category)),
        ("金额", f"{obj.amount} 元"),
        ("发生日期", obj.spent_on.isoformat()),
        ("票据张数", str(obj.invoices)),
        ("事由及明细", obj.description),
    ]


register_flow(
    Flow(
        key="expense",
        function=EXPENSE,
        model=SupportExpense,
        title="经费报销",
        stages=(Stage(PENDING, "审批经费报销"),),
        decide=sign_only,
        summary=_summary,
        details=_details,
        status_names=STATUS_NAMES,
    )
)
