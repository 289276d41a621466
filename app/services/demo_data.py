"""Realistic demo data for Langao County: stations, officers in every role, citizens with valid ID numbers.

``python main.py demo`` and the first-start dialog call :func:`load_demo` in one transaction.

What is real and what is invented:

- the county, its 12 towns and 136 villages (resources/reference/langao_divisions.json) and the bureau's 11
  departments plus the 警务保障室 are reference data, loaded idempotently (present rows are kept);
- the police stations (one per town, named after it: 城关派出所, 佐龙派出所 ...) were found in no source and
  are invented, marked ``is_demo``; so are the officers, their badge numbers and phones, and the citizens
  (``is_demo``), whose names combine common southern Shaanxi surnames with given names typical of their
  generation.

Loading twice: divisions and departments are skipped where present, but the demo part (stations, accounts,
citizens) is refused with a clear message once demo stations or demo citizens exist, so nothing is duplicated.

Deterministic for a seed on a given database (names, ID numbers, phones, addresses, usernames, badge
numbers); the accounts' temporary passwords are always random (``users.temporary_password``), returned once
in :class:`DemoResult` and never logged, and must be changed at first login.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.pinyin import search_keys
from app.core.validators import make_id_number
from app.models.accounts import Role, User
from app.models.citizen import Citizen
from app.models.org import Unit
from app.models.permissions import (
    AUDITOR,
    CLERK,
    COMMUNITY,
    DEMO_LOAD,
    DISPATCHER,
    OFFICER,
    PUBLICITY,
    SUPERVISOR,
    SUPPORT,
)
from app.models.support_permissions import LEADER
from app.services import audit, passwords
from app.services.citizens import bulk_insert_citizens
from app.services.context import SYSTEM, Actor
from app.services.entity_service import ProgressLike
from app.services.permissions import require
from app.services.reference_data import division_reference, load_departments, load_divisions
from app.services.users import temporary_password

DEFAULT_SEED = 20261128
CITIZEN_CHUNK = 5000
MAX_CITIZENS = 1_000_000
COUNTY_AREA = "610925"
ALREADY_LOADED = (
    "数据库中已有演示数据（演示派出所或演示群众），不能重复载入。如需重新载入，请使用新的数据库。"
)


@dataclass(frozen=True)
class DemoAccount:
    """A demo login, shown once. The password is left out of ``repr`` so it never reaches a log."""

    username: str
    display_name: str
    role_name: str
    password: str = field(repr=False)
    role_code: str = ""
    unit_name: str = ""
    badge_no: str = ""
    phone: str = ""


@dataclass(frozen=True)
class DemoResult:
    divisions_added: int
    departments_added: int
    stations_added: int
    accounts: tuple[DemoAccount, ...]
    citizens: int
    seed: int
    seconds: float = 0.0

    @property
    def passwords_table(self) -> list[tuple[str, str, str, str]]:
        """(username, display name, role name, password) rows for the one-time display."""
        return [(a.username, a.display_name, a.role_name, a.password) for a in self.accounts]


# --- names -----------------------------------------------------------------------------------------------

# Common surnames of southern Shaanxi (Ankang, Hanzhong) with rough weights; 余, 杜, 汪, 罗, 柯 are typical of
# the families who came up the Han river from Hubei and Hunan.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 80),
    ("陈", 75),
    ("张", 70),
    ("李", 70),
    ("刘", 60),
    ("杨", 45),
    ("余", 30),
    ("罗", 28),
    ("杜", 25),
    ("吴", 25),
    ("周", 24),
    ("胡", 22),
    ("黄", 20),
    ("何", 20),
    ("徐", 18),
    ("汪", 16),
    ("赵", 16),
    ("邓", 15),
    ("唐", 14),
    ("冯", 14),
    ("彭", 13),
    ("曾", 12),
    ("谢", 12),
    ("朱", 12),
    ("郭", 12),
    ("马", 12),
    ("高", 11),
    ("孙", 10),
    ("蒋", 10),
    ("龚", 9),
    ("柯", 9),
    ("田", 9),
    ("邹", 8),
    ("肖", 8),
    ("程", 8),
    ("袁", 8),
    ("贺", 7),
    ("向", 7),
    ("梁", 7),
    ("韩", 7),
    ("魏", 6),
    ("雷", 6),
    ("石", 6),
    ("廖", 6),
    ("宋", 6),
    ("付", 6),
    ("董", 6),
    ("方", 5),
    ("吕", 5),
    ("沈", 5),
    ("姚", 5),
    ("秦", 5),
    ("段", 5),
    ("侯", 5),
    ("薛", 4),
    ("任", 4),
    ("卢", 4),
    ("谭", 4),
    ("熊", 4),
    ("覃", 3),
    ("康", 3),
    ("颜", 3),
    ("苏", 3),
    ("白", 3),
    ("鲁", 3),
    ("文", 3),
    ("税", 2),
    ("单", 2),
    ("屈", 2),
    ("郑", 4),
)

# Given names typical of each generation (born before 1970, 1970-1989, 1990 and later) and gender: single
# characters, and two-character names as people are actually named (a random pair of characters reads oddly).
_GIVEN: dict[str, tuple[tuple[str, str], ...]] = {
    "男": (
        (
            "林山明华军斌荣贵福才忠海平安清",
            "建国 建华 建军 国强 国华 志强 志华 德明 德福 永福 永昌 世华 世明 正清 文华 文斌 明德 学军 学文 "
            "忠林 春生 发明 福贵 富贵 宏伟 金山 玉林 振华 立新 新民 兴旺 家富 仁贵 光明 双全 海清 成林 顺才",
        ),
        (
            "伟强勇军杰涛斌鹏辉刚磊波超峰亮飞兵锋龙健凯毅宁东",
            "海涛 建波 志勇 小龙 晓东 国庆 红军 俊杰 文军 永刚 云飞 大伟 小军 志刚 海军 建峰 明亮 双喜 "
            "国栋 亚军 春雷 晓峰 伟东 新华 宏斌 鹏飞 金龙 俊峰 家兵 卫东 少华 振宇 德胜 世军",
        ),
        (
            "浩宇杰鑫豪鹏凯瑞阳帆航博旭",
            "浩然 子轩 宇航 博文 俊杰 子豪 浩宇 文博 梓涵 睿泽 晨阳 一鸣 嘉豪 宇轩 家乐 子墨 皓轩 思远 "
            "明轩 俊熙 天佑 泽宇 逸凡 昊天 梓豪 志豪 浩楠 雨泽 子健 宇豪 鑫磊 家豪",
        ),
    ),
    "女": (
        (
            "英兰芳珍凤梅琴霞菊莲",
            "秀英 桂兰 秀兰 玉兰 桂芳 秀珍 凤英 玉梅 翠花 春梅 淑珍 素芳 桂英 秀芳 玉珍 金凤 彩霞 春兰 "
            "菊花 秀琴 翠兰 月英 玉芳 爱华 桂香 秀云 兰英 玉凤 冬梅 银花",
        ),
        (
            "丽艳娟敏静燕玲红霞萍芳婷琳慧丹莉洁",
            "丽娟 艳玲 小燕 晓燕 丽华 海燕 春燕 红梅 晓红 小红 玉洁 雪梅 丽萍 艳红 美玲 秀丽 晓丽 金玲 "
            "小丽 亚丽 丽娜 文静 婷婷 小芳 晓霞 莉莉 娟娟 丹丹 慧敏 燕妮",
        ),
        (
            "悦彤璐颖茜蕾雪婷琪瑶",
            "欣怡 雨涵 梓涵 诗琪 佳怡 思雨 梦瑶 雨欣 可馨 佳琪 紫涵 一诺 欣悦 子涵 梓萱 诗涵 雨萱 佳慧 "
            "雅琪 婉婷 晶晶 思琪 欣然 梦洁 雨婷 佳欣 心怡 语嫣",
        ),
    ),
}
_GIVEN_NAMES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    gender: tuple((singles, tuple(pairs.split())) for singles, pairs in eras)
    for gender, eras in _GIVEN.items()
}
_SINGLE_SHARE = (0.3, 0.3, 0.15)  # share of one-character given names by generation


class _Names:
    """Chinese names from weighted surnames and given names typical of the person's generation and gender."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames = [s for s, _ in _SURNAMES]
        self.cum_weights = _cumulative([w for _, w in _SURNAMES])

    def make(self, gender: str, birth_year: int) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.cum_weights)[0]
        era = 0 if birth_year < 1970 else 1 if birth_year < 1990 else 2
        singles, pairs = _GIVEN_NAMES[gender][era]
        if rng.random() < _SINGLE_SHARE[era]:
            return surname + rng.choice(singles)
        return surname + rng.choice(pairs)


