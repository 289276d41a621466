"""What a transaction changed is logged once, at the outer commit, whatever its savepoints did."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.models.change_log import ChangeLog
from app.models.citizen import Citizen
from app.models.settings import BusinessSetting


def _log_rows(db) -> list[str]:
    with db.read_session() as s:
        return list(s.execute(select(ChangeLog.tables).order_by(ChangeLog.id)).scalars())


def test_savepoints_neither_add_log_rows_nor_lose_earlier_changes(db):
    before = _log_rows(db)
    with db.session() as s:
        s.add(Citizen(id_number="610925199001011234", name="张三", gender="男", birth_date=date(1990, 1, 1)))
        s.flush()
        with s.begin_nested():  # a savepoint that commits
            s.add(BusinessSetting(key="a", value="1"))
        try:
            with s.begin_nested():  # a savepoint that rolls back
                s.add(BusinessSetting(key="b", value="2"))
                s.flush()
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        committed = s.info
    after = _log_rows(db)[len(before) :]
    assert after == ["business_setting,citizen"]
    assert committed.get("committed_tables") == {"business_setting", "citizen"}


def test_a_rolled_back_transaction_logs_nothing(db):
    before = len(_log_rows(db))
    try:
        with db.session() as s:
            s.add(BusinessSetting(key="c", value="3"))
            s.flush()
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert len(_log_rows(db)) == before
    with db.read_session() as s:
        assert s.execute(select(func.count()).select_from(BusinessSetting)).scalar_one() == 0
