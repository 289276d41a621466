"""First start of a new database: the first administrator, the reference data, optionally demo data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import reference_data, users


@dataclass(frozen=True)
class FirstStartResult:
    admin: users.UserInfo
    demo_accounts: tuple[tuple[str, str, str, str], ...]  # (username, name, role, password), shown once


def first_start(
    session: Session, username: str, display_name: str, password: str, confirm: str, *, demo: bool = False
) -> FirstStartResult:
    """One transaction: nothing is kept if any part fails (a refused password leaves an empty database)."""
    admin = users.create_first_admin(session, username, display_name, password, confirm)
    reference_data.load_divisions(session)
    reference_data.load_departments(session)
    accounts: tuple[tuple[str, str, str, str], ...] = ()
    if demo:
        from app.services import demo_data

        result = demo_data.load_demo(session, platforms=True)
        accounts = tuple(tuple(row) for row in result.passwords_table)  # type: ignore[misc]
    return FirstStartResult(admin, accounts)
