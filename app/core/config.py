"""Where the data lives: the database URL from the command line, the environment or the settings file.

The first settings tier (this one) is per machine and Qt-free; window layout lives in QSettings and business
settings shared by every workstation live in the database.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from app.core.paths import config_dir, data_dir

ENV_DB_URL = "JINGWU_DB_URL"
DEFAULT_DB_FILE = "jingwu.db"


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def _read() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)  # URLs hold %-escapes (sslrootcert=C%3A%5C...)
    path = settings_file()
    if path.exists():
        parser.read(path, encoding="utf-8")
    return parser


def default_sqlite_url() -> str:
    return f"sqlite:///{data_dir() / DEFAULT_DB_FILE}"


def database_url(cli_value: str | None = None) -> tuple[str, str]:
    """The URL to use and where it came from: 'command line', 'environment', 'settings' or 'default'."""
    if cli_value:
        return cli_value, "command line"
    env = os.environ.get(ENV_DB_URL)
    if env:
        return env, "environment"
    stored = _read().get("database", "url", fallback="").strip()
    if stored:
        return stored, "settings"
    return default_sqlite_url(), "default"


def save_database_url(url: str) -> None:
    """Remember a database URL for this machine (never a password: PostgreSQL logins are per user)."""
    parser = _read()
    if not parser.has_section("database"):
        parser.add_section("database")
    parser.set("database", "url", url)
    with settings_file().open("w", encoding="utf-8") as fh:
        parser.write(fh)


def get(section: str, key: str, fallback: str = "") -> str:
    return _read().get(section, key, fallback=fallback)


def put(section: str, key: str, value: str) -> None:
    parser = _read()
    if not parser.has_section(section):
        parser.add_section(section)
    parser.set(section, key, value)
    with settings_file().open("w", encoding="utf-8") as fh:
        parser.write(fh)
