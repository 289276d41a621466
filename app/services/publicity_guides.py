"""Service guides (办事指南) generated from the citizen-service catalogue, so a guide never disagrees with it.

Nothing of a guide is stored: materials, form entries, time limit, department, certificate and approval
come from the catalogue row as it is now, and each guide names the catalogue revision it was made from.
Only the window where an item is received (受理窗口) comes from the publicity settings, because the
catalogue does not say where a department's window is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.models.org import Unit
from app.models.publicity_permissions import PUBLICITY_VIEW
from app.models.service_catalogue import (
    CATEGORY_CERTIFICATE,
    CATEGORY_CONSULT,
    CATEGORY_HELP,
    CATEGORY_NAMES,
    CATEGORY_REPORT,
    CERTIFICATE_NAMES,
    ServiceCatalogueItem,
    parse_form_fields,
    split_lines,
)
from app.models.service_item import CHANNEL_NAMES
from app.services.context import Actor
from app.services.permissions import require
from app.services.publicity_settings import PublicitySettings, load
from app.services.service_catalogue import is_conditional

CATEGORY_ORDER = list(CATEGORY_NAMES)


@dataclass(frozen=True)
class ServiceGuide:
    catalogue_id: int
    code: str
    name: str
    category: str
    category_name: str
    unit_name: str
    window: str
    limit_days: int
    limit_text: str
    materials: tuple[tuple[str, bool], ...]  # (material, only when it applies)
    form_fields: tuple[tuple[str, bool], ...]  # (entry, required)
    steps: tuple[str, ...]
    certificate_name: str
    needs_approval: bool
    note: str
    active: bool
    catalogue_version: int
    catalogue_updated_at: datetime
    org_name: str
    hotline: str
    channels: str  # how an item can be brought (the citizen-service platform's intake channels)

    @property
    def source_text(self) -> str:
        return (
            f"本指南依据事项目录自动生成（{self.code}，目录记录第{self.catalogue_version}版，"
            f"{self.catalogue_updated_at:%Y-%m-%d}更新）"
        )


def limit_text(days: int) -> str:
    return "当场办结" if days <= 0 else f"{days}个工作日"


def _steps(
    row: ServiceCatalogueItem, window: str, limit: str, certificate: str, materials: int
) -> tuple[str, ...]:
    within = "当场" if row.limit_days <= 0 else f"自受理之日起{limit}内"
    tell = "办理进度以短信告知；凭受理编号、身份证号或手机号可随时查询办理进度。"
    receive = f"到{window}提出，首位接待的民警负责受理并全程跟踪（首接负责）；也可通过网上或电话提交。"
    check = (
        "民警当场核对所需材料，齐全的当场受理并出具受理回执（载有受理编号）；"
        "材料不全的，一次性告知需补正的全部材料（一次告知）。"
        if materials
        else "民警当场登记受理并出具受理回执（载有受理编号），无需提交材料。"
    )
    if row.category == CATEGORY_CERTIFICATE:
        review = "经办民警审核后报领导审批。" if row.needs_approval else "经办民警审核办理。"
        done = f"{within}办结（补正材料期间不计）" + (f"，出具《{certificate}》。" if certificate else "。")
        return (f"申请：{receive}", f"受理：{check}", f"审核：{review}", f"办结：{done}", f"告知：{tell}")
    if row.category == CATEGORY_REPORT:
        return (
            f"报案：{receive}",
            f"受理：{check}",
            "登记：民警询问情况、制作笔录，依法审查是否立案。",
            f"答复：{within}告知受理和审查结果。",
            f"告知：{tell}",
        )
    if row.category == CATEGORY_HELP:
        return (
            f"求助：{receive}",
            "处置：指挥中心即时派警或转交责任部门处置。",
            f"反馈：{within}反馈处置结果。",
            f"告知：{tell}",
        )
    if row.category == CATEGORY_CONSULT:
        return (
            f"咨询：{receive}",
            "解答：能当场答复的当场答复。",
            f"答复：不能当场答复的，{within}答复。",
            f"告知：{tell}",
        )
    return (
        f"投诉举报：{receive}",
        f"受理：{check}",
        "核查：责任部门调查核实，举报人信息严格保密。",
        f"反馈：{within}反馈处理结果。",
        f"告知：{tell}",
    )


def _guide(row: ServiceCatalogueItem, unit_name: str, settings: PublicitySettings) -> ServiceGuide:
    materials = tuple((m, is_conditional(m)) for m in split_lines(row.materials))
    window = settings.window_of(unit_name)
    limit = limit_text(row.limit_days)
    certificate = CERTIFICATE_NAMES.get(row.certificate_kind or "", "")
    return ServiceGuide(
        row.id,
        row.code,
        row.name,
        row.category,
        CATEGORY_NAMES.get(row.category, row.category),
        unit_name,
        window,
        row.limit_days,
        limit,
        materials,
        tuple((f.label, f.required) for f in parse_form_fields(row.form_fields)),
        _steps(row, window, limit, certificate, len(materials)),
        certificate,
        bool(row.needs_approval),
        (row.note or "").strip(),
        bool(row.active),
        row.version,
        row.updated_at,
        settings.org_name,
        settings.hotline,
        "、".join(CHANNEL_NAMES.values()),
    )


def guides(session: Session, actor: Actor, *, active_only: bool = True) -> list[ServiceGuide]:
    """A guide for every item of the catalogue (the active ones unless ``active_only`` is false)."""
    require(session, actor, PUBLICITY_VIEW)
    stmt = select(ServiceCatalogueItem, Unit.name).join(Unit, Unit.id == ServiceCatalogueItem.unit_id)
    if active_only:
        stmt = stmt.where(ServiceCatalogueItem.active.is_(True))
    settings = load(session)
    out = [_guide(row, unit, settings) for row, unit in session.execute(stmt)]
    return sorted(
        out, key=lambda g: (CATEGORY_ORDER.index(g.category) if g.category in CATEGORY_ORDER else 99, g.code)
    )


def guide(session: Session, actor: Actor, catalogue_id: int) -> ServiceGuide:
    require(session, actor, PUBLICITY_VIEW)
    row = session.execute(
        select(ServiceCatalogueItem, Unit.name)
        .join(Unit, Unit.id == ServiceCatalogueItem.unit_id)
        .where(ServiceCatalogueItem.id == catalogue_id)
    ).first()
    if row is None:
        raise NotFound(entity="事项")
    return _guide(row[0], row[1], load(session))
