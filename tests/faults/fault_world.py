"""A small bureau for the fault tests, the multi-row saves a workstation makes, and the checks run afterwards.

The saves are the real services: ``orders.send`` to every officer (an order, one inbox message and one receipt
per officer, one audit record) and ``intake.intake`` of a new citizen (the register entry, the item, its timeline,
the text to the citizen, the audit record). Each save is one transaction, so after any fault every order and
every item must be complete or absent, and the audit chain must hold exactly one record per save.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import configure_mappers

from app.core.validators import make_id_number
from app.models.accounts import Role, User, user_role
from app.models.audit import AuditRecord
from app.models.citizen import Citizen
from app.models.db import Database
from app.models.dispatch_order import DispatchOrder, DispatchOrderReceipt
from app.models.messaging import InboxMessage
from app.models.org import Unit
from app.models.service_catalogue import ServiceCatalogueItem
from app.models.service_item import ServiceEvent, ServiceItem
from app.services import audit, intake, orders, standard_items
from app.services.auth import actor_for
from app.services.context import SYSTEM, Actor

configure_mappers()  # once, in the forkserver, rather than in every forked writer

ZM01_MATERIALS = ("本人有效居民身份证", "无犯罪记录证明申请表")
ORDER_PREFIX = "演练"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def build(db: Database, officers: int) -> None:
    """Departments, the standard catalogue, one station with ``officers`` officers, a dispatcher and a clerk."""
    now = datetime.now(UTC)
    with db.session() as s:
        standard_items.load_standard_items(s, SYSTEM)
        station = Unit(code="PCS610925100", name="城关派出所", kind="station", updated_by="t")
        s.add(station)
        s.flush()
        base = {"password_hash": "!", "unit_id": station.id, "active": True, "must_change_password": False,
                "version": 1, "created_at": now, "updated_at": now}
        people = [{**base, "username": f"officer{i:04d}", "display_name": f"民警{i}"} for i in range(officers)]
        people += [{**base, "username": "dispatcher", "display_name": "周调度"},
                   {**base, "username": "clerk", "display_name": "李窗口"}]
        s.execute(insert(User), people)
        roles = dict(s.execute(select(Role.code, Role.id)).all())
        users = s.execute(select(User.username, User.id)).all()
        s.execute(insert(user_role), [
            {"user_id": uid, "role_id": roles[name if name in ("dispatcher", "clerk") else "officer"]}
            for name, uid in users
        ])


def actors(db: Database) -> tuple[Actor, Actor]:
    """The dispatcher and the clerk."""
    with db.session() as s:
        found = {u.username: actor_for(s, u) for u in s.execute(select(User)).scalars()
                 if u.username in ("dispatcher", "clerk")}
    return found["dispatcher"], found["clerk"]


def id_number(run: int, i: int) -> str:
    """A valid ID number unique to save ``i`` of run ``run``."""
    return make_id_number("610925", date(1950, 1, 1) + timedelta(days=run * 600 + i), 100 + run % 800)


class Saver:
    """Makes save number ``i`` of a run: even numbers send an order to everyone, odd ones take an intake."""

    def __init__(self, db: Database, run: int) -> None:
        self.db = db
        self.run = run
        self.dispatcher, self.clerk = actors(db)
        with db.session() as s:
            self.catalogue_id = s.execute(
                select(ServiceCatalogueItem.id).where(ServiceCatalogueItem.code == "ZM01")
            ).scalar_one()

    def key(self, i: int) -> str:
        return f"{ORDER_PREFIX}{self.run}-{i}" if i % 2 == 0 else id_number(self.run, i)

    def save(self, i: int) -> str:
        """One transaction through the real service; returns the key the checks look for."""
        key = self.key(i)
        with self.db.session() as s:
            if i % 2 == 0:
                orders.send(s, self.dispatcher, orders.OrderDraft(title=key, body="故障演练：" * 20, everyone=True))
            else:
                form = intake.IntakeForm(
                    id_number=key, catalogue_id=self.catalogue_id, name="张三", phone="13912345678",
                    materials_received=ZM01_MATERIALS, form_values={"用途": "入职体检"}, note="故障演练",
                )
                intake.intake(s, self.clerk, form)
        return key


def write_forever(url: str, log_path: str, run: int) -> None:
    """A workstation saving as fast as it can until it is killed: ``begin i`` before, ``done i`` after each."""
    db = Database(url)
    saver = Saver(db, run)
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    i = 0
    while True:
        os.write(fd, f"begin {i} {saver.key(i)}\n".encode())
        saver.save(i)
        os.write(fd, f"done {i} {saver.key(i)}\n".encode())
        i += 1


@dataclass
class State:
    """What a database holds after a fault, and what is wrong with it (``problems`` must stay empty)."""

    orders: set[str] = field(default_factory=set)
    citizens: set[str] = field(default_factory=set)
    audit_records: int = 0
    problems: list[str] = field(default_factory=list)


def inspect(db: Database) -> State:
    """Integrity, foreign keys, the audit chain, and every order and item complete with one audit record."""
    state = State()
    with db.session() as s:
        if db.backend == "sqlite":
            result = s.execute(text("PRAGMA integrity_check")).scalars().all()
            if result != ["ok"]:
                state.problems.append(f"integrity_check: {result[:5]}")
            orphans = s.execute(text("PRAGMA foreign_key_check")).all()
            if orphans:
                state.problems.append(f"foreign_key_check: {orphans[:5]}")
        verified = audit.verify(s)
        if not verified.ok:
            state.problems.append(f"audit chain broken at {verified.first_bad_id}: {verified.reason}")
        state.audit_records = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
        receipts = dict(s.execute(
            select(DispatchOrderReceipt.order_id, func.count()).group_by(DispatchOrderReceipt.order_id)).all())
        inbox = dict(s.execute(
            select(InboxMessage.entity_id, func.count()).where(InboxMessage.entity == "dispatch_order")
            .group_by(InboxMessage.entity_id)).all())
        sent = dict(s.execute(
            select(AuditRecord.entity_id, func.count()).where(AuditRecord.action == "send")
            .group_by(AuditRecord.entity_id)).all())
        for oid, title, count in s.execute(select(DispatchOrder.id, DispatchOrder.title, DispatchOrder.recipient_count)):
            got = (receipts.get(oid, 0), inbox.get(str(oid), 0), sent.get(str(oid), 0))
            if got != (count, count, 1):
                state.problems.append(f"order {title}: receipts, inbox, audit = {got}, expected {count}, {count}, 1")
            state.orders.add(title)
        events = dict(s.execute(select(ServiceEvent.item_id, func.count()).group_by(ServiceEvent.item_id)).all())
        taken = dict(s.execute(
            select(AuditRecord.entity_id, func.count()).where(AuditRecord.action == "service_intake")
            .group_by(AuditRecord.entity_id)).all())
        for iid, number in s.execute(select(ServiceItem.id, Citizen.id_number).join(Citizen)):
            if events.get(iid, 0) < 2 or taken.get(str(iid), 0) != 1:
                state.problems.append(f"item of {number}: events {events.get(iid, 0)}, audit {taken.get(str(iid))}")
            state.citizens.add(number)
        has_item = select(ServiceItem.id).where(ServiceItem.citizen_id == Citizen.id).exists()
        lonely = s.execute(select(Citizen.id_number).where(~has_item)).scalars().all()
        if lonely:
            state.problems.append(f"citizens registered without their intake: {lonely[:5]}")
    return state


def saves_expected(state: State) -> int:
    """Audit records the saves found in ``state`` must have written: one per order; two per intake (the
    citizen's registration and the intake)."""
    return len(state.orders) + 2 * len(state.citizens)


def forkserver():  # type: ignore[no-untyped-def]
    """multiprocessing's forkserver with this module, the app and pypinyin loaded once: each writer is a fork.

    Python 3.11's forkserver ignores the parent's ``sys.path``, so the path goes in through PYTHONPATH while the
    server starts (it keeps running for the whole session; later starts reuse it).
    """
    import multiprocessing
    import multiprocessing.forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["fault_world", "pypinyin"])  # pinyin search keys load lazily and slowly
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    saved = os.environ.get("PYTHONPATH")
    bench = os.path.join(root, "bench")  # bench_load's desks run here too (tests/faults/test_fault_load_small.py)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (here, root, bench, saved) if p)
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved
    return ctx


