"""Permissions of the 民生警务 (citizen service) platform and what each built-in role gets by default.

Window clerks receive, look up and print; department officers handle what is routed to them; supervisors
approve, watch the time limits and read the figures; the administrator keeps the catalogue, the working-day
calendar and the text templates. The defaults are written by migration 0003_citizen_service; after that the
administrator's matrix in the database is what counts.
"""

from __future__ import annotations

from app.models.permissions import (
    ADMIN,
    CLERK,
    OFFICER,
    QT_TRANSLATE_NOOP,
    SUPERVISOR,
    TAB_CITIZEN,
    PermissionInfo,
    register,
)

SERVICE_INTAKE = "service.intake"
SERVICE_HANDLE = "service.handle"
SERVICE_APPROVE = "service.approve"
SERVICE_CATALOGUE = "service.catalogue"
SERVICE_LOOKUP = "service.lookup"
SERVICE_FIGURES = "service.figures"
SERVICE_FOLLOWUP = "service.followup"
CERTIFICATE_PRINT = "certificate.print"

GROUP = "民生警务"

INFOS = (
    PermissionInfo(SERVICE_INTAKE, QT_TRANSLATE_NOOP("perm", "窗口受理群众事项"), GROUP),
    PermissionInfo(SERVICE_HANDLE, QT_TRANSLATE_NOOP("perm", "办理事项（流转、补正、办结、退回）"), GROUP),
    PermissionInfo(SERVICE_APPROVE, QT_TRANSLATE_NOOP("perm", "审批事项和证明"), GROUP),
    PermissionInfo(SERVICE_CATALOGUE, QT_TRANSLATE_NOOP("perm", "维护事项目录、工作日历和短信模板"), GROUP),
    PermissionInfo(SERVICE_LOOKUP, QT_TRANSLATE_NOOP("perm", "查询事项和办理进度"), GROUP),
    PermissionInfo(SERVICE_FIGURES, QT_TRANSLATE_NOOP("perm", "查看时限督办和统计分析"), GROUP),
    PermissionInfo(SERVICE_FOLLOWUP, QT_TRANSLATE_NOOP("perm", "登记评价和差评回访"), GROUP),
    PermissionInfo(CERTIFICATE_PRINT, QT_TRANSLATE_NOOP("perm", "打印证明"), GROUP),
)

# Frozen into migration 0003_citizen_service (keep the two in step when this changes).
DEFAULTS: dict[str, set[str]] = {
    CLERK: {SERVICE_INTAKE, SERVICE_HANDLE, SERVICE_LOOKUP, SERVICE_FOLLOWUP, CERTIFICATE_PRINT},
    SUPERVISOR: {
        SERVICE_INTAKE,
        SERVICE_HANDLE,
        SERVICE_APPROVE,
        SERVICE_LOOKUP,
        SERVICE_FIGURES,
        SERVICE_FOLLOWUP,
        CERTIFICATE_PRINT,
    },
    OFFICER: {TAB_CITIZEN, SERVICE_HANDLE, SERVICE_LOOKUP},
    ADMIN: {SERVICE_CATALOGUE, SERVICE_LOOKUP, SERVICE_FIGURES},
}

register(INFOS, DEFAULTS)
