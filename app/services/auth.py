"""Logging in, locking out and changing passwords, behind one interface.

The GUI talks only to an :class:`Authenticator`. Today it checks an argon2id hash in the ``app_user`` table;
on a hardened PostgreSQL server a later authenticator logs in by connecting as the user's own database role,
so nothing else in the client may assume one shared database account.
"""

from __future__ import annotations

import logging
import time
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
from app.services import audit, passwords, second_factor
from app.services.context import Actor
from app.services.permissions import permissions_of

log = logging.getLogger(__name__)

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
CHALLENGE_SECONDS = 600  # the code must follow the password within ten minutes


class Authenticator(Protocol):
    def login(self, username: str, password: str) -> Actor: ...

    def check_password(self, actor: Actor, password: str) -> bool: ...

    def change_password(self, actor: Actor, old: str, new: str, confirm: str) -> Actor: ...

    def refresh(self, actor: Actor) -> Actor: ...

    # The second factor: ``login`` raises SecondFactorRequired with a challenge; then one of these.
    def verify_second_factor(self, challenge: second_factor.Challenge, code: str) -> Actor: ...

    def begin_enrolment(self, challenge: second_factor.Challenge) -> second_factor.Enrolment: ...

    def confirm_enrolment(self, challenge: second_factor.Challenge, code: str) -> tuple[Actor, list[str]]: ...


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
        self._challenges: dict[str, tuple[int, float]] = {}  # token -> user id, when the password was right

    def login(self, username: str, password: str) -> Actor:
        """The password step. Raises :class:`SecondFactorRequired` when a code must follow (see below)."""
        username = username.strip()
        with self.db.session_factory() as session:
            with session.begin():
                user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
                error = self._refusal(session, user, username, password)
                if error is None:
                    assert user is not None
                    if passwords.needs_rehash(user.password_hash):
                        user.password_hash = passwords.hash_password(password)
                    outcome = self._password_accepted(session, user)
                    if isinstance(outcome, Actor):
                        return outcome
                    error = outcome
            # The failure is committed above (with its audit record) before the user is told.
            raise error

    def _password_accepted(self, session: Session, user: User) -> Actor | DomainError:
        """After the right password: the logged-in actor, or the SecondFactorRequired to raise once committed.

        Shared with the per-user PostgreSQL login (app/services/pg_security/login.py), where the server checked
        the password.
        """
        challenge = second_factor.challenge_for(session, user)
        if challenge is None:
            return _complete_login(session, user)
        now = time.monotonic()
        for token, (_uid, at) in list(self._challenges.items()):  # forget abandoned ones
            if now - at > CHALLENGE_SECONDS:
                self._challenges.pop(token, None)
        self._challenges[challenge.token] = (challenge.user_id, now)
        audit.record(
            session,
            Actor(user.id, user.username, user.display_name),
            "login_password",
            entity="app_user",
            entity_id=user.id,
            detail="密码正确，待输入动态验证码" if challenge.enrolled else "密码正确，须先设置动态验证码",
        )
        return second_factor.SecondFactorRequired(challenge)

    # -- the second step (app/services/second_factor.py) -------------------------------------------------
    def _challenged_user(self, session: Session, challenge: second_factor.Challenge) -> User:
        entry = self._challenges.get(challenge.token)
        if entry is None or entry[0] != challenge.user_id or time.monotonic() - entry[1] > CHALLENGE_SECONDS:
            self._challenges.pop(challenge.token, None)
            raise DomainError("second_factor_expired")
        user = session.get(User, challenge.user_id)
        if user is None or not user.active:
            raise DomainError("account_disabled")
        if user.locked_at is not None:
            raise DomainError("account_locked")
        return user

    def verify_second_factor(self, challenge: second_factor.Challenge, code: str) -> Actor:
        """A TOTP or recovery code after the password; a wrong code counts toward the lockout."""
        with self.db.session_factory() as session:
            with session.begin():
                user = self._challenged_user(session, challenge)
                try:
                    kind = second_factor.verify(session, user.id, code)
                except DomainError as exc:
                    if exc.code not in ("second_factor_wrong", "second_factor_reused"):
                        raise
                    actor = Actor(user.id, user.username, user.display_name)
                    error = _count_failure(session, user, actor, "动态验证码错误") or exc
                else:
                    self._challenges.pop(challenge.token, None)
                    return _complete_login(session, user, "恢复码登录" if kind == "recovery" else "")
            raise error

    def begin_enrolment(self, challenge: second_factor.Challenge) -> second_factor.Enrolment:
        """A user whose role requires a second factor and who has none yet sets it up at this login."""
        with self.db.session() as session:
            user = self._challenged_user(session, challenge)
            return second_factor.begin_enrolment(session, user.id, user.username)

    def confirm_enrolment(self, challenge: second_factor.Challenge, code: str) -> tuple[Actor, list[str]]:
        """The first code from the app activates it; logged in, with recovery codes to show once."""
        with self.db.session() as session:
            user = self._challenged_user(session, challenge)
            snapshot = Actor(user.id, user.username, user.display_name)
            codes = second_factor.confirm_enrolment(session, snapshot, user.id, code)
            self._challenges.pop(challenge.token, None)
            return _complete_login(session, user), codes

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
        return _count_failure(session, user, actor, "密码错误") or AuthError()

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


def _complete_login(session: Session, user: User, detail: str = "") -> Actor:
    user.last_login_at = utcnow()
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
    actor = actor_for(session, user)
    audit.record(session, actor, "login", entity="app_user", entity_id=user.id, detail=detail)
    return actor


def _count_failure(session: Session, user: User, actor: Actor, what: str) -> DomainError | None:
    """Record a failed password or code; the lock error when this was the fifth within the window."""
    now = utcnow()
    session.add(LoginFailure(user_id=user.id, at=now, workstation=actor.workstation))
    session.flush()
    recent = session.execute(
        select(func.count()).where(LoginFailure.user_id == user.id, LoginFailure.at > now - FAILURE_WINDOW)
    ).scalar_one()
    audit.record(session, actor, "login", detail=f"{what}（15分钟内第{recent}次）", outcome=OUTCOME_FAILED)
    if recent < MAX_FAILURES:
        return None
    user.locked_at = now
    audit.record(
        session, actor, "lock", entity="app_user", entity_id=user.id, detail=f"连续{recent}次{what}，自动锁定"
    )
    log.warning("account %s locked after %d failures", user.username, recent)
    return DomainError("account_locked")


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return passwords.hash_password("not-a-real-password-just-timing")
