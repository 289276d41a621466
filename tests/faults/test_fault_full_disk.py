"""SQLite on a full disk (or a failing one): the save gets a message in Chinese, nothing is half-saved, and the
audit chain has no gap.

A real process makes saves through the real services with its file size limited (``RLIMIT_FSIZE``, SIGXFSZ
ignored): the first write past the limit fails with EFBIG, as it would on a full disk. The limit is swept
across every stretch of the write-ahead log those saves need, so the failure lands on a different write each
time (the order's receipts, the intake's timeline, the audit record, the commit itself). The message is the one
``run_op`` shows (``app.models.db.user_error``); tests/faults/test_fault_pg_restart.py shows an open form
keeping its fields under such a message, and the last test here does it on a real full disk (a tmpfs, root only).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fault_world
import pytest
from conftest import backend
from sqlalchemy import func, select

from app.models.audit import AuditRecord
from app.models.db import Database, sqlite_url

pytestmark = pytest.mark.skipif(
    backend() != "sqlite", reason="the embedded database's own disk; the server's disk is the DBA's on PostgreSQL"
)
SAVES = 4
POINTS = 16
FAILURE_CODES = {"db_disk_full", "db_io_error", "audit_write_failed"}


def _audit_count(db: Database) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditRecord)) or 0)


def test_a_full_disk_at_any_write_refuses_the_save_whole_and_keeps_the_rest(db: Database, tmp_path: Path) -> None:
    fault_world.build(db, 40)
    baseline = _audit_count(db)
    db.dispose()  # the last connection closing folds the WAL into the file: a clean template
    template = str(tmp_path / "template.db")
    assert db.url.database is not None
    shutil.copyfile(db.url.database, template)
    out = tmp_path / "sweep.json"

    ctx = fault_world.forkserver()
    proc = ctx.Process(target=fault_world.full_disk_sweep, args=(template, str(tmp_path), SAVES, POINTS, str(out)))
    proc.start()
    proc.join(600)
    assert proc.exitcode == 0, "the writer itself crashed"
    dry, *runs = json.loads(out.read_text(encoding="utf-8"))
    assert all(o["ok"] for o in dry["outcomes"]) and dry["wal"] > 0

    refused_points = 0
    seen: dict[str, int] = {}
    for run in runs:
        failed = [o for o in run["outcomes"] if not o["ok"]]
        refused_points += bool(failed)
        for o in failed:
            seen[f"{o['raised']}->{o['code']}"] = seen.get(f"{o['raised']}->{o['code']}", 0) + 1
        for o in failed:  # what the clerk reads: a known message in Chinese, never an exception's text
            assert o["code"] in FAILURE_CODES, f"limit {run['limit']}: {o}"
            assert fault_world.CHINESE.search(o["message"]) and "Error" not in o["message"], o
        checked = Database(sqlite_url(run["path"]))
        try:
            state = fault_world.inspect(checked)
            assert state.problems == [], f"limit {run['limit']}: {state.problems}"
            present = state.orders | state.citizens
            saved = {o["key"] for o in run["outcomes"] if o["ok"]}
            refused = {o["key"] for o in failed}
            assert saved <= present, f"limit {run['limit']}: committed saves lost"
            assert not refused & present, f"limit {run['limit']}: a refused save was (partly) kept: {refused & present}"
            assert state.audit_records == baseline + fault_world.saves_expected(state), "audit gap or extra record"
        finally:
            checked.dispose()
    print(f"WAL needed {dry['wal']} bytes; {refused_points} of {len(runs)} limits refused a save; {seen}")
    assert refused_points >= POINTS * 2 // 3, f"only {refused_points} of {len(runs)} limits made a save fail"


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 8 MB file system (tmpfs): mounting needs root, as in CI and here."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode(errors='replace').strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_really_full_disk_gives_the_open_form_a_message_and_keeps_it(
    qtbot, db: Database, small_disk: Path
) -> None:
    from datetime import date

    from conftest import make_user
    from PySide6.QtWidgets import QLineEdit

    from app.core.validators import make_id_number
    from app.models.citizen import Citizen
    from app.services.citizens import CITIZEN_SPEC
    from app.views.common import run_op
    from app.views.common.entity_form_dialog import EntityFormDialog

    clerk = make_user(db, "clerk1", ["clerk"], display_name="李窗口")
    db.dispose()
    assert db.url.database is not None
    shutil.copyfile(db.url.database, small_disk / "jingwu.db")
    on_disk = Database(sqlite_url(small_disk / "jingwu.db"))
    run_op.configure(on_disk)
    run_op.set_synchronous(True)
    try:
        before = (_audit_count(on_disk), _count(on_disk, Citizen))
        filler = _fill(small_disk)
        dlg = EntityFormDialog(CITIZEN_SPEC, clerk)
        qtbot.addWidget(dlg)
        dlg.show()
        number, name = dlg.editors["id_number"], dlg.editors["name"]
        assert isinstance(number, QLineEdit) and isinstance(name, QLineEdit)
        typed = make_id_number("610925", date(1979, 6, 1), 318)
        number.setText(typed)
        name.setText("孙满盘")
        dlg.save()
        assert dlg.message.isVisible() and "磁盘已满" in dlg.message.text(), dlg.message.text()
        assert dlg.isVisible() and number.text() == typed and name.text() == "孙满盘" and dlg.save_button.isEnabled()
        assert (_audit_count(on_disk), _count(on_disk, Citizen)) == before

        filler.unlink()  # the administrator frees space; the same form is saved
        with qtbot.waitSignal(dlg.saved, timeout=10000):
            dlg.save()
        assert _count(on_disk, Citizen) == before[1] + 1
    finally:
        run_op.set_synchronous(False)
        run_op.configure(None)
        on_disk.dispose()


def _count(db: Database, model: type) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)
