"""Every declared form (the EntitySpec forms of the five platforms) under hostile input: each save is either
stored whole (one new row, audited) or refused with a domain error and nothing written; and every list's search
box takes any text without error, SQL and LIKE metacharacters matching only themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from conftest import make_user
from fuzz_support import FUZZ, HOSTILE, WRITE_TABLES, form_values, hostile_text, load_all_specs, table_counts
from hypothesis import given
from sqlalchemy import select

from app.core.errors import DomainError, PermissionDenied
from app.core.normalize import strip_controls
from app.core.validators import make_id_number
from app.models.accounts import Role
from app.models.db import Database
from app.models.org import Unit
from app.models.permissions import AUDITOR
from app.services import entity_service, reference_data, standard_items
from app.services.context import SYSTEM, Actor
from app.services.entity_spec import EntitySpec, Query

SPECS = load_all_specs()
CREATABLE = sorted(key for key, spec in SPECS.items() if spec.permissions.get("create"))


@pytest.fixture
def everyone(db: Database) -> Actor:
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


def _fuzz_form(db: Database, actor: Actor, spec: EntitySpec, seen: dict[str, int]) -> None:
    with db.read_session() as s:
        strategy = form_values(s, spec)
    table = spec.model.__tablename__

    @FUZZ
    @given(values=strategy)
    def one(values: dict[str, Any]) -> None:
        def save() -> None:
            with db.session() as s:
                entity_service.create(s, actor, spec, values)

        try:
            outcome = check_one_save(db, table, save)
        except Exception as exc:
            exc.add_note(f"form {spec.key}")
            raise
        seen[outcome] = seen.get(outcome, 0) + 1

    one()


def test_every_fuzzed_form_is_saved_whole_or_refused_with_nothing_written(db: Database, everyone: Actor) -> None:
    outcomes: dict[str, dict[str, int]] = {}
    for key in CREATABLE:  # one database for all forms: its set-up is what costs
        _fuzz_form(db, everyone, SPECS[key], outcomes.setdefault(key, {}))
    assert all(sum(v.values()) for v in outcomes.values())
    assert sum(v.get("saved", 0) for v in outcomes.values()) > 0, "nothing was ever saved: the fuzz is too blunt"


def _fuzz_search(db: Database, actor: Actor, spec: EntitySpec) -> None:
    @FUZZ
    @given(words=hostile_text)
    def one(words: str) -> None:
        with db.read_session() as s:
            try:
                total = entity_service.count(s, actor, spec, Query(text=words))
                rows = entity_service.page(s, actor, spec, Query(text=words), 0, 20)
            except DomainError:
                return
            except Exception as exc:
                exc.add_note(f"search box of {spec.key}")
                raise
        assert total >= len(rows)

    one()


def test_every_search_box_takes_any_text(db: Database, everyone: Actor) -> None:
    for key in sorted(SPECS):
        _fuzz_search(db, everyone, SPECS[key])


def test_metacharacters_in_the_citizen_search_match_only_themselves(db: Database, everyone: Actor) -> None:
    spec = SPECS["citizen"]
    with db.session() as s:
        for i, name in enumerate(("张三", "李四", "王五")):
            number = make_id_number("610925", date(1980, 1, 1 + i), 11 + i)
            entity_service.create(s, everyone, spec, {"id_number": number, "name": name, "phone": "13912345678"})
    with db.read_session() as s:
        assert entity_service.count(s, everyone, spec, Query()) == 3
        visible = [w for w in HOSTILE[:12] if strip_controls(w).strip()]  # blank text lists everything
        for words in [*visible, "' OR 1=1 --", "%%", "__", "*"]:
            assert entity_service.count(s, everyone, spec, Query(text=words)) == 0, repr(words)
