"""Demo data for the publicity platform: Langao's window rules, 54 convenience measures, their history and a
year of releases on county TV, flyers, the government website and the mobile newspaper.

Written the way the services would write it (numbers, versions, approvals by a supervisor who is not the
author, superseded versions withdrawn, the exact texts released) but inserted directly, so no stale review
tasks land in the demo inboxes. Called by ``demo_data.load_demo`` after the accounts (and, for the figures
release, after the citizen-service demo)::

    from app.services import demo_publicity
    demo_publicity.load(session, random.Random(seed), actor=actor)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.accounts import User
from app.models.db import mark_changed
from app.models.org import Unit
from app.models.permissions import DEMO_LOAD
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_permissions import (
    APPROVED,
    CHANNEL_FLYER,
    CHANNEL_MOBILE,
    CHANNEL_TV,
    CHANNEL_WEBSITE,
    DRAFT,
    KIND_MEASURE,
    KIND_RULE,
    PUBLICITY_APPROVE,
    PUBLICITY_EDIT,
    PUBLISHED,
    SORT_BASE,
    SUBJECT_FIGURES,
    SUBJECT_RULES,
    WITHDRAWN,
)
from app.models.publicity_release import PublicityRelease, PublicityReleaseItem
from app.models.working_calendar import BEIJING
from app.services import audit, publicity_public_figures, reference_data
from app.services.context import SYSTEM, Actor
from app.services.permissions import require
from app.services.publicity_demo_texts import EARLIER, MEASURES, OPEN_WORK, RULES
from app.services.publicity_exports import make_bundle, mobile_text, tv_script, website_html
from app.services.publicity_workflow import users_with
from app.services.working_days import today as working_today

HISTORY_DAYS = 420
_ITEM = cast(Table, PublicityItem.__table__)
_VERSION = cast(Table, PublicityVersion.__table__)
_RELEASE = cast(Table, PublicityRelease.__table__)
_RELEASE_ITEM = cast(Table, PublicityReleaseItem.__table__)


@dataclass(frozen=True)
class PublicityDemo:
    items: int
    versions: int
    releases: int


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), BEIJING).astimezone(UTC)


class _Loader:
    def __init__(self, session: Session, rng: random.Random, actor: Actor, day0: date) -> None:
        self.s, self.rng, self.actor, self.day0 = session, rng, actor, day0
        reference_data.load_departments(session, actor=actor, audited=False)
        self.units = dict(session.execute(select(Unit.code, Unit.id)).all())
        names = dict(session.execute(select(User.id, User.display_name)).all())
        approvers = users_with(session, PUBLICITY_APPROVE)
        writers = [u for u in users_with(session, PUBLICITY_EDIT) if u not in approvers]
        self.author = (writers[0], names[writers[0]]) if writers else (None, "宣传干事")
        self.approvers = [(u, names[u]) for u in approvers if u != self.author[0]]
        if not self.approvers:
            raise DomainError("error", detail="载入宣传平台演示数据需要至少一个有审批权限的领导账号。")
        self.versions = 0

    def day(self, offset: int) -> date:
        return self.day0 + timedelta(days=offset)

    def add_item(self, kind: str, number: str, order: int) -> int:
        row = {"kind": kind, "number": number, "sort_order": order, "title": "", "latest_no": 0,
               "latest_status": DRAFT, "version": 1, "created_at": _at(self.day0), "updated_at": _at(self.day0),
               "updated_by": self.actor.username}  # fmt: skip
        return int(self.s.execute(insert(_ITEM).returning(_ITEM.c.id), row).scalar_one())

    def add_version(
        self, item_id: int, no: int, text: tuple[str, str, str], status: str, start: int, *, note: str = "",
        effective: int | None = None, withdrawn: tuple[int, str] | None = None,
    ) -> int:  # fmt: skip
        title, content, unit = text
        approver = self.rng.choice(self.approvers)
        decided = status in (APPROVED, PUBLISHED, WITHDRAWN)
        row: dict[str, Any] = {
            "item_id": item_id, "no": no, "title": title, "content": content, "unit_id": self.units[unit],
            "effective_from": self.day(start + 10 if effective is None else effective), "effective_to": None,
            "change_note": note, "status": status, "author_id": self.author[0], "author_name": self.author[1],
            "editor_ids": [self.author[0]] if self.author[0] else [],
            "submitted_at": _at(self.day(start + 1)) if status != DRAFT else None,
            "approved_by_id": approver[0] if decided else None, "approved_by_name": approver[1] if decided else "",
            "approved_at": _at(self.day(start + 3), 16) if decided else None,
            "review_opinion": "同意发布。" if decided else "",
            "published_at": _at(self.day(start + 10)) if status in (PUBLISHED, WITHDRAWN) and decided else None,
            "withdrawn_at": _at(self.day(withdrawn[0])) if withdrawn else None,
            "withdrawn_reason": withdrawn[1] if withdrawn else "",
            "version": 1, "created_at": _at(self.day(start), 9), "updated_at": _at(self.day(start + 3), 16),
            "updated_by": self.actor.username,
        }  # fmt: skip
        self.versions += 1
        return int(self.s.execute(insert(_VERSION).returning(_VERSION.c.id), row).scalar_one())

    def release(
        self, channel: str, offset: int, version_ids: list[int], reach: int, note: str = "", title: str = ""
    ) -> None:
        rows = list(
            self.s.execute(select(PublicityVersion).where(PublicityVersion.id.in_(version_ids))).scalars()
        )
        b = make_bundle(self.s, rows, self.day(offset))
        body = {CHANNEL_WEBSITE: website_html, CHANNEL_MOBILE: mobile_text, CHANNEL_TV: tv_script}.get(
            channel
        )
        rel_id = self.s.execute(
            insert(_RELEASE).returning(_RELEASE.c.id),
            {
                "channel": channel,
                "subject": SUBJECT_RULES,
                "released_on": self.day(offset),
                "title": title or b.title,
                "body": body(b) if body else "",
                "item_count": len(rows),
                "reach": reach,
                "note": note,
                "recorded_by_id": self.author[0],
                "recorded_by_name": self.author[1],
                "approvers": "、".join(
                    dict.fromkeys(v.approved_by_name for v in b.versions if v.approved_by_name)
                ),
                "version": 1,
                "created_at": _at(self.day(offset), 15),
                "updated_at": _at(self.day(offset), 15),
                "updated_by": self.actor.username,
            },  # fmt: skip
        ).scalar_one()
        self.s.execute(
            insert(_RELEASE_ITEM),
            [
                {
                    "release_id": rel_id,
                    "version_id": v.id,
                    "item_number": v.item_number,
                    "version_no": v.no,
                    "title": v.title,
                    "approved_by_name": v.approved_by_name,
                }
                for v in b.versions
            ],  # fmt: skip
        )

    def sync_items(self) -> None:
        for item in self.s.execute(select(PublicityItem)).scalars():
            versions = sorted(
                self.s.execute(select(PublicityVersion).where(PublicityVersion.item_id == item.id)).scalars(),
                key=lambda v: v.no,
            )
            latest = versions[-1]
            item.title, item.unit_id, item.latest_no, item.latest_status = (
                latest.title, latest.unit_id, latest.no, latest.status,
            )  # fmt: skip
            item.published_no = next((v.no for v in versions if v.status == PUBLISHED), None)


def load(
    session: Session, rng: random.Random, *, actor: Actor = SYSTEM, today: date | None = None
) -> PublicityDemo:
    """Rules, measures, their versions and releases, dated over the last ~14 months before ``today``."""
    require(session, actor, DEMO_LOAD)
    if session.execute(select(PublicityItem.id).limit(1)).first() is not None:
        raise DomainError("error", detail="宣传平台中已有服务规则或便民措施，演示数据未载入。")
    end = today or working_today()
    ld = _Loader(session, rng, actor, end - timedelta(days=HISTORY_DAYS))
    first: dict[str, int] = {}  # number -> id of the version released first
    current: dict[str, int] = {}  # number -> id of the version in force now
    for kind, texts, prefix, start in ((KIND_RULE, RULES, "GZ", 0), (KIND_MEASURE, MEASURES, "CS", 20)):
        for n, text in enumerate(texts, 1):
            number = f"{prefix}-{n:02d}"
            item_id = ld.add_item(kind, number, SORT_BASE[kind] + n * 10)
            if number in EARLIER:
                title, content, unit, note = EARLIER[number]
                first[number] = ld.add_version(
                    item_id, 1, (title, content, unit), WITHDRAWN, start, withdrawn=(210, "由第2版替代")
                )
                current[number] = ld.add_version(item_id, 2, text, PUBLISHED, 195, note=note, effective=205)
            else:
                first[number] = current[number] = ld.add_version(item_id, 1, text, PUBLISHED, start)
            if number in OPEN_WORK:
                status, content, note = OPEN_WORK[number]
                no = 3 if number in EARLIER else 2
                ld.add_version(item_id, no, (text[0], content, text[2]), status, HISTORY_DAYS - 6, note=note,
                               effective=HISTORY_DAYS + 30)  # fmt: skip
    session.flush()
    rules = [first[f"GZ-{n:02d}"] for n in range(1, len(RULES) + 1)]
    measures = [first[f"CS-{n:02d}"] for n in range(1, len(MEASURES) + 1)]
    _releases(ld, rules, measures, [current[k] for k in sorted(current)], rng)
    ld.sync_items()
    released = _figures(ld, end)
    session.flush()
    mark_changed(session, "publicity_item", "publicity_version", "publicity_release")
    count = session.execute(select(PublicityRelease.id)).all()
    audit.record(
        session, actor, "load_demo", entity="publicity",
        new={"items": len(RULES) + len(MEASURES), "versions": ld.versions, "releases": len(count),
             "figures_releases": released},
        detail=f"载入宣传平台演示数据：{len(RULES)} 项服务规则、{len(MEASURES)} 项便民措施",
    )  # fmt: skip
    return PublicityDemo(len(RULES) + len(MEASURES), ld.versions, len(count))


def _releases(
    ld: _Loader, rules: list[int], measures: list[int], now_in_force: list[int], rng: random.Random
) -> None:
    everything = rules + measures
    ld.release(CHANNEL_WEBSITE, 30, everything, rng.randint(9000, 14000), "县政府网站“政务公开”栏目")
    ld.release(CHANNEL_FLYER, 32, everything, 20000, "印发至12个镇便民服务中心和各村（社区）")
    ld.release(CHANNEL_TV, 35, rules, 6, "县电视台《岚皋新闻》连续播出")
    for n, offset in enumerate((60, 90, 120)):
        ld.release(
            CHANNEL_TV, offset, measures[n * 18 : (n + 1) * 18], rng.randint(3, 6), "《岚皋新闻》便民措施系列"
        )
    # the mobile newspaper: the rules, then the measures a few at a time (each issue within 500 characters)
    issues, issue, offset = [], [], 40
    for vid in measures:
        issue.append(vid)
        if len(issue) == 5:
            issues.append(issue)
            issue = []
    if issue:
        issues.append(issue)
    for issue_no, group in enumerate([rules[:2], rules[2:], *issues], 1):
        rows = list(ld.s.execute(select(PublicityVersion).where(PublicityVersion.id.in_(group))).scalars())
        while len(mobile_text(make_bundle(ld.s, rows, ld.day(offset)))) > 500 and len(rows) > 1:
            rows = rows[:-1]
        title = f"岚皋公安便民服务（第{issue_no}期）"
        ld.release(CHANNEL_MOBILE, offset, [v.id for v in rows], rng.randint(2500, 8000), title=title)
        offset += 14
    ld.release(CHANNEL_WEBSITE, 212, now_in_force, rng.randint(3000, 6000), "修订后重新公布")
    ld.release(CHANNEL_FLYER, 215, now_in_force, 8000, "修订后重新印制")


def _figures(ld: _Loader, end: date) -> int:
    """The last full quarter's public figures on the website and in the mobile newspaper."""
    q = (end.month - 1) // 3 or 4
    year = end.year if (end.month - 1) // 3 else end.year - 1
    start = date(year, 3 * q - 2, 1)
    stop = (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)
    figures = publicity_public_figures.compute(ld.s, start, stop)
    day = stop + timedelta(days=5)
    for channel, reach in ((CHANNEL_WEBSITE, 2300), (CHANNEL_MOBILE, 5100)):
        ld.s.execute(
            insert(_RELEASE),
            {
                "channel": channel,
                "subject": SUBJECT_FIGURES,
                "released_on": day,
                "title": figures.title[:100],
                "body": publicity_public_figures.channel_body(channel, figures, None),
                "figures_start": start,
                "figures_end": stop,
                "item_count": 0,
                "reach": reach,
                "note": "季度数据公开",
                "recorded_by_id": ld.author[0],
                "recorded_by_name": ld.author[1],
                "approvers": "",
                "version": 1,
                "created_at": _at(day, 15),
                "updated_at": _at(day, 15),
                "updated_by": ld.actor.username,
            },  # fmt: skip
        )
    return 2
