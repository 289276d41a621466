"""Shared set-up for the publicity tests: departments, a publicity officer, two supervisors, a fixed form."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from conftest import make_user
from sqlalchemy import select

from app.models.db import Database
from app.models.org import Unit
from app.services import publicity_catalogue, publicity_releases, publicity_workflow, reference_data
from app.services.context import SYSTEM, Actor
from app.services.publicity_catalogue import VersionForm
from app.services.publicity_common import VersionInfo


def units(db: Database) -> dict[str, int]:
    with db.session() as s:
        reference_data.load_departments(s, actor=SYSTEM)
        return dict(s.execute(select(Unit.code, Unit.id)).all())


def people(db: Database) -> tuple[Actor, Actor, Actor]:
    """(publicity officer, supervisor A, supervisor B)."""
    writer = make_user(db, "xuanchuan1", ["publicity"], display_name="周宣传")
    boss = make_user(db, "boss_a", ["supervisor"], display_name="陈局长")
    other = make_user(db, "boss_b", ["supervisor"], display_name="刘政委")
    return writer, boss, other


def form(
    unit_id: int, title: str = "首接负责制", content: str = "群众到窗口办事，第一位接待的民警负责到底。", **kw
) -> VersionForm:
    values = {"effective_from": date(2026, 1, 1), **kw}
    return VersionForm(title=title, content=content, unit_id=unit_id, **values)


def approved(db: Database, writer: Actor, boss: Actor, kind: str, f: VersionForm) -> VersionInfo:
    """A new item whose first version is approved (not yet released)."""
    with db.session() as s:
        v = publicity_catalogue.create_item(s, writer, kind, f)
        v = publicity_workflow.submit(s, writer, v.id, v.version)
        return publicity_workflow.approve(s, boss, v.id, v.version)


def released(
    db: Database, writer: Actor, versions: list[VersionInfo], channel: str = "flyer", reach: int = 1000
):
    with db.session() as s:
        return publicity_releases.release(
            s, writer, publicity_releases.ReleaseForm(channel, tuple(v.id for v in versions), reach=reach)
        )


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The text of the PDF with all white space removed."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def pdf_fonts(pdf: bytes, tmp_path) -> list[list[str]]:
    """pdffonts rows (name, type, encoding, emb, sub, uni, ...) of the PDF."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


def chromium() -> str | None:
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser")


def rendered_dom(html: str, tmp_path) -> str:
    """Open the page in headless Chromium and return the DOM it built (after parsing and layout)."""
    import pytest

    browser = chromium()
    if browser is None:  # a missing browser is a broken set-up, not a reason to pass quietly
        pytest.fail("Chromium 未安装：网页导出需要在真实浏览器中检查（scripts/setup.sh 会安装 chromium）")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    profile = tmp_path / "chromium-profile"
    out = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return out.stdout


# --- the GUI tests' shared fixtures (import them into the test module to use them) -------------------------


@pytest.fixture(autouse=True)
def quiet_workers(qtbot, db):
    """Lists read in their own pool and compute anchors a moment after showing: let them finish before the
    database of the test goes away."""
    from app.views.common import entity_table_model

    yield
    qtbot.wait(entity_table_model.ANCHOR_DELAY_MS + 100)
    entity_table_model.wait_for_workers()


@pytest.fixture
def setup(db, sync_ops):
    """(departments, publicity officer, supervisor A, supervisor B), with background ops run at once."""
    u = units(db)
    writer, boss, other = people(db)
    return u, writer, boss, other


def ctx_for(db, actor):
    """A session context whose ops report their changes on its own signals (as the main window's feed)."""
    from app.views.app_context import AppContext
    from app.views.common import run_op

    ctx = AppContext(db, None, actor)  # type: ignore[arg-type]
    run_op.configure(db, ctx.signals.changed.emit)
    return ctx
