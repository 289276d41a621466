"""Warnings: raised when a person's level rises and pushed at once (handling: keyperson_warning_handling).

Pushing happens in the transaction that raised the level, so the warning, its inbox messages and its texts
are committed together or not at all; the commit's change_log row (and NOTIFY on PostgreSQL) then tells
every other workstation within seconds. Recipients: the keepers (inbox for those who are users, a text to
every keeper's phone), the responsible officer, and the responsible supervisor (or, when none is named,
the station's users who may override levels). Texts name the person as 张某某: the outbox and the gateway's
logs are no place for a supervised person's name.

Orange and red texts go out at once, day or night; blue and yellow ones wait for the morning like every
other text that no one at the window asked for (the carriers' quiet hours, see sms_text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.models.accounts import RolePermission, User, user_role
from app.models.db import mark_changed
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import (
    KP_OVERRIDE,
    LEVEL_NAMES,
    LEVEL_ORANGE,
    LEVEL_RED,
    WARNING_OPEN,
)
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_warning import KpWarning, KpWarningDaily
from app.models.messaging import KIND_WARNING, PRIORITY_HIGH, PRIORITY_URGENT
from app.services import audit, inbox
from app.services.context import SYSTEM, Actor
from app.services.keyperson_common import local_date, masked_name, town_name
from app.services.keyperson_rules import Rules
from app.services.keyperson_texts import insert_texts, text_rows

_DAILY = cast(Table, KpWarningDaily.__table__)


@dataclass(frozen=True)
class Recipients:
    user_ids: tuple[int, ...]
    phones: tuple[str, ...]


@dataclass(frozen=True)
class RaisedWarning:
    id: int
    person_id: int
    level: str
    inbox_messages: int
    texts: int


def _cache(session: Session) -> dict[Any, Any]:
    """Look-ups that stay put during one transaction (a sweep raising a thousand warnings asks again and again)."""
    return session.info.setdefault("kp_warning_cache", {})  # type: ignore[no-any-return]


def station_supervisors(session: Session, station_id: int | None) -> list[int]:
    """Active users of the station who may override levels (its leaders), by id."""
    if station_id is None:
        return []
    cache = _cache(session)
    key = ("leaders", station_id)
    if key not in cache:
        rows = session.execute(
            select(User.id)
            .join(user_role, user_role.c.user_id == User.id)
            .join(RolePermission, RolePermission.role_id == user_role.c.role_id)
            .where(
                User.unit_id == station_id, User.active.is_(True), RolePermission.permission == KP_OVERRIDE
            )
            .distinct()
        )
        cache[key] = sorted(rows.scalars())
    return list(cache[key])


def _phones_of(session: Session, users: list[int]) -> list[str]:
    cache = _cache(session)
    missing = [u for u in users if ("phone", u) not in cache]
    if missing:
        found = dict(session.execute(select(User.id, User.phone).where(User.id.in_(missing))).all())
        for u in missing:
            cache[("phone", u)] = found.get(u)
    return [p for u in users if (p := cache[("phone", u)])]


@dataclass(frozen=True)
class WarningDraft:
    """What raising a warning needs to know about the person (from an ORM object or a batch query)."""

    person_id: int
    name: str
    town_code: str | None
    station_id: int | None
    officer_id: int | None
    supervisor_id: int | None
    score: int
    level: str
    reason: str
    escalated_from_id: int | None = None
    depth: int = 0

    @staticmethod
    def of(
        person: KeyPerson, level: str, reason: str, escalated_from: KpWarning | None = None
    ) -> WarningDraft:
        return WarningDraft(
            person.id,
            person.name,
            person.town_code,
            person.station_id,
            person.officer_id,
            person.supervisor_id,
            person.score,
            level,
            reason,
            escalated_from.id if escalated_from else None,
            (escalated_from.depth + 1) if escalated_from else 0,
        )


def _keepers_of(session: Session, person_ids: list[int]) -> dict[int, list[tuple[int | None, str | None]]]:
    found: dict[int, list[tuple[int | None, str | None]]] = {pid: [] for pid in person_ids}
    for i in range(0, len(person_ids), 500):
        for pid, uid, phone in session.execute(
            select(KpKeeper.person_id, KpKeeper.user_id, KpKeeper.phone).where(
                KpKeeper.person_id.in_(person_ids[i : i + 500])
            )
        ):
            found[pid].append((uid, phone))
    return found


def _recipients(
    session: Session, draft: WarningDraft, keepers: list[tuple[int | None, str | None]]
) -> Recipients:
    users = [uid for uid, _ in keepers if uid is not None]
    phones = [phone for _, phone in keepers if phone]
    leaders = [draft.supervisor_id] if draft.supervisor_id else []
    if draft.escalated_from_id is not None or not leaders:
        leaders += station_supervisors(session, draft.station_id)
    if draft.officer_id:
        users.append(draft.officer_id)
    users += leaders
    phones += _phones_of(session, leaders)
    return Recipients(tuple(dict.fromkeys(users)), tuple(dict.fromkeys(phones)))


def recipients(session: Session, person: KeyPerson, *, all_supervisors: bool = False) -> Recipients:
    draft = WarningDraft.of(person, person.level, "")
    if all_supervisors:
        draft = WarningDraft(**{**draft.__dict__, "escalated_from_id": -1})
    return _recipients(session, draft, _keepers_of(session, [person.id])[person.id])


def _town(session: Session, code: str | None) -> str:
    cache = _cache(session)
    if ("town", code) not in cache:
        cache[("town", code)] = town_name(session, code)
    return str(cache[("town", code)])


def _count_daily(session: Session, counts: dict[tuple[object, str, str], int]) -> None:
    """Add to the days' counts in the same transaction (an atomic upsert per group on both backends)."""
    dialect = session.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    for (day, town, level), n in counts.items():
        stmt = maker(_DAILY).values(day=day, town_code=town, level=level, raised=n)
        stmt = stmt.on_conflict_do_update(
            index_elements=["day", "town_code", "level"], set_={"raised": _DAILY.c.raised + n}
        )
        session.execute(stmt)
    mark_changed(session, "kp_warning_daily")


