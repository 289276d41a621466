"""Schema versions (Alembic), the start-up refusal of a wrong schema, and the command line."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.core.errors import SchemaVersionError
from app.services import schema

HEAD = ",".join(sorted(schema.heads()))


def test_heads_read_from_the_files_match_alembic():
    assert schema.script_heads() == schema.heads()
    assert schema.heads() <= schema.known_revisions()


def test_empty_database_is_refused_until_upgraded(empty_db):
    with pytest.raises(SchemaVersionError) as err:
        schema.check(empty_db)
    assert err.value.code == "schema_missing" and "db upgrade" in err.value.message()
    assert schema.upgrade(empty_db) == HEAD
    schema.check(empty_db)
    assert schema.upgrade(empty_db) == HEAD  # safe to run again


def test_a_newer_schema_is_refused_with_a_clear_message(db):
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    with pytest.raises(SchemaVersionError) as err:
        schema.check(db)
    assert err.value.code == "schema_too_new" and "比本程序" in err.value.message()


def test_an_older_schema_is_refused_with_a_clear_message(db, monkeypatch):
    monkeypatch.setattr(schema, "known_revisions", lambda: {"0000_older", *schema.heads()})
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0000_older')"))
    with pytest.raises(SchemaVersionError) as err:
        schema.check(db)
    assert err.value.code == "schema_too_old" and "db upgrade" in err.value.message()


def test_gui_start_refuses_a_wrong_schema(qtbot, db, db_url, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.views import application

    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert application.open_database(db_url) is None
    assert shown and "比本程序" in shown[0]


SUBCOMMANDS = [
    [],
    ["gui"],
    ["db"],
    ["db", "upgrade"],
    ["db", "current"],
    ["db", "check"],
    ["admin"],
    ["admin", "create"],
    ["demo"],
    ["audit"],
    ["audit", "verify"],
    ["users"],
    ["users", "unlock"],
]


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=lambda w: " ".join(w) or "main")
def test_every_subcommand_has_help(words):
    from app.cli import main

    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0


def test_db_upgrade_and_check_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(*a):
        return subprocess.run([sys.executable, "main.py", "--db", url, *a], capture_output=True, text=True)  # noqa: E731

    assert run("db", "check").returncode == 1
    up = run("db", "upgrade")
    assert up.returncode == 0 and HEAD in up.stdout
    assert run("db", "check").returncode == 0


def test_log_redacts_id_numbers_phones_and_passwords(tmp_path):
    from app.core.logging_setup import RedactingFormatter

    record = logging.LogRecord(
        "x",
        logging.INFO,
        __file__,
        1,
        "id %s phone %s password=%s",
        ("61092519900101123X", "13812345678", "Secret-Pass-1"),
        None,
    )
    line = RedactingFormatter("%(message)s").format(record)
    assert "61092519900101123X" not in line and "610925********123X" in line
    assert "13812345678" not in line and "138****5678" in line
    assert "Secret-Pass-1" not in line
