"""The generic entity service on the citizen register: audited saves, validation, optimistic locking,
permissions, masking, and keyset paging that agrees with the plain answer."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.core.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.core.validators import make_id_number
from app.models.audit import AuditRecord
from app.models.citizen import Citizen
from app.models.db import Database
from app.models.org import Division
from app.services import entity_service as es
from app.services.citizens import CITIZEN_SPEC, bulk_insert_citizens
from app.services.context import SYSTEM, Actor
from app.services.entity_spec import Query

SPEC = CITIZEN_SPEC
ZHANG = make_id_number("610925", date(1990, 3, 5), 11)  # 男
LI = make_id_number("610925", date(1985, 12, 1), 22)  # 女


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(Citizen)).scalar_one())


def _audits(db: Database, action: str | None = None) -> list[AuditRecord]:
    with db.session() as s:
        stmt = select(AuditRecord).order_by(AuditRecord.id)
        if action:
            stmt = stmt.where(AuditRecord.action == action)
        return list(s.execute(stmt).scalars())


def _create(db: Database, actor: Actor, **values: Any) -> es.Saved:
    data = {"id_number": ZHANG, "name": "张三", "phone": "13812345678", **values}
    with db.session() as s:
        return es.create(s, actor, SPEC, data)


# --- saves and their audit trail ------------------------------------------------------------------------


def test_create_update_delete_each_leave_an_audit_record_with_true_values(
    db: Database, supervisor: Actor
) -> None:
    saved = _create(db, supervisor, name=" 张  三 ", phone="138-1234-5678")
    assert saved.created and saved.tables == frozenset({"citizen"})
    assert saved.row.values["name"] == "张三"
    assert saved.row.values["gender"] == "男" and saved.row.values["birth_date"] == date(1990, 3, 5)

    created = _audits(db, "create")[-1]
    assert created.entity == "citizen" and created.entity_id == str(saved.row.id)
    assert json.loads(created.new_values)["id_number"] == ZHANG  # the audit keeps the true number
    assert json.loads(created.new_values)["phone"] == "13812345678"

    with db.session() as s:
        updated = es.update(
            s, supervisor, SPEC, saved.row.id, saved.row.version, {"name": "张叁", "address": "城关镇"}
        )
    assert updated.row.version == saved.row.version + 1
    rec = _audits(db, "update")[-1]
    assert json.loads(rec.old_values) == {"name": "张三", "address": ""}
    assert json.loads(rec.new_values) == {"name": "张叁", "address": "城关镇"}
    with db.session() as s:
        stored = s.get(Citizen, saved.row.id)
        assert stored is not None
        assert (stored.name_pinyin, stored.name_initials, stored.updated_by) == ("zhangsan", "zs", "boss1")

    with db.session() as s:
        tables = es.delete(s, supervisor, SPEC, saved.row.id, updated.row.version)
    assert tables == frozenset({"citizen"})
    assert _count(db) == 0
    deleted = _audits(db, "delete")[-1]
    assert json.loads(deleted.old_values)["name"] == "张叁"


def test_update_with_nothing_changed_writes_nothing(db: Database, supervisor: Actor) -> None:
    saved = _create(db, supervisor)
    before = len(_audits(db))
    with db.session() as s:
        again = es.update(s, supervisor, SPEC, saved.row.id, saved.row.version, {"name": "张三"})
    assert again.tables == frozenset() and again.row.version == saved.row.version
    assert len(_audits(db)) == before


# --- validation ---------------------------------------------------------------------------------------------


def test_invalid_input_is_refused_in_chinese_and_nothing_is_written(db: Database, supervisor: Actor) -> None:
    bad_check = ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.create(
            s, supervisor, SPEC, {"id_number": bad_check, "name": "  ", "phone": "1381234", "notes": "x"}
        )
    errors = caught.value.field_errors
    assert errors["id_number"] == "校验码不正确，请核对身份证号码"
    assert errors["name"] == "请填写姓名"
    assert errors["phone"] == "手机号码应为11位，当前为7位"
    assert _count(db) == 0
    assert _audits(db, "create") == []


def test_validate_reports_without_writing_and_accepts_messy_but_valid_input(db: Database) -> None:
    with db.session() as s:
        assert es.validate(s, SPEC, {"id_number": ZHANG.lower().replace("x", "x"), "name": "李四"}) == {}
        full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in ZHANG)
        assert es.validate(s, SPEC, {"id_number": full_width, "name": "李四", "phone": "138 1234 5678"}) == {}
        errors = es.validate(s, SPEC, {"id_number": "61092519900230001X", "name": "李" * 40})
    assert "出生日期" in errors["id_number"]
    assert errors["name"] == "姓名不能超过32个字，当前有40个"
    assert _count(db) == 0


def test_duplicate_id_number_is_refused_with_a_clear_message(db: Database, supervisor: Actor) -> None:
    _create(db, supervisor)
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.create(s, supervisor, SPEC, {"id_number": ZHANG, "name": "王五"})
    assert caught.value.field_errors == {"id_number": "该身份证号已登记（张三），不能重复登记"}
    assert _count(db) == 1


def test_gender_and_birth_date_must_agree_with_the_id_number(db: Database, supervisor: Actor) -> None:
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.create(
            s,
            supervisor,
            SPEC,
            {"id_number": ZHANG, "name": "张三", "gender": "女", "birth_date": "1990.3.6"},
        )
    assert caught.value.field_errors == {
        "gender": "性别与身份证号不符（身份证号显示为男）",
        "birth_date": "出生日期与身份证号不符（身份证号显示为1990年3月5日）",
    }
    saved = _create(db, supervisor, gender="男", birth_date="1990年3月5日")
    assert saved.row.values["birth_date"] == date(1990, 3, 5)


def test_id_number_cannot_change_but_masked_values_sent_back_mean_unchanged(
    db: Database, supervisor: Actor
) -> None:
    saved = _create(db, supervisor)
    masked = saved.row.values
    assert masked["id_number"] == ZHANG[:6] + "********" + ZHANG[-4:]
    with db.session() as s:  # the form sends back what it showed: masked ID and phone
        again = es.update(s, supervisor, SPEC, saved.row.id, saved.row.version, {**masked, "address": "东街"})
    with db.session() as s:
        stored = s.get(Citizen, saved.row.id)
        assert stored is not None and (stored.id_number, stored.phone) == (ZHANG, "13812345678")
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.update(s, supervisor, SPEC, saved.row.id, again.row.version, {"id_number": LI})
    assert caught.value.field_errors == {"id_number": "身份证号登记后不能修改"}


def test_choices_come_from_the_division_table_and_villages_must_belong_to_the_town(
    db: Database, supervisor: Actor
) -> None:
    with db.session() as s:
        s.add_all(
            [
                Division(code="610925000000", name="岚皋县", level="county"),
                Division(code="610925100000", name="城关镇", level="town", parent_code="610925000000"),
                Division(code="610925200000", name="四季镇", level="town", parent_code="610925000000"),
                Division(code="610925100001", name="东街社区", level="village", parent_code="610925100000"),
                Division(code="610925200001", name="天坪村", level="village", parent_code="610925200000"),
            ]
        )
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.create(
            s,
            supervisor,
            SPEC,
            {"id_number": ZHANG, "name": "张三", "town_code": "610925100000", "village_code": "610925200001"},
        )
    assert caught.value.field_errors == {"village_code": "“610925200001”不属于所选乡镇"}
    with pytest.raises(ValidationError) as caught, db.session() as s:
        es.create(s, supervisor, SPEC, {"id_number": ZHANG, "name": "张三", "town_code": "火星镇"})
    assert caught.value.field_errors == {"town_code": "“火星镇”不是有效的乡镇"}
    saved = _create(db, supervisor, town_code="城关镇", village_code="东街社区")  # labels are accepted too
    assert (saved.row.values["town_code"], saved.row.values["village_code"]) == (
        "610925100000",
        "610925100001",
    )


# --- optimistic locking -------------------------------------------------------------------------------------


def test_stale_version_raises_conflict_and_keeps_the_first_save(
    db: Database, supervisor: Actor, clerk: Actor
) -> None:
    saved = _create(db, supervisor)
    with db.session() as first:
        seen = es.get(first, clerk, SPEC, saved.row.id)  # both workstations opened version 1
    with db.session() as other:
        es.update(other, supervisor, SPEC, saved.row.id, seen.version, {"address": "四季镇天坪村"})
    with pytest.raises(ConflictError) as caught, db.session() as late:
        es.update(late, clerk, SPEC, saved.row.id, seen.version, {"address": "城关镇东街"})
    message = caught.value.message()
    assert "该群众信息已被陈所长于" in message and "您的改动未保存" in message
    with db.session() as s:
        stored = s.get(Citizen, saved.row.id)
        assert stored is not None and (stored.address, stored.version) == ("四季镇天坪村", 2)
    with pytest.raises(ConflictError), db.session() as s:
        es.delete(s, supervisor, SPEC, saved.row.id, seen.version)
    assert _count(db) == 1


def test_a_row_changed_between_read_and_write_is_a_conflict_not_an_overwrite(
    db: Database, supervisor: Actor
) -> None:
    """SQLAlchemy's StaleDataError (the version moved under our feet) reaches the user as ConflictError."""
    saved = _create(db, supervisor)

    def racing_prepare(session: Any, values: dict[str, Any]) -> None:
        CITIZEN_SPEC.prepare(session, values)  # type: ignore[misc]
        # another workstation's write, invisible to the ORM object already loaded
        session.execute(text("UPDATE citizen SET version = version + 1 WHERE id = :id"), {"id": saved.row.id})

    racing = dataclasses.replace(SPEC, prepare=racing_prepare)
    with pytest.raises(ConflictError), db.session() as s:
        es.update(s, supervisor, racing, saved.row.id, saved.row.version, {"address": "别处"})
    with db.session() as s:
        stored = s.get(Citizen, saved.row.id)
        assert stored is not None and stored.address == "" and stored.version == 1  # rolled back


