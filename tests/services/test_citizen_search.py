"""The citizen search box: characters, full pinyin, initials and digits, each compared with the plain answer.

Short Chinese queries are where search engines go wrong (an FTS trigram index needs three characters and
answers a two-character name with nothing): here every one- and two-character query is checked against a
plain Python filter over all rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.core.validators import make_id_number
from app.models.citizen import Citizen
from app.models.db import Database
from app.services import entity_service as es
from app.services.citizens import CITIZEN_SPEC, bulk_insert_citizens
from app.services.context import SYSTEM, Actor
from app.services.entity_spec import Query

SURNAMES = "张章王李赵钱孙单曾欧阳司马"
GIVEN = "三珊山四五六伟芳娜丽强军华国庆建"
FIXED = ["张三", "张三丰", "张珊", "章三", "赵四", "单田芳", "曾国藩", "欧阳修", "司马光", "张𠮷", "张"]


@pytest.fixture
def people(db: Database) -> list[dict[str, Any]]:
    rnd = random.Random(3)
    names = list(FIXED)
    while len(names) < 1500:
        surname = rnd.choice(["张", "章", "王", "李", "赵", "钱", "孙", "单", "曾", "欧阳", "司马"])
        names.append(surname + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 1, 2)))))
    rows, seen = [], set()
    for i, name in enumerate(names):
        while True:
            birth = date(1950, 1, 1) + timedelta(days=rnd.randrange(20000))
            number = make_id_number(rnd.choice(("610925", "110105", "420102")), birth, rnd.randrange(1000))
            if number not in seen:
                break
        seen.add(number)
        phone = None if i % 7 == 0 else f"1{rnd.choice('3589')}{rnd.randrange(10**9):09d}"
        rows.append(
            {
                "id_number": number,
                "name": name,
                "phone": phone,
                "town_code": None,
                "village_code": None,
                "address": "",
                "notes": "",
            }
        )
    with db.session() as s:
        bulk_insert_citizens(s, rows)
        stored = s.execute(select(Citizen.id, Citizen.name, Citizen.id_number, Citizen.phone)).all()
    return [dict(r._mapping) for r in stored]


def _search(db: Database, actor: Actor, text: str) -> list[int]:
    with db.read_session() as s:
        query = Query(text=text, sort="id")
        total = es.count(s, actor, CITIZEN_SPEC, query)
        rows = es.page(s, actor, CITIZEN_SPEC, query, 0, 100_000)
    assert total == len(rows)
    return [r.id for r in rows]


def _names(db: Database, text: str) -> set[str]:
    with db.read_session() as s:
        return {r.label for r in es.page(s, SYSTEM, CITIZEN_SPEC, Query(text=text), 0, 100_000)}


def test_pinyin_and_initials_find_zhang_san(db: Database, people: list[dict[str, Any]]) -> None:
    assert "张三" in _names(db, "zs")
    assert "张三" in _names(db, "zhangsan")
    assert "张三" in _names(db, "ZhangSan ")
    found = _names(db, "zhangsan")
    assert {"张三", "张三丰"} <= found and "张珊" not in found and "赵四" not in found
    assert "单田芳" in _names(db, "shantianfang") and "单田芳" in _names(db, "stf")  # surname reading
    assert "曾国藩" in _names(db, "zgf")


@pytest.mark.parametrize(
    "query", ["张", "章", "单", "欧", "欧阳", "司马", "张三", "张珊", "王伟", "李", "钱", "孙"]
)
def test_short_chinese_queries_match_the_plain_answer(
    db: Database, clerk: Actor, people: list[dict[str, Any]], query: str
) -> None:
    expected = sorted(p["id"] for p in people if p["name"].startswith(query))
    assert expected, "the data must contain matches for the comparison to mean anything"
    assert _search(db, clerk, query) == expected


def test_a_character_outside_the_basic_plane_is_still_a_prefix_match(
    db: Database, people: list[dict[str, Any]]
) -> None:
    """A range ending in U+FFFF would miss 张𠮷 (its second character is above U+FFFF)."""
    assert {"张𠮷", "张"} <= _names(db, "张")
    assert _names(db, "张𠮷") == {"张𠮷"}


def test_latin_queries_match_the_plain_answer(db: Database, people: list[dict[str, Any]]) -> None:
    from app.core.pinyin import search_keys

    for query in ("z", "zs", "zh", "zhang", "zhangs", "oy", "ouyang", "smg"):
        expected = sorted(
            p["id"]
            for p in people
            if search_keys(p["name"])[0].startswith(query) or search_keys(p["name"])[1].startswith(query)
        )
        assert _search(db, SYSTEM, query) == expected, query


def test_digits_find_id_numbers_and_phones(db: Database, people: list[dict[str, Any]]) -> None:
    someone = next(p for p in people if p["phone"])
    number, phone = someone["id_number"], someone["phone"]
    assert someone["id"] in _search(db, SYSTEM, number)  # whole ID number
    assert _search(db, SYSTEM, number) == [someone["id"]]
    assert someone["id"] in _search(db, SYSTEM, number[:10])  # ID prefix
    assert someone["id"] in _search(db, SYSTEM, phone)  # whole phone
    assert someone["id"] in _search(db, SYSTEM, f"{phone[:3]}-{phone[3:7]}-{phone[7:]}")  # typed with dashes
    assert someone["id"] in _search(db, SYSTEM, "１" + phone[1:])  # full-width digit from a Chinese IME

    for query in (number[-4:], phone[-4:], number[-6:], "6109", "13"):
        expected = sorted(
            p["id"]
            for p in people
            if p["id_number"].startswith(query)
            or (p["phone"] or "").startswith(query)
            or (
                4 <= len(query) <= 10
                and (p["id_number"].endswith(query) or (p["phone"] or "").endswith(query))
            )
        )
        assert _search(db, SYSTEM, query) == expected, query


def test_a_lowercase_x_finds_the_id_number_ending_in_x(db: Database, people: list[dict[str, Any]]) -> None:
    with_x = [p for p in people if p["id_number"].endswith("X")]
    assert with_x
    target = with_x[0]
    assert _search(db, SYSTEM, target["id_number"].lower()) == [target["id"]]
    expected = sorted(p["id"] for p in people if p["id_number"].endswith(target["id_number"][-5:]))
    assert _search(db, SYSTEM, target["id_number"][-5:].lower()) == expected


def test_search_combines_with_filters(db: Database, people: list[dict[str, Any]]) -> None:
    with db.read_session() as s:
        men = es.page(s, SYSTEM, CITIZEN_SPEC, Query(text="zs", filters={"gender": "男"}), 0, 10_000)
        women = es.page(s, SYSTEM, CITIZEN_SPEC, Query(text="zs", filters={"gender": "女"}), 0, 10_000)
        both = es.count(s, SYSTEM, CITIZEN_SPEC, Query(text="zs"))
    assert {r.values["gender"] for r in men} == {"男"} and {r.values["gender"] for r in women} == {"女"}
    assert len(men) + len(women) == both
