"""Sealing TOTP secrets at rest, so a copy of the database alone does not yield working codes.

HMAC-SHA256 as a pseudo-random function in counter mode encrypts the secret and a second HMAC authenticates
nonce, user id and ciphertext (encrypt-then-MAC; both keys derived from one master key). Only the standard
library is used. The user id is bound into the tag, so a sealed secret copied onto another account fails.

The master key: the environment variable ``JINGWU_2FA_KEY`` or ``[security] second_factor_key`` in the
machine's settings.ini (every workstation of one database needs the same value), otherwise a key built into
the program. With the built-in key the secrets are only out of reach of someone who reads the database
without the application; a bureau that wants more sets its own key on the workstations.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from app.core import config

ENV_KEY = "JINGWU_2FA_KEY"
_BUILT_IN = b"jingwu-wupingtai/second-factor/v1/7c1f0e9a4b2d"
_PREFIX = "s1$"


def _master_key() -> bytes:
    configured = os.environ.get(ENV_KEY) or config.get("security", "second_factor_key")
    return hashlib.sha256(configured.encode("utf-8")).digest() if configured else _BUILT_IN


def _keys() -> tuple[bytes, bytes]:
    master = _master_key()
    return (
        hmac.new(master, b"encrypt", hashlib.sha256).digest(),
        hmac.new(master, b"authenticate", hashlib.sha256).digest(),
    )


def _stream(key: bytes, nonce: bytes, length: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hmac.new(key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
        counter += 1
    return bytes(out[:length])


def seal(secret: str, user_id: int) -> str:
    enc, mac = _keys()
    nonce = secrets.token_bytes(16)
    plain = secret.encode("ascii")
    cipher = bytes(a ^ b for a, b in zip(plain, _stream(enc, nonce, len(plain)), strict=True))
    tag = hmac.new(mac, nonce + str(user_id).encode() + b"|" + cipher, hashlib.sha256).digest()
    return _PREFIX + base64.b64encode(nonce + tag + cipher).decode("ascii")


def unseal(sealed: str, user_id: int) -> str | None:
    """The secret, or None when the value was altered, moved to another user or sealed with another key."""
    if not sealed.startswith(_PREFIX):
        return None
    try:
        raw = base64.b64decode(sealed[len(_PREFIX) :], validate=True)
    except ValueError:
        return None
    nonce, tag, cipher = raw[:16], raw[16:48], raw[48:]
    enc, mac = _keys()
    expected = hmac.new(mac, nonce + str(user_id).encode() + b"|" + cipher, hashlib.sha256).digest()
    if len(nonce) != 16 or not hmac.compare_digest(tag, expected):
        return None
    return bytes(a ^ b for a, b in zip(cipher, _stream(enc, nonce, len(cipher)), strict=True)).decode("ascii")
