"""The second factor: TOTP codes from an authenticator app (RFC 6238, via pyotp) and one-time recovery codes.

Who needs it: every user who has enrolled, and every member of a role an administrator marks. A member of
such a role who has not enrolled yet enrols at that login (trust on first use: the password is the only
proof then, so administrators should mark roles before handing out passwords).

Codes: 6 digits, 30-second steps, one step of clock drift either way. An accepted code's step is stored, so
the same code (or an older one) is refused from then on, on every workstation. Recovery codes are 12
characters from a 32-letter alphabet (60 bits), stored as salted SHA-256 hashes and used once each.

The login steps themselves (and failures counting toward the lockout) live in ``app/services/auth.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import pyotp
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.core.messages import QT_TRANSLATE_NOOP, register, render
from app.models.accounts import Role, User, user_role
from app.models.base import utcnow
from app.models.permissions import USERS_MANAGE
from app.models.second_factor import RecoveryCode, RoleSecondFactor, UserSecondFactor
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require
from app.services.second_factor_seal import seal, unseal

register(
    {
        "second_factor_required": QT_TRANSLATE_NOOP("messages", "请输入手机验证器上的动态验证码。"),
        "second_factor_wrong": QT_TRANSLATE_NOOP("messages", "动态验证码或恢复码不正确。"),
        "second_factor_reused": QT_TRANSLATE_NOOP(
            "messages", "这个动态验证码刚刚已经用过，请等验证器显示下一个验证码后再输入。"
        ),
        "second_factor_expired": QT_TRANSLATE_NOOP("messages", "验证已超时，请重新输入用户名和密码。"),
        "second_factor_not_enrolled": QT_TRANSLATE_NOOP("messages", "该账号尚未设置动态验证码。"),
        "second_factor_already": QT_TRANSLATE_NOOP(
            "messages", "该账号已设置动态验证码。如需更换手机，请联系系统管理员重置。"
        ),
        "second_factor_still_required": QT_TRANSLATE_NOOP(
            "messages", "您的角色要求使用动态验证码，不能自行停用。"
        ),
        "second_factor_broken": QT_TRANSLATE_NOOP(
            "messages",
            "动态验证码的密钥无法读取（可能被改动或密钥配置不同），请用恢复码登录或联系系统管理员重置。",
        ),
    }
)

ISSUER = "岚皋县公安局五大平台"
STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no i, l, o, 0, 1: read aloud without mix-ups
_RECOVERY_LENGTH = 12


@dataclass(frozen=True)
class Challenge:
    """The password was right; this user must now give a code (or enrol first when ``enrolled`` is False)."""

    token: str
    user_id: int
    username: str
    display_name: str
    enrolled: bool


class SecondFactorRequired(DomainError):
    """Raised by the password step: not an error for the user, the login dialog asks for the code next."""

    code = "second_factor_required"

    def __init__(self, challenge: Challenge) -> None:
        super().__init__()
        self.challenge = challenge


@dataclass(frozen=True)
class Enrolment:
    secret: str
    uri: str

    @property
    def grouped_secret(self) -> str:
        """The secret in groups of four, for typing it into an app by hand."""
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))


@dataclass(frozen=True)
class FactorStatus:
    enrolled: bool
    required: bool
    recovery_left: int


# --- who needs it ---------------------------------------------------------------------------------------------
def required_role_codes(session: Session) -> set[str]:
    stmt = select(Role.code).join(RoleSecondFactor, RoleSecondFactor.role_id == Role.id)
    return set(session.execute(stmt).scalars())


def is_required(session: Session, user_id: int) -> bool:
    stmt = (
        select(user_role.c.role_id)
        .join(RoleSecondFactor, RoleSecondFactor.role_id == user_role.c.role_id)
        .where(user_role.c.user_id == user_id)
        .limit(1)
    )
    return session.execute(stmt).first() is not None


def _factor(session: Session, user_id: int, *, for_update: bool = False) -> UserSecondFactor | None:
    stmt = select(UserSecondFactor).where(UserSecondFactor.user_id == user_id)
    if for_update:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def is_enrolled(session: Session, user_id: int) -> bool:
    factor = _factor(session, user_id)
    return factor is not None and factor.confirmed_at is not None


def status(session: Session, user_id: int) -> FactorStatus:
    left = session.execute(
        select(RecoveryCode.id).where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    ).all()
    return FactorStatus(is_enrolled(session, user_id), is_required(session, user_id), len(left))


def enrolled_user_ids(session: Session) -> set[int]:
    stmt = select(UserSecondFactor.user_id).where(UserSecondFactor.confirmed_at.is_not(None))
    return set(session.execute(stmt).scalars())


def challenge_for(session: Session, user: User) -> Challenge | None:
    """The challenge after a correct password, or None when this user logs in with the password alone."""
    enrolled = is_enrolled(session, user.id)
    if not enrolled and not is_required(session, user.id):
        return None
    return Challenge(secrets.token_urlsafe(24), user.id, user.username, user.display_name, enrolled)


# --- codes ------------------------------------------------------------------------------------------------------
def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // STEP_SECONDS)


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).generate_otp(step)


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.strip().lower() if ch not in " -")


def _matching_step(secret: str, code: str, now: float | None) -> int | None:
    here = current_step(now)
    for step in range(here - DRIFT_STEPS, here + DRIFT_STEPS + 1):
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def verify(session: Session, user_id: int, code: str, now: float | None = None) -> str:
    """Check a TOTP or recovery code; return "totp" or "recovery", or raise with the reason.

    The factor row is locked (FOR UPDATE on PostgreSQL, the single writer on SQLite) so two workstations
    cannot both accept the same code.
    """
    factor = _factor(session, user_id, for_update=True)
    if factor is None or factor.confirmed_at is None:
        raise DomainError("second_factor_not_enrolled")
    text = _normalise(code)
    if len(text) == DIGITS and text.isdigit():
        secret = unseal(factor.secret_sealed, user_id)
        if secret is None:
            raise DomainError("second_factor_broken")
        step = _matching_step(secret, text, now)
        if step is None:
            raise DomainError("second_factor_wrong")
        if factor.last_used_step is not None and step <= factor.last_used_step:
            raise DomainError("second_factor_reused")
        factor.last_used_step = step
        return "totp"
    if _use_recovery_code(session, user_id, text):
        return "recovery"
    raise DomainError("second_factor_wrong")


def _hash_recovery(code: str, salt: str) -> str:
    return "sha256$" + salt + "$" + hashlib.sha256((salt + code).encode("ascii")).hexdigest()


def _use_recovery_code(session: Session, user_id: int, text: str) -> bool:
    if len(text) != _RECOVERY_LENGTH or any(ch not in _RECOVERY_ALPHABET for ch in text):
        return False
    rows = session.execute(
        select(RecoveryCode).where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    ).scalars()
    for row in rows:
        _, salt, _digest = row.code_hash.split("$", 2)
        if hmac.compare_digest(_hash_recovery(text, salt), row.code_hash):
            row.used_at = utcnow()
            return True
    return False


def _new_recovery_codes(session: Session, user_id: int) -> list[str]:
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
    codes = []
    for _ in range(RECOVERY_CODES):
        code = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        session.add(RecoveryCode(user_id=user_id, code_hash=_hash_recovery(code, secrets.token_hex(8))))
        codes.append(f"{code[:4]}-{code[4:8]}-{code[8:]}")
    session.flush()
    return codes


# --- enrolment --------------------------------------------------------------------------------------------------
def begin_enrolment(session: Session, user_id: int, username: str) -> Enrolment:
    """A new secret, stored unconfirmed until the user types a code from the app."""
    factor = _factor(session, user_id, for_update=True)
    if factor is not None and factor.confirmed_at is not None:
        raise DomainError("second_factor_already")
    secret = pyotp.random_base32()
    if factor is None:
        session.add(UserSecondFactor(user_id=user_id, secret_sealed=seal(secret, user_id)))
    else:
        factor.secret_sealed = seal(secret, user_id)
        factor.created_at = utcnow()
        factor.last_used_step = None
    session.flush()
    uri = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=username, issuer_name=ISSUER
    )
    return Enrolment(secret, uri)


def confirm_enrolment(
    session: Session, actor: Actor, user_id: int, code: str, now: float | None = None
) -> list[str]:
    """Activate the pending secret when ``code`` matches it; the new recovery codes (shown once)."""
    factor = _factor(session, user_id, for_update=True)
    if factor is None:
        raise DomainError("second_factor_not_enrolled")
    if factor.confirmed_at is not None:
        raise DomainError("second_factor_already")
    secret = unseal(factor.secret_sealed, user_id)
    step = None if secret is None else _matching_step(secret, _normalise(code), now)
    if step is None:
        raise ValidationError({"code": render("second_factor_wrong")})
    factor.confirmed_at = utcnow()
    factor.last_used_step = step
    codes = _new_recovery_codes(session, user_id)
    audit.record(session, actor, "enrol_second_factor", entity="app_user", entity_id=user_id)
    return codes


# --- the user's own and the administrator's actions -----------------------------------------------------------
def regenerate_recovery_codes(session: Session, actor: Actor, code: str) -> list[str]:
    """New recovery codes for the logged-in user (the old ones stop working); needs a current code."""
    assert actor.user_id is not None
    verify(session, actor.user_id, code)
    codes = _new_recovery_codes(session, actor.user_id)
    audit.record(session, actor, "new_recovery_codes", entity="app_user", entity_id=actor.user_id)
    return codes


def disable_own(session: Session, actor: Actor, code: str) -> None:
    """A user whose roles do not require it may switch the second factor off (with a current code)."""
    assert actor.user_id is not None
    if is_required(session, actor.user_id):
        raise DomainError("second_factor_still_required")
    verify(session, actor.user_id, code)
    _remove(session, actor.user_id)
    audit.record(session, actor, "disable_second_factor", entity="app_user", entity_id=actor.user_id)


def _remove(session: Session, user_id: int) -> None:
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
    session.execute(delete(UserSecondFactor).where(UserSecondFactor.user_id == user_id))


def reset(session: Session, actor: Actor, user_id: int) -> None:
    """The administrator removes a user's authenticator (lost phone); audited. Re-enrolment at next login
    when the user's role requires it."""
    require(session, actor, USERS_MANAGE)
    user = session.get(User, user_id)
    if user is None:
        raise DomainError("not_found", entity="用户")
    had = is_enrolled(session, user_id)
    _remove(session, user_id)
    audit.record(
        session,
        actor,
        "reset_second_factor",
        entity="app_user",
        entity_id=user_id,
        old={"enrolled": had},
        new={"enrolled": False},
    )


def set_required_roles(session: Session, actor: Actor, codes: set[str]) -> None:
    """Mark exactly these roles as requiring a second factor; audited with the old and new sets."""
    require(session, actor, USERS_MANAGE)
    roles = {r.code: r for r in session.execute(select(Role)).scalars()}
    unknown = set(codes) - set(roles)
    if unknown:
        raise ValidationError({"roles": "角色不存在：" + "、".join(sorted(unknown))})
    old = required_role_codes(session)
    if old == set(codes):
        return
    for code in old - set(codes):
        session.execute(delete(RoleSecondFactor).where(RoleSecondFactor.role_id == roles[code].id))
    for code in set(codes) - old:
        session.add(RoleSecondFactor(role_id=roles[code].id, set_by=actor.username[:64]))
    session.flush()
    audit.record(
        session,
        actor,
        "second_factor_roles",
        entity="role",
        old={"roles": sorted(old)},
        new={"roles": sorted(codes)},
    )
