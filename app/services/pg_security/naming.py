"""Names of the database roles: one login role per application user, one group role per application role.

The same rule exists as the SQL function ``jw_login_role`` (see :mod:`.ddl`), so the client can compute the
role it logs in as from the typed user name, and the server can map ``session_user`` back to the user.
"""

from __future__ import annotations

import hashlib

LOGIN_PREFIX = "jw_"
GROUP_PREFIX = "jwg_"
ALL_USERS = "jwg_user"  # every application user: what the client needs at login and on every screen
MAX_NAME = 63  # PostgreSQL identifiers are at most 63 bytes


def login_role(username: str) -> str:
    """``jw_<username>``; names too long for PostgreSQL become ``jw_h_<32 hex of their SHA-256>``."""
    name = LOGIN_PREFIX + username
    if len(name.encode("utf-8")) <= MAX_NAME:
        return name
    return LOGIN_PREFIX + "h_" + hashlib.sha256(username.encode("utf-8")).hexdigest()[:32]


def group_role(role_code: str) -> str:
    return GROUP_PREFIX + role_code


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
