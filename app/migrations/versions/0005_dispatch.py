"""dispatch: orders and receipts, attachments, incidents with tasks and a permanent timeline, duty board

Revision ID: 0005_dispatch
Revises: 0002_messaging
Create Date: 2026-11-30 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import drop_append_only, grant_defaults, make_append_only

revision = "0005_dispatch"
down_revision = "0002_messaging"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copy of the defaults registered in app/models/dispatch_permissions.py at the time of this revision.
_RECEIVE = "dispatch.receive"
DEFAULTS = {
    "clerk": [_RECEIVE],
    "community": [_RECEIVE],
    "officer": [_RECEIVE],
    "publicity": [_RECEIVE],
    "support": [_RECEIVE],
    "supervisor": [
        _RECEIVE,
        "dispatch.monitor",
        "dispatch.order.send",
        "dispatch.duty.manage",
        "dispatch.lead",
    ],
    "dispatcher": [
        _RECEIVE,
        "dispatch.monitor",
        "dispatch.order.send",
        "dispatch.incident.manage",
        "dispatch.duty.manage",
    ],
}
APPEND_ONLY = ("dispatch_timeline_entry", "dispatch_attachment", "dispatch_attachment_chunk")


def _versioned() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
    ]


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    ref = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=op.f(f"fk_{table}_{column}_{ref}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "dispatch_order",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("target_text", sa.String(length=500), nullable=False),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("ack_deadline", TS, nullable=True),
        sa.Column("sender_id", ID, nullable=True),
        sa.Column("sender_name", sa.String(length=64), nullable=False),
        sa.Column("sent_at", TS, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reminded_at", TS, nullable=True),
        sa.Column("escalated_at", TS, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("dispatch_order", "sender_id", "app_user.id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_order")),
        sa.UniqueConstraint("number", name=op.f("uq_dispatch_order_number")),
    )
    op.create_index("ix_dispatch_order_sent_at", "dispatch_order", ["sent_at"])
    op.create_index("ix_dispatch_order_status_deadline", "dispatch_order", ["status", "ack_deadline"])

    op.create_table(
        "dispatch_order_receipt",
        sa.Column("order_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("inbox_message_id", ID, nullable=True),
        sa.Column("received_at", TS, nullable=True),
        sa.Column("reminders", sa.Integer(), nullable=False),
        sa.Column("last_reminded_at", TS, nullable=True),
        sa.Column("escalated_at", TS, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        _fk("dispatch_order_receipt", "order_id", "dispatch_order.id", "CASCADE"),
        _fk("dispatch_order_receipt", "user_id", "app_user.id", "CASCADE"),
        _fk("dispatch_order_receipt", "unit_id", "unit.id", "SET NULL"),
        _fk("dispatch_order_receipt", "inbox_message_id", "inbox_message.id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_order_receipt")),
        sa.UniqueConstraint("order_id", "user_id", name="uq_dispatch_order_receipt_order_user"),
    )
    op.create_index(
        "ix_dispatch_order_receipt_user_received", "dispatch_order_receipt", ["user_id", "received_at"]
    )
    op.create_index(
        op.f("ix_dispatch_order_receipt_inbox_message_id"), "dispatch_order_receipt", ["inbox_message_id"]
    )

    op.create_table(
        "dispatch_incident",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("commander_id", ID, nullable=True),
        sa.Column("commander_name", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("closed_by_name", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("dispatch_incident", "commander_id", "app_user.id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_incident")),
        sa.UniqueConstraint("number", name=op.f("uq_dispatch_incident_number")),
    )
    op.create_index("ix_dispatch_incident_status_opened", "dispatch_incident", ["status", "opened_at"])
    op.create_index(op.f("ix_dispatch_incident_opened_at"), "dispatch_incident", ["opened_at"])

    op.create_table(
        "dispatch_incident_unit",
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("added_at", TS, nullable=False),
        _fk("dispatch_incident_unit", "incident_id", "dispatch_incident.id", "CASCADE"),
        _fk("dispatch_incident_unit", "unit_id", "unit.id", "CASCADE"),
        sa.PrimaryKeyConstraint("incident_id", "unit_id", name=op.f("pk_dispatch_incident_unit")),
    )

    op.create_table(
        "dispatch_incident_member",
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("assigned_at", TS, nullable=False),
        sa.Column("assigned_by_name", sa.String(length=64), nullable=False),
        sa.Column("released_at", TS, nullable=True),
        sa.Column("leave_override", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        _fk("dispatch_incident_member", "incident_id", "dispatch_incident.id", "CASCADE"),
        _fk("dispatch_incident_member", "user_id", "app_user.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_incident_member")),
        sa.UniqueConstraint("incident_id", "user_id", name="uq_dispatch_incident_member_incident_user"),
    )
    op.create_index(
        "ix_dispatch_incident_member_user", "dispatch_incident_member", ["user_id", "incident_id"]
    )

    op.create_table(
        "dispatch_task",
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("assignee_id", ID, nullable=True),
        sa.Column("assignee_name", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("due_at", TS, nullable=True),
        sa.Column("done_at", TS, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("dispatch_task", "incident_id", "dispatch_incident.id", "CASCADE"),
        _fk("dispatch_task", "assignee_id", "app_user.id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_task")),
    )
    op.create_index("ix_dispatch_task_incident_state", "dispatch_task", ["incident_id", "state"])

    op.create_table(
        "dispatch_timeline_entry",
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("author_id", ID, nullable=True),
        sa.Column("author_name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("task_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        _fk("dispatch_timeline_entry", "incident_id", "dispatch_incident.id"),
        _fk("dispatch_timeline_entry", "author_id", "app_user.id"),
        _fk("dispatch_timeline_entry", "task_id", "dispatch_task.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_timeline_entry")),
    )
    op.create_index(
        "ix_dispatch_timeline_entry_incident_id", "dispatch_timeline_entry", ["incident_id", "id"]
    )

    op.create_table(
        "dispatch_attachment",
        sa.Column("order_id", ID, nullable=True),
        sa.Column("timeline_entry_id", ID, nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media", sa.String(length=16), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("uploaded_by_id", ID, nullable=True),
        sa.Column("uploaded_by_name", sa.String(length=64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.CheckConstraint(
            "(order_id IS NULL) <> (timeline_entry_id IS NULL)", name=op.f("ck_dispatch_attachment_one_owner")
        ),
        _fk("dispatch_attachment", "order_id", "dispatch_order.id"),
        _fk("dispatch_attachment", "timeline_entry_id", "dispatch_timeline_entry.id"),
        _fk("dispatch_attachment", "uploaded_by_id", "app_user.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_attachment")),
    )
    op.create_index(op.f("ix_dispatch_attachment_order_id"), "dispatch_attachment", ["order_id"])
    op.create_index(
        op.f("ix_dispatch_attachment_timeline_entry_id"), "dispatch_attachment", ["timeline_entry_id"]
    )

    op.create_table(
        "dispatch_attachment_chunk",
        sa.Column("attachment_id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _fk("dispatch_attachment_chunk", "attachment_id", "dispatch_attachment.id"),
        sa.PrimaryKeyConstraint("attachment_id", "seq", name=op.f("pk_dispatch_attachment_chunk")),
    )

    op.create_table(
        "duty_status",
        sa.Column("user_id", ID, autoincrement=False, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("since", TS, nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("incident_id", ID, nullable=True),
        sa.Column("set_by_name", sa.String(length=64), nullable=False),
        *_versioned(),
        _fk("duty_status", "user_id", "app_user.id", "CASCADE"),
        _fk("duty_status", "incident_id", "dispatch_incident.id", "SET NULL"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_duty_status")),
    )
    op.create_index("ix_duty_status_status", "duty_status", ["status"])

    op.create_table(
        "duty_absence",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("start_at", TS, nullable=False),
        sa.Column("end_at", TS, nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("duty_absence", "user_id", "app_user.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_absence")),
        sa.UniqueConstraint("source", "source_id", name="uq_duty_absence_source"),
    )
    op.create_index("ix_duty_absence_user_start", "duty_absence", ["user_id", "start_at"])
    op.create_index("ix_duty_absence_end", "duty_absence", ["end_at"])

    for table in APPEND_ONLY:
        make_append_only(table)
    grant_defaults(DEFAULTS)


def downgrade() -> None:
    perms = sorted({p for ps in DEFAULTS.values() for p in ps})
    op.get_bind().execute(
        sa.text("DELETE FROM role_permission WHERE permission IN :p").bindparams(
            sa.bindparam("p", expanding=True)
        ),
        {"p": perms},
    )
    for table in APPEND_ONLY:
        drop_append_only(table)
    for table in (
        "duty_absence",
        "duty_status",
        "dispatch_attachment_chunk",
        "dispatch_attachment",
        "dispatch_timeline_entry",
        "dispatch_task",
        "dispatch_incident_member",
        "dispatch_incident_unit",
        "dispatch_incident",
        "dispatch_order_receipt",
        "dispatch_order",
    ):
        op.drop_table(table)
