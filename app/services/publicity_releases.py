"""Releases per channel: what went out, when, which exact versions, approved by whom, and how far it reached.

Recording a release is also what publishes a version: an approved version becomes the item's published
version on its first release (the one it replaces is withdrawn in the same transaction). Text channels keep
the exact text released; the mobile newspaper's text is refused when longer than the configured limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Select, Table, insert, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, ValidationError
from app.models.publicity_item import PublicityVersion
from app.models.publicity_permissions import (
    CHANNEL_FLYER,
    CHANNEL_MOBILE,
    CHANNEL_NAMES,
    CHANNEL_TV,
    CHANNEL_WEBSITE,
    PUBLICITY_PUBLISH,
    PUBLICITY_VIEW,
    SUBJECT_NAMES,
    SUBJECT_RULES,
)
from app.models.publicity_release import PublicityRelease, PublicityReleaseItem
from app.services import audit
from app.services.context import Actor
from app.services.entity_spec import CHOICE, DATE, INT, MULTILINE, EntitySpec, Field, Filter, register
from app.services.permissions import require
from app.services.publicity_exports import (
    Bundle,
    check_length,
    make_bundle,
    mobile_text,
    tv_script,
    website_html,
)
from app.services.publicity_workflow import check_releasable, mark_published
from app.services.working_days import today

CHANNEL_CHOICES = tuple(CHANNEL_NAMES.items())
SUBJECT_CHOICES = tuple(SUBJECT_NAMES.items())
REACH_MAX = 100_000_000
_ITEMS = cast(Table, PublicityReleaseItem.__table__)


def _reach_ok(value: Any) -> str | None:
    if value is not None and not 0 <= int(value) <= REACH_MAX:
        return "覆盖数量应为 0 或正整数"
    return None


def _period(stmt: Select[Any], value: Any) -> Select[Any]:
    start, end = value
    if start is not None:
        stmt = stmt.where(PublicityRelease.released_on >= start)
    if end is not None:
        stmt = stmt.where(PublicityRelease.released_on <= end)
    return stmt


RELEASE_SPEC = register(
    EntitySpec(
        key="publicity_release",
        title="发布记录",
        model=PublicityRelease,
        label_field="title",
        fields=(
            Field("released_on", "发布日期", DATE, sortable=True, width=95, editable=False),
            Field("channel", "渠道", CHOICE, choices=CHANNEL_CHOICES, width=80, editable=False),
            Field("subject", "内容", CHOICE, choices=SUBJECT_CHOICES, width=130, editable=False),
            Field("title", "标题", width=280, editable=False),
            Field("item_count", "条目数", INT, width=60, editable=False),
            Field("approvers", "审批人", width=110, editable=False),
            Field("reach", "覆盖数量（份/次）", INT, width=120, validator=_reach_ok, required=True),
            Field("recorded_by_name", "登记人", width=80, editable=False),
            Field("note", "备注", MULTILINE, width=200, placeholder="如：印发至各乡镇便民服务站"),
        ),
        permissions={
            "view": PUBLICITY_VIEW,
            "create": PUBLICITY_PUBLISH,
            "edit": PUBLICITY_PUBLISH,
            "export": PUBLICITY_VIEW,
            "print": PUBLICITY_VIEW,
        },
        default_sort=("released_on", True),
        filters=(
            Filter(
                "channel",
                "渠道",
                "choice",
                lambda s, v: s.where(PublicityRelease.channel == v),
                CHANNEL_CHOICES,
            ),
            Filter(
                "subject",
                "内容",
                "choice",
                lambda s, v: s.where(PublicityRelease.subject == v),
                SUBJECT_CHOICES,
            ),
            Filter("released_on", "发布日期", "date_range", _period),
        ),
    )
)


@dataclass(frozen=True)
class ReleaseForm:
    channel: str
    version_ids: tuple[int, ...]
    released_on: date | None = None
    title: str = ""
    body: str | None = None  # the exact text for text channels; None: the generated one
    reach: int = 0
    note: str = ""


@dataclass(frozen=True)
class ReleasedVersion:
    version_id: int
    item_number: str
    version_no: int
    title: str
    approved_by_name: str


@dataclass(frozen=True)
class ReleaseInfo:
    id: int
    version: int
    channel: str
    subject: str
    released_on: date
    title: str
    body: str
    reach: int
    note: str
    recorded_by_name: str
    approvers: str
    items: tuple[ReleasedVersion, ...]
    figures_start: date | None = None
    figures_end: date | None = None


def check_channel(channel: str) -> None:
    if channel not in CHANNEL_NAMES:
        raise DomainError("publicity_bad_channel", channel=channel)


def check_reach(reach: int) -> None:
    message = _reach_ok(reach)
    if message:
        raise ValidationError({"reach": message})


def channel_body(channel: str, b: Bundle, body: str | None) -> str:
    """What a text channel keeps: the officer's text if given, else the generated one; checked for length."""
    if channel == CHANNEL_MOBILE:
        text = mobile_text(b) if body is None else body.strip()
        check_length(CHANNEL_MOBILE, text, b.settings.mobile_limit)
        return text
    if channel == CHANNEL_TV:
        text = tv_script(b) if body is None else body.strip()
        if not text:
            raise DomainError("publicity_empty_text", channel=CHANNEL_NAMES[CHANNEL_TV])
        return text
    if channel == CHANNEL_WEBSITE:
        return website_html(b) if body is None else body
    assert channel == CHANNEL_FLYER
    return ""


