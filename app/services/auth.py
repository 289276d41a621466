"""Logging in, locking out and changing passwords, behind one interface.

The GUI talks only to an :class:`Authenticator`. Today it checks an argon2id hash in the ``app_user`` table;
on a hardened PostgreSQL server a later authenticator logs in by connecting as the user's own database role,
so nothing else in the client may assume one shared database account.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache
from typing import Protocol

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.errors import AuthError, DomainError
from app.models.accounts import LoginFailure, User
from app.models.audit import OUTCOME_FAILED
from app.models.base import utcnow
from app.models.db import Database
from app.services import audit, passwords
from app.services.context import Actor
from app.services.permissions import permissions_of

log = logging.getLogger(__name__)

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


class Authenticator(Protocol):
    def login(self, username: str, password: str) -> Actor: ...

    def check_password(self, actor: Actor, password: str) -> bool: ...

    def change_password(self, actor: Actor, old: str, new: str, confirm: str) -> Actor: ...

    def refresh(self, actor: Actor) -> Actor: ...


def actor_for(session: Session, user: User) -> Actor:
    """A plain snapshot of ``user`` with the permissions the database grants now."""
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=tuple(r.code for r in user.roles),
        role_names=tuple(r.name for r in user.roles),
        permissions=permissions_of(session, user.id),
        unit_id=user.unit_id,
        must_change_password=user.must_change_password,
    )


class PasswordAuthenticator:
    """Name and password checked against argon2id hashes; five failures in 15 minutes lock the account."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def login(self, username: str, password: str) -> Actor:
        username = username.strip()
        with self.db.session_factory() as session:
            with session.begin():
                user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
                error = self._refusal(session, user, username, password)
                if error is None:
                    assert user is not None
                    user.last_login_at = utcnow()
                    if passwords.needs_rehash(user.password_hash):
                        user.password_hash = passwords.hash_password(password)
                    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
                    actor = actor_for(session, user)
                    audit.record(session, actor, "login", entity="app_user", entity_id=user.id)
                    return actor
            # The failure is committed above (with its audit record) before the user is told.
            raise error

    def _refusal(
        self, session: Session, user: User | None, username: str, password: str
    ) -> DomainError | None:
        if user is None:
            passwords.verify_password(_dummy_hash(), password)  # same time as a real check
            audit.record(
                session, None, "login", detail="未知用户名", outcome=OUTCOME_FAILED, username=username
            )
            return AuthError()
        actor = Actor(user.id, user.username, user.display_name)
        if not user.active:
            audit.record(session, actor, "login", detail="账号已停用", outcome=OUTCOME_FAILED)
            return DomainError("account_disabled")
        if user.locked_at is not None:
            audit.record(session, actor, "login", detail="账号已锁定", outcome=OUTCOME_FAILED)
            return DomainError("account_locked")
        if passwords.verify_password(user.password_hash, password):
            return None
        now = utcnow()
        session.add(LoginFailure(user_id=user.id, at=now, workstation=actor.workstation))
        session.flush()
        recent = session.execute(
            select(func.count()).where(
                LoginFailure.user_id == user.id, LoginFailure.at > now - FAILURE_WINDOW
            )
        ).scalar_one()
        audit.record(
            session, actor, "login", detail=f"密码错误（15分钟内第{recent}次）", outcome=OUTCOME_FAILED
        )
        if recent >= MAX_FAILURES:
            user.locked_at = now
            audit.record(
                session,
                actor,
                "lock",
                entity="app_user",
                entity_id=user.id,
                detail="连续5次密码错误，自动锁定",
            )
            log.warning("account %s locked after %d failures", user.username, recent)
            return DomainError("account_locked")
        return AuthError()

    def check_password(self, actor: Actor, password: str) -> bool:
        """Unlock after the idle lock: the same password, and the account still usable."""
        with self.db.session() as session:
            user = session.get(User, actor.user_id)
            ok = bool(
                user
                and user.active
                and user.locked_at is None
                and passwords.verify_password(user.password_hash, password)
            )
            audit.record(session, actor, "unlock_screen", outcome="ok" if ok else OUTCOME_FAILED)
            return ok

    def change_password(self, actor: Actor, old: str, new: str, confirm: str) -> Actor:
        from app.core.errors import ValidationError
        from app.core.messages import render

        with self.db.session() as session:
            user = session.get(User, actor.user_id)
            if user is None:
                raise AuthError()
            if not passwords.verify_password(user.password_hash, old):
                raise ValidationError({"old": render("auth_failed")})
            if new != confirm:
                raise ValidationError({"confirm": render("password_mismatch")})
            if new == old:
                raise ValidationError({"new": render("password_unchanged")})
            passwords.check_policy(new, user.username, field="new")
            user.password_hash = passwords.hash_password(new)
            user.must_change_password = False
            user.password_changed_at = utcnow()
            user.updated_by = actor.username
            audit.record(session, actor, "change_password", entity="app_user", entity_id=user.id)
            return actor_for(session, user)

    def refresh(self, actor: Actor) -> Actor:
        with self.db.read_session() as session:
            user = session.get(User, actor.user_id)
            if user is None or not user.active:
                raise AuthError()
            return actor_for(session, user)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return passwords.hash_password("not-a-real-password-just-timing")
