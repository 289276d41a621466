"""Per-user login on a provisioned PostgreSQL server: the server checks the password by letting the role in.

The workstation stores a URL without user or password (``postgresql+psycopg://db.example/jingwu?sslmode=
verify-full&sslrootcert=...``). At login the client connects as the user's own role (``jw_<name>``) with the
password just typed; PostgreSQL verifies it (SCRAM-SHA-256). Only then is the ``app_user`` row read, so a
refused password never reaches the application's tables. The password lives in memory for the session only,
because new pooled connections (and the change-feed listener) must authenticate too.

The five-failures lockout: a wrong *password* never gives the client a connection, so the client cannot count
it, and giving it one for that purpose would mean a shared account on every workstation (exactly what this
mode removes). So in this mode the server does it: ``auth_delay`` throttles guessing and ``log_connections``
records each failure in the server log (see README). What the client can still see is enforced by the
server too: a locked or disabled account's role is NOLOGIN, a wrong second-factor code is counted and locks
the role after five within fifteen minutes, and only an administrator can unlock it.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from app.core.errors import AuthError, DomainError, ValidationError
from app.core.messages import QT_TRANSLATE_NOOP, register, render
from app.models.accounts import User
from app.models.audit import OUTCOME_FAILED
from app.models.base import utcnow
from app.models.db import Database
from app.services import audit, passwords, schema, second_factor
from app.services.auth import PasswordAuthenticator, actor_for
from app.services.context import Actor
from app.services.pg_security.naming import login_role
from app.services.pg_security.roles import sync_login

log = logging.getLogger(__name__)

register(
    {
        "login_role_refused": QT_TRANSLATE_NOOP(
            "messages", "该账号已停用或已锁定，数据库拒绝登录。请联系系统管理员。"
        ),
    }
)
_WRONG_PASSWORD = "28P01"  # invalid_password (also for a role that does not exist: nothing is revealed)
_REFUSED = "28000"  # invalid_authorization_specification: NOLOGIN role, or pg_hba.conf rejects


class RoleAuthenticator(PasswordAuthenticator):
    """Each login opens a :class:`Database` as the user's own role; :attr:`db` is the current user's."""

    def __init__(self, url: str) -> None:
        self.base_url = make_url(url)
        super().__init__(None)  # type: ignore[arg-type]  # no database until someone logs in
        self._password = ""

    # -- the password step -------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Actor:
        username = username.strip()
        db = self._connect(username, password)
        try:
            schema.check(db)
            actor = self._after_password(db, username)
        except second_factor.SecondFactorRequired:
            self._adopt(db, password)
            raise
        except BaseException:
            db.dispose()
            raise
        self._adopt(db, password)
        return actor

    def _connect(self, username: str, password: str) -> Database:
        url = self.base_url.set(username=login_role(username), password=password)
        db = Database(url)
        holder = self  # new pooled connections use the current password (it changes with change_password)
        event.listen(db.engine, "do_connect", lambda _d, _r, _a, params: _use_password(params, holder, db))
        try:
            with db.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except sa_exc.OperationalError as exc:
            db.dispose()
            raise _login_error(exc, db) from exc
        return db

    def _after_password(self, db: Database, username: str) -> Actor:
        with db.session_factory() as session, session.begin():
            user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
            if user is None or not user.active:  # a role without an account: refuse like a wrong password
                raise AuthError()
            if user.locked_at is not None:
                raise DomainError("account_locked")
            outcome = self._password_accepted(session, user)
        if isinstance(outcome, DomainError):
            raise outcome  # SecondFactorRequired: the challenge's audit record is committed above
        return outcome

    def _adopt(self, db: Database, password: str) -> None:
        if self.db is not None and self.db is not db:
            self.db.dispose()  # the previous user's connections end with their session
        self.db = db
        self._password = password

    # -- while logged in --------------------------------------------------------------------------------
    def check_password(self, actor: Actor, password: str) -> bool:
        """The idle lock: the server checks the password with a fresh connection as the same role."""
        try:
            probe = self._connect(actor.username, password)
            probe.dispose()
            ok = True
        except DomainError:
            ok = False
        with self.db.session() as session:
            user = session.get(User, actor.user_id)
            ok = ok and bool(user and user.active and user.locked_at is None)
            audit.record(session, actor, "unlock_screen", outcome="ok" if ok else OUTCOME_FAILED)
        return ok

    def change_password(self, actor: Actor, old: str, new: str, confirm: str) -> Actor:
        """Checked by the server (old), then the role's verifier and the account row change in one transaction."""
        try:
            self._connect(actor.username, old).dispose()
        except DomainError:
            raise ValidationError({"old": render("auth_failed")}) from None
        if new != confirm:
            raise ValidationError({"confirm": render("password_mismatch")})
        if new == old:
            raise ValidationError({"new": render("password_unchanged")})
        passwords.check_policy(new, actor.username, field="new")
        with self.db.session() as session:
            user = session.get(User, actor.user_id)
            if user is None:
                raise AuthError()
            user.password_hash = passwords.hash_password(new)  # kept in step for the owner's own tools
            user.must_change_password = False
            user.password_changed_at = utcnow()
            user.updated_by = actor.username
            sync_login(session, user.id, user.username, new)
            audit.record(session, actor, "change_password", entity="app_user", entity_id=user.id)
            updated = actor_for(session, user)
        self._password = new
        self.db.engine.url = self.db.engine.url.set(password=new)  # the change-feed listener reads it
        return updated


def _use_password(params: dict[str, Any], holder: RoleAuthenticator, db: Database) -> None:
    if holder.db is db and holder._password:
        params["password"] = holder._password


def _login_error(exc: sa_exc.OperationalError, db: Database) -> DomainError:
    state = getattr(exc.orig, "sqlstate", None)
    text = str(exc.orig)
    if state == _WRONG_PASSWORD or "password authentication failed" in text:
        return AuthError()
    if state == _REFUSED or "not permitted to log in" in text:
        return DomainError("login_role_refused")
    log.warning("cannot connect to %s: %s", db.info.url_safe, text)
    return DomainError(
        "db_unreachable", detail=f"{db.info.label}（{text.strip().splitlines()[0] if text else ''}）"
    )