# --- phones ----------------------------------------------------------------------------------------------

# Mobile number segments of the three carriers (China Mobile, Unicom, Telecom), all valid 1[3-9]x prefixes.
_MOBILE_PREFIXES: tuple[str, ...] = (
    # China Mobile
    *("134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "178"),
    *("182", "183", "184", "187", "188", "198"),
    # China Unicom
    *("130", "131", "132", "155", "156", "166", "175", "176", "185", "186"),
    # China Telecom
    *("133", "153", "173", "177", "180", "181", "189", "191", "199"),
)


def _mobile(rng: random.Random, taken: set[str]) -> str:
    while True:
        number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
        if number not in taken:
            taken.add(number)
            return number


# --- accounts --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _AccountPlan:
    role: str
    unit_code: str  # a department code or a town code (its station)


# 16 demo accounts spread over the units; the administrator already exists and is never created here.
_ACCOUNTS: tuple[_AccountPlan, ...] = (
    _AccountPlan(CLERK, "610925100000"),  # 城关派出所 window
    _AccountPlan(CLERK, "ZADD"),  # household registration window of 治安管理大队
    _AccountPlan(COMMUNITY, "610925101000"),  # 佐龙
    _AccountPlan(COMMUNITY, "610925106000"),  # 民主
    _AccountPlan(COMMUNITY, "610925105000"),  # 石门
    _AccountPlan(SUPERVISOR, "610925100000"),  # 城关派出所所长
    _AccountPlan(SUPERVISOR, "FZDD"),  # 法制大队 (approvals)
    _AccountPlan(DISPATCHER, "ZHZX"),
    _AccountPlan(OFFICER, "XZDD"),
    _AccountPlan(OFFICER, "JJDD"),
    _AccountPlan(OFFICER, "JDDD"),
    _AccountPlan(OFFICER, "610925115000"),  # 南宫山
    _AccountPlan(PUBLICITY, "ZZC"),
    _AccountPlan(SUPPORT, "JWBZS"),
    _AccountPlan(AUDITOR, "DCDD"),
    _AccountPlan(LEADER, "ZZC"),  # 局领导: approves leave above the unit leaders' limit
)


def station_name(town_name: str) -> str:
    """城关镇 -> 城关派出所."""
    return (town_name[:-1] if town_name.endswith(("镇", "乡")) else town_name) + "派出所"


def station_code(town_code: str) -> str:
    return f"PCS{town_code[:9]}"


# --- citizens --------------------------------------------------------------------------------------------

# Where the ID number was issued (birth registration): mostly Langao, some elsewhere in Shaanxi.
_AREA_CODES: tuple[tuple[str, int], ...] = (
    (COUNTY_AREA, 880),
    ("610902", 40),  # 安康市汉滨区
    ("610924", 18),  # 紫阳县
    ("610923", 14),  # 宁陕县
    ("610926", 14),  # 平利县
    ("610921", 10),  # 汉阴县
    ("610927", 6),  # 镇坪县
    ("610928", 6),  # 旬阳县 (code before 2021)
    ("610929", 4),  # 白河县
    ("610113", 4),  # 西安市雁塔区
    ("610702", 4),  # 汉中市汉台区
)
_BIRTH_FIRST = date(1940, 1, 1)
_BIRTH_LAST = date(2008, 12, 31)
_BIRTH_MODE = date(1972, 1, 1)


def _place_name(village_name: str) -> str:
    """Committee names as people write them in an address: 西坡社区居委会 -> 西坡社区, 杜坝村委会 -> 杜坝村."""
    for suffix, short in (("社区居委会", "社区"), ("居委会", "社区"), ("村委会", "村")):
        if village_name.endswith(suffix):
            return village_name[: -len(suffix)] + short
    return village_name


@dataclass(frozen=True)
class _Village:
    town_code: str
    town_name: str
    code: str
    place: str
    urban: bool  # a community of the county seat: flats rather than 组/号


class _CitizenMaker:
    def __init__(self, seed: int, villages: Sequence[_Village], taken_ids: set[str], phones: set[str]):
        self.rng = random.Random(f"{seed}:citizens")
        self.names = _Names(self.rng)
        self.villages = list(villages)
        weights = []
        for v in villages:
            if v.urban:
                weights.append(8)
            elif v.place.endswith("社区"):
                weights.append(3)
            elif v.town_code == "610925100000":
                weights.append(2)
            else:
                weights.append(1)
        self.village_weights = _cumulative(weights)
        self.areas = [a for a, _ in _AREA_CODES]
        self.area_weights = _cumulative([w for _, w in _AREA_CODES])
        self.taken_ids = taken_ids
        self.phones = phones
        self.span = (_BIRTH_LAST - _BIRTH_FIRST).days
        self.mode = (_BIRTH_MODE - _BIRTH_FIRST).days

    def _birth(self) -> date:
        return _BIRTH_FIRST + timedelta(days=int(self.rng.triangular(0, self.span, self.mode)))

    def _id_number(self, area: str, birth: date, male: bool) -> str:
        rng = self.rng
        while True:
            seq = rng.randrange(500) * 2 + (1 if male else 0)  # odd order code: man; even: woman
            number = make_id_number(area, birth, seq)
            if number not in self.taken_ids:
                self.taken_ids.add(number)
                return number

    def _address(self, v: _Village) -> str:
        rng = self.rng
        if v.urban and rng.random() < 0.7:
            detail = f"{rng.randint(1, 24)}号楼{rng.randint(1, 4)}单元{rng.randint(1, 18)}{rng.randint(1, 4):02d}室"
        else:
            detail = f"{rng.randint(1, 12)}组{rng.randint(1, 160)}号"
        return f"岚皋县{v.town_name}{v.place}{detail}"

    def row(self) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < 0.51
        gender = "男" if male else "女"
        birth = self._birth()
        area = rng.choices(self.areas, cum_weights=self.area_weights)[0]
        village = rng.choices(self.villages, cum_weights=self.village_weights)[0]
        phone = _mobile(rng, self.phones) if rng.random() < 0.93 else None
        return {
            "id_number": self._id_number(area, birth, male),
            "name": self.names.make(gender, birth.year),
            "gender": gender,
            "birth_date": birth,
            "phone": phone,
            "town_code": village.town_code,
            "village_code": village.code,
            "address": self._address(village),
        }

    def replace_id(self, row: dict[str, Any]) -> None:
        """Give a row another order code (its number is already taken in the database)."""
        number = row["id_number"]
        row["id_number"] = self._id_number(number[:6], row["birth_date"], row["gender"] == "男")


def _cumulative(weights: Sequence[int]) -> list[int]:
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


def _villages() -> list[_Village]:
    data = division_reference()
    seat = data["towns"][0]["code"]
    return [
        _Village(
            t["code"],
            t["name"],
            v["code"],
            _place_name(v["name"]),
            urban=t["code"] == seat and v["name"].endswith("社区居委会"),
        )
        for t in data["towns"]
        for v in t["villages"]
    ]


def _insert_citizens(
    session: Session, rows: list[dict[str, Any]], keys: dict[str, tuple[str, str]], actor: Actor
) -> None:
    """Core executemany through the register's bulk insert (never ORM add_all for bulk work).

    Search keys are computed once per distinct name here: a run of 100,000 citizens has some 20,000
    distinct names, more than ``search_keys``' own cache holds.
    """
    for row in rows:
        name = row["name"]
        pair = keys.get(name)
        if pair is None:
            pair = keys[name] = search_keys(name)
        row["name_pinyin"], row["name_initials"] = pair
        row["notes"] = ""
        row["is_demo"] = True
    bulk_insert_citizens(session, rows, actor=actor, chunk_size=len(rows) or 1)


def _existing_ids(session: Session, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), 900):
        part = numbers[start : start + 900]
        found.update(session.execute(select(Citizen.id_number).where(Citizen.id_number.in_(part))).scalars())
    return found


