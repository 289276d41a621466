"""Permissions of the 重点人员管控 platform, the built-in roles' defaults, and the shared vocabulary.

The vocabulary (warning levels, statuses, kinds) lives here, beside the permissions, so every keyperson
model, service and view names the same things the same way.
"""

from __future__ import annotations

from app.models.permissions import (
    ADMIN,
    COMMUNITY,
    OFFICER,
    QT_TRANSLATE_NOOP,
    SUPERVISOR,
    TAB_KEYPERSON,
    PermissionInfo,
    register,
)

KP_VIEW = "keyperson.view"
KP_CREATE = "keyperson.create"
KP_EDIT = "keyperson.edit"
KP_EXPORT = "keyperson.export"
KP_IMPORT = "keyperson.import"
KP_PRINT = "keyperson.print"
KP_KEEPERS = "keyperson.keepers"
KP_VISIT = "keyperson.visit"
KP_EVENT = "keyperson.event"
KP_OVERRIDE = "keyperson.override"
KP_WARNING_HANDLE = "keyperson.warning"
KP_REMOVAL_REQUEST = "keyperson.removal.request"
KP_REMOVAL_APPROVE = "keyperson.removal.approve"
KP_INSPECT = "keyperson.inspect"
KP_STATS = "keyperson.stats"
KP_RULES = "keyperson.rules"

_GROUP = "重点人员"
INFOS = (
    PermissionInfo(KP_VIEW, QT_TRANSLATE_NOOP("perm", "查看重点人员"), _GROUP),
    PermissionInfo(KP_CREATE, QT_TRANSLATE_NOOP("perm", "登记重点人员"), _GROUP),
    PermissionInfo(KP_EDIT, QT_TRANSLATE_NOOP("perm", "修改重点人员信息"), _GROUP),
    PermissionInfo(KP_EXPORT, QT_TRANSLATE_NOOP("perm", "导出重点人员"), _GROUP),
    PermissionInfo(KP_IMPORT, QT_TRANSLATE_NOOP("perm", "导入重点人员"), _GROUP),
    PermissionInfo(KP_PRINT, QT_TRANSLATE_NOOP("perm", "打印重点人员名单和报表"), _GROUP),
    PermissionInfo(KP_KEEPERS, QT_TRANSLATE_NOOP("perm", "维护一人四管管控人"), _GROUP),
    PermissionInfo(KP_VISIT, QT_TRANSLATE_NOOP("perm", "登记走访和签到"), _GROUP),
    PermissionInfo(KP_EVENT, QT_TRANSLATE_NOOP("perm", "登记风险事件"), _GROUP),
    PermissionInfo(KP_OVERRIDE, QT_TRANSLATE_NOOP("perm", "人工调整预警等级"), _GROUP),
    PermissionInfo(KP_WARNING_HANDLE, QT_TRANSLATE_NOOP("perm", "签收和处置预警"), _GROUP),
    PermissionInfo(KP_REMOVAL_REQUEST, QT_TRANSLATE_NOOP("perm", "申请撤管"), _GROUP),
    PermissionInfo(KP_REMOVAL_APPROVE, QT_TRANSLATE_NOOP("perm", "审批撤管"), _GROUP),
    PermissionInfo(KP_INSPECT, QT_TRANSLATE_NOOP("perm", "漏管脱管检查与追责"), _GROUP),
    PermissionInfo(KP_STATS, QT_TRANSLATE_NOOP("perm", "查看重点人员统计和图表"), _GROUP),
    PermissionInfo(KP_RULES, QT_TRANSLATE_NOOP("perm", "配置积分规则、走访周期和人员类别"), _GROUP),
)

_DAILY = {
    KP_VIEW,
    KP_CREATE,
    KP_EDIT,
    KP_EXPORT,
    KP_PRINT,
    KP_KEEPERS,
    KP_VISIT,
    KP_EVENT,
    KP_WARNING_HANDLE,
    KP_REMOVAL_REQUEST,
    KP_STATS,
}
# A plain officer is often one of a person's four keepers (the community officer of 一人四管): they see the tab
# with 我的预警 only, and acknowledge and handle the warnings sent to them (nothing of the register besides).
DEFAULTS: dict[str, set[str]] = {
    COMMUNITY: set(_DAILY),
    SUPERVISOR: _DAILY | {KP_IMPORT, KP_OVERRIDE, KP_REMOVAL_APPROVE, KP_INSPECT},
    ADMIN: {KP_VIEW, KP_IMPORT, KP_RULES, KP_STATS},
    OFFICER: {TAB_KEYPERSON, KP_WARNING_HANDLE},
}

register(INFOS, DEFAULTS)

# --- warning levels -----------------------------------------------------------------------------------------

