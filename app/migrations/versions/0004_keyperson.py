"""keyperson: key persons, keepers, visits, events, risk levels, warnings, removals, inspections

Revision ID: 0004_keyperson
Revises: 0002_messaging
Create Date: 2026-11-30 09:00:00

Besides the tables: the four-eyes rule on removal held by the database (a CHECK that the decider is not the
requester, and a trigger that the decider holds the approval permission and that a decided request is
final), append-only history tables, the built-in categories and the default grants.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import drop_append_only, grant_defaults, make_append_only

revision = "0004_keyperson"
down_revision = "0002_messaging"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copies of what app/models/keyperson_permissions.py registers at the time of this revision.
_DAILY = [
    "keyperson.view",
    "keyperson.create",
    "keyperson.edit",
    "keyperson.export",
    "keyperson.print",
    "keyperson.keepers",
    "keyperson.visit",
    "keyperson.event",
    "keyperson.warning",
    "keyperson.removal.request",
    "keyperson.stats",
]
DEFAULTS = {
    "community": _DAILY,
    "supervisor": _DAILY
    + ["keyperson.import", "keyperson.override", "keyperson.removal.approve", "keyperson.inspect"],
    "admin": ["keyperson.view", "keyperson.import", "keyperson.rules", "keyperson.stats"],
}
CATEGORIES = (
    # code, name, base points, uses the mental-health grade, sort order
    ("released", "刑满释放人员（刑释解教）", 10, False, 10),
    ("correction", "社区矫正对象", 15, False, 20),
    ("youth", "违法青少年", 10, False, 30),
    ("mental", "严重精神障碍患者", 5, True, 40),
)
APPEND_ONLY = ("kp_level_change", "kp_person_change", "kp_accountability")
APPROVE = "keyperson.removal.approve"


def upgrade() -> None:
    op.create_table(
        "kp_category",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("base_points", sa.Integer(), nullable=False),
        sa.Column("uses_mental_grade", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_category")),
        sa.UniqueConstraint("code", name=op.f("uq_kp_category_code")),
        sa.UniqueConstraint("name", name=op.f("uq_kp_category_name")),
    )
    op.create_table(
        "kp_warning_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("town_code", sa.String(length=12), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("raised", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "town_code", "level", name=op.f("pk_kp_warning_daily")),
    )
    op.create_table(
        "key_person",
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("name_pinyin", sa.String(length=128), nullable=False),
        sa.Column("name_initials", sa.String(length=32), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("aliases", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("mental_grade", sa.SmallInteger(), nullable=True),
        sa.Column("household_address", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("town_code", sa.String(length=12), nullable=True),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("station_id", ID, nullable=True),
        sa.Column("officer_id", ID, nullable=True),
        sa.Column("supervisor_id", ID, nullable=True),
        sa.Column("citizen_id", ID, nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("computed_level", sa.String(length=8), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("level_override", sa.String(length=8), nullable=True),
        sa.Column("override_reason", sa.String(length=200), nullable=False),
        sa.Column("level_since", TS, nullable=True),
        sa.Column("score_detail", sa.JSON(), nullable=False),
        sa.Column("scored_at", TS, nullable=True),
        sa.Column("rescore_on", sa.Date(), nullable=True),
        sa.Column("keepers_missing", sa.SmallInteger(), nullable=False),
        sa.Column("last_visit_at", TS, nullable=True),
        sa.Column("last_contact_at", TS, nullable=True),
        sa.Column("next_visit_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_code"], ["kp_category.code"], name=op.f("fk_key_person_category_code_kp_category")
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_key_person_citizen_id_citizen"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["app_user.id"],
            name=op.f("fk_key_person_officer_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["unit.id"], name=op.f("fk_key_person_station_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["app_user.id"],
            name=op.f("fk_key_person_supervisor_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["town_code"], ["division.code"], name=op.f("fk_key_person_town_code_division")
        ),
        sa.ForeignKeyConstraint(
            ["village_code"], ["division.code"], name=op.f("fk_key_person_village_code_division")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_person")),
        sa.UniqueConstraint("id_number", name=op.f("uq_key_person_id_number")),
    )
    with op.batch_alter_table("key_person", schema=None) as batch_op:
        batch_op.create_index("ix_key_person_category_code_id", ["category_code", "id"], unique=False)
        batch_op.create_index("ix_key_person_citizen_id", ["citizen_id"], unique=False)
        batch_op.create_index("ix_key_person_keepers_missing_id", ["keepers_missing", "id"], unique=False)
        batch_op.create_index("ix_key_person_last_contact_at", ["last_contact_at"], unique=False)
        batch_op.create_index("ix_key_person_level_id", ["level", "id"], unique=False)
        batch_op.create_index("ix_key_person_name_id", ["name", "id"], unique=False)
        batch_op.create_index("ix_key_person_name_initials_id", ["name_initials", "id"], unique=False)
        batch_op.create_index("ix_key_person_name_pinyin_id", ["name_pinyin", "id"], unique=False)
        batch_op.create_index("ix_key_person_next_visit_due_id", ["next_visit_due", "id"], unique=False)
        batch_op.create_index("ix_key_person_officer_id_id", ["officer_id", "id"], unique=False)
        batch_op.create_index("ix_key_person_phone", ["phone"], unique=False)
        batch_op.create_index("ix_key_person_rescore_on", ["rescore_on"], unique=False)
        batch_op.create_index("ix_key_person_score_id", ["score", "id"], unique=False)
        batch_op.create_index("ix_key_person_status_id", ["status", "id"], unique=False)
        batch_op.create_index(
            "ix_key_person_status_town_level", ["status", "town_code", "level"], unique=False
        )
        batch_op.create_index("ix_key_person_town_code_id", ["town_code", "id"], unique=False)

    op.create_table(
        "kp_inspection",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("officer_id", ID, nullable=True),
        sa.Column("town_code", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("inspector_id", ID, nullable=True),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("accountable", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["app_user.id"],
            name=op.f("fk_kp_inspection_inspector_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["app_user.id"],
            name=op.f("fk_kp_inspection_officer_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_inspection_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_inspection")),
    )
    with op.batch_alter_table("kp_inspection", schema=None) as batch_op:
        batch_op.create_index("ix_kp_inspection_opened_on", ["opened_on"], unique=False)
        batch_op.create_index("ix_kp_inspection_person_id_id", ["person_id", "id"], unique=False)
        batch_op.create_index("ix_kp_inspection_status_id", ["status", "id"], unique=False)
        batch_op.create_index(
            "uq_kp_inspection_one_open",
            ["person_id", "kind"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )

    op.create_table(
        "kp_keeper",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("role_code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("user_id", ID, nullable=True),
        sa.Column("relation", sa.String(length=64), nullable=False),
        sa.Column("organisation", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["key_person.id"],
            name=op.f("fk_kp_keeper_person_id_key_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_kp_keeper_user_id_app_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_keeper")),
        sa.UniqueConstraint("person_id", "role_code", name="uq_kp_keeper_person_role"),
    )
    with op.batch_alter_table("kp_keeper", schema=None) as batch_op:
        batch_op.create_index("ix_kp_keeper_user_id", ["user_id"], unique=False)

    op.create_table(
        "kp_level_change",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("old_level", sa.String(length=8), nullable=False),
        sa.Column("new_level", sa.String(length=8), nullable=False),
        sa.Column("old_score", sa.Integer(), nullable=False),
        sa.Column("new_score", sa.Integer(), nullable=False),
        sa.Column("cause", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.CheckConstraint("length(reason) > 0", name=op.f("ck_kp_level_change_reason_given")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_level_change_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_level_change")),
    )
    with op.batch_alter_table("kp_level_change", schema=None) as batch_op:
        batch_op.create_index("ix_kp_level_change_person_id_id", ["person_id", "id"], unique=False)

    op.create_table(
        "kp_person_change",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_person_change_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_person_change")),
    )
    with op.batch_alter_table("kp_person_change", schema=None) as batch_op:
        batch_op.create_index("ix_kp_person_change_person_id_id", ["person_id", "id"], unique=False)

    op.create_table(
        "kp_person_photo",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["key_person.id"],
            name=op.f("fk_kp_person_photo_person_id_key_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_kp_person_photo")),
    )
    op.create_table(
        "kp_removal_request",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("requested_by", ID, nullable=False),
        sa.Column("requested_at", TS, nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", ID, nullable=True),
        sa.Column("decided_at", TS, nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'withdrawn') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)",
            name=op.f("ck_kp_removal_request_decision_signed"),
        ),
        sa.CheckConstraint(
            "decided_by IS NULL OR decided_by <> requested_by", name=op.f("ck_kp_removal_request_four_eyes")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["app_user.id"], name=op.f("fk_kp_removal_request_decided_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_removal_request_person_id_key_person")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["app_user.id"], name=op.f("fk_kp_removal_request_requested_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_removal_request")),
    )
    with op.batch_alter_table("kp_removal_request", schema=None) as batch_op:
        batch_op.create_index("ix_kp_removal_request_person_id_id", ["person_id", "id"], unique=False)
        batch_op.create_index("ix_kp_removal_request_status_id", ["status", "id"], unique=False)
        batch_op.create_index(
            "uq_kp_removal_request_one_pending",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )

    op.create_table(
        "kp_visit",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("visited_at", TS, nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("contact_made", sa.Boolean(), nullable=False),
        sa.Column("visitor_name", sa.String(length=64), nullable=False),
        sa.Column("officer_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_kp_visit_officer_id_app_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_visit_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_visit")),
    )
    with op.batch_alter_table("kp_visit", schema=None) as batch_op:
        batch_op.create_index("ix_kp_visit_person_id_visited_at", ["person_id", "visited_at"], unique=False)
        batch_op.create_index("ix_kp_visit_visited_at", ["visited_at"], unique=False)

    op.create_table(
        "kp_warning",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("raised_at", TS, nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("town_code", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("acknowledged_by", ID, nullable=True),
        sa.Column("acknowledged_at", TS, nullable=True),
        sa.Column("handled_by", ID, nullable=True),
        sa.Column("handled_at", TS, nullable=True),
        sa.Column("handling_note", sa.Text(), nullable=False),
        sa.Column("escalated_from_id", ID, nullable=True),
        sa.Column("depth", sa.SmallInteger(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"],
            ["app_user.id"],
            name=op.f("fk_kp_warning_acknowledged_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["escalated_from_id"], ["kp_warning.id"], name=op.f("fk_kp_warning_escalated_from_id_kp_warning")
        ),
        sa.ForeignKeyConstraint(
            ["handled_by"],
            ["app_user.id"],
            name=op.f("fk_kp_warning_handled_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_warning_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_warning")),
    )
    with op.batch_alter_table("kp_warning", schema=None) as batch_op:
        batch_op.create_index("ix_kp_warning_level_id", ["level", "id"], unique=False)
        batch_op.create_index("ix_kp_warning_person_id_id", ["person_id", "id"], unique=False)
        batch_op.create_index("ix_kp_warning_raised_at", ["raised_at"], unique=False)
        batch_op.create_index("ix_kp_warning_status_due_at", ["status", "due_at"], unique=False)

    op.create_table(
        "kp_accountability",
        sa.Column("inspection_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("officer_id", ID, nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", ID, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["app_user.id"],
            name=op.f("fk_kp_accountability_decided_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["kp_inspection.id"],
            name=op.f("fk_kp_accountability_inspection_id_kp_inspection"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["app_user.id"],
            name=op.f("fk_kp_accountability_officer_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_accountability_person_id_key_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_accountability")),
    )
    with op.batch_alter_table("kp_accountability", schema=None) as batch_op:
        batch_op.create_index("ix_kp_accountability_officer_id_id", ["officer_id", "id"], unique=False)

    op.create_table(
        "kp_event",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("visit_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["key_person.id"], name=op.f("fk_kp_event_person_id_key_person")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["kp_visit.id"], name=op.f("fk_kp_event_visit_id_kp_visit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_event")),
    )
    with op.batch_alter_table("kp_event", schema=None) as batch_op:
        batch_op.create_index("ix_kp_event_person_id_occurred_on", ["person_id", "occurred_on"], unique=False)

    op.create_table(
        "kp_level_delta",
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("town_code", sa.String(length=12), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kp_level_delta")),
    )
    for table in APPEND_ONLY:
        make_append_only(table)
    _removal_guard()
    _level_count_triggers()
    _seed_categories()
    grant_defaults(DEFAULTS)


def _seed_categories() -> None:
    table = sa.table(
        "kp_category",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("base_points", sa.Integer),
        sa.column("uses_mental_grade", sa.Boolean),
        sa.column("active", sa.Boolean),
        sa.column("builtin", sa.Boolean),
        sa.column("sort_order", sa.Integer),
        sa.column("description", sa.String),
        sa.column("version", sa.Integer),
        sa.column("created_at", TS),
        sa.column("updated_at", TS),
        sa.column("updated_by", sa.String),
    )
    now = sa.func.current_timestamp()
    for code, name, points, mental, order in CATEGORIES:
        op.execute(
            table.insert().values(
                code=code,
                name=name,
                base_points=points,
                uses_mental_grade=mental,
                active=True,
                builtin=True,
                sort_order=order,
                description="",
                version=1,
                created_at=now,
                updated_at=now,
                updated_by="system",
            )
        )


_HOLDS_APPROVAL = (
    "EXISTS (SELECT 1 FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id "
    "JOIN app_user u ON u.id = ur.user_id "
    f"WHERE ur.user_id = NEW.decided_by AND rp.permission = '{APPROVE}' AND u.active)"
)
_FINAL = "('approved', 'rejected', 'withdrawn')"


def _removal_guard() -> None:
    """A decided request is final; whoever decides must hold the approval permission (four eyes: CHECK)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER trg_kp_removal_final BEFORE UPDATE ON kp_removal_request "
            f"WHEN OLD.status IN {_FINAL} AND (NEW.status IS NOT OLD.status "
            "OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at "
            "OR NEW.opinion IS NOT OLD.opinion) "
            "BEGIN SELECT RAISE(ABORT, 'kp_removal_request: the request has already been decided'); END"
        )
        for verb, when in (
            ("INSERT", "NEW.status IN ('approved', 'rejected')"),
            (
                "UPDATE",
                "NEW.status IN ('approved', 'rejected') "
                "AND (NEW.status IS NOT OLD.status OR NEW.decided_by IS NOT OLD.decided_by)",
            ),
        ):
            op.execute(
                f"CREATE TRIGGER trg_kp_removal_approver_{verb.lower()} BEFORE {verb} ON kp_removal_request "
                f"WHEN {when} AND NOT {_HOLDS_APPROVAL} "
                "BEGIN SELECT RAISE(ABORT, 'kp_removal_request: the decider may not approve removals'); END"
            )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION kp_removal_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE changed boolean := true; "
        "BEGIN "
        "IF TG_OP = 'UPDATE' THEN "
        f"  IF OLD.status IN {_FINAL} AND (NEW.status IS DISTINCT FROM OLD.status "
        "   OR NEW.decided_by IS DISTINCT FROM OLD.decided_by OR NEW.decided_at IS DISTINCT FROM OLD.decided_at "
        "   OR NEW.opinion IS DISTINCT FROM OLD.opinion) THEN "
        "    RAISE EXCEPTION 'kp_removal_request %: the request has already been decided', OLD.id "
        "      USING ERRCODE = 'check_violation'; "
        "  END IF; "
        "  changed := NEW.status IS DISTINCT FROM OLD.status OR NEW.decided_by IS DISTINCT FROM OLD.decided_by; "
        "END IF; "
        f"IF changed AND NEW.status IN ('approved', 'rejected') AND NOT {_HOLDS_APPROVAL} THEN "
        "  RAISE EXCEPTION 'kp_removal_request %: the decider may not approve removals', NEW.id "
        "    USING ERRCODE = 'check_violation'; "
        "END IF; "
        "RETURN NEW; "
        "END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_kp_removal_guard BEFORE INSERT OR UPDATE ON kp_removal_request "
        "FOR EACH ROW EXECUTE FUNCTION kp_removal_guard()"
    )


