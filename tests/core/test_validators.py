"""ID number, phone and generic validators: properties over generated ID numbers plus the messages clerks see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import ValidationError
from app.core.validators import (
    MSG_ID_CHECKSUM,
    check_date_range,
    check_id_number,
    check_landline,
    check_length,
    check_mobile,
    check_not_future,
    check_phone,
    check_required,
    id_check_char,
    id_number_birth_date,
    id_number_gender,
    make_id_number,
    raise_if_errors,
    validate_id_number,
    validate_mobile,
    validate_phone,
)

AREA_CODES = [
    "610925",
    "610902",
    "610921",
    "110101",
    "310115",
    "440305",
    "510107",
    "650102",
    "230103",
    "460105",
]
GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

area_codes = st.sampled_from(AREA_CODES)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
sequences = st.integers(min_value=0, max_value=999)
valid_ids = st.builds(make_id_number, area_codes, birth_dates, sequences)


def reference_check_char(body: str) -> str:
    """GB 11643-1999 check character computed straight from the standard's weight table (independent oracle)."""
    total = sum(int(digit) * weight for digit, weight in zip(body, GB11643_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


@given(valid_ids)
def test_every_generated_id_number_is_accepted(number: str) -> None:
    assert check_id_number(number) is None
    assert validate_id_number(number) == number


@given(area_codes, birth_dates, sequences)
def test_generated_check_char_matches_the_standard(area: str, birth: date, seq: int) -> None:
    number = make_id_number(area, birth, seq)
    assert len(number) == 18
    assert number[-1] == reference_check_char(number[:17])
    assert number[6:14] == f"{birth:%Y%m%d}"
    assert id_number_birth_date(number) == birth
    assert id_number_gender(number) == ("男" if seq % 2 else "女")


@given(valid_ids, st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_refused(number: str, position: int, shift: int) -> None:
    changed_digit = str((int(number[position]) + shift) % 10)
    altered = number[:position] + changed_digit + number[position + 1 :]
    assert altered != number
    message = check_id_number(altered)
    assert message is not None
    if position >= 14:  # order code: nothing but the check character can notice
        assert message == MSG_ID_CHECKSUM
    with pytest.raises(ValidationError):
        validate_id_number(altered)


@given(valid_ids, st.sampled_from("0123456789X"))
def test_any_other_check_char_is_refused(number: str, check: str) -> None:
    altered = number[:-1] + check
    if altered == number:
        assert check_id_number(altered) is None
    else:
        assert check_id_number(altered) == MSG_ID_CHECKSUM


def test_known_real_format_number_with_x_check_char() -> None:
    number = make_id_number("110101", date(1990, 3, 7), 1)
    assert id_check_char(number[:17]) == reference_check_char(number[:17])
    assert id_check_char("11010519491231002") == "X"  # the example printed in GB 11643-1999
    assert check_id_number("11010519491231002X") is None


def test_lowercase_x_accepted_after_normalisation() -> None:
    assert validate_id_number(" 11010519491231002x ") == "11010519491231002X"
    assert validate_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("61092519900101001", "身份证号码应为18位，当前为17位"),
        ("610925900101001", "这是15位的旧身份证号码，请填写18位的新号码"),
        ("6109251990O101001X", "身份证号码第11位“O”不是数字"),
        ("61092519900101001Y", "身份证号码最后一位只能是数字或X，当前为“Y”"),
        ("000925199001010018", "身份证号码前两位“00”不是有效的省级行政区划代码"),
        ("610925199002300018", "身份证号码中的出生日期“19900230”不存在"),
        ("610925189912310018", "身份证号码中的出生日期（1899年12月31日）早于1900年"),
        ("610925199001010010", MSG_ID_CHECKSUM),
    ],
)
def test_id_number_messages_name_the_problem(number: str, expected: str) -> None:
    assert check_id_number(number) == expected


def test_birth_date_in_future_is_refused() -> None:
    today = date(2024, 6, 1)
    tomorrow = make_id_number("610925", today + timedelta(days=1), 12)
    assert check_id_number(tomorrow, today=today) == "身份证号码中的出生日期（2024年6月2日）晚于今天"
    assert check_id_number(make_id_number("610925", today, 12), today=today) is None


def test_validate_id_number_reports_field_and_requiredness() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number("610925199001010010", field="sfzh")
    assert caught.value.field_errors == {"sfzh": MSG_ID_CHECKSUM}
    with pytest.raises(ValidationError) as caught:
        validate_id_number("   ")
    assert caught.value.field_errors == {"id_number": "请填写身份证号码"}
    assert validate_id_number(None, required=False) is None


def test_id_number_from_excel_float_is_refused_with_explanation() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(6.10925199001010e17)
    assert "文本" in caught.value.field_errors["id_number"]


def test_make_id_number_rejects_bad_parts() -> None:
    with pytest.raises(ValueError):
        make_id_number("61092", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id_number("610925", date(1990, 1, 1), 1000)


@pytest.mark.parametrize("number", ["13812345678", "19912345678", "15000000000"])
def test_valid_mobiles(number: str) -> None:
    assert check_mobile(number) is None
    assert check_phone(number) is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1381234567", "手机号码应为11位，当前为10位"),
        ("12812345678", "手机号码应以13至19开头"),
        ("23812345678", "手机号码应以13至19开头"),
        ("1381234567a", "手机号码只能包含数字"),
    ],
)
def test_invalid_mobiles(number: str, expected: str) -> None:
    assert check_mobile(number) == expected
    assert check_phone(number) is not None


