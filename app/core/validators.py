"""Field validators: each takes an already-normalised value and returns a Chinese message, or ``None`` if fine.

Returning the message instead of raising lets a form show every problem at once; :func:`raise_if_errors`
turns the collected messages into one :class:`~app.core.errors.ValidationError` for services. Format
validators pass empty values (``None``/``""``): whether a field is required is :func:`check_required`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from stdnum.cn import ric

from app.core.errors import ValidationError
from app.core.normalize import format_date_zh, normalize_id_number, normalize_phone

Gender = Literal["男", "女"]

ID_NUMBER_LENGTH = 18
EARLIEST_BIRTH = date(1900, 1, 1)
MSG_ID_CHECKSUM = "校验码不正确，请核对身份证号码"

# GB/T 2260 province-level codes; 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan
# residents. A leading 9 is the 2023 foreigner's permanent residence card, which uses the same check.
_PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"}
    | {"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
    | {"71", "81", "82", "83"}
)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?[1-9]\d{6,7}(?:-\d{1,6})?")


# --- resident ID numbers (GB 11643-1999) -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    """What an ID number itself says about its holder."""

    area_code: str
    birth_date: date
    gender: Gender


def id_check_char(body: str) -> str:
    """The check character (0-9 or X) for the first 17 digits of an ID number."""
    if len(body) != ID_NUMBER_LENGTH - 1 or not body.isascii() or not body.isdigit():
        raise ValueError("身份证号码本体应为17位数字。")
    return str(ric.calc_check_digit(body + "0"))  # stdnum expects the check position present and ignores it


def make_id_number(area_code: str, birth: date, seq: int) -> str:
    """Build a valid ID number; demo data and tests need numbers whose check character is right.

    ``seq`` is the 3-digit order code: odd for men, even for women.
    """
    if len(area_code) != 6 or not area_code.isdigit():
        raise ValueError("行政区划代码应为6位数字。")
    if not 0 <= seq <= 999:
        raise ValueError("顺序码应在 0 到 999 之间。")
    body = f"{area_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return body + id_check_char(body)


def _birth_date_of(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check_id_number(value: str | None, *, today: date | None = None) -> str | None:
    """Check a normalised ID number, naming the first problem found in a way a clerk can act on."""
    if not value:
        return None
    if len(value) != ID_NUMBER_LENGTH:
        if len(value) == 15 and value.isdigit():
            return "这是15位的旧身份证号码，请填写18位的新号码"
        return f"身份证号码应为18位，当前为{len(value)}位"
    for position, char in enumerate(value[:-1], start=1):
        if not ("0" <= char <= "9"):
            return f"身份证号码第{position}位“{char}”不是数字"
    if not ("0" <= value[-1] <= "9" or value[-1] == "X"):
        return f"身份证号码最后一位只能是数字或X，当前为“{value[-1]}”"
    if value[0] != "9" and value[:2] not in _PROVINCE_CODES:
        return f"身份证号码前两位“{value[:2]}”不是有效的省级行政区划代码"
    birth = _birth_date_of(value)
    if birth is None:
        return f"身份证号码中的出生日期“{value[6:14]}”不存在"
    if birth > (today or date.today()):
        return f"身份证号码中的出生日期（{format_date_zh(birth)}）晚于今天"
    if birth < EARLIEST_BIRTH:
        return f"身份证号码中的出生日期（{format_date_zh(birth)}）早于1900年"
    if value[-1] != id_check_char(value[:-1]):
        return MSG_ID_CHECKSUM
    return None


def id_number_info(value: str) -> IdNumberInfo:
    """Area, birth date and gender read from a valid, normalised ID number.

    Raises:
        ValueError: the number is not valid (the Chinese reason is the message).
    """
    message = check_id_number(value) if value else "请填写身份证号码"
    if message is not None:
        raise ValueError(message)
    birth = _birth_date_of(value)
    assert birth is not None  # checked above
    gender: Gender = "男" if int(value[16]) % 2 else "女"
    return IdNumberInfo(area_code=value[:6], birth_date=birth, gender=gender)


def id_number_birth_date(value: str) -> date:
    """Birth date encoded in a valid ID number (raises ValueError otherwise)."""
    return id_number_info(value).birth_date


def id_number_gender(value: str) -> Gender:
    """Gender encoded in a valid ID number: odd order code 男, even 女 (raises ValueError otherwise)."""
    return id_number_info(value).gender


# --- phones -----------------------------------------------------------------------------------------------


def check_mobile(value: str | None) -> str | None:
    """A mainland mobile number: 11 digits starting 13-19."""
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        return "手机号码只能包含数字"
    if len(value) != 11:
        return f"手机号码应为11位，当前为{len(value)}位"
    if not _MOBILE.fullmatch(value):
        return "手机号码应以13至19开头"
    return None


def check_landline(value: str | None) -> str | None:
    """A fixed-line number with area code, e.g. 0915-5212345, optionally with an extension."""
    if not value:
        return None
    if not _LANDLINE.fullmatch(value):
        return "固定电话应为“区号-号码”，如 0915-5212345"
    return None


def check_phone(value: str | None) -> str | None:
    """Either a mobile or a fixed-line number: contact fields accept both."""
    if not value:
        return None
    if _MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value):
        return None
    if value.startswith("1"):
        return check_mobile(value)
    return "电话号码格式不正确，请填写11位手机号码或“区号-号码”形式的固定电话"


# --- generic checks ---------------------------------------------------------------------------------------


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_required(value: Any, label: str = "此项") -> str | None:
    """Something must be given; whitespace alone does not count."""
    return f"请填写{label}" if _is_empty(value) else None


def check_length(
    value: str | None, *, label: str = "此项", min_len: int | None = None, max_len: int | None = None
) -> str | None:
    """Length in characters (a Chinese character counts as one, as users count them)."""
    if not value:
        return None
    length = len(value)
    if min_len is not None and length < min_len:
        return f"{label}至少需要{min_len}个字，当前只有{length}个"
    if max_len is not None and length > max_len:
        return f"{label}不能超过{max_len}个字，当前有{length}个"
    return None


def check_date_range(
    value: date | None, *, label: str = "日期", earliest: date | None = None, latest: date | None = None
) -> str | None:
    """The date lies within [earliest, latest], both inclusive."""
    if value is None:
        return None
    if earliest is not None and value < earliest:
        return f"{label}不能早于{format_date_zh(earliest)}"
    if latest is not None and value > latest:
        return f"{label}不能晚于{format_date_zh(latest)}"
    return None


def check_not_future(value: date | None, *, label: str = "日期", today: date | None = None) -> str | None:
    """Events that already happened (births, registrations) cannot be dated tomorrow."""
    if value is None:
        return None
    if value > (today or date.today()):
        return f"{label}不能晚于今天"
    return None


# --- raising helpers for services -------------------------------------------------------------------------


def raise_if_errors(errors: Mapping[str, str | None]) -> None:
    """Raise one ValidationError carrying every non-empty message, keyed by field name."""
    field_errors = {field: message for field, message in errors.items() if message}
    if field_errors:
        raise ValidationError(field_errors)


def validate_id_number(
    raw: Any, *, field: str = "id_number", required: bool = True, today: date | None = None
) -> str | None:
    """Normalise then check raw input; returns the normalised number or raises ValidationError."""
    try:
        number = normalize_id_number(raw)
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from exc
    if number is None:
        raise_if_errors({field: check_required(None, "身份证号码") if required else None})
        return None
    raise_if_errors({field: check_id_number(number, today=today)})
    return number


def validate_mobile(raw: Any, *, field: str = "phone", required: bool = False) -> str | None:
    """Normalise then check a mobile number; returns 11 digits (or None) or raises ValidationError."""
    number = normalize_phone(raw)
    if number is None:
        raise_if_errors({field: check_required(None, "手机号码") if required else None})
        return None
    raise_if_errors({field: check_mobile(number)})
    return number


def validate_phone(raw: Any, *, field: str = "phone", required: bool = False) -> str | None:
    """Normalise then check a mobile or fixed-line number; returns it or raises ValidationError."""
    number = normalize_phone(raw)
    if number is None:
        raise_if_errors({field: check_required(None, "联系电话") if required else None})
        return None
    raise_if_errors({field: check_phone(number)})
    return number
