"""Demo data for the citizen-service platform: a year of Langao's service window, consistent end to end.

Everything is derived the way the services would write it (due dates on the stored calendar, working days
used, one timeline step and one text per state change, look-ups, the daily figures), but inserted with
Core ``executemany`` in chunks: a year of 2,700 items with ~30,000 look-ups loads in seconds. Applicants are
the demo citizens already in the register; clerks, officers and supervisors are the demo accounts.

Called by ``demo_data.load_demo`` after the accounts and citizens exist::

    from app.services import demo_citizen_service
    demo_citizen_service.load(session, random.Random(seed), actor=actor)
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session

from app.models.accounts import Role, User, user_role
from app.models.citizen import Citizen
from app.models.db import mark_changed
from app.models.messaging import SMS_SENT, SmsMessage
from app.models.service_catalogue import CATEGORY_CERTIFICATE, ServiceCatalogueItem, split_lines
from app.models.service_item import (
    ACCEPTED,
    COMPLETED,
    DELIVERED,
    RECEIVED,
    REJECTED,
    REVIEWING,
    SUPPLEMENT,
    ServiceEvent,
    ServiceItem,
    TrackingCounter,
)
from app.models.service_records import (
    FOLLOWUP_DONE,
    FOLLOWUP_OPEN,
    ServiceFollowUp,
    ServiceLookup,
    ServiceRating,
    ServiceText,
)
from app.models.working_calendar import BEIJING
from app.services import audit, service_daily, service_texts, sms, standard_items
from app.services.context import SYSTEM, Actor
from app.services.working_days import WorkingCalendar, load_calendar, today

DEFAULT_ITEMS = 2700
LOOKUPS_PER_ITEM = 11.2  # Langao: 30,000+ look-ups for 2,689 items
MIX = {"ZM01": 30, "ZM02": 15, "ZZ01": 8, "BA01": 4, "BA02": 5, "BA03": 4, "BA04": 1, "QZ01": 10, "ZX01": 12,
       "TS01": 3, "JB01": 3, "JB02": 5}  # fmt: skip
CHANNEL_MIX = (("window", 70), ("portal", 20), ("phone", 10))
RATINGS = ((5, 75), (4, 15), (3, 5), (2, 3), (1, 2))
CHUNK = 2000


@dataclass(frozen=True)
class DemoServiceResult:
    items: int
    events: int
    texts: int
    lookups: int
    ratings: int
    followups: int


def _pick(rng: random.Random, weighted: Any) -> Any:
    pairs = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    return rng.choices([k for k, _ in pairs], weights=[w for _, w in pairs])[0]


def _moment(day: date, rng: random.Random) -> datetime:
    local = datetime.combine(day, time(8, 30), BEIJING) + timedelta(minutes=rng.randrange(9 * 60))
    return local.astimezone(UTC)


def _users_by_role(session: Session) -> dict[str, list[tuple[int | None, int | None, str]]]:
    rows = session.execute(
        select(Role.code, User.id, User.unit_id, User.display_name)
        .join(user_role, user_role.c.role_id == Role.id)
        .join(User, User.id == user_role.c.user_id)
        .where(User.active.is_(True))
    )
    out: dict[str, list[tuple[int | None, int | None, str]]] = {}
    for code, uid, unit, name in rows:
        out.setdefault(code, []).append((uid, unit, name))
    return out


class _Writer:
    """Collects rows per table and inserts them in chunks (Core ``executemany``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.counts: Counter[str] = Counter()

    PARENTS_FIRST = (ServiceItem, SmsMessage, ServiceRating)

    def add(self, model: Any, row: dict[str, Any]) -> None:
        bucket = self.rows.setdefault(model, [])
        bucket.append(row)
        if len(bucket) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        """Everything collected, parents before the rows that refer to them."""
        order = [m for m in self.PARENTS_FIRST if m in self.rows] + [
            m for m in self.rows if m not in self.PARENTS_FIRST
        ]
        for m in order:
            bucket = self.rows.get(m) or []
            if bucket:
                self.session.execute(insert(cast(Table, m.__table__)), bucket)
                self.counts[m.__tablename__] += len(bucket)
                bucket.clear()


def load(
    session: Session,
    rng: random.Random,
    *,
    actor: Actor = SYSTEM,
    items: int = DEFAULT_ITEMS,
    end: date | None = None,
    days: int = 365,
) -> DemoServiceResult:
    """A year (``days``) of items ending ``end`` (today), in the caller's transaction."""
    standard_items.load_standard_items(session, actor)
    catalogue = {c.code: c for c in session.execute(select(ServiceCatalogueItem)).scalars()}
    citizens = list(session.execute(select(Citizen.id, Citizen.name, Citizen.phone).limit(50_000)))
    if not citizens or items <= 0:
        return DemoServiceResult(0, 0, 0, 0, 0, 0)
    users = _users_by_role(session)
    nobody: list[tuple[int | None, int | None, str]] = [(None, None, "")]
    clerks = users.get("clerk", []) or nobody
    approvers = users.get("supervisor", []) or nobody
    officers = users.get("officer", []) + users.get("community", [])
    calendar = load_calendar(session)
    last = end or today()
    first = last - timedelta(days=days - 1)
    workdays = [
        first + timedelta(days=n) for n in range(days) if calendar.is_working_day(first + timedelta(days=n))
    ]
    signature = sms.current_settings(session).signature
    templates = service_texts.current(session).templates
    received_days = sorted(rng.choice(workdays) for _ in range(items))
    seq_of_day: Counter[date] = Counter()
    w = _Writer(session)
    next_id = (
        session.execute(select(ServiceItem.id).order_by(ServiceItem.id.desc()).limit(1)).scalar() or 0
    ) + 1
    next_rating = (
        session.execute(select(ServiceRating.id).order_by(ServiceRating.id.desc()).limit(1)).scalar() or 0
    ) + 1
    next_sms = (
        session.execute(select(SmsMessage.id).order_by(SmsMessage.id.desc()).limit(1)).scalar() or 0
    ) + 1
    for n, day in enumerate(received_days):
        code = _pick(rng, MIX)
        cat = catalogue[code]
        channel = _pick(rng, CHANNEL_MIX)
        cid, name, phone = rng.choice(citizens)
        owner = rng.choice(clerks)
        seq_of_day[day] += 1
        item_id = next_id + n
        plan = _plan(rng, calendar, cat, day, last)
        unit_officers = [o for o in officers if o[1] == cat.unit_id]
        officer = rng.choice(unit_officers) if unit_officers and rng.random() < 0.8 else None
        received_at = _moment(day, rng)
        materials = split_lines(cat.materials)
        row = {
            "id": item_id,
            "tracking_no": f"MS{day:%Y%m%d}-{seq_of_day[day]:04d}",
            "catalogue_id": cat.id,
            "category": cat.category,
            "citizen_id": cid,
            "applicant_name": name,
            "phone": phone,
            "channel": channel,
            "external_ref": f"WS{day:%Y%m%d}{seq_of_day[day]:04d}" if channel == "portal" else None,
            "status": plan["status"],
            "resume_status": ACCEPTED if plan["status"] == SUPPLEMENT else None,
            "unit_id": cat.unit_id,
            "officer_id": officer[0] if officer else None,
            "owner_id": owner[0] if channel != "portal" or plan["status"] != RECEIVED else None,
            "received_at": received_at,
            "received_on": day,
            "limit_days": cat.limit_days,
            "paused_since": plan["paused_since"],
            "paused_days": plan["paused_days"],
            "due_date": plan["due"].value,
            "due_provisional": plan["due"].provisional,
            "approved_by_id": rng.choice(approvers)[0] if plan["approved"] else None,
            "approved_at": _moment(plan["finished_on"], rng) if plan["approved"] else None,
            "finished_at": _moment(plan["finished_on"], rng) if plan["finished_on"] else None,
            "finished_on": plan["finished_on"],
            "working_days_used": plan["used"],
            "rating": None,
            "materials_received": materials if plan["status"] != SUPPLEMENT else materials[1:],
            "materials_missing": [] if plan["status"] != SUPPLEMENT else materials[:1],
            "form_values": {},
            "note": "",
            "outcome_note": "材料不符合受理条件" if plan["status"] == REJECTED else "",
            "event_count": len(plan["steps"]),
            "card_notified": "",
            "is_demo": True,
            "version": 1,
            "created_at": received_at,
            "updated_at": received_at,
            "updated_by": actor.username,
        }
        score = None
        if plan["finished_on"] and plan["status"] != REJECTED and rng.random() < 0.6:
            score = _pick(rng, RATINGS)
            row["rating"] = score
        w.add(ServiceItem, row)
        for seq, (action, before, after, on) in enumerate(plan["steps"], start=1):
            at = received_at if on == day else _moment(on, rng)
            who = owner if action in ("receive", "accept") else (officer or owner)
            w.add(ServiceEvent, {
                "item_id": item_id, "seq": seq, "at": at, "actor_id": who[0], "actor_name": who[2] or "系统",
                "action": action, "from_status": before, "to_status": after, "note": "",
                "snapshot": {"status": after, "unit_id": cat.unit_id, "officer": officer[2] if officer else ""},
            })  # fmt: skip
            template = templates.get({"approve": "complete"}.get(action, action), "")
            if phone and template.strip() and (action != "receive" or channel == "portal"):
                values = {"name": name, "item": cat.name, "tracking_no": row["tracking_no"],
                          "due_date": service_texts.format_day(row["due_date"]), "missing": "、".join(materials[:1]),
                          "reason": row["outcome_note"] or "（未说明）", "unit": ""}  # fmt: skip
                text = sms.render_template(template, values)
                sms_id = next_sms
                next_sms += 1
                w.add(SmsMessage, {
                    "id": sms_id, "phone": phone, "text": text, "signature": signature,
                    "segments": sms.count_segments(signature + text), "status": SMS_SENT, "attempts": 1,
                    "next_attempt_at": None, "last_error": "", "gateway": "demo", "provider_message_id": None,
                    "user_triggered": channel != "portal" and seq <= 2, "dedupe_key": f"service_item:{item_id}:{seq}:{action}",
                    "entity": "service_item", "entity_id": str(item_id), "claimed_by": None, "claimed_at": None,
                    "created_at": at, "sent_at": at, "delivered_at": None,
                })  # fmt: skip
                w.add(ServiceText, {"item_id": item_id, "sms_id": sms_id, "event": action, "day": on,
                                    "channel": channel, "unit_id": cat.unit_id,
                                    "officer_id": officer[0] if officer else 0})  # fmt: skip
        if score is not None:
            rated_on = plan["finished_on"] + timedelta(days=rng.randint(0, 3))
            rating_id = next_rating
            next_rating += 1
            w.add(ServiceRating, {"id": rating_id, "item_id": item_id, "score": score, "comment": "",
                                  "channel": rng.choice(["window", "sms"]), "rated_at": _moment(rated_on, rng),
                                  "rated_on": rated_on, "recorded_by_id": owner[0]})  # fmt: skip
            if score <= 2:
                deadline = calendar.add_working_days(rated_on, 2).value
                done = deadline < last
                w.add(ServiceFollowUp, {
                    "item_id": item_id, "rating_id": rating_id, "unit_id": cat.unit_id,
                    "tracking_no": row["tracking_no"], "applicant_name": name, "score": score,
                    "complaint": rng.choice(["等候时间太长", "窗口人员态度一般", "来回跑了两趟"]),
                    "status": FOLLOWUP_DONE if done else FOLLOWUP_OPEN, "deadline": deadline,
                    "result": "已电话回访，说明情况并致歉，群众表示理解" if done else "",
                    "satisfied_after": 4 if done else None, "done_at": _moment(deadline, rng) if done else None,
                    "done_by_name": approvers[0][2] if done else "", "version": 1, "created_at": _moment(rated_on, rng),
                    "updated_at": _moment(rated_on, rng), "updated_by": actor.username,
                })  # fmt: skip
        span = max(1, ((plan["finished_on"] or last) - day).days + 3)
        for _ in range(_poisson(rng, LOOKUPS_PER_ITEM)):
            on = min(last, day + timedelta(days=rng.randrange(span)))
            look_channel = "window" if rng.random() < 0.55 else "phone"
            w.add(ServiceLookup, {"at": _moment(on, rng), "day": on, "channel": look_channel,
                                  "query_kind": rng.choice(["tracking_no", "id_number", "phone"]),
                                  "actor_id": owner[0], "result_count": 1})  # fmt: skip
    w.flush()
    service_daily.rebuild(session)  # the figures of everything just inserted (and of what was there)
    _advance_sequences(session, ("service_item", "sms_message", "service_rating"))
    for day, count in seq_of_day.items():
        key = f"{day:%Y%m%d}"
        if session.get(TrackingCounter, key) is None:
            session.add(TrackingCounter(day=key, last=count))
    session.flush()
    mark_changed(session, "service_item", "service_event", "sms_message", "service_lookup", "service_daily")
    result = DemoServiceResult(
        w.counts["service_item"], w.counts["service_event"], w.counts["sms_message"], w.counts["service_lookup"],
        w.counts["service_rating"], w.counts["service_followup"],
    )  # fmt: skip
    audit.record(
        session, actor, "load_demo", entity="service_item", new=result.__dict__, detail="民生警务演示数据"
    )
    return result


def _advance_sequences(session: Session, tables: tuple[str, ...]) -> None:
    """Rows were inserted with their ids: move PostgreSQL's sequences past them (SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(max(id), 1) FROM {table}))"
            )
        )


def _poisson(rng: random.Random, mean: float) -> int:
    return max(0, round(rng.gauss(mean, mean**0.5)))


def _plan(
    rng: random.Random, calendar: WorkingCalendar, cat: ServiceCatalogueItem, day: date, last: date
) -> dict[str, Any]:
    """The item's fate: its steps (action, from, to, day), status, clock and dates, as the workflow would set them."""
    due = calendar.add_working_days(day, cat.limit_days)
    steps: list[tuple[str, str, str, date]] = [
        ("receive", "", RECEIVED, day),
        ("accept", RECEIVED, ACCEPTED, day),
    ]
    plan: dict[str, Any] = {"status": ACCEPTED, "paused_since": None, "paused_days": 0, "due": due,
                            "approved": False, "finished_on": None, "used": None, "steps": steps}  # fmt: skip
    age = calendar.working_days_between(day, last).days
    late = rng.random() < 0.03
    if age <= cat.limit_days + 1 and rng.random() < 0.6 or rng.random() < 0.033 * (age < 40):
        kind = rng.random()
        if kind < 0.15:
            plan["status"] = SUPPLEMENT
            plan["paused_since"] = day
            steps[-1] = ("request_materials", RECEIVED, SUPPLEMENT, day)
        elif kind < 0.5 and cat.category == CATEGORY_CERTIFICATE or kind < 0.3:
            plan["status"] = REVIEWING
            steps.append(("start_review", ACCEPTED, REVIEWING, min(last, due.value)))
        return plan
    took = cat.limit_days + rng.randint(1, 4) if late else rng.randint(0, max(0, cat.limit_days))
    finish = calendar.add_working_days(day, took).value if took else day
    finish = min(finish, last)
    plan["finished_on"] = finish
    plan["used"] = calendar.working_days_between(day, finish).days
    if rng.random() < 0.015:
        plan["status"] = REJECTED
        steps.append(("reject", ACCEPTED, REJECTED, finish))
        return plan
    if cat.needs_approval:
        steps.append(("start_review", ACCEPTED, REVIEWING, finish))
        steps.append(("approve", REVIEWING, COMPLETED, finish))
        plan["approved"] = True
    else:
        steps.append(("complete", ACCEPTED, COMPLETED, finish))
    plan["status"] = COMPLETED
    if cat.category == CATEGORY_CERTIFICATE and finish < last:
        steps.append(("deliver", COMPLETED, DELIVERED, finish))
        plan["status"] = DELIVERED
    return plan
