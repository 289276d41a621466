"""Test fixtures: Qt offscreen, a fresh database per test (SQLite, or PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JINGWU_HOME", tempfile.mkdtemp(prefix="jingwu-home-"))

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.models.db import Database  # noqa: E402
from app.services import schema  # noqa: E402
from app.services.context import Actor  # noqa: E402

TEST_PG_URL = os.environ.get("TEST_DATABASE_URL", "")
_TEMPLATE_DIR = Path(tempfile.mkdtemp(prefix="jingwu-template-"))
_PG_TEMPLATE = f"jingwu_tpl_{os.getpid()}"
_template_ready = False


def backend() -> str:
    return "postgresql" if TEST_PG_URL else "sqlite"


def _admin_engine():  # type: ignore[no-untyped-def]
    return create_engine(make_url(TEST_PG_URL), isolation_level="AUTOCOMMIT")


def _ensure_template() -> None:
    """Migrate once, then copy the migrated database for every test (fast and fully isolated)."""
    global _template_ready
    if _template_ready:
        return
    if TEST_PG_URL:
        eng = _admin_engine()
        with eng.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}"'))
            conn.execute(text(f'CREATE DATABASE "{_PG_TEMPLATE}"'))
        eng.dispose()
        db = Database(make_url(TEST_PG_URL).set(database=_PG_TEMPLATE))
        schema.upgrade(db)
        db.dispose()
    else:
        db = Database(f"sqlite:///{_TEMPLATE_DIR / 'template.db'}")
        schema.upgrade(db)
        db.dispose()  # closing the last connection checkpoints the WAL into the file
    _template_ready = True


def new_database_url(tmp_path: Path) -> str:
    """A freshly migrated, empty database of the backend under test."""
    _ensure_template()
    if TEST_PG_URL:
        name = f"jingwu_t_{uuid.uuid4().hex[:12]}"
        eng = _admin_engine()
        with eng.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_PG_TEMPLATE}"'))
        eng.dispose()
        return make_url(TEST_PG_URL).set(database=name).render_as_string(hide_password=False)
    target = tmp_path / f"test-{uuid.uuid4().hex[:8]}.db"
    shutil.copyfile(_TEMPLATE_DIR / "template.db", target)
    return f"sqlite:///{target}"


def drop_database_url(url: str) -> None:
    if not TEST_PG_URL:
        return
    name = make_url(url).database
    eng = _admin_engine()
    with eng.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    eng.dispose()


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    url = new_database_url(tmp_path)
    yield url
    drop_database_url(url)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A database with no schema at all (first start, db upgrade)."""
    if TEST_PG_URL:
        name = f"jingwu_e_{uuid.uuid4().hex[:12]}"
        eng = _admin_engine()
        with eng.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        eng.dispose()
        url = make_url(TEST_PG_URL).set(database=name).render_as_string(hide_password=False)
        database = Database(url)
        yield database
        database.dispose()
        drop_database_url(url)
    else:
        database = Database(f"sqlite:///{tmp_path / 'empty.db'}")
        yield database
        database.dispose()


STRONG_PASSWORD = "Langao-2026-Secure!"


def make_user(db: Database, username: str, roles: list[str], *, display_name: str | None = None,
              password: str = STRONG_PASSWORD, unit_id: int | None = None) -> Actor:
    """Create a user directly (as the system) with a known password and return their Actor."""
    from app.models.accounts import Role, User
    from app.services import passwords
    from app.services.auth import actor_for

    with db.session() as s:
        from sqlalchemy import select

        user = User(
            username=username, display_name=display_name or username, password_hash=passwords.hash_password(password),
            roles=list(s.execute(select(Role).where(Role.code.in_(roles))).scalars()), unit_id=unit_id,
        )
        s.add(user)
        s.flush()
        return actor_for(s, user)


@pytest.fixture
def admin(db: Database) -> Actor:
    return make_user(db, "admin1", ["admin"], display_name="王管理")


@pytest.fixture
def clerk(db: Database) -> Actor:
    return make_user(db, "clerk1", ["clerk"], display_name="李窗口")


@pytest.fixture
def auditor(db: Database) -> Actor:
    return make_user(db, "auditor1", ["auditor"], display_name="赵审计")


@pytest.fixture
def supervisor(db: Database) -> Actor:
    return make_user(db, "boss1", ["supervisor"], display_name="陈所长")


@pytest.fixture
def sync_ops(db: Database) -> Iterator[Database]:
    """Run background ops synchronously against ``db`` (GUI tests)."""
    from app.views.common import run_op

    run_op.configure(db)
    run_op.set_synchronous(True)
    yield db
    run_op.set_synchronous(False)
