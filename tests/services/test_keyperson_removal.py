"""Removal from supervision (撤管): four eyes in the service and in the database, refusals that change nothing,
exactly one of two simultaneous decisions, and the printed approval form with both persons' opinions."""

from __future__ import annotations

import subprocess
import threading
from datetime import timedelta

import pytest
from conftest import make_user
from keyperson_support import NOW, add_keepers, make_world, person, register
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from app.core.errors import DomainError, PermissionDenied, ValidationError
from app.models.db import Database
from app.models.keyperson_removal import KpRemovalRequest
from app.models.messaging import InboxMessage, SmsMessage
from app.printing.removal_approval_form import render_removal_form
from app.services import keyperson_removal, keyperson_removal_form, keyperson_visits

REASONS = "矫正期满，期间遵纪守法，表现良好"
EVIDENCE = [("矫正期满证明", True), ("近期走访记录", True), ("村委会证明", False)]


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def ask(db, world, pid, *, who=None, now=NOW):
    with db.session() as s:
        return keyperson_removal.request(s, who or world.officer, pid, REASONS, EVIDENCE, now=now)


def decide(db, actor, rid, approve=True, opinion="材料齐全，同意撤管", now=NOW + timedelta(hours=3)):
    with db.session() as s:
        return keyperson_removal.decide(s, actor, rid, approve=approve, opinion=opinion, now=now)


def stored(db, rid) -> KpRemovalRequest:
    with db.session() as s:
        r = s.get(KpRemovalRequest, rid)
        s.expunge(r)
        return r


def test_a_different_supervisor_approves_and_the_keepers_are_told(db, world):
    pid = register(db, world, category="correction")
    add_keepers(db, world, pid)
    rid = ask(db, world, pid).id
    info = decide(db, world.boss, rid)
    assert info.status == "approved" and info.decider_name == "陈所长"
    p = person(db, pid)
    assert (p.status, p.level, p.next_visit_due) == ("removed", "none", None)
    with db.session() as s:
        told = (
            s.execute(select(InboxMessage.user_id).where(InboxMessage.title == "已撤管：刘某"))
            .scalars()
            .all()
        )
        texts = s.execute(
            select(SmsMessage.phone).where(SmsMessage.dedupe_key.like(f"kp_removal:{rid}:%"))
        ).scalars()
    assert {world.officer.user_id, world.cadre.user_id} <= set(told)
    assert len(set(texts)) == 4
    with pytest.raises(DomainError) as after, db.session() as s:
        keyperson_visits.record_visit(
            s, world.officer, pid, {"kind": "home", "visited_at": NOW, "findings": "x"}, now=NOW
        )
    assert "已撤管" in after.value.message()


def test_the_requester_can_never_approve_their_own_request(db, world):
    pid = register(db, world)
    rid = ask(db, world, pid, who=world.boss).id  # a supervisor asks...
    with pytest.raises(DomainError) as own:
        decide(db, world.boss, rid)  # ...and may not decide it, though a supervisor
    assert own.value.message() == "不能审批本人提出的申请。"
    assert stored(db, rid).status == "pending"
    assert decide(db, world.boss2, rid, approve=False, opinion="暂缓").status == "rejected"


def test_only_those_who_may_approve_decide(db, world):
    pid = register(db, world)
    rid = ask(db, world, pid).id
    with pytest.raises(PermissionDenied):
        decide(db, world.cadre, rid)
    assert stored(db, rid).status == "pending"


def test_bad_requests_are_refused_and_change_nothing(db, world):
    pid = register(db, world)
    with pytest.raises(ValidationError), db.session() as s:
        keyperson_removal.request(s, world.officer, pid, " ", EVIDENCE, now=NOW)
    with pytest.raises(ValidationError), db.session() as s:
        keyperson_removal.request(s, world.officer, pid, REASONS, [("证明", False)], now=NOW)
    ask(db, world, pid)
    with pytest.raises(DomainError) as twice:
        ask(db, world, pid, who=world.boss2)
    assert "已有一份待审批的撤管申请" in twice.value.message()


def test_no_removal_while_a_high_risk_alert_is_open(db, world):
    pid = register(db, world, category="mental", grade=5)  # 65: orange
    with db.session() as s:
        keyperson_visits.record_event(
            s,
            world.officer,
            pid,
            {"kind": "stopped_medication", "occurred_on": NOW.date(), "note": "停药"},
            now=NOW,
        )
    assert person(db, pid).level == "red"
    with pytest.raises(DomainError) as caught:
        ask(db, world, pid)
    assert "高风险警报" in caught.value.message()
    with db.session() as s:
        assert s.execute(select(KpRemovalRequest.id)).first() is None


def test_a_decided_request_cannot_be_decided_again(db, world):
    pid = register(db, world)
    rid = ask(db, world, pid).id
    decide(db, world.boss, rid, approve=False, opinion="继续管控")
    with pytest.raises(DomainError) as again:
        decide(db, world.boss2, rid)
    assert "已由陈所长于" in again.value.message() and "驳回" in again.value.message()
    assert stored(db, rid).status == "rejected" and person(db, pid).status == "active"


