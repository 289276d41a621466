"""The standard items of a county bureau's service window, added to the catalogue where missing.

Time limits follow resources/reference/README.md where a source settled them (无犯罪记录证明: at most 3
working days; 居住证: 15 days, about 11 working days); the others are the bureau's own settings and stay
editable in the catalogue.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.org import Unit
from app.models.service_catalogue import (
    CATEGORY_CERTIFICATE,
    CATEGORY_COMPLAINT,
    CATEGORY_CONSULT,
    CATEGORY_HELP,
    CATEGORY_REPORT,
    CERT_HOUSEHOLD,
    CERT_NO_CRIMINAL_RECORD,
    ServiceCatalogueItem,
)
from app.models.service_permissions import SERVICE_CATALOGUE
from app.services import audit, entity_service, reference_data
from app.services.context import Actor
from app.services.permissions import require
from app.services.service_catalogue import CATALOGUE_SPEC

_ID = "本人有效居民身份证"
STANDARD_ITEMS: tuple[dict[str, Any], ...] = (
    {
        "code": "ZM01",
        "name": "无犯罪记录证明",
        "category": CATEGORY_CERTIFICATE,
        "unit": "ZADD",
        "limit_days": 3,
        "materials": f"{_ID}\n无犯罪记录证明申请表\n居住证（如适用）\n授权委托书及受托人身份证件（如适用）",
        "form_fields": "用途\n有效期（月）",
        "certificate_kind": CERT_NO_CRIMINAL_RECORD,
        "needs_approval": True,
        "note": "能当场办理的当场出具；调查核实所需时间不计入时限；免费。",
    },
    {
        "code": "ZM02",
        "name": "户籍证明",
        "category": CATEGORY_CERTIFICATE,
        "unit": "ZADD",
        "limit_days": 1,
        "materials": "本人居民身份证或户口簿",
        "form_fields": "证明用途*",
        "certificate_kind": CERT_HOUSEHOLD,
        "needs_approval": True,
        "note": "时限为本局设定（通常当日办结），可修改。",
    },
    {
        "code": "ZZ01",
        "name": "居住证申领",
        "category": CATEGORY_CERTIFICATE,
        "unit": "ZADD",
        "limit_days": 11,
        "materials": f"{_ID}\n近期一寸免冠照片\n居住、就业或就读证明",
        "form_fields": "现居住地址*",
        "note": "法定受理之日起15日内发放，折合约11个工作日。",
    },
    {
        "code": "BA01",
        "name": "刑事案件报案",
        "category": CATEGORY_REPORT,
        "unit": "XZDD",
        "limit_days": 3,
        "materials": "报案人身份证件\n相关证据材料（如适用）",
        "form_fields": "案发时间*\n案发地点*\n简要案情*",
    },
    {
        "code": "BA02",
        "name": "治安案件报案",
        "category": CATEGORY_REPORT,
        "unit": "ZADD",
        "limit_days": 3,
        "materials": "报案人身份证件",
        "form_fields": "案发时间*\n案发地点*\n简要案情*",
    },
    {
        "code": "BA03",
        "name": "电信网络诈骗报案",
        "category": CATEGORY_REPORT,
        "unit": "WADD",
        "limit_days": 3,
        "materials": "报案人身份证件\n转账记录或聊天记录（如适用）",
        "form_fields": "被骗时间*\n被骗金额（元）*\n简要经过*",
    },
    {
        "code": "BA04",
        "name": "经济犯罪报案",
        "category": CATEGORY_REPORT,
        "unit": "JZDD",
        "limit_days": 7,
        "materials": "报案人身份证件\n合同、票据等证据材料（如适用）",
        "form_fields": "涉案金额（元）*\n简要案情*",
    },
    {
        "code": "QZ01",
        "name": "群众求助",
        "category": CATEGORY_HELP,
        "unit": "ZHZX",
        "limit_days": 1,
        "materials": "",
        "form_fields": "求助事项*\n地点",
    },
    {
        "code": "ZX01",
        "name": "法律咨询",
        "category": CATEGORY_CONSULT,
        "unit": "FZDD",
        "limit_days": 5,
        "materials": "",
        "form_fields": "咨询问题*",
    },
    {
        "code": "TS01",
        "name": "投诉民警执法执勤",
        "category": CATEGORY_COMPLAINT,
        "unit": "DCDD",
        "limit_days": 15,
        "materials": "投诉人身份证件\n相关证据（如适用）",
        "form_fields": "被投诉单位或民警*\n投诉事项*",
    },
    {
        "code": "JB01",
        "name": "涉毒违法犯罪举报",
        "category": CATEGORY_COMPLAINT,
        "unit": "JDDD",
        "limit_days": 10,
        "materials": "",
        "form_fields": "举报事项*\n线索地点",
    },
    {
        "code": "JB02",
        "name": "交通违法行为举报",
        "category": CATEGORY_COMPLAINT,
        "unit": "JJDD",
        "limit_days": 10,
        "materials": "",
        "form_fields": "违法时间*\n违法地点*\n车牌号码",
    },
)


def load_standard_items(session: Session, actor: Actor) -> int:
    """Add the standard items that are missing (by code or name); return how many were added."""
    require(session, actor, SERVICE_CATALOGUE)
    reference_data.load_departments(session, actor=actor)
    units = dict(session.execute(select(Unit.code, Unit.id)).all())
    present = session.execute(select(ServiceCatalogueItem.code, ServiceCatalogueItem.name)).all()
    codes = {c for c, _ in present}
    names = {n for _, n in present}
    added = 0
    for order, spec in enumerate(STANDARD_ITEMS):
        if spec["code"] in codes or spec["name"] in names or spec["unit"] not in units:
            continue
        values = {k: v for k, v in spec.items() if k != "unit"}
        values.update(unit_id=units[spec["unit"]], sort_order=order * 10, active=True)
        values.setdefault("certificate_kind", "")
        values.setdefault("needs_approval", False)
        entity_service.create(session, actor, CATALOGUE_SPEC, values)
        added += 1
    if added:
        audit.record(session, actor, "catalogue_defaults", entity="service_catalogue", new={"added": added})
    return added
