"""The wording of rules and measures: history, editing a draft, and new versions instead of edits.

Only a draft changes in place. A published (or withdrawn) text is never altered: saving changes to it makes
the next version as a new draft, which goes through review and approval again. A version under review or
approved and waiting for release is refused with the reason, and so is a second working version of one item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.publicity_item import PublicityItem, PublicityVersion
from app.models.publicity_permissions import (
    APPROVED,
    DRAFT,
    PUBLICITY_EDIT,
    PUBLICITY_VIEW,
    REVIEW,
    STATUS_NAMES,
    WORKING_STATUSES,
)
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require
from app.services.publicity_catalogue import VersionForm, clean_form, new_draft
from app.services.publicity_common import (
    VersionInfo,
    check_version,
    load_item,
    load_version,
    sync_item,
    version_info,
    versions_info,
)

_FROZEN_HINTS = {
    REVIEW: "如需修改，请由审核领导退回后再改。",
    APPROVED: "已批准的版本须原样发布；如需修改，请先将其撤回，再另建新版本。",
}


@dataclass(frozen=True)
class EditResult:
    version: VersionInfo  # the version that holds the changes (a new one when ``created`` is true)
    created: bool  # a new version was made instead of changing a published or withdrawn one
    notice: str  # what happened, in Chinese, for the form to show


def history(session: Session, actor: Actor, item_id: int) -> list[VersionInfo]:
    """Every version of an item, newest first."""
    require(session, actor, PUBLICITY_VIEW)
    load_item(session, item_id)
    rows = session.execute(
        select(PublicityVersion)
        .where(PublicityVersion.item_id == item_id)
        .order_by(PublicityVersion.no.desc())
    ).scalars()
    return versions_info(session, rows)


def get(session: Session, actor: Actor, version_id: int) -> VersionInfo:
    require(session, actor, PUBLICITY_VIEW)
    return version_info(session, load_version(session, version_id))


def _working(session: Session, item_id: int) -> PublicityVersion | None:
    return session.execute(
        select(PublicityVersion).where(
            PublicityVersion.item_id == item_id, PublicityVersion.status.in_(WORKING_STATUSES)
        )
    ).scalar_one_or_none()


def _changes(v: PublicityVersion, form: VersionForm) -> dict[str, tuple[Any, Any]]:
    old = VersionForm.of(v)
    return {
        name: (getattr(old, name), getattr(form, name))
        for name in ("title", "content", "unit_id", "effective_from", "effective_to", "change_note")
        if getattr(old, name) != getattr(form, name)
    }


def edit(
    session: Session, actor: Actor, version_id: int, expected_version: int, form: VersionForm,
    *, now: datetime | None = None,
) -> EditResult:  # fmt: skip
    """Save the form onto a draft, or make the next version when the text was already published."""
    require(session, actor, PUBLICITY_EDIT)
    v = load_version(session, version_id)
    check_version(v, expected_version)
    form = clean_form(session, form)
    item = load_item(session, v.item_id)
    if v.status in _FROZEN_HINTS:
        raise DomainError(
            "publicity_frozen",
            title=v.title,
            no=v.no,
            state=STATUS_NAMES[v.status],
            hint=_FROZEN_HINTS[v.status],
        )
    changes = _changes(v, form)
    if v.status != DRAFT:
        if not changes:
            return EditResult(version_info(session, v), False, "内容没有改变，未另建新版本。")
        new = _next_version(session, actor, item, form, now=now)
        notice = (
            f"第{v.no}版{STATUS_NAMES[v.status]}，内容不能修改；已按您的修改另建第{new.no}版草稿，"
            "经审核批准后才能发布。"
        )
        return EditResult(version_info(session, new), True, notice)
    if not changes:
        return EditResult(version_info(session, v), False, "内容没有改变。")
    for name, (_old, value) in changes.items():
        setattr(v, name, value)
    if actor.user_id is not None and actor.user_id not in (v.editor_ids or []):
        v.editor_ids = [*(v.editor_ids or []), actor.user_id]
    v.updated_by = actor.username
    sync_item(session, item)
    audit.record(
        session, actor, "update", entity="publicity_version", entity_id=v.id,
        old={k: o for k, (o, _n) in changes.items()}, new={k: n for k, (_o, n) in changes.items()},
        detail=f"{item.number} 第{v.no}版",
    )  # fmt: skip
    return EditResult(version_info(session, v), False, f"第{v.no}版草稿已保存。")


def _next_version(
    session: Session, actor: Actor, item: PublicityItem, form: VersionForm, *, now: datetime | None
) -> PublicityVersion:
    working = _working(session, item.id)
    if working is not None:
        raise DomainError(
            "publicity_open_version", title=item.title, no=working.no, state=STATUS_NAMES[working.status]
        )
    last = session.execute(
        select(func.max(PublicityVersion.no)).where(PublicityVersion.item_id == item.id)
    ).scalar_one()
    return new_draft(session, actor, item, int(last or 0) + 1, form, now=now)


def revise(
    session: Session,
    actor: Actor,
    item_id: int,
    form: VersionForm | None = None,
    *,
    now: datetime | None = None,
) -> VersionInfo:
    """Start the next version of an item as a draft (a copy of its latest wording unless ``form`` is given)."""
    require(session, actor, PUBLICITY_EDIT)
    item = load_item(session, item_id)
    if form is None:
        latest = session.execute(
            select(PublicityVersion)
            .where(PublicityVersion.item_id == item_id)
            .order_by(PublicityVersion.no.desc())
            .limit(1)
        ).scalar_one()
        form = VersionForm.of(latest)
        form = VersionForm(form.title, form.content, form.unit_id, form.effective_from, form.effective_to, "")
    form = clean_form(session, form)
    return version_info(session, _next_version(session, actor, item, form, now=now))
