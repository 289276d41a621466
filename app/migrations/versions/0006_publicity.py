"""publicity: service rules and convenience measures with versions, releases per channel

Revision ID: 0006_publicity
Revises: 0003_citizen_service
Create Date: 2026-11-30 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.helpers import drop_append_only, grant_defaults, make_append_only

revision = "0006_publicity"
down_revision = "0003_citizen_service"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

# Frozen copy of app/models/publicity_permissions.DEFAULTS at the time of this revision.
_VIEW = "publicity.view"
DEFAULTS = {
    "admin": [_VIEW],
    "clerk": [_VIEW],
    "community": [_VIEW],
    "dispatcher": [_VIEW],
    "officer": [_VIEW],
    "support": [_VIEW],
    "publicity": [_VIEW, "publicity.edit", "publicity.publish", "publicity.figures"],
    "supervisor": [_VIEW, "publicity.approve", "publicity.figures"],
}
APPEND_ONLY = ("publicity_release_item",)
WORDING = "title, content, unit_id, effective_from, effective_to"
FROZEN_MESSAGE = "publicity_version wording is frozen once it left the draft state"


def _versioned() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    ref = target.split(".")[0]
    return sa.ForeignKeyConstraint([column], [target], name=op.f(f"fk_{table}_{column}_{ref}"))


def upgrade() -> None:
    op.create_table(
        "publicity_item",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("unit_id", ID, nullable=True),
        sa.Column("latest_no", sa.Integer(), nullable=False),
        sa.Column("latest_status", sa.String(length=12), nullable=False),
        sa.Column("published_no", sa.Integer(), nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("publicity_item", "unit_id", "unit.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity_item")),
        sa.UniqueConstraint("number", name=op.f("uq_publicity_item_number")),
    )
    op.create_index("ix_publicity_item_sort_order", "publicity_item", ["sort_order", "id"], unique=False)

    op.create_table(
        "publicity_version",
        sa.Column("item_id", ID, nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("unit_id", ID, nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("change_note", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("author_id", ID, nullable=True),
        sa.Column("author_name", sa.String(length=64), nullable=False),
        sa.Column("editor_ids", sa.JSON(), nullable=False),
        sa.Column("submitted_at", TS, nullable=True),
        sa.Column("approved_by_id", ID, nullable=True),
        sa.Column("approved_by_name", sa.String(length=64), nullable=False),
        sa.Column("approved_at", TS, nullable=True),
        sa.Column("review_opinion", sa.Text(), nullable=False),
        sa.Column("published_at", TS, nullable=True),
        sa.Column("withdrawn_at", TS, nullable=True),
        sa.Column("withdrawn_reason", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "approved_by_id IS NULL OR approved_by_id <> author_id",
            name=op.f("ck_publicity_version_four_eyes"),
        ),
        sa.CheckConstraint(
            "status NOT IN ('approved', 'published') OR approved_by_id IS NOT NULL",
            name=op.f("ck_publicity_version_approved_signed"),
        ),
        sa.CheckConstraint(
            "effective_to IS NULL OR effective_to >= effective_from",
            name=op.f("ck_publicity_version_effective_range"),
        ),
        _fk("publicity_version", "item_id", "publicity_item.id"),
        _fk("publicity_version", "unit_id", "unit.id"),
        _fk("publicity_version", "author_id", "app_user.id"),
        _fk("publicity_version", "approved_by_id", "app_user.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity_version")),
        sa.UniqueConstraint("item_id", "no", name="uq_publicity_version_item_no"),
    )
    op.create_index("ix_publicity_version_status", "publicity_version", ["status"], unique=False)
    op.create_index(
        "uq_publicity_version_one_published",
        "publicity_version",
        ["item_id"],
        unique=True,
        sqlite_where=sa.text("status = 'published'"),
        postgresql_where=sa.text("status = 'published'"),
    )
    op.create_index(
        "uq_publicity_version_one_working",
        "publicity_version",
        ["item_id"],
        unique=True,
        sqlite_where=sa.text("status IN ('draft', 'review', 'approved')"),
        postgresql_where=sa.text("status IN ('draft', 'review', 'approved')"),
    )

    op.create_table(
        "publicity_release",
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=12), nullable=False),
        sa.Column("released_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("figures_start", sa.Date(), nullable=True),
        sa.Column("figures_end", sa.Date(), nullable=True),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("reach", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", ID, nullable=True),
        sa.Column("recorded_by_name", sa.String(length=64), nullable=False),
        sa.Column("approvers", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        *_versioned(),
        _fk("publicity_release", "recorded_by_id", "app_user.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity_release")),
    )
    op.create_index(
        "ix_publicity_release_channel_day", "publicity_release", ["channel", "released_on"], unique=False
    )
    op.create_index(
        op.f("ix_publicity_release_released_on"), "publicity_release", ["released_on"], unique=False
    )

    op.create_table(
        "publicity_release_item",
        sa.Column("release_id", ID, nullable=False),
        sa.Column("version_id", ID, nullable=False),
        sa.Column("item_number", sa.String(length=16), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("approved_by_name", sa.String(length=64), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        _fk("publicity_release_item", "release_id", "publicity_release.id"),
        _fk("publicity_release_item", "version_id", "publicity_version.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity_release_item")),
        sa.UniqueConstraint("release_id", "version_id", name="uq_publicity_release_item_version"),
    )
    op.create_index(
        "ix_publicity_release_item_version_id", "publicity_release_item", ["version_id"], unique=False
    )

    _freeze_wording()
    for table in APPEND_ONLY:
        make_append_only(table)
    grant_defaults(DEFAULTS)


def _freeze_wording() -> None:
    """Refuse any change to the wording of a version that is no longer a draft, whoever is connected."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER trg_publicity_version_frozen BEFORE UPDATE OF {WORDING} ON publicity_version "
            "WHEN OLD.status <> 'draft' AND (NEW.title IS NOT OLD.title OR NEW.content IS NOT OLD.content "
            "OR NEW.unit_id IS NOT OLD.unit_id OR NEW.effective_from IS NOT OLD.effective_from "
            "OR NEW.effective_to IS NOT OLD.effective_to) "
            f"BEGIN SELECT RAISE(ABORT, '{FROZEN_MESSAGE}'); END"
        )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION publicity_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF OLD.status <> 'draft' AND (NEW.title, NEW.content, NEW.unit_id, NEW.effective_from, "
        "NEW.effective_to) IS DISTINCT FROM (OLD.title, OLD.content, OLD.unit_id, OLD.effective_from, "
        f"OLD.effective_to) THEN RAISE EXCEPTION '{FROZEN_MESSAGE}' "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_publicity_version_frozen BEFORE UPDATE ON publicity_version "
        "FOR EACH ROW EXECUTE FUNCTION publicity_version_frozen()"
    )


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
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS trg_publicity_version_frozen")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_publicity_version_frozen ON publicity_version")
        op.execute("DROP FUNCTION IF EXISTS publicity_version_frozen()")
    for table in ("publicity_release_item", "publicity_release", "publicity_version", "publicity_item"):
        op.drop_table(table)
