"""Importing a messy county register: every bad row reported by its spreadsheet row number with the reason;
--dry-run writes nothing; a real import puts the good rows in, with their first level and history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import make_user
from keyperson_support import NOW, id_number, make_world, register
from openpyxl import Workbook
from sqlalchemy import func, select

from app.cli import main
from app.models.keyperson_person import KeyPerson, KpPersonChange
from app.models.keyperson_risk import KpLevelChange
from app.services import keyperson_import
from app.services.context import SYSTEM


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def write_register(path: Path, existing: str) -> dict[str, str]:
    """A register as counties keep them: a title row, Excel dates, full-width digits, labels for choices."""
    good = [id_number(date(1975, 1, 2)), id_number(date(1990, 7, 9)), id_number(date(1968, 12, 1))]
    bad_checksum = good[0][:-1] + ("0" if good[0][-1] != "0" else "1")
    wb = Workbook()
    ws = wb.active
    ws.append(["岚皋县重点人员名册（2026年11月）"])
    ws.append(
        [
            "序号",
            "姓名",
            "身份证号码",
            "人员类别",
            "危险性评估等级",
            "乡镇",
            "村（社区）",
            "现住址",
            "手机",
            "列管时间",
        ]
    )
    rows = [
        (
            1,
            "王某",
            good[0],
            "刑满释放人员（刑释解教）",
            None,
            "城关镇",
            "西坡社区居委会",
            "城关镇西坡社区3号",
            "13912345678",
            date(2024, 5, 1),
        ),
        (
            2,
            "李某",
            good[1].replace("1", "１"),
            "严重精神障碍患者",
            3,
            "佐龙镇",
            None,
            "佐龙镇金珠店",
            None,
            "2023.3.5",
        ),
        (3, "赵某", bad_checksum, "社区矫正对象", None, "城关镇", None, "", None, None),
        (4, "钱某", good[2], "吸毒人员", None, "城关镇", None, "", None, None),
        (5, "孙某", id_number(), "违法青少年", None, "城关镇", None, "", None, date(2030, 1, 1)),
        (6, "周某", existing, "社区矫正对象", None, "城关镇", None, "", None, None),
        (7, "吴某", good[1], "严重精神障碍患者", 2, "佐龙镇", None, "", None, None),
        (8, "郑某", id_number(), "严重精神障碍患者", None, "石门镇", None, "", None, None),
    ]
    for row in rows:
        ws.append(list(row))
    ws.append([])
    wb.save(path)
    return {"王某": good[0], "李某": good[1]}


def persons(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(KeyPerson)).scalar_one()


def test_bad_rows_are_reported_by_row_number_and_the_good_ones_imported(db, world, tmp_path):
    existing = id_number()
    register(db, world, number=existing, name="周某")
    path = tmp_path / "名册.xlsx"
    good = write_register(path, existing)
    with db.session() as s:
        preview = keyperson_import.read(s, SYSTEM, path)
    reasons = {(p.row, p.field): p.reason for p in preview.bad}
    assert preview.header_row == 2
    assert "校验码" in reasons[(5, "身份证号")]
    assert (6, "人员类别") in reasons  # no such category (yet)
    assert "不能晚于今天" in reasons[(7, "列管日期")]
    assert "已登记（周某）" in reasons[(8, "身份证号")]
    assert "与第4行的身份证号相同" in reasons[(9, "身份证号")]  # the same person twice, differently
    assert "0-5级" in reasons[(10, "危险性评估")]
    assert {r.row for r in preview.good} == {3}  # row 4 repeats row 9's person: both held back
    with db.session() as s:
        result = keyperson_import.commit(s, SYSTEM, preview, now=NOW)
    assert result.inserted == len(preview.good) == 1
    with db.session() as s:
        p = s.execute(select(KeyPerson).where(KeyPerson.id_number == good["王某"])).scalar_one()
        assert (p.level, p.score, p.registered_on, p.keepers_missing) == ("blue", 10, date(2024, 5, 1), 4)
        assert (
            s.execute(select(KpLevelChange.reason).where(KpLevelChange.person_id == p.id))
            .scalar()
            .startswith("导入评分")
        )
        assert (
            s.execute(select(KpPersonChange.reason).where(KpPersonChange.person_id == p.id))
            .scalar()
            .startswith("Excel导入")
        )


def test_the_command_line_dry_run_prints_every_bad_row_and_writes_nothing(
    db, db_url, world, tmp_path, capsys
):
    existing = id_number()
    register(db, world, number=existing, name="周某")
    path = tmp_path / "名册.xlsx"
    write_register(path, existing)
    code = main(["--db", db_url, "import", "key-persons", str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 1
    for row in (5, 6, 7, 8, 9, 10):
        assert f"第 {row} 行" in out
    assert "校验码" in out and "没有写入任何数据" in out
    assert persons(db) == 1
    code = main(["--db", db_url, "import", "key-persons", str(path)])
    out = capsys.readouterr().out
    assert "已导入 1 行" in out and "第 5 行" in out
    assert persons(db) == 2


def test_the_import_command_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["import", "key-persons", "--help"])
    assert "--dry-run" in capsys.readouterr().out
