"""Many workstations, one PostgreSQL server: a bounded load test through the real services.

    .venv/bin/python bench/bench_load.py                          # 20 workstations, 60 s, own throwaway cluster
    .venv/bin/python bench/bench_load.py --db postgresql+psycopg://postgres@127.0.0.1:5432/postgres --seconds 30

Each workstation is a separate process on loopback with its own connection pool, logged in as one user, doing
what that desk does all day: clerks take intakes at the window and correct citizens' records, community
officers record key-person visits and risk events (which raise warnings), dispatchers send orders to a
station, officers acknowledge the orders that reached them. Saves retry once more when the server rolls a
transaction back (deadlock, serialization failure), as the GUI's ``run_op`` does; anything else is either a
domain error (a message in Chinese: conflicts are counted) or an unexpected exception, which fails the run.

Afterwards: no lost update (each citizen's version went up exactly once per successful edit; edits race on a
few hot records, so conflicts do happen and must be reported as the app's conflict error), the audit chain
verifies, every order's receipts are whole. Printed: throughput and latency percentiles per operation.
The database is created fresh on the server (``--db`` names the server; a new database is made beside).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ("clerk", "community", "dispatcher", "officer")
HOT_CITIZENS = 8  # edited from every clerk's desk at once: where lost updates would show
OFFICERS = 30


# -- the world -----------------------------------------------------------------------------------------------
def build(url: str, workstations: int) -> dict[str, Any]:
    """Stations, people, the catalogue, key persons and a few citizens; returns what the desks need."""
    from sqlalchemy import insert, select

    from app.core.validators import make_id_number
    from app.models.accounts import Role, User, user_role
    from app.models.db import Database
    from app.models.org import Unit
    from app.services import entity_service, reference_data, schema, standard_items
    from app.services.auth import actor_for
    from app.services.citizens import CITIZEN_SPEC
    from app.services.context import SYSTEM
    from app.services.keyperson_persons import create as create_person

    db = Database(url)
    schema.upgrade(db)
    now = datetime.now(UTC)
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
        standard_items.load_standard_items(s, SYSTEM)
        station = Unit(
            code="PCS610925100", name="城关派出所", kind="station", town_code="610925100000", updated_by="t"
        )
        s.add(station)
        s.flush()
        roles = dict(s.execute(select(Role.code, Role.id)).all())
        base = {
            "password_hash": "!",
            "unit_id": station.id,
            "active": True,
            "must_change_password": False,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        people = [
            {**base, "username": f"ws{i:02d}", "display_name": f"工作站{i}"} for i in range(workstations)
        ]
        people += [
            {**base, "username": f"officer{i:03d}", "display_name": f"民警{i}"} for i in range(OFFICERS)
        ]
        people.append({**base, "username": "boss", "display_name": "陈所长"})
        s.execute(insert(User), people)
        ids = dict(s.execute(select(User.username, User.id)).all())
        links = [
            {"user_id": ids[f"ws{i:02d}"], "role_id": roles[KINDS[i % len(KINDS)]]}
            for i in range(workstations)
        ]
        links += [{"user_id": ids[f"officer{i:03d}"], "role_id": roles["officer"]} for i in range(OFFICERS)]
        links.append({"user_id": ids["boss"], "role_id": roles["supervisor"]})
        s.execute(insert(user_role), links)
        boss = actor_for(s, s.get(User, ids["boss"]))
        citizens = []
        for i in range(HOT_CITIZENS):
            values = {
                "id_number": make_id_number("610925", date(1970, 1, 1 + i), 201 + i),
                "name": f"热点{i}",
            }
            citizens.append(entity_service.create(s, boss, CITIZEN_SPEC, values).row.id)
        community = next(
            (
                actor_for(s, s.get(User, ids[f"ws{i:02d}"]))
                for i in range(workstations)
                if KINDS[i % len(KINDS)] == "community"
            ),
            boss,
        )
        persons = []
        for i in range(10):
            values = {
                "id_number": make_id_number("610925", date(1985, 2, 1 + i), 301 + i),
                "name": f"重点{i}",
                "category_code": "released",
                "town_code": "610925100000",
                "address": "城关镇东街12号",
                "station_id": station.id,
                "officer_id": community.user_id,
                "supervisor_id": boss.user_id,
                "registered_on": (now - timedelta(days=30)).date(),
            }
            persons.append(create_person(s, community, values, now=now).row.id)
    db.dispose()
    return {"station": station.id, "citizens": citizens, "persons": persons}


# -- one workstation -----------------------------------------------------------------------------------------
class Desk:
    """One logged-in workstation: picks its next operation and runs it through the services."""

    def __init__(self, url: str, ws: int, world: dict[str, Any]) -> None:
        from sqlalchemy import select

        from app.models.accounts import User
        from app.models.db import Database
        from app.models.service_catalogue import ServiceCatalogueItem
        from app.services.auth import actor_for

        self.db = Database(url, pool_size=2)
        self.ws = ws
        self.kind = KINDS[ws % len(KINDS)]
        self.world = world
        self.rng = random.Random(ws)
        self.n = 0
        with self.db.session() as s:
            self.actor = actor_for(
                s, s.execute(select(User).where(User.username == f"ws{ws:02d}")).scalar_one()
            )
            self.catalogue = s.execute(
                select(ServiceCatalogueItem.id).where(ServiceCatalogueItem.code == "ZM01")
            ).scalar_one()
        self.edits: dict[int, int] = {}  # citizen id -> successful edits from this desk
        self.pending_edit: int | None = None
        self.renamed: str | None = None

    def next_op(self) -> tuple[str, Callable[[Any], Any]]:
        self.n += 1
        r = self.rng.random()
        if self.kind == "clerk":
            return ("citizen_edit", self.edit_citizen) if r < 0.35 else ("intake", self.intake)
        if self.kind == "community":
            return ("kp_event", self.event) if r < 0.25 else ("kp_visit", self.visit)
        if self.kind == "dispatcher":
            return "order_send", self.send_order
        return "order_ack", self.acknowledge

    def intake(self, s: Any) -> Any:
        from app.core.validators import make_id_number
        from app.services import intake

        number = make_id_number(
            "610925",
            date(1950, 1, 1) + timedelta(days=self.ws * 1000 + self.n % 1000),
            (self.n // 1000) % 999 + 1,
        )
        form = intake.IntakeForm(
            id_number=number,
            catalogue_id=self.catalogue,
            name=f"群众{self.ws}",
            phone="13912345678",
            materials_received=("本人有效居民身份证", "无犯罪记录证明申请表"),
            form_values={"用途": "入职体检"},
        )
        return intake.intake(s, self.actor, form)

    def edit_citizen(self, s: Any) -> Any:
        """Read, think (the clerk types), save against the version read: the optimistic lock at work."""
        from app.services import entity_service
        from app.services.citizens import CITIZEN_SPEC

        ident = self.rng.choice(self.world["citizens"])
        with self.db.read_session() as r:
            row = entity_service.get(r, self.actor, CITIZEN_SPEC, ident)
        time.sleep(self.rng.uniform(0.0, 0.05))
        saved = entity_service.update(
            s,
            self.actor,
            CITIZEN_SPEC,
            ident,
            row.version,
            {"address": f"城关镇{self.ws}号工作站第{self.n}次更正"},
        )
        self.pending_edit = ident
        return saved

    def visit(self, s: Any) -> Any:
        from app.services import keyperson_visits

        person = self.rng.choice(self.world["persons"])
        now = datetime.now(UTC)
        values = {
            "kind": "home",
            "visited_at": now - timedelta(minutes=5),
            "contact_made": True,
            "place": "家中",
            "findings": f"本人在家，情况稳定（{self.n}）",
        }
        return keyperson_visits.record_visit(s, self.actor, person, values, now=now)

    def event(self, s: Any) -> Any:
        from app.services import keyperson_visits
        from app.services.keyperson_work_specs import EVENT_SPEC

        kinds = EVENT_SPEC.field("kind").choices
        options = kinds(s) if callable(kinds) else kinds
        person = self.rng.choice(self.world["persons"])
        now = datetime.now(UTC)
        values = {
            "kind": self.rng.choice(options)[0],
            "occurred_on": now.date(),
            "note": f"负载演练事件{self.n}",
        }
        return keyperson_visits.record_event(s, self.actor, person, values, now=now)

    def send_order(self, s: Any) -> Any:
        from app.services import orders

        draft = orders.OrderDraft(
            title=f"负载演练警令{self.ws}-{self.n}", body="请按要求落实。", unit_ids=(self.world["station"],)
        )
        return orders.send(s, self.actor, draft)

    def acknowledge(self, s: Any) -> Any:
        from app.services import order_receipts

        waiting = [o for o in order_receipts.my_orders(s, self.actor) if o.acknowledged_at is None]
        if waiting:
            return order_receipts.acknowledge(s, self.actor, self.rng.choice(waiting).order_id)
        self.renamed = "inbox_check"  # nothing to acknowledge: the officer only looked
        return None


def run_desk(url: str, ws: int, world: dict[str, Any], seconds: float, out: str) -> None:
    """A workstation's loop; what happened goes to ``out`` as JSON (never a traceback to a user)."""
    from app.core.errors import ConflictError, DomainError
    from app.models.db import BUSY, failure_kind

    desk = Desk(url, ws, world)
    records: list[tuple[str, float, str]] = []
    unexpected: list[str] = []
    retries = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or not records:  # at least one operation, however slow the machine
        name, op = desk.next_op()
        desk.pending_edit = None
        desk.renamed = None
        t0 = time.perf_counter()
        outcome = "ok"
        for attempt in range(3):
            try:
                with desk.db.session() as s:
                    op(s)
                if desk.pending_edit is not None:
                    desk.edits[desk.pending_edit] = desk.edits.get(desk.pending_edit, 0) + 1
                outcome = "ok"
                break
            except ConflictError:
                outcome = "conflict"
                break
            except DomainError as exc:
                outcome = f"refused:{exc.code}"
                break
            except Exception as exc:  # noqa: BLE001 - classified like run_op does
                if failure_kind(exc) == BUSY and attempt < 2:
                    retries += 1
                    time.sleep(random.uniform(0.02, 0.1))
                    continue
                outcome = "unexpected"
                unexpected.append("".join(traceback.format_exception(exc))[-2000:])
                break
        records.append((desk.renamed or name, time.perf_counter() - t0, outcome))
    desk.db.dispose()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(
            {
                "records": records,
                "unexpected": unexpected,
                "retries": retries,
                "edits": {str(k): v for k, v in desk.edits.items()},
            },
            f,
            ensure_ascii=False,
        )


