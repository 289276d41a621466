"""Shared pieces of the publicity services: messages, the plain data they return, loading and bookkeeping."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, NotFound
from app.core.messages import register as register_messages
from app.models.org import Unit
from app.models.permissions import QT_TRANSLATE_NOOP
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_permissions import KIND_NAMES, PUBLISHED, STATUS_NAMES

register_messages(
    {
        "publicity_not_approved": QT_TRANSLATE_NOOP(
            "messages",
            "“{title}”第{no}版尚未审核批准（当前状态：{state}），不能发布。只有经审核批准的版本才能发布。",
        ),
        "publicity_own_draft": QT_TRANSLATE_NOOP(
            "messages",
            "不能审批本人起草或修改过的稿件（“{title}”第{no}版），请由其他有审批权限的领导审批。",
        ),
        "publicity_frozen": QT_TRANSLATE_NOOP("messages", "“{title}”第{no}版{state}，内容不能修改。{hint}"),
        "publicity_open_version": QT_TRANSLATE_NOOP(
            "messages", "“{title}”已有第{no}版（{state}）正在办理，请在该版本上继续，不能再另建新版本。"
        ),
        "publicity_too_long": QT_TRANSLATE_NOOP(
            "messages",
            "{channel}稿件共 {length} 字，超过了{channel} {max} 字的上限，未发布。请减少所选条目或删减文字后再发布。",
        ),
        "publicity_nothing": QT_TRANSLATE_NOOP("messages", "请至少选择一条已审核批准的服务规则或便民措施。"),
        "publicity_empty_text": QT_TRANSLATE_NOOP("messages", "{channel}稿件内容为空，不能发布。"),
        "publicity_bad_channel": QT_TRANSLATE_NOOP("messages", "未知的发布渠道“{channel}”。"),
        "publicity_period": QT_TRANSLATE_NOOP("messages", "统计期间有误：{detail}"),
        "publicity_same_version": QT_TRANSLATE_NOOP("messages", "请选择两个不同的版本进行比较。"),
    }
)


def cn_date(d: date) -> str:
    """2026年3月2日: how dates are written for the public (no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class VersionInfo:
    """One version of a rule or measure, as the screens and exports get it."""

    id: int
    version: int  # row version for optimistic locking
    item_id: int
    item_number: str
    kind: str
    no: int
    title: str
    content: str
    unit_id: int
    unit_name: str
    effective_from: date
    effective_to: date | None
    change_note: str
    status: str
    author_id: int | None
    author_name: str
    editor_ids: tuple[int, ...]
    submitted_at: datetime | None
    approved_by_id: int | None
    approved_by_name: str
    approved_at: datetime | None
    review_opinion: str
    published_at: datetime | None
    withdrawn_at: datetime | None
    withdrawn_reason: str
    updated_at: datetime

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def effective_text(self) -> str:
        start = cn_date(self.effective_from)
        return f"{start}起施行" if self.effective_to is None else f"{start}至{cn_date(self.effective_to)}"


@dataclass(frozen=True)
class ItemInfo:
    id: int
    version: int
    kind: str
    number: str
    sort_order: int
    title: str
    unit_name: str
    latest_no: int
    latest_status: str
    published_no: int | None


def unit_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(wanted))).all())  # type: ignore[arg-type]


def to_info(v: PublicityVersion, item: PublicityItem, unit_name: str) -> VersionInfo:
    return VersionInfo(
        v.id,
        v.version,
        item.id,
        item.number,
        item.kind,
        v.no,
        v.title,
        v.content,
        v.unit_id,
        unit_name,
        v.effective_from,
        v.effective_to,
        v.change_note or "",
        v.status,
        v.author_id,
        v.author_name or "",
        tuple(int(i) for i in (v.editor_ids or [])),
        v.submitted_at,
        v.approved_by_id,
        v.approved_by_name or "",
        v.approved_at,
        v.review_opinion or "",
        v.published_at,
        v.withdrawn_at,
        v.withdrawn_reason or "",
        v.updated_at,
    )


def version_info(session: Session, v: PublicityVersion) -> VersionInfo:
    item = session.get(PublicityItem, v.item_id)
    assert item is not None
    return to_info(v, item, unit_names(session, [v.unit_id]).get(v.unit_id, ""))


def versions_info(session: Session, versions: Iterable[PublicityVersion]) -> list[VersionInfo]:
    rows = list(versions)
    items = {
        i.id: i
        for i in session.execute(
            select(PublicityItem).where(PublicityItem.id.in_({v.item_id for v in rows}))
        ).scalars()
    }
    names = unit_names(session, [v.unit_id for v in rows])
    return [to_info(v, items[v.item_id], names.get(v.unit_id, "")) for v in rows]


def load_version(session: Session, version_id: int) -> PublicityVersion:
    v = session.get(PublicityVersion, version_id)
    if v is None:
        raise NotFound(entity="版本")
    return v


def load_item(session: Session, item_id: int) -> PublicityItem:
    item = session.get(PublicityItem, item_id)
    if item is None:
        raise NotFound(entity="规则或措施")
    return item


def check_version(v: PublicityVersion, expected: int | None) -> None:
    """Optimistic locking: the caller saw ``expected``; a newer stored version is a conflict."""
    if expected is not None and v.version != expected:
        by = v.updated_by or "其他用户"
        at = v.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if v.updated_at else "刚才"
        raise ConflictError(entity="版本", by=by, at=at)


def flush(session: Session) -> None:
    """Flush; a row another workstation changed in the meantime becomes a ConflictError, nothing is saved."""
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError(entity="版本", by="其他工作站", at="刚才") from None


def sync_item(session: Session, item: PublicityItem) -> None:
    """Mirror the item's versions on the item row (what the list shows and sorts by)."""
    flush(session)
    rows = session.execute(
        select(PublicityVersion.no, PublicityVersion.status, PublicityVersion.title, PublicityVersion.unit_id)
        .where(PublicityVersion.item_id == item.id)
        .order_by(PublicityVersion.no.desc())
    ).all()
    if not rows:
        return
    latest = rows[0]
    item.title, item.unit_id, item.latest_no, item.latest_status = latest[2], latest[3], latest[0], latest[1]
    item.published_no = next((r[0] for r in rows if r[1] == PUBLISHED), None)
    flush(session)  # here, not in the audit record's flush, so a concurrent change reads as a conflict


def item_info(session: Session, item: PublicityItem, names: dict[int, str] | None = None) -> ItemInfo:
    names = names if names is not None else unit_names(session, [item.unit_id])
    unit = names.get(item.unit_id or 0, "")
    return ItemInfo(
        item.id,
        item.version,
        item.kind,
        item.number,
        item.sort_order,
        item.title,
        unit,
        item.latest_no,
        item.latest_status,
        item.published_no,
    )
