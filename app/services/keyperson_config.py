"""The bureau's risk rules, schedules, deadlines and keeper roles, stored as one business setting.

One JSON value under :data:`KEY` (one version, so two administrators saving at once cannot mix halves of
two rule sets). Anything missing falls back to the defaults in :mod:`app.services.keyperson_rules`; a
value that cannot be used is refused with a Chinese message when saved, never half-applied.

Saving new rules marks every supervised person for rescoring (``rescore_on`` = today): the supervision
sweep then rescores them in batches and records each level change with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.db import mark_changed
from app.models.keyperson_permissions import KP_RULES, LEVELS, SUPERVISED, WARNING_LEVELS
from app.models.keyperson_person import KeyPerson
from app.services import business_settings
from app.services.context import Actor
from app.services.keyperson_rules import DEFAULT_RULES, EventRule, KeeperRole, Rules

KEY = "keyperson.rules"


def _bad(detail: str) -> DomainError:
    return DomainError("setting_invalid", key="重点人员积分规则", detail=detail)


def _int(value: Any, what: str, low: int = -1000, high: int = 100_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value:
        raise _bad(f"{what}应为整数")
    if not low <= int(value) <= high:
        raise _bad(f"{what}应在 {low} 到 {high} 之间")
    return int(value)


def _levels(raw: Any, what: str, names: tuple[str, ...], low: int, high: int) -> dict[str, int]:
    if not isinstance(raw, Mapping) or set(raw) != set(names):
        raise _bad(f"{what}须为每个等级各给一个数")
    return {k: _int(raw[k], f"{what}（{k}）", low, high) for k in names}


def parse(raw: Mapping[str, Any] | None) -> Rules:
    """Rules from stored JSON; missing keys keep their defaults. Raises DomainError for unusable values."""
    rules = DEFAULT_RULES
    if not raw:
        return rules
    changes: dict[str, Any] = {}
    if "mental_grade_points" in raw:
        pts = raw["mental_grade_points"]
        if not isinstance(pts, list) or len(pts) != 6:
            raise _bad("危险性评估分值须为 0-5 级共 6 个数")
        changes["mental_grade_points"] = tuple(_int(p, "危险性评估分值", 0, 1000) for p in pts)
    if "events" in raw:
        events = []
        for item in raw["events"]:
            code = str(item.get("code", "")).strip()
            name = str(item.get("name", "")).strip()
            if not code or not name:
                raise _bad("每条事件规则须有代码和名称")
            events.append(
                EventRule(
                    code[:24],
                    name[:32],
                    _int(item.get("points"), f"“{name}”的分值", -1000, 1000),
                    _int(item.get("decay_days", 0), f"“{name}”的衰减天数", 0, 3650),
                )
            )
        if len({e.code for e in events}) != len(events):
            raise _bad("事件规则代码重复")
        changes["events"] = tuple(events)
    for key, what, low, high in (
        ("missed_visit_points", "漏管分值", 0, 1000),
        ("missed_visit_window_days", "漏管计分期限", 1, 3650),
        ("lost_points", "脱管分值", 0, 1000),
        ("lost_contact_days", "逾期多少天认定脱管", 1, 3650),
        ("max_escalations", "最多升级次数", 0, 10),
    ):
        if key in raw:
            changes[key] = _int(raw[key], what, low, high)
    if "thresholds" in raw:
        th = _levels(raw["thresholds"], "预警阈值", WARNING_LEVELS, 1, 100_000)
        ordered = [th[name] for name in WARNING_LEVELS]
        if ordered != sorted(set(ordered)):
            raise _bad("预警阈值须按蓝、黄、橙、红依次增大")
        changes["thresholds"] = th
    if "visit_days" in raw:
        changes["visit_days"] = _levels(raw["visit_days"], "走访周期", LEVELS, 1, 365)
    if "mental_grade_visit_days" in raw:
        days = raw["mental_grade_visit_days"]
        if not isinstance(days, list) or len(days) != 6:
            raise _bad("严重精神障碍走访周期须为 0-5 级共 6 个数")
        changes["mental_grade_visit_days"] = tuple(_int(d, "走访周期", 1, 365) for d in days)
    if "warning_hours" in raw:
        changes["warning_hours"] = _levels(raw["warning_hours"], "预警处置时限", WARNING_LEVELS, 1, 24 * 90)
    if "keeper_roles" in raw:
        roles = tuple(
            KeeperRole(str(r.get("code", "")).strip()[:32], str(r.get("name", "")).strip()[:32])
            for r in raw["keeper_roles"]
        )
        if not roles or any(not r.code or not r.name for r in roles):
            raise _bad("管控人角色须有代码和名称")
        if len({r.code for r in roles}) != len(roles):
            raise _bad("管控人角色代码重复")
        changes["keeper_roles"] = roles
    return replace(rules, **changes)


def dump(rules: Rules) -> dict[str, Any]:
    """The JSON form stored in the business setting."""
    return {
        "mental_grade_points": list(rules.mental_grade_points),
        "events": [
            {"code": e.code, "name": e.name, "points": e.points, "decay_days": e.decay_days}
            for e in rules.events
        ],
        "missed_visit_points": rules.missed_visit_points,
        "missed_visit_window_days": rules.missed_visit_window_days,
        "lost_points": rules.lost_points,
        "lost_contact_days": rules.lost_contact_days,
        "max_escalations": rules.max_escalations,
        "thresholds": dict(rules.thresholds),
        "visit_days": dict(rules.visit_days),
        "mental_grade_visit_days": list(rules.mental_grade_visit_days),
        "warning_hours": dict(rules.warning_hours),
        "keeper_roles": [{"code": r.code, "name": r.name} for r in rules.keeper_roles],
    }


def load(session: Session) -> Rules:
    """The rules in force (stored ones over the defaults); an unusable stored value means the defaults."""
    raw = business_settings.get(session, KEY, None)
    try:
        return parse(raw if isinstance(raw, Mapping) else None)
    except DomainError:
        return DEFAULT_RULES


def save(
    session: Session,
    actor: Actor,
    raw: Mapping[str, Any],
    *,
    today: date,
    expected_version: int | None = None,
) -> Rules:
    """Store new rules (``keyperson.rules``, audited) and mark every supervised person for rescoring."""
    rules = parse(raw)
    roles_before = load(session).keeper_roles
    business_settings.set(
        session, actor, KEY, dump(rules), permission=KP_RULES, expected_version=expected_version
    )
    session.execute(
        update(KeyPerson).where(KeyPerson.status.in_(SUPERVISED)).values(rescore_on=today),
        execution_options={"synchronize_session": False},
    )
    mark_changed(session, "key_person")
    if rules.keeper_roles != roles_before:  # every person's 一人四管 flag again (one statement, but all rows)
        from app.services.keyperson_keepers import refresh_all_missing  # noqa: PLC0415 - it imports this module

        refresh_all_missing(session, rules)
    return rules


def keeper_role_names(rules: Rules) -> dict[str, str]:
    return {r.code: r.name for r in rules.keeper_roles}


def event_choices(rules: Rules) -> list[tuple[str, str]]:
    return [(e.code, f"{e.name}（{e.points:+d}分）") for e in rules.events]