def _citizen_chunks(session: Session, seed: int, count: int, chunk: int) -> Iterator[list[dict[str, Any]]]:
    """Rows in chunks; numbers that already exist in the database (real citizens) are replaced."""
    check_db = session.execute(select(exists().where(Citizen.id.is_not(None)))).scalar()
    maker = _CitizenMaker(seed, _villages(), set(), set())
    made = 0
    while made < count:
        rows = [maker.row() for _ in range(min(chunk, count - made))]
        if check_db:
            clashes = _existing_ids(session, [r["id_number"] for r in rows])
            while clashes:
                for r in rows:
                    if r["id_number"] in clashes:
                        maker.replace_id(r)
                clashes = _existing_ids(session, [r["id_number"] for r in rows]) & clashes
        made += len(rows)
        yield rows


# --- the loader ------------------------------------------------------------------------------------------


class _Steps:
    def __init__(self, progress: ProgressLike | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def advance(self, n: int, text: str) -> None:
        self.done += n
        if self.progress is not None:
            self.progress.report(min(self.done, self.total), self.total, text)

    def check(self) -> None:
        if self.progress is not None:
            self.progress.check()


def demo_present(session: Session) -> bool:
    """True once demo stations or demo citizens exist."""
    units = select(exists().where(Unit.is_demo.is_(True)))
    citizens = select(exists().where(Citizen.is_demo.is_(True)))
    return bool(session.execute(units).scalar() or session.execute(citizens).scalar())


def _sync_logins(session: Session, created: list[tuple[str, str]]) -> None:
    """On a provisioned PostgreSQL server the demo accounts log in as their own roles (see pg_security)."""
    from app.services.pg_security.roles import provisioned, sync_login

    if not provisioned(session):
        return
    ids = dict(session.execute(select(User.username, User.id).where(User.username.in_([u for u, _ in created]))).all())
    for username, password in created:
        sync_login(session, ids[username], username, password)


def _new_password(username: str) -> str:
    while True:
        password = temporary_password()
        if passwords.policy_error(password, username) is None:
            return password


def _load_stations(session: Session, seed: int) -> tuple[int, dict[str, Unit]]:
    """One demo 派出所 per town; an existing unit of the same code or name is used as it is."""
    rng = random.Random(f"{seed}:units")
    towns = division_reference()["towns"]
    codes = [station_code(t["code"]) for t in towns]
    names = [station_name(t["name"]) for t in towns]
    existing = list(
        session.execute(select(Unit).where(Unit.code.in_(codes) | Unit.name.in_(names))).scalars()
    )
    by_code = {u.code: u for u in existing}
    by_name = {u.name: u for u in existing}
    stations: dict[str, Unit] = {}
    added = 0
    for i, (town, code, name) in enumerate(zip(towns, codes, names, strict=True)):
        phone = f"0915-252{rng.randrange(10_000):04d}"
        unit = by_code.get(code) or by_name.get(name)
        if unit is None:
            unit = Unit(
                code=code,
                name=name,
                kind="station",
                town_code=town["code"],
                phone=phone,
                sort_order=200 + 10 * i,
                is_demo=True,
                updated_by=SYSTEM.username,
            )
            session.add(unit)
            added += 1
        stations[town["code"]] = unit
    session.flush()
    return added, stations


def _plan_accounts(
    session: Session, seed: int, units: dict[str, Unit]
) -> list[tuple[_AccountPlan, str, str, str, str, Unit | None]]:
    """(plan, username, display name, badge, phone, unit) for each demo account; deterministic per seed."""
    rng = random.Random(f"{seed}:users")
    names = _Names(rng)
    phones: set[str] = set()
    badges: set[str] = set()
    planned: list[tuple[_AccountPlan, str, str, str, str, Unit | None]] = []
    drafts = []
    for plan in _ACCOUNTS:
        gender = "男" if rng.random() < 0.75 else "女"
        name = names.make(gender, rng.randint(1966, 1999))
        while True:
            badge = f"{rng.randrange(1_000_000):06d}"
            if badge not in badges and badge[0] != "0":
                badges.add(badge)
                break
        drafts.append((plan, name, badge, _mobile(rng, phones)))
    bases = [search_keys(name)[0] or "user" for _, name, _, _ in drafts]
    candidates = bases + [f"{b}{n}" for b in bases for n in range(2, 10)]
    taken = set(session.execute(select(User.username).where(User.username.in_(candidates))).scalars())
    checked = set(candidates)

    def in_use(username: str) -> bool:
        if username in taken:
            return True
        if username in checked:
            return False
        return session.execute(select(User.id).where(User.username == username)).first() is not None

    for (plan, name, badge, phone), base in zip(drafts, bases, strict=True):
        username, n = base, 1
        while in_use(username):
            n += 1
            username = f"{base}{n}"
        taken.add(username)
        planned.append((plan, username, name, badge, phone, units.get(plan.unit_code)))
    return planned


def load_demo(
    session: Session,
    *,
    citizens: int = 2000,
    seed: int = DEFAULT_SEED,
    progress: ProgressLike | None = None,
    actor: Actor = SYSTEM,
    platforms: bool = False,
) -> DemoResult:
    """Fill the database with demo data for Langao in the caller's transaction (see the module doc).

    ``platforms=True`` (the command line and the first-start dialog) adds each platform's demo data too.

    Raises:
        DomainError: demo data is already present (code ``error`` with a Chinese detail).
        PermissionDenied: ``actor`` may not load demo data.
        Cancelled: ``progress.check()`` reported a cancellation; the caller's transaction rolls back.
    """
    started = time.perf_counter()
    require(session, actor, DEMO_LOAD)
    if not 0 <= citizens <= MAX_CITIZENS:
        raise DomainError("error", detail=f"演示群众人数应在 0 到 {MAX_CITIZENS} 之间。")
    if demo_present(session):
        raise DomainError("error", detail=ALREADY_LOADED)
    steps = _Steps(progress, 3 + len(_ACCOUNTS) + citizens)
    pool: ThreadPoolExecutor | None = None
    try:
        steps.advance(0, "正在载入行政区划…")
        divisions_added = load_divisions(session, actor=actor, audited=False)
        steps.advance(1, "正在载入部门…")
        departments_added = load_departments(session, actor=actor, audited=False)
        steps.advance(1, "正在建立派出所…")
        stations_added, stations = _load_stations(session, seed)
        units: dict[str, Unit] = dict(stations)
        for other in session.execute(select(Unit).where(Unit.kind != "station")).scalars():
            units.setdefault(other.code, other)
        steps.advance(1, "正在生成演示群众…")

        # argon2 is slow by design (tens to hundreds of ms per hash): hash in the background while the
        # citizens are generated and inserted.
        plans = _plan_accounts(session, seed, units)
        secrets_ = [_new_password(username) for _, username, *_ in plans]
        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="demo-hash")
        hashes: list[Future[str]] = [pool.submit(passwords.hash_password, p) for p in secrets_]

        made = 0
        keys: dict[str, tuple[str, str]] = {}
        for rows in _citizen_chunks(session, seed, citizens, CITIZEN_CHUNK):
            steps.check()
            _insert_citizens(session, rows, keys, actor)
            made += len(rows)
            steps.advance(len(rows), f"正在生成演示群众（{made}/{citizens}）…")

        roles = {r.code: r for r in session.execute(select(Role)).scalars()}
        accounts: list[DemoAccount] = []
        created: list[tuple[str, str]] = []
        for (plan, username, name, badge, phone, unit), password, hashed in zip(
            plans, secrets_, hashes, strict=True
        ):
            steps.check()
            role = roles[plan.role]
            created.append((username, password))
            session.add(
                User(
                    username=username,
                    display_name=name,
                    password_hash=hashed.result(),
                    badge_no=badge,
                    phone=phone,
                    unit_id=unit.id if unit is not None else None,
                    must_change_password=True,
                    roles=[role],
                    updated_by=actor.username,
                )
            )
            accounts.append(
                DemoAccount(
                    username, name, role.name, password, role.code, unit.name if unit else "", badge, phone
                )
            )
            steps.advance(1, f"正在生成演示账号（{len(accounts)}/{len(plans)}）…")
        session.flush()
        _sync_logins(session, created)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    if platforms:
        _load_platforms(session, seed, actor, progress)

    result = DemoResult(
        divisions_added=divisions_added,
        departments_added=departments_added,
        stations_added=stations_added,
        accounts=tuple(accounts),
        citizens=made,
        seed=seed,
        seconds=time.perf_counter() - started,
    )
    audit.record(
        session,
        actor,
        "load_demo",
        entity="demo",
        new={
            "seed": seed,
            "divisions_added": divisions_added,
            "departments_added": departments_added,
            "stations_added": stations_added,
            "users": [a.username for a in accounts],
            "citizens": made,
        },
        detail=f"载入演示数据：{stations_added} 个派出所，{len(accounts)} 个账号，{made} 名群众",
    )
    return result


# Each platform's own demo data, in dependency order (publicity needs the service catalogue; support needs
# the duty board), loaded after the people exist.
PLATFORM_DEMOS = ("demo_citizen_service", "demo_keyperson", "demo_dispatch", "demo_publicity", "demo_support")


def _load_platforms(session: Session, seed: int, actor: Actor, progress: ProgressLike | None) -> None:
    import importlib

    for index, name in enumerate(PLATFORM_DEMOS):
        if progress is not None:
            progress.report(index, len(PLATFORM_DEMOS), f"正在生成各平台演示数据（{index + 1}/{len(PLATFORM_DEMOS)}）…")
        module = importlib.import_module(f"app.services.{name}")
        module.load(session, random.Random(f"{seed}:{name}"), actor=actor)
        session.flush()


def print_progress(stream: Callable[[str], None]) -> ProgressLike:
    """A console progress reporter for the command line (no cancellation)."""

    class _Printer:
        last = -1

        def report(self, done: int, total: int, text: str = "") -> None:
            percent = 100 * done // max(total, 1)
            if percent // 10 != self.last // 10:
                self.last = percent
                stream(f"{percent:3d}% {text}")

        def check(self) -> None:
            return None

    return _Printer()
