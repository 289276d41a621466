"""The catalogue of service rules and convenience measures: the list, new items and the wording form.

The list is declared once (``ITEM_SPEC``) so the generic screen gives search, filters, export and a printed
list; new items and every change of wording go through :mod:`publicity_versions`, never through a generic save.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.models.base import utcnow
from app.models.org import Unit
from app.models.publicity_item import TITLE_MAX, PublicityItem, PublicityVersion
from app.models.publicity_permissions import (
    DRAFT,
    KIND_NAMES,
    NUMBER_PREFIX,
    PUBLICITY_EDIT,
    PUBLICITY_VIEW,
    SORT_BASE,
    STATUS_NAMES,
)
from app.services import audit
from app.services.context import Actor
from app.services.entity_service import contains_match, prefix_match
from app.services.entity_spec import CHOICE, INT, EntitySpec, Field, Filter, register
from app.services.permissions import require
from app.services.publicity_common import (
    ItemInfo,
    VersionInfo,
    item_info,
    sync_item,
    unit_names,
    version_info,
)

CONTENT_MAX = 2000
KIND_CHOICES = tuple(KIND_NAMES.items())
STATUS_CHOICES = tuple(STATUS_NAMES.items())


def unit_choices(session: Session) -> list[tuple[Any, str]]:
    """Departments, offices and stations: any of them may be responsible for a measure."""
    rows = session.execute(select(Unit.id, Unit.name).order_by(Unit.kind, Unit.sort_order, Unit.id))
    return [(i, n) for i, n in rows]


def _search(stmt: Select[Any], text: str) -> Select[Any]:
    q = text.strip()
    return stmt.where(
        or_(prefix_match(PublicityItem.number, q.upper()), contains_match(PublicityItem.title, q))
    )


ITEM_SPEC = register(
    EntitySpec(
        key="publicity_item",
        title="服务规则与便民措施",
        model=PublicityItem,
        label_field="title",
        fields=(
            Field("number", "编号", sortable=True, width=70, editable=False),
            Field("kind", "类别", CHOICE, choices=KIND_CHOICES, width=80, editable=False),
            Field("title", "标题", width=300, editable=False),
            Field("unit_id", "责任部门", CHOICE, choices=unit_choices, width=130, editable=False),
            Field("latest_no", "最新版本", INT, width=70, editable=False),
            Field("latest_status", "最新版本状态", CHOICE, choices=STATUS_CHOICES, width=100, editable=False),
            Field("published_no", "现行发布版本", INT, width=100, editable=False),
        ),
        permissions={
            "view": PUBLICITY_VIEW,
            "create": PUBLICITY_EDIT,
            "export": PUBLICITY_VIEW,
            "print": PUBLICITY_VIEW,
        },
        default_sort=("sort_order", False),
        search=_search,
        search_hint="编号或标题中的文字",
        filters=(
            Filter("kind", "类别", "choice", lambda s, v: s.where(PublicityItem.kind == v), KIND_CHOICES),
            Filter(
                "latest_status",
                "最新版本状态",
                "choice",
                lambda s, v: s.where(PublicityItem.latest_status == v),
                STATUS_CHOICES,
            ),
        ),
    )
)


@dataclass(frozen=True)
class VersionForm:
    """The wording of a version as the form edits it."""

    title: str = ""
    content: str = ""
    unit_id: int | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    change_note: str = ""

    @classmethod
    def of(cls, v: VersionInfo | PublicityVersion) -> VersionForm:
        return cls(v.title, v.content, v.unit_id, v.effective_from, v.effective_to, v.change_note or "")


def _tidy(text: str) -> str:
    """Trim each line and drop blank runs; the wording keeps its paragraphs."""
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def clean_form(session: Session, form: VersionForm) -> VersionForm:
    """Tidy the form or raise ValidationError with a Chinese message beside each bad field."""
    form = replace(
        form,
        title=" ".join(form.title.split()),
        content=_tidy(form.content),
        change_note=form.change_note.strip(),
    )
    errors: dict[str, str] = {}
    if not form.title:
        errors["title"] = "请填写标题"
    elif len(form.title) > TITLE_MAX:
        errors["title"] = f"标题最多 {TITLE_MAX} 个字，现在 {len(form.title)} 个字"
    if not form.content:
        errors["content"] = "请填写内容"
    elif len(form.content) > CONTENT_MAX:
        errors["content"] = f"内容最多 {CONTENT_MAX} 个字，现在 {len(form.content)} 个字"
    if form.unit_id is None or session.get(Unit, form.unit_id) is None:
        errors["unit_id"] = "请选择责任部门"
    if form.effective_from is None:
        errors["effective_from"] = "请填写施行日期"
    elif form.effective_to is not None and form.effective_to < form.effective_from:
        errors["effective_to"] = "截止日期不能早于施行日期"
    if len(form.change_note) > 200:
        errors["change_note"] = "修订说明最多 200 个字"
    if errors:
        raise ValidationError(errors)
    return form


def next_number(session: Session, kind: str) -> tuple[str, int]:
    """The next free number of a kind (GZ-01, CS-54, ...) and its sort order."""
    prefix = NUMBER_PREFIX[kind]
    count = session.execute(select(func.count()).where(PublicityItem.kind == kind)).scalar_one()
    n = int(count) + 1
    while session.execute(
        select(PublicityItem.id).where(PublicityItem.number == f"{prefix}-{n:02d}")
    ).first():
        n += 1
    return f"{prefix}-{n:02d}", SORT_BASE[kind] + n * 10


def create_item(
    session: Session, actor: Actor, kind: str, form: VersionForm, *, now: datetime | None = None
) -> VersionInfo:
    """A new rule or measure with its first version as the actor's draft."""
    require(session, actor, PUBLICITY_EDIT)
    if kind not in KIND_NAMES:
        raise ValidationError({"kind": "请选择服务规则或便民措施"})
    form = clean_form(session, form)
    number, order = next_number(session, kind)
    item = PublicityItem(kind=kind, number=number, sort_order=order, updated_by=actor.username)
    session.add(item)
    session.flush()
    v = new_draft(session, actor, item, 1, form, now=now)
    audit.record(
        session, actor, "create", entity="publicity_item", entity_id=item.id,
        new={"number": number, "kind": kind, "title": form.title}, detail=form.title,
    )  # fmt: skip
    return version_info(session, v)


