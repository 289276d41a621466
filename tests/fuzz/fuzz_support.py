"""Hostile input for the fuzz tests: SQL and LIKE metacharacters, NUL bytes, overlong text, odd Unicode; and the
bookkeeping that shows a refused save wrote nothing (row counts of the entity's table, the audit trail and the
change log before and after).

A save may succeed or be refused with one of the project's domain errors (app/core/errors.py); any other
exception escapes and fails the test, with hypothesis showing the smallest input that caused it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from conftest import make_user
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from app.core.errors import DomainError, PermissionDenied
from app.core.validators import make_id_number
from app.models.accounts import Role
from app.models.db import Database
from app.models.org import Unit
from app.models.permissions import AUDITOR
from app.services import entity_spec as es
from app.services import reference_data, standard_items
from app.services.context import SYSTEM, Actor

FUZZ = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,  # the same inputs every run: a failure is reproducible, the runtime bounded
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: on this machine it can take minutes
)

HOSTILE = (
    "'; DROP TABLE citizen; --",
    "' OR '1'='1",
    '" OR ""="',
    "Robert'); DELETE FROM audit_record; --",
    "%",
    "_",
    "%_%",
    "\\",
    "\\%\\_",
    "[a-z]*",
    "a\x00b",
    "\x00",
    "１２３４５６",  # full-width digits
    "\u202e反转文字",  # right-to-left override
    "\ufeff零宽\u200b字符",
    "𠀀𪚥𰻞",  # outside the Basic Multilingual Plane
    "😀👮‍♂️",
    "\r\n\t",
    "   ",
    "",
    "0",
    "-1",
    "9" * 40,
    "1e309",
    "NaN",
    "2026-02-30",
    "null",
    "<script>alert(1)</script>",
    "${jndi:ldap://x/a}",
    "张" * 5000,
    "x" * 70000,
)

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=300, max_size=2500),
)


def load_all_specs() -> dict[str, es.EntitySpec]:
    """Every declared entity form: importing every service module registers them all."""
    import app.services as services

    for module in pkgutil.iter_modules(services.__path__):
        importlib.import_module(f"app.services.{module.name}")
    return dict(es._REGISTRY)


def _options(session: Any, f: es.Field) -> list[Any]:
    choices = f.choices(session) if callable(f.choices) else f.choices
    return [value for value, _label in choices][:50]


def plausible(session: Any, f: es.Field) -> st.SearchStrategy[Any]:
    """A value of the field's kind that may well be valid (so saves get past the first check)."""
    if f.kind == es.CHOICE:
        options = _options(session, f) if f.depends_on is None else []
        return st.sampled_from(options) if options else st.none()
    if f.kind == es.ID_NUMBER:
        return st.builds(lambda d, n: make_id_number("610925", d, n),
                         st.dates(date(1930, 1, 1), date(2010, 12, 31)), st.integers(1, 999))
    if f.kind == es.PHONE:
        return st.integers(0, 10**8 - 1).map(lambda n: f"139{n:08d}")
    if f.kind == es.INT:
        return st.integers(-(2**70), 2**70)
    if f.kind == es.DECIMAL:
        return st.decimals(allow_nan=True, allow_infinity=True, places=2) | st.just(Decimal("1e400"))
    if f.kind == es.DATE:
        return st.dates(date(1, 1, 1), date(9999, 12, 31))
    if f.kind == es.DATETIME:
        return st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1))
    if f.kind == es.BOOL:
        return st.booleans()
    return st.text(min_size=1, max_size=f.max_length or 40)


def form_values(session: Any, spec: es.EntitySpec) -> st.SearchStrategy[dict[str, Any]]:
    """Every form field: a plausible value, a hostile string, or nothing at all."""
    fields = {f.name: st.one_of(plausible(session, f), hostile_text, st.none()) for f in spec.form_fields}
    return st.fixed_dictionaries(fields)


def table_counts(db: Database, *tables: str) -> dict[str, int]:
    with db.read_session() as s:
        return {t: int(s.scalar(select(func.count()).select_from(text(t))) or 0) for t in tables}


WRITE_TABLES = ("audit_record", "change_log")
NEAR_PAST = datetime.now() - timedelta(days=1)


def make_everyone(db: Database) -> Actor:
    """A station officer holding every role but the auditor's (which excludes the administrator's)."""
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
        standard_items.load_standard_items(s, SYSTEM)
        unit = Unit(code="PCS610925100", name="城关派出所", kind="station", town_code="610925100000", updated_by="t")
        s.add(unit)
        s.flush()
        roles = [code for code in s.execute(select(Role.code)).scalars() if code != AUDITOR]
        unit_id = unit.id
    return make_user(db, "fuzzer", roles, display_name="全能测试", unit_id=unit_id)


def check_one_save(db: Database, table: str, save: Callable[[], Any]) -> str:
    """Run ``save``; a refusal must leave every count as it was (a permission refusal adds its audit record)."""
    before = table_counts(db, table, *WRITE_TABLES)
    try:
        save()
    except PermissionDenied:
        after = table_counts(db, table, *WRITE_TABLES)
        assert after[table] == before[table] and after["change_log"] == before["change_log"]
        assert after["audit_record"] - before["audit_record"] <= 1
        return "denied"
    except DomainError as exc:
        assert exc.message(), "a refusal without a message"
        assert table_counts(db, table, *WRITE_TABLES) == before, f"refused ({exc.code}) but something was written"
        return "refused"
    after = table_counts(db, table, *WRITE_TABLES)
    assert after[table] == before[table] + 1, f"one save wrote {after[table] - before[table]} rows to {table}"
    assert after["audit_record"] > before["audit_record"], "a save without its audit record"
    return "saved"
