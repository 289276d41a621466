"""The publicity commands: help texts, the website page, the guides booklet and the public figures."""

from __future__ import annotations

import pytest
from citizen_service_support import setup_catalogue
from publicity_support import approved, form, pdf_text, people, released, units

from app.cli import main


@pytest.mark.parametrize("words", [["publicity"], ["publicity", "website"], ["publicity", "guides"],
                                   ["publicity", "figures"], ["publicity", "demo"]])  # fmt: skip
def test_every_publicity_command_has_chinese_help(words, capsys):
    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0
    assert any("\u4e00" <= ch <= "\u9fff" for ch in capsys.readouterr().out)


def test_the_commands_write_the_page_the_guides_and_the_figures(db, db_url, tmp_path, capsys):
    u = units(db)
    writer, boss, _ = people(db)
    v = approved(db, writer, boss, "rule", form(u["ZADD"], "首接负责制"))
    approved(db, writer, boss, "measure", form(u["ZADD"], "已批准但未发布"))
    released(db, writer, [v])
    setup_catalogue(db)
    db.dispose()
    page = tmp_path / "page.html"
    assert main(["--db", db_url, "publicity", "website", "--out", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "首接负责制" in html and "已批准但未发布" not in html
    booklet = tmp_path / "guides.pdf"
    assert main(["--db", db_url, "publicity", "guides", "--out", str(booklet)]) == 0
    assert "无犯罪记录证明办事指南" in pdf_text(booklet.read_bytes(), tmp_path)
    text = tmp_path / "mobile.txt"
    code = main(["--db", db_url, "publicity", "figures", "--from", "2026-01-01", "--to", "2026-03-31",
                 "--channel", "mobile", "--out", str(text)])  # fmt: skip
    assert code == 0 and text.read_text(encoding="utf-8").startswith("【岚皋公安】2026年1月至3月31日")
    assert "共受理群众事项0件" in capsys.readouterr().out
