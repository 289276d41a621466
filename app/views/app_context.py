"""What every window of a logged-in session shares: the database, the authenticator, the actor, the feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.models.db import Database
from app.services.auth import Authenticator
from app.services.context import Actor


class AppSignals(QObject):
    """One application-level broadcast: what an operation changed; each view decides whether to refresh."""

    changed = Signal(object)  # frozenset[str] of table names
    actor_changed = Signal(object)  # Actor after a password change or permission refresh


@dataclass
class AppContext:
    db: Database
    auth: Authenticator
    actor: Actor
    signals: AppSignals = field(default_factory=AppSignals)
    feed: Any = None  # app.views.common.change_feed.ChangeFeed when running

    def user_settings(self) -> QSettings:
        """Per-user window settings (geometry, column layout)."""
        settings = QSettings()
        settings.beginGroup(f"user/{self.actor.username}")
        return settings