_DELTA = "INSERT INTO kp_level_delta (status, town_code, level, delta) VALUES ({r}.status, coalesce({r}.town_code, ''), {r}.level, {d})"
_MOVED = "OLD.status IS NOT NEW.status OR OLD.town_code IS NOT NEW.town_code OR OLD.level IS NOT NEW.level"


def _level_count_triggers() -> None:
    """Every change of a person's (status, town, level) leaves a +1/-1 row for the charts (see the model)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER trg_kp_level_delta_ins AFTER INSERT ON key_person BEGIN {_DELTA.format(r='NEW', d=1)}; END"
        )
        op.execute(
            f"CREATE TRIGGER trg_kp_level_delta_del AFTER DELETE ON key_person BEGIN {_DELTA.format(r='OLD', d=-1)}; END"
        )
        op.execute(
            "CREATE TRIGGER trg_kp_level_delta_upd AFTER UPDATE OF status, town_code, level ON key_person "
            f"WHEN {_MOVED} BEGIN {_DELTA.format(r='OLD', d=-1)}; {_DELTA.format(r='NEW', d=1)}; END"
        )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION kp_level_delta_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_DELTA.format(r='OLD', d=-1)}; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_DELTA.format(r='NEW', d=1)}; END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_kp_level_delta_row AFTER INSERT OR DELETE ON key_person "
        "FOR EACH ROW EXECUTE FUNCTION kp_level_delta_keep()"
    )
    op.execute(
        "CREATE TRIGGER trg_kp_level_delta_upd AFTER UPDATE OF status, town_code, level ON key_person "
        f"FOR EACH ROW WHEN ({_MOVED.replace('IS NOT', 'IS DISTINCT FROM')}) EXECUTE FUNCTION kp_level_delta_keep()"
    )


def _drop_level_count_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("trg_kp_level_delta_ins", "trg_kp_level_delta_del", "trg_kp_level_delta_upd"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_kp_level_delta_row ON key_person")
        op.execute("DROP TRIGGER IF EXISTS trg_kp_level_delta_upd ON key_person")
        op.execute("DROP FUNCTION IF EXISTS kp_level_delta_keep()")


def _drop_removal_guard() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "trg_kp_removal_final",
            "trg_kp_removal_approver_insert",
            "trg_kp_removal_approver_update",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_kp_removal_guard ON kp_removal_request")
        op.execute("DROP FUNCTION IF EXISTS kp_removal_guard()")


def downgrade() -> None:
    perms = sorted({p for ps in DEFAULTS.values() for p in ps})
    op.get_bind().execute(
        sa.text("DELETE FROM role_permission WHERE permission IN :p").bindparams(
            sa.bindparam("p", expanding=True)
        ),
        {"p": perms},
    )
    _drop_removal_guard()
    _drop_level_count_triggers()
    for table in APPEND_ONLY:
        drop_append_only(table)
    for table in (
        "kp_level_delta",
        "kp_event",
        "kp_accountability",
        "kp_warning",
        "kp_visit",
        "kp_removal_request",
        "kp_person_photo",
        "kp_person_change",
        "kp_level_change",
        "kp_keeper",
        "kp_inspection",
        "key_person",
        "kp_warning_daily",
        "kp_category",
    ):
        op.drop_table(table)
