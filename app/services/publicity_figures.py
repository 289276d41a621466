"""Figures of the releases per channel and period: how often each channel carried what, and how far it reached.

Reach is summed per channel only: copies, broadcasts and page views are different units and are never added
together across channels.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.publicity_permissions import CHANNEL_NAMES, PUBLICITY_VIEW, REACH_NAMES, REACH_UNITS
from app.models.publicity_release import PublicityRelease, PublicityReleaseItem
from app.services.context import Actor
from app.services.permissions import require

MAX_PERIOD_DAYS = 5 * 366


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    label: str
    releases: int
    items: int  # rules and measures carried, counted once per release
    versions: int  # different versions carried
    reach: int
    reach_label: str
    reach_unit: str


@dataclass(frozen=True)
class MonthRow:
    month: str  # 2026-03
    releases: dict[str, int]
    reach: dict[str, int]


@dataclass(frozen=True)
class ChannelFigures:
    start: date
    end: date
    rows: tuple[ChannelRow, ...]  # every channel, in the fixed order, zeros included
    months: tuple[MonthRow, ...]

    @property
    def releases(self) -> int:
        return sum(r.releases for r in self.rows)

    def row(self, channel: str) -> ChannelRow:
        return next(r for r in self.rows if r.channel == channel)


def check_period(start: date, end: date) -> None:
    if end < start:
        raise DomainError("publicity_period", detail="结束日期早于开始日期")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError("publicity_period", detail="一次最多统计五年")


def month_keys(start: date, end: date) -> list[str]:
    """Every month of the period, so a chart shows the quiet months too."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def channel_figures(session: Session, actor: Actor, start: date, end: date) -> ChannelFigures:
    require(session, actor, PUBLICITY_VIEW)
    check_period(start, end)
    r = PublicityRelease
    period = (r.released_on >= start, r.released_on <= end)
    per_channel = {
        ch: (int(n), int(items or 0), int(reach or 0))
        for ch, n, items, reach in session.execute(
            select(r.channel, func.count(), func.sum(r.item_count), func.sum(r.reach))
            .where(*period)
            .group_by(r.channel)
        )
    }
    versions = dict(
        session.execute(
            select(r.channel, func.count(func.distinct(PublicityReleaseItem.version_id)))
            .join(PublicityReleaseItem, PublicityReleaseItem.release_id == r.id)
            .where(*period)
            .group_by(r.channel)
        ).all()
    )
    rows = tuple(
        ChannelRow(
            ch,
            label,
            *per_channel.get(ch, (0, 0, 0))[:2],
            int(versions.get(ch, 0)),
            per_channel.get(ch, (0, 0, 0))[2],
            REACH_NAMES[ch],
            REACH_UNITS[ch],
        )  # fmt: skip
        for ch, label in CHANNEL_NAMES.items()
    )
    releases: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reach: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, ch, n, total in session.execute(
        select(r.released_on, r.channel, func.count(), func.sum(r.reach))
        .where(*period)
        .group_by(r.released_on, r.channel)
    ):
        key = f"{day:%Y-%m}"
        releases[key][ch] += int(n)
        reach[key][ch] += int(total or 0)
    months = tuple(
        MonthRow(m, dict(releases.get(m, {})), dict(reach.get(m, {}))) for m in month_keys(start, end)
    )
    return ChannelFigures(start, end, rows, months)
