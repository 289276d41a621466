"""The server-side pieces ``db provision`` installs: helper functions, row-level security, four-eyes triggers.

Every function that reads the account tables on a policy's behalf is SECURITY DEFINER (it runs as the
owner, who is not subject to row-level security) with a fixed ``search_path``, so a user cannot redirect it
to tables of their own. "Who is connected" is always ``session_user`` (the login role), never ``current_user``:
``SET ROLE`` to one of one's groups must not change whose rows one sees or in whose name one signs.

The rules bind application logins only (``session_user`` starting with ``jw_``); the owner, who runs
migrations, sweeps and demo loads and could drop a trigger anyway, is trusted.
"""

from __future__ import annotations

from app.models.keyperson_permissions import KP_RULES
from app.models.permissions import ADMIN, AUDITOR, USERS_MANAGE
from app.services.item_workflow import HANDLING_STEPS
from app.services.pg_security.naming import ALL_USERS, GROUP_PREFIX, LOGIN_PREFIX

_DEFINER = "SECURITY DEFINER SET search_path = public, pg_catalog"
APP_SESSION = f"left(session_user::text, {len(LOGIN_PREFIX)}) = '{LOGIN_PREFIX}'"

FUNCTIONS: tuple[tuple[str, str], ...] = (
    (
        "jw_login_role(text)",
        "CREATE OR REPLACE FUNCTION jw_login_role(p_username text) RETURNS text "
        "LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$ "
        f"SELECT CASE WHEN octet_length('{LOGIN_PREFIX}' || p_username) <= 63 THEN '{LOGIN_PREFIX}' || p_username "
        f"ELSE '{LOGIN_PREFIX}h_' || left(encode(sha256(convert_to(p_username, 'UTF8')), 'hex'), 32) END $$",
    ),
    (
        "jw_current_user_id()",
        # The plain case is an index lookup on the unique user name; hashed long names need the scan.
        "CREATE OR REPLACE FUNCTION jw_current_user_id() RETURNS bigint "
        f"LANGUAGE sql STABLE {_DEFINER} AS $$ "
        "SELECT u.id FROM app_user u WHERE u.active AND public.jw_login_role(u.username) = session_user::text "
        f"AND (u.username = substr(session_user::text, {len(LOGIN_PREFIX) + 1}) "
        f"OR session_user::text LIKE '{LOGIN_PREFIX}h\\_%') LIMIT 1 $$",
    ),
    (
        "jw_current_unit_id()",
        "CREATE OR REPLACE FUNCTION jw_current_unit_id() RETURNS bigint "
        f"LANGUAGE sql STABLE {_DEFINER} AS $$ "
        "SELECT unit_id FROM app_user WHERE id = public.jw_current_user_id() $$",
    ),
    (
        "jw_has_permission(text)",
        "CREATE OR REPLACE FUNCTION jw_has_permission(p_permission text) RETURNS boolean "
        f"LANGUAGE sql STABLE {_DEFINER} AS $$ "
        "SELECT EXISTS (SELECT 1 FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id "
        "WHERE ur.user_id = public.jw_current_user_id() AND rp.permission = p_permission) $$",
    ),
    (
        "jw_kp_sees_all()",
        # A station's officers see their station's key persons; the bureau's departments and offices
        # (and whoever configures the platform county-wide) see all. No unit at all: only their own nothing.
        "CREATE OR REPLACE FUNCTION jw_kp_sees_all() RETURNS boolean "
        f"LANGUAGE sql STABLE {_DEFINER} AS $$ "
        "SELECT EXISTS (SELECT 1 FROM unit WHERE id = public.jw_current_unit_id() AND kind <> 'station') "
        f"OR public.jw_has_permission('{KP_RULES}') $$",
    ),
    (
        "jw_signed_by_session()",
        # Trigger: the columns named in the trigger's arguments hold the id of whoever signs (requests,
        # approves). A newly set signature must be the connected user's own: nobody approves in another's name.
        "CREATE OR REPLACE FUNCTION jw_signed_by_session() RETURNS trigger "
        f"LANGUAGE plpgsql {_DEFINER} AS $$ "
        "DECLARE col text; new_v text; old_v text; me bigint; "
        "BEGIN "
        f"IF NOT ({APP_SESSION}) THEN RETURN NEW; END IF; "
        "me := public.jw_current_user_id(); "
        "FOREACH col IN ARRAY TG_ARGV LOOP "
        "  new_v := to_jsonb(NEW) ->> col; "
        "  old_v := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ->> col END; "
        "  IF new_v IS NOT NULL AND new_v IS DISTINCT FROM old_v AND new_v IS DISTINCT FROM me::text THEN "
        "    RAISE EXCEPTION '%.%: % may only be set to the connected user (four eyes)', "
        "      TG_TABLE_NAME, col, col USING ERRCODE = 'insufficient_privilege'; "
        "  END IF; "
        "END LOOP; "
        "RETURN NEW; END $$",
    ),
    (
        "jw_item_approval_guard()",
        # Certificates print only after approval; whoever handled the item may not approve it.
        "CREATE OR REPLACE FUNCTION jw_item_approval_guard() RETURNS trigger "
        f"LANGUAGE plpgsql {_DEFINER} AS $$ "
        "BEGIN "
        f"IF NOT ({APP_SESSION}) OR NEW.approved_by_id IS NULL "
        "   OR NEW.approved_by_id IS NOT DISTINCT FROM OLD.approved_by_id THEN RETURN NEW; END IF; "
        "IF NEW.approved_by_id IN (coalesce(NEW.owner_id, -1), coalesce(NEW.officer_id, -1)) "
        "   OR EXISTS (SELECT 1 FROM service_event e WHERE e.item_id = NEW.id "
        "              AND e.actor_id = NEW.approved_by_id "
        f"              AND e.action IN ({', '.join(repr(s) for s in HANDLING_STEPS)})) THEN "
        "  RAISE EXCEPTION 'service_item %: whoever handled the item may not approve it (four eyes)', NEW.id "
        "    USING ERRCODE = 'check_violation'; "
        "END IF; "
        "RETURN NEW; END $$",
    ),
    (
        "jw_sync_login(bigint,text)",
        # The only way an application user's database role changes: created if missing, LOGIN only while the
        # account is active and not locked, groups exactly the user's roles, and a password only as a SCRAM
        # verifier (the plain password never reaches the server). Callable by an administrator holding
        # users.manage, by a user for their own account, or by the owner.
        "CREATE OR REPLACE FUNCTION jw_sync_login(p_user_id bigint, p_verifier text) RETURNS text "
        f"LANGUAGE plpgsql {_DEFINER} AS $$ "
        "DECLARE u record; r text; g record; is_member boolean; "
        "BEGIN "
        "SELECT id, username, active, locked_at INTO u FROM app_user WHERE id = p_user_id; "
        "IF NOT FOUND THEN RAISE EXCEPTION 'no application user %', p_user_id USING ERRCODE = 'no_data_found'; "
        "END IF; "
        f"IF {APP_SESSION} AND NOT (public.jw_has_permission('{USERS_MANAGE}') "
        "   OR u.id IS NOT DISTINCT FROM public.jw_current_user_id()) THEN "
        "  RAISE EXCEPTION 'permission denied to manage the login of %', u.username "
        "    USING ERRCODE = 'insufficient_privilege'; "
        "END IF; "
        "r := public.jw_login_role(u.username); "
        "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r "
        "           AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication)) THEN "
        "  RAISE EXCEPTION 'role % has administrative rights and is not an application login', r "
        "    USING ERRCODE = 'insufficient_privilege'; "
        "END IF; "
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN "
        "  EXECUTE format('CREATE ROLE %I NOLOGIN INHERIT', r); "
        "END IF; "
        "EXECUTE format('ALTER ROLE %I %s', r, "
        "  CASE WHEN u.active AND u.locked_at IS NULL THEN 'LOGIN' ELSE 'NOLOGIN' END); "
        "IF p_verifier IS NOT NULL THEN "
        "  IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN "
        "    RAISE EXCEPTION 'only a SCRAM-SHA-256 verifier is accepted' USING ERRCODE = 'invalid_parameter_value'; "
        "  END IF; "
        "  EXECUTE format('ALTER ROLE %I PASSWORD %L', r, p_verifier); "
        "END IF; "
        f"FOR g IN SELECT '{GROUP_PREFIX}' || ro.code AS name, "
        "  EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.role_id = ro.id) AS wanted "
        f"  FROM role ro UNION ALL SELECT '{ALL_USERS}', true LOOP "
        "  CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g.name); "
        "  is_member := EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.roleid "
        "    JOIN pg_roles b ON b.oid = m.member WHERE a.rolname = g.name AND b.rolname = r); "
        "  IF g.wanted AND NOT is_member THEN EXECUTE format('GRANT %I TO %I', g.name, r); "
        "  ELSIF is_member AND NOT g.wanted THEN EXECUTE format('REVOKE %I FROM %I', g.name, r); END IF; "
        "END LOOP; "
        "RETURN r; END $$",
    ),
)

