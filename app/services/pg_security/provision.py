"""``python main.py db provision``: set up (or bring up to date) the database's own permission rules.

Run with the owner's URL (the account that ran ``db upgrade``; a superuser or a role with CREATEROLE that owns
the tables). Everything runs in one transaction and is computed from what exists now (the tables in the
schema, the roles and their permissions in ``role_permission``, the users in ``app_user``), so running it again
after an upgrade that added tables, or after the administrator changed the role matrix, brings it up to date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.core.errors import DomainError
from app.core.messages import QT_TRANSLATE_NOOP, register
from app.models.db import Database
from app.services.pg_security import ddl, grants
from app.services.pg_security.naming import ALL_USERS, group_role, quote_ident

register(
    {
        "provision_not_pg": QT_TRANSLATE_NOOP(
            "messages", "只有 PostgreSQL 数据库需要配置数据库权限（当前是 {backend}）。"
        ),
        "provision_not_owner": QT_TRANSLATE_NOOP(
            "messages",
            "当前连接的数据库账号 {role} 不能创建角色或不是数据表的所有者。请用执行 db upgrade 的账号运行 db provision。",
        ),
    }
)


@dataclass
class ProvisionReport:
    groups: list[str] = field(default_factory=list)
    tables: int = 0
    unruled_tables: list[str] = field(default_factory=list)  # got the shared rule: add a rule in grants.py
    logins: list[str] = field(default_factory=list)
    logins_without_password: list[str] = field(default_factory=list)


def provision(db: Database) -> ProvisionReport:
    """Create the group roles, GRANTs, policies, triggers and users' login roles; safe to run again."""
    if db.backend != "postgresql":
        raise DomainError("provision_not_pg", backend=db.backend)
    report = ProvisionReport()
    with db.engine.begin() as conn:
        _check_owner(conn)
        # Serialise concurrent runs (two administrators, or a rerun while the first is still going).
        conn.execute(text("SELECT pg_advisory_xact_lock(7240926)"))
        matrix = _role_matrix(conn)
        report.groups = _ensure_groups(conn, matrix)
        _install_functions(conn)
        _grant_database(conn)
        _grant_tables(conn, matrix, report)
        _install_policies(conn)
        _install_triggers(conn)
        _sync_logins(conn, report)
    return report


def _check_owner(conn: Connection) -> None:
    row = conn.execute(
        text(
            "SELECT r.rolname, r.rolsuper OR r.rolcreaterole, "
            "  NOT EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = current_schema() "
            "              AND NOT pg_has_role(current_user, t.tableowner, 'USAGE')) "
            "FROM pg_roles r WHERE r.rolname = current_user"
        )
    ).one()
    if not (row[1] and row[2]):
        raise DomainError("provision_not_owner", role=row[0])


def _role_matrix(conn: Connection) -> dict[str, set[str]]:
    matrix: dict[str, set[str]] = defaultdict(set)
    for code, perm in conn.execute(
        text("SELECT r.code, rp.permission FROM role r LEFT JOIN role_permission rp ON rp.role_id = r.id")
    ):
        matrix[code].update([perm] if perm else [])
    return dict(matrix)


def _ensure_groups(conn: Connection, matrix: dict[str, set[str]]) -> list[str]:
    wanted = [ALL_USERS] + [group_role(code) for code in sorted(matrix)]
    existing = set(
        conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": wanted}).scalars()
    )
    for name in wanted:
        if name not in existing:
            conn.execute(text(f"CREATE ROLE {quote_ident(name)} NOLOGIN NOINHERIT"))
    return wanted


def _install_functions(conn: Connection) -> None:
    for signature, body in ddl.FUNCTIONS:
        conn.execute(text(body))
        conn.execute(text(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC"))
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION {signature} TO {quote_ident(ALL_USERS)}"))


def _grant_database(conn: Connection) -> None:
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    everyone = quote_ident(ALL_USERS)
    conn.execute(text(f"REVOKE ALL ON DATABASE {quote_ident(database)} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {everyone}"))
    conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
    # Ids come from sequences (BIGSERIAL); reading or advancing one reveals nothing.
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}"))


def _grant_tables(conn: Connection, matrix: dict[str, set[str]], report: ProvisionReport) -> None:
    columns: dict[str, list[str]] = defaultdict(list)
    for table, column in conn.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum"
        )
    ):
        columns[table].append(column)
    groups = [group_role(code) for code in matrix]
    for table, cols in columns.items():
        stmts, named = grants.statements(table, cols, matrix, groups)
        for stmt in stmts:
            conn.execute(text(stmt))
        if not named:
            report.unruled_tables.append(table)
    report.tables = len(columns)


def _table_exists(conn: Connection, table: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}).scalar_one()


def _install_policies(conn: Connection) -> None:
    enabled: set[str] = set()
    for table, name, command, using in ddl.POLICIES:
        if not _table_exists(conn, table):
            continue
        if table not in enabled:
            conn.execute(text(f"ALTER TABLE {quote_ident(table)} ENABLE ROW LEVEL SECURITY"))
            enabled.add(table)
        conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {quote_ident(table)}"))
        check = "" if command in ("SELECT", "DELETE") else f" WITH CHECK ({using})"
        conn.execute(
            text(f"CREATE POLICY {name} ON {quote_ident(table)} FOR {command} USING ({using}){check}")
        )


def _install_triggers(conn: Connection) -> None:
    for table, name, events, call in ddl.TRIGGERS:
        if not _table_exists(conn, table):
            continue
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {quote_ident(table)}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {name} {events} ON {quote_ident(table)} FOR EACH ROW EXECUTE FUNCTION {call}"
            )
        )


def _sync_logins(conn: Connection, report: ProvisionReport) -> None:
    for user_id in conn.execute(text("SELECT id FROM app_user ORDER BY id")).scalars():
        report.logins.append(
            conn.execute(text("SELECT jw_sync_login(:i, NULL)"), {"i": user_id}).scalar_one()
        )
    # pg_authid is readable by superusers only; a CREATEROLE owner simply gets no such list.
    superuser = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
    if superuser and report.logins:
        report.logins_without_password = list(
            conn.execute(
                text(
                    "SELECT rolname FROM pg_authid WHERE rolname = ANY(:n) AND rolpassword IS NULL ORDER BY 1"
                ),
                {"n": report.logins},
            ).scalars()
        )