def release(session: Session, actor: Actor, form: ReleaseForm, *, now: datetime | None = None) -> ReleaseInfo:
    """Record one release of the chosen versions on one channel (and publish the approved ones)."""
    require(session, actor, PUBLICITY_PUBLISH)
    check_channel(form.channel)
    check_reach(form.reach)
    ids = list(dict.fromkeys(form.version_ids))
    if not ids:
        raise DomainError("publicity_nothing")
    stmt = select(PublicityVersion).where(PublicityVersion.id.in_(ids)).order_by(PublicityVersion.id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    versions = list(session.execute(stmt).scalars())
    for v in versions:
        check_releasable(v)
    day = form.released_on or today()
    b = make_bundle(session, versions, day)
    body = channel_body(form.channel, b, form.body)
    for v in versions:
        mark_published(session, actor, v, now=now)
    approvers = "、".join(dict.fromkeys(v.approved_by_name for v in b.versions if v.approved_by_name))
    rel = PublicityRelease(
        channel=form.channel,
        subject=SUBJECT_RULES,
        released_on=day,
        title=(form.title.strip() or b.title)[:100],
        body=body,
        item_count=len(versions),
        reach=form.reach,
        note=form.note.strip(),
        recorded_by_id=actor.user_id,
        recorded_by_name=actor.display_name,
        approvers=approvers[:200],
        updated_by=actor.username,
    )
    session.add(rel)
    session.flush()
    rows = [
        {
            "release_id": rel.id,
            "version_id": v.id,
            "item_number": v.item_number,
            "version_no": v.no,
            "title": v.title,
            "approved_by_name": v.approved_by_name,
        }
        for v in b.versions
    ]
    session.execute(insert(_ITEMS), rows)
    audit.record(
        session, actor, "release", entity="publicity_release", entity_id=rel.id,
        new={"channel": form.channel, "released_on": day, "versions": [(r["item_number"], r["version_no"]) for r in rows],
             "reach": form.reach},
        detail=f"{CHANNEL_NAMES[form.channel]}：{rel.title}",
    )  # fmt: skip
    return info(session, actor, rel.id)


def info(session: Session, actor: Actor, release_id: int) -> ReleaseInfo:
    require(session, actor, PUBLICITY_VIEW)
    rel = session.get(PublicityRelease, release_id)
    if rel is None:
        raise DomainError("not_found", entity="发布记录")
    items = session.execute(
        select(PublicityReleaseItem)
        .where(PublicityReleaseItem.release_id == release_id)
        .order_by(PublicityReleaseItem.id)
    ).scalars()
    return ReleaseInfo(
        rel.id, rel.version, rel.channel, rel.subject, rel.released_on, rel.title, rel.body, rel.reach, rel.note,
        rel.recorded_by_name, rel.approvers,
        tuple(ReleasedVersion(i.version_id, i.item_number, i.version_no, i.title, i.approved_by_name) for i in items),
        rel.figures_start, rel.figures_end,
    )  # fmt: skip


def releases_of_version(session: Session, actor: Actor, version_id: int) -> list[ReleaseInfo]:
    """Where and when one version went out (shown in the version history)."""
    require(session, actor, PUBLICITY_VIEW)
    ids = session.execute(
        select(PublicityReleaseItem.release_id).where(PublicityReleaseItem.version_id == version_id)
    ).scalars()
    out = [info(session, actor, i) for i in ids]
    return sorted(out, key=lambda r: (r.released_on, r.id))


def update_reach(
    session: Session,
    actor: Actor,
    release_id: int,
    expected_version: int,
    reach: int,
    note: str | None = None,
) -> ReleaseInfo:
    """Enter the reach by hand as the numbers come in (page views grow; copies get counted)."""
    from app.services import entity_service

    values: dict[str, Any] = {"reach": reach}
    if note is not None:
        values["note"] = note
    entity_service.update(session, actor, RELEASE_SPEC, release_id, expected_version, values)
    return info(session, actor, release_id)


def recent(session: Session, actor: Actor, limit: int = 20) -> Sequence[ReleaseInfo]:
    require(session, actor, PUBLICITY_VIEW)
    ids = session.execute(
        select(PublicityRelease.id)
        .order_by(PublicityRelease.released_on.desc(), PublicityRelease.id.desc())
        .limit(limit)
    ).scalars()
    return [info(session, actor, i) for i in ids]
