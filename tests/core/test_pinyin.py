"""Pinyin search keys (with surname readings) and classification of search-box input."""

from __future__ import annotations

import pytest

from app.core.pinyin import SURNAME_READINGS, QueryKind, classify_query, normalize_query, search_keys


def test_plain_name() -> None:
    assert search_keys("张三") == ("zhangsan", "zs")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("单田芳", ("shantianfang", "stf")),
        ("曾国藩", ("zengguofan", "zgf")),
        ("解缙", ("xiejin", "xj")),
        ("仇英", ("qiuying", "qy")),
        ("朴正熙", ("piaozhengxi", "pzx")),
        ("区家麟", ("oujialin", "ojl")),
        ("查良镛", ("zhaliangyong", "zly")),
        ("乐嘉", ("yuejia", "yj")),
        ("覃子豪", ("qinzihao", "qzh")),
        ("翟志刚", ("zhaizhigang", "zzg")),
        ("尉迟恭", ("yuchigong", "ycg")),
        ("万俟卨", ("moqixie", "mqx")),
        ("长孙无忌", ("zhangsunwuji", "zswj")),
    ],
)
def test_surname_readings_override_everyday_readings(name: str, expected: tuple[str, str]) -> None:
    assert search_keys(name) == expected


def test_override_applies_only_to_the_surname() -> None:
    # 单 inside a given name keeps its everyday reading "dan"; as surname it is "shan".
    assert search_keys("王单") == ("wangdan", "wd")
    assert search_keys("单单") == ("shandan", "sd")


def test_every_override_is_used_as_first_character() -> None:
    for surname, reading in SURNAME_READINGS.items():
        full, initials = search_keys(surname + "一")
        assert full == "".join(reading) + "yi", surname
        assert initials == "".join(syllable[0] for syllable in reading) + "y", surname


def test_keys_ignore_spaces_dots_and_width() -> None:
    assert search_keys(" 张 三 ") == ("zhangsan", "zs")
    assert search_keys("买买提·艾力") == ("maimaitiaili", "mmtal")
    assert search_keys("买买提.艾力") == search_keys("买买提·艾力")


def test_umlaut_u_is_typed_as_v() -> None:
    assert search_keys("吕布") == ("lvbu", "lb")


def test_latin_and_digits_in_a_name_are_kept() -> None:
    assert search_keys("张Ａ三") == ("zhangasan", "zas")
    assert search_keys("John Smith") == ("johnsmith", "js")


def test_empty_name() -> None:
    assert search_keys("") == ("", "")
    assert search_keys("   ") == ("", "")


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("张三", QueryKind.CHINESE),
        (" 张 ", QueryKind.CHINESE),
        ("买买提·艾力", QueryKind.CHINESE),
        ("zs", QueryKind.LATIN),
        ("Zhang San", QueryKind.LATIN),
        ("ｚｈａｎｇ", QueryKind.LATIN),
        ("x", QueryKind.LATIN),
        ("610925", QueryKind.DIGITS),
        ("11010519491231002x", QueryKind.DIGITS),
        ("138-1234-5678", QueryKind.DIGITS),
        ("+86 138 1234 5678", QueryKind.DIGITS),
        ("１３８", QueryKind.DIGITS),
        ("张s", QueryKind.MIXED),
        ("zhang3", QueryKind.MIXED),
        ("城关镇1组", QueryKind.MIXED),
        ("", QueryKind.EMPTY),
        ("\u3000 ", QueryKind.EMPTY),
        (None, QueryKind.EMPTY),
    ],
)
def test_classify_query(query: str | None, kind: QueryKind) -> None:
    assert classify_query(query) == kind


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (" Zhang San ", "zhangsan"),
        ("ＺＳ", "zs"),
        ("张 三", "张三"),
        ("11010519491231002x", "11010519491231002X"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        (None, ""),
    ],
)
def test_normalize_query_matches_how_keys_are_stored(query: str | None, expected: str) -> None:
    assert normalize_query(query) == expected


def test_pinyin_query_matches_stored_keys() -> None:
    full, initials = search_keys("单田芳")
    assert full.startswith(normalize_query("Shan Tian"))
    assert initials == normalize_query("STF")
