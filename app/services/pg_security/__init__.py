"""PostgreSQL as the last line of defence: per-user login roles, GRANTs, row-level security, four-eyes triggers.

A workstation that talks straight to the database is only as safe as the database's own rules, so on a shared
server each application user logs in as a PostgreSQL role of their own (``jw_<username>``) that belongs to group
roles mirroring the application roles (``jwg_<role code>``). ``python main.py db provision`` computes and applies
the privileges; :mod:`.login` is the client side. Nothing here imports SQLAlchemy at package import time, so the
login dialog can ask :func:`per_user_url` before the database layer is loaded.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def per_user_url(url: str) -> bool:
    """A PostgreSQL URL without a user name: every person logs in as their own database role.

    A URL that names a user (``postgresql+psycopg://owner@host/db``) is the owner's connection, used by
    ``db upgrade``/``db provision`` on the server and by the test suite; it keeps working unchanged.
    """
    parts = urlsplit(url)
    return parts.scheme.startswith("postgresql") and not parts.username
