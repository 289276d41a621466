"""The register: validated identity, categories, 一人四管 flags, photos, the history of every change; bad input
gets a Chinese message and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import make_user
from keyperson_support import NOW, OTHER_TOWN, TOWN, add_keepers, id_number, make_world, person, register
from sqlalchemy import func, select

from app.core.errors import DomainError, ValidationError
from app.models.citizen import Citizen
from app.models.keyperson_person import KeyPerson, KpCategory, KpPersonChange
from app.services import (
    entity_service,
    keyperson_detail,
    keyperson_keepers,
    keyperson_persons,
    keyperson_photos,
)
from app.services.entity_spec import Query
from app.services.keyperson_specs import CATEGORY_SPEC, KEY_PERSON_SPEC


@pytest.fixture
def world(db):
    return make_world(db, make_user)


def count_persons(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(KeyPerson)).scalar_one()


def test_registration_scores_schedules_links_the_citizen_and_records_history(db, world):
    number = id_number(date(1979, 3, 8))
    with db.session() as s:
        s.add(
            Citizen(id_number=number, name="刘某", gender="男", birth_date=date(1979, 3, 8), updated_by="t")
        )
    pid = register(db, world, number=number)
    p = person(db, pid)
    assert (p.gender, p.birth_date) == ("男" if int(number[16]) % 2 else "女", date(1979, 3, 8))
    assert p.citizen_id is not None
    assert (p.level, p.score, p.status) == ("blue", 10, "active")
    assert p.next_visit_due == p.registered_on.__class__.fromordinal(p.registered_on.toordinal() + 30)
    assert p.keepers_missing == 4
    with db.session() as s:
        d = keyperson_detail.detail(s, world.officer, pid)
    assert d.id_number.startswith("610925") and "*" in d.id_number  # masked in the file
    assert [c.field for c in d.changes][-1] == "登记"
    assert (d.station, d.officer, d.supervisor) == ("城关派出所", "张警官", "陈所长")  # the file names them
    assert d.level_changes[0].reason.startswith("登记评分")


def test_an_invalid_id_number_is_refused_and_nothing_is_written(db, world):
    with pytest.raises(ValidationError) as caught:
        register(db, world, number="610925198005011234")
    assert "校验码" in caught.value.field_errors["id_number"]
    assert count_persons(db) == 0


def test_a_duplicate_person_is_refused_with_the_name_of_the_one_registered(db, world):
    number = id_number()
    register(db, world, number=number, name="陈某")
    with pytest.raises(ValidationError) as caught:
        register(db, world, number=number, name="陈某某")
    assert "已登记（陈某）" in caught.value.field_errors["id_number"]
    assert count_persons(db) == 1


def test_the_mental_health_grade_is_required_for_severe_mental_illness_only(db, world):
    with pytest.raises(ValidationError) as caught:
        register(db, world, category="mental", grade=None)
    assert "0-5级" in caught.value.field_errors["mental_grade"]
    with pytest.raises(ValidationError):
        register(db, world, category="released", grade=2)
    pid = register(db, world, category="mental", grade=3)
    p = person(db, pid)
    assert (p.score, p.level) == (35, "yellow")
    assert (p.next_visit_due - p.registered_on).days == 14  # grades 3-5: within two weeks


def test_an_administrator_adds_a_category_that_officers_then_use(db, world, admin):
    with db.session() as s:
        entity_service.create(
            s, admin, CATEGORY_SPEC, {"code": "drug", "name": "吸毒人员", "base_points": 15, "active": True}
        )
    pid = register(db, world, category="drug")
    assert person(db, pid).score == 15
    with db.session() as s:
        assert s.execute(select(KpCategory.builtin).where(KpCategory.code == "drug")).scalar() is False


def test_every_change_is_kept_in_the_history_with_who_and_what(db, world):
    pid = register(db, world)
    version = person(db, pid).version
    with db.session() as s:
        keyperson_persons.update(
            s,
            world.officer,
            pid,
            version,
            {"address": "城关镇西街3号", "category_code": "correction"},
            now=NOW,
        )
    with db.session() as s:
        rows = s.execute(
            select(
                KpPersonChange.field,
                KpPersonChange.old_value,
                KpPersonChange.new_value,
                KpPersonChange.changed_by,
            )
            .where(KpPersonChange.person_id == pid)
            .order_by(KpPersonChange.id)
        ).all()
    changed = {r.field: (r.old_value, r.new_value, r.changed_by) for r in rows}
    assert changed["address"] == ("城关镇东街12号", "城关镇西街3号", "zhangjing")
    assert changed["category_code"] == ("released", "correction", "zhangjing")
    assert changed["level"] == ("none", "blue", "zhangjing")  # registration; 15 points is still blue
    assert person(db, pid).score == 15  # the new category rescored at once


def test_a_stale_save_is_refused(db, world):
    pid = register(db, world)
    version = person(db, pid).version
    with db.session() as s:
        keyperson_persons.update(s, world.officer, pid, version, {"aliases": "小刘"}, now=NOW)
    with pytest.raises(DomainError) as caught, db.session() as s:
        keyperson_persons.update(s, world.officer, pid, version, {"aliases": "刘二"}, now=NOW)
    assert "已被" in caught.value.message()
    assert person(db, pid).aliases == "小刘"


def test_fewer_than_four_keepers_is_flagged_in_the_list(db, world):
    full, short = register(db, world, name="甲某"), register(db, world, name="乙某")
    add_keepers(db, world, full, 4)
    add_keepers(db, world, short, 2)
    with db.session() as s:
        rows = entity_service.page(
            s, world.officer, KEY_PERSON_SPEC, Query(filters={"keepers_incomplete": True}), 0, 50
        )
        labels = entity_service.choice_labels(s, KEY_PERSON_SPEC)["keepers_missing"]
    assert [r.label for r in rows] == ["乙某"]
    assert labels[rows[0].values["keepers_missing"]] == "⚠ 缺2人"
    assert person(db, full).keepers_missing == 0


def test_a_keeper_role_is_held_once_and_removing_a_keeper_raises_the_flag(db, world):
    pid = register(db, world)
    add_keepers(db, world, pid, 4)
    with pytest.raises(DomainError) as caught, db.session() as s:
        keyperson_keepers.add(
            s, world.officer, pid, {"role_code": "grid", "name": "钱网格", "phone": "13800000009"}
        )
    assert "已由赵网格担任" in caught.value.message()
    with db.session() as s:
        d = keyperson_detail.detail(s, world.officer, pid)
        grid = next(k for k in d.keepers if k.role_code == "grid")
        keyperson_keepers.remove(s, world.officer, grid.id, grid.version)
    assert person(db, pid).keepers_missing == 1


def test_photos_are_stored_in_the_database_within_a_size_limit(db, world):
    pid = register(db, world)
    jpeg = b"\xff\xd8\xff\xe0" + b"0" * 2000
    with db.session() as s:
        keyperson_photos.set_photo(s, world.officer, pid, jpeg)
    with db.session() as s:
        assert keyperson_photos.get_photo(s, world.officer, pid) == jpeg
    with pytest.raises(DomainError) as too_big, db.session() as s:
        keyperson_photos.set_photo(s, world.officer, pid, b"\xff\xd8\xff" + b"0" * (600 * 1024))
    assert "超过了 512 KB" in too_big.value.message()
    with pytest.raises(DomainError), db.session() as s:
        keyperson_photos.set_photo(s, world.officer, pid, b"GIF89a....")
    with db.session() as s:
        assert keyperson_photos.get_photo(s, world.officer, pid) == jpeg


def test_a_person_is_found_by_id_number(db, world):
    number = id_number()
    pid = register(db, world, number=number, town=TOWN)
    with db.session() as s:
        found = keyperson_persons.find_by_id_number(s, world.officer, number.lower())
        assert found is not None and found.id == pid
        assert keyperson_persons.find_by_id_number(s, world.officer, id_number()) is None


def test_lists_and_exports_mask_identity(db, world, tmp_path):
    from openpyxl import load_workbook

    from app.services import excel_io

    number = id_number()
    register(db, world, number=number)
    with db.session() as s:
        excel_io.export_xlsx(s, world.officer, KEY_PERSON_SPEC, Query(), tmp_path / "kp.xlsx")
    cells = [c for row in load_workbook(tmp_path / "kp.xlsx").active.iter_rows(values_only=True) for c in row]
    assert number not in cells and any(isinstance(c, str) and c.startswith(number[:6] + "*") for c in cells)


# --- the station, and a person registered again after removal ------------------------------------------------


def test_the_station_is_filled_from_the_officer_or_the_town_and_lists_filter_by_it(db, world):
    from app.models.org import Unit

    with db.session() as s:
        other = Unit(
            code="PCS610925101", name="佐龙派出所", kind="station", town_code=OTHER_TOWN, updated_by="t"
        )
        s.add(other)
        s.flush()
        other_station = other.id
    values = {"category_code": "released", "address": "", "registered_on": date(2026, 11, 1)}
    with db.session() as s:  # no station named: the officer's
        a = keyperson_persons.create(
            s,
            world.officer,
            {
                **values,
                "id_number": id_number(),
                "name": "甲某",
                "town_code": TOWN,
                "officer_id": world.officer.user_id,
            },
            now=NOW,
        ).row.id
        b = keyperson_persons.create(  # no officer either: the township's station
            s,
            world.officer,
            {**values, "id_number": id_number(), "name": "乙某", "town_code": OTHER_TOWN},
            now=NOW,
        ).row.id
    assert (person(db, a).station_id, person(db, b).station_id) == (world.station_id, other_station)
    with db.session() as s:
        rows = entity_service.page(
            s, world.officer, KEY_PERSON_SPEC, Query(filters={"station_id": other_station}), 0, 50
        )
        labels = entity_service.choice_labels(s, KEY_PERSON_SPEC)["station_id"]
    assert [r.label for r in rows] == ["乙某"]
    assert labels[rows[0].values["station_id"]] == "佐龙派出所"
    assert "station_id" in [f.name for f in KEY_PERSON_SPEC.list_fields]  # the register shows it


def test_a_removed_person_registered_again_reopens_the_same_file_with_its_history(db, world):
    from app.models.keyperson_risk import KpLevelChange
    from app.services import keyperson_removal

    number = id_number()
    pid = register(db, world, number=number, category="correction")
    add_keepers(db, world, pid, 2)
    with db.session() as s:
        rid = keyperson_removal.request(
            s, world.officer, pid, "矫正期满", [("矫正期满证明", True)], now=NOW
        ).id
    with db.session() as s:
        keyperson_removal.decide(s, world.boss, rid, approve=True, opinion="同意", now=NOW)
    assert person(db, pid).status == "removed"
    later = NOW + timedelta(days=200)
    again = register(
        db, world, number=number, name="刘某", category="released", now=later, registered_on=later.date()
    )
    assert again == pid and count_persons(db) == 1  # the same file, not a second one
    p = person(db, pid)
    assert (p.status, p.category_code, p.registered_on, p.level) == (
        "active",
        "released",
        later.date(),
        "blue",
    )
    assert p.keepers_missing == 2 and p.next_visit_due == later.date() + timedelta(days=30)
    with db.session() as s:
        statuses = s.execute(
            select(KpPersonChange.old_value, KpPersonChange.new_value, KpPersonChange.reason)
            .where(KpPersonChange.person_id == pid, KpPersonChange.field == "status")
            .order_by(KpPersonChange.id)
        ).all()
        levels = s.execute(
            select(KpLevelChange.new_level, KpLevelChange.reason)
            .where(KpLevelChange.person_id == pid)
            .order_by(KpLevelChange.id)
        ).all()
    assert [(o, n) for o, n, _ in statuses] == [("active", "removed"), ("removed", "active")]
    assert statuses[-1][2] == "重新列管"
    assert [lv for lv, _ in levels] == ["blue", "none", "blue"] and "重新列管" in levels[-1][1]
    # still one person per ID number: registering them a third time, while supervised, is refused
    with pytest.raises(ValidationError) as caught:
        register(db, world, number=number, name="刘某")
    assert "已登记（刘某）" in caught.value.field_errors["id_number"]
