"""citizen service: catalogue, items and their timeline, working-day calendar, look-ups, texts, certificates,
ratings and follow-ups

Revision ID: 0003_citizen_service
Revises: 0002_messaging
Create Date: 2026-11-30 09:00:00
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.core.paths import resource
from app.migrations.helpers import drop_append_only, grant_defaults, make_append_only

revision = "0003_citizen_service"
down_revision = "0002_messaging"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copy of app/models/service_permissions.DEFAULTS at the time of this revision.
DEFAULTS = {
    "clerk": ["service.intake", "service.handle", "service.lookup", "service.followup", "certificate.print"],
    "supervisor": [
        "service.intake",
        "service.handle",
        "service.approve",
        "service.lookup",
        "service.figures",
        "service.followup",
        "certificate.print",
    ],
    "officer": ["tab.citizen", "service.handle", "service.lookup"],
    "admin": ["service.catalogue", "service.lookup", "service.figures"],
}
APPEND_ONLY = ("service_event", "service_certificate_print")
TABLES = (
    "service_lookup",
    "service_daily",
    "tracking_counter",
    "working_calendar_day",
    "working_calendar_year",
    "service_catalogue",
    "service_item",
    "service_certificate",
    "service_event",
    "service_rating",
    "service_text",
    "service_certificate_print",
    "service_followup",
)


def upgrade() -> None:
    op.create_table(
        "service_lookup",
        sa.Column("at", TS, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("query_kind", sa.String(length=12), nullable=False),
        sa.Column("actor_id", ID, nullable=True),
        sa.Column("result_count", sa.SmallInteger(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_lookup")),
    )
    op.create_index("ix_service_lookup_day_channel", "service_lookup", ["day", "channel"], unique=False)
    op.create_table(
        "service_daily",
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=24), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("late", sa.Integer(), nullable=False),
        sa.Column("days_sum", sa.Integer(), nullable=False),
        sa.Column("rated", sa.Integer(), nullable=False),
        sa.Column("rating_sum", sa.Integer(), nullable=False),
        sa.Column("bad", sa.Integer(), nullable=False),
        sa.Column("texts", sa.Integer(), nullable=False),
        sa.Column("lookups", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "key", "day", name=op.f("pk_service_daily")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "tracking_counter",
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_tracking_counter")),
    )
    op.create_table(
        "working_calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_calendar_day")),
        sa.UniqueConstraint("day", name=op.f("uq_working_calendar_day_day")),
    )
    op.create_table(
        "working_calendar_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_calendar_year")),
        sa.UniqueConstraint("year", name=op.f("uq_working_calendar_year_year")),
    )
    op.create_table(
        "service_catalogue",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("limit_days", sa.SmallInteger(), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("form_fields", sa.Text(), nullable=False),
        sa.Column("certificate_kind", sa.String(length=24), nullable=False),
        sa.Column("needs_approval", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_service_catalogue_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_catalogue")),
        sa.UniqueConstraint("code", name=op.f("uq_service_catalogue_code")),
        sa.UniqueConstraint("name", name=op.f("uq_service_catalogue_name")),
    )
    op.create_index(
        "ix_service_catalogue_category_sort", "service_catalogue", ["category", "sort_order"], unique=False
    )
    op.create_index(op.f("ix_service_catalogue_unit_id"), "service_catalogue", ["unit_id"], unique=False)
    op.create_table(
        "service_item",
        sa.Column("tracking_no", sa.String(length=24), nullable=False),
        sa.Column("catalogue_id", ID, nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("citizen_id", ID, nullable=False),
        sa.Column("applicant_name", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("external_ref", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resume_status", sa.String(length=16), nullable=True),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("officer_id", ID, nullable=True),
        sa.Column("owner_id", ID, nullable=True),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("limit_days", sa.SmallInteger(), nullable=False),
        sa.Column("paused_since", sa.Date(), nullable=True),
        sa.Column("paused_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("approved_by_id", ID, nullable=True),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("working_days_used", sa.SmallInteger(), nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("materials_received", sa.JSON(), nullable=False),
        sa.Column("materials_missing", sa.JSON(), nullable=False),
        sa.Column("form_values", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("outcome_note", sa.String(length=500), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("card_notified", sa.String(length=8), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["app_user.id"], name=op.f("fk_service_item_approved_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["service_catalogue.id"],
            name=op.f("fk_service_item_catalogue_id_service_catalogue"),
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_service_item_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_service_item_officer_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["app_user.id"], name=op.f("fk_service_item_owner_id_app_user")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_service_item_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item")),
        sa.UniqueConstraint("external_ref", name=op.f("uq_service_item_external_ref")),
        sa.UniqueConstraint("tracking_no", name=op.f("uq_service_item_tracking_no")),
    )
    op.create_index("ix_service_item_catalogue_id_id", "service_item", ["catalogue_id", "id"], unique=False)
    op.create_index("ix_service_item_citizen_id_id", "service_item", ["citizen_id", "id"], unique=False)
    op.create_index("ix_service_item_due_date_id", "service_item", ["due_date", "id"], unique=False)
    op.create_index(
        "ix_service_item_figures",
        "service_item",
        [
            "received_on",
            "unit_id",
            "officer_id",
            "channel",
            "status",
            "finished_on",
            "due_date",
            "working_days_used",
            "rating",
        ],
        unique=False,
    )
    op.create_index("ix_service_item_officer_status", "service_item", ["officer_id", "status"], unique=False)
    op.create_index("ix_service_item_phone_id", "service_item", ["phone", "id"], unique=False)
    op.create_index("ix_service_item_received_at_id", "service_item", ["received_at", "id"], unique=False)
    op.create_index("ix_service_item_status_due", "service_item", ["status", "due_date"], unique=False)
    op.create_index("ix_service_item_unit_status", "service_item", ["unit_id", "status"], unique=False)
    op.create_table(
        "service_certificate",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("cert_no", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("verify_code", sa.String(length=16), nullable=False),
        sa.Column("subject_name", sa.String(length=32), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by_id", ID, nullable=True),
        sa.Column("issued_by_name", sa.String(length=64), nullable=False),
        sa.Column("approved_by_name", sa.String(length=64), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_service_certificate_item_id_service_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_certificate")),
        sa.UniqueConstraint("cert_no", name=op.f("uq_service_certificate_cert_no")),
        sa.UniqueConstraint("item_id", name=op.f("uq_service_certificate_item_id")),
        sa.UniqueConstraint("verify_code", name=op.f("uq_service_certificate_verify_code")),
    )
    op.create_table(
        "service_event",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor_id", ID, nullable=True),
        sa.Column("actor_name", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_service_event_item_id_service_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_event")),
    )
    op.create_index("ix_service_event_item_id_seq", "service_event", ["item_id", "seq"], unique=False)
    op.create_table(
        "service_rating",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("rated_at", TS, nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", ID, nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_service_rating_item_id_service_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_rating")),
        sa.UniqueConstraint("item_id", name=op.f("uq_service_rating_item_id")),
    )
    op.create_index("ix_service_rating_rated_on", "service_rating", ["rated_on"], unique=False)
    op.create_table(
        "service_text",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("sms_id", ID, nullable=False),
        sa.Column("event", sa.String(length=24), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("officer_id", ID, nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_service_text_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["sms_id"], ["sms_message.id"], name=op.f("fk_service_text_sms_id_sms_message")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_text")),
        sa.UniqueConstraint("sms_id", name=op.f("uq_service_text_sms_id")),
    )
    op.create_index("ix_service_text_item_id", "service_text", ["item_id"], unique=False)
    op.create_table(
        "service_certificate_print",
        sa.Column("certificate_id", ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("by_id", ID, nullable=True),
        sa.Column("by_name", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["service_certificate.id"],
            name=op.f("fk_service_certificate_print_certificate_id_service_certificate"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_certificate_print")),
    )
    op.create_index(
        "ix_service_certificate_print_cert",
        "service_certificate_print",
        ["certificate_id", "number"],
        unique=False,
    )
    op.create_table(
        "service_followup",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("rating_id", ID, nullable=False),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("tracking_no", sa.String(length=24), nullable=False),
        sa.Column("applicant_name", sa.String(length=32), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("complaint", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("satisfied_after", sa.SmallInteger(), nullable=True),
        sa.Column("done_at", TS, nullable=True),
        sa.Column("done_by_name", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_service_followup_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["service_rating.id"], name=op.f("fk_service_followup_rating_id_service_rating")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_service_followup_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_followup")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_service_followup_rating_id")),
    )
    op.create_index(
        "ix_service_followup_status_deadline", "service_followup", ["status", "deadline"], unique=False
    )
    op.create_index(
        "ix_service_followup_unit_status", "service_followup", ["unit_id", "status"], unique=False
    )

    for table in APPEND_ONLY:
        make_append_only(table)
    seed_calendar()
    grant_defaults(DEFAULTS)


def seed_calendar() -> None:
    """The published years of resources/reference/cn_holidays.json (the calendar stays editable)."""
    with resource("reference", "cn_holidays.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    now = datetime.now(UTC).replace(tzinfo=None)
    stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": "system"}
    years = sa.table(
        "working_calendar_year",
        *(
            sa.column(c)
            for c in ("year", "published", "source", "version", "created_at", "updated_at", "updated_by")
        ),
    )
    days = sa.table(
        "working_calendar_day",
        *(sa.column(c) for c in ("day", "kind", "name", "version", "created_at", "updated_at", "updated_by")),
    )
    year_rows, day_rows = [], []
    for year, entry in sorted(data["years"].items()):
        year_rows.append(
            {"year": int(year), "published": True, "source": " ".join(entry.get("source", []))[:300], **stamp}
        )
        for kind, key in (("holiday", "holidays"), ("workday", "make_up_working_days")):
            for d in entry.get(key, []):
                day_rows.append(
                    {
                        "day": datetime.strptime(d["date"], "%Y-%m-%d").date(),
                        "kind": kind,
                        "name": d["name"][:32],
                        **stamp,
                    }
                )
    if year_rows:
        op.bulk_insert(years, year_rows)
    if day_rows:
        op.bulk_insert(days, day_rows)


def downgrade() -> None:
    perms = sorted({p for ps in DEFAULTS.values() for p in ps if not p.startswith("tab.")})
    op.get_bind().execute(
        sa.text("DELETE FROM role_permission WHERE permission IN :p").bindparams(
            sa.bindparam("p", expanding=True)
        ),
        {"p": perms},
    )
    for table in APPEND_ONLY:
        drop_append_only(table)
    for table in reversed(TABLES):
        op.drop_table(table)
