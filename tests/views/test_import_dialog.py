"""Excel import through the dialog: a messy file is checked first; the user imports the good rows or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from entity_test_data import fill_sample
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.core.validators import make_id_number
from app.models.citizen import Citizen
from app.models.db import Database
from app.services.citizens import CITIZEN_SPEC
from app.views.common.import_dialog import ImportDialog

GOOD_1 = make_id_number("610925", date(1988, 3, 5), 21)
GOOD_2 = make_id_number("610925", date(1979, 12, 1), 36)  # ends in X: typed as a lowercase x, full-width
GOOD_3 = make_id_number("610925", date(2001, 7, 9), 44)
BAD_CHECK = GOOD_3[:-1] + ("1" if GOOD_3[-1] != "1" else "2")
assert GOOD_2.endswith("X")
TAKEN = make_id_number("610925", date(1985, 6, 1), 11)  # 张三, already registered


@pytest.fixture
def citizens_500(db: Database) -> Database:
    return fill_sample(db)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def messy_file(path: Path) -> Path:
    """A title row, a header with a synonym, stray spaces, full-width digits, odd dates, an empty row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["岚皋县城关镇 2026年群众信息登记表"])  # row 1: a title above the header
    ws.append(["姓名", "公民身份号码", "手机号码", "出生日期", "住址", "备注"])  # row 2
    ws.append([" 欧阳 芳 ", GOOD_1, "138-0000-1111", "1988.3.5", "城关镇东街1号", ""])  # 3: good
    ws.append(
        ["司马洋", full_width(GOOD_2).replace("X", "x"), "13900002222", "1979年12月1日", " 城关镇 ", ""]
    )  # 4: good
    ws.append([None, None, None, None, None, None])  # 5: empty, skipped
    ws.append(["诸葛敏", BAD_CHECK, "13900003333", None, "", ""])  # 6: wrong check character
    ws.append(["", GOOD_3, "13900004444", None, "", ""])  # 7: name missing
    ws.append(["上官强", GOOD_3, "1390000", None, "", ""])  # 8: phone too short
    ws.append(["张三", TAKEN, "13900005555", None, "", ""])  # 9: already registered
    wb.save(path)
    return path


def citizens_named(db: Database, *names: str) -> list[str]:
    with db.session() as s:
        return sorted(s.execute(select(Citizen.name).where(Citizen.name.in_(names))).scalars())


def count(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Citizen)).scalar_one()


@pytest.fixture
def dialog(qtbot, sync_ops, citizens_500, clerk, tmp_path):
    dlg = ImportDialog(CITIZEN_SPEC, clerk)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.load_file(messy_file(tmp_path / "登记表.xlsx"))
    return dlg


def bad_table_rows(dlg: ImportDialog) -> list[tuple[int, str, str]]:
    t = dlg.bad_table
    return [(int(t.item(r, 0).text()), t.item(r, 1).text(), t.item(r, 2).text()) for r in range(t.rowCount())]


def test_preview_lists_bad_rows_with_their_excel_row_numbers(dialog, citizens_500) -> None:
    assert count(citizens_500) == 500  # checking writes nothing
    text = dialog.summary.text()
    assert "可导入 <b>2</b> 行" in text and ">4</b> 行" in text and "空行已跳过 1 行" in text
    bad = bad_table_rows(dialog)
    assert [r for r, _, _ in bad] == [6, 7, 8, 9]
    by_row = {r: (field, reason) for r, field, reason in bad}
    assert by_row[6] == ("身份证号", "校验码不正确，请核对身份证号码")
    assert by_row[7] == ("姓名", "请填写姓名")
    assert by_row[8][0] == "手机号" and "11位" in by_row[8][1]
    assert by_row[9][0] == "身份证号" and "张三" in by_row[9][1]
    assert dialog.import_good_button.isEnabled() and "2" in dialog.import_good_button.text()
    assert [dialog.bad_table.horizontalHeaderItem(i).text() for i in range(3)] == ["行号", "字段", "原因"]


def test_import_nothing_writes_nothing(qtbot, dialog, citizens_500) -> None:
    imported = []
    dialog.imported.connect(imported.append)
    qtbot.mouseClick(dialog.import_none_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert imported == [] and count(citizens_500) == 500
    assert citizens_named(citizens_500, "欧阳芳", "司马洋") == []


def test_import_good_rows_writes_exactly_those_normalised(qtbot, dialog, citizens_500) -> None:
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_good_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].inserted == 2 and "citizen" in signal.args[0].tables
    assert count(citizens_500) == 502
    with citizens_500.session() as s:
        rows = {
            c.name: c
            for c in s.execute(select(Citizen).where(Citizen.name.in_(["欧阳芳", "司马洋"]))).scalars()
        }
    assert rows["欧阳芳"].id_number == GOOD_1 and rows["欧阳芳"].phone == "13800001111"
    assert rows["欧阳芳"].birth_date == date(1988, 3, 5)
    assert rows["司马洋"].id_number == GOOD_2 and rows["司马洋"].address == "城关镇"
    assert citizens_named(citizens_500, "诸葛敏", "上官强") == []


def test_template_download_writes_a_file(dialog, tmp_path) -> None:
    target = tmp_path / "模板.xlsx"
    dialog.save_template(target)
    assert target.exists() and target.stat().st_size > 0
    assert "模板已保存" in dialog.file_label.text()