def test_two_supervisors_deciding_at_once_exactly_one_decision_stands(db, db_url, world):
    pid = register(db, world)
    rid = ask(db, world, pid).id
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def run(name: str, actor, approve: bool) -> None:
        other = Database(db_url)
        try:
            barrier.wait()
            with other.session() as s:
                outcomes[name] = keyperson_removal.decide(
                    s, actor, rid, approve=approve, opinion=name, now=NOW + timedelta(hours=1)
                ).status
        except DomainError as exc:
            outcomes[name] = exc
        finally:
            other.dispose()

    threads = [
        threading.Thread(target=run, args=("同意", world.boss, True)),
        threading.Thread(target=run, args=("不同意", world.boss2, False)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    decided = [v for v in outcomes.values() if isinstance(v, str)]
    refused = [v for v in outcomes.values() if isinstance(v, DomainError)]
    assert len(decided) == 1 and len(refused) == 1, outcomes
    assert "不能再次审批" in refused[0].message()
    final = stored(db, rid)
    assert final.status == decided[0] and final.opinion in ("同意", "不同意")


# --- the database holds the same rule, whoever writes ----------------------------------------------------


def test_the_database_refuses_self_approval_and_re_decision(db, world):
    pid = register(db, world)
    rid = ask(db, world, pid, who=world.boss).id
    with pytest.raises(DBAPIError), db.session() as s:  # the requester as decider: CHECK four_eyes
        s.execute(
            update(KpRemovalRequest)
            .where(KpRemovalRequest.id == rid)
            .values(status="approved", decided_by=world.boss.user_id, decided_at=NOW, opinion="自批")
        )
    with pytest.raises(DBAPIError), db.session() as s:  # a decider without the approval permission
        s.execute(
            text("UPDATE kp_removal_request SET status='approved', decided_by=:u, decided_at=:t WHERE id=:r"),
            {"u": world.cadre.user_id, "t": NOW, "r": rid},
        )
    with pytest.raises(DBAPIError), db.session() as s:  # decided without a decider: CHECK decision_signed
        s.execute(text("UPDATE kp_removal_request SET status='rejected' WHERE id=:r"), {"r": rid})
    assert stored(db, rid).status == "pending"
    with db.session() as s:  # a proper decision, straight in SQL, by another supervisor: accepted
        s.execute(
            text("UPDATE kp_removal_request SET status='approved', decided_by=:u, decided_at=:t WHERE id=:r"),
            {"u": world.boss2.user_id, "t": NOW, "r": rid},
        )
    with pytest.raises(DBAPIError), db.session() as s:  # and final: nobody changes it afterwards
        s.execute(
            text("UPDATE kp_removal_request SET status='rejected', decided_by=:u WHERE id=:r"),
            {"u": world.boss.user_id, "r": rid},
        )
    assert stored(db, rid).status == "approved"


def test_the_database_refuses_a_request_inserted_as_already_approved_by_its_requester(db, world):
    pid = register(db, world)
    with pytest.raises(DBAPIError), db.session() as s:
        s.execute(
            text(
                "INSERT INTO kp_removal_request (person_id, requested_by, requested_at, reasons, evidence, status,"
                " decided_by, decided_at, opinion, version, created_at, updated_at)"
                " VALUES (:p, :u, :t, 'x', '[]', 'approved', :u, :t, 'x', 1, :t, :t)"
            ),
            {"p": pid, "u": world.boss.user_id, "t": NOW},
        )


# --- the printed form ----------------------------------------------------------------------------------


def test_the_approval_form_shows_both_persons_their_opinions_and_the_dates(db, world, tmp_path):
    pid = register(db, world, category="correction", name="赵某某")
    add_keepers(db, world, pid, 3)
    rid = ask(db, world, pid).id
    decide(db, world.boss, rid, opinion="经所务会研究，同意撤管")
    with db.session() as s:
        form = keyperson_removal_form.form(s, world.boss, rid)
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(render_removal_form(form, printed_by="陈所长"))
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(out.split())
    for expected in (
        "重点人员撤管审批表",
        "赵某某",
        "社区矫正对象",
        REASONS,
        "申请人：张警官",
        "日期：2026年11月30日",
        "审批人：陈所长",
        "审批结论：同意撤管",
        "经所务会研究，同意撤管",
        "矫正期满证明",
        "已提交",
        "未提交",
        "王村支书",
    ):
        assert expected in flat, expected
    assert form.id_number == person(db, pid).id_number  # a supervisor may see it in full (audited)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(line.split()[-5] == "yes" for line in rows)


def test_an_officer_prints_the_form_with_the_id_number_masked(db, world):
    pid = register(db, world)
    rid = ask(db, world, pid).id
    with db.session() as s:
        form = keyperson_removal_form.form(s, world.officer, rid)
    assert "*" in form.id_number and form.decision == "" and form.status == "待审批"
