"""Normalisation of keyboard, web and Excel input into the one form validators and searches expect."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.normalize import (
    excel_serial_to_date,
    format_date_zh,
    normalize_id_number,
    normalize_name,
    normalize_phone,
    normalize_text,
    parse_date,
    to_half_width,
)


def test_full_width_digits_and_letters_become_half_width() -> None:
    assert normalize_text("６１０９２５") == "610925"
    assert normalize_text("ＡＢＣｘｙｚ") == "ABCxyz"
    assert to_half_width("（１２３）") == "(123)"


def test_chinese_punctuation_kept_in_prose_unless_asked() -> None:
    assert normalize_text("张三（男），汉族") == "张三（男），汉族"
    assert normalize_text("张三（男）", half_width_punctuation=True) == "张三(男)"


def test_stray_spaces_are_stripped_and_collapsed() -> None:
    assert normalize_text("\u3000 岚皋县\xa0\xa0城关镇\t\u2003 ") == "岚皋县 城关镇"
    assert normalize_text("张\u200b三\ufeff") == "张三"


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", "\xa0\u200b"])
def test_empty_input_is_none(empty: object) -> None:
    assert normalize_text(empty) is None
    assert normalize_id_number(empty) is None
    assert normalize_phone(empty) is None
    assert parse_date(empty) is None


def test_multiline_keeps_paragraphs() -> None:
    assert (
        normalize_text(" 第一行\u3000\u3000甲 \r\n\r\n\r\n\r\n  第二行 ", multiline=True)
        == "第一行 甲\n\n第二行"
    )


def test_excel_numbers_lose_their_point_zero() -> None:
    assert normalize_text(13812345678.0) == "13812345678"
    assert normalize_text(3.5) == "3.5"


def test_names_lose_inner_spaces_and_unify_dots() -> None:
    assert normalize_name(" 张 三 ") == "张三"
    assert normalize_name("买买提 . 艾力") == "买买提·艾力"
    assert normalize_name("买买提•艾力") == "买买提·艾力"
    assert normalize_name("John  Smith") == "John Smith"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11010519491231002x", "11010519491231002X"),
        (" １１０１０５ １９４９１２３１ ００２ｘ ", "11010519491231002X"),
        ("110105-19491231-002X", "11010519491231002X"),
        ("'110105194912310021", "110105194912310021"),
        (110105194912310021, "110105194912310021"),
    ],
)
def test_id_numbers_are_compacted(raw: object, expected: str) -> None:
    assert normalize_id_number(raw) == expected


def test_id_number_stored_as_excel_float_is_refused() -> None:
    with pytest.raises(ValueError, match="文本"):
        normalize_id_number(1.10105194912310021e17)


@pytest.mark.parametrize(
    "raw",
    [
        "138-1234-5678",
        "138 1234 5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "8613812345678",
        "0086 13812345678",
        "１３８１２３４５６７８",
        "138－1234－5678",
        13812345678,
        13812345678.0,
    ],
)
def test_mobiles_become_eleven_digits(raw: object) -> None:
    assert normalize_phone(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0915-5212345", "0915-5212345"),
        ("(0915) 5212345", "0915-5212345"),
        ("（0915）5212345", "0915-5212345"),
        ("09155212345", "0915-5212345"),
        ("010-12345678转801", "010-12345678-801"),
    ],
)
def test_landlines_get_one_dash(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "2019.3.5",
        "2019年3月5日",
        "2019年03月05号",
        "2019-03-05",
        "2019/3/5",
        "20190305",
        " ２０１９．３．５ ",
        "2019-03-05 00:00:00",
        "2019-03-05T14:30",
        43529,  # Excel serial
        43529.6,  # serial with a time of day
        20190305,  # yyyymmdd typed into a number cell
        datetime(2019, 3, 5, 14, 30),
        date(2019, 3, 5),
    ],
)
def test_dates_in_many_forms(raw: object) -> None:
    assert parse_date(raw) == date(2019, 3, 5)


def test_excel_serials_around_the_fake_leap_day() -> None:
    assert excel_serial_to_date(1) == date(1900, 1, 1)
    assert excel_serial_to_date(59) == date(1900, 2, 28)
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    assert excel_serial_to_date(45292) == date(2024, 1, 1)
    with pytest.raises(ValueError):
        excel_serial_to_date(60)
    with pytest.raises(ValueError):
        excel_serial_to_date(0)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("2019-02-30", "不存在"),
        ("2019.13.1", "不存在"),
        ("2019.3", "无法识别"),
        ("昨天", "无法识别"),
        ("19.3.5", "无法识别"),
        (True, "不是日期"),
        (-5, "不是有效的 Excel 日期"),
    ],
)
def test_unparseable_dates_raise_chinese_message(raw: object, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_date(raw)


def test_format_date_zh() -> None:
    assert format_date_zh(date(2019, 3, 5)) == "2019年3月5日"
