"""The support demo data (made through the real services), the poll sweep, and the command line."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from support_staff import NOW, Staff, make_staff

from app.models.db import Database
from app.models.dispatch_duty import DUTY_AWAY
from app.models.support_notices import SupportPoll, SupportPollTally, SupportPollVoter
from app.models.support_people import SupportPersonnel
from app.services import demo_data, demo_support, duty_board, entity_service, support_polls
from app.services.context import SYSTEM
from app.services.sms_text import LOCAL_TZ


def test_demo_data_fills_every_function_through_the_services(db: Database) -> None:
    with db.session() as s:
        demo_data.load_demo(s, citizens=0)
    now = NOW.astimezone(LOCAL_TZ)
    with db.session() as s:
        result = demo_support.load(s, random.Random(7), now=now)
    assert result.files == 15 and result.requests > 50 and result.decided > 10
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(SupportPersonnel)).scalar_one() == 15
        assert (
            s.execute(select(func.sum(SupportPollTally.votes))).scalar_one()
            == s.execute(select(func.count()).select_from(SupportPollVoter)).scalar_one()
            > 0
        )
        board = duty_board.board(s, SYSTEM, now=now)
    assert any(r.status == DUTY_AWAY for r in board.rows)  # rest days and today's leave


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def test_the_sweep_closes_polls_past_their_closing_day_once(db, staff) -> None:
    closes = NOW.astimezone(LOCAL_TZ).date()
    with db.session() as s:
        values = {"title": "值班时间调整意见", "options_text": "赞成\n反对", "closes_on": closes}
        row = entity_service.create(s, staff.keeper, support_polls.POLL_SPEC, values).row
        support_polls.open_poll(s, staff.keeper, row.id, row.version, now=NOW)
    with db.session() as s:
        assert support_polls.close_due(s, NOW) == {"closed": 0}
        assert support_polls.close_due(s, NOW + timedelta(days=1)) == {"closed": 1}
        assert support_polls.close_due(s, NOW + timedelta(days=2)) == {"closed": 0}
        assert s.get(SupportPoll, row.id).status == "closed"


@pytest.mark.parametrize(
    "words", [["support"], ["support", "matrix"], ["support", "bureau-days"], ["support", "stats"]]
)
def test_every_support_command_has_help(words) -> None:
    from app.cli import main

    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0


def test_the_commands_print_the_matrix_and_set_the_bureau_days(db_url, tmp_path) -> None:
    def run(*a: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", "--db", db_url, *a], capture_output=True, text=True)

    out = run("support", "matrix", "--role", "leader")
    assert out.returncode == 0 and "局领导（leader）" in out.stdout and "请销假" in out.stdout
    assert "超过 5 天" in run("support", "bureau-days", "5").stdout
    assert run("support", "bureau-days", "400").returncode == 2
    pdf = tmp_path / "s.pdf"
    out = run("support", "stats", "--from", str(date(2026, 1, 1)), "--pdf", str(pdf))
    assert out.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
