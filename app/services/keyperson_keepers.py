"""一人四管: keepers are added, changed and removed through the generic form, and the person's count of
missing keepers (the flag every list shows) follows at once, in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.db import mark_changed
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_permissions import KP_KEEPERS, STATUS_REMOVED
from app.models.keyperson_person import KeyPerson
from app.services import entity_service
from app.services.context import Actor
from app.services.entity_spec import Saved
from app.services.keyperson_common import load_person
from app.services.keyperson_config import keeper_role_names, load
from app.services.keyperson_rules import Rules
from app.services.keyperson_work_specs import KEEPER_SPEC
from app.services.permissions import require


def missing_for(session: Session, person_id: int, rules: Rules) -> int:
    codes = [r.code for r in rules.keeper_roles]
    held = session.execute(
        select(func.count(func.distinct(KpKeeper.role_code))).where(
            KpKeeper.person_id == person_id, KpKeeper.role_code.in_(codes)
        )
    ).scalar_one()
    return max(0, len(codes) - int(held))


def refresh_missing(session: Session, person_id: int, rules: Rules | None = None) -> int:
    missing = missing_for(session, person_id, rules or load(session))
    session.execute(
        update(KeyPerson)
        .where(KeyPerson.id == person_id, KeyPerson.keepers_missing != missing)
        .values(keepers_missing=missing)
        .execution_options(synchronize_session="fetch")
    )
    mark_changed(session, "key_person")
    return missing


def refresh_all_missing(session: Session, rules: Rules) -> None:
    """After the keeper roles changed: every person's count again, in one statement."""
    codes = [r.code for r in rules.keeper_roles]
    held = (
        select(func.count(func.distinct(KpKeeper.role_code)))
        .where(KpKeeper.person_id == KeyPerson.id, KpKeeper.role_code.in_(codes))
        .scalar_subquery()
    )
    session.execute(
        update(KeyPerson)
        .values(keepers_missing=len(codes) - held)
        .execution_options(synchronize_session=False)
    )
    mark_changed(session, "key_person")


def _refuse_taken(session: Session, person_id: int, role: Any, keeper_id: int | None) -> None:
    stmt = select(KpKeeper.name).where(KpKeeper.person_id == person_id, KpKeeper.role_code == role)
    if keeper_id is not None:
        stmt = stmt.where(KpKeeper.id != keeper_id)
    holder = session.execute(stmt).scalar()
    if holder is not None:
        person = load_person(session, person_id)
        names = keeper_role_names(load(session))
        raise DomainError("kp_keeper_role_taken", name=person.name, role=names.get(role, role), keeper=holder)


def add(session: Session, actor: Actor, person_id: int, values: Mapping[str, Any]) -> Saved:
    require(session, actor, KP_KEEPERS)
    person = load_person(session, person_id)
    if person.status == STATUS_REMOVED:
        raise DomainError("kp_person_removed", name=person.name, action="添加管控人")
    _refuse_taken(session, person_id, values.get("role_code"), None)
    saved = entity_service.create(session, actor, KEEPER_SPEC, {**values, "person_id": person_id})
    refresh_missing(session, person_id)
    return Saved(saved.row, saved.tables | {"key_person"}, True)


def change(session: Session, actor: Actor, keeper_id: int, version: int, values: Mapping[str, Any]) -> Saved:
    keeper = session.get(KpKeeper, keeper_id)
    if keeper is not None and "role_code" in values:
        _refuse_taken(session, keeper.person_id, values["role_code"], keeper_id)
    saved = entity_service.update(session, actor, KEEPER_SPEC, keeper_id, version, values)
    if keeper is not None:
        refresh_missing(session, keeper.person_id)
    return Saved(saved.row, saved.tables | {"key_person"}, False)


def remove(session: Session, actor: Actor, keeper_id: int, version: int) -> frozenset[str]:
    keeper = session.get(KpKeeper, keeper_id)
    person_id = keeper.person_id if keeper is not None else None
    tables = entity_service.delete(session, actor, KEEPER_SPEC, keeper_id, version)
    if person_id is not None:
        refresh_missing(session, person_id)
    return tables | {"key_person"}
