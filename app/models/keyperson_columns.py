"""Read-only columns the keyperson lists show beside each record: whose record it is, and whether that
person's 一人四管 is complete (flagged in every list).

Correlated subqueries, deferred: an ordinary load never pays for them; a list page selects them for its
200 rows only (the generic list reads rows by id after walking its index).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import column_property

from app.models.keyperson_inspection import KpAccountability, KpInspection
from app.models.keyperson_keeper import KpKeeper
from app.models.keyperson_person import KeyPerson
from app.models.keyperson_removal import KpRemovalRequest
from app.models.keyperson_visit import KpEvent, KpVisit
from app.models.keyperson_warning import KpWarning

for _cls in (KpVisit, KpEvent, KpWarning, KpRemovalRequest, KpInspection, KpKeeper, KpAccountability):
    _person = _cls.__table__.c.person_id  # type: ignore[attr-defined]
    for _name, _column in (
        ("person_name", KeyPerson.name),
        ("person_keepers_missing", KeyPerson.keepers_missing),
        ("person_town", KeyPerson.town_code),
    ):
        setattr(
            _cls,
            _name,
            column_property(
                select(_column)
                .where(KeyPerson.id == _person)
                .correlate_except(KeyPerson)
                .scalar_subquery()
                .label(_name),
                deferred=True,
            ),
        )
