"""The declared lists of the platform: orders (the dispatcher's register) and incidents.

Both are lists with filters, export and print from the shared machinery; neither is edited through the
generic form (sending an order and opening an incident are special dialogs, and what happens afterwards goes
through the services that keep receipts and the timeline), so the specs grant no create/edit/delete.
The order list shows the acknowledgement figures computed from the receipts (never a stored counter).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, or_

from app.models.dispatch_incident import (
    CATEGORY_NAMES,
    INCIDENT_KINDS,
    INCIDENT_STATUS_NAMES,
    LEVEL_NAMES,
    DispatchIncident,
)
from app.models.dispatch_order import ORDER_KINDS, ORDER_STATUS_NAMES, PRIORITY_NAMES, DispatchOrder
from app.models.dispatch_permissions import DISPATCH_MONITOR, DISPATCH_RECEIVE
from app.services import incidents
from app.services.entity_service import contains_match, prefix_match
from app.services.entity_spec import CHOICE, DATETIME, INT, EntitySpec, Field, Filter, register


def _pairs(names: dict[Any, str]) -> tuple[tuple[Any, str], ...]:
    return tuple(names.items())


def _day_range(column: Any) -> Any:
    def apply(stmt: Select[Any], value: Any) -> Select[Any]:
        start, end = value
        if start is not None:
            stmt = stmt.where(column >= datetime.combine(start, time.min).astimezone(UTC))
        if end is not None:
            stmt = stmt.where(column < datetime.combine(end + timedelta(days=1), time.min).astimezone(UTC))
        return stmt

    return apply


def _equals(column: Any) -> Any:
    return lambda stmt, value: stmt.where(column == value)


def _search_orders(stmt: Select[Any], text: str) -> Select[Any]:
    q = text.strip()
    return stmt.where(
        or_(prefix_match(DispatchOrder.number, q.upper()), contains_match(DispatchOrder.title, q))
    )


def _search_incidents(stmt: Select[Any], text: str) -> Select[Any]:
    q = text.strip()
    return stmt.where(
        or_(
            prefix_match(DispatchIncident.number, q.upper()),
            contains_match(DispatchIncident.title, q),
            contains_match(DispatchIncident.location, q),
        )
    )


ORDER_SPEC = register(
    EntitySpec(
        key="dispatch_order",
        title="警令",
        model=DispatchOrder,
        fields=(
            Field("number", "编号", width=110),
            Field("kind", "类别", CHOICE, choices=_pairs(ORDER_KINDS), width=50),
            Field("priority", "紧急程度", CHOICE, choices=_pairs(PRIORITY_NAMES), width=70),
            Field("title", "标题", width=260),
            Field("sender_name", "下达人", width=70),
            Field("sent_at", "下达时间", DATETIME, sortable=True, width=130),
            Field("ack_deadline", "签收时限", DATETIME, width=130),
            Field("recipient_count", "应签收", INT, width=60),
            Field("acknowledged_count", "已签收", INT, width=60),
            Field("completion_percent", "完成率%", INT, width=60),
            Field("status", "状态", CHOICE, choices=_pairs(ORDER_STATUS_NAMES), width=60),
        ),
        permissions={"view": DISPATCH_MONITOR, "export": DISPATCH_MONITOR, "print": DISPATCH_MONITOR},
        label_field="title",
        default_sort=("sent_at", True),
        search=_search_orders,
        search_hint="编号或标题",
        filters=(
            Filter("status", "状态", "choice", _equals(DispatchOrder.status), _pairs(ORDER_STATUS_NAMES)),
            Filter("priority", "紧急程度", "choice", _equals(DispatchOrder.priority), _pairs(PRIORITY_NAMES)),
            Filter("sent_at", "下达日期", "date_range", _day_range(DispatchOrder.sent_at)),
        ),
    )
)

INCIDENT_SPEC = register(
    EntitySpec(
        key="dispatch_incident",
        title="事件与集群战役",
        model=DispatchIncident,
        fields=(
            Field("number", "编号", width=110),
            Field("category", "类别", CHOICE, choices=_pairs(CATEGORY_NAMES), width=70),
            Field("kind", "类型", width=80),
            Field("level", "等级", CHOICE, choices=_pairs(LEVEL_NAMES), width=110),
            Field("title", "名称", width=220),
            Field("location", "地点", width=160),
            Field("commander_name", "指挥员", width=70),
            Field("opened_at", "开始时间", DATETIME, sortable=True, width=130),
            Field("closed_at", "结束时间", DATETIME, width=130),
            Field("status", "状态", CHOICE, choices=_pairs(INCIDENT_STATUS_NAMES), width=60),
        ),
        permissions={"view": DISPATCH_RECEIVE, "export": DISPATCH_MONITOR, "print": DISPATCH_MONITOR},
        label_field="title",
        default_sort=("opened_at", True),
        search=_search_incidents,
        search_hint="编号、名称或地点",
        filters=(
            Filter(
                "status", "状态", "choice", _equals(DispatchIncident.status), _pairs(INCIDENT_STATUS_NAMES)
            ),
            Filter("category", "类别", "choice", _equals(DispatchIncident.category), _pairs(CATEGORY_NAMES)),
            Filter(
                "kind",
                "类型",
                "choice",
                _equals(DispatchIncident.kind),
                tuple((k, k) for k in INCIDENT_KINDS),
            ),
            Filter("opened_at", "开始日期", "date_range", _day_range(DispatchIncident.opened_at)),
        ),
        base_query=incidents.scoped,
    )
)
