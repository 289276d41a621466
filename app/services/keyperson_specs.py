"""The key-person register and its categories, declared once: list, search, filters, form, export, import.

Two declarations of the register: :data:`KEY_PERSON_SPEC` for the list and the form, and
:data:`KEY_PERSON_IMPORT_SPEC` for Excel imports, whose ``prepare`` also fills in each new row's first score,
level and visit schedule (the shared import inserts rows in bulk, and a person must never enter the register
without them). Masking of ID numbers and phones in lists and exports comes with the field kinds.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.core.normalize import format_date_zh
from app.core.pinyin import QueryKind, classify_query, normalize_query, search_keys
from app.core.validators import check_id_number, id_number_info, make_id_number
from app.models.keyperson_permissions import (
    KP_CREATE,
    KP_EDIT,
    KP_EXPORT,
    KP_IMPORT,
    KP_PRINT,
    KP_RULES,
    KP_VIEW,
    LEVEL_NAMES,
    LEVEL_NONE,
    STATUS_ACTIVE,
    STATUS_NAMES,
    SUPERVISED,
)
from app.models.keyperson_person import KeyPerson, KpCategory
from app.services.citizens import (
    _normalize_gender,
    town_choices,
    village_choices,
    villages_of,
)
from app.services.entity_service import prefix_match, suffix_match
from app.services.entity_spec import (
    BOOL,
    CHOICE,
    DATE,
    ID_NUMBER,
    INT,
    MULTILINE,
    PHONE,
    EntitySpec,
    Field,
    Filter,
    register,
)
from app.services.keyperson_choices import (
    GRADE_CHOICES,
    KEEPER_FLAG_CHOICES,
    LEVEL_CHOICES,
    STATUS_CHOICES,
    category_choices,
    default_station,
    officer_choices,
    station_choices,
    supervisor_choices,
)
from app.services.keyperson_common import local_today

PERSON_PERMISSIONS = {
    "view": KP_VIEW,
    "create": KP_CREATE,
    "edit": KP_EDIT,
    "export": KP_EXPORT,
    "import": KP_IMPORT,
    "print": KP_PRINT,
}


def _search(stmt: Select[Any], text: str) -> Select[Any]:
    """As the citizen register searches: surname-first name prefix, pinyin or initials prefix, ID number
    prefix (or its last 4-10 characters), phone prefix or ending; each an index range except the endings."""
    q = normalize_query(text)
    kind = classify_query(text)
    if kind is QueryKind.EMPTY:
        return stmt
    if kind is QueryKind.CHINESE:
        return stmt.where(prefix_match(KeyPerson.name, q))
    if kind is QueryKind.LATIN:
        return stmt.where(
            or_(prefix_match(KeyPerson.name_pinyin, q), prefix_match(KeyPerson.name_initials, q))
        )
    if kind is QueryKind.DIGITS:
        conds: list[Any] = [prefix_match(KeyPerson.id_number, q)]
        if len(q) <= 11 and not q.endswith("X"):
            conds.append(prefix_match(KeyPerson.phone, q))
        if 4 <= len(q) <= 10:
            conds.append(suffix_match(KeyPerson.id_number, q))
            if not q.endswith("X"):
                conds.append(suffix_match(KeyPerson.phone, q))
        return stmt.where(or_(*conds))
    return stmt.where(or_(prefix_match(KeyPerson.name, q), prefix_match(KeyPerson.name_pinyin, q)))


def _eq(column: Any) -> Any:
    return lambda stmt, value: stmt.where(column == value)


def _incomplete(stmt: Select[Any], _value: Any) -> Select[Any]:
    return stmt.where(KeyPerson.keepers_missing > 0, KeyPerson.status.in_(SUPERVISED))


def _overdue(stmt: Select[Any], _value: Any) -> Select[Any]:
    return stmt.where(KeyPerson.next_visit_due < local_today(), KeyPerson.status.in_(SUPERVISED))


def _prepare(session: Session, values: dict[str, Any]) -> None:
    values["name_pinyin"], values["name_initials"] = search_keys(values.get("name") or "")
    number = values.get("id_number")
    if number and check_id_number(number) is None:
        info = id_number_info(number)
        values["gender"] = info.gender
        values["birth_date"] = info.birth_date
    if not values.get("registered_on"):
        values["registered_on"] = local_today()
    if not values.get("station_id"):
        values["station_id"] = default_station(session, values.get("officer_id"), values.get("town_code"))


def _check(session: Session, values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    number = values.get("id_number")
    if number and check_id_number(number) is None:
        info = id_number_info(number)
        gender = values.get("gender")
        if gender and gender != info.gender:
            errors["gender"] = f"性别与身份证号不符（身份证号显示为{info.gender}）"
        birth = values.get("birth_date")
        if isinstance(birth, date) and birth != info.birth_date:
            errors["birth_date"] = (
                f"出生日期与身份证号不符（身份证号显示为{format_date_zh(info.birth_date)}）"
            )
    code = values.get("category_code")
    category = None
    if code:
        category = session.execute(select(KpCategory).where(KpCategory.code == code)).scalar_one_or_none()
    grade = values.get("mental_grade")
    if category is not None and category.uses_mental_grade and grade is None:
        errors["mental_grade"] = "严重精神障碍患者须填写危险性评估等级（0-5级）"
    if category is not None and not category.uses_mental_grade and grade is not None:
        errors["mental_grade"] = f"“{category.name}”不使用危险性评估等级，请留空"
    if grade is not None and not 0 <= int(grade) <= 5:
        errors["mental_grade"] = "危险性评估等级应为 0 至 5 级"
    registered = values.get("registered_on")
    if isinstance(registered, date) and registered > local_today():
        errors["registered_on"] = "列管日期不能晚于今天"
    return errors


def _fields() -> tuple[Field, ...]:
    return (
        Field(
            "id_number",
            "身份证号",
            ID_NUMBER,
            required=True,
            editable=False,
            sortable=True,
            width=170,
            import_aliases=("身份证号码", "公民身份号码", "身份证", "证件号码"),
            placeholder="18位，末位可为X",
            example=make_id_number("610925", date(1985, 6, 1), 135),
        ),
        Field("name", "姓名", required=True, max_length=32, sortable=True, width=80, example="王某"),
        Field(
            "gender",
            "性别",
            CHOICE,
            choices=(("男", "男"), ("女", "女")),
            in_form=False,
            width=44,
            normalizer=_normalize_gender,
        ),
        Field("birth_date", "出生日期", DATE, in_form=False, in_list=False, import_aliases=("出生年月日",)),
        Field(
            "aliases", "别名绰号", max_length=200, in_list=False, import_aliases=("别名", "绰号", "曾用名")
        ),
        Field("phone", "手机号", PHONE, width=110, import_aliases=("手机", "联系电话", "电话", "手机号码")),
        Field(
            "category_code",
            "人员类别",
            CHOICE,
            required=True,
            choices=category_choices,
            width=150,
            import_aliases=("类别", "人员类型", "管控类别"),
            example="刑满释放人员（刑释解教）",
        ),
        Field(
            "mental_grade",
            "危险性评估",
            CHOICE,
            choices=GRADE_CHOICES,
            width=70,
            in_list=False,
            import_aliases=("危险性评估等级", "风险等级（精神）", "评估等级"),
            placeholder="仅严重精神障碍患者填写 0-5 级",
        ),
        Field(
            "level",
            "预警等级",
            CHOICE,
            choices=LEVEL_CHOICES,
            in_form=False,
            sortable=True,
            width=90,
            default=LEVEL_NONE,
        ),
        Field("score", "风险积分", INT, in_form=False, sortable=True, width=66, default=0),
        Field(
            "status",
            "管控状态",
            CHOICE,
            choices=STATUS_CHOICES,
            in_form=False,
            width=66,
            default=STATUS_ACTIVE,
        ),
        Field(
            "keepers_missing",
            "一人四管",
            CHOICE,
            choices=KEEPER_FLAG_CHOICES,
            in_form=False,
            width=72,
            sortable=True,
            default=0,
        ),
        Field("next_visit_due", "下次走访", DATE, in_form=False, sortable=True, width=92),
        Field(
            "town_code",
            "乡镇",
            CHOICE,
            choices=town_choices,
            required=True,
            width=80,
            import_aliases=("乡镇（街道）", "乡镇街道", "镇", "所属乡镇"),
        ),
        Field(
            "village_code",
            "村（社区）",
            CHOICE,
            choices=village_choices,
            depends_on="town_code",
            choices_for=villages_of,
            width=110,
            import_aliases=("村", "社区", "村社区", "村/社区", "所属村（社区）"),
        ),
        Field(
            "address", "现住址", max_length=200, width=200, import_aliases=("住址", "现居住地", "居住地址")
        ),
        Field(
            "household_address",
            "户籍地址",
            max_length=200,
            in_list=False,
            import_aliases=("户籍地", "户籍所在地"),
        ),
        Field(
            "station_id",
            "责任派出所",
            CHOICE,
            choices=station_choices,
            width=96,
            import_aliases=("派出所", "管辖派出所"),
            placeholder="默认责任民警所在派出所",
        ),
        Field(
            "officer_id",
            "责任民警",
            CHOICE,
            choices=officer_choices,
            width=70,
            import_aliases=("社区民警", "管控民警", "责任人"),
        ),
        Field("supervisor_id", "责任领导", CHOICE, choices=supervisor_choices, in_list=False),
        Field(
            "registered_on",
            "列管日期",
            DATE,
            in_list=False,
            import_aliases=("列管时间", "纳入管控日期"),
            placeholder="默认今天",
        ),
        Field("notes", "备注", MULTILINE, in_list=False, import_aliases=("说明", "简要情况")),
    )


FILTERS = (
    Filter("category_code", "类别", "choice", _eq(KeyPerson.category_code), category_choices),
    Filter("level", "预警", "choice", _eq(KeyPerson.level), LEVEL_CHOICES),
    Filter("town_code", "乡镇", "choice", _eq(KeyPerson.town_code), town_choices),
    Filter("station_id", "派出所", "choice", _eq(KeyPerson.station_id), station_choices),
    Filter("status", "状态", "choice", _eq(KeyPerson.status), STATUS_CHOICES),
    Filter("keepers_incomplete", "四管不全", "bool", _incomplete),
    Filter("overdue", "走访逾期", "bool", _overdue),
)


def _spec(key: str, title: str, *, for_import: bool) -> EntitySpec:
    return EntitySpec(
        key=key,
        title=title,
        model=KeyPerson,
        fields=_fields(),
        permissions=PERSON_PERMISSIONS,
        label_field="name",
        default_sort=("id", True),
        search=_search,
        search_hint="姓名、拼音、首字母、身份证号或手机号",
        filters=FILTERS,
        prepare=_prepare_import if for_import else _prepare,
        unique_fields=("id_number",),
        natural_key="id_number",
        check=_check,
    )


def _prepare_import(session: Session, values: dict[str, Any]) -> None:
    """Derived keys plus the first score, level and visit schedule of a new row (see module docstring)."""
    from app.services.keyperson_config import load
    from app.services.keyperson_scoring import category_fact, initial_rows

    _prepare(session, values)
    cache = session.info.setdefault("kp_import_cache", {})
    rules = cache.get("rules") or cache.setdefault("rules", load(session))
    code = values["category_code"]
    facts = cache.setdefault("categories", {})
    if code not in facts:
        facts[code] = category_fact(session, code)
    row = next(iter(initial_rows(rules, facts, [values], local_today())))
    values.update(row)
    values["keepers_missing"] = rules.required_keepers  # a new row has no keepers yet


KEY_PERSON_SPEC = register(_spec("key_person", "重点人员", for_import=False))
KEY_PERSON_IMPORT_SPEC = register(_spec("key_person_import", "重点人员", for_import=True))

CATEGORY_SPEC = register(
    EntitySpec(
        key="kp_category",
        title="重点人员类别",
        model=KpCategory,
        fields=(
            Field("code", "代码", required=True, max_length=32, editable=False, width=90),
            Field("name", "类别名称", required=True, max_length=64, width=200),
            Field("base_points", "基础积分", INT, required=True, default=10, width=70),
            Field("uses_mental_grade", "使用0-5级危险性评估", BOOL, default=False, width=130),
            Field("active", "启用", BOOL, default=True, width=50),
            Field("builtin", "内置", BOOL, in_form=False, width=50),
            Field("sort_order", "排序", INT, default=100, width=50),
            Field("description", "说明", max_length=200, width=240),
        ),
        permissions={"view": KP_VIEW, "create": KP_RULES, "edit": KP_RULES, "export": KP_EXPORT},
        label_field="name",
        default_sort=("id", False),
        unique_fields=("code", "name"),
    )
)

__all__ = ["CATEGORY_SPEC", "KEY_PERSON_IMPORT_SPEC", "KEY_PERSON_SPEC", "LEVEL_NAMES", "STATUS_NAMES"]
