"""Excel export of the list as filtered: masked by default, audited, readable by Excel (openpyxl)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.errors import Cancelled, PermissionDenied
from app.core.validators import make_id_number
from app.models.audit import AuditRecord
from app.models.db import Database
from app.models.org import Division
from app.services import entity_service as es
from app.services import excel_io
from app.services.citizens import CITIZEN_SPEC
from app.services.context import Actor
from app.services.entity_spec import Query

SPEC = CITIZEN_SPEC
ZHANG = make_id_number("610925", date(1990, 3, 5), 11)
LI = make_id_number("610925", date(1985, 12, 1), 22)
WANG = make_id_number("610925", date(1975, 7, 1), 33)


@pytest.fixture
def citizens(db: Database, supervisor: Actor) -> None:
    with db.session() as s:
        s.add(Division(code="610925000000", name="岚皋县", level="county"))
        s.flush()
        s.add(Division(code="610925100000", name="城关镇", level="town", parent_code="610925000000"))
    with db.session() as s:
        es.create(
            s,
            supervisor,
            SPEC,
            {
                "id_number": ZHANG,
                "name": "张三",
                "phone": "13812345678",
                "town_code": "610925100000",
                "address": "东街12号",
            },
        )
        es.create(s, supervisor, SPEC, {"id_number": LI, "name": "李四", "notes": "第一行\n第二行"})
        es.create(s, supervisor, SPEC, {"id_number": WANG, "name": "王五", "phone": "13987654321"})


def _export_audits(db: Database) -> list[AuditRecord]:
    with db.session() as s:
        return list(s.execute(select(AuditRecord).where(AuditRecord.action == "export")).scalars())


def test_export_is_masked_by_default_and_audited(
    db: Database, citizens: None, clerk: Actor, tmp_path: Path
) -> None:
    target = tmp_path / "群众信息.xlsx"
    with db.session() as s:
        written = excel_io.export_xlsx(s, clerk, SPEC, Query(sort="name"), target)
    assert written == 3

    wb = load_workbook(target)
    ws = wb.worksheets[0]
    assert ws.title == "群众信息"
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == [f.label for f in SPEC.list_fields]
    assert all(c.font.bold for c in ws[1])
    assert ws.column_dimensions["A"].width >= 20  # room for an ID number
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        "张三",
        "李四",
        "王五",
    ]  # sorted by name
    zhang = dict(zip(header, rows["张三"], strict=True))
    assert zhang["身份证号"] == ZHANG[:6] + "********" + ZHANG[-4:]
    assert zhang["手机号"] == "138****5678"
    assert (zhang["性别"], zhang["出生日期"], zhang["乡镇"], zhang["住址"]) == (
        "男",
        "1990-03-05",
        "城关镇",
        "东街12号",
    )
    li = dict(zip(header, rows["李四"], strict=True))
    assert li["手机号"] is None and li["备注"] == "第一行\n第二行"
    text = target.read_bytes()
    assert ZHANG.encode() not in text and b"13812345678" not in text

    (record,) = _export_audits(db)
    assert (record.username, record.entity, record.outcome) == ("clerk1", "citizen", "ok")
    assert json.loads(record.new_values) == {"rows": 3}
    assert "群众信息.xlsx" in record.detail and "3 行" in record.detail


def test_export_follows_the_filter_and_names_it_in_the_audit(
    db: Database, citizens: None, clerk: Actor, tmp_path: Path
) -> None:
    with db.session() as s:
        written = excel_io.export_xlsx(
            s, clerk, SPEC, Query(text="zs", filters={"gender": "男"}), tmp_path / "a.xlsx"
        )
    assert written == 1
    ws = load_workbook(tmp_path / "a.xlsx").worksheets[0]
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == ["张三"]
    (record,) = _export_audits(db)
    assert "搜索“zs”" in record.detail and "性别=男" in record.detail


def test_full_numbers_need_the_unmask_permission(
    db: Database, citizens: None, clerk: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied), db.session() as s:
        excel_io.export_xlsx(s, clerk, SPEC, Query(), tmp_path / "full.xlsx", unmasked=True)
    assert not (tmp_path / "full.xlsx").exists()
    with db.session() as s:
        excel_io.export_xlsx(s, supervisor, SPEC, Query(), tmp_path / "full.xlsx", unmasked=True)
    ws = load_workbook(tmp_path / "full.xlsx").worksheets[0]
    assert ZHANG in [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
    (record,) = _export_audits(db)
    assert "含完整身份证号/手机号" in record.detail


def test_export_needs_the_export_permission_and_leaves_no_file(
    db: Database, citizens: None, auditor: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied), db.session() as s:
        excel_io.export_xlsx(s, auditor, SPEC, Query(), out / "x.xlsx")
    assert list(out.iterdir()) == []
    assert _export_audits(db) == []


class _CancelAfterFirstChunk:
    def __init__(self) -> None:
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total))

    def check(self) -> None:
        if self.reports:
            raise Cancelled()


def test_a_cancelled_export_leaves_no_file_and_no_audit(
    db: Database, citizens: None, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = _CancelAfterFirstChunk()
    rows = es.rows_for_export

    def small_chunks(*args, **kwargs):  # type: ignore[no-untyped-def]
        return rows(*args, **{**kwargs, "chunk": 2})

    monkeypatch.setattr(es, "rows_for_export", small_chunks)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled), db.session() as s:
        excel_io.export_xlsx(s, clerk, SPEC, Query(), out / "x.xlsx", progress)
    assert progress.reports == [(2, 3)]
    assert list(out.iterdir()) == []
    assert _export_audits(db) == []
