"""Keeping a user's PostgreSQL login role in step with the account, from inside the same transaction.

Called by the user services after every change that matters to the login (created, roles or state changed,
password set). On SQLite, or on a PostgreSQL database that was never provisioned, it does nothing. The
password goes to the server only as a SCRAM-SHA-256 verifier computed here by libpq, so neither the
statement log nor ``pg_stat_activity`` ever shows it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.services.pg_security.naming import login_role


def provisioned(session: Session) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return False
    found = session.execute(text("SELECT to_regprocedure('jw_sync_login(bigint,text)') IS NOT NULL"))
    return bool(found.scalar_one())


def scram_verifier(session: Session, username: str, password: str) -> str:
    """libpq's PQencryptPasswordConn: the verifier the server stores, salted for this role name."""
    raw = session.connection().connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), login_role(username).encode(), b"scram-sha-256")
    return bytes(verifier).decode("ascii")


def sync_login(session: Session, user_id: int, username: str, password: str | None = None) -> None:
    """Create or update the user's login role (LOGIN state, groups, and the password when given)."""
    if not provisioned(session):
        return
    session.flush()  # the function reads app_user and user_role as they are in this transaction
    verifier = scram_verifier(session, username, password) if password is not None else None
    session.execute(text("SELECT jw_sync_login(:i, :v)"), {"i": user_id, "v": verifier})
