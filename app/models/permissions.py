"""The permission catalogue and the built-in roles of DESIGN.md.

Permissions are plain codes checked by every service; roles map to sets of them in the database
(``role_permission``), so an administrator can change the matrix without a new release.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - marker for pyside6-lupdate
    return text


# Main tabs: a role sees a platform's tab only with its permission.
TAB_PUBLICITY = "tab.publicity"
TAB_CITIZEN = "tab.citizen"
TAB_KEYPERSON = "tab.keyperson"
TAB_DISPATCH = "tab.dispatch"
TAB_SUPPORT = "tab.support"

CITIZEN_VIEW = "citizen.view"
CITIZEN_CREATE = "citizen.create"
CITIZEN_EDIT = "citizen.edit"
CITIZEN_DELETE = "citizen.delete"
CITIZEN_EXPORT = "citizen.export"
CITIZEN_IMPORT = "citizen.import"
CITIZEN_PRINT = "citizen.print"

PII_UNMASK = "pii.unmask"
USERS_MANAGE = "users.manage"
SETTINGS_MANAGE = "settings.manage"
AUDIT_READ = "audit.read"
AUDIT_EXPORT = "audit.export"
DEMO_LOAD = "demo.load"


@dataclass(frozen=True)
class PermissionInfo:
    code: str
    name: str
    group: str


CATALOGUE: tuple[PermissionInfo, ...] = (
    PermissionInfo(TAB_PUBLICITY, QT_TRANSLATE_NOOP("perm", "使用宣传平台"), "平台"),
    PermissionInfo(TAB_CITIZEN, QT_TRANSLATE_NOOP("perm", "使用民生警务平台"), "平台"),
    PermissionInfo(TAB_KEYPERSON, QT_TRANSLATE_NOOP("perm", "使用重点人员管控平台"), "平台"),
    PermissionInfo(TAB_DISPATCH, QT_TRANSLATE_NOOP("perm", "使用指挥调度平台"), "平台"),
    PermissionInfo(TAB_SUPPORT, QT_TRANSLATE_NOOP("perm", "使用警务保障平台"), "平台"),
    PermissionInfo(CITIZEN_VIEW, QT_TRANSLATE_NOOP("perm", "查看群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_CREATE, QT_TRANSLATE_NOOP("perm", "登记群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_EDIT, QT_TRANSLATE_NOOP("perm", "修改群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_DELETE, QT_TRANSLATE_NOOP("perm", "删除群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_EXPORT, QT_TRANSLATE_NOOP("perm", "导出群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_IMPORT, QT_TRANSLATE_NOOP("perm", "导入群众信息"), "群众信息"),
    PermissionInfo(CITIZEN_PRINT, QT_TRANSLATE_NOOP("perm", "打印群众信息"), "群众信息"),
    PermissionInfo(PII_UNMASK, QT_TRANSLATE_NOOP("perm", "查看完整身份证号和手机号"), "安全"),
    PermissionInfo(USERS_MANAGE, QT_TRANSLATE_NOOP("perm", "管理用户和角色"), "系统"),
    PermissionInfo(SETTINGS_MANAGE, QT_TRANSLATE_NOOP("perm", "修改系统设置"), "系统"),
    PermissionInfo(AUDIT_READ, QT_TRANSLATE_NOOP("perm", "查阅审计日志"), "审计"),
    PermissionInfo(AUDIT_EXPORT, QT_TRANSLATE_NOOP("perm", "导出审计日志"), "审计"),
    PermissionInfo(DEMO_LOAD, QT_TRANSLATE_NOOP("perm", "载入演示数据"), "系统"),
)

PERMISSION_NAMES: dict[str, str] = {p.code: p.name for p in CATALOGUE}
_REGISTERED: list[PermissionInfo] = []
_REGISTERED_DEFAULTS: dict[str, set[str]] = {}


def register(infos: Iterable[PermissionInfo], defaults: Mapping[str, Iterable[str]]) -> None:
    """A platform adds its permissions and what each built-in role gets by default.

    The defaults are written to the database by that platform's migration (``grant_defaults``); after that
    the administrator's matrix in the database is what counts.
    """
    for info in infos:
        if info.code not in PERMISSION_NAMES:
            _REGISTERED.append(info)
            PERMISSION_NAMES[info.code] = info.name
    for role, perms in defaults.items():
        _REGISTERED_DEFAULTS.setdefault(role, set()).update(perms)


def catalogue() -> tuple[PermissionInfo, ...]:
    """Every permission: the frame's and those registered by the platforms."""
    return CATALOGUE + tuple(_REGISTERED)


