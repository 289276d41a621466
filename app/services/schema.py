"""Schema management with Alembic, and the start-up check that the database matches this program."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import inspect, text

from app.core.errors import SchemaVersionError
from app.models.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
_REVISION_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)
_ID_RE = re.compile(r"['\"]([^'\"]+)['\"]")


def _scan() -> dict[str, set[str]]:
    """Revision id -> its parents, read from the files without importing Alembic (fast start-up)."""
    graph: dict[str, set[str]] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        match = _REVISION_RE.search(source)
        if not match:
            continue
        down = _DOWN_RE.search(source)
        graph[match.group(1)] = set(_ID_RE.findall(down.group(1))) if down else set()
    return graph


def known_revisions() -> set[str]:
    """Revision ids shipped with this program."""
    return set(_scan())


def heads() -> frozenset[str]:
    """The schema this program is written for: the revisions no other revision builds on."""
    graph = _scan()
    parents = set().union(*graph.values()) if graph else set()
    return frozenset(set(graph) - parents)


def current_revisions(db: Database) -> frozenset[str]:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return frozenset()
        return frozenset(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))


def current_revision(db: Database) -> str | None:
    revs = current_revisions(db)
    return ",".join(sorted(revs)) if revs else None


def check(db: Database) -> None:
    """Refuse, with a clear message, a database older or newer than this program."""
    revs = current_revisions(db)
    expected = heads()
    if revs == expected:
        return
    app_text = ",".join(sorted(expected))
    if not revs:
        raise SchemaVersionError("schema_missing")
    if revs <= known_revisions():
        raise SchemaVersionError("schema_too_old", db=",".join(sorted(revs)), app=app_text)
    raise SchemaVersionError("schema_too_new", db=",".join(sorted(revs - known_revisions())), app=app_text)


def _alembic_config(db: Database):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(db: Database, revision: str = "heads") -> str | None:
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


def script_heads() -> frozenset[str]:
    """The heads according to Alembic itself (a test compares them with :func:`heads`)."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(Database("sqlite://"))
    return frozenset(ScriptDirectory.from_config(cfg).get_heads())


def ensure_ready(db: Database) -> None:
    """The start-up check; an empty embedded SQLite database is initialised instead of refused.

    A shared PostgreSQL server is never upgraded implicitly: its administrator runs ``db upgrade``.
    """
    try:
        check(db)
    except SchemaVersionError as exc:
        if exc.code == "schema_missing" and db.backend == "sqlite":
            upgrade(db)
            return
        raise
