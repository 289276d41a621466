"""Every declared form (the EntitySpec forms of the five platforms) under hostile input: each save is either
stored whole (one new row, audited) or refused with a domain error and nothing written; and every list's search
box takes any text without error, SQL and LIKE metacharacters matching only themselves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fuzz_support import (
    FUZZ,
    HOSTILE,
    check_one_save,
    form_values,
    hostile_text,
    load_all_specs,
    make_everyone,
)
from hypothesis import given

from app.core.errors import DomainError
from app.core.normalize import strip_controls
from app.core.validators import make_id_number
from app.models.db import Database
from app.services import entity_service
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Query

SPECS = load_all_specs()


@pytest.fixture
def everyone(db: Database) -> Actor:
    return make_everyone(db)
CREATABLE = sorted(key for key, spec in SPECS.items() if spec.permissions.get("create"))


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
