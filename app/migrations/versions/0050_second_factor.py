"""second factor: TOTP authenticators, recovery codes, roles that require them

Revision ID: 0050_second_factor
Revises: 0001_frame
Create Date: 2026-11-29 01:30:00

Builds only on the frame (users and roles), so it is a branch of its own beside the platforms' revisions.
Tables for app/models/second_factor.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0050_second_factor"
down_revision = "0001_frame"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "user_second_factor",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("secret_sealed", sa.String(length=256), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("confirmed_at", TS, nullable=True),
        sa.Column("last_used_step", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_user_second_factor_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_second_factor")),
    )
    op.create_table(
        "second_factor_recovery_code",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("code_hash", sa.String(length=128), nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_second_factor_recovery_code_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_factor_recovery_code")),
    )
    op.create_index("ix_second_factor_recovery_code_user", "second_factor_recovery_code", ["user_id"])
    op.create_table(
        "role_second_factor",
        sa.Column("role_id", ID, nullable=False),
        sa.Column("required_since", TS, nullable=False),
        sa.Column("set_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"], ["role.id"], name=op.f("fk_role_second_factor_role_id_role"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("role_id", name=op.f("pk_role_second_factor")),
    )


def downgrade() -> None:
    op.drop_table("role_second_factor")
    op.drop_index("ix_second_factor_recovery_code_user", table_name="second_factor_recovery_code")
    op.drop_table("second_factor_recovery_code")
    op.drop_table("user_second_factor")
