"""Where things live: the project's resources and the user's data, config and log folders.

Resources are plain files under ``resources/`` (no compiled qrc step). User folders come from platformdirs and
can be redirected with ``JINGWU_HOME`` (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_ID = "jingwu-wupingtai"
APP_AUTHOR = "langao-gaj"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "resources"


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return RESOURCES.joinpath(*parts)


def _home_override() -> Path | None:
    home = os.environ.get("JINGWU_HOME")
    return Path(home) if home else None


def _user_dir(kind: str) -> Path:
    """``JINGWU_HOME/<kind>`` when set, else the platform's user folder of that kind (created if missing)."""
    override = _home_override()
    if override is not None:
        path = override / kind
    else:
        import platformdirs

        if kind == "data":
            path = platformdirs.user_data_path(APP_ID, APP_AUTHOR)
        elif kind == "config":
            path = platformdirs.user_config_path(APP_ID, APP_AUTHOR)
        else:
            path = platformdirs.user_log_path(APP_ID, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The user data folder: the default SQLite database and attachments live here."""
    return _user_dir("data")


def config_dir() -> Path:
    return _user_dir("config")


def log_dir() -> Path:
    return _user_dir("logs")
