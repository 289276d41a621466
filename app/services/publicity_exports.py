"""Rules and measures in each channel's form: website page, mobile-newspaper text, TV script (the flyer is
printed by :mod:`app.printing.publicity_flyer`).

Every output is made from a :class:`Bundle` of exact versions, and only approved or published versions can be
bundled, so nothing unapproved reaches the public through an export either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_permissions import (
    CHANNEL_MOBILE,
    CHANNEL_NAMES,
    KIND_MEASURE,
    KIND_RULE,
    PUBLICITY_VIEW,
    PUBLISHED,
    RELEASABLE_STATUSES,
)
from app.models.working_calendar import local_date
from app.services import publicity_html as H
from app.services.context import Actor
from app.services.permissions import require
from app.services.publicity_common import VersionInfo, cn_date, versions_info
from app.services.publicity_settings import TV_CHARS_PER_MINUTE, PublicitySettings, load
from app.services.publicity_workflow import check_releasable
from app.services.working_days import today

DIGITS = "零一二三四五六七八九"
RULES_HEADING = "窗口服务规则"
MEASURES_HEADING = "便民服务措施"


@dataclass(frozen=True)
class Bundle:
    rules: tuple[VersionInfo, ...]
    measures: tuple[VersionInfo, ...]
    settings: PublicitySettings
    day: date

    @property
    def versions(self) -> tuple[VersionInfo, ...]:
        return self.rules + self.measures

    @property
    def title(self) -> str:
        if self.rules and self.measures:
            return f"{self.settings.org_name}窗口服务规则和便民服务措施"
        return f"{self.settings.org_name}{RULES_HEADING if self.rules else MEASURES_HEADING}"


def cn_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 54 -> 五十四 (up to 99)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def _ordered(versions: Iterable[VersionInfo], items: dict[int, PublicityItem]) -> list[VersionInfo]:
    return sorted(versions, key=lambda v: (items[v.item_id].sort_order, v.item_number))


def bundle(session: Session, actor: Actor, version_ids: Sequence[int], *, day: date | None = None) -> Bundle:
    """The chosen versions; refused unless each one is approved or published."""
    require(session, actor, PUBLICITY_VIEW)
    ids = list(dict.fromkeys(version_ids))
    if not ids:
        raise DomainError("publicity_nothing")
    rows = list(session.execute(select(PublicityVersion).where(PublicityVersion.id.in_(ids))).scalars())
    for v in rows:
        check_releasable(v)
    return make_bundle(session, rows, day)


def releasable(session: Session, actor: Actor) -> list[VersionInfo]:
    """Every version that may go out now (approved or published), in catalogue order."""
    require(session, actor, PUBLICITY_VIEW)
    rows = list(
        session.execute(
            select(PublicityVersion).where(PublicityVersion.status.in_(RELEASABLE_STATUSES))
        ).scalars()
    )
    return list(make_bundle(session, rows, None).versions) if rows else []


def current(session: Session, actor: Actor, *, day: date | None = None) -> Bundle:
    """Every version now in force (published): what the website page lists."""
    require(session, actor, PUBLICITY_VIEW)
    rows = list(
        session.execute(select(PublicityVersion).where(PublicityVersion.status == PUBLISHED)).scalars()
    )
    if not rows:
        raise DomainError("publicity_nothing")
    return make_bundle(session, rows, day)


def make_bundle(session: Session, rows: list[PublicityVersion], day: date | None) -> Bundle:
    items = {
        i.id: i
        for i in session.execute(
            select(PublicityItem).where(PublicityItem.id.in_({v.item_id for v in rows}))
        ).scalars()
    }
    infos = _ordered(versions_info(session, rows), items)
    return Bundle(
        tuple(v for v in infos if v.kind == KIND_RULE),
        tuple(v for v in infos if v.kind == KIND_MEASURE),
        load(session),
        day or today(),
    )


# --- government website --------------------------------------------------------------------------------------


def _entry_html(n: int, v: VersionInfo) -> str:
    meta = f"责任部门：{v.unit_name}　{v.effective_text}　第{v.no}版" + (
        f"，{cn_date(local_date(v.approved_at))}审核批准" if v.approved_at else ""
    )
    return (
        f'<article id="{escape(v.item_number)}"><h3>{n}. {escape(v.title)}</h3>'
        f'{H.paragraphs(v.content)}<p class="meta">{escape(meta)}</p></article>'
    )


def website_html(b: Bundle) -> str:
    blocks = []
    if b.rules:
        blocks.append(
            H.Block("rules", RULES_HEADING, "".join(_entry_html(n, v) for n, v in enumerate(b.rules, 1)))
        )
    if b.measures:
        blocks.append(
            H.Block(
                "measures", MEASURES_HEADING, "".join(_entry_html(n, v) for n, v in enumerate(b.measures, 1))
            )
        )
    intro = (
        f"为进一步方便群众办事，{b.settings.org_name}推行窗口服务规则{len(b.rules)}项、"
        f"便民服务措施{len(b.measures)}项，现予公布，欢迎社会各界监督。"
    )
    return H.page(b.title, b.settings.org_name, blocks, intro=intro, footer_lines=_footer(b))


def _footer(b: Bundle) -> list[str]:
    s = b.settings
    return [
        f"{s.org_name}　{cn_date(b.day)}发布",
        f"咨询电话：{s.hotline}" if s.hotline else "",
        f"网址：{s.website_url}" if s.website_url else "",
    ]


# --- mobile newspaper ----------------------------------------------------------------------------------------


def check_length(channel: str, text: str, limit: int) -> None:
    """Refuse a text longer than the channel allows (every character counts, the signature included)."""
    if not text.strip():
        raise DomainError("publicity_empty_text", channel=CHANNEL_NAMES.get(channel, channel))
    if len(text) > limit:
        raise DomainError(
            "publicity_too_long", channel=CHANNEL_NAMES.get(channel, channel), length=len(text), max=limit
        )


def mobile_text(b: Bundle) -> str:
    """The short text as generated (not yet checked against the limit: the officer may shorten it)."""
    lines = [f"{b.settings.mobile_signature}{b.title}"]
    for heading, rows in (("服务规则", b.rules), ("便民措施", b.measures)):
        if not rows:
            continue
        if b.rules and b.measures:
            lines.append(f"{heading}：")
        for n, v in enumerate(rows, 1):
            body = "".join(v.content.split())
            lines.append(f"{n}.{v.title}：{body}")
    if b.settings.hotline:
        lines.append(f"咨询电话：{b.settings.hotline}")
    return "\n".join(lines)


def checked_mobile_text(b: Bundle, text: str | None = None) -> str:
    text = mobile_text(b) if text is None else text
    check_length(CHANNEL_MOBILE, text, b.settings.mobile_limit)
    return text


# --- county TV -----------------------------------------------------------------------------------------------


def spoken_length(script: str) -> int:
    """Characters the reader speaks: the lines marked 【播音】, without the marks."""
    return sum(
        len(line.removeprefix("【播音】")) for line in script.splitlines() if line.startswith("【播音】")
    )


def duration_text(chars: int) -> str:
    seconds = round(chars * 60 / TV_CHARS_PER_MINUTE)
    minutes, rest = divmod(seconds, 60)
    return f"约{minutes}分{rest:02d}秒" if minutes else f"约{rest}秒"


def tv_script(b: Bundle) -> str:
    s = b.settings
    body = [
        "【片头】字幕：" + b.title,
        "【画面】县公安局政务服务大厅，群众在窗口办理业务",
        f"【播音】观众朋友们，为进一步方便群众办事，{s.org_name}推行"
        + "、".join(
            t
            for t in (
                f"{cn_number(len(b.rules))}项窗口服务规则" if b.rules else "",
                f"{cn_number(len(b.measures))}项便民服务措施" if b.measures else "",
            )
            if t
        )
        + "。",
    ]
    for heading, rows in (("窗口服务规则", b.rules), ("便民服务措施", b.measures)):
        if not rows:
            continue
        body.append(f"【字幕】{heading}")
        for n, v in enumerate(rows, 1):
            body.append(f"【字幕】{n}. {v.title}")
            body.append(f"【播音】第{cn_number(n)}，{v.title}。" + "".join(v.content.split()))
    closing = f"【播音】以上规则和措施已经施行，欢迎广大群众监督。{s.org_name}，真诚为您服务。"
    body.append(closing)
    if s.hotline:
        body.append(f"【字幕】咨询电话：{s.hotline}")
    body.append("【片尾】")
    spoken = spoken_length("\n".join(body))
    head = [
        f"{b.title}（电视宣传稿）",
        f"播出单位：{s.org_name}　稿件日期：{cn_date(b.day)}　"
        f"预计时长：{duration_text(spoken)}（按每分钟{TV_CHARS_PER_MINUTE}字计）",
        "",
    ]
    return "\n".join(head + body)


# --- street flyer (data for app.printing.publicity_flyer) ----------------------------------------------------


@dataclass(frozen=True)
class FlyerData:
    title: str
    org: str
    intro: str
    sections: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]
    footer_lines: tuple[str, ...]
    qr_url: str
    day: date


def flyer_data(b: Bundle) -> FlyerData:
    def entries(rows: Sequence[VersionInfo]) -> tuple[tuple[str, str, str], ...]:
        return tuple((v.title, v.content, f"责任部门：{v.unit_name}　{v.effective_text}") for v in rows)

    s = b.settings
    intro = (
        f"为进一步方便群众办事，{s.org_name}推行窗口服务规则{len(b.rules)}项、便民服务措施{len(b.measures)}项，"
        "现将具体内容公布如下，欢迎广大群众监督。"
    )
    footer = tuple(
        line
        for line in (
            f"咨询电话：{s.hotline}" if s.hotline else "",
            f"网址：{s.website_url}" if s.website_url else "",
        )
        if line
    )
    return FlyerData(
        b.title,
        s.org_name,
        intro,
        ((RULES_HEADING, entries(b.rules)), (MEASURES_HEADING, entries(b.measures))),
        footer,
        s.website_url,
        b.day,
    )
