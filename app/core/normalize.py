"""Normalising messy input from the keyboard, pasted web text and Excel cells.

Clerks type with a Chinese IME (full-width digits, ideographic spaces), paste from web pages (non-breaking and
zero-width spaces) and import spreadsheets (numbers as floats, dates as serials). Everything is normalised here,
once, so that validators, duplicate checks and searches compare like with like. Every function returns ``None``
for empty input so that "not given" is one value everywhere.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

_FULL_WIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E are U+0021..U+007E shifted by this
_IDEOGRAPHIC_SPACE = 0x3000

# Full-width digits and letters only: these are never wanted, they break searches and ID numbers.
_HALF_WIDTH_ALNUM: dict[int, int] = {
    code: code - _FULL_WIDTH_OFFSET
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_HALF_WIDTH_ALNUM[_IDEOGRAPHIC_SPACE] = ord(" ")
# All of printable full-width ASCII, punctuation included ("（" -> "(", "，" -> ",").
_HALF_WIDTH_ALL: dict[int, int] = {code: code - _FULL_WIDTH_OFFSET for code in range(0xFF01, 0xFF5F)}
_HALF_WIDTH_ALL[_IDEOGRAPHIC_SPACE] = ord(" ")

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Control characters no one types (NUL, escape, ...; tab and line breaks are white space, handled below):
# invisible in a form, and PostgreSQL refuses NUL in text outright.
_ZERO_WIDTH.update(dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
_SPACES = re.compile(r"[^\S\n]+")  # any Unicode whitespace (incl. U+3000, U+00A0) except line breaks
_ALL_SPACES = re.compile(r"\s+")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_NAME_DOTS = re.compile(rf"(?<=[{_CJK}])\s*[.．・•‧∙⋅·]\s*(?=[{_CJK}])")
_DASHES = re.compile(r"[-‐‑‒–—―－]")

_MAX_EXACT_FLOAT = 2**53  # beyond this an Excel number has lost its last digits


def to_half_width(text: str, *, punctuation: bool = True) -> str:
    """Turn full-width ASCII into half-width.

    With ``punctuation=False`` only digits, letters and the ideographic space change: Chinese prose rightly
    uses full-width "，（）", and rewriting them would make printed forms look wrong.
    """
    return text.translate(_HALF_WIDTH_ALL if punctuation else _HALF_WIDTH_ALNUM)


def _cell_to_str(value: Any) -> str:
    """Render an Excel cell as text; whole floats lose their ".0" (Excel stores 13812345678 as a float)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def normalize_text(
    value: Any, *, multiline: bool = False, half_width_punctuation: bool = False
) -> str | None:
    """Clean a free-text value: half-width digits/letters, no zero-width junk, single spaces, stripped.

    ``multiline`` keeps line breaks (remarks, case descriptions) but still cleans each line and drops
    runs of blank lines.
    """
    if value is None:
        return None
    text = to_half_width(_cell_to_str(value), punctuation=half_width_punctuation).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    else:
        text = _ALL_SPACES.sub(" ", text).strip()
    return text or None


def strip_controls(text: str) -> str:
    """``text`` without invisible junk (zero-width and control characters): for search boxes."""
    return text.translate(_ZERO_WIDTH)


def normalize_name(value: Any) -> str | None:
    """Clean a person's name: no spaces inside Chinese names, one kind of middle dot ("买买提·艾力")."""
    text = normalize_text(value)
    if text is None:
        return None
    text = _SPACE_BETWEEN_CJK.sub("", text)
    return _NAME_DOTS.sub("·", text)


def normalize_id_number(value: Any) -> str | None:
    """Compact an ID number: half-width, no spaces or dashes, upper-case X; validity is not checked here.

    Raises:
        ValueError: the number came from an Excel number cell and its last digits are already lost.
    """
    if isinstance(value, float) and abs(value) >= _MAX_EXACT_FLOAT:
        raise ValueError("身份证号码被 Excel 存成了数字，末几位已经丢失。请把该列设为“文本”格式后重新填写。")
    text = normalize_text(value, half_width_punctuation=True)
    if text is None:
        return None
    text = _DASHES.sub("", _ALL_SPACES.sub("", text)).lstrip("'")
    return text.upper() or None


def normalize_phone(value: Any) -> str | None:
    """Compact a phone number; mobiles come out as 11 digits without "+86"/"0086"/"86".

    Fixed-line numbers keep one dash between area code and number ("0915-5212345"), the form people read.
    Whether the result is a valid number is for the validators to say.
    """
    text = normalize_text(value, half_width_punctuation=True)
    if text is None:
        return None
    text = _ALL_SPACES.sub("", text)
    international = text.startswith(("+86", "0086"))
    text = text.removeprefix("+").removeprefix("00")
    if international:
        text = text.removeprefix("86")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return digits
    match = re.fullmatch(r"\(?(0?\d{2,3})\)?[-‐–—]?(\d{7,8})((?:[-转#]|ext\.?)\d{1,6})?", text, re.IGNORECASE)
    if match:
        area, number, extension = match.groups()
        if not area.startswith("0"):
            area = "0" + area
        ext = re.sub(r"\D", "", extension) if extension else ""
        return f"{area}-{number}" + (f"-{ext}" if ext else "")
    return _DASHES.sub("-", text)


_EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 = 1900-03-01; Excel pretends 1900 was a leap year
_EXCEL_MAX_SERIAL = 2_958_465  # 9999-12-31
_DATE_PATTERNS = (
    re.compile(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
        r"(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    ),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def _shorten(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def excel_serial_to_date(serial: float) -> date:
    """Convert an Excel (1900 date system) serial number; the time of day is dropped."""
    days = int(serial)
    if days < 1 or days > _EXCEL_MAX_SERIAL:
        raise ValueError(f"数字“{_cell_to_str(serial)}”不是有效的 Excel 日期。")
    if days == 60:
        raise ValueError("Excel 日期序号 60（1900年2月29日）并不存在。")
    if days < 60:
        return _EXCEL_EPOCH + timedelta(days=days + 1)
    return _EXCEL_EPOCH + timedelta(days=days)


def _date_from_parts(year: str, month: str, day: str, original: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"日期“{_shorten(original)}”不存在，请核对年、月、日。") from None


def parse_date(value: Any) -> date | None:
    """Read a date from a cell or a string in any of the forms clerks actually use.

    Accepts ``date``/``datetime`` objects, Excel serials, numbers like 20190305 and strings such as
    "2019.3.5", "2019年3月5日", "2019-03-05", "2019/3/5", "20190305" (a trailing time is ignored).

    Raises:
        ValueError: with a Chinese message when the value is not a date or names a day that does not exist.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError("“是/否”不是日期。")
    if isinstance(value, int | float):
        if float(value).is_integer() and 1000_01_01 <= value <= 9999_12_31:
            digits = str(int(value))
            return _date_from_parts(digits[:4], digits[4:6], digits[6:], digits)
        return excel_serial_to_date(value)
    text = normalize_text(value, half_width_punctuation=True)
    if text is None:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = match.groups()
            return _date_from_parts(year, month, day, text)
    raise ValueError(f"无法识别日期“{_shorten(text)}”，请按“2019-03-05”或“2019年3月5日”的格式填写。")


def format_date_zh(value: date) -> str:
    """The way dates are written in messages and on printed forms: 2019年3月5日."""
    return f"{value.year}年{value.month}月{value.day}日"