# -- afterwards ----------------------------------------------------------------------------------------------
def check(url: str, world: dict[str, Any], edits: dict[int, int]) -> list[str]:
    """Lost updates, the audit chain, whole orders; returns what is wrong."""
    from sqlalchemy import func, select

    from app.models.citizen import Citizen
    from app.models.db import Database
    from app.models.dispatch_order import DispatchOrder, DispatchOrderReceipt
    from app.services import audit

    problems = []
    db = Database(url)
    with db.session() as s:
        versions = dict(
            s.execute(select(Citizen.id, Citizen.version).where(Citizen.id.in_(world["citizens"]))).all()
        )
        for ident in world["citizens"]:
            if versions[ident] - 1 != edits.get(ident, 0):
                problems.append(
                    f"citizen {ident}: {edits.get(ident, 0)} edits saved but version {versions[ident]}"
                )
        verified = audit.verify(s)
        if not verified.ok:
            problems.append(f"audit chain broken at {verified.first_bad_id}")
        receipts = dict(
            s.execute(
                select(DispatchOrderReceipt.order_id, func.count()).group_by(DispatchOrderReceipt.order_id)
            ).all()
        )
        for oid, count in s.execute(select(DispatchOrder.id, DispatchOrder.recipient_count)):
            if receipts.get(oid, 0) != count:
                problems.append(f"order {oid}: {receipts.get(oid, 0)} receipts of {count}")
    db.dispose()
    return problems


