"""Texts to the citizen at each state change, from templates an administrator edits.

Templates live in the business settings (``citizen_service.sms_templates``), one per event, with ``{name}``
placeholders; an empty template means "no text for this event". Each text is queued in the transaction of the
state change it reports, with a dedupe key naming that step of the timeline, so a retried or repeated save
never texts the citizen twice, and the daily tally of texts is written with it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.messaging import Link
from app.models.service_item import ServiceItem
from app.models.service_permissions import SERVICE_CATALOGUE
from app.models.service_records import ServiceText
from app.services import business_settings, service_daily, sms
from app.services.context import Actor
from app.services.working_days import today

log = logging.getLogger(__name__)

SETTING_KEY = "citizen_service.sms_templates"

# event -> (Chinese name, default template)
EVENTS: dict[str, tuple[str, str]] = {
    "receive": ("收件", "{name}您好，您的“{item}”已收件，编号{tracking_no}，受理后另行告知。"),
    "accept": ("受理", "{name}您好，您的“{item}”已受理，编号{tracking_no}，承诺{due_date}前办结。"),
    "request_materials": (
        "要求补正",
        "{name}您好，您的“{item}”（编号{tracking_no}）尚缺：{missing}。请补齐后到窗口一次办结。",
    ),
    "supply": ("材料补齐", "{name}您好，您补交的材料已收到（编号{tracking_no}），承诺{due_date}前办结。"),
    "start_review": ("开始审核", "{name}您好，您的“{item}”（编号{tracking_no}）已进入审核。"),
    "complete": ("办结", "{name}您好，您的“{item}”（编号{tracking_no}）已办结，请按约定领取或查看结果。"),
    "reject": ("不予受理/退回", "{name}您好，您的“{item}”（编号{tracking_no}）未予受理：{reason}。"),
    "refuse": (
        "不予出具",
        "{name}您好，您申请的“{item}”（编号{tracking_no}）经查询不符合出具条件，请凭本人身份证件到窗口领取书面通知。",
    ),
    "deliver": ("出件", "{name}您好，您的“{item}”（编号{tracking_no}）已出件，欢迎对本次服务评价。"),
    "assign": ("分派", ""),
}
PLACEHOLDERS = {
    "name": "申请人姓名",
    "item": "事项名称",
    "tracking_no": "受理编号",
    "due_date": "承诺办结日期",
    "missing": "尚缺材料",
    "reason": "退回原因",
    "unit": "责任部门",
}
SAMPLE = {
    "name": "张三",
    "item": "无犯罪记录证明",
    "tracking_no": "MS20261130-0001",
    "due_date": "12月3日",
    "missing": "本人有效居民身份证、申请表",
    "reason": "材料不齐全",
    "unit": "治安管理大队",
}
TEMPLATE_EVENT = {"approve": "complete"}  # approving completes the item: the 办结 text


@dataclass(frozen=True)
class Templates:
    templates: Mapping[str, str]
    version: int | None  # of the stored setting; None while the defaults are used


def defaults() -> dict[str, str]:
    return {event: text for event, (_, text) in EVENTS.items()}


def current(session: Session) -> Templates:
    info = business_settings.info(session, SETTING_KEY)
    merged = defaults()
    if info is not None and isinstance(info.value, dict):
        merged.update({k: str(v) for k, v in info.value.items() if k in EVENTS})
    return Templates(merged, info.version if info is not None else None)


def check_template(text: str) -> str | None:
    """A Chinese reason when ``text`` cannot be used (bad placeholder, too long with the longest values)."""
    if not text.strip():
        return None
    try:
        filled = sms.render_template(text, SAMPLE)
        sms.compose(filled, sms.DEFAULT_SIGNATURE)
    except DomainError as exc:
        if exc.code == "sms_template_missing":
            known = "、".join(f"{{{k}}}" for k in PLACEHOLDERS)
            return f"不认识的占位符“{{{exc.params.get('name')}}}”，可用：{known}"
        return exc.message()
    return None


def save(
    session: Session, actor: Actor, templates: Mapping[str, str], *, expected_version: int | None
) -> Templates:
    """Store the templates for every workstation (``service.catalogue``); a bad one refuses the whole save."""
    from app.core.errors import ValidationError

    errors = {
        event: f"{EVENTS[event][0]}：{reason}"
        for event, text in templates.items()
        if event in EVENTS and (reason := check_template(text))
    }
    unknown = [e for e in templates if e not in EVENTS]
    if unknown:
        errors["events"] = "未知的短信事件：" + "、".join(unknown)
    if errors:
        raise ValidationError(errors)
    value = {event: templates.get(event, default) for event, default in defaults().items()}
    business_settings.set(
        session, actor, SETTING_KEY, value, expected_version=expected_version, permission=SERVICE_CATALOGUE
    )
    return current(session)


def format_day(day: date | None) -> str:
    return f"{day.month}月{day.day}日" if day else "（待定）"


def values_for(item: ServiceItem, item_name: str, unit_name: str) -> dict[str, Any]:
    return {
        "name": item.applicant_name,
        "item": item_name,
        "tracking_no": item.tracking_no,
        "due_date": format_day(item.due_date),
        "missing": "、".join(item.materials_missing or []) or "（无）",
        "reason": item.outcome_note or "（未说明）",
        "unit": unit_name,
    }


def notify(
    session: Session,
    item: ServiceItem,
    event: str,
    seq: int,
    values: Mapping[str, Any],
    *,
    user_triggered: bool,
    now: datetime | None = None,
) -> int | None:
    """Queue the text for step ``seq`` of the item's timeline; returns the SMS id (None: no text sent)."""
    if not item.phone:
        return None
    key_event = TEMPLATE_EVENT.get(event, event)
    template = current(session).templates.get(key_event, "")
    if not template.strip():
        return None
    try:
        text = sms.render_template(template, values)
    except DomainError:
        log.warning("SMS template %s cannot be filled; using the default", key_event)
        text = sms.render_template(defaults()[key_event], values)
    queued = sms.queue(
        session,
        phone=item.phone,
        text=text,
        dedupe_key=f"service_item:{item.id}:{seq}:{event}",
        user_triggered=user_triggered,
        related=Link("service_item", item.id),
        now=now,
    )
    if queued.created:
        day = today()
        session.add(
            ServiceText(
                item_id=item.id,
                sms_id=queued.id,
                event=event,
                day=day,
                channel=item.channel,
                unit_id=item.unit_id or 0,
                officer_id=item.officer_id or 0,
            )
        )
        service_daily.add_text(session, day, item)
    return queued.id
