"""The risk rules and the supervision schedule: plain data with defaults in code, and the scoring itself.

Everything here is pure (no database): the score of a person is a function of the rules, the facts and the
day, so it can be explained line by line and checked exhaustively (tests/services/test_keyperson_scoring.py
runs hypothesis over event sequences). The bureau's own rules are stored as one business setting
(:mod:`app.services.keyperson_config`); what is not stored falls back to the defaults below.

Scoring:

* the category's base points (kept on the category, which administrators add);
* for categories that use it, the national 0-5 risk grade of severe mental illness;
* each risk event's points, decaying linearly to nothing over the rule's ``decay_days`` (0: never decays);
  good conduct is an event with negative points that decays the same way;
* each missed visit (漏管) found by the sweep in the last ``missed_visit_window_days``;
* being lost to supervision (脱管) while it lasts.

The sum (never below 0) maps to a level by the thresholds: at least ``blue`` points is a blue warning, and
so on up to ``red``, the high-risk alert above the top threshold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import floor

from app.models.keyperson_permissions import (
    LEVEL_BLUE,
    LEVEL_NONE,
    LEVEL_ORANGE,
    LEVEL_RED,
    LEVEL_YELLOW,
    LEVELS,
    WARNING_LEVELS,
)


@dataclass(frozen=True)
class EventRule:
    code: str
    name: str
    points: int
    decay_days: int  # 0: the points stay until the event is removed


@dataclass(frozen=True)
class KeeperRole:
    code: str
    name: str


DEFAULT_EVENTS: tuple[EventRule, ...] = (
    EventRule("offence", "新的违法犯罪", 40, 365),
    EventRule("incident", "涉及治安事件或纠纷", 20, 180),
    EventRule("left_area", "擅自离开辖区", 15, 90),
    EventRule("unreachable", "无法取得联系", 10, 60),
    EventRule("abnormal", "言行异常、情绪波动", 10, 90),
    EventRule("stopped_medication", "擅自停药或拒绝治疗", 20, 90),
    EventRule("good_conduct", "表现良好（减分）", -10, 180),
    EventRule("settled", "稳定就业或帮扶到位（减分）", -5, 180),
)
UNREACHABLE = "unreachable"  # recorded automatically when a visit does not reach the person

DEFAULT_KEEPER_ROLES: tuple[KeeperRole, ...] = (
    KeeperRole("police", "社区民警"),
    KeeperRole("cadre", "村（社区）干部"),
    KeeperRole("grid", "网格员"),
    KeeperRole("family", "家属或监护人"),
)


@dataclass(frozen=True)
class Rules:
    """Everything the bureau may configure about scoring, schedules, deadlines and keepers."""

    mental_grade_points: tuple[int, ...] = (0, 5, 10, 30, 45, 60)
    events: tuple[EventRule, ...] = DEFAULT_EVENTS
    missed_visit_points: int = 5
    missed_visit_window_days: int = 180
    lost_points: int = 20
    thresholds: Mapping[str, int] = field(
        default_factory=lambda: {LEVEL_BLUE: 10, LEVEL_YELLOW: 30, LEVEL_ORANGE: 50, LEVEL_RED: 80}
    )
    # Days between visits by level, and for severe mental illness by the national risk grade (the stricter
    # of the two applies): grade 0 every 3 months, 1-2 every 2 months, 3-5 within 2 weeks.
    visit_days: Mapping[str, int] = field(
        default_factory=lambda: {
            LEVEL_NONE: 60,
            LEVEL_BLUE: 30,
            LEVEL_YELLOW: 14,
            LEVEL_ORANGE: 7,
            LEVEL_RED: 3,
        }
    )
    mental_grade_visit_days: tuple[int, ...] = (90, 60, 60, 14, 14, 14)
    lost_contact_days: int = 30  # a visit overdue this long without reaching the person: 脱管
    warning_hours: Mapping[str, int] = field(
        default_factory=lambda: {LEVEL_BLUE: 168, LEVEL_YELLOW: 72, LEVEL_ORANGE: 24, LEVEL_RED: 4}
    )
    max_escalations: int = 3
    keeper_roles: tuple[KeeperRole, ...] = DEFAULT_KEEPER_ROLES

    def event_rule(self, code: str) -> EventRule | None:
        return next((r for r in self.events if r.code == code), None)

    @property
    def required_keepers(self) -> int:
        return len(self.keeper_roles)

    def level_for(self, score: int) -> str:
        level = LEVEL_NONE
        for name in WARNING_LEVELS:
            if score >= self.thresholds[name]:
                level = name
        return level

    def visit_interval(self, level: str, mental_grade: int | None = None) -> int:
        """Days between visits. A person with a national risk grade follows the grade's schedule, unless
        their warning level asks for more (yellow and above: the stricter of the two)."""
        days = self.visit_days.get(level, self.visit_days[LEVEL_NONE])
        if mental_grade is not None and 0 <= mental_grade < len(self.mental_grade_visit_days):
            graded = self.mental_grade_visit_days[mental_grade]
            days = graded if level in (LEVEL_NONE, LEVEL_BLUE) else min(days, graded)
        return max(1, days)


DEFAULT_RULES = Rules()


# --- facts and results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryFact:
    code: str
    name: str
    base_points: int
    uses_mental_grade: bool


@dataclass(frozen=True)
class EventFact:
    kind: str
    occurred_on: date


@dataclass(frozen=True)
class Part:
    """One line of a score's explanation: which rule, how many points, and the particulars."""

    rule: str
    label: str
    points: int
    detail: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "label": self.label, "points": self.points, "detail": self.detail}


