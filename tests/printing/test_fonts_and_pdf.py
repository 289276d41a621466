"""Printed output, checked the way a reader would: fonts embedded, text extractable, QR codes scannable.

No Qt here: app.printing must work without it. poppler-utils (pdffonts, pdftotext, pdftoppm, pdfinfo) and
zbar-tools (zbarimg) read the PDFs.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import Cancelled, DomainError
from app.printing import fonts
from app.printing.batch import render_batch, render_each
from app.printing.document import OFFICIAL, FormBuilder
from app.printing.list_report import render_table
from app.printing.official import add_official, render_official
from app.printing.qr import draw_qr, qr_drawing

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdftoppm", "pdfinfo")),
    reason="needs poppler-utils",
)

TITLE = "关于加强重点人员动态管控工作的通知"
BODY = [
    "为进一步加强重点人员动态管控工作，切实维护全县社会治安大局稳定，现就有关事项通知如下。",
    "一、总体要求",
    "（一）明确工作职责。各派出所是管控工作的责任主体，所长为第一责任人。",
]


def run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def font_rows(pdf: Path) -> list[list[str]]:
    """pdffonts rows as columns: name, type..., encoding, emb, sub, uni, object, id."""
    return [line.split() for line in run("pdffonts", pdf).splitlines()[2:] if line.strip()]


def pages(pdf: Path) -> int:
    return int(
        next(line.split()[-1] for line in run("pdfinfo", pdf).splitlines() if line.startswith("Pages:"))
    )


def assert_all_fonts_embedded_truetype(pdf: Path) -> None:
    rows = font_rows(pdf)
    assert rows, "no fonts in the PDF"
    for row in rows:
        assert row[-5] == "yes", f"font not embedded: {row}"  # emb column
        assert "TrueType" in row, f"not TrueType: {row}"


def test_official_document_embeds_truetype_and_keeps_chinese_text(tmp_path: Path) -> None:
    pdf = tmp_path / "official.pdf"
    pdf.write_bytes(
        render_official(
            TITLE,
            BODY,
            "岚皋县公安局",
            datetime.date(2024, 5, 6),
            doc_number="岚公发〔2024〕12号",
            masthead="岚皋县公安局文件",
            recipient="各派出所：",
        )
    )
    assert_all_fonts_embedded_truetype(pdf)
    text = run("pdftotext", pdf, "-").replace("\n", "")
    for expected in (TITLE, "岚皋县公安局文件", "各派出所", "一、总体要求", "2024年5月6日", "— 1 —"):
        assert expected in text
    info = run("pdfinfo", pdf)
    assert TITLE in info and "岚皋县公安局" in info  # title and author metadata


def test_official_body_is_set_28_characters_per_line(tmp_path: Path) -> None:
    pdf = tmp_path / "grid.pdf"
    pdf.write_bytes(render_official("标题", ["测" * 100], "岚皋县公安局", datetime.date(2024, 5, 6)))
    lines = [line.strip() for line in run("pdftotext", "-layout", pdf, "-").splitlines() if "测" in line]
    assert [len(line) for line in lines] == [26, 28, 28, 18]  # first line indented two characters


def test_official_body_fills_22_lines_per_page(tmp_path: Path) -> None:
    pdf = tmp_path / "lines.pdf"
    paragraphs = [f"第{i:02d}行" + "测" * 20 for i in range(60)]
    pdf.write_bytes(render_official("标题", paragraphs, "岚皋县公安局", datetime.date(2024, 5, 6)))
    second_page = run("pdftotext", "-f", "2", "-l", "2", pdf, "-")
    assert sum(1 for line in second_page.splitlines() if line.startswith("第")) == 22


def test_list_report_embeds_fonts_and_repeats_header_on_every_page(tmp_path: Path) -> None:
    columns = ["姓名", "身份证号", "住址", "备注"]
    rows = [[f"张{i}", f"61092619900101{i:04d}", "岚皋县城关镇滨江路" * 3, "重点关注"] for i in range(200)]
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(render_table("重点人员名单", columns, rows, printed_by="李窗口", filters_text="等级：红"))
    assert_all_fonts_embedded_truetype(pdf)
    n = pages(pdf)
    assert n > 2
    for page in range(1, n + 1):
        text = run("pdftotext", "-f", str(page), "-l", str(page), pdf, "-")
        assert "身份证号" in text, f"header missing on page {page}"
        assert f"第 {page} 页" in text and f"共 {n} 页" in text
    text = run("pdftotext", pdf, "-")
    assert "重点人员名单" in text and "张199" in text and "李窗口" in text and "等级：红" in text


def test_list_report_turns_landscape_for_many_columns(tmp_path: Path) -> None:
    columns = [f"字段{i}" for i in range(9)]
    pdf = tmp_path / "wide.pdf"
    pdf.write_bytes(render_table("宽表", columns, [["值"] * 9]))
    size = next(line for line in run("pdfinfo", pdf).splitlines() if line.startswith("Page size:"))
    width, height = (float(v) for v in size.split()[2:5:2])
    assert width > height


def decode_qr(pdf: Path, tmp_path: Path) -> str:
    run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", pdf, tmp_path / "page")
    return run("zbarimg", "--raw", "-q", tmp_path / "page-1.png").strip()


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_qr_code_in_a_form_decodes_to_its_text(tmp_path: Path) -> None:
    payload = "https://jw.langao.example/verify?no=CG-2024-000123"
    b = FormBuilder("物品接收回执")
    b.header(number="编号：CG-2024-000123")
    b.key_values([("姓名", "王某某"), ("联系电话", "13800000000")])
    b.qr(payload, 30, "扫码核验")
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(b.build())
    assert decode_qr(pdf, tmp_path) == payload


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_qr_code_beside_the_official_signature_decodes(tmp_path: Path) -> None:
    payload = "岚公发〔2024〕12号|核验码 7F3A"
    pdf = tmp_path / "official-qr.pdf"
    pdf.write_bytes(render_official(TITLE, BODY, "岚皋县公安局", datetime.date(2024, 5, 6), qr_text=payload))
    assert decode_qr(pdf, tmp_path) == payload


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_qr_drawing_and_canvas_helper_decode(tmp_path: Path) -> None:
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "canvas-qr.pdf"
    canvas = Canvas(str(pdf))
    draw_qr(canvas, "ABC-123", 20 * mm, 200 * mm, 25, "编号")
    canvas.showPage()
    canvas.save()
    assert decode_qr(pdf, tmp_path) == "ABC-123"
    b = FormBuilder("图形")
    b.add(qr_drawing("图形二维码", 30, "说明"))
    pdf2 = tmp_path / "drawing-qr.pdf"
    pdf2.write_bytes(b.build())
    (tmp_path / "page-1.png").unlink()
    assert decode_qr(pdf2, tmp_path) == "图形二维码"


def test_no_font_found_raises_font_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    monkeypatch.setattr(fonts, "_configured_font", lambda: "")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    with pytest.raises(DomainError) as caught:
        fonts.ensure_fonts(search_dirs=[empty])
    assert caught.value.code == "font_missing"
    assert "字体" in caught.value.message()


def test_postscript_outline_fonts_are_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not noto.exists():
        pytest.skip("Noto CJK not installed")
    monkeypatch.setattr(fonts, "_configured_font", lambda: "")
    monkeypatch.setenv(fonts.ENV_FONT, str(noto))
    with pytest.raises(DomainError):
        fonts.ensure_fonts(search_dirs=[noto.parent])


def test_explicit_font_path_is_used_for_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    wqy = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if not wqy.exists():
        pytest.skip("WenQuanYi not installed")
    chosen = fonts.ensure_fonts(font_path=wqy)
    assert chosen.body == "JW-wqy-microhei-0"


def test_batch_reports_progress_per_item_and_restarts_page_numbers(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    produced: list[int] = []

    def add(b: FormBuilder, i: int) -> None:
        produced.append(i)
        add_official(b, f"通知{i}", ["正文内容。" * 130], "岚皋县公安局", datetime.date(2024, 5, 6))

    pdf = tmp_path / "batch.pdf"
    pdf.write_bytes(
        render_batch(
            [1, 2, 3], add, title="批量通知", layout=OFFICIAL, progress=lambda d, t: calls.append((d, t))
        )
    )
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert produced == [1, 2, 3]
    text = run("pdftotext", pdf, "-")
    assert text.count("— 1 —") == 3 and text.count("— 2 —") == 3 and "通知3" in text
    assert pages(pdf) == 6


def test_batch_cancel_stops_before_the_next_item() -> None:
    produced: list[int] = []

    def add(b: FormBuilder, i: int) -> None:
        produced.append(i)
        b.header(f"回执{i}")

    with pytest.raises(Cancelled):
        render_batch(list(range(100)), add, title="批量回执", cancelled=lambda: len(produced) >= 3)
    assert produced == [0, 1, 2]


def test_render_each_reports_progress_and_honours_cancel() -> None:
    calls: list[tuple[int, int]] = []
    out = render_each(
        [1, 2], lambda i: render_table(f"名单{i}", ["a"], [["x"]]), progress=lambda d, t: calls.append((d, t))
    )
    assert len(out) == 2 and all(p.startswith(b"%PDF") for p in out)
    assert calls == [(0, 2), (1, 2), (2, 2)]
    with pytest.raises(Cancelled):
        render_each([1, 2], lambda i: b"", cancelled=lambda: True)


def test_list_report_progress_and_cancel() -> None:
    rows = [[str(i), "张三"] for i in range(300)]
    seen: list[tuple[int, int]] = []
    render_table("名单", ["编号", "姓名"], rows, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (300, 300) and len(seen) > 3
    with pytest.raises(Cancelled):
        render_table("名单", ["编号", "姓名"], rows, cancelled=lambda: True)


def test_user_text_with_markup_characters_is_printed_literally(tmp_path: Path) -> None:
    b = FormBuilder("标题 <b>&")
    b.header(subtitle="A & B <i>")
    b.key_values([("备注", "x < y & z")])
    pdf = tmp_path / "escape.pdf"
    pdf.write_bytes(b.build())
    text = run("pdftotext", pdf, "-")
    assert "A & B <i>" in text and "x < y & z" in text


def test_printing_package_does_not_import_qt() -> None:
    code = (
        "import sys, app.printing.batch, app.printing.list_report, app.printing.official, app.printing.qr;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