def raise_warning(
    session: Session,
    person: KeyPerson,
    *,
    level: str,
    reason: str,
    rules: Rules,
    now: datetime,
    actor: Actor | None = None,
    escalated_from: KpWarning | None = None,
) -> RaisedWarning:
    """Record a warning and push it to everyone responsible, in the caller's transaction."""
    draft = WarningDraft.of(person, level, reason, escalated_from)
    return raise_many(session, [draft], rules=rules, now=now, actor=actor)[0]


def raise_many(
    session: Session,
    drafts: list[WarningDraft],
    *,
    rules: Rules,
    now: datetime,
    actor: Actor | None = None,
    audit_each: bool = True,
) -> list[RaisedWarning]:
    """Record warnings and push each to everyone responsible: inbox messages and texts, in the caller's
    transaction. A batch (the sweep) writes its warnings, counts and texts in a few statements and, with
    ``audit_each=False``, one audit record naming them all."""
    if not drafts:
        return []
    who = (actor or SYSTEM).username
    rows: list[dict[str, Any]] = [
        {
            "person_id": d.person_id,
            "level": d.level,
            "score": d.score,
            "raised_at": now,
            "due_at": now + timedelta(hours=rules.warning_hours.get(d.level, 24)),
            "reason": d.reason[:4000],
            "town_code": d.town_code or "",
            "status": WARNING_OPEN,
            "acknowledged_by": None,
            "acknowledged_at": None,
            "handled_by": None,
            "handled_at": None,
            "handling_note": "",
            "escalated_from_id": d.escalated_from_id,
            "depth": d.depth,
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "updated_by": who,
        }
        for d in drafts
    ]
    table = cast(Table, KpWarning.__table__)
    ids = [
        r[0]
        for r in session.execute(
            table.insert().returning(table.c.id, sort_by_parameter_order=True), rows
        ).all()
    ]
    mark_changed(session, "kp_warning")
    daily: dict[tuple[object, str, str], int] = {}
    for d in drafts:
        key = (local_date(now), d.town_code or "", d.level)
        daily[key] = daily.get(key, 0) + 1
    _count_daily(session, daily)
    keepers = _keepers_of(session, [d.person_id for d in drafts])
    texts: list[dict[str, Any]] = []
    messages: list[inbox.Outgoing] = []
    text_counts: list[int] = []
    for wid, d, row in zip(ids, drafts, rows, strict=True):
        to = _recipients(session, d, keepers[d.person_id])
        due = cast(datetime, row["due_at"]).astimezone()
        place = _town(session, d.town_code)
        urgent = d.level in (LEVEL_ORANGE, LEVEL_RED)
        title = f"{LEVEL_NAMES[d.level]}：{d.name}" + (f"（{place}）" if place else "")
        if d.escalated_from_id is not None:
            title = "【逾期升级】" + title
        messages.append(
            inbox.Outgoing(
                to.user_ids,
                KIND_WARNING,
                title[:200],
                f"{d.reason}\n请于 {due:%Y-%m-%d %H:%M} 前签收处置。",
                ("kp_warning", wid),
                PRIORITY_URGENT if urgent else PRIORITY_HIGH,
                requires_ack=True,
            )
        )
        text = (
            f"重点人员预警：{place}{masked_name(d.name)}为{LEVEL_NAMES[d.level]}（{d.score}分），"
            f"请在{rules.warning_hours.get(d.level, 24)}小时内核查处置并在系统中签收。"
        )
        mine = text_rows(
            session,
            to.phones,
            text,
            key=f"kp_warning:{wid}",
            user_triggered=urgent,
            related=("kp_warning", wid),
            now=now,
        )
        texts.extend(mine)
        text_counts.append(len(mine))
    sent = inbox.send_many(session, messages, sender=actor, now=now)  # one statement for all of them
    raised = [
        RaisedWarning(wid, d.person_id, d.level, n, t)
        for wid, d, n, t in zip(ids, drafts, sent, text_counts, strict=True)
    ]
    if audit_each:
        for w, d, m in zip(raised, drafts, messages, strict=True):
            audit.record(
                session,
                actor or SYSTEM,
                "kp_warning_raise",
                entity="kp_warning",
                entity_id=w.id,
                new={
                    "person_id": d.person_id,
                    "level": d.level,
                    "score": d.score,
                    "recipients": len(m.recipients),
                },
                detail=f"{d.name}：{LEVEL_NAMES[d.level]}",
            )
    insert_texts(session, texts)
    if not audit_each:
        audit.record(
            session,
            actor or SYSTEM,
            "kp_warning_raise",
            entity="kp_warning",
            entity_id=f"{ids[0]}-{ids[-1]}",
            new={"warnings": [[w.id, w.person_id, w.level] for w in raised]},
            detail=f"定时任务发出预警 {len(raised)} 条",
        )
    return raised