ACCOUNT_GUARD = (
    "jw_account_guard()",
    # A user may lock their own account (five wrong second-factor codes) but only an administrator may
    # unlock it; whenever "locked" or "active" changes, the login role follows (NOLOGIN while locked).
    "CREATE OR REPLACE FUNCTION jw_account_guard() RETURNS trigger "
    f"LANGUAGE plpgsql {_DEFINER} AS $$ "
    "BEGIN "
    "IF TG_WHEN = 'BEFORE' THEN "
    f"  IF ({APP_SESSION}) AND OLD.locked_at IS NOT NULL AND NEW.locked_at IS NULL "
    f"     AND NOT public.jw_has_permission('{USERS_MANAGE}') THEN "
    "    RAISE EXCEPTION 'only an administrator may unlock an account' USING ERRCODE = 'insufficient_privilege'; "
    "  END IF; "
    "  RETURN NEW; "
    "END IF; "
    "IF NEW.locked_at IS DISTINCT FROM OLD.locked_at OR NEW.active IS DISTINCT FROM OLD.active THEN "
    "  PERFORM public.jw_sync_login(NEW.id, NULL); "
    "END IF; "
    "RETURN NULL; END $$",
)
SEPARATION_OF_DUTIES = (
    "jw_separation_of_duties()",
    # Whoever manages users may not also be the one who reads and vouches for the audit trail (users.py
    # refuses it too); here it holds for a direct INSERT into user_role as well.
    "CREATE OR REPLACE FUNCTION jw_separation_of_duties() RETURNS trigger "
    f"LANGUAGE plpgsql {_DEFINER} AS $$ "
    "BEGIN "
    "IF (SELECT count(DISTINCT r.code) FROM user_role ur JOIN role r ON r.id = ur.role_id "
    f"    WHERE ur.user_id = NEW.user_id AND r.code IN ('{ADMIN}', '{AUDITOR}')) > 1 THEN "
    "  RAISE EXCEPTION 'user %: administrator and auditor are never the same account', NEW.user_id "
    "    USING ERRCODE = 'check_violation'; "
    "END IF; "
    "RETURN NULL; END $$",
)
FUNCTIONS = FUNCTIONS + (ACCOUNT_GUARD, SEPARATION_OF_DUTIES)

