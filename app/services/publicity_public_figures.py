"""The public figures of the citizen-service platform for a period, in each channel's form.

The numbers are the citizen-service platform's own (:func:`service_figures.figures`, same definitions as its
dashboard): received, completed, look-ups, texts sent and satisfaction. Only these totals leave this module;
the per-officer and per-department figures stay with the supervisors who may read them, which is why the
aggregate is read on the publicity officer's behalf without granting them the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models.publicity_permissions import (
    CHANNEL_FLYER,
    CHANNEL_MOBILE,
    CHANNEL_NAMES,
    CHANNEL_TV,
    CHANNEL_WEBSITE,
    PUBLICITY_FIGURES,
    PUBLICITY_PUBLISH,
    SUBJECT_FIGURES,
)
from app.models.publicity_release import PublicityRelease
from app.services import audit, service_figures
from app.services import publicity_html as H
from app.services.context import SYSTEM, Actor
from app.services.permissions import require
from app.services.publicity_common import cn_date
from app.services.publicity_exports import check_length, duration_text, spoken_length
from app.services.publicity_releases import ReleaseInfo, check_channel, check_reach, info
from app.services.publicity_settings import TV_CHARS_PER_MINUTE, PublicitySettings, load


@dataclass(frozen=True)
class PublicFigures:
    start: date
    end: date
    received: int
    completed: int
    lookups: int
    texts_sent: int
    rated: int
    rating_sum: int
    bad_ratings: int
    settings: PublicitySettings

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.received if self.received else None

    @property
    def average_rating(self) -> float | None:
        return self.rating_sum / self.rated if self.rated else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Share of ratings that were not bad (3 to 5 of 5: 基本满意 and better)."""
        return (self.rated - self.bad_ratings) / self.rated if self.rated else None

    @property
    def period_text(self) -> str:
        s, e = self.start, self.end
        if s == date(s.year, 1, 1) and e == date(s.year, 12, 31):
            return f"{s.year}年"
        if s.year == e.year and s.day == 1:
            return (
                f"{s.year}年{s.month}月至{e.month}月{e.day}日"
                if s.month != e.month
                else f"{s.year}年{s.month}月"
            )
        return f"{cn_date(s)}至{cn_date(e)}"

    @property
    def title(self) -> str:
        return f"{self.settings.org_name}民生警务服务数据公开（{self.period_text}）"

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) in the order every channel shows them."""
        return [
            ("受理群众事项", f"{self.received:,}件"),
            ("办结", f"{self.completed:,}件"),
            ("办结率", percent(self.completion_rate)),
            ("群众查询办理进度", f"{self.lookups:,}次"),
            ("发送办理提醒短信", f"{self.texts_sent:,}条"),
            ("群众评价", f"{self.rated:,}次"),
            ("满意率", percent(self.satisfaction_rate)),
            ("平均评分（满分5分）", "—" if self.average_rating is None else f"{self.average_rating:.2f}分"),
        ]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _reader(actor: Actor) -> Actor:
    """Reads the platform's totals for the publicity officer (see the module doc); audited under their name."""
    return Actor(
        user_id=None, username=actor.username, display_name=actor.display_name, permissions=frozenset({"*"})
    )


def figures(session: Session, actor: Actor, start: date, end: date) -> PublicFigures:
    """The figures of ``start``..``end`` (both included) for publication."""
    require(session, actor, PUBLICITY_FIGURES)
    return compute(session, start, end, actor)


def compute(session: Session, start: date, end: date, actor: Actor | None = None) -> PublicFigures:
    """The figures without a permission check: for :func:`figures` and the demo loader only."""
    reader = _reader(actor) if actor is not None else _reader(SYSTEM)
    fig = service_figures.figures(session, reader, start, end)
    t = fig.total
    return PublicFigures(
        start,
        end,
        t.received,
        t.completed,
        t.lookups,
        t.texts_sent,
        t.rated,
        t.rating_sum,
        t.bad_ratings,
        load(session),
    )


# --- each channel's form -------------------------------------------------------------------------------------


def sentence(f: PublicFigures) -> str:
    text = (
        f"{f.period_text}，{f.settings.org_name}民生警务平台共受理群众事项{f.received:,}件，"
        f"办结{f.completed:,}件，办结率{percent(f.completion_rate)}；群众查询办理进度{f.lookups:,}次，"
        f"发送办理提醒短信{f.texts_sent:,}条"
    )
    if f.rated:
        text += f"；收到群众评价{f.rated:,}次，满意率{percent(f.satisfaction_rate)}"
    return text + "。"


