"""messaging: inbox, SMS outbox, sweep runs and the sweep lock

Revision ID: 0002_messaging
Revises: 0001_frame
Create Date: 2026-11-29 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import grant_defaults

revision = "0002_messaging"
down_revision = "0001_frame"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copy of the defaults registered in app/models/messaging.py at the time of this revision.
DEFAULTS = {"admin": ["sms.view", "sms.manage", "sweep.run"], "supervisor": ["sms.view"]}


def upgrade() -> None:
    op.create_table(
        "inbox_message",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("requires_ack", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("read_at", TS, nullable=True),
        sa.Column("acknowledged_at", TS, nullable=True),
        sa.Column("sender_id", ID, nullable=True),
        sa.Column("sender_name", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_inbox_message_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["app_user.id"],
            name=op.f("fk_inbox_message_sender_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_message")),
    )
    with op.batch_alter_table("inbox_message", schema=None) as batch_op:
        batch_op.create_index("ix_inbox_message_user_id_id", ["user_id", "id"], unique=False)
        batch_op.create_index("ix_inbox_message_user_unread", ["user_id", "read_at", "id"], unique=False)
        batch_op.create_index("ix_inbox_message_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "sms_message",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=16), nullable=False),
        sa.Column("segments", sa.SmallInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("gateway", sa.String(length=32), nullable=False),
        sa.Column("provider_message_id", sa.String(length=64), nullable=True),
        sa.Column("user_triggered", sa.Boolean(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("delivered_at", TS, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_message")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_sms_message_dedupe_key")),
    )
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.create_index("ix_sms_message_status_next", ["status", "next_attempt_at"], unique=False)
        batch_op.create_index("ix_sms_message_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index("ix_sms_message_phone", ["phone"], unique=False)
        batch_op.create_index("ix_sms_message_provider_message_id", ["provider_message_id"], unique=False)

    op.create_table(
        "sweep_run",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("workstation", sa.String(length=128), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sweep_run")),
    )
    with op.batch_alter_table("sweep_run", schema=None) as batch_op:
        batch_op.create_index("ix_sweep_run_name_id", ["name", "id"], unique=False)
        batch_op.create_index("ix_sweep_run_started_at", ["started_at"], unique=False)

    op.create_table(
        "sweep_lock",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("acquired_at", TS, nullable=True),
        sa.Column("expires_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sweep_lock")),
    )

    grant_defaults(DEFAULTS)


def downgrade() -> None:
    perms = sorted({p for ps in DEFAULTS.values() for p in ps})
    op.get_bind().execute(
        sa.text("DELETE FROM role_permission WHERE permission IN :p").bindparams(
            sa.bindparam("p", expanding=True)
        ),
        {"p": perms},
    )
    op.drop_table("sweep_lock")
    with op.batch_alter_table("sweep_run", schema=None) as batch_op:
        batch_op.drop_index("ix_sweep_run_started_at")
        batch_op.drop_index("ix_sweep_run_name_id")
    op.drop_table("sweep_run")
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.drop_index("ix_sms_message_provider_message_id")
        batch_op.drop_index("ix_sms_message_phone")
        batch_op.drop_index("ix_sms_message_entity")
        batch_op.drop_index("ix_sms_message_status_next")
    op.drop_table("sms_message")
    with op.batch_alter_table("inbox_message", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_message_entity")
        batch_op.drop_index("ix_inbox_message_user_unread")
        batch_op.drop_index("ix_inbox_message_user_id_id")
    op.drop_table("inbox_message")