def test_missing_record_is_not_found(db: Database, supervisor: Actor) -> None:
    with pytest.raises(NotFound) as caught, db.session() as s:
        es.update(s, supervisor, SPEC, 9999, 1, {"name": "无"})
    assert caught.value.message() == "未找到该群众信息，可能已被其他工作站删除。"


# --- permissions and masking --------------------------------------------------------------------------------


def test_clerk_may_not_delete_and_the_refusal_is_audited(
    db: Database, supervisor: Actor, clerk: Actor
) -> None:
    saved = _create(db, supervisor)
    with pytest.raises(PermissionDenied) as caught, db.session() as s:
        es.delete(s, clerk, SPEC, saved.row.id, saved.row.version)
    assert "删除群众信息" in caught.value.message()
    assert _count(db) == 1
    denied = [r for r in _audits(db) if r.outcome == "denied"]
    assert [(r.username, r.detail) for r in denied] == [("clerk1", "citizen.delete")]


def test_lists_and_reads_are_masked_and_unmasking_needs_permission_and_is_audited(
    db: Database, supervisor: Actor, clerk: Actor
) -> None:
    saved = _create(db, supervisor)
    masked_id, masked_phone = ZHANG[:6] + "********" + ZHANG[-4:], "138****5678"
    with db.session() as s:
        listed = es.page(s, clerk, SPEC, Query(), 0, 10)
        assert [(r.values["id_number"], r.values["phone"]) for r in listed] == [(masked_id, masked_phone)]
        plain = es.get(s, clerk, SPEC, saved.row.id, unmasked=True)  # asked, but a clerk may not see it
        assert plain.values["id_number"] == masked_id
    assert _audits(db, "unmask") == []
    with pytest.raises(PermissionDenied), db.session() as s:
        es.unmask(s, clerk, SPEC, saved.row.id, "id_number")

    with db.session() as s:
        full = es.get(s, supervisor, SPEC, saved.row.id, unmasked=True)
        assert (full.values["id_number"], full.values["phone"]) == (ZHANG, "13812345678")
        assert es.unmask(s, supervisor, SPEC, saved.row.id, "phone") == "13812345678"
    records = _audits(db, "unmask")
    assert [(r.username, r.entity, r.entity_id) for r in records] == [
        ("boss1", "citizen", str(saved.row.id))
    ] * 2
    assert json.loads(records[0].new_values) == {"fields": ["id_number", "phone"]}
    assert json.loads(records[1].new_values) == {"fields": ["phone"]}


