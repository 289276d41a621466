"""The 警务保障 permission matrix: role x function x action, stored as ``role_permission`` rows.

Each cell is one permission code ``support.<function>.<action>``; the administrator's matrix editor adds and
removes those rows, and every support service reads them from the database on each call
(:func:`app.services.permissions.has`), so a change applies to logged-in users at once.

Scope of reading: ``view_all`` beats ``view_unit`` beats ``view_own``; with none of them a function's records
are closed to the user. The same scope bounds whose records one may create (for oneself, for one's unit,
for anyone) and approve (never one's own).
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

GROUP = "警务保障"
LEADER = "leader"  # 局领导: the bureau above the unit leaders (seeded by revision 0007_support)

PERSONNEL = "personnel"
LEAVE = "leave"
OVERTIME = "overtime"
ROSTER = "roster"
EQUIPMENT = "equipment"
VEHICLE = "vehicle"
EXPENSE = "expense"
HEALTH = "health"
TRAINING = "training"
AWARD = "award"
AID = "aid"
RIGHTS = "rights"
NOTICE = "notice"

FUNCTIONS: tuple[tuple[str, str], ...] = (
    (PERSONNEL, QT_TRANSLATE_NOOP("support", "人事档案")),
    (LEAVE, QT_TRANSLATE_NOOP("support", "请销假")),
    (OVERTIME, QT_TRANSLATE_NOOP("support", "加班调休")),
    (ROSTER, QT_TRANSLATE_NOOP("support", "值班排班")),
    (EQUIPMENT, QT_TRANSLATE_NOOP("support", "装备管理")),
    (VEHICLE, QT_TRANSLATE_NOOP("support", "车辆管理")),
    (EXPENSE, QT_TRANSLATE_NOOP("support", "经费报销")),
    (HEALTH, QT_TRANSLATE_NOOP("support", "健康体检")),
    (TRAINING, QT_TRANSLATE_NOOP("support", "教育培训")),
    (AWARD, QT_TRANSLATE_NOOP("support", "表彰奖惩")),
    (AID, QT_TRANSLATE_NOOP("support", "困难帮扶")),
    (RIGHTS, QT_TRANSLATE_NOOP("support", "维权援助")),
    (NOTICE, QT_TRANSLATE_NOOP("support", "通知公告与意见征集")),
)
FUNCTION_NAMES = dict(FUNCTIONS)

VIEW_OWN = "view_own"
VIEW_UNIT = "view_unit"
VIEW_ALL = "view_all"
CREATE = "create"
APPROVE = "approve"
EXPORT = "export"

ACTIONS: tuple[tuple[str, str], ...] = (
    (VIEW_OWN, QT_TRANSLATE_NOOP("support", "查看本人")),
    (VIEW_UNIT, QT_TRANSLATE_NOOP("support", "查看本单位")),
    (VIEW_ALL, QT_TRANSLATE_NOOP("support", "查看全部")),
    (CREATE, QT_TRANSLATE_NOOP("support", "新增/申请")),
    (APPROVE, QT_TRANSLATE_NOOP("support", "审批")),
    (EXPORT, QT_TRANSLATE_NOOP("support", "导出/打印")),
)
ACTION_NAMES = dict(ACTIONS)

# What 审批 means in each function that has it (the others have no approval step).
APPROVE_MEANS: dict[str, str] = {
    LEAVE: QT_TRANSLATE_NOOP("support", "审批请假"),
    OVERTIME: QT_TRANSLATE_NOOP("support", "审批加班转调休"),
    EQUIPMENT: QT_TRANSLATE_NOOP("support", "审批装备领用与归还"),
    VEHICLE: QT_TRANSLATE_NOOP("support", "审批用车"),
    EXPENSE: QT_TRANSLATE_NOOP("support", "审批经费报销"),
    AID: QT_TRANSLATE_NOOP("support", "审批困难帮扶"),
    RIGHTS: QT_TRANSLATE_NOOP("support", "受理和答复维权申请"),
    NOTICE: QT_TRANSLATE_NOOP("support", "发布通知和意见征集"),
}


def code(function: str, action: str) -> str:
    """The permission code of one matrix cell."""
    return f"support.{function}.{action}"


def applicable(function: str, action: str) -> bool:
    """Whether the cell exists (审批 only where the function has an approval step)."""
    return action != APPROVE or function in APPROVE_MEANS


ALL_CODES: tuple[str, ...] = tuple(code(f, a) for f, _ in FUNCTIONS for a, _ in ACTIONS if applicable(f, a))

# Requests any officer may make for themselves (self-service).
_SELF_SERVICE_CREATE = (LEAVE, OVERTIME, EQUIPMENT, VEHICLE, EXPENSE, AID, RIGHTS)
_EVERY_OFFICER = {code(f, VIEW_OWN) for f, _ in FUNCTIONS} | {code(f, CREATE) for f in _SELF_SERVICE_CREATE}
_UNIT_LEADER = (
    _EVERY_OFFICER
    | {code(f, VIEW_UNIT) for f, _ in FUNCTIONS}
    | {code(f, EXPORT) for f, _ in FUNCTIONS}
    | {code(f, APPROVE) for f in (LEAVE, OVERTIME, EXPENSE, VEHICLE, AID)}
    | {code(ROSTER, CREATE), code(NOTICE, CREATE), code(NOTICE, APPROVE)}
)
_SUPPORT_STAFF = (
    _EVERY_OFFICER
    | {code(f, VIEW_ALL) for f, _ in FUNCTIONS}
    | {code(f, EXPORT) for f, _ in FUNCTIONS}
    | {code(f, CREATE) for f in (PERSONNEL, ROSTER, EQUIPMENT, VEHICLE, HEALTH, TRAINING, AWARD, NOTICE)}
    | {code(f, APPROVE) for f in (EQUIPMENT, VEHICLE, EXPENSE, AID, RIGHTS, NOTICE)}
)
_BUREAU_LEADER = (
    _EVERY_OFFICER
    | {code(f, VIEW_ALL) for f, _ in FUNCTIONS}
    | {code(f, EXPORT) for f, _ in FUNCTIONS}
    | {code(f, APPROVE) for f in (LEAVE, OVERTIME, EXPENSE, AID, NOTICE)}
)

DEFAULTS: dict[str, set[str]] = {
    CLERK: set(_EVERY_OFFICER),
    COMMUNITY: set(_EVERY_OFFICER),
    OFFICER: set(_EVERY_OFFICER),
    PUBLICITY: set(_EVERY_OFFICER),
    DISPATCHER: set(_EVERY_OFFICER),
    SUPERVISOR: set(_UNIT_LEADER),
    SUPPORT: set(_SUPPORT_STAFF),
    LEADER: set(_BUREAU_LEADER) | {"tab.support", "tab.publicity", "tab.dispatch", "dispatch.receive"},
}

register(
    [
        PermissionInfo(code(f, a), f"{fname}：{aname if a != APPROVE else APPROVE_MEANS[f]}", GROUP)
        for f, fname in FUNCTIONS
        for a, aname in ACTIONS
        if applicable(f, a)
    ],
    DEFAULTS,
)
