"""The Chinese messages of the 警务保障 platform's domain errors (registered here, not in app/core)."""

from __future__ import annotations

from app.core.messages import QT_TRANSLATE_NOOP, register

register(
    {
        "support_no_scope": QT_TRANSLATE_NOOP(
            "messages", "您没有查看“{function}”的权限（本人、本单位或全部均未授权），请联系系统管理员。"
        ),
        "support_out_of_scope": QT_TRANSLATE_NOOP(
            "messages", "您在“{function}”中只能办理{scope}的事项，{name}不在此范围内。"
        ),
        "support_invalid": QT_TRANSLATE_NOOP("messages", "{detail}"),
        "support_locked": QT_TRANSLATE_NOOP(
            "messages", "该{entity}当前为“{state}”，不能再修改或删除；如需变更请走撤回或销假等流程。"
        ),
        "support_leave_overlap": QT_TRANSLATE_NOOP(
            "messages", "{name}在 {start} 至 {end} 已有{kind}（{state}），与本次请假时间重叠，请调整日期。"
        ),
        "support_leave_balance": QT_TRANSLATE_NOOP(
            "messages", "调休 {days} 天需要 {need} 小时，{name}的可调休余额只有 {balance} 小时。"
        ),
        "support_bureau_needed": QT_TRANSLATE_NOOP(
            "messages", "该请假共 {days} 天，超过 {limit} 天，须由局领导审批；您没有全局审批权限。"
        ),
        "support_bureau_same": QT_TRANSLATE_NOOP(
            "messages", "局领导审批须由另一人办理：您已签署过本单位意见。"
        ),
        "support_return_date": QT_TRANSLATE_NOOP(
            "messages", "销假日期应在请假开始日期（{start}）与今天（{today}）之间。"
        ),
        "support_roster_on_leave": QT_TRANSLATE_NOOP(
            "messages", "{name}在 {day} 请了{kind}（{state}），不能安排值班，请先调整请假或另选民警。"
        ),
        "support_equipment_out": QT_TRANSLATE_NOOP(
            "messages", "装备“{name}”（{code}）已发放给{holder}，尚未归还，不能再次发放。"
        ),
        "support_equipment_unavailable": QT_TRANSLATE_NOOP(
            "messages", "装备“{name}”（{code}）当前为“{state}”，不能发放。"
        ),
        "support_vehicle_booked": QT_TRANSLATE_NOOP(
            "messages", "车辆 {plate} 在 {start} 至 {end} 已被{name}预约（{state}），与本次用车时间冲突。"
        ),
        "support_vehicle_unavailable": QT_TRANSLATE_NOOP(
            "messages", "车辆 {plate} 当前为“{state}”，不能预约。"
        ),
        "support_poll_voted": QT_TRANSLATE_NOOP("messages", "您已参加过本次意见征集，每人只能投一次。"),
        "support_poll_closed": QT_TRANSLATE_NOOP("messages", "意见征集“{title}”{state}，不能投票。"),
        "support_not_audience": QT_TRANSLATE_NOOP("messages", "该{entity}不面向您所在的单位。"),
        "support_poll_option": QT_TRANSLATE_NOOP("messages", "请选择本次意见征集中的一个选项。"),
    }
)
