"""The citizen register (群众信息), declared once: list, search, filters, form, export, import and print follow.

Search box semantics (each an index range except where noted, so a million rows answer at once):

* Chinese characters: names that *start with* the text. People are looked up surname first, as on the ID
  card, and a prefix is exact for one and two characters too ("张" finds every 张); an FTS trigram index
  would silently miss those. A given name alone ("三") is not searched: a substring match scans the table.
* Latin letters: full pinyin prefix ("zhangs") or initials prefix ("zs").
* Digits (a trailing X allowed): ID number prefix; phone prefix for up to 11 digits; and for 4 to 10 digits
  also the *end* of the ID number or phone ("1234" = the last four, a scan of two narrow indexes).
* Anything else: name or pinyin prefix.

ID numbers cannot be changed after registration (other records refer to the person by it); gender and
birth date are read from the ID number, and when given (import files often have them) they must agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from app.core.messages import QT_TRANSLATE_NOOP
from app.core.normalize import format_date_zh, normalize_name, normalize_text
from app.core.pinyin import QueryKind, classify_query, normalize_query, search_keys
from app.core.validators import check_id_number, id_number_info, make_id_number
from app.models.citizen import Citizen
from app.models.org import Division
from app.models.permissions import (
    CITIZEN_CREATE,
    CITIZEN_DELETE,
    CITIZEN_EDIT,
    CITIZEN_EXPORT,
    CITIZEN_IMPORT,
    CITIZEN_PRINT,
    CITIZEN_VIEW,
)
from app.services import entity_service
from app.services.context import Actor
from app.services.entity_service import ProgressLike, prefix_match, suffix_match
from app.services.entity_spec import (
    CHOICE,
    DATE,
    ID_NUMBER,
    MULTILINE,
    PHONE,
    EntitySpec,
    Field,
    Filter,
    register,
)

GENDER_CHOICES = (("男", "男"), ("女", "女"))
_GENDER_WORDS = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
}


# --- choices from the division table ----------------------------------------------------------------------


def town_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Division.code, Division.name).where(Division.level == "town").order_by(Division.code)
    )
    return [(code, name) for code, name in rows]


def village_choices(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Division.code, Division.name).where(Division.level == "village").order_by(Division.code)
    )
    return [(code, name) for code, name in rows]


def villages_of(session: Session, town_code: Any) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Division.code, Division.name)
        .where(Division.level == "village", Division.parent_code == town_code)
        .order_by(Division.code)
    )
    return [(code, name) for code, name in rows]


# --- search, filters, derived fields ----------------------------------------------------------------------


def search_citizens(stmt: Select[Any], text: str) -> Select[Any]:
    """The search box in SQL (see the module docstring for what matches)."""
    q = normalize_query(text)
    kind = classify_query(text)
    if kind is QueryKind.EMPTY:
        return stmt
    if kind is QueryKind.CHINESE:
        return stmt.where(prefix_match(Citizen.name, q))
    if kind is QueryKind.LATIN:
        return stmt.where(or_(prefix_match(Citizen.name_pinyin, q), prefix_match(Citizen.name_initials, q)))
    if kind is QueryKind.DIGITS:
        conds: list[ColumnElement[bool]] = [prefix_match(Citizen.id_number, q)]
        if len(q) <= 11 and not q.endswith("X"):
            conds.append(prefix_match(Citizen.phone, q))
        if 4 <= len(q) <= 10:
            conds.append(suffix_match(Citizen.id_number, q))
            if not q.endswith("X"):
                conds.append(suffix_match(Citizen.phone, q))
        return stmt.where(or_(*conds))
    return stmt.where(or_(prefix_match(Citizen.name, q), prefix_match(Citizen.name_pinyin, q)))


def _filter_gender(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(Citizen.gender == value)


def _filter_town(stmt: Select[Any], value: Any) -> Select[Any]:
    return stmt.where(Citizen.town_code == value)


def _filter_birth(stmt: Select[Any], value: Any) -> Select[Any]:
    """``value`` is (from, to), both inclusive, either may be None."""
    start, end = value
    if start is not None:
        stmt = stmt.where(Citizen.birth_date >= start)
    if end is not None:
        stmt = stmt.where(Citizen.birth_date <= end)
    return stmt


def _normalize_gender(raw: Any) -> str | None:
    text = normalize_text(raw)
    if text is None:
        return None
    return _GENDER_WORDS.get(text.lower(), text)


def _prepare(session: Session, values: dict[str, Any]) -> None:
    """Stored search keys and the fields the ID number decides."""
    values["name_pinyin"], values["name_initials"] = search_keys(values.get("name") or "")
    number = values.get("id_number")
    if number and check_id_number(number) is None:
        info = id_number_info(number)
        values["gender"] = info.gender
        values["birth_date"] = info.birth_date


def _check(session: Session, values: dict[str, Any]) -> dict[str, str]:
    """Gender and birth date, when given, must be what the ID number says."""
    number = values.get("id_number")
    if not number or check_id_number(number) is not None:
        return {}
    info = id_number_info(number)
    errors: dict[str, str] = {}
    gender = values.get("gender")
    if gender and gender != info.gender:
        errors["gender"] = f"性别与身份证号不符（身份证号显示为{info.gender}）"
    birth = values.get("birth_date")
    if isinstance(birth, date) and birth != info.birth_date:
        errors["birth_date"] = f"出生日期与身份证号不符（身份证号显示为{format_date_zh(info.birth_date)}）"
    return errors


CITIZEN_SPEC = register(
    EntitySpec(
        key="citizen",
        title=QT_TRANSLATE_NOOP("entity", "群众信息"),
        model=Citizen,
        fields=(
            Field(
                "id_number",
                QT_TRANSLATE_NOOP("entity", "身份证号"),
                ID_NUMBER,
                required=True,
                editable=False,
                sortable=True,
                width=170,
                import_aliases=("身份证号码", "公民身份号码", "身份证", "证件号码"),
                placeholder="18位，末位可为X",
                example=make_id_number("610925", date(1990, 1, 1), 123),
            ),
            Field(
                "name",
                QT_TRANSLATE_NOOP("entity", "姓名"),
                required=True,
                max_length=32,
                sortable=True,
                width=90,
                normalizer=normalize_name,
                import_aliases=("名字",),
                example="张三",
            ),
            Field(
                "gender",
                QT_TRANSLATE_NOOP("entity", "性别"),
                CHOICE,
                choices=GENDER_CHOICES,
                in_form=False,
                width=50,
                normalizer=_normalize_gender,
                placeholder="由身份证号得出",
            ),
            Field(
                "birth_date",
                QT_TRANSLATE_NOOP("entity", "出生日期"),
                DATE,
                in_form=False,
                sortable=True,
                width=100,
                import_aliases=("出生年月日", "生日"),
                placeholder="由身份证号得出",
            ),
            Field(
                "phone",
                QT_TRANSLATE_NOOP("entity", "手机号"),
                PHONE,
                sortable=True,
                width=120,
                import_aliases=("手机", "手机号码", "联系电话", "电话"),
                example="13812345678",
            ),
            Field(
                "town_code",
                QT_TRANSLATE_NOOP("entity", "乡镇"),
                CHOICE,
                choices=town_choices,
                sortable=True,
                width=110,
                import_aliases=("乡镇（街道）", "乡镇街道", "乡镇/街道", "镇", "街道"),
            ),
            Field(
                "village_code",
                QT_TRANSLATE_NOOP("entity", "村（社区）"),
                CHOICE,
                choices=village_choices,
                depends_on="town_code",
                choices_for=villages_of,
                width=120,
                import_aliases=("村", "社区", "村社区", "村/社区", "村（居）委会", "村委会"),
            ),
            Field(
                "address",
                QT_TRANSLATE_NOOP("entity", "住址"),
                max_length=200,
                width=240,
                import_aliases=("地址", "家庭住址", "现住址", "居住地址"),
                example="城关镇东街12号",
            ),
            Field(
                "notes", QT_TRANSLATE_NOOP("entity", "备注"), MULTILINE, width=200, import_aliases=("说明",)
            ),
        ),
        permissions={
            "view": CITIZEN_VIEW,
            "create": CITIZEN_CREATE,
            "edit": CITIZEN_EDIT,
            "delete": CITIZEN_DELETE,
            "export": CITIZEN_EXPORT,
            "import": CITIZEN_IMPORT,
            "print": CITIZEN_PRINT,
        },
        label_field="name",
        default_sort=("id", True),
        search=search_citizens,
        search_hint=QT_TRANSLATE_NOOP("entity", "姓名、拼音、首字母、身份证号或手机号"),
        filters=(
            Filter("gender", QT_TRANSLATE_NOOP("entity", "性别"), "choice", _filter_gender, GENDER_CHOICES),
            Filter("town_code", QT_TRANSLATE_NOOP("entity", "乡镇"), "choice", _filter_town, town_choices),
            Filter("birth_date", QT_TRANSLATE_NOOP("entity", "出生日期"), "date_range", _filter_birth),
        ),
        prepare=_prepare,
        unique_fields=("id_number",),
        natural_key="id_number",
        check=_check,
    )
)


# --- bulk loading (demo data, imports) --------------------------------------------------------------------


def with_search_keys(rows: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows with ``name_pinyin``/``name_initials`` (and gender/birth date from the ID number) filled in."""
    for row in rows:
        out = dict(row)
        if "name_pinyin" not in out or "name_initials" not in out:
            out["name_pinyin"], out["name_initials"] = search_keys(out.get("name") or "")
        number = out.get("id_number") or ""
        if "gender" not in out and len(number) == 18:
            out["gender"] = "男" if int(number[16]) % 2 else "女"
        if "birth_date" not in out and len(number) == 18:
            out["birth_date"] = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        yield out


def bulk_insert_citizens(
    session: Session,
    rows: Iterable[Mapping[str, Any]],
    *,
    actor: Actor | None = None,
    chunk_size: int = entity_service.BULK_CHUNK,
    progress: ProgressLike | None = None,
    total: int | None = None,
) -> int:
    """Insert already validated citizens with Core ``executemany`` in chunks; returns the count.

    Pinyin keys are computed for rows that lack them. The caller's transaction holds every chunk, so a
    failure leaves nothing behind; the change feed is told through ``mark_changed``.
    """
    return entity_service.bulk_insert(
        session,
        Citizen,
        with_search_keys(rows),
        actor=actor,
        chunk_size=chunk_size,
        progress=progress,
        total=total,
    )