def run(url: str, workstations: int, seconds: float, folder: Path, ctx: Any = None) -> dict[str, Any]:
    """Build, run the desks as processes, gather; returns figures and problems (used by the test too).

    ``ctx``: the multiprocessing context (fork by default; the test passes its forkserver)."""
    world = build(url, workstations)
    import pypinyin  # noqa: F401 - loaded once here, not in every desk's first save
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    ctx = ctx or multiprocessing.get_context("fork")
    procs = []
    for ws in range(workstations):
        p = ctx.Process(target=run_desk, args=(url, ws, world, seconds, str(folder / f"ws{ws}.json")))
        p.start()
        procs.append(p)
    for p in procs:
        p.join(seconds + 300)
    results = []
    for ws, p in enumerate(procs):
        path = folder / f"ws{ws}.json"
        if p.exitcode != 0 or not path.exists():
            results.append(
                {
                    "records": [],
                    "unexpected": [f"workstation {ws} died (exit {p.exitcode})"],
                    "retries": 0,
                    "edits": {},
                }
            )
        else:
            results.append(json.loads(path.read_text(encoding="utf-8")))
    edits: dict[int, int] = {}
    for r in results:
        for k, v in r["edits"].items():
            edits[int(k)] = edits.get(int(k), 0) + v
    return {
        "records": [rec for r in results for rec in r["records"]],
        "unexpected": [u for r in results for u in r["unexpected"]],
        "retries": sum(r["retries"] for r in results),
        "problems": check(url, world, edits),
    }


