"""Shared steps for revisions: append-only triggers and seeding built-in roles and permissions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op


def make_append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on ``table`` in the database itself, whoever is connected."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        op.execute(
            "CREATE OR REPLACE FUNCTION jingwu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; "
            "END $$"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION jingwu_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION jingwu_append_only()"
        )


def drop_append_only(table: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_delete")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_truncate ON {table}")


def grant_defaults(role_permissions: dict[str, Iterable[str]]) -> None:
    """Give built-in roles permissions introduced by a revision (rows that already exist are kept)."""
    bind = op.get_bind()
    for code, perms in role_permissions.items():
        role_id = bind.execute(sa.text("SELECT id FROM role WHERE code = :c"), {"c": code}).scalar()
        if role_id is None:
            continue
        have = {
            r[0]
            for r in bind.execute(
                sa.text("SELECT permission FROM role_permission WHERE role_id = :r"), {"r": role_id}
            )
        }
        for perm in sorted(set(perms) - have):
            bind.execute(
                sa.text("INSERT INTO role_permission (role_id, permission) VALUES (:r, :p)"),
                {"r": role_id, "p": perm},
            )


def seed_roles(roles: Iterable[tuple[str, str, str, Iterable[str]]]) -> None:
    """Insert built-in roles (code, name, description, permissions) that do not exist yet."""
    bind = op.get_bind()
    for code, name, description, perms in roles:
        exists = bind.execute(sa.text("SELECT 1 FROM role WHERE code = :c"), {"c": code}).scalar()
        if not exists:
            bind.execute(
                sa.text(
                    "INSERT INTO role (code, name, description, builtin, version, created_at, updated_at) "
                    "VALUES (:c, :n, :d, :b, 1, :now, :now)"
                ),
                {"c": code, "n": name, "d": description, "b": True, "now": _utc_now()},
            )
        grant_defaults({code: perms})


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