def _wal_bytes(path: str) -> int:
    return os.path.getsize(path + "-wal") if os.path.exists(path + "-wal") else 0


def _saves_under_limit(template: str, path: str, run: int, saves: int, limit: int | None) -> dict[str, Any]:
    """Copy the template, then make ``saves`` saves with files limited to ``limit`` bytes; what each did."""
    import resource
    import shutil

    from app.core.errors import DomainError
    from app.models.db import sqlite_url, user_error

    shutil.copyfile(template, path)
    db = Database(sqlite_url(path))
    saver = Saver(db, run)  # reads before the limit: the failures below are writes
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    outcomes: list[dict[str, Any]] = []
    if limit is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        for i in range(saves):
            try:
                outcomes.append({"key": saver.save(i), "ok": True})
            except Exception as exc:  # noqa: BLE001 - classified below, as the GUI does
                shown = exc if isinstance(exc, DomainError) else user_error(exc)
                outcomes.append({
                    "key": saver.key(i), "ok": False, "raised": type(exc).__name__,
                    "code": shown.code if shown is not None else None,
                    "message": shown.message() if shown is not None else repr(exc),
                })
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    wal = _wal_bytes(path)
    db.dispose()
    return {"path": path, "limit": limit, "outcomes": outcomes, "wal": wal}


def full_disk_sweep(template: str, folder: str, saves: int, points: int, out: str) -> None:
    """Find how many WAL bytes ``saves`` saves write, then repeat them with the file size limited at ``points``
    places across that range, each time on a fresh copy: the first write past the limit fails with EFBIG, as on a
    full disk. Runs in its own process (the limit is per process); the results go to ``out`` as JSON."""
    import json
    import random
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    dry = _saves_under_limit(template, os.path.join(folder, "dry.db"), 0, saves, None)
    needed = dry["wal"]
    rng = random.Random(9)
    limits = sorted({rng.randrange(0, needed) for _ in range(points)})
    results = [dry] + [
        _saves_under_limit(template, os.path.join(folder, f"limit{n}.db"), n + 1, saves, limit)
        for n, limit in enumerate(limits)
    ]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False)
