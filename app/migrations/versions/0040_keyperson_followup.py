"""keyperson follow-up: lists by station, and plain officers acknowledge the warnings sent to them

Revision ID: 0040_keyperson_followup
Revises: 0004_keyperson
Create Date: 2026-11-29 02:00:00

* ``ix_key_person_station_id_id``: the register filtered by station (and PostgreSQL's row-level security by
  station) reads an index range instead of the whole register.
* The built-in 民警 role gets the platform's tab and the permission to acknowledge and handle warnings: a plain
  officer is often one of a person's four keepers, and a warning must be acknowledged by those it went to.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import grant_defaults

revision = "0040_keyperson_followup"
down_revision = "0004_keyperson"
branch_labels = None
depends_on = None

# Frozen copy of what app/models/keyperson_permissions.py adds for the officer role at this revision.
OFFICER_DEFAULTS = {"officer": ["tab.keyperson", "keyperson.warning"]}


def upgrade() -> None:
    with op.batch_alter_table("key_person", schema=None) as batch_op:
        batch_op.create_index("ix_key_person_station_id_id", ["station_id", "id"], unique=False)
    grant_defaults(OFFICER_DEFAULTS)


def downgrade() -> None:
    bind = op.get_bind()
    role_id = bind.execute(sa.text("SELECT id FROM role WHERE code = 'officer'")).scalar()
    if role_id is not None:
        bind.execute(
            sa.text(
                "DELETE FROM role_permission WHERE role_id = :r AND permission IN ('tab.keyperson', "
                "'keyperson.warning')"
            ),
            {"r": role_id},
        )
    with op.batch_alter_table("key_person", schema=None) as batch_op:
        batch_op.drop_index("ix_key_person_station_id_id")
