"""Which group role may do what to which table, computed from the tables that exist and the role matrix.

The rule of thumb: a platform's tables are opened by that platform's tab permission (a role that cannot see
the platform cannot read or write its tables either); the frame's tables are read by everyone and written by
those who manage them; account tables hide the password hashes from everyone; the audit trail is append-only
for every application role. Finer rules (who may approve, delete, export) remain the services' checks, plus the
row-level security and four-eyes triggers of :mod:`.ddl`.

A table that matches no rule here gets the shared rule and is named in the provisioning report; the test
``test_every_table_has_a_rule`` fails for it, so a new platform table cannot slip through unconsidered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.models.permissions import (
    AUDIT_READ,
    CITIZEN_CREATE,
    CITIZEN_DELETE,
    CITIZEN_EDIT,
    CITIZEN_VIEW,
    SETTINGS_MANAGE,
    TAB_CITIZEN,
    TAB_DISPATCH,
    TAB_KEYPERSON,
    TAB_PUBLICITY,
    TAB_SUPPORT,
    USERS_MANAGE,
)
from app.services.pg_security.naming import ALL_USERS, group_role, quote_ident

EVERYONE = "*"  # the pseudo-permission every application user holds
DML = "SELECT, INSERT, UPDATE, DELETE"
WRITE = "INSERT, UPDATE, DELETE"


@dataclass(frozen=True)
class Grant:
    privileges: str
    permission: str  # who: the groups whose role holds this permission (EVERYONE: all users)
    columns: tuple[str, ...] = ()  # empty: the whole table


_SHARED = (Grant(DML, EVERYONE),)
_REFERENCE = (Grant("SELECT", EVERYONE), Grant(WRITE, SETTINGS_MANAGE), Grant(WRITE, USERS_MANAGE))
_ACCOUNTS = (Grant("SELECT", EVERYONE), Grant(WRITE, USERS_MANAGE))
# What any user may change on their own app_user row (row-level security limits it to that row).
SELF_COLUMNS = (
    "password_hash",
    "must_change_password",
    "password_changed_at",
    "last_login_at",
    "locked_at",  # set by the lockout; clearing it is refused by jw_account_guard unless users.manage
    "updated_at",
    "updated_by",
    "version",
)
HIDDEN_COLUMNS = {"app_user": ("password_hash",)}
FIGURE_COLUMNS = (
    "id",
    "catalogue_id",
    "category",
    "channel",
    "status",
    "unit_id",
    "officer_id",
    "received_on",
    "due_date",
    "finished_on",
    "working_days_used",
    "rating",
)

EXACT: dict[str, tuple[Grant, ...]] = {
    "alembic_version": (Grant("SELECT", EVERYONE),),
    # Everyone appends; the chain needs the previous hash; only auditors read the records themselves.
    "audit_record": (
        Grant("INSERT", EVERYONE),
        Grant("SELECT", EVERYONE, ("id", "hash")),
        Grant("SELECT", AUDIT_READ),
    ),
    "change_log": (Grant("SELECT, INSERT", EVERYONE), Grant("DELETE", SETTINGS_MANAGE)),
    "app_user": (
        Grant("SELECT", EVERYONE, ("*visible",)),
        Grant("UPDATE", EVERYONE, SELF_COLUMNS),
        Grant("INSERT, UPDATE", USERS_MANAGE),
    ),
    "role": _ACCOUNTS,
    "role_permission": _ACCOUNTS,
    "user_role": _ACCOUNTS,
    "role_second_factor": _ACCOUNTS,
    "login_failure": (Grant("SELECT, INSERT, DELETE", EVERYONE), Grant(DML, USERS_MANAGE)),  # RLS: own rows
    "user_second_factor": _SHARED,  # row-level security: one's own rows only
    "second_factor_recovery_code": _SHARED,
    "citizen": (
        Grant("SELECT", CITIZEN_VIEW),
        Grant("INSERT", CITIZEN_CREATE),
        Grant("UPDATE", CITIZEN_EDIT),
        Grant("DELETE", CITIZEN_DELETE),
    ),
    "key_person": (Grant(DML, TAB_KEYPERSON),),  # row-level security: one's station
    "unit": _REFERENCE,
    "division": _REFERENCE,
    "business_setting": _REFERENCE,
    "working_calendar_day": _REFERENCE,
    "working_calendar_year": _REFERENCE,
    # Read across platforms: the publicity platform publishes the service catalogue and its daily figures.
    "service_catalogue": (
        Grant("SELECT", EVERYONE),
        Grant(WRITE, TAB_CITIZEN),
        Grant(WRITE, SETTINGS_MANAGE),
    ),
    "service_daily": (Grant("SELECT", EVERYONE), Grant(WRITE, TAB_CITIZEN)),
    "service_text": (
        Grant("SELECT", EVERYONE),
        Grant(WRITE, TAB_CITIZEN),
    ),  # which texts went out: no content
    # ... and counts items (overdue, by channel): those columns only, never the applicant's name or phone.
    "service_item": (Grant("SELECT", EVERYONE, FIGURE_COLUMNS), Grant(DML, TAB_CITIZEN)),
    "inbox_message": _SHARED,
    "sms_message": _SHARED,
    "tracking_counter": _SHARED,
    "sweep_lock": _SHARED,
    "sweep_run": _SHARED,
}
PREFIXES: tuple[tuple[str, str], ...] = (
    ("kp_", TAB_KEYPERSON),
    ("dispatch_", TAB_DISPATCH),
    ("duty_", TAB_DISPATCH),
    ("publicity_", TAB_PUBLICITY),
    ("service_", TAB_CITIZEN),
    ("support_", TAB_SUPPORT),
)


def rule_for(table: str) -> tuple[Grant, ...] | None:
    """The grants for ``table``, or None when no rule names it (the caller then uses the shared rule)."""
    if table in EXACT:
        return EXACT[table]
    for prefix, permission in PREFIXES:
        if table.startswith(prefix):
            return (Grant(DML, permission),)
    return None


def grantees(permission: str, matrix: Mapping[str, Iterable[str]]) -> list[str]:
    """The group roles that get a grant: ALL_USERS for EVERYONE, else the groups whose role holds it."""
    if permission == EVERYONE:
        return [ALL_USERS]
    return sorted(group_role(code) for code, perms in matrix.items() if permission in set(perms))


def statements(
    table: str, columns: list[str], matrix: Mapping[str, Iterable[str]], groups: Iterable[str]
) -> tuple[list[str], bool]:
    """REVOKE then GRANT statements for one table, and whether a rule named it."""
    rule = rule_for(table)
    named = rule is not None
    target = quote_ident(table)
    everybody = ", ".join(quote_ident(g) for g in sorted({*groups, ALL_USERS}))
    out = [f"REVOKE ALL ON TABLE {target} FROM PUBLIC, {everybody}"]
    hidden = set(HIDDEN_COLUMNS.get(table, ()))
    for grant in rule or _SHARED:
        cols = (
            [c for c in columns if c not in hidden] if grant.columns == ("*visible",) else list(grant.columns)
        )
        if not cols and hidden and "SELECT" in grant.privileges:
            cols = [c for c in columns if c not in hidden]
        col_list = f" ({', '.join(quote_ident(c) for c in cols)})" if cols else ""
        for grantee in grantees(grant.permission, matrix):
            out.append(f"GRANT {grant.privileges}{col_list} ON TABLE {target} TO {quote_ident(grantee)}")
    return out, named