# Row-level security: (table, policy name, command, USING, WITH CHECK or None for the same).
_ME = "(SELECT public.jw_current_user_id())"
_MANAGER = f"(SELECT public.jw_has_permission('{USERS_MANAGE}'))"
_OWN_ROWS = f"user_id = {_ME} OR {_MANAGER}"
POLICIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "key_person",
        "jw_station",
        "ALL",
        "(SELECT public.jw_kp_sees_all()) OR station_id = (SELECT public.jw_current_unit_id())",
    ),
    ("app_user", "jw_read", "SELECT", "true"),
    ("app_user", "jw_manage", "ALL", _MANAGER),
    ("app_user", "jw_self", "UPDATE", f"id = {_ME}"),
    ("user_second_factor", "jw_own", "ALL", _OWN_ROWS),
    ("second_factor_recovery_code", "jw_own", "ALL", _OWN_ROWS),
    ("login_failure", "jw_own", "ALL", _OWN_ROWS),
)

# Triggers: (table, trigger name, timing and events, function call).
TRIGGERS: tuple[tuple[str, str, str, str], ...] = (
    ("app_user", "jw_account_guard", "BEFORE UPDATE", "jw_account_guard()"),
    ("app_user", "jw_account_login", "AFTER UPDATE", "jw_account_guard()"),
    ("user_role", "jw_separation_of_duties", "AFTER INSERT OR UPDATE", "jw_separation_of_duties()"),
    (
        "kp_removal_request",
        "jw_signed",
        "BEFORE INSERT OR UPDATE",
        "jw_signed_by_session('requested_by', 'decided_by')",
    ),
    (
        "support_leave",
        "jw_signed",
        "BEFORE INSERT OR UPDATE",
        "jw_signed_by_session('approver_id', 'bureau_approver_id')",
    ),
    ("service_item", "jw_signed", "BEFORE INSERT OR UPDATE", "jw_signed_by_session('approved_by_id')"),
    ("service_item", "jw_four_eyes", "BEFORE UPDATE", "jw_item_approval_guard()"),
    ("publicity_version", "jw_signed", "BEFORE INSERT OR UPDATE", "jw_signed_by_session('approved_by_id')"),
)
