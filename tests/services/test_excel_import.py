"""Import that never writes half: a messy real-world sheet is checked row by row first, nothing is written
until the user confirms, then exactly the good rows go in, in one transaction."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied
from app.core.validators import make_id_number
from app.models.audit import AuditRecord
from app.models.citizen import Citizen
from app.models.db import Database
from app.models.org import Division
from app.services import entity_service, excel_io
from app.services import entity_service as es
from app.services.citizens import CITIZEN_SPEC
from app.services.context import Actor

SPEC = CITIZEN_SPEC
TOWN, VILLAGE = "610925100000", "610925100001"

ZHANG = make_id_number("610925", date(1990, 3, 5), 11)  # 男, born 1990-03-05
WITH_X = next(
    n for seq in range(0, 999, 2) if (n := make_id_number("610925", date(2019, 3, 5), seq)).endswith("X")
)  # 女
WANG = make_id_number("610925", date(1975, 7, 1), 33)
ZHAO = make_id_number("610925", date(1968, 1, 9), 45)
EXISTING = make_id_number("610925", date(1980, 6, 1), 57)
BAD_CHECK = WANG[:-1] + ("1" if WANG[-1] != "1" else "2")
SUN = make_id_number("610925", date(1999, 9, 9), 71)
QIAN = make_id_number("610925", date(1955, 5, 5), 81)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


@pytest.fixture
def divisions(db: Database) -> None:
    with db.session() as s:
        s.add(Division(code="610925000000", name="岚皋县", level="county"))
        s.flush()
        s.add(Division(code=TOWN, name="城关镇", level="town", parent_code="610925000000"))
        s.flush()
        s.add(Division(code=VILLAGE, name="东街社区", level="village", parent_code=TOWN))


@pytest.fixture
def registered(db: Database, divisions: None, supervisor: Actor) -> int:
    with db.session() as s:
        return es.create(s, supervisor, SPEC, {"id_number": EXISTING, "name": "老住户"}).row.id


# Excel row -> cells: 序号, 姓名, 身份证号码, 性别, 出生日期, 联系电话, 乡镇, 村（社区）, 家庭住址
MESSY: dict[int, list[Any]] = {
    4: [
        1,
        " 张 三 ",
        full_width(ZHANG),
        "男",
        "1990.3.5",
        "138-1234-5678",
        "城关镇",
        "东街社区",
        " 东街 12号 ",
    ],
    5: [2, "小\u3000红", WITH_X.lower(), None, "2019年3月5日", None, "城关镇", None, None],
    # row 6 is empty
    7: [3, "王五", WANG, "男", datetime(1975, 7, 1), 13912345678.0, None, None, "四季镇"],
    8: [4, "错号", BAD_CHECK, None, None, None, None, None, None],
    9: [5, None, ZHAO, None, None, "13700000000", None, None, None],
    10: [6, "老住户", EXISTING, None, None, None, None, None, None],
    11: [7, "张三", ZHANG, "男", "1990.3.5", "13812345678", "城关镇", "东街社区", "东街 12号"],
    12: [8, "科学", 6.10925199001011e17, None, None, None, None, None, None],
    13: [9, "孙女", SUN, "女", None, None, None, None, None],
    14: [10, "钱某", QIAN, None, None, "0915-5212345", "火星镇", None, None],
    15: [11, "赵六", ZHAO, None, None, None, None, None, None],
}
GOOD_ROWS = [4, 5, 7, 15]


def write_messy(path: Path, rows: dict[int, list[Any]] = MESSY) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "城关镇群众信息登记表（2026年11月）"
    ws.merge_cells("A1:I1")
    header = ["序号", "姓名", "身份证号码", "性别", "出生日期", "联系电话", "乡镇", "村（社区）", "家庭住址"]
    for col, text in enumerate(header, start=1):
        ws.cell(row=3, column=col, value=text)
    for number, cells in rows.items():
        for col, value in enumerate(cells, start=1):
            ws.cell(row=number, column=col, value=value)
    ws.cell(row=16, column=2, value="   ")  # a row that only looks filled
    wb.save(path)
    return path


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(Citizen)).scalar_one())


def _read(db: Database, actor: Actor, path: Path) -> excel_io.ImportPreview:
    with db.session() as s:
        return excel_io.read_import(s, actor, SPEC, path)


def test_reading_a_messy_file_reports_every_bad_row_and_writes_nothing(
    db: Database, registered: int, clerk: Actor, tmp_path: Path
) -> None:
    before = _count(db)
    audits_before = _audit_count(db)
    preview = _read(db, clerk, write_messy(tmp_path / "群众.xlsx"))
    assert _count(db) == before and _audit_count(db) == audits_before

    assert preview.header_row == 3
    assert preview.columns == {
        2: "name",
        3: "id_number",
        4: "gender",
        5: "birth_date",
        6: "phone",
        7: "town_code",
        8: "village_code",
        9: "address",
    }
    assert preview.ignored_columns == ("序号",)
    assert preview.empty_rows == 2  # row 6 and the row of spaces; rows 1-2 are above the header
    assert [r.row for r in preview.good] == GOOD_ROWS

    good = {r.row: r.values for r in preview.good}
    assert good[4]["id_number"] == ZHANG and good[4]["name"] == "张三" and good[4]["phone"] == "13812345678"
    assert (good[4]["town_code"], good[4]["village_code"], good[4]["address"]) == (TOWN, VILLAGE, "东街 12号")
    assert good[5]["id_number"] == WITH_X and good[5]["name"] == "小红"
    assert good[5]["birth_date"] == date(2019, 3, 5)
    assert good[7]["phone"] == "13912345678" and good[7]["birth_date"] == date(1975, 7, 1)

    problems = {(p.row, p.field): p.reason for p in preview.bad}
    assert problems == {
        (8, "身份证号"): "校验码不正确，请核对身份证号码",
        (9, "姓名"): "请填写姓名",
        (10, "身份证号"): "该身份证号已登记（老住户），本行不导入；如需修改请在列表中编辑该记录",
        (11, "身份证号"): "与第4行完全相同，重复行不导入",
        (12, "身份证号"): "身份证号被 Excel 存成了数字，已丢失末位，请把该列设为文本格式",
        (13, "性别"): "性别与身份证号不符（身份证号显示为男）",
        (14, "手机号"): "这是固定电话，此处请填写11位手机号码",
        (14, "乡镇"): "“火星镇”不是有效的乡镇",
    }
    assert preview.bad_rows == (8, 9, 10, 11, 12, 13, 14)
    assert preview.duplicates == ((11, 4),)
    assert preview.existing == ((10, "老住户"),)


def test_rows_repeating_a_key_with_different_content_are_all_refused(
    db: Database, divisions: None, clerk: Actor, tmp_path: Path
) -> None:
    rows = {4: [1, "张三", ZHANG], 5: [2, "王五", WANG], 6: [3, "张叁", ZHANG.lower()]}
    preview = _read(db, clerk, write_messy(tmp_path / "dup.xlsx", rows))
    assert [r.row for r in preview.good] == [5]
    reasons = {p.row: p.reason for p in preview.bad}
    assert reasons == {
        4: "与第6行的身份证号相同但其他内容不同，请核对后只保留一行",
        6: "与第4行的身份证号相同但其他内容不同，请核对后只保留一行",
    }


def test_commit_writes_exactly_the_good_rows_in_one_transaction(
    db: Database, registered: int, clerk: Actor, tmp_path: Path
) -> None:
    preview = _read(db, clerk, write_messy(tmp_path / "群众.xlsx"))
    before = _count(db)
    with db.session() as s:
        result = excel_io.commit_import(s, clerk, SPEC, preview, "good_only")
    assert (
        result.inserted == len(GOOD_ROWS) and result.skipped == () and result.tables == frozenset({"citizen"})
    )
    assert _count(db) == before + len(GOOD_ROWS)
    with db.session() as s:
        stored = {c.id_number: c for c in s.execute(select(Citizen)).scalars()}
        zhang = stored[ZHANG]
        assert (zhang.name, zhang.name_pinyin, zhang.name_initials, zhang.gender) == (
            "张三",
            "zhangsan",
            "zs",
            "男",
        )
        assert (zhang.version, zhang.updated_by, zhang.town_code) == (1, "clerk1", TOWN)
        assert stored[WITH_X].gender == "女" and stored[WITH_X].address == ""
        assert BAD_CHECK not in stored and SUN not in stored
        records = list(s.execute(select(AuditRecord).where(AuditRecord.action == "import")).scalars())
    assert len(records) == 1
    assert json.loads(records[0].new_values) == {
        "file": "群众.xlsx",
        "inserted": 4,
        "skipped": 0,
        "bad_rows": 7,
        "empty_rows": 2,
    }
    assert "群众.xlsx" in records[0].detail
    with db.session() as s:  # the change feed learns which table changed
        change = s.execute(text_changes()).scalars().all()
    assert any("citizen" in c for c in change)


def text_changes():  # type: ignore[no-untyped-def]
    from app.models.change_log import ChangeLog

    return select(ChangeLog.tables)


def test_a_failure_in_the_middle_of_the_commit_leaves_nothing_written(
    db: Database, registered: int, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = _read(db, clerk, write_messy(tmp_path / "群众.xlsx"))
    before, audits_before = _count(db), _audit_count(db)
    real = entity_service._insert_chunk
    calls: list[int] = []

    def failing_second_chunk(session: Any, table: Any, chunk: list[dict[str, Any]]) -> None:
        calls.append(len(chunk))
        if len(calls) == 2:
            raise OSError("disk unplugged")
        real(session, table, chunk)

    monkeypatch.setattr(entity_service, "_insert_chunk", failing_second_chunk)
    with pytest.raises(OSError), db.session() as s:
        excel_io.commit_import(s, clerk, SPEC, preview, "good_only", chunk_size=2)
    assert calls == [2, 2]  # the first chunk had been inserted when the second failed
    assert _count(db) == before
    with db.session() as s:
        records = list(s.execute(select(AuditRecord).where(AuditRecord.id > audits_before)).scalars())
    assert [(r.action, r.outcome) for r in records] == [("import", "failed")]


def test_a_caught_failure_still_leaves_nothing_half_written(
    db: Database, registered: int, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the caller swallows the error and commits, the import is all or nothing (a savepoint)."""
    preview = _read(db, clerk, write_messy(tmp_path / "群众.xlsx"))
    before = _count(db)
    real = entity_service._insert_chunk
    calls: list[int] = []

    def failing_second_chunk(session: Any, table: Any, chunk: list[dict[str, Any]]) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk unplugged")
        real(session, table, chunk)

    monkeypatch.setattr(entity_service, "_insert_chunk", failing_second_chunk)
    with db.session() as s, pytest.raises(OSError):
        excel_io.commit_import(s, clerk, SPEC, preview, "good_only", chunk_size=2)
    assert _count(db) == before