def test_auditor_cannot_list_citizens(db: Database, auditor: Actor) -> None:
    with pytest.raises(PermissionDenied), db.session() as s:
        es.count(s, auditor, SPEC, Query())


# --- keyset paging agrees with the plain answer -----------------------------------------------------------

TOWNS = ("610925100000", "610925200000", "610925300000")
NAMES = ("张三", "张珊", "章山", "李四", "王五", "赵六", "张三丰", "单田芳", "欧阳娜娜", "周周")


@pytest.fixture
def many(db: Database) -> list[dict[str, Any]]:
    """~2,000 citizens with repeated names and birth dates (ties) and missing phones and towns (NULLs)."""
    rnd = random.Random(5)
    with db.session() as s:
        s.add(Division(code="610925000000", name="岚皋县", level="county"))
        s.flush()
        s.add_all(
            Division(code=c, name=f"镇{i}", level="town", parent_code="610925000000")
            for i, c in enumerate(TOWNS)
        )
    rows, seen = [], set()
    while len(rows) < 2000:
        birth = date(1960, 1, 1) + timedelta(days=rnd.randrange(400))  # few distinct dates: many ties
        number = make_id_number("610925", birth, rnd.randrange(1000))
        if number in seen:
            continue
        seen.add(number)
        rows.append(
            {
                "id_number": number,
                "name": rnd.choice(NAMES),
                "phone": None if rnd.random() < 0.3 else f"13{rnd.randrange(10**9):09d}",
                "town_code": None if rnd.random() < 0.25 else rnd.choice(TOWNS),
                "village_code": None,
                "address": "",
                "notes": "",
            }
        )
    with db.session() as s:
        bulk_insert_citizens(s, rows, chunk_size=700)
        stored = s.execute(
            select(
                Citizen.id,
                Citizen.name,
                Citizen.name_initials,
                Citizen.gender,
                Citizen.birth_date,
                Citizen.phone,
                Citizen.town_code,
                Citizen.id_number,
            )
        ).all()
    return [dict(r._mapping) for r in stored]