LEVEL_NONE = "none"
LEVEL_BLUE = "blue"
LEVEL_YELLOW = "yellow"
LEVEL_ORANGE = "orange"
LEVEL_RED = "red"  # the high-risk alert above the top threshold
LEVELS = (LEVEL_NONE, LEVEL_BLUE, LEVEL_YELLOW, LEVEL_ORANGE, LEVEL_RED)
WARNING_LEVELS = LEVELS[1:]
LEVEL_RANK = {code: i for i, code in enumerate(LEVELS)}
LEVEL_NAMES = {
    LEVEL_NONE: QT_TRANSLATE_NOOP("keyperson", "无预警"),
    LEVEL_BLUE: QT_TRANSLATE_NOOP("keyperson", "蓝色预警"),
    LEVEL_YELLOW: QT_TRANSLATE_NOOP("keyperson", "黄色预警"),
    LEVEL_ORANGE: QT_TRANSLATE_NOOP("keyperson", "橙色预警"),
    LEVEL_RED: QT_TRANSLATE_NOOP("keyperson", "高风险警报"),
}
LEVEL_SHORT = {LEVEL_NONE: "无", LEVEL_BLUE: "蓝", LEVEL_YELLOW: "黄", LEVEL_ORANGE: "橙", LEVEL_RED: "红"}


def next_level(level: str) -> str:
    """The level one step up (the high-risk alert stays where it is)."""
    return LEVELS[min(LEVEL_RANK[level] + 1, len(LEVELS) - 1)]


# --- person status ------------------------------------------------------------------------------------------

STATUS_ACTIVE = "active"
STATUS_LOST = "lost"
STATUS_REMOVED = "removed"
STATUSES = (STATUS_ACTIVE, STATUS_LOST, STATUS_REMOVED)
STATUS_NAMES = {
    STATUS_ACTIVE: QT_TRANSLATE_NOOP("keyperson", "在管"),
    STATUS_LOST: QT_TRANSLATE_NOOP("keyperson", "脱管"),
    STATUS_REMOVED: QT_TRANSLATE_NOOP("keyperson", "已撤管"),
}
SUPERVISED = (STATUS_ACTIVE, STATUS_LOST)  # still under supervision (a lost person is sought, not dropped)

# --- visits -------------------------------------------------------------------------------------------------

VISIT_HOME = "home"
VISIT_PHONE = "phone"
VISIT_VIDEO = "video"
VISIT_REPORT = "report"
VISIT_KINDS = {
    VISIT_HOME: QT_TRANSLATE_NOOP("keyperson", "上门走访"),
    VISIT_PHONE: QT_TRANSLATE_NOOP("keyperson", "电话核查"),
    VISIT_VIDEO: QT_TRANSLATE_NOOP("keyperson", "视频签到"),
    VISIT_REPORT: QT_TRANSLATE_NOOP("keyperson", "到所报到"),
}

# --- warnings, removals, inspections -----------------------------------------------------------------------

WARNING_OPEN = "open"
WARNING_ACKNOWLEDGED = "acknowledged"
WARNING_HANDLED = "handled"
WARNING_ESCALATED = "escalated"
WARNING_STATUS_NAMES = {
    WARNING_OPEN: QT_TRANSLATE_NOOP("keyperson", "待签收"),
    WARNING_ACKNOWLEDGED: QT_TRANSLATE_NOOP("keyperson", "已签收"),
    WARNING_HANDLED: QT_TRANSLATE_NOOP("keyperson", "已处置"),
    WARNING_ESCALATED: QT_TRANSLATE_NOOP("keyperson", "已升级"),
}
WARNING_PENDING = (WARNING_OPEN, WARNING_ACKNOWLEDGED)

REMOVAL_PENDING = "pending"
REMOVAL_APPROVED = "approved"
REMOVAL_REJECTED = "rejected"
REMOVAL_WITHDRAWN = "withdrawn"
REMOVAL_STATUS_NAMES = {
    REMOVAL_PENDING: QT_TRANSLATE_NOOP("keyperson", "待审批"),
    REMOVAL_APPROVED: QT_TRANSLATE_NOOP("keyperson", "已批准"),
    REMOVAL_REJECTED: QT_TRANSLATE_NOOP("keyperson", "已驳回"),
    REMOVAL_WITHDRAWN: QT_TRANSLATE_NOOP("keyperson", "已撤回"),
}

INSPECT_MISSED = "missed_visit"
INSPECT_LOST = "lost_contact"
INSPECTION_KINDS = {
    INSPECT_MISSED: QT_TRANSLATE_NOOP("keyperson", "漏管（走访逾期）"),
    INSPECT_LOST: QT_TRANSLATE_NOOP("keyperson", "脱管（失去联系）"),
}
INSPECTION_OPEN = "open"
INSPECTION_CLOSED = "closed"
INSPECTION_STATUS_NAMES = {
    INSPECTION_OPEN: QT_TRANSLATE_NOOP("keyperson", "待检查"),
    INSPECTION_CLOSED: QT_TRANSLATE_NOOP("keyperson", "已检查"),
}
