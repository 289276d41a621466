"""The province-scale register generated inside the database, for bench_keyperson.py.

A million persons, their events, scores, levels and visit schedules, 50 million visits and four million keepers
are written by ``INSERT ... SELECT`` and ``UPDATE`` statements over a counter (a recursive CTE on SQLite,
``generate_series`` on PostgreSQL): no Python row ever exists, so a 2-core machine shared with other work
builds it in minutes instead of hours. Every value is arithmetic on the row's number, so the data is the same
on both backends and from run to run.

One INSERT writes each person complete: score (category, national risk grade and the person's events,
linearly decayed, by CASE expressions generated from :data:`DEFAULT_RULES`), level, visit interval, due date and
last contact, through materialized layers (CTEs); no UPDATE rewrites a million rows afterwards. The explanation
is left empty and the next rescoring day approximated (every ~9 days for persons with events, as the default
decays give); the sweep recomputes both with the real scoring for everyone it touches.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.keyperson_rules import DEFAULT_RULES

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉文斌波宇浩凯鹏飞翔鑫"
CATEGORIES = (("released", 10), ("correction", 15), ("youth", 10), ("mental", 5))
EVENT_KINDS = ("incident", "offence", "good_conduct", "left_area", "abnormal")
GRADE_WEIGHTS = (20, 30, 25, 13, 8, 4)  # percent of severe mental illness per national grade 0-5


class Dialect:
    """The few expressions that differ between SQLite and PostgreSQL."""

    def __init__(self, name: str, today: date) -> None:
        self.name = name
        self.today = today.isoformat()
        self.pg = name == "postgresql"

    def counter(self, n: str) -> str:
        """A FROM item yielding ``k.i`` = 1..n."""
        if self.pg:
            return f"generate_series(1, {n}) AS k(i)"
        return f"(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {n}) SELECT i FROM c) k"

    def pad(self, expr: str, width: int) -> str:
        if self.pg:
            return f"lpad(CAST({expr} AS text), {width}, '0')"
        return f"substr('{'0' * width}' || ({expr}), -{width})"

    def date(self, iso: str) -> str:
        """A date literal."""
        return f"DATE '{iso}'" if self.pg else f"'{iso}'"

    def days_before_today(self, days: str) -> str:
        return self.plus_days(self.date(self.today), f"-({days})")

    def plus_days(self, day: str, days: str) -> str:
        """``day`` moved by ``days`` (negative: earlier)."""
        if self.pg:
            return f"(({day}) + CAST({days} AS integer))"
        return f"date({day}, printf('%+d days', {days}))"

    def age(self, day: str) -> str:
        """Whole days from ``day`` to today."""
        if self.pg:
            return f"(DATE '{self.today}' - {day})"
        return f"CAST(julianday('{self.today}') - julianday({day}) AS INTEGER)"

    def at_hour(self, day: str, hours: str) -> str:
        """A UTC timestamp ``hours`` after midnight of ``day``, as UTCDateTime stores it."""
        if self.pg:
            return f"((({day}) + ({hours}) * interval '1 hour') AT TIME ZONE 'UTC')"
        return f"(strftime('%Y-%m-%d %H:%M:%S', {day}, '+' || ({hours}) || ' hours') || '.000000')"

    def floor(self, expr: str) -> str:
        return f"CAST(floor({expr}) AS integer)" if self.pg else f"CAST({expr} AS INTEGER)"

    def greatest(self, a: str, b: str) -> str:
        return f"GREATEST({a}, {b})" if self.pg else f"max({a}, {b})"

    def least(self, a: str, b: str) -> str:
        return f"LEAST({a}, {b})" if self.pg else f"min({a}, {b})"


def _case(column: str, mapping: dict[Any, Any], default: Any = None) -> str:
    def lit(v: Any) -> str:
        if v is None:
            return "NULL"
        return f"'{v}'" if isinstance(v, str) else str(v)

    whens = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in mapping.items())
    return f"CASE {column} {whens} ELSE {lit(default)} END"


def _event_worth(d: Dialect, j: int) -> str:
    """The decayed points today of person i's event number j (0 or 1), 0 when the person has none: the same
    arithmetic as :func:`events_sql` writes, so the scores add up without reading the events back."""
    rules = {r.code: r for r in DEFAULT_RULES.events}
    kind = f"((i * 3 + {j * 7}) % {len(EVENT_KINDS)})"
    points = _case(kind, {n: rules[k].points for n, k in enumerate(EVENT_KINDS)}, 0)
    decay = _case(kind, {n: rules[k].decay_days for n, k in enumerate(EVENT_KINDS)}, 1)
    age = f"((i * 11 + {j * 101}) % 301)"
    worth = (
        f"CASE WHEN {age} >= {decay} THEN 0 WHEN {points} >= 0 "
        f"THEN {d.floor(f'{points} * ({decay} - {age}) * 1.0 / {decay} + 0.5')} "
        f"ELSE -{d.floor(f'-{points} * ({decay} - {age}) * 1.0 / {decay} + 0.5')} END"
    )
    has = "i % 7 IN (4, 5, 6)" if j == 0 else "i % 7 = 6"
    return f"(CASE WHEN {has} THEN {worth} ELSE 0 END)"


def persons_sql(d: Dialect, persons: int, places: int) -> str:
    """One statement inserting every person with score, level and schedule (layers of derived tables)."""
    rules = DEFAULT_RULES
    grades, bound = [], 0
    for grade, weight in enumerate(GRADE_WEIGHTS):
        bound += weight
        grades.append(f"WHEN (k.i * 7) % 100 < {bound} THEN {grade}")
    base = (
        f"SELECT k.i AS i, CASE WHEN k.i % 4 = 3 THEN CASE {' '.join(grades)} ELSE 5 END END AS g "
        f"FROM {d.counter(str(persons))}"
    )
    points = _case("i % 4", {i: p for i, (_, p) in enumerate(CATEGORIES)}, 0)
    grade_points = f"COALESCE({_case('g', dict(enumerate(rules.mental_grade_points)), 0)}, 0)"
    total = f"{points} + {grade_points} + {_event_worth(d, 0)} + {_event_worth(d, 1)}"
    scored = f"SELECT i, g, {d.greatest(total, '0')} AS score FROM b"
    th = rules.thresholds
    level = (
        f"CASE WHEN score >= {th['red']} THEN 'red' WHEN score >= {th['orange']} THEN 'orange' "
        f"WHEN score >= {th['yellow']} THEN 'yellow' WHEN score >= {th['blue']} THEN 'blue' ELSE 'none' END"
    )
    leveled = f"SELECT i, g, score, {level} AS lv FROM s"
    by_level = _case("lv", dict(rules.visit_days), 60)
    by_grade = _case("g", dict(enumerate(rules.mental_grade_visit_days)), 60)
    interval = (
        f"CASE WHEN g IS NULL THEN {by_level} WHEN lv IN ('none', 'blue') THEN {by_grade} "
        f"ELSE {d.least(by_level, by_grade)} END"
    )
    timed = f"SELECT i, g, score, lv, {interval} AS iv FROM l"
    roll = "((i * 7919) % 1000)"  # 0.5% out of contact for 46-90 days, 3% overdue by 1-10 days
    due = (
        f"CASE WHEN {roll} < 5 THEN {d.plus_days(d.days_before_today('46 + i % 45'), 'iv')} "
        f"WHEN {roll} >= 970 THEN {d.days_before_today('1 + i % 10')} "
        f"ELSE {d.plus_days(d.date(d.today), '1 + i % iv')} END"
    )
    dated = f"SELECT i, g, score, lv, iv, {due} AS due FROM t"
    contact = d.at_hour(d.plus_days("due", "-iv"), "i % 10")
    name = (
        f"substr('{SURNAMES}', 1 + (i * 13) % {len(SURNAMES)}, 1)"
        f" || substr('{GIVEN}', 1 + (i * 17) % {len(GIVEN)}, 1)"
        f" || CASE WHEN i % 10 < 7 THEN substr('{GIVEN}', 1 + (i * 29) % {len(GIVEN)}, 1) ELSE '' END"
    )
    category = _case("i % 4", {i: c for i, (c, _) in enumerate(CATEGORIES)})
    false = "false" if d.pg else "0"
    # Each layer materialized: a layer inlined into the next repeats its whole expression at every use.
    layers = ", ".join(
        f"{name} AS MATERIALIZED ({sql})"
        for name, sql in (("b", base), ("s", scored), ("l", leveled), ("t", timed), ("x", dated))
    )
    return (
        f"WITH {layers} "
        "INSERT INTO key_person (id_number, name, name_pinyin, name_initials, gender, birth_date, aliases, phone, "
        "category_code, mental_grade, household_address, address, town_code, village_code, station_id, "
        "officer_id, supervisor_id, citizen_id, status, registered_on, score, computed_level, level, "
        "level_override, override_reason, level_since, score_detail, scored_at, rescore_on, keepers_missing, "
        "last_visit_at, last_contact_at, next_visit_due, notes, is_demo, version, created_at, updated_at, "
        "updated_by) "
        f"SELECT '610925' || {d.pad('i', 12)}, {name}, '', '', CASE i % 2 WHEN 1 THEN '男' ELSE '女' END, "
        f"{d.plus_days(d.date('1950-01-01'), '(i * 37) % 20000')}, '', '139' || {d.pad('i', 8)}, "
        f"{category}, g, '', '岚皋县' || pl.town_name || (1 + i % 12) || '组' || (1 + i % 160) || '号', "
        "pl.town_code, pl.village_code, pl.station_id, pl.officer_base + i % 3, pl.officer_base, NULL, "
        f"'active', {d.days_before_today('60 + (i * 17) % 1941')}, score, lv, lv, NULL, '', :stamp, "
        f"'[]', :stamp, CASE WHEN i % 7 >= 4 THEN {d.plus_days(d.date(d.today), '1 + i % 9')} END, "
        f"CASE WHEN (i * 11) % 10 = 0 THEN 1 + i % 3 ELSE 0 END, {contact}, {contact}, due, '', "
        f"{false}, 1, :stamp, :stamp, 'bench' "
        f"FROM x JOIN bench_place pl ON pl.idx = (i * 7919) % {places} ORDER BY i"
    )


def events_sql(d: Dialect) -> str:
    """0, 1 or 2 risk events per person (4 in 7 have none), up to 300 days old."""
    kind = _case(f"(p.id * 3 + e.j * 7) % {len(EVENT_KINDS)}", dict(enumerate(EVENT_KINDS)))
    false = "false" if d.pg else "0"
    return (
        "INSERT INTO kp_event (person_id, kind, occurred_on, note, automatic, visit_id, version, created_at, "
        f"updated_at, updated_by) SELECT p.id, {kind}, {d.days_before_today('(p.id * 11 + e.j * 101) % 301')}, "
        f"'事件', {false}, NULL, 1, :stamp, :stamp, 'bench' "
        "FROM key_person p, (SELECT 0 AS j UNION ALL SELECT 1) e "
        "WHERE (p.id % 7 IN (4, 5) AND e.j = 0) OR p.id % 7 = 6"
    )


def place_rows(
    towns: list[dict[str, Any]], station_ids: list[int], officers: list[int]
) -> list[dict[str, Any]]:
    """The villages persons live in, with their town's station and officers (three per station)."""
    rows = []
    for ti, town in enumerate(towns):
        for village in town["villages"]:
            rows.append(
                {
                    "idx": len(rows),
                    "town_code": town["code"],
                    "town_name": town["name"],
                    "village_code": village["code"],
                    "station_id": station_ids[ti],
                    "officer_base": officers[ti * 3],
                }
            )
    return rows