def _plain(rows: list[dict[str, Any]], query: Query) -> list[int]:
    """The documented order in plain Python: (value, id), rows without a value first when ascending."""
    picked = [r for r in rows if _matches(r, query)]
    name, descending = (query.sort, query.descending) if query.sort else SPEC.default_sort
    with_value = sorted((r for r in picked if r[name] is not None), key=lambda r: (r[name], r["id"]))
    without = sorted((r for r in picked if r[name] is None), key=lambda r: r["id"])
    ordered = without + with_value
    if descending:
        ordered.reverse()
    return [r["id"] for r in ordered]


def _matches(row: dict[str, Any], query: Query) -> bool:
    f = {k: v for k, v in query.filters.items() if v is not None}  # None: "all" in the filter bar
    if "gender" in f and row["gender"] != f["gender"]:
        return False
    if "town_code" in f and row["town_code"] != f["town_code"]:
        return False
    if "birth_date" in f:
        start, end = f["birth_date"]
        if (start and row["birth_date"] < start) or (end and row["birth_date"] > end):
            return False
    if query.text == "zs":
        return bool(row["name_initials"].startswith("zs"))
    if query.text == "张":
        return bool(row["name"].startswith("张"))
    return True


QUERIES = [
    Query(),
    Query(sort="id", descending=True),
    Query(sort="name"),
    Query(sort="name", descending=True, filters={"gender": "女"}),
    Query(sort="birth_date", filters={"birth_date": (date(1960, 3, 1), date(1960, 9, 30))}),
    Query(sort="birth_date", descending=True, text="zs"),
    Query(sort="phone"),
    Query(sort="phone", descending=True),
    Query(sort="town_code", text="张"),
    Query(sort="town_code", descending=True, filters={"town_code": TOWNS[1]}),
    Query(sort="id_number", descending=True, filters={"gender": "男", "town_code": None}),
]


