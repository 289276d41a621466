"""The PostgreSQL server restarts while a workstation is open: the status bar shows the break and the return,
the form the clerk was typing stays open with its fields, a save tried while the server is down gets a message
in Chinese (no traceback), and the same save goes through once the server is back, without restarting anything.

Runs against a cluster of its own (tests/faults/fault_pg.py), never the shared test server; in the PostgreSQL
pass of the suite only (on the SQLite pass there is no server to lose).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import fault_pg
import pytest
from conftest import backend, make_user
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from app.core.validators import make_id_number
from app.models.citizen import Citizen
from app.models.db import Database
from app.services import schema
from app.services.auth import PasswordAuthenticator
from app.services.citizens import CITIZEN_SPEC
from app.views.app_context import AppContext
from app.views.common import run_op
from app.views.common.change_feed import ChangeFeed
from app.views.common.entity_form_dialog import EntityFormDialog
from app.views.main_window import MainWindow

pytestmark = pytest.mark.skipif(
    backend() != "postgresql", reason="a server restart is a PostgreSQL fault; this runs in the PostgreSQL pass"
)
NUMBER = make_id_number("610925", date(1988, 4, 12), 235)


@pytest.fixture
def cluster() -> Iterator[fault_pg.Cluster]:
    server = fault_pg.create()
    yield server
    server.remove()


@pytest.fixture
def own_db(cluster: fault_pg.Cluster) -> Iterator[Database]:
    database = Database(cluster.url())
    schema.upgrade(database)
    yield database
    database.dispose()


def _count(db: Database) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(Citizen)) or 0)


INNER = "JINGWU_FAULT_INNER"


def test_clients_ride_out_a_server_restart_in_a_process_of_their_own() -> None:
    """The scenario below runs in a fresh interpreter. Its main window, with real worker threads and a server
    that vanishes under it, left this process's Qt in a state where a later test's chart crashed in its paint
    (SIGSEGV, see the session note); a process of its own keeps the rest of the suite out of it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__)
    env = dict(os.environ, **{INNER: "1"})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{here}::test_clients_ride_out_a_server_restart_and_keep_the_form"],
        cwd=here.parents[2], env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]


@pytest.mark.skipif(not os.environ.get(INNER), reason="run by the test above, in a process of its own")
def test_clients_ride_out_a_server_restart_and_keep_the_form(qtbot, cluster, own_db: Database) -> None:
    clerk = make_user(own_db, "clerk1", ["clerk"], display_name="李窗口")
    feed = ChangeFeed(own_db, poll_interval=0.1, wait_timeout=0.1)
    run_op.configure(own_db, changes_hook=feed.local_change)
    run_op.set_synchronous(False)  # real worker threads, as at a desk
    win = MainWindow(AppContext(own_db, PasswordAuthenticator(own_db), clerk, feed=feed))
    qtbot.addWidget(win)
    win.show()
    try:
        feed.start()
        qtbot.waitUntil(lambda: feed.connected, timeout=20000)
        assert "已连接" in win.conn_label.text()

        dlg = EntityFormDialog(CITIZEN_SPEC, clerk, parent=win)
        qtbot.addWidget(dlg)
        dlg.show()
        number, name = dlg.editors["id_number"], dlg.editors["name"]
        assert isinstance(number, QLineEdit) and isinstance(name, QLineEdit)
        number.setText(NUMBER)
        name.setText("王断线")

        cluster.stop()
        qtbot.waitUntil(lambda: "连接中断" in win.conn_label.text(), timeout=20000)

        dlg.save()  # the server is down: a message beside the form, which stays as typed
        qtbot.waitUntil(lambda: dlg.message.isVisible(), timeout=30000)
        assert "连接中断" in dlg.message.text() and "再试" in dlg.message.text()
        assert dlg.isVisible() and number.text() == NUMBER and name.text() == "王断线"
        assert dlg.save_button.isEnabled()

        cluster.start()
        qtbot.waitUntil(lambda: "已连接" in win.conn_label.text(), timeout=30000)

        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.save()  # the same form, retried: no restart of the client
        assert not dlg.isVisible()
        assert _count(own_db) == 1

        seen: list[int] = []  # a read through the pool works again too
        run_op.run_op(win, _count_citizens, readonly=True).success(seen.append).start()
        qtbot.waitUntil(lambda: seen == [1], timeout=20000)
    finally:
        feed.stop()
        run_op.wait_all()
        run_op.configure(None)


def _count_citizens(session) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(Citizen)) or 0)
