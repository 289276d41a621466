"""Each channel's form: the website page as a real browser renders it, the flyer PDF, the TV script, the short text."""

from __future__ import annotations

import re
from datetime import date

import pytest
from publicity_support import approved, form, pdf_fonts, pdf_text, people, released, rendered_dom, units

from app.core.errors import DomainError
from app.printing.publicity_flyer import render_flyer
from app.services import publicity_catalogue, publicity_exports, publicity_settings
from app.services.publicity_settings import PublicitySettings


@pytest.fixture
def bundle_ids(db):
    u = units(db)
    writer, boss, _ = people(db)
    with db.session() as s:
        publicity_settings.save(
            s, writer, PublicitySettings(hotline="0915-5221110", website_url="https://www.langao.gov.cn/ga")
        )
    rule = approved(
        db, writer, boss, "rule", form(u["ZADD"], "首接负责制", "第一位接待的民警负责到底。\n不得推诿。")
    )
    measures = [
        approved(db, writer, boss, "measure", form(u["ZADD"], "户口簿换补领当场办", "材料齐全的当场制发。")),
        approved(
            db,
            writer,
            boss,
            "measure",
            form(u["JJDD"], "驾驶证换补证<当场办>", "期满换证 & 补证，当场发证。"),
        ),
    ]
    released(db, writer, [rule, measures[0]], channel="website")
    return db, writer, [rule.id, *(m.id for m in measures)]


def _bundle(bundle_ids):
    db, writer, ids = bundle_ids
    with db.session() as s:
        return publicity_exports.bundle(s, writer, ids, day=date(2026, 3, 2))


def test_the_website_page_renders_in_a_real_browser_with_every_item_escaped(bundle_ids, tmp_path):
    html = publicity_exports.website_html(_bundle(bundle_ids))
    dom = rendered_dom(html, tmp_path)
    assert '<html lang="zh-CN">' in dom and "<title>岚皋县公安局窗口服务规则和便民服务措施</title>" in dom
    # the browser built one article per item, under the right section, in order
    rules = dom[dom.index('<section id="rules">') : dom.index('<section id="measures">')]
    measures = dom[dom.index('<section id="measures">') :]
    assert re.findall(r'<article id="([A-Z]+-\d+)">', rules) == ["GZ-01"]
    assert re.findall(r'<article id="([A-Z]+-\d+)">', measures) == ["CS-01", "CS-02"]
    assert "<h3>1. 首接负责制</h3><p>第一位接待的民警负责到底。</p><p>不得推诿。</p>" in rules
    # text the officer wrote shows as written and adds no markup
    assert "<h3>2. 驾驶证换补证&lt;当场办&gt;</h3>" in measures and "<当场办>" not in dom
    assert "期满换证 &amp; 补证，当场发证。" in measures
    assert "责任部门：交通警察大队　2026年1月1日起施行　第1版" in measures
    assert "<script" not in dom and "咨询电话：0915-5221110" in dom
    assert '<a href="#measures">便民服务措施</a>' in dom


def test_the_current_page_lists_only_what_is_published(bundle_ids):
    db, writer, _ = bundle_ids
    with db.session() as s:
        b = publicity_exports.current(s, writer)
    assert [v.item_number for v in b.versions] == ["GZ-01", "CS-01"]


def test_an_unapproved_version_cannot_be_exported_either(bundle_ids):
    db, writer, ids = bundle_ids
    u = units(db)
    with db.session() as s:
        draft = publicity_catalogue.create_item(s, writer, "measure", form(u["ZADD"], "未批准的措施"))
    with pytest.raises(DomainError, match="尚未审核批准"), db.session() as s:
        publicity_exports.bundle(s, writer, [*ids, draft.id])


def test_the_flyer_is_a_chinese_a4_pdf_with_embedded_fonts_and_a_qr_code(bundle_ids, tmp_path):
    import subprocess

    data = publicity_exports.flyer_data(_bundle(bundle_ids))
    pdf = render_flyer(
        data.title, data.org, data.intro, data.sections,
        footer_lines=data.footer_lines, qr_url=data.qr_url, day=data.day,
    )  # fmt: skip
    text = pdf_text(pdf, tmp_path)
    for expected in ("岚皋县公安局窗口服务规则和便民服务措施", "窗口服务规则", "1.首接负责制", "第一位接待的民警负责到底。",
                     "便民服务措施", "2.驾驶证换补证<当场办>", "期满换证&补证，当场发证。", "咨询电话：0915-5221110",
                     "推行窗口服务规则1项、便民服务措施2项", "2026年3月2日"):  # fmt: skip
        assert expected in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # every font embedded
    size = subprocess.run(["pdfinfo", str(tmp_path / "doc.pdf")], capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in size
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "doc.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    scan = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "p-1.png")], capture_output=True, text=True
    )
    assert scan.stdout.strip() == "https://www.langao.gov.cn/ga"


def test_the_tv_script_reads_every_item_and_estimates_its_length(bundle_ids):
    script = publicity_exports.tv_script(_bundle(bundle_ids))
    lines = script.splitlines()
    assert lines[0] == "岚皋县公安局窗口服务规则和便民服务措施（电视宣传稿）"
    assert (
        "【播音】观众朋友们，为进一步方便群众办事，岚皋县公安局推行一项窗口服务规则、二项便民服务措施。"
        in lines
    )
    assert "【播音】第一，首接负责制。第一位接待的民警负责到底。不得推诿。" in lines
    assert "【字幕】2. 驾驶证换补证<当场办>" in lines
    spoken = publicity_exports.spoken_length(script)
    assert f"预计时长：{publicity_exports.duration_text(spoken)}" in lines[1]
    assert (
        publicity_exports.duration_text(220) == "约1分00秒"
        and publicity_exports.duration_text(110) == "约30秒"
    )


def test_the_mobile_text_fits_or_is_refused_with_the_reason(bundle_ids):
    b = _bundle(bundle_ids)
    text = publicity_exports.checked_mobile_text(b)
    assert text.splitlines()[0] == "【岚皋公安】岚皋县公安局窗口服务规则和便民服务措施"
    assert "1.首接负责制：第一位接待的民警负责到底。不得推诿。" in text and text.endswith(
        "咨询电话：0915-5221110"
    )
    with pytest.raises(DomainError) as err:
        publicity_exports.checked_mobile_text(b, "字" * 501)
    assert (
        err.value.message()
        == "手机报稿件共 501 字，超过了手机报 500 字的上限，未发布。请减少所选条目或删减文字后再发布。"
    )
    assert publicity_exports.cn_number(54) == "五十四" and publicity_exports.cn_number(10) == "十"