@pytest.mark.parametrize("small", [es.SMALL_RESULT, 0], ids=["small-lists-from-filter-index", "index-walk"])
@pytest.mark.parametrize(
    "query", QUERIES, ids=lambda q: f"{q.sort}-{'desc' if q.descending else 'asc'}-{q.text}"
)
def test_keyset_pages_give_the_same_rows_as_a_plain_offset_query(
    db: Database, many: list[dict[str, Any]], query: Query, small: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both plans (a narrow list sorted from its filter's index, or a walk of the sort index) agree."""
    monkeypatch.setattr(es, "SMALL_RESULT", small)
    monkeypatch.setattr(es, "KEYS_READ_ALL", small)
    monkeypatch.setattr(es, "_size_cache", {})
    expected = _plain(many, query)
    step, limit = 97, 40
    with db.read_session() as s:
        assert es.count(s, SYSTEM, SPEC, query) == len(expected)
        # every step-th key, as a random-access table model keeps them
        keys = es.keys_at(s, SYSTEM, SPEC, query, step)
        assert [k[1] for k in keys] == expected[step - 1 :: step]
        # a jump to any row: anchor + small offset
        for row in [0, 1, step - 1, step, step + 5, len(expected) // 2, len(expected) - 3, len(expected) - 1]:
            after, skip = es.anchor_for(keys, step, row)
            assert skip < step
            got = es.page_after(s, SYSTEM, SPEC, query, after, limit, offset=skip)
            assert [r.id for r in got] == expected[row : row + limit], row
        # plain offset pages
        for offset in (0, 33, len(expected) - 10):
            assert [r.id for r in es.page(s, SYSTEM, SPEC, query, offset, limit)] == expected[
                offset : offset + limit
            ]
        # Ctrl+End, and a page near the end
        assert [r.id for r in es.page_from_end(s, SYSTEM, SPEC, query, limit)] == expected[-limit:]
        tail = es.page_from_end(s, SYSTEM, SPEC, query, 10, offset=25)
        assert [r.id for r in tail] == expected[len(expected) - 35 : len(expected) - 25]
        # fetch-more style: page after the last row's own key, to the end
        walked: list[int] = []
        after = None
        while True:
            got = es.page_after(s, SYSTEM, SPEC, query, after, 333)
            walked += [r.id for r in got]
            if len(got) < 333:
                break
            after = got[-1].key
        assert walked == expected


def test_prefix_search_renders_an_index_range_on_sqlite(db: Database) -> None:
    """SQLAlchemy's startswith renders LIKE ? || '%', which SQLite never serves from an index."""
    if db.backend != "sqlite":
        pytest.skip("SQLite query plan")
    stmt = SPEC.search(select(Citizen.id), "张")  # type: ignore[misc]
    compiled = stmt.compile(db.engine)
    sql = str(compiled)
    assert "citizen.name >= ?" in sql and "citizen.name < ?" in sql and "LIKE" not in sql
    with db.engine.connect() as conn:
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
    assert any("ix_citizen_name_id" in str(step) for step in plan)