def new_draft(
    session: Session,
    actor: Actor,
    item: PublicityItem,
    no: int,
    form: VersionForm,
    *,
    now: datetime | None = None,
) -> PublicityVersion:
    v = PublicityVersion(
        item_id=item.id,
        no=no,
        title=form.title,
        content=form.content,
        unit_id=form.unit_id,
        effective_from=form.effective_from,
        effective_to=form.effective_to,
        change_note=form.change_note,
        status=DRAFT,
        author_id=actor.user_id,
        author_name=actor.display_name,
        editor_ids=[actor.user_id] if actor.user_id is not None else [],
        updated_by=actor.username,
        created_at=now or utcnow(),
    )
    session.add(v)
    sync_item(session, item)
    audit.record(
        session, actor, "create", entity="publicity_version", entity_id=v.id,
        new={"item": item.number, "no": no, **_wording(form)}, detail=f"{item.number} 第{no}版",
    )  # fmt: skip
    return v


def _wording(form: VersionForm) -> dict[str, Any]:
    return {
        "title": form.title,
        "content": form.content,
        "unit_id": form.unit_id,
        "effective_from": form.effective_from,
        "effective_to": form.effective_to,
        "change_note": form.change_note,
    }


def items(session: Session, actor: Actor, kind: str | None = None) -> list[ItemInfo]:
    """Every rule or measure in catalogue order (rules first)."""
    require(session, actor, PUBLICITY_VIEW)
    stmt = select(PublicityItem).order_by(PublicityItem.sort_order, PublicityItem.id)
    if kind:
        stmt = stmt.where(PublicityItem.kind == kind)
    rows = list(session.execute(stmt).scalars())
    names = unit_names(session, [i.unit_id for i in rows])
    return [item_info(session, i, names) for i in rows]
