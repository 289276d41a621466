"""What every keyperson service shares: the local calendar, the platform's messages, small look-ups.

Days are the county's days (Asia/Shanghai): a visit at 23:30 local time is that day's visit, whatever UTC
says, and "overdue" means overdue on the local calendar.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.core.messages import QT_TRANSLATE_NOOP, register
from app.models.accounts import User
from app.models.keyperson_person import KeyPerson
from app.models.org import Division
from app.services.context import SYSTEM, Actor
from app.services.sms_text import LOCAL_TZ, aware

register(
    {
        "kp_visit_future": QT_TRANSLATE_NOOP("messages", "走访时间不能晚于现在（{at}）。"),
        "kp_event_future": QT_TRANSLATE_NOOP("messages", "事件日期不能晚于今天。"),
        "kp_event_unknown": QT_TRANSLATE_NOOP("messages", "没有名为“{kind}”的风险事件规则。"),
        "kp_person_removed": QT_TRANSLATE_NOOP(
            "messages",
            "{name}已撤管，不能再{action}。如需重新列管，请按身份证号重新登记（原档案和历史记录保留）。",
        ),
        "kp_removal_high_risk": QT_TRANSLATE_NOOP(
            "messages", "{name}目前有未处置的高风险警报（{level}），不能申请撤管。请先处置警报。"
        ),
        "kp_removal_pending": QT_TRANSLATE_NOOP(
            "messages", "{name}已有一份待审批的撤管申请（{at}由{by}提出），不能重复申请。"
        ),
        "kp_removal_decided": QT_TRANSLATE_NOOP(
            "messages", "该撤管申请已由{by}于{at}{decision}，不能再次审批。"
        ),
        "kp_removal_reason_missing": QT_TRANSLATE_NOOP("messages", "请填写撤管理由。"),
        "kp_removal_opinion_missing": QT_TRANSLATE_NOOP("messages", "请填写审批意见。"),
        "kp_removal_evidence_missing": QT_TRANSLATE_NOOP(
            "messages", "撤管须至少附一项证明材料，请在材料清单中勾选已提交的材料。"
        ),
        "kp_override_reason": QT_TRANSLATE_NOOP("messages", "人工调整预警等级必须填写理由。"),
        "kp_warning_closed": QT_TRANSLATE_NOOP("messages", "该预警已{state}，不能再{action}。{hint}"),
        "kp_warning_note_missing": QT_TRANSLATE_NOOP("messages", "请填写处置情况。"),
        "kp_keeper_role_taken": QT_TRANSLATE_NOOP(
            "messages", "{name}的“{role}”已由{keeper}担任，请编辑该管控人而不是重复添加。"
        ),
        "kp_keeper_role_unknown": QT_TRANSLATE_NOOP("messages", "没有名为“{role}”的管控人角色。"),
        "kp_photo_too_large": QT_TRANSLATE_NOOP(
            "messages", "照片有 {size} KB，超过了 {max} KB 的上限。请压缩后再上传。"
        ),
        "kp_photo_bad": QT_TRANSLATE_NOOP("messages", "只能上传 JPEG 或 PNG 格式的照片。"),
        "kp_inspection_closed": QT_TRANSLATE_NOOP("messages", "该检查任务已由{by}于{at}完成，不能重复检查。"),
        "kp_findings_missing": QT_TRANSLATE_NOOP("messages", "请填写检查情况。"),
    }
)


def local_date(at: datetime) -> date:
    return aware(at).astimezone(LOCAL_TZ).date()


def local_today(now: datetime | None = None) -> date:
    return local_date(aware(now))


def actor_name(actor: Actor | None) -> str:
    return (actor or SYSTEM).username


def load_person(session: Session, person_id: int, *, lock: bool = False) -> KeyPerson:
    stmt = select(KeyPerson).where(KeyPerson.id == person_id)
    if lock:
        stmt = stmt.with_for_update()
    person = session.execute(stmt).scalar_one_or_none()
    if person is None:
        raise NotFound(entity="重点人员", id=person_id)
    return person


def town_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    return session.execute(select(Division.name).where(Division.code == code)).scalar() or ""


def user_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {i: n for i, n in rows}


def masked_name(name: str) -> str:
    """张三丰 -> 张某某: what a text message may carry (the outbox and gateway logs are not for names)."""
    return (name[:1] + "某某") if name else ""