def website_html(f: PublicFigures) -> str:
    s = f.settings
    blocks = [
        H.Block("figures", "主要数据", H.figure_table(f.rows())),
        H.Block(
            "notes",
            "统计说明",
            H.paragraphs(
                "受理、办结和评价按受理日期统计；查询次数和短信条数按发生日期统计；"
                "短信以短信平台实际发出为准；满意率为评价中“基本满意”及以上所占比例。",
                "meta",
            ),
        ),
    ]
    footer = [
        f"{s.org_name}　数据来源：民生警务平台",
        f"咨询电话：{s.hotline}" if s.hotline else "",
    ]
    return H.page(f.title, s.org_name, blocks, intro=sentence(f), footer_lines=footer, toc=False)


def mobile_text(f: PublicFigures) -> str:
    text = f"{f.settings.mobile_signature}{sentence(f)}"
    if f.settings.hotline:
        text += f"咨询电话：{f.settings.hotline}"
    return text


def tv_script(f: PublicFigures) -> str:
    s = f.settings
    body = [
        f"【片头】字幕：{f.title}",
        "【画面】县公安局政务服务大厅，民警为群众办理业务",
        f"【播音】{sentence(f)}",
        *[f"【字幕】{label}：{value}" for label, value in f.rows()],
        f"【播音】{s.org_name}将继续推行“一次办清”，让群众少跑腿、好办事。欢迎广大群众监督。",
        "【片尾】",
    ]
    spoken = spoken_length("\n".join(body))
    head = [
        f"{f.title}（电视宣传稿）",
        f"播出单位：{s.org_name}　预计时长：{duration_text(spoken)}（按每分钟{TV_CHARS_PER_MINUTE}字计）",
        "",
    ]
    return "\n".join(head + body)


@dataclass(frozen=True)
class FiguresFlyerData:
    title: str
    org: str
    sentence: str
    rows: tuple[tuple[str, str], ...]
    footer_lines: tuple[str, ...]
    qr_url: str
    day: date


def flyer_data(f: PublicFigures, day: date | None = None) -> FiguresFlyerData:
    """What :func:`app.printing.public_figures.render_public_figures` prints."""
    from app.services.working_days import today

    s = f.settings
    footer = tuple(
        x
        for x in (
            f"咨询电话：{s.hotline}" if s.hotline else "",
            f"网址：{s.website_url}" if s.website_url else "",
        )
        if x
    )
    return FiguresFlyerData(
        f.title, s.org_name, sentence(f), tuple(f.rows()), footer, s.website_url, day or today()
    )


def channel_body(channel: str, f: PublicFigures, body: str | None) -> str:
    if channel == CHANNEL_MOBILE:
        text = mobile_text(f) if body is None else body.strip()
        check_length(CHANNEL_MOBILE, text, f.settings.mobile_limit)
        return text
    if channel == CHANNEL_TV:
        return tv_script(f) if body is None else body.strip()
    if channel == CHANNEL_WEBSITE:
        return website_html(f) if body is None else body
    assert channel == CHANNEL_FLYER
    return ""


def release(
    session: Session, actor: Actor, channel: str, start: date, end: date, *, body: str | None = None,
    reach: int = 0, note: str = "", released_on: date | None = None, now: datetime | None = None,
) -> ReleaseInfo:  # fmt: skip
    """Record the public figures of a period as released on a channel (with the exact text)."""
    require(session, actor, PUBLICITY_PUBLISH)
    check_channel(channel)
    check_reach(reach)
    f = figures(session, actor, start, end)
    text = channel_body(channel, f, body)
    from app.services.working_days import today

    rel = PublicityRelease(
        channel=channel, subject=SUBJECT_FIGURES, released_on=released_on or today(), title=f.title[:100],
        body=text, figures_start=start, figures_end=end, item_count=0, reach=reach, note=note.strip(),
        recorded_by_id=actor.user_id, recorded_by_name=actor.display_name, approvers="", updated_by=actor.username,
    )  # fmt: skip
    session.add(rel)
    session.flush()
    audit.record(
        session, actor, "release", entity="publicity_release", entity_id=rel.id,
        new={"channel": channel, "subject": SUBJECT_FIGURES, "start": start, "end": end, "reach": reach},
        detail=f"{CHANNEL_NAMES[channel]}：{f.title}",
    )  # fmt: skip
    return info(session, actor, rel.id)
