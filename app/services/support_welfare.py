"""Hardship aid (困难帮扶) and legal-rights protection for officers (维权援助): requests an officer makes for
themselves and another person decides (the amount granted; the answer to a rights request)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_claims import SupportAid, SupportRights
from app.models.support_permissions import AID, RIGHTS
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATE, DECIMAL, MULTILINE, EntitySpec, Field, Filter, register
from app.services.support_approval import Flow, Stage, register_flow, sign
from app.services.support_common import (
    approver_fields,
    choices,
    common_filters,
    date_between,
    eq,
    local_today,
    name_of,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    status_field,
    unit_field,
)

AID_CATEGORIES = {
    "illness": "重大疾病",
    "family": "家庭变故",
    "disaster": "自然灾害",
    "education": "子女就学",
    "other": "其他困难",
}
AID_STATUS = {PENDING: "待审批", APPROVED: "已批准", REJECTED: "未批准", WITHDRAWN: "已撤回"}
RIGHTS_KINDS = {
    "assault": "执法中遭受侵害",
    "false_accusation": "被诬告陷害",
    "reputation": "名誉受损",
    "threat": "本人或家属受威胁",
    "other": "其他",
}
RIGHTS_STATUS = {PENDING: "待受理", APPROVED: "已受理答复", REJECTED: "不予受理", WITHDRAWN: "已撤回"}


def _aid_rules(session: Session, values: dict[str, Any]) -> dict[str, str]:
    amount = values.get("amount_requested")
    if amount is not None and not Decimal(0) < amount < Decimal(1_000_000):
        return {"amount_requested": "申请金额应大于 0 且小于 100 万元"}
    return {}


def _aid_check(session: Session, actor: Any, action: str, values: dict[str, Any], stored: Any) -> None:
    if action != "delete" and values.get("applied_on") is None:
        values["applied_on"] = local_today()


AID_SPEC = register(
    EntitySpec(
        key="support_aid",
        title="困难帮扶",
        model=SupportAid,
        fields=(
            person_field("申请人"),
            unit_field(),
            Field("category", "困难类别", CHOICE, required=True, choices=choices(AID_CATEGORIES), width=90),
            Field("amount_requested", "申请金额（元）", DECIMAL, required=True, width=100),
            Field("applied_on", "申请日期", DATE, sortable=True, width=100, placeholder="默认今天"),
            Field("reason", "困难情况", MULTILINE, required=True, width=240),
            status_field(AID_STATUS),
            Field("amount_granted", "核定金额（元）", DECIMAL, in_form=False, width=100),
            *approver_fields(),
        ),
        permissions=permissions_for(AID),
        label_field="reason",
        default_sort=("id", True),
        search=search_person(SupportAid),
        search_hint="申请人姓名",
        filters=(
            *common_filters(SupportAid, AID_STATUS),
            Filter("category", "类别", "choice", eq(SupportAid.category), choices(AID_CATEGORIES)),
        ),
        base_query=scoped_base(SupportAid, AID),
        check=_aid_rules,
        before_write=owned_writer(
            AID,
            "帮扶申请",
            workflow=("status", "approver_id", "opinion", "amount_granted"),
            state_names=AID_STATUS,
            check=_aid_check,
        ),
    )
)


def _aid_decide(
    session: Session,
    actor: Actor,
    obj: Any,
    stage: Stage,
    approve: bool,
    opinion: str,
    now: datetime,
    extra: Mapping[str, Any],
) -> str:
    if approve:
        raw = extra.get("amount", obj.amount_requested)
        try:
            amount = Decimal(str(raw))
        except (InvalidOperation, ValueError):
            raise DomainError("support_invalid", detail="核定金额不是有效的数字。") from None
        if not Decimal(0) < amount <= obj.amount_requested:
            raise DomainError(
                "support_invalid", detail=f"核定金额应大于 0 且不超过申请金额 {obj.amount_requested} 元。"
            )
        obj.amount_granted = amount
    sign(obj, actor, approve, opinion, now)
    return str(obj.status)


def _aid_summary(session: Session, obj: Any) -> str:
    return f"{AID_CATEGORIES.get(obj.category, obj.category)} 申请 {obj.amount_requested} 元"


def _aid_details(session: Session, obj: Any) -> list[tuple[str, str]]:
    lines = [
        ("申请人", name_of(session, obj.user_id)),
        ("困难类别", AID_CATEGORIES.get(obj.category, obj.category)),
        ("申请金额", f"{obj.amount_requested} 元"),
        ("申请日期", obj.applied_on.isoformat()),
        ("困难情况", obj.reason),
    ]
    if obj.amount_granted is not None:
        lines.append(("核定金额", f"{obj.amount_granted} 元"))
    return lines


register_flow(
    Flow(
        key="aid",
        function=AID,
        model=SupportAid,
        title="困难帮扶",
        stages=(Stage(PENDING, "审批困难帮扶"),),
        decide=_aid_decide,
        summary=_aid_summary,
        details=_aid_details,
        status_names=AID_STATUS,
    )
)


RIGHTS_SPEC = register(
    EntitySpec(
        key="support_rights",
        title="维权援助",
        model=SupportRights,
        fields=(
            person_field("申请人"),
            unit_field(),
            Field("kind", "侵权类型", CHOICE, required=True, choices=choices(RIGHTS_KINDS), width=120),
            Field("occurred_on", "发生日期", DATE, required=True, sortable=True, width=100),
            Field("description", "经过", MULTILINE, required=True, width=240),
            Field("request", "诉求", MULTILINE, required=True, max_length=500, width=160),
            status_field(RIGHTS_STATUS),
            Field(
                "approver_id", "受理人", CHOICE, choices=approver_fields()[0].choices, in_form=False, width=80
            ),
            Field("opinion", "答复意见", in_form=False, width=200),
        ),
        permissions=permissions_for(RIGHTS),
        label_field="request",
        default_sort=("id", True),
        search=search_person(SupportRights),
        search_hint="申请人姓名",
        filters=(
            *common_filters(SupportRights, RIGHTS_STATUS),
            Filter("occurred_on", "发生日期", "date_range", date_between(SupportRights.occurred_on)),
        ),
        base_query=scoped_base(SupportRights, RIGHTS),
        before_write=owned_writer(RIGHTS, "维权申请", state_names=RIGHTS_STATUS),
    )
)


def _rights_decide(
    session: Session,
    actor: Actor,
    obj: Any,
    stage: Stage,
    approve: bool,
    opinion: str,
    now: datetime,
    extra: Mapping[str, Any],
) -> str:
    if approve and not (opinion or "").strip():
        raise DomainError("support_invalid", detail="受理时请填写答复意见（采取的维权措施）。")
    sign(obj, actor, approve, opinion, now)
    return str(obj.status)


register_flow(
    Flow(
        key="rights",
        function=RIGHTS,
        model=SupportRights,
        title="维权援助",
        stages=(Stage(PENDING, "受理维权申请"),),
        decide=_rights_decide,
        summary=lambda s, obj: f"{RIGHTS_KINDS.get(obj.kind, obj.kind)}：{obj.request[:24]}",
        details=lambda s, obj: [
            ("申请人", name_of(s, obj.user_id)),
            ("侵权类型", RIGHTS_KINDS.get(obj.kind, obj.kind)),
            ("发生日期", obj.occurred_on.isoformat()),
            ("经过", obj.description),
            ("诉求", obj.request),
        ],
        status_names=RIGHTS_STATUS,
    )
)
