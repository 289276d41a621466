"""support (警务保障): thirteen support functions behind the role x function x action matrix

Revision ID: 0007_support
Revises: 0005_dispatch
Create Date: 2026-12-02 09:00:00

Tables written by hand for the models in app/models/support_*.py (money and hours are scaled integers,
see ``Fixed``). Seeds the 局领导 role (the bureau above the unit leaders, who signs leave longer than the
configured number of days) and grants the default matrix of app/models/support_permissions.py, frozen below.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import grant_defaults, seed_roles

revision = "0007_support"
down_revision = "0005_dispatch"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copy of app/models/support_permissions.DEFAULTS at the time of this revision
# (tests/services/test_support_permissions.py checks that the two agree).
_ALL = "personnel leave overtime roster equipment vehicle expense health training award aid rights notice"


def _codes(functions: str, action: str) -> list[str]:
    return [f"support.{f}.{action}" for f in functions.split()]


_EVERY_OFFICER = _codes(_ALL, "view_own") + _codes(
    "leave overtime equipment vehicle expense aid rights", "create"
)
_UNIT_LEADER = (
    _EVERY_OFFICER
    + _codes(_ALL, "view_unit")
    + _codes(_ALL, "export")
    + _codes("leave overtime expense vehicle aid", "approve")
    + _codes("roster notice", "create")
    + _codes("notice", "approve")
)
_SUPPORT_STAFF = (
    _EVERY_OFFICER
    + _codes(_ALL, "view_all")
    + _codes(_ALL, "export")
    + _codes("personnel roster equipment vehicle health training award notice", "create")
    + _codes("equipment vehicle expense aid rights notice", "approve")
)
_BUREAU_LEADER = (
    _EVERY_OFFICER
    + _codes(_ALL, "view_all")
    + _codes(_ALL, "export")
    + _codes("leave overtime expense aid notice", "approve")
    + ["tab.support", "tab.publicity", "tab.dispatch", "dispatch.receive"]
)
DEFAULTS: dict[str, list[str]] = {
    "clerk": _EVERY_OFFICER,
    "community": _EVERY_OFFICER,
    "officer": _EVERY_OFFICER,
    "publicity": _EVERY_OFFICER,
    "dispatcher": _EVERY_OFFICER,
    "supervisor": _UNIT_LEADER,
    "support": _SUPPORT_STAFF,
    "leader": _BUREAU_LEADER,
}
LEADER_ROLE = ("leader", "局领导", "审批超过规定天数的请假、经费和帮扶；查看全局保障数据", DEFAULTS["leader"])
TABLES = (
    "support_vehicle",
    "support_aid",
    "support_award",
    "support_equipment",
    "support_expense",
    "support_health_check",
    "support_leave",
    "support_notice",
    "support_overtime",
    "support_personnel",
    "support_poll",
    "support_rights",
    "support_roster",
    "support_training",
    "support_vehicle_booking",
    "support_equipment_loan",
    "support_notice_read",
    "support_poll_option",
    "support_poll_voter",
    "support_poll_ballot",
    "support_poll_tally",
)


def upgrade() -> None:
    op.create_table(
        "support_vehicle",
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("model_name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("seats", sa.BigInteger(), nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_vehicle_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_vehicle")),
        sa.UniqueConstraint("plate", name=op.f("uq_support_vehicle_plate")),
    )
    op.create_index(op.f("ix_support_vehicle_unit_id"), "support_vehicle", ["unit_id"], unique=False)
    op.create_table(
        "support_aid",
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("amount_requested", sa.BigInteger(), nullable=False),
        sa.Column("amount_granted", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_aid_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_aid_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_aid_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_support_aid_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_aid")),
    )
    op.create_index(op.f("ix_support_aid_applied_on"), "support_aid", ["applied_on"], unique=False)
    op.create_index(op.f("ix_support_aid_status"), "support_aid", ["status"], unique=False)
    op.create_index(op.f("ix_support_aid_unit_id"), "support_aid", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_aid_user_id"), "support_aid", ["user_id"], unique=False)
    op.create_table(
        "support_award",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("authority", sa.String(length=64), nullable=False),
        sa.Column("document_no", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_award_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_support_award_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_award")),
    )
    op.create_index(op.f("ix_support_award_decided_on"), "support_award", ["decided_on"], unique=False)
    op.create_index(op.f("ix_support_award_unit_id"), "support_award", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_award_user_id"), "support_award", ["user_id"], unique=False)
    op.create_table(
        "support_equipment",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("model_no", sa.String(length=64), nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("holder_id", ID, nullable=True),
        sa.Column("purchased_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["holder_id"], ["app_user.id"], name=op.f("fk_support_equipment_holder_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_equipment_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_equipment")),
        sa.UniqueConstraint("code", name=op.f("uq_support_equipment_code")),
    )
    op.create_index(op.f("ix_support_equipment_category"), "support_equipment", ["category"], unique=False)
    op.create_index(op.f("ix_support_equipment_holder_id"), "support_equipment", ["holder_id"], unique=False)
    op.create_index(op.f("ix_support_equipment_status"), "support_equipment", ["status"], unique=False)
    op.create_index(op.f("ix_support_equipment_unit_id"), "support_equipment", ["unit_id"], unique=False)
    op.create_table(
        "support_expense",
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("invoices", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_support_expense_amount_positive")),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_expense_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_expense_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_expense_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_expense_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_expense")),
    )
    op.create_index(op.f("ix_support_expense_category"), "support_expense", ["category"], unique=False)
    op.create_index(op.f("ix_support_expense_spent_on"), "support_expense", ["spent_on"], unique=False)
    op.create_index(op.f("ix_support_expense_status"), "support_expense", ["status"], unique=False)
    op.create_index(op.f("ix_support_expense_unit_id"), "support_expense", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_expense_user_id"), "support_expense", ["user_id"], unique=False)
    op.create_table(
        "support_health_check",
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("institution", sa.String(length=64), nullable=False),
        sa.Column("conclusion", sa.String(length=16), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_health_check_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_health_check_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_health_check")),
    )
    op.create_index(
        op.f("ix_support_health_check_checked_on"), "support_health_check", ["checked_on"], unique=False
    )
    op.create_index(
        op.f("ix_support_health_check_unit_id"), "support_health_check", ["unit_id"], unique=False
    )
    op.create_index(
        op.f("ix_support_health_check_user_id"), "support_health_check", ["user_id"], unique=False
    )
    op.create_table(
        "support_leave",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("days", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("destination", sa.String(length=100), nullable=False),
        sa.Column("needs_bureau", sa.Boolean(), nullable=False),
        sa.Column("bureau_approver_id", ID, nullable=True),
        sa.Column("bureau_at", TS, nullable=True),
        sa.Column("bureau_opinion", sa.String(length=500), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("returned_by_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_leave_not_self")
        ),
        sa.CheckConstraint(
            "bureau_approver_id IS NULL OR bureau_approver_id <> approver_id",
            name=op.f("ck_support_leave_bureau_not_unit"),
        ),
        sa.CheckConstraint(
            "bureau_approver_id IS NULL OR bureau_approver_id <> user_id",
            name=op.f("ck_support_leave_bureau_not_self"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_support_leave_dates")),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_leave_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["bureau_approver_id"], ["app_user.id"], name=op.f("fk_support_leave_bureau_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["returned_by_id"], ["app_user.id"], name=op.f("fk_support_leave_returned_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_leave_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_support_leave_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_leave")),
    )
    op.create_index(op.f("ix_support_leave_status"), "support_leave", ["status"], unique=False)
    op.create_index(op.f("ix_support_leave_unit_id"), "support_leave", ["unit_id"], unique=False)
    op.create_index(
        "ix_support_leave_user_dates", "support_leave", ["user_id", "start_date", "end_date"], unique=False
    )
    op.create_index(op.f("ix_support_leave_user_id"), "support_leave", ["user_id"], unique=False)
    op.create_table(
        "support_notice",
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("audience_unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_at", TS, nullable=True),
        sa.Column("publisher_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["audience_unit_id"],
            ["unit.id"],
            name=op.f("fk_support_notice_audience_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["app_user.id"], name=op.f("fk_support_notice_publisher_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_notice_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_notice_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_notice")),
    )
    op.create_index(
        "ix_support_notice_status_published", "support_notice", ["status", "published_at"], unique=False
    )
    op.create_index(op.f("ix_support_notice_unit_id"), "support_notice", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_notice_user_id"), "support_notice", ["user_id"], unique=False)
    op.create_table(
        "support_overtime",
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("hours", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_overtime_not_self")
        ),
        sa.CheckConstraint("hours > 0", name=op.f("ck_support_overtime_hours_positive")),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_overtime_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_overtime_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_overtime_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_overtime")),
    )
    op.create_index(op.f("ix_support_overtime_status"), "support_overtime", ["status"], unique=False)
    op.create_index(op.f("ix_support_overtime_unit_id"), "support_overtime", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_overtime_user_id"), "support_overtime", ["user_id"], unique=False)
    op.create_index(
        "ix_support_overtime_status_user_hours",
        "support_overtime",
        ["status", "user_id", "hours"],
        unique=False,
    )
    op.create_index(op.f("ix_support_overtime_work_date"), "support_overtime", ["work_date"], unique=False)
    op.create_table(
        "support_personnel",
        sa.Column("gender", sa.String(length=4), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("ethnicity", sa.String(length=16), nullable=False),
        sa.Column("political_status", sa.String(length=16), nullable=False),
        sa.Column("education", sa.String(length=16), nullable=False),
        sa.Column("police_rank", sa.String(length=16), nullable=False),
        sa.Column("position", sa.String(length=32), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_personnel_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_personnel_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_personnel")),
        sa.UniqueConstraint("user_id", name="uq_support_personnel_user_id"),
    )
    op.create_index(op.f("ix_support_personnel_unit_id"), "support_personnel", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_personnel_user_id"), "support_personnel", ["user_id"], unique=False)
    op.create_table(
        "support_poll",
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("options_text", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("audience_unit_id", ID, nullable=True),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("opened_at", TS, nullable=True),
        sa.Column("publisher_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["audience_unit_id"],
            ["unit.id"],
            name=op.f("fk_support_poll_audience_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["app_user.id"], name=op.f("fk_support_poll_publisher_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_poll_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_support_poll_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_poll")),
    )
    op.create_index(op.f("ix_support_poll_unit_id"), "support_poll", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_poll_user_id"), "support_poll", ["user_id"], unique=False)
    op.create_table(
        "support_rights",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("request", sa.String(length=500), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_rights_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_rights_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_rights_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_rights_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_rights")),
    )
    op.create_index(op.f("ix_support_rights_occurred_on"), "support_rights", ["occurred_on"], unique=False)
    op.create_index(op.f("ix_support_rights_status"), "support_rights", ["status"], unique=False)
    op.create_index(op.f("ix_support_rights_unit_id"), "support_rights", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_rights_user_id"), "support_rights", ["user_id"], unique=False)
    op.create_table(
        "support_roster",
        sa.Column("duty_date", sa.Date(), nullable=False),
        sa.Column("shift", sa.String(length=16), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_roster_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_roster_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_roster")),
        sa.UniqueConstraint("user_id", "duty_date", name="uq_support_roster_user_day"),
    )
    op.create_index(op.f("ix_support_roster_duty_date"), "support_roster", ["duty_date"], unique=False)
    op.create_index(op.f("ix_support_roster_unit_id"), "support_roster", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_roster_user_id"), "support_roster", ["user_id"], unique=False)
    op.create_table(
        "support_training",
        sa.Column("course", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("hours", sa.BigInteger(), nullable=False),
        sa.Column("score", sa.BigInteger(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("organizer", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_training_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_training_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_training")),
    )
    op.create_index(op.f("ix_support_training_start_date"), "support_training", ["start_date"], unique=False)
    op.create_index(op.f("ix_support_training_unit_id"), "support_training", ["unit_id"], unique=False)
    op.create_index(op.f("ix_support_training_user_id"), "support_training", ["user_id"], unique=False)
    op.create_table(
        "support_vehicle_booking",
        sa.Column("vehicle_id", ID, nullable=False),
        sa.Column("start_at", TS, nullable=False),
        sa.Column("end_at", TS, nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("destination", sa.String(length=100), nullable=False),
        sa.Column("passengers", sa.BigInteger(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_vehicle_booking_not_self")
        ),
        sa.CheckConstraint("end_at > start_at", name=op.f("ck_support_vehicle_booking_times")),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_vehicle_booking_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_support_vehicle_booking_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_vehicle_booking_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"],
            ["support_vehicle.id"],
            name=op.f("fk_support_vehicle_booking_vehicle_id_support_vehicle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_vehicle_booking")),
    )
    op.create_index(
        op.f("ix_support_vehicle_booking_status"), "support_vehicle_booking", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_support_vehicle_booking_unit_id"), "support_vehicle_booking", ["unit_id"], unique=False
    )
    op.create_index(
        op.f("ix_support_vehicle_booking_user_id"), "support_vehicle_booking", ["user_id"], unique=False
    )
    op.create_index(
        "ix_support_vehicle_booking_vehicle_start",
        "support_vehicle_booking",
        ["vehicle_id", "start_at"],
        unique=False,
    )
    op.create_table(
        "support_equipment_loan",
        sa.Column("equipment_id", ID, nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("expected_return", sa.Date(), nullable=True),
        sa.Column("return_requested_at", TS, nullable=True),
        sa.Column("return_approver_id", ID, nullable=True),
        sa.Column("returned_at", TS, nullable=True),
        sa.Column("return_note", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("opinion", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "approver_id IS NULL OR approver_id <> user_id", name=op.f("ck_support_equipment_loan_not_self")
        ),
        sa.CheckConstraint(
            "return_approver_id IS NULL OR return_approver_id <> user_id",
            name=op.f("ck_support_equipment_loan_return_not_self"),
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_support_equipment_loan_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["equipment_id"],
            ["support_equipment.id"],
            name=op.f("fk_support_equipment_loan_equipment_id_support_equipment"),
        ),
        sa.ForeignKeyConstraint(
            ["return_approver_id"],
            ["app_user.id"],
            name=op.f("fk_support_equipment_loan_return_approver_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_support_equipment_loan_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_equipment_loan_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_equipment_loan")),
    )
    op.create_index(
        op.f("ix_support_equipment_loan_equipment_id"),
        "support_equipment_loan",
        ["equipment_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_support_equipment_loan_status"), "support_equipment_loan", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_support_equipment_loan_unit_id"), "support_equipment_loan", ["unit_id"], unique=False
    )
    op.create_index(
        op.f("ix_support_equipment_loan_user_id"), "support_equipment_loan", ["user_id"], unique=False
    )
    op.create_index(
        "uq_support_equipment_loan_out",
        "support_equipment_loan",
        ["equipment_id"],
        unique=True,
        sqlite_where=sa.text("status IN ('issued', 'return_pending')"),
        postgresql_where=sa.text("status IN ('issued', 'return_pending')"),
    )
    op.create_table(
        "support_notice_read",
        sa.Column("notice_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("read_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["support_notice.id"],
            name=op.f("fk_support_notice_read_notice_id_support_notice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_support_notice_read_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("notice_id", "user_id", name=op.f("pk_support_notice_read")),
    )
    op.create_index(op.f("ix_support_notice_read_user_id"), "support_notice_read", ["user_id"], unique=False)
    op.create_table(
        "support_poll_option",
        sa.Column("poll_id", ID, nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["poll_id"],
            ["support_poll.id"],
            name=op.f("fk_support_poll_option_poll_id_support_poll"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_poll_option")),
    )
    op.create_index(op.f("ix_support_poll_option_poll_id"), "support_poll_option", ["poll_id"], unique=False)
    op.create_table(
        "support_poll_voter",
        sa.Column("poll_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["poll_id"],
            ["support_poll.id"],
            name=op.f("fk_support_poll_voter_poll_id_support_poll"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_poll_voter_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("poll_id", "user_id", name=op.f("pk_support_poll_voter")),
    )
    op.create_table(
        "support_poll_ballot",
        sa.Column("poll_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("option_id", ID, nullable=False),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["support_poll_option.id"],
            name=op.f("fk_support_poll_ballot_option_id_support_poll_option"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["poll_id"],
            ["support_poll.id"],
            name=op.f("fk_support_poll_ballot_poll_id_support_poll"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_support_poll_ballot_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("poll_id", "user_id", name=op.f("pk_support_poll_ballot")),
    )
    op.create_table(
        "support_poll_tally",
        sa.Column("poll_id", ID, nullable=False),
        sa.Column("option_id", ID, nullable=False),
        sa.Column("votes", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["support_poll_option.id"],
            name=op.f("fk_support_poll_tally_option_id_support_poll_option"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["poll_id"],
            ["support_poll.id"],
            name=op.f("fk_support_poll_tally_poll_id_support_poll"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("poll_id", "option_id", name=op.f("pk_support_poll_tally")),
    )
    seed_roles([LEADER_ROLE])
    grant_defaults(DEFAULTS)


def downgrade() -> None:
    perms = sorted({p for ps in DEFAULTS.values() for p in ps if p.startswith("support.")})
    bind = op.get_bind()
    bind.execute(
        sa.text("DELETE FROM role_permission WHERE permission IN :p").bindparams(
            sa.bindparam("p", expanding=True)
        ),
        {"p": perms},
    )
    bind.execute(sa.text("DELETE FROM role WHERE code = 'leader' AND builtin = :t"), {"t": True})
    for table in reversed(TABLES):
        op.drop_table(table)
