"""Demo data for Langao: real divisions, the departments, demo stations, accounts in every role, citizens."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from conftest import drop_database_url, make_user, new_database_url
from sqlalchemy import func, select

from app.core.errors import Cancelled, DomainError, PermissionDenied
from app.core.paths import resource
from app.core.validators import check_id_number, check_mobile, id_number_info
from app.models.accounts import Role, User
from app.models.audit import AuditRecord
from app.models.citizen import Citizen
from app.models.db import Database
from app.models.org import Division, Unit
from app.models.permissions import ROLE_NAMES
from app.services import audit, passwords
from app.services.auth import PasswordAuthenticator
from app.services.demo_data import DemoResult, load_demo, station_name
from app.services.reference_data import DEPARTMENTS, load_departments, load_divisions

CITIZENS = 200
EXPECTED_ROLES = {
    "clerk": 2,
    "community": 3,
    "supervisor": 2,
    "dispatcher": 1,
    "officer": 4,
    "publicity": 1,
    "support": 1,
    "auditor": 1,
    "leader": 1,
}
ELEVEN = [
    "指挥中心",
    "政治处",
    "警务督察大队",
    "法制大队",
    "治安管理大队",
    "刑事侦查大队",
    "交通警察大队",
    "经济犯罪侦查大队",
    "禁毒大队",
    "网络安全保卫大队",
    "国内安全保卫大队",
]


def _reference() -> dict:
    return json.loads(resource("reference", "langao_divisions.json").read_text(encoding="utf-8"))


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at full cost takes ~0.3 s a hash; tests that do not log in use a cheap one (same format)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", lambda: cheap)


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    url = new_database_url(tmp_path)
    database = Database(url)
    yield database
    database.dispose()
    drop_database_url(url)


def _load(db: Database, **kwargs: object) -> DemoResult:
    with db.session() as s:
        return load_demo(s, citizens=CITIZENS, **kwargs)  # type: ignore[arg-type]


def test_resources_are_shipped_with_the_app() -> None:
    data = _reference()
    assert data["county"] == {"code": "610925000000", "name": "岚皋县"}
    assert len(data["towns"]) == 12
    assert sum(len(t["villages"]) for t in data["towns"]) == 136
    assert resource("reference", "cn_holidays.json").is_file()
    assert resource("reference", "README.md").is_file()


def test_load_demo_builds_langao(db: Database) -> None:
    result = _load(db)
    ref = _reference()

    with db.read_session() as s:
        # divisions: the real codes, villages under their towns
        divisions = {d.code: d for d in s.execute(select(Division)).scalars()}
        towns = [d for d in divisions.values() if d.level == "town"]
        villages = [d for d in divisions.values() if d.level == "village"]
        assert len(towns) == 12 and len(villages) == 136
        assert divisions["610925000000"].name == "岚皋县"
        assert divisions["610925100000"].name == "城关镇"
        assert divisions["610925115000"].name == "南宫山镇"
        assert divisions["610925100001"].name == "西坡社区居委会"
        for t in ref["towns"]:
            assert divisions[t["code"]].name == t["name"]
            assert divisions[t["code"]].parent_code == "610925000000"
            for v in t["villages"]:
                assert (divisions[v["code"]].name, divisions[v["code"]].parent_code) == (v["name"], t["code"])

        # the 11 departments, the support office, one demo station per town
        units = list(s.execute(select(Unit)).scalars())
        assert sorted(u.name for u in units if u.kind == "department") == sorted(ELEVEN)
        assert [u.name for u in units if u.kind == "office"] == ["警务保障室"]
        assert not any(u.is_demo for u in units if u.kind != "station")
        stations = [u for u in units if u.kind == "station"]
        assert sorted(u.town_code for u in stations) == sorted(t.code for t in towns)  # type: ignore[type-var]
        by_town = {u.town_code: u for u in stations}
        assert by_town["610925100000"].name == "城关派出所"
        assert by_town["610925101000"].name == "佐龙派出所"
        for u in stations:
            assert u.is_demo and u.name == station_name(divisions[u.town_code].name)  # type: ignore[index]
        assert (result.divisions_added, result.departments_added, result.stations_added) == (149, 12, 12)

        # accounts: every role of the list, temporary passwords, spread over units; no administrator
        users = list(s.execute(select(User)).scalars())
        hashes = list(s.execute(select(User.password_hash)).scalars())  # deferred: never loaded with the row
        assert len(users) == 16 == len(result.accounts)
        role_counts = Counter(r.code for u in users for r in u.roles)
        assert role_counts == Counter(EXPECTED_ROLES)
        assert all(u.must_change_password for u in users)
        assert all(len(u.roles) == 1 for u in users)
        assert all(u.unit_id is not None for u in users)
        assert len({u.unit_id for u in users}) >= 10
        assert all(u.badge_no and len(u.badge_no) == 6 and u.badge_no.isdigit() for u in users)
        assert len({u.badge_no for u in users}) == 16
        assert all(check_mobile(u.phone) is None for u in users)
        assert all(len(u.display_name) in (2, 3) for u in users)

    assert {a.username for a in result.accounts} == {u.username for u in users}
    assert {(a.username, a.role_name) for a in result.accounts} == {
        (u.username, ROLE_NAMES.get(u.roles[0].code, u.roles[0].name)) for u in users
    }
    assert len({a.password for a in result.accounts}) == 16
    assert all(passwords.policy_error(a.password, a.username) is None for a in result.accounts)
    assert result.passwords_table[0] == (
        result.accounts[0].username,
        result.accounts[0].display_name,
        result.accounts[0].role_name,
        result.accounts[0].password,
    )
    # Shown once: never stored or audited in clear, and kept out of repr (logs).
    for a in result.accounts:
        assert a.password not in repr(a) and a.password not in repr(result)
        assert all(a.password not in h for h in hashes)

    # a demo password works, and the first login must change it
    clerk = next(a for a in result.accounts if a.role_code == "clerk")
    actor = PasswordAuthenticator(db).login(clerk.username, clerk.password)
    assert actor.must_change_password
    assert actor.roles == ("clerk",)
    assert actor.display_name == clerk.display_name

    # citizens: valid ID numbers, gender and birth from the number, real town/village pairs, mobiles
    with db.read_session() as s:
        citizens = list(s.execute(select(Citizen)).scalars())
        village_parent = {d.code: d.parent_code for d in s.execute(select(Division)).scalars()}
        town_names = {
            d.code: d.name for d in s.execute(select(Division).where(Division.level == "town")).scalars()
        }
    assert len(citizens) == CITIZENS == result.citizens
    assert len({c.id_number for c in citizens}) == CITIZENS
    areas = Counter(c.id_number[:6] for c in citizens)
    assert areas["610925"] > CITIZENS * 0.7
    assert set(areas) - {"610925"}, "some citizens were born elsewhere in Shaanxi"
    assert all(a.startswith("61") for a in areas)
    for c in citizens:
        assert check_id_number(c.id_number) is None, c.id_number
        info = id_number_info(c.id_number)
        assert info.gender == c.gender
        assert info.birth_date == c.birth_date
        assert date(1940, 1, 1) <= c.birth_date <= date(2008, 12, 31)
        assert c.is_demo
        assert village_parent[c.village_code] == c.town_code  # type: ignore[index]
        assert c.address.startswith("岚皋县" + town_names[c.town_code])  # type: ignore[index]
        assert 2 <= len(c.name) <= 3
        assert c.name_pinyin and c.name_initials and len(c.name_initials) == len(c.name)
        assert c.phone is None or check_mobile(c.phone) is None
    assert Counter(c.gender for c in citizens).keys() == {"男", "女"}
    assert sum(1 for c in citizens if c.phone) > CITIZENS * 0.8
    assert len({c.phone for c in citizens if c.phone}) == sum(1 for c in citizens if c.phone)

    # one audit record with the counts, and the chain still verifies
    with db.read_session() as s:
        records = list(s.execute(select(AuditRecord).where(AuditRecord.action == "load_demo")).scalars())
        assert len(records) == 1
        new = json.loads(records[0].new_values)
        assert new["citizens"] == CITIZENS and new["stations_added"] == 12 and len(new["users"]) == 16
        assert all(a.password not in records[0].new_values for a in result.accounts)
        assert audit.verify(s).ok


@pytest.mark.usefixtures("cheap_hashing")
def test_same_seed_same_data(db: Database, other_db: Database) -> None:
    first = _load(db, seed=7)
    second = _load(other_db, seed=7)

    def snapshot(database: Database) -> tuple[list[tuple], list[tuple], list[tuple]]:
        with database.read_session() as s:
            people = s.execute(
                select(
                    Citizen.id_number,
                    Citizen.name,
                    Citizen.gender,
                    Citizen.birth_date,
                    Citizen.phone,
                    Citizen.town_code,
                    Citizen.village_code,
                    Citizen.address,
                ).order_by(Citizen.id)
            ).all()
            units = s.execute(select(Unit.code, Unit.name, Unit.kind, Unit.phone).order_by(Unit.code)).all()
            accounts = s.execute(
                select(User.username, User.display_name, User.badge_no, User.phone, Unit.code, Role.code)
                .join(Unit, Unit.id == User.unit_id)
                .join(User.roles)
                .order_by(User.username)
            ).all()
        return [tuple(r) for r in people], [tuple(r) for r in units], [tuple(r) for r in accounts]

    assert snapshot(db) == snapshot(other_db)
    assert [a.username for a in first.accounts] == [a.username for a in second.accounts]
    # temporary passwords are random every time, whatever the seed
    assert {a.password for a in first.accounts}.isdisjoint({a.password for a in second.accounts})


@pytest.mark.usefixtures("cheap_hashing")
def test_other_seed_other_people(db: Database, other_db: Database) -> None:
    _load(db, seed=1)
    _load(other_db, seed=2)
    with db.read_session() as s1, other_db.read_session() as s2:
        a = set(s1.execute(select(Citizen.id_number)).scalars())
        b = set(s2.execute(select(Citizen.id_number)).scalars())
    assert len(a & b) < CITIZENS // 10


@pytest.mark.usefixtures("cheap_hashing")
def test_second_load_is_refused_and_duplicates_nothing(db: Database) -> None:
    _load(db)

    def counts() -> tuple[int, ...]:
        with db.read_session() as s:
            return tuple(
                s.execute(select(func.count()).select_from(model)).scalar_one()
                for model in (Division, Unit, User, Citizen, AuditRecord)
            )

    before = counts()
    with pytest.raises(DomainError) as info:
        _load(db)
    assert info.value.code == "error"
    assert "已有演示数据" in info.value.message()
    assert counts() == before

    # the reference loaders stay idempotent on their own
    with db.session() as s:
        assert load_divisions(s) == 0
        assert load_departments(s) == 0
    assert counts() == before


def test_reference_loaders_on_first_start(db: Database) -> None:
    with db.session() as s:
        assert load_divisions(s) == 149
        assert load_departments(s) == 12
    with db.session() as s:
        assert load_divisions(s) == 0
        assert load_departments(s) == 0
    with db.read_session() as s:
        levels = Counter(s.execute(select(Division.level)).scalars())
        assert levels == Counter({"county": 1, "town": 12, "village": 136})
        units = {u.code: u for u in s.execute(select(Unit)).scalars()}
        assert {d.code for d in DEPARTMENTS} == set(units)
        assert Counter(u.kind for u in units.values()) == Counter({"department": 11, "office": 1})
        assert not any(u.is_demo for u in units.values())
        actions = Counter(s.execute(select(AuditRecord.action)).scalars())
        assert actions["load_divisions"] == 1 and actions["load_departments"] == 1
        # no demo data came with them
        assert s.execute(select(func.count()).select_from(Citizen)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(User)).scalar_one() == 0


def test_renamed_department_is_kept(db: Database) -> None:
    with db.session() as s:
        load_departments(s)
        unit = s.execute(select(Unit).where(Unit.code == "ZADD")).scalar_one()
        unit.name = "治安管理大队（户政）"
    with db.session() as s:
        assert load_departments(s) == 0
        assert s.execute(select(Unit.name).where(Unit.code == "ZADD")).scalar_one() == "治安管理大队（户政）"


@pytest.mark.usefixtures("cheap_hashing")
def test_progress_is_reported_and_cancel_rolls_back(db: Database) -> None:
    class Recorder:
        def __init__(self, cancel_after: int | None = None) -> None:
            self.reports: list[tuple[int, int, str]] = []
            self.cancel_after = cancel_after

        def report(self, done: int, total: int, text: str = "") -> None:
            self.reports.append((done, total, text))

        def check(self) -> None:
            if self.cancel_after is not None and len(self.reports) >= self.cancel_after:
                raise Cancelled()

    stopper = Recorder(cancel_after=4)
    with pytest.raises(Cancelled), db.session() as s:
        load_demo(s, citizens=CITIZENS, progress=stopper)
    with db.read_session() as s:
        for model in (Division, Unit, User, Citizen):
            assert s.execute(select(func.count()).select_from(model)).scalar_one() == 0

    recorder = Recorder()
    with db.session() as s:
        load_demo(s, citizens=CITIZENS, progress=recorder)
    dones = [d for d, _, _ in recorder.reports]
    assert dones == sorted(dones)
    assert recorder.reports[-1][0] == recorder.reports[-1][1]
    assert all(text for _, _, text in recorder.reports)


def test_needs_the_demo_permission(db: Database) -> None:
    clerk = make_user(db, "clerk9", ["clerk"])
    with pytest.raises(PermissionDenied), db.session() as s:
        load_demo(s, citizens=10, actor=clerk)
    with db.read_session() as s:
        assert s.execute(select(func.count()).select_from(Unit)).scalar_one() == 0


@pytest.mark.usefixtures("cheap_hashing")
def test_real_data_already_there_is_respected(db: Database, other_db: Database) -> None:
    """A real station, a taken username and a registered ID number are kept; the demo works around them."""
    probe = _load(other_db, seed=11)
    with other_db.read_session() as s:
        first_number = s.execute(select(Citizen.id_number).order_by(Citizen.id).limit(1)).scalar_one()
    taken_username = probe.accounts[0].username

    with db.session() as s:
        load_divisions(s)
        s.add(Unit(code="CGPCS", name="城关派出所", kind="station", town_code="610925100000"))
        s.add(
            Citizen(
                id_number=first_number,
                name="真实群众",
                gender=id_number_info(first_number).gender,
                birth_date=id_number_info(first_number).birth_date,
            )
        )
    make_user(db, taken_username, ["officer"])

    result = _load(db, seed=11)
    assert result.stations_added == 11
    assert result.accounts[0].username == taken_username + "2"
    assert result.accounts[0].unit_name == probe.accounts[0].unit_name
    with db.read_session() as s:
        assert s.execute(select(func.count()).select_from(Citizen)).scalar_one() == CITIZENS + 1
        real = s.execute(select(Citizen).where(Citizen.id_number == first_number)).scalar_one()
        assert real.name == "真实群众" and not real.is_demo
        station = s.execute(select(Unit).where(Unit.name == "城关派出所")).scalar_one()
        assert station.code == "CGPCS" and not station.is_demo
        assert (
            s.execute(select(func.count()).select_from(Unit).where(Unit.kind == "station")).scalar_one() == 12
        )
