"""Who is acting: a plain snapshot of the logged-in user handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.db import WORKSTATION


@dataclass(frozen=True)
class Actor:
    """The acting user. ``permissions`` is a snapshot for the UI; services re-check in the database."""

    user_id: int | None
    username: str
    display_name: str
    roles: tuple[str, ...] = ()
    role_names: tuple[str, ...] = ()
    permissions: frozenset[str] = field(default_factory=frozenset)
    unit_id: int | None = None
    must_change_password: bool = False
    workstation: str = WORKSTATION

    def can(self, permission: str) -> bool:
        return permission in self.permissions


SYSTEM = Actor(user_id=None, username="system", display_name="系统", permissions=frozenset({"*"}))
"""The actor of command-line maintenance (demo data, sweeps): every permission, audited as 'system'."""
