"""Importing an existing key-person register from Excel, through the shared import machinery.

:func:`read` is :func:`excel_io.read_import` with the import declaration (every bad row reported with its
spreadsheet row number and a Chinese reason; nothing written). :func:`commit` is
:func:`excel_io.commit_import` (good rows, one transaction, all or none) followed, in the same transaction,
by what registration does for one person: the history entry, the first level with its reason, and the link
to the citizen register. The screen's import dialog and ``python main.py import key-persons`` both call these.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from app.models.citizen import Citizen
from app.models.keyperson_person import CREATED_FIELD, KeyPerson, KpPersonChange
from app.models.keyperson_risk import CAUSE_IMPORT
from app.services import excel_io
from app.services.context import Actor
from app.services.entity_service import ProgressLike
from app.services.excel_io import ImportPreview, ImportResult
from app.services.keyperson_rules import Part, Score
from app.services.keyperson_scoring import record_initial_levels
from app.services.keyperson_specs import KEY_PERSON_IMPORT_SPEC

_PERSON = cast(Table, KeyPerson.__table__)
_CHUNK = 500


def read(
    session: Session, actor: Actor, path: str | Path, progress: ProgressLike | None = None
) -> ImportPreview:
    return excel_io.read_import(session, actor, KEY_PERSON_IMPORT_SPEC, path, progress)


def commit(
    session: Session,
    actor: Actor,
    preview: ImportPreview,
    *,
    now: datetime,
    progress: ProgressLike | None = None,
) -> ImportResult:
    session.info.pop("kp_import_cache", None)
    result = excel_io.commit_import(session, actor, KEY_PERSON_IMPORT_SPEC, preview, progress=progress)
    numbers = [r.values["id_number"] for r in preview.good]
    settle_imported(session, actor, numbers, now=now, reason=f"Excel导入（{preview.file_name}）")
    return ImportResult(
        result.inserted,
        result.skipped,
        result.tables | {"kp_person_change", "kp_level_change"},
        result.file_name,
    )


def _explain(detail: Any, score: int) -> str:
    parts = tuple(
        Part(
            str(p.get("rule", "")), str(p.get("label", "")), int(p.get("points", 0)), str(p.get("detail", ""))
        )
        for p in (detail or [])
        if isinstance(p, dict)
    )
    return Score(score, "", parts, None).explain()


def settle_imported(
    session: Session,
    actor: Actor,
    id_numbers: Sequence[str],
    *,
    now: datetime,
    reason: str,
    cause: str = CAUSE_IMPORT,
) -> int:
    """History, first level and citizen link for bulk-inserted persons that have no history yet."""
    settled = 0
    for i in range(0, len(id_numbers), _CHUNK):
        chunk = list(id_numbers[i : i + _CHUNK])
        has_history = (
            select(KpPersonChange.person_id).where(KpPersonChange.person_id == _PERSON.c.id).exists()
        )
        rows = session.execute(
            select(
                _PERSON.c.id, _PERSON.c.name, _PERSON.c.level, _PERSON.c.score, _PERSON.c.score_detail
            ).where(_PERSON.c.id_number.in_(chunk), ~has_history)
        ).all()
        if not rows:
            continue
        session.execute(
            insert(cast(Table, KpPersonChange.__table__)),
            [
                {
                    "person_id": r.id,
                    "at": now,
                    "changed_by": actor.username,
                    "field": CREATED_FIELD,
                    "old_value": "",
                    "new_value": r.name,
                    "reason": reason[:200],
                }
                for r in rows
            ],
        )
        record_initial_levels(
            session,
            [(r.id, r.level, r.score, _explain(r.score_detail, r.score)) for r in rows],
            cause=cause,
            now=now,
            actor=actor,
        )
        citizen = select(Citizen.id).where(Citizen.id_number == _PERSON.c.id_number).scalar_subquery()
        session.execute(
            update(_PERSON)
            .where(_PERSON.c.id.in_([r.id for r in rows]), _PERSON.c.citizen_id.is_(None))
            .values(citizen_id=citizen)
        )
        settled += len(rows)
    return settled