def test_landline_and_phone() -> None:
    assert check_landline("0915-5212345") is None
    assert check_landline("010-12345678-801") is None
    assert check_landline("5212345") is not None
    assert check_landline(None) is None  # optional field: empty is fine
    assert check_phone("0915-5212345") is None
    assert check_phone("12345") is not None


def test_validate_phone_normalises_first() -> None:
    assert validate_mobile("+86 138-1234-5678") == "13812345678"
    assert validate_phone("(0915) 521 2345") == "0915-5212345"
    assert validate_mobile("") is None
    with pytest.raises(ValidationError) as caught:
        validate_mobile("", required=True, field="mobile")
    assert caught.value.field_errors == {"mobile": "请填写手机号码"}
    with pytest.raises(ValidationError):
        validate_mobile("138-1234-567")


def test_generic_checks() -> None:
    assert check_required("  ", "姓名") == "请填写姓名"
    assert check_required(None, "姓名") == "请填写姓名"
    assert check_required("张三", "姓名") is None
    assert check_required(0, "人数") is None
    assert check_length("张", label="姓名", min_len=2) == "姓名至少需要2个字，当前只有1个"
    assert check_length("张三丰", label="姓名", max_len=2) == "姓名不能超过2个字，当前有3个"
    assert check_length("张三", label="姓名", min_len=2, max_len=2) is None
    assert check_length(None, min_len=2) is None


def test_date_checks() -> None:
    earliest, latest = date(2020, 1, 1), date(2020, 12, 31)
    assert check_date_range(date(2019, 12, 31), label="发案日期", earliest=earliest) == (
        "发案日期不能早于2020年1月1日"
    )
    assert check_date_range(date(2021, 1, 1), latest=latest) == "日期不能晚于2020年12月31日"
    assert check_date_range(earliest, earliest=earliest, latest=latest) is None
    assert check_date_range(latest, earliest=earliest, latest=latest) is None
    today = date(2024, 6, 1)
    assert check_not_future(date(2024, 6, 2), label="登记日期", today=today) == "登记日期不能晚于今天"
    assert check_not_future(today, today=today) is None


def test_raise_if_errors_collects_only_real_messages() -> None:
    raise_if_errors({"name": None, "phone": ""})
    with pytest.raises(ValidationError) as caught:
        raise_if_errors({"name": "请填写姓名", "phone": None, "id_number": MSG_ID_CHECKSUM})
    assert caught.value.field_errors == {"name": "请填写姓名", "id_number": MSG_ID_CHECKSUM}
    assert str(caught.value) == f"请填写姓名；{MSG_ID_CHECKSUM}"
