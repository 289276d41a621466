"""Citizens for the view tests: a few hundred valid rows inserted the way demo data and imports insert them.

(Not a conftest.py: a second module named ``conftest`` would shadow ``tests/conftest.py`` for other tests.)
"""

from __future__ import annotations

from datetime import date, timedelta

from app.core.validators import make_id_number
from app.models.db import Database
from app.services import citizens, reference_data

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
)


def _places() -> list[tuple[str, str, str]]:
    """(town code, village code, town name) of the county's villages."""
    towns = reference_data.division_reference()["towns"]
    return [(t["code"], v["code"], t["name"]) for t in towns for v in t["villages"][:3]]


def citizen_rows(n: int, *, start: int = 0) -> list[dict]:
    """``n`` distinct, valid citizens; row ``i`` is always the same person."""
    rows = []
    places = _places()
    for i in range(start, start + n):
        town, village, town_name = places[i % len(places)]
        birth = date(1950, 1, 1) + timedelta(days=(i * 37) % 20000)
        seq = (i // 20000) * 2 + (1 if i % 2 else 2)
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        rows.append(
            {
                "id_number": make_id_number("610925", birth, seq % 1000),
                "name": name,
                "phone": f"138{i:08d}",
                "town_code": town,
                "village_code": village,
                "address": f"岚皋县{town_name}东街{i + 1}号",
                "notes": "",
            }
        )
    return rows


def fill_citizens(db: Database, n: int, *, extra: list[dict] | None = None) -> None:
    """Divisions (the 乡镇/村 choices) and ``n`` citizens, in one transaction."""
    with db.session() as s:
        reference_data.load_divisions(s, audited=False)
        rows = citizen_rows(n) + list(extra or [])
        citizens.bulk_insert_citizens(s, rows)


def fill_sample(db: Database) -> Database:
    """497 generated citizens plus 张三, 张三丰 and 章珊 (the pinyin initials "zs" find exactly these three)."""
    fill_citizens(
        db,
        497,
        extra=[
            {
                "id_number": make_id_number("610925", date(1985, 6, 1), 11),
                "name": "张三",
                "phone": "13900000001",
                "address": "岚皋县城关镇南街1号",
                "notes": "",
            },
            {
                "id_number": make_id_number("610925", date(1986, 7, 2), 13),
                "name": "张三丰",
                "phone": "13900000002",
                "address": "岚皋县城关镇南街2号",
                "notes": "",
            },
            {
                "id_number": make_id_number("610925", date(1990, 8, 3), 22),
                "name": "章珊",
                "phone": "13900000003",
                "address": "岚皋县城关镇南街3号",
                "notes": "",
            },
        ],
    )
    return db
