"""Password hashing (argon2id) and the password policy with reasons a clerk can act on."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.errors import ValidationError

MIN_LENGTH = 12
_COMMON = {
    "123456789012",
    "1234567890ab",
    "qwertyuiop12",
    "password1234",
    "admin1234567",
    "abcdefghijkl",
    "111111111111",
    "000000000000",
    "aaaaaaaaaaaa",
    "woaini1314520",
    "abc123456789",
}


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    # argon2id with the library's RFC 9106 low-memory defaults (64 MiB, 3 passes).
    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def policy_error(password: str, username: str = "") -> tuple[str, dict[str, object]] | None:
    """The reason a password is refused, as a message code and parameters, or None."""
    if len(password) < MIN_LENGTH:
        return "password_too_short", {"min": MIN_LENGTH, "length": len(password)}
    lowered = password.lower()
    if username and len(username) >= 3 and username.lower() in lowered:
        return "password_same_as_name", {}
    if len(set(password)) <= 3:
        return "password_too_simple", {"reason": "重复字符太多"}
    if lowered in _COMMON or _is_sequence(lowered):
        return "password_too_simple", {"reason": "常见密码或连续字符"}
    return None


def _is_sequence(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps.pop() in (1, -1)


def check_policy(password: str, username: str = "", field: str = "password") -> None:
    """Raise ValidationError with the reason next to ``field`` when the password is refused."""
    problem = policy_error(password, username)
    if problem is not None:
        from app.core.messages import render

        code, params = problem
        raise ValidationError({field: render(code, params)})