def test_rows_registered_meanwhile_are_skipped_not_overwritten(
    db: Database, divisions: None, clerk: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    preview = _read(db, clerk, write_messy(tmp_path / "a.xlsx", {4: [1, "王五", WANG], 5: [2, "赵六", ZHAO]}))
    with db.session() as s:  # another workstation registers 王五 before the import is confirmed
        es.create(s, supervisor, SPEC, {"id_number": WANG, "name": "王五（窗口）"})
    with db.session() as s:
        result = excel_io.commit_import(s, clerk, SPEC, preview)
    assert result.inserted == 1 and [p.row for p in result.skipped] == [4]
    with db.session() as s:
        assert s.execute(select(Citizen.name).where(Citizen.id_number == WANG)).scalar_one() == "王五（窗口）"


def test_import_needs_the_import_permission(
    db: Database, divisions: None, auditor: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        _read(db, auditor, write_messy(tmp_path / "a.xlsx"))


def test_a_file_without_the_required_columns_is_refused_clearly(
    db: Database, clerk: Actor, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["名单"])
    ws.append(["姓名", "电话"])
    ws.append(["张三", "13812345678"])
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(DomainError) as caught:
        _read(db, clerk, tmp_path / "bad.xlsx")
    assert caught.value.message() == "在文件前 10 行中找不到表头（需要包含“身份证号、姓名”）。"
    (tmp_path / "old.xls").write_bytes(b"not really")
    with pytest.raises(DomainError) as caught:
        _read(db, clerk, tmp_path / "old.xls")
    assert "另存为 .xlsx" in caught.value.message()


def test_the_template_round_trips_and_its_example_row_is_not_imported(
    db: Database, divisions: None, clerk: Actor, tmp_path: Path
) -> None:
    with db.session() as s:
        path = excel_io.write_import_template(SPEC, tmp_path / "模板.xlsx", s)
    ws = load_workbook(path).worksheets[0]
    labels = [c.value for c in ws[1]]
    assert labels == [f.label for f in SPEC.form_fields]
    assert ws.cell(row=2, column=1).value == SPEC.field("id_number").example
    assert ws.cell(row=3, column=1).number_format == "@"  # ID numbers stay text in Excel
    preview = _read(db, clerk, path)
    assert preview.good == () and preview.bad == () and preview.example_rows == 1
    ws.cell(row=3, column=1, value=WANG)
    ws.cell(row=3, column=2, value="王五")
    ws.parent.save(tmp_path / "filled.xlsx")
    preview = _read(db, clerk, tmp_path / "filled.xlsx")
    assert [(r.row, r.values["name"]) for r in preview.good] == [(3, "王五")]


def _audit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.max(AuditRecord.id))).scalar() or 0)
