"""Permissions of the 指挥调度 platform and what each built-in role gets by default.

Who counts as an *officer* for orders ("everyone") and for the duty board: an active user whose roles grant
:data:`DISPATCH_RECEIVE`. Who counts as a *unit leader* for escalations: an active user of that unit whose roles
grant :data:`DISPATCH_LEAD` (by default the 所长/审批领导 role). Both are permissions, so the administrator's
role matrix decides, not code.
"""

from __future__ import annotations

from app.models.permissions import (
    CLERK,
    COMMUNITY,
    DISPATCHER,
    OFFICER,
    PUBLICITY,
    QT_TRANSLATE_NOOP,
    SUPERVISOR,
    SUPPORT,
    PermissionInfo,
    register,
)

DISPATCH_RECEIVE = "dispatch.receive"
DISPATCH_MONITOR = "dispatch.monitor"
DISPATCH_ORDER_SEND = "dispatch.order.send"
DISPATCH_INCIDENT_MANAGE = "dispatch.incident.manage"
DISPATCH_DUTY_MANAGE = "dispatch.duty.manage"
DISPATCH_LEAD = "dispatch.lead"

GROUP = "指挥调度"

DEFAULTS: dict[str, set[str]] = {
    CLERK: {DISPATCH_RECEIVE},
    COMMUNITY: {DISPATCH_RECEIVE},
    OFFICER: {DISPATCH_RECEIVE},
    PUBLICITY: {DISPATCH_RECEIVE},
    SUPPORT: {DISPATCH_RECEIVE},
    SUPERVISOR: {
        DISPATCH_RECEIVE,
        DISPATCH_MONITOR,
        DISPATCH_ORDER_SEND,
        DISPATCH_DUTY_MANAGE,
        DISPATCH_LEAD,
    },
    DISPATCHER: {
        DISPATCH_RECEIVE,
        DISPATCH_MONITOR,
        DISPATCH_ORDER_SEND,
        DISPATCH_INCIDENT_MANAGE,
        DISPATCH_DUTY_MANAGE,
    },
}

register(
    [
        PermissionInfo(
            DISPATCH_RECEIVE,
            QT_TRANSLATE_NOOP("perm", "接收和签收警令、设置本人勤务状态、反馈所参与事件的进展"),
            GROUP,
        ),
        PermissionInfo(
            DISPATCH_MONITOR, QT_TRANSLATE_NOOP("perm", "查看全部警令签收情况、全部事件和勤务看板"), GROUP
        ),
        PermissionInfo(DISPATCH_ORDER_SEND, QT_TRANSLATE_NOOP("perm", "下达警令通知、催签"), GROUP),
        PermissionInfo(
            DISPATCH_INCIDENT_MANAGE, QT_TRANSLATE_NOOP("perm", "创建和指挥事件与集群战役"), GROUP
        ),
        PermissionInfo(DISPATCH_DUTY_MANAGE, QT_TRANSLATE_NOOP("perm", "设置其他民警的勤务状态"), GROUP),
        PermissionInfo(
            DISPATCH_LEAD, QT_TRANSLATE_NOOP("perm", "单位负责人：接收本单位逾期未签收警令的提醒"), GROUP
        ),
    ],
    DEFAULTS,
)