@dataclass(frozen=True)
class Score:
    score: int
    level: str
    parts: tuple[Part, ...]
    next_change: date | None  # the first day the score would change by time alone

    def explain(self) -> str:
        lines = [f"{p.label}{p.points:+d}" + (f"（{p.detail}）" if p.detail else "") for p in self.parts]
        return "；".join(lines) + f"；合计 {self.score} 分"


def _round(value: float) -> int:
    """Half away from zero (Python's round() goes to even, which would make 2.5 and 3.5 look alike)."""
    return int(floor(abs(value) + 0.5)) * (1 if value >= 0 else -1)


def decayed(points: int, decay_days: int, age: int) -> int:
    """An event's points ``age`` days after it happened."""
    if decay_days <= 0:
        return points
    if age >= decay_days:
        return 0
    return _round(points * (decay_days - max(age, 0)) / decay_days)


def _next_change(points: int, decay_days: int, age: int) -> int | None:
    """Days from ``age`` until the decayed points differ from today's (None: never)."""
    if decay_days <= 0 or age >= decay_days:
        return None
    now = decayed(points, decay_days, age)
    for later in range(max(age, 0) + 1, decay_days + 1):
        if decayed(points, decay_days, later) != now:
            return later - age
    return None


def compute(
    rules: Rules,
    *,
    category: CategoryFact,
    mental_grade: int | None,
    events: Sequence[EventFact],
    missed_visits: Sequence[date],
    lost: bool,
    today: date,
) -> Score:
    """The score, its level and its explanation for one person on ``today``."""
    parts: list[Part] = [Part("category", f"类别：{category.name}", category.base_points)]
    changes: list[int] = []
    if category.uses_mental_grade and mental_grade is not None:
        grade = max(0, min(mental_grade, len(rules.mental_grade_points) - 1))
        parts.append(Part("mental_grade", f"危险性评估 {grade} 级", rules.mental_grade_points[grade]))
    for ev in sorted(events, key=lambda e: (e.occurred_on, e.kind)):
        rule = rules.event_rule(ev.kind)
        age = (today - ev.occurred_on).days
        if rule is None:
            parts.append(Part(f"event:{ev.kind}", f"事件“{ev.kind}”", 0, "该规则已停用"))
            continue
        points = decayed(rule.points, rule.decay_days, age)
        if points == 0 and rule.decay_days > 0 and age >= rule.decay_days:
            continue  # fully decayed: no longer part of the score
        detail = f"{ev.occurred_on.isoformat()}"
        if rule.decay_days > 0:
            detail += f"，已过 {max(age, 0)} 天，原 {rule.points:+d} 分按 {rule.decay_days} 天衰减"
        parts.append(Part(f"event:{rule.code}", rule.name, points, detail))
        step = _next_change(rule.points, rule.decay_days, age)
        if step is not None:
            changes.append(step)
    window = rules.missed_visit_window_days
    recent = sorted(d for d in missed_visits if 0 <= (today - d).days < window)
    if recent and rules.missed_visit_points:
        parts.append(
            Part(
                "missed_visit",
                f"近 {window} 天漏管 {len(recent)} 次",
                rules.missed_visit_points * len(recent),
                "、".join(d.isoformat() for d in recent),
            )
        )
        changes.append(window - (today - recent[0]).days)
    if lost and rules.lost_points:
        parts.append(Part("lost", "脱管（失去联系）", rules.lost_points))
    total = max(0, sum(p.points for p in parts))
    next_change = today + timedelta(days=min(changes)) if changes else None
    return Score(total, rules.level_for(total), tuple(parts), next_change)


def level_rank(level: str) -> int:
    return LEVELS.index(level)
