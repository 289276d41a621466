"""Schema management with Alembic, and the start-up check that the database matches this program."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import inspect, text

from app.core.errors import SchemaVersionError
from app.migrations import HEAD
from app.models.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
_REVISION_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def known_revisions() -> set[str]:
    """Revision ids shipped with this program, read without importing Alembic (fast start-up)."""
    found = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        match = _REVISION_RE.search(path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return found


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check(db: Database) -> None:
    """Refuse, with a clear message, a database older or newer than this program."""
    rev = current_revision(db)
    if rev == HEAD:
        return
    if rev is None:
        raise SchemaVersionError("schema_missing")
    if rev in known_revisions():
        raise SchemaVersionError("schema_too_old", db=rev, app=HEAD)
    raise SchemaVersionError("schema_too_new", db=rev, app=HEAD)


def _alembic_config(db: Database):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(db: Database, revision: str = "head") -> str | None:
    """Bring the schema up to ``revision`` (default: this program's head). Safe to run again."""
    from alembic import command

    cfg = _alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return current_revision(db)


def downgrade(db: Database, revision: str) -> str | None:
    from alembic import command

    cfg = _alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    return current_revision(db)


def script_head() -> str:
    """The head according to Alembic itself (tests compare it with :data:`HEAD`)."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(Database("sqlite://"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head
