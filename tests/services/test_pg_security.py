"""The database enforces the rules itself (issue 9): a user who connects with psql as their own role, bypassing
every check in the client, is still refused by the server.

A private cluster with password (SCRAM) logins is started for this module (pg_private_cluster.py); the shared
test server trusts every connection and could not show a refused password. Skipped only when no PostgreSQL
is configured (``TEST_DATABASE_URL``), as for every other PostgreSQL test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import psycopg
import pytest
from citizen_service_support import ID_2, bj, form, setup_catalogue
from conftest import TEST_PG_URL, make_user
from keyperson_support import NOW, World, add_keepers, make_world, register
from pg_private_cluster import Cluster, server_binaries, start_cluster
from psycopg import errors
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.core.errors import AuthError, DomainError
from app.models.accounts import User
from app.models.base import Base
from app.models.db import Database
from app.models.org import Unit
from app.models.support_leave import SupportLeave
from app.services import intake, keyperson_removal, schema, second_factor, users
from app.services.auth import MAX_FAILURES
from app.services.change_feed import ChangeListener
from app.services.context import Actor
from app.services.pg_security.grants import rule_for
from app.services.pg_security.login import RoleAuthenticator
from app.services.pg_security.naming import login_role
from app.services.pg_security.provision import provision
from app.services.pg_security.roles import sync_login

pytestmark = pytest.mark.skipif(
    not TEST_PG_URL or server_binaries() is None, reason="no PostgreSQL configured (TEST_DATABASE_URL)"
)
PASSWORD = "Langao-Role-2026!"
DATABASE = "jingwu_sec"
REPORT = {"案发时间": "昨晚十点", "案发地点": "城关镇滨河路", "简要案情": "电动车被盗"}


@dataclass
class Site:
    cluster: Cluster
    owner: Database
    world: World  # station A: officer zhangjing, supervisors chensuo and lisuo, officer wangcun
    station_b: int
    officer_b: Actor
    clerk: Actor
    admin: Actor
    auditor: Actor
    person_a: int
    person_b: int
    removal: int
    leave: int
    item: int

    @property
    def url(self) -> str:
        return self.cluster.url(DATABASE)

    def connect(self, actor: Actor, password: str = PASSWORD) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.cluster.port, dbname=DATABASE, user=login_role(actor.username),
            password=password, autocommit=True,
        )  # fmt: skip


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = start_cluster()
    yield c
    c.stop()


def _create_database(cluster: Cluster) -> Database:
    eng = create_engine(make_url(cluster.owner_url), isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    eng.dispose()
    owner = Database(make_url(cluster.owner_url).set(database=DATABASE))
    schema.upgrade(owner)
    return owner


@pytest.fixture(scope="module")
def site(cluster: Cluster) -> Iterator[Site]:
    owner = _create_database(cluster)
    world = make_world(owner, make_user)
    with owner.session() as s:
        unit = Unit(code="PCS610925200", name="佐龙派出所", kind="station", updated_by="t")
        s.add(unit)
        s.flush()
        station_b = unit.id
    officer_b = make_user(owner, "liujing", ["community"], display_name="刘警官", unit_id=station_b)
    person_a = register(owner, world, name="刘某")
    person_b = register(
        owner, dataclasses.replace(world, station_id=station_b, officer=officer_b), name="赵某"
    )
    add_keepers(owner, world, person_a)
    with owner.session() as s:
        removal = keyperson_removal.request(
            s, world.officer, person_a, "矫正期满，表现良好", [("矫正期满证明", True)], now=NOW
        ).id
        leave = SupportLeave(
            user_id=world.cadre.user_id, unit_id=world.station_id, kind="annual", status="pending",
            start_date=date(2026, 12, 1), end_date=date(2026, 12, 2), updated_by="t",
        )  # fmt: skip
        s.add(leave)
        s.flush()
        leave_id = leave.id
    clerk = make_user(owner, "clerk1", ["clerk"], display_name="李窗口")
    cat = setup_catalogue(owner)
    with owner.session() as s:
        item = intake.intake(s, clerk, form(cat["BA01"], form_values=REPORT, materials_received=["报案人身份证件"]),
                             now=bj(2026, 11, 2)).item.id  # fmt: skip
    admin = make_user(owner, "admin1", ["admin"], display_name="王管理")
    auditor = make_user(owner, "auditor1", ["auditor"], display_name="赵审计")
    provision(owner)
    with (
        owner.session() as s
    ):  # what `db provision --set-password` does for accounts made before provisioning
        for actor in (world.officer, world.boss, world.boss2, world.cadre, officer_b, clerk, admin, auditor):
            assert actor.user_id is not None
            sync_login(s, actor.user_id, actor.username, PASSWORD)
    yield Site(cluster, owner, world, station_b, officer_b, clerk, admin, auditor, person_a, person_b, removal,
               leave_id, item)  # fmt: skip
    owner.dispose()


def refused(conn: psycopg.Connection, sql: str, error: type[Exception] = errors.InsufficientPrivilege) -> str:
    with pytest.raises(error) as exc:
        conn.execute(sql)
    return str(exc.value)


def _security_snapshot(owner: Database) -> list[tuple[object, ...]]:
    with owner.engine.connect() as conn:
        return [
            tuple(r)
            for q in (
                "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges "
                "WHERE grantee LIKE 'jw%' ORDER BY 1, 2, 3",
                "SELECT grantee, table_name, column_name, privilege_type FROM information_schema.column_privileges "
                "WHERE grantee LIKE 'jw%' ORDER BY 1, 2, 3, 4",
                "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2",
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE tgname LIKE 'jw%' ORDER BY 1, 2",
                "SELECT r.rolname, r.rolcanlogin, g.rolname FROM pg_roles r LEFT JOIN pg_auth_members m "
                "ON m.member = r.oid LEFT JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname LIKE 'jw%' ORDER BY 1, 3",
            )
            for r in conn.execute(text(q))
        ]


# --- provisioning --------------------------------------------------------------------------------------------


def test_every_table_has_a_rule_and_provisioning_again_changes_nothing(site: Site) -> None:
    assert [t for t in Base.metadata.tables if rule_for(t) is None] == []
    before = _security_snapshot(site.owner)
    report = provision(site.owner)
    assert report.unruled_tables == [] and report.tables >= len(Base.metadata.tables)
    assert _security_snapshot(site.owner) == before
    with site.owner.engine.connect() as conn:
        granted = set(
            conn.execute(
                text(
                    "SELECT table_name FROM information_schema.table_privileges WHERE grantee LIKE 'jwg%' UNION "
                    "SELECT table_name FROM information_schema.column_privileges WHERE grantee LIKE 'jwg%'"
                )
            ).scalars()
        )
    assert set(Base.metadata.tables) <= granted  # every table of the five platforms is covered


def test_a_table_added_later_is_covered_by_the_next_run(site: Site) -> None:
    with site.owner.engine.begin() as conn:
        conn.execute(text("CREATE TABLE kp_added_later (id bigserial PRIMARY KEY, note text)"))
    try:
        provision(site.owner)
        with site.connect(site.world.officer) as officer:
            officer.execute("INSERT INTO kp_added_later (note) VALUES ('x')")
        with site.connect(site.clerk) as clerk:
            refused(clerk, "SELECT * FROM kp_added_later")
    finally:
        with site.owner.engine.begin() as conn:
            conn.execute(text("DROP TABLE kp_added_later"))


# --- what the server refuses ----------------------------------------------------------------------------------


def test_the_audit_trail_is_insert_only_for_every_role(site: Site) -> None:
    for actor in (site.clerk, site.admin, site.auditor, site.world.boss):
        with site.connect(actor) as conn:
            assert "permission denied" in refused(conn, "UPDATE audit_record SET detail = 'x'")
            refused(conn, "DELETE FROM audit_record")
            refused(conn, "TRUNCATE audit_record")
            assert conn.execute("SELECT count(hash) FROM audit_record").fetchone()[0] > 0  # the chain's link
    with site.connect(site.clerk) as clerk:
        refused(clerk, "SELECT detail, username FROM audit_record")  # reading the trail is the auditor's
    with site.connect(site.auditor) as auditor:
        assert auditor.execute("SELECT count(detail) FROM audit_record").fetchone()[0] > 0


def test_nobody_reads_password_hashes_or_raises_their_own_rights(site: Site) -> None:
    for actor in (site.clerk, site.admin):
        with site.connect(actor) as conn:
            refused(conn, "SELECT password_hash FROM app_user")
            refused(conn, "SELECT * FROM app_user")
            refused(conn, "SELECT rolpassword FROM pg_authid")
            assert conn.execute("SELECT count(username) FROM app_user").fetchone()[0] >= 8
    with site.connect(site.clerk) as clerk:
        me = site.clerk.user_id
        refused(
            clerk, f"INSERT INTO user_role (user_id, role_id) SELECT {me}, id FROM role WHERE code = 'admin'"
        )
        refused(clerk, "UPDATE role_permission SET permission = 'users.manage'")
        refused(clerk, f"UPDATE app_user SET active = true, display_name = 'x' WHERE id = {me}")
        refused(clerk, "GRANT jwg_admin TO jw_clerk1")
        refused(clerk, f"SELECT jw_sync_login({site.admin.user_id}, NULL)")
        refused(clerk, "CREATE TABLE mine (id int)")
        refused(clerk, "ALTER TABLE key_person DISABLE ROW LEVEL SECURITY")
        refused(clerk, "DELETE FROM kp_keeper")  # a platform the clerk's role does not use
        refused(clerk, "SELECT name FROM key_person")


def test_an_administrator_cannot_make_an_account_both_administrator_and_auditor(site: Site) -> None:
    with site.connect(site.admin) as admin:
        refused(
            admin,
            f"INSERT INTO user_role (user_id, role_id) SELECT {site.admin.user_id}, id FROM role WHERE code = 'auditor'",
            errors.CheckViolation,
        )
        admin.execute(  # another role is the administrator's to give (the positive control)
            f"INSERT INTO user_role (user_id, role_id) SELECT {site.clerk.user_id}, id FROM role WHERE code = 'publicity'"
        )
        admin.execute(
            f"DELETE FROM user_role WHERE user_id = {site.clerk.user_id} "
            "AND role_id = (SELECT id FROM role WHERE code = 'publicity')"
        )


def test_an_officer_sees_and_writes_only_the_key_persons_of_their_station(site: Site) -> None:
    with site.connect(site.world.officer) as a:
        assert [r[0] for r in a.execute("SELECT id FROM key_person")] == [site.person_a]
        assert a.execute(f"SELECT * FROM key_person WHERE id = {site.person_b}").fetchall() == []
        assert a.execute(f"UPDATE key_person SET address = 'x' WHERE id = {site.person_b}").rowcount == 0
        refused(a, f"UPDATE key_person SET station_id = {site.station_b} WHERE id = {site.person_a}")
    with site.connect(site.officer_b) as b:
        assert [r[0] for r in b.execute("SELECT id FROM key_person")] == [site.person_b]
    with site.owner.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT address FROM key_person WHERE id = :i"), {"i": site.person_b}).scalar()
            != "x"
        )


def test_four_eyes_removal_leave_and_certificate_hold_in_the_database(site: Site) -> None:
    w = site.world
    with site.connect(w.officer) as officer:  # the requester decides their own request
        refused(
            officer,
            f"UPDATE kp_removal_request SET status = 'approved', decided_by = {w.officer.user_id}, "
            f"decided_at = now() WHERE id = {site.removal}",
            errors.CheckViolation,
        )
        refused(  # a request in someone else's name
            officer,
            f"INSERT INTO kp_removal_request (person_id, requested_by, requested_at, reasons, evidence, status, "
            f"opinion, version, created_at, updated_at) VALUES ({site.person_a}, {w.boss.user_id}, now(), 'x', "
            "'[]', 'pending', '', 1, now(), now())",
        )
    with site.connect(w.boss) as boss:  # a supervisor signing as another supervisor
        refused(
            boss,
            f"UPDATE kp_removal_request SET status = 'approved', decided_by = {w.boss2.user_id}, "
            f"decided_at = now() WHERE id = {site.removal}",
        )
    with site.connect(w.cadre) as cadre:  # leave: approving one's own, or in the leader's name
        refused(cadre, f"UPDATE support_leave SET approver_id = {w.cadre.user_id} WHERE id = {site.leave}",
                errors.CheckViolation)  # fmt: skip
        refused(cadre, f"UPDATE support_leave SET approver_id = {w.boss.user_id} WHERE id = {site.leave}")
    with site.connect(
        site.clerk
    ) as clerk:  # the certificate: whoever took the application may not approve it
        refused(
            clerk,
            f"UPDATE service_item SET approved_by_id = {site.clerk.user_id}, approved_at = now() WHERE id = {site.item}",
            errors.CheckViolation,
        )
        refused(clerk, f"UPDATE service_item SET approved_by_id = {w.boss.user_id} WHERE id = {site.item}")
    with site.connect(w.boss) as boss:  # the positive control: the leader approves the leave as themselves
        boss.execute(f"UPDATE support_leave SET approver_id = {w.boss.user_id} WHERE id = {site.leave}")
        boss.execute(f"UPDATE support_leave SET approver_id = NULL WHERE id = {site.leave}")


def test_a_locked_account_cannot_unlock_itself_and_the_server_refuses_its_login(site: Site) -> None:
    cadre = site.world.cadre
    with site.connect(cadre) as conn:
        conn.execute(
            f"UPDATE app_user SET locked_at = now() WHERE id = {cadre.user_id}"
        )  # the lockout itself
        refused(conn, f"UPDATE app_user SET locked_at = NULL WHERE id = {cadre.user_id}")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        site.connect(cadre)
    with site.owner.session() as s:
        users.unlock(s, site.admin, cadre.user_id)
    site.connect(cadre).close()


# --- the client in per-user mode ----------------------------------------------------------------------------


def test_per_user_login_the_services_run_under_the_users_own_role(site: Site) -> None:
    auth = RoleAuthenticator(site.url)
    with pytest.raises(AuthError):
        auth.login("chensuo", "Wrong-Password-2026")
    with pytest.raises(AuthError):
        auth.login("nobody-here", PASSWORD)
    boss = auth.login("chensuo", PASSWORD)
    assert boss.user_id == site.world.boss.user_id and auth.db is not None
    assert auth.db.url.password == PASSWORD and "postgres" not in str(auth.db.url.username)
    with auth.db.session() as s:
        who = s.execute(text("SELECT session_user, jw_current_user_id()")).one()
        assert who == ("jw_chensuo", boss.user_id)
    with (
        auth.db.session() as s
    ):  # a service run by the supervisor through their own role: approve the removal
        info = keyperson_removal.decide(s, boss, site.removal, approve=False, opinion="材料不全，暂不撤管",
                                        now=NOW + timedelta(hours=3))  # fmt: skip
    assert info.status == "rejected"
    listener = ChangeListener(
        auth.db
    )  # the supervisor's change feed: LISTEN and change_log, as their own role
    assert listener.connected
    clerk_auth = RoleAuthenticator(site.url)  # an intake by the clerk: citizen, item, events, figures, texts
    clerk = clerk_auth.login("clerk1", PASSWORD)
    with clerk_auth.db.session() as s:
        cat = dict(s.execute(text("SELECT code, id FROM service_catalogue")).all())
        item = intake.intake(s, clerk, form(cat["BA01"], id_number=ID_2, name="李四", form_values=REPORT,
                                            materials_received=["报案人身份证件"]), now=bj(2026, 11, 3)).item  # fmt: skip
    assert item.id and item.status
    batch = listener.wait(10)
    listener.close()
    assert (
        batch is not None and "service_item" in batch.tables and f"service_item:{item.id}" in batch.entity_ids
    )
    officer_auth = RoleAuthenticator(site.url)
    officer_auth.login("zhangjing", PASSWORD)
    with officer_auth.db.session() as s:
        assert s.execute(select(text("id")).select_from(text("key_person"))).scalars().all() == [
            site.person_a
        ]


def test_administrator_keeps_the_role_in_step_create_reset_disable(site: Site) -> None:
    admin_auth = RoleAuthenticator(site.url)
    admin = admin_auth.login("admin1", PASSWORD)
    with admin_auth.db.session() as s:
        info, temporary = users.create_user(
            s,
            admin,
            username="newclerk",
            display_name="新窗口",
            roles=["clerk"],
            unit_id=site.world.station_id,
        )
    auth = RoleAuthenticator(site.url)
    me = auth.login("newclerk", temporary)
    assert me.must_change_password
    me = auth.change_password(me, temporary, "Langao-Changed-2026!", "Langao-Changed-2026!")
    assert not me.must_change_password
    auth.db.engine.dispose()  # new pooled connections must authenticate with the new password
    with auth.db.session() as s:
        assert s.execute(text("SELECT session_user")).scalar() == "jw_newclerk"
    with pytest.raises(AuthError):
        RoleAuthenticator(site.url).login("newclerk", temporary)
    with admin_auth.db.session() as s:
        version = s.get(User, info.id).version  # type: ignore[union-attr]
        users.update_user(s, admin, info.id, version, display_name="新窗口", roles=["clerk"], active=False)
    with pytest.raises(DomainError) as disabled:
        RoleAuthenticator(site.url).login("newclerk", "Langao-Changed-2026!")
    assert disabled.value.code == "login_role_refused"


# The main window's status bar warns when SessionFlow adds its widgets (not about the login); see main_window.py.
@pytest.mark.qt_log_ignore("QStatusBar::insertPermanentWidget")
def test_the_application_logs_in_per_user_from_a_url_without_user_or_password(site: Site, qtbot) -> None:
    """The whole start-up: the login dialog, the typed password checked by the server, the main window open
    on the user's own role (its platforms' screens reading through the GRANTs)."""
    from app.views import session_flow
    from app.views.common import run_op

    run_op.set_synchronous(True)
    flow = session_flow.SessionFlow(site.url)
    try:
        flow.start()
        dlg = flow.login_dialog
        assert (
            dlg is not None and flow.auth is not None and flow.db is None
        )  # nothing opened before the login
        dlg.username.setText("zhangjing")
        dlg.password.setText("Wrong-Password-2026")
        dlg.try_login()
        assert dlg.message.text() == "用户名或密码不正确。" and flow.window is None
        dlg.password.setText(PASSWORD)
        dlg.try_login()
        assert flow.window is not None and flow.db is not None
        assert flow.db.engine.url.username == "jw_zhangjing" and flow.db.info.url_safe.count(PASSWORD) == 0
        tabs = flow.window.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "宣传平台",
            "重点人员管控",
            "指挥调度",
            "警务保障",
        ]
    finally:
        flow.shutdown()
        if flow.window is not None:
            flow.window.close()
        run_op.set_synchronous(False)


def test_wrong_second_factor_codes_lock_the_role_in_the_server(site: Site) -> None:
    """Per-user mode: the password is the server's; the second factor's five-failures lockout still holds and
    ends in a NOLOGIN role that only an administrator's unlock restores."""
    auth = RoleAuthenticator(site.url)
    with site.owner.session() as s:
        enrolment = second_factor.begin_enrolment(s, site.officer_b.user_id, site.officer_b.username)
        code = second_factor.code_at(enrolment.secret, second_factor.current_step())
        second_factor.confirm_enrolment(s, site.officer_b, site.officer_b.user_id, code)
    with pytest.raises(second_factor.SecondFactorRequired) as asked:
        auth.login("liujing", PASSWORD)
    challenge = asked.value.challenge
    errors_seen = []
    for _ in range(MAX_FAILURES):
        with pytest.raises(DomainError) as wrong:
            auth.verify_second_factor(challenge, "000000")
        errors_seen.append(wrong.value.code)
    assert errors_seen[-1] == "account_locked"
    with pytest.raises(DomainError) as refused_login:
        RoleAuthenticator(site.url).login("liujing", PASSWORD)
    assert refused_login.value.code == "login_role_refused"
    with site.owner.session() as s:
        users.unlock(s, site.admin, site.officer_b.user_id)
    with pytest.raises(second_factor.SecondFactorRequired):
        RoleAuthenticator(site.url).login("liujing", PASSWORD)


def test_the_command_provisions_and_sets_a_password_and_refuses_sqlite(
    site: Site, tmp_path, capsys, monkeypatch
) -> None:
    from io import StringIO

    from app import cli

    owner_url = site.owner.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", StringIO("Langao-Cli-2026!\n"))
    assert cli.main(["--db", owner_url, "db", "provision", "--set-password", "wangcun"]) == 0
    out = capsys.readouterr().out
    assert "个用户登录角色" in out and "已为 wangcun 设置登录密码" in out
    site.connect(site.world.cadre, "Langao-Cli-2026!").close()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        site.connect(site.world.cadre, PASSWORD)
    with site.owner.session() as s:  # back to the module's password for any test that runs later
        sync_login(s, site.world.cadre.user_id, "wangcun", PASSWORD)  # type: ignore[arg-type]
    assert cli.main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "db", "upgrade"]) == 0
    assert cli.main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "db", "provision"]) == 1
    assert "只有 PostgreSQL 数据库需要配置数据库权限" in capsys.readouterr().err