def role_defaults(role: str) -> frozenset[str]:
    base = next((r.permissions for r in BUILTIN_ROLES if r.code == role), frozenset())
    return frozenset(base | _REGISTERED_DEFAULTS.get(role, set()))


_CITIZEN_ALL = {
    CITIZEN_VIEW,
    CITIZEN_CREATE,
    CITIZEN_EDIT,
    CITIZEN_DELETE,
    CITIZEN_EXPORT,
    CITIZEN_IMPORT,
    CITIZEN_PRINT,
}
_ALL_TABS = {TAB_PUBLICITY, TAB_CITIZEN, TAB_KEYPERSON, TAB_DISPATCH, TAB_SUPPORT}
_EVERY_OFFICER = {TAB_PUBLICITY, TAB_DISPATCH, TAB_SUPPORT}


@dataclass(frozen=True)
class RoleInfo:
    code: str
    name: str
    description: str
    permissions: frozenset[str]


ADMIN = "admin"
AUDITOR = "auditor"
CLERK = "clerk"
COMMUNITY = "community"
SUPERVISOR = "supervisor"
DISPATCHER = "dispatcher"
OFFICER = "officer"
PUBLICITY = "publicity"
SUPPORT = "support"

BUILTIN_ROLES: tuple[RoleInfo, ...] = (
    RoleInfo(
        ADMIN,
        QT_TRANSLATE_NOOP("role", "系统管理员"),
        QT_TRANSLATE_NOOP("role", "用户、角色和系统设置；不能修改审计日志"),
        frozenset(_ALL_TABS | {USERS_MANAGE, SETTINGS_MANAGE, DEMO_LOAD, CITIZEN_VIEW}),
    ),
    RoleInfo(
        AUDITOR,
        QT_TRANSLATE_NOOP("role", "审计员"),
        QT_TRANSLATE_NOOP("role", "只读查阅审计日志"),
        frozenset({AUDIT_READ, AUDIT_EXPORT}),
    ),
    RoleInfo(
        CLERK,
        QT_TRANSLATE_NOOP("role", "窗口民警"),
        QT_TRANSLATE_NOOP("role", "窗口受理群众事项、查询进度、打印回执和证明"),
        frozenset(_EVERY_OFFICER | {TAB_CITIZEN} | _CITIZEN_ALL - {CITIZEN_DELETE}),
    ),
    RoleInfo(
        COMMUNITY,
        QT_TRANSLATE_NOOP("role", "社区民警"),
        QT_TRANSLATE_NOOP("role", "辖区重点人员日常管控、走访、事件登记"),
        frozenset(_EVERY_OFFICER | {TAB_KEYPERSON, CITIZEN_VIEW}),
    ),
    RoleInfo(
        SUPERVISOR,
        QT_TRANSLATE_NOOP("role", "所长/审批领导"),
        QT_TRANSLATE_NOOP("role", "审核预警，审批撤管、证明和请假，检查漏管脱管"),
        frozenset(_ALL_TABS | _CITIZEN_ALL | {PII_UNMASK}),
    ),
    RoleInfo(
        DISPATCHER,
        QT_TRANSLATE_NOOP("role", "指挥中心"),
        QT_TRANSLATE_NOOP("role", "下达警令、组织集群战役、查看勤务状态"),
        frozenset(_EVERY_OFFICER | {CITIZEN_VIEW}),
    ),
    RoleInfo(
        OFFICER,
        QT_TRANSLATE_NOOP("role", "民警"),
        QT_TRANSLATE_NOOP("role", "签收警令、反馈进展、设置勤务状态、使用自助服务"),
        frozenset(_EVERY_OFFICER),
    ),
    RoleInfo(
        PUBLICITY,
        QT_TRANSLATE_NOOP("role", "宣传干事"),
        QT_TRANSLATE_NOOP("role", "维护服务规则与便民措施并登记发布"),
        frozenset(_EVERY_OFFICER),
    ),
    RoleInfo(
        SUPPORT,
        QT_TRANSLATE_NOOP("role", "警务保障"),
        QT_TRANSLATE_NOOP("role", "人事、请假、装备、车辆、经费等保障工作"),
        frozenset(_EVERY_OFFICER),
    ),
)

ROLE_NAMES: dict[str, str] = {r.code: r.name for r in BUILTIN_ROLES}