def _fresh_database(server_url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"jingwu_load_{uuid.uuid4().hex[:8]}"
    eng = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def report(figures: dict[str, Any], seconds: float) -> None:
    by_op: dict[str, list[tuple[float, str]]] = {}
    for name, latency, outcome in figures["records"]:
        by_op.setdefault(name, []).append((latency, outcome))
    print(f"{'operation':<14}{'done':>7}{'per s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  outcomes")
    for name in sorted(by_op):
        rows = by_op[name]
        lat = [t for t, o in rows if o == "ok"] or [t for t, _ in rows]
        outcomes: dict[str, int] = {}
        for _t, o in rows:
            outcomes[o] = outcomes.get(o, 0) + 1
        print(
            f"{name:<14}{len(rows):>7}{len(rows) / seconds:>8.1f}{_pct(lat, 0.5):>9.0f}{_pct(lat, 0.95):>9.0f}"
            f"{_pct(lat, 0.99):>9.0f}  {outcomes}"
        )
    total = len(figures["records"])
    print(
        f"total {total} operations, {total / seconds:.1f}/s; median {statistics.median(t for _n, t, _o in figures['records']) * 1000:.0f} ms"
    )
    print(f"transactions retried after a deadlock/serialization failure: {figures['retries']}")
    print(
        f"unexpected exceptions: {len(figures['unexpected'])}; consistency problems: {len(figures['problems'])}"
    )
    for item in figures["unexpected"][:3] + figures["problems"][:10]:
        print("  ", item)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=os.environ.get("TEST_DATABASE_URL", ""), help="PostgreSQL server URL")
    parser.add_argument("--workstations", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    own = None
    server = args.db
    if not server:
        out = subprocess.run(
            ["bash", str(ROOT / "scripts/pg_test_server.sh"), "start"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        env = dict(part.split("=", 1) for part in out.replace("export ", "").split())
        own, server = env["PGTEST_DIR"], env["TEST_DATABASE_URL"]
    try:
        url = _fresh_database(server)
        print(f"{args.workstations} workstations for {args.seconds:.0f} s against {url.split('@')[-1]}")
        print(f"load average before: {os.getloadavg()} on {os.cpu_count()} cores")
        with tempfile.TemporaryDirectory() as folder:
            figures = run(url, args.workstations, args.seconds, Path(folder))
        print(f"load average after: {os.getloadavg()}")
        report(figures, args.seconds)
        return 1 if figures["unexpected"] or figures["problems"] else 0
    finally:
        if own:
            subprocess.run(["bash", str(ROOT / "scripts/pg_test_server.sh"), "stop", own], check=False)


if __name__ == "__main__":
    raise SystemExit(main())
