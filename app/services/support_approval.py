"""The approval step every 警务保障 request shares, and the list of what waits for the actor's decision.

A decision needs the function's 审批 permission and a scope that reaches the requester (one's unit, or
everyone); nobody decides their own request (refused here and by the tables' CHECK constraints). Each flow
(leave, overtime, equipment, vehicles, expenses, aid, rights) registers what it waits for and what a decision
does; :func:`decide` dispatches to it in the caller's transaction and writes the audit record.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, DomainError, NotFound
from app.models.accounts import User
from app.models.base import utcnow
from app.models.support_base import APPROVED, PENDING, REJECTED, WITHDRAWN
from app.models.support_permissions import APPROVE, CREATE, FUNCTION_NAMES, code
from app.services import audit
from app.services.context import Actor
from app.services.permissions import has
from app.services.support_access import (
    ALL,
    Scope,
    granted,
    require_covers,
    require_scope,
    restrict,
    scope,
    scope_from,
    state_col,
    unit_of,
)
from app.services.support_access import require as require_action
from app.services.support_common import name_of, unit_choices

FLOW_MODULES = (
    "app.services.support_leave",
    "app.services.support_overtime",
    "app.services.support_equipment",
    "app.services.support_vehicles",
    "app.services.support_expenses",
    "app.services.support_welfare",
)


@dataclass(frozen=True)
class Stage:
    """One state that waits for a decision, and who may take it."""

    status: str
    title: str  # what the approver is asked: "审批请假", "局领导审批", "确认归还"
    needs_all: bool = False  # only someone whose scope is the whole bureau


@dataclass(frozen=True)
class Flow:
    key: str
    function: str
    model: type
    title: str  # 请假
    stages: tuple[Stage, ...]
    decide: Callable[[Session, Actor, Any, Stage, bool, str, datetime, Mapping[str, Any]], str]
    summary: Callable[[Session, Any], str]
    details: Callable[[Session, Any], list[tuple[str, str]]]
    status_names: Mapping[str, str] = field(default_factory=dict)
    # extra checks of a stage (the bureau must be someone else than the unit leader)
    may_decide: Callable[[Session, Actor, Any, Stage], None] | None = None
    withdrawable: tuple[str, ...] = (PENDING,)  # states in which the applicant may take the request back


_FLOWS: dict[str, Flow] = {}


def register_flow(flow: Flow) -> Flow:
    _FLOWS[flow.key] = flow
    return flow


def flows() -> dict[str, Flow]:
    for name in FLOW_MODULES:
        importlib.import_module(name)
    return dict(_FLOWS)


def flow(key: str) -> Flow:
    return flows()[key]


@dataclass(frozen=True)
class Pending:
    flow: str
    flow_title: str
    id: int
    version: int
    stage: str
    user_id: int
    applicant: str
    unit: str
    summary: str
    created_at: datetime


@dataclass(frozen=True)
class Decision:
    flow: str
    id: int
    status: str
    status_name: str
    tables: frozenset[str]


@dataclass(frozen=True)
class Detail:
    """What the approval dialog shows about one request."""

    flow: str
    flow_title: str
    id: int
    version: int
    status: str
    status_name: str
    stage: Stage | None
    applicant: str
    lines: tuple[tuple[str, str], ...]
    can_decide: bool
    reason: str  # why not, in Chinese, when ``can_decide`` is False


def _stage_of(f: Flow, obj: Any) -> Stage | None:
    return next((s for s in f.stages if s.status == obj.status), None)


def _problem(
    session: Session, actor: Actor, f: Flow, obj: Any, stage: Stage | None, found: Scope
) -> DomainError | None:
    """Why the actor may not decide ``obj`` now (None: they may)."""
    if stage is None:
        return DomainError(
            "invalid_state", state=f.status_names.get(obj.status, obj.status), action=f"审批{f.title}"
        )
    if obj.user_id == actor.user_id:
        return DomainError("own_request")
    if not found.covers(obj.user_id, obj.unit_id):
        return DomainError(
            "support_out_of_scope",
            function=FUNCTION_NAMES.get(f.function, f.function),
            scope=found.text or "（无）",
            name=name_of(session, obj.user_id),
        )
    if stage.needs_all and found.level != ALL:
        return DomainError("support_invalid", detail=f"“{stage.title}”须由具有全局审批权限的人员办理。")
    if f.may_decide is not None:
        try:
            f.may_decide(session, actor, obj, stage)
        except DomainError as exc:
            return exc
    return None


def _check(session: Session, actor: Actor, f: Flow, obj: Any, stage: Stage | None, found: Scope) -> None:
    problem = _problem(session, actor, f, obj, stage, found)
    if problem is not None:
        if problem.code in ("own_request", "support_out_of_scope"):
            audit.record_denied(
                session, actor, "approve", detail=f"{f.key}:{obj.id} {problem.code}", entity=f.key
            )
        raise problem


def load(session: Session, model: type, ident: int, version: int | None, entity: str) -> Any:
    """The request as stored, refusing a decision on a version the user did not see."""
    obj = session.get(model, ident)
    if obj is None:
        raise NotFound(entity=entity, id=ident)
    if version is not None and obj.version != version:
        at = obj.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if obj.updated_at else "刚才"
        by = session.execute(select(User.display_name).where(User.username == obj.updated_by)).scalar()
        raise ConflictError(entity=entity, by=by or obj.updated_by or "其他用户", at=at)
    return obj


def sign(
    obj: Any, actor: Actor, approve: bool, opinion: str, now: datetime, approved_status: str = APPROVED
) -> None:
    obj.status = approved_status if approve else REJECTED
    obj.approver_id = actor.user_id
    obj.approved_at = now
    obj.opinion = (opinion or "").strip()[:500]
    obj.updated_by = actor.username


def sign_only(
    session: Session,
    actor: Actor,
    obj: Any,
    stage: Stage,
    approve: bool,
    opinion: str,
    now: datetime,
    extra: Mapping[str, Any],
) -> str:
    """The decision of a one-stage flow that does nothing more than sign (expenses, overtime)."""
    sign(obj, actor, approve, opinion, now)
    return str(obj.status)


def decide(
    session: Session,
    actor: Actor,
    flow_key: str,
    ident: int,
    version: int,
    approve: bool,
    opinion: str = "",
    *,
    now: datetime | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Decision:
    """Approve or refuse the request at its current stage; the flow does what follows (duty board, stock...)."""
    f = flow(flow_key)
    require_action(session, actor, f.function, APPROVE)
    obj = load(session, f.model, ident, version, f.title)
    found = scope(session, actor, f.function)
    stage = _stage_of(f, obj)
    _check(session, actor, f, obj, stage, found)
    assert stage is not None
    if not approve and not (opinion or "").strip():
        raise DomainError("support_invalid", detail="不同意时请填写理由。")
    old = {"status": obj.status}
    status = f.decide(session, actor, obj, stage, approve, opinion, now or utcnow(), extra or {})
    session.flush()
    audit.record(
        session,
        actor,
        "approve" if approve else "reject",
        entity=f.key,
        entity_id=obj.id,
        old=old,
        new={"status": status, "opinion": (opinion or "").strip()[:500], "stage": stage.title},
        detail=f"{f.title}：{f.summary(session, obj)}",
    )
    table = str(f.model.__tablename__)  # type: ignore[attr-defined]
    return Decision(
        f.key, obj.id, status, f.status_names.get(status, status), frozenset({table, "duty_absence"})
    )


def acting_for(session: Session, actor: Actor, f: Flow, obj: Any, action: str = CREATE) -> None:
    """The applicant themselves, or someone whose scope reaches them and who holds ``action``."""
    found = require_scope(session, actor, f.function)
    if obj.user_id == actor.user_id:
        return
    require_action(session, actor, f.function, action)
    require_covers(session, actor, found, obj.user_id, obj.unit_id)


def withdraw(session: Session, actor: Actor, flow_key: str, ident: int, version: int) -> frozenset[str]:
    """The applicant takes back a request nobody has decided yet (撤回)."""
    f = flow(flow_key)
    obj = load(session, f.model, ident, version, f.title)
    acting_for(session, actor, f, obj)
    if obj.status not in f.withdrawable:
        raise DomainError("invalid_state", state=f.status_names.get(obj.status, obj.status), action="撤回")
    old = obj.status
    obj.status = WITHDRAWN
    obj.updated_by = actor.username
    session.flush()
    audit.record(
        session,
        actor,
        "withdraw",
        entity=f.key,
        entity_id=ident,
        old={"status": old},
        new={"status": WITHDRAWN},
        detail=f"{f.title}：{f.summary(session, obj)}",
    )
    return frozenset({str(f.model.__tablename__)})  # type: ignore[attr-defined]


def detail(session: Session, actor: Actor, flow_key: str, ident: int) -> Detail:
    """The request as the approval dialog shows it, and whether the actor may decide it now."""
    f = flow(flow_key)
    found = scope(session, actor, f.function)
    obj = session.get(f.model, ident)
    if obj is None or not found.covers(obj.user_id, obj.unit_id):
        raise NotFound(entity=f.title, id=ident)
    stage = _stage_of(f, obj)
    reason = ""
    if not has(session, actor, code(f.function, APPROVE)):
        reason = "您没有审批权限。"
    else:
        problem = _problem(session, actor, f, obj, stage, found)
        reason = problem.message() if problem is not None else ""
    return Detail(
        f.key,
        f.title,
        obj.id,
        obj.version,
        obj.status,
        f.status_names.get(obj.status, obj.status),
        stage,
        name_of(session, obj.user_id),
        tuple(f.details(session, obj)),
        not reason,
        reason,
    )


def pending_for(session: Session, actor: Actor, *, limit: int = 500) -> list[Pending]:
    """Requests waiting for a decision the actor may take now (never their own), oldest first."""
    units = dict(unit_choices(session))
    perms = granted(session, actor)
    unit_id = unit_of(session, actor.user_id)
    found_rows: list[tuple[Flow, Stage, Any]] = []
    for f in flows().values():
        if code(f.function, APPROVE) not in perms:
            continue
        found = scope_from(perms, actor, f.function, unit_id)
        if found.level is None:
            continue
        model: Any = f.model
        for stage in f.stages:
            if stage.needs_all and found.level != ALL:
                continue
            stmt = restrict(select(model), found, model.user_id, model.unit_id).where(
                state_col(model.status, found) == stage.status
            )
            if actor.user_id is not None:
                stmt = stmt.where(model.user_id != actor.user_id)
            for obj in session.execute(stmt.order_by(model.id).limit(limit)).scalars():
                if _problem(session, actor, f, obj, stage, found) is None:
                    found_rows.append((f, stage, obj))
    found_rows.sort(key=lambda t: t[2].created_at)
    found_rows = found_rows[:limit]
    ids = {obj.user_id for _, _, obj in found_rows}
    names = (
        dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()) if ids else {}
    )
    return [
        Pending(
            f.key,
            f.title,
            obj.id,
            obj.version,
            stage.title,
            obj.user_id,
            names.get(obj.user_id, str(obj.user_id)),
            units.get(obj.unit_id, ""),
            f.summary(session, obj),
            obj.created_at,
        )
        for f, stage, obj in found_rows
    ]


__all__ = [
    "PENDING",
    "Decision",
    "Detail",
    "Flow",
    "Pending",
    "Stage",
    "decide",
    "detail",
    "flow",
    "flows",
    "load",
    "pending_for",
    "register_flow",
    "sign",
    "withdraw",
]
