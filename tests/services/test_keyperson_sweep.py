"""The supervision sweep finds missed visits (漏管) and lost contact (脱管), opens inspections, rescores, and
is idempotent; inspections record findings and accountability; the assessment counts what happened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import make_user
from keyperson_support import NOW, add_keepers, make_world, person, register
from sqlalchemy import func, select

from app.core.errors import DomainError
from app.models.keyperson_inspection import KpAccountability, KpInspection
from app.models.keyperson_person import KpPersonChange
from app.models.messaging import InboxMessage
from app.services import keyperson_detail, keyperson_inspections, keyperson_visits, sweeps
from app.services.keyperson_sweep import SWEEP_NAME, run_sweep


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def inspections(db, pid):
    with db.session() as s:
        return s.execute(
            select(KpInspection.kind, KpInspection.due_on, KpInspection.status).where(
                KpInspection.person_id == pid
            )
        ).all()


def test_the_sweep_finds_a_missed_visit_once_and_adds_its_points(db, world):
    pid = register(db, world)  # registered yesterday, blue: the first visit is due in 30 days
    due = person(db, pid).next_visit_due
    quiet = run_sweep(db, NOW + timedelta(days=29))
    assert quiet["missed"] == 0
    counts = run_sweep(db, NOW + timedelta(days=32))
    assert counts["missed"] == 1 and counts["rescored"] == 1
    assert inspections(db, pid) == [("missed_visit", due, "open")]
    p = person(db, pid)
    assert p.score == 15 and any(part["rule"] == "missed_visit" for part in p.score_detail)
    again = run_sweep(db, NOW + timedelta(days=32, hours=2))
    assert again["missed"] == 0 and len(inspections(db, pid)) == 1  # idempotent
    with db.session() as s:
        told = (
            s.execute(select(InboxMessage.title).where(InboxMessage.user_id == world.officer.user_id))
            .scalars()
            .all()
        )
    assert any("1 名走访逾期（漏管）" in t for t in told)


def test_the_sweep_is_registered_and_runs_with_an_injected_clock(db, world):
    pid = register(db, world)
    assert SWEEP_NAME in {s.name for s in sweeps.REGISTRY.all()}  # registered when the module is imported
    report = sweeps.run(db, [SWEEP_NAME], now=NOW + timedelta(days=40), registry=sweeps.REGISTRY)
    assert report.ran and report.results[0].counts["missed"] == 1
    assert inspections(db, pid)[0][0] == "missed_visit"


def test_lost_contact_makes_a_person_lost_until_a_visit_reaches_them(db, world):
    pid = register(db, world)
    add_keepers(db, world, pid)
    due = person(db, pid).next_visit_due  # blue: 30 days after registration
    assert run_sweep(db, NOW + timedelta(days=59))["lost"] == 0  # overdue 29 days: a missed visit, not lost
    later = NOW + timedelta(days=61)
    counts = run_sweep(db, later)
    assert counts["lost"] == 1
    p = person(db, pid)
    assert p.status == "lost" and p.score == 10 + 5 + 20 and p.level == "yellow"
    assert ("lost_contact", due, "open") in inspections(db, pid)
    with db.session() as s:
        reasons = (
            s.execute(
                select(KpPersonChange.reason).where(
                    KpPersonChange.person_id == pid, KpPersonChange.field == "status"
                )
            )
            .scalars()
            .all()
        )
    assert reasons and "认定脱管" in reasons[0]
    with db.session() as s:
        values = {"kind": "home", "visited_at": later, "contact_made": True, "findings": "已找到本人"}
        keyperson_visits.record_visit(s, world.officer, pid, values, now=later)
    p = person(db, pid)
    assert (p.status, p.score, p.level) == ("active", 15, "blue")  # back; the missed visit still counts


def test_decay_lowers_a_score_on_its_day_with_the_reason(db, world):
    pid = register(db, world)
    with db.session() as s:
        values = {"kind": "incident", "occurred_on": NOW.date(), "note": "纠纷"}
        keyperson_visits.record_event(s, world.officer, pid, values, now=NOW)
    assert person(db, pid).level == "yellow"
    # 20 points over 180 days: on day 5 the event is worth 19 (score 29: blue).
    assert run_sweep(db, NOW + timedelta(days=4, hours=1))["level_changes"] == 0
    counts = run_sweep(db, NOW + timedelta(days=5, hours=1))
    assert counts["level_changes"] == 1
    p = person(db, pid)
    assert (p.score, p.level) == (29, "blue")
    with db.session() as s:
        last = keyperson_detail.level_history(s, pid)[-1]
    assert last[:2] == ("yellow", "blue") and "定时重新评分" in last[2] and "已过 5 天" in last[2]


def test_an_inspection_records_findings_and_accountability_once(db, world):
    pid = register(db, world)
    run_sweep(db, NOW + timedelta(days=35))
    with db.session() as s:
        task = s.execute(select(KpInspection).where(KpInspection.person_id == pid)).scalar_one()
    with pytest.raises(DomainError), db.session() as s:
        keyperson_inspections.close(s, world.boss, task.id, "", accountable=False, now=NOW)
    with db.session() as s:
        keyperson_inspections.close(
            s,
            world.boss,
            task.id,
            "民警未按期走访，无正当理由",
            accountable=True,
            now=NOW + timedelta(days=36),
        )
    with pytest.raises(DomainError) as twice, db.session() as s:
        keyperson_inspections.close(s, world.boss2, task.id, "复查", accountable=False, now=NOW)
    assert "陈所长" in twice.value.message()
    with db.session() as s:
        entry = s.execute(select(KpAccountability)).scalar_one()
        assert entry.officer_id == world.officer.user_id and entry.decided_by == world.boss.user_id
        report = keyperson_inspections.assessment(
            s, world.boss, start=date(2026, 12, 1), end=date(2027, 1, 31)
        )
    town = next(r for r in report.by_town if r.name == "城关镇")
    assert (town.persons, town.missed, town.accountable) == (1, 1, 1)
    officer = next(r for r in report.by_officer if r.name == "张警官")
    assert officer.missed == 1 and report.totals.missed == 1


def test_the_assessment_report_prints(db, world, tmp_path):
    import subprocess

    from app.printing.assessment_report import render_assessment

    register(db, world)
    run_sweep(db, NOW + timedelta(days=35))
    with db.session() as s:
        report = keyperson_inspections.assessment(
            s, world.boss, start=date(2026, 12, 1), end=date(2027, 1, 31)
        )
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(render_assessment(report, printed_by="陈所长"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "重点人员管控考核报告" in text and "城关镇" in text and "张警官" in text
    assert "2026-12-01 至 2027-01-31" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip())
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(KpInspection)).scalar_one() == 1
