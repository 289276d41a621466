"""The catalogue of user-facing messages for domain error codes.

Source strings are Simplified Chinese (the project's source language); the English translation lives in
``resources/i18n``. ``QT_TRANSLATE_NOOP`` is a plain marker here so this module stays Qt-free while
``pyside6-lupdate`` still finds the strings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


MESSAGES: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("messages", "操作失败：{detail}"),
    "validation": QT_TRANSLATE_NOOP("messages", "输入有误，请按提示修改后再保存。"),
    "permission_denied": QT_TRANSLATE_NOOP(
        "messages", "您没有“{action}”的权限。如需办理，请联系系统管理员分配角色。"
    ),
    "not_found": QT_TRANSLATE_NOOP("messages", "未找到该{entity}，可能已被其他工作站删除。"),
    "conflict": QT_TRANSLATE_NOOP(
        "messages", "该{entity}已被{by}于{at}修改，您看到的是旧数据。请重新载入后再修改，您的改动未保存。"
    ),
    "auth_failed": QT_TRANSLATE_NOOP("messages", "用户名或密码不正确。"),
    "account_locked": QT_TRANSLATE_NOOP(
        "messages", "该账号因连续多次密码错误已被锁定，请联系系统管理员解锁。"
    ),
    "account_disabled": QT_TRANSLATE_NOOP("messages", "该账号已停用，请联系系统管理员。"),
    "password_too_short": QT_TRANSLATE_NOOP("messages", "密码至少需要 {min} 个字符，当前只有 {length} 个。"),
    "password_same_as_name": QT_TRANSLATE_NOOP("messages", "密码不能包含用户名。"),
    "password_too_simple": QT_TRANSLATE_NOOP("messages", "密码过于简单（{reason}），请换一个。"),
    "password_mismatch": QT_TRANSLATE_NOOP("messages", "两次输入的新密码不一致。"),
    "password_unchanged": QT_TRANSLATE_NOOP("messages", "新密码不能与原密码相同。"),
    "username_taken": QT_TRANSLATE_NOOP("messages", "用户名“{username}”已被使用。"),
    "admin_exists": QT_TRANSLATE_NOOP("messages", "系统中已有管理员，首次启动向导不能再次使用。"),
    "schema_version": QT_TRANSLATE_NOOP("messages", "{detail}"),
    "schema_too_old": QT_TRANSLATE_NOOP(
        "messages",
        "数据库结构版本（{db}）比本程序（{app}）旧。请由管理员先运行“python main.py db upgrade”升级数据库。",
    ),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "messages", "数据库结构版本（{db}）比本程序（{app}）新，请先把本工作站升级到最新版本的程序。"
    ),
    "schema_missing": QT_TRANSLATE_NOOP(
        "messages", "数据库尚未初始化。请运行“python main.py db upgrade”，或在首次启动时由程序自动创建。"
    ),
    "schema_unknown": QT_TRANSLATE_NOOP("messages", "数据库结构版本“{db}”不属于本程序，无法打开。"),
    "audit_write_failed": QT_TRANSLATE_NOOP("messages", "审计记录写入失败，本次操作已撤销：{detail}"),
    "cancelled": QT_TRANSLATE_NOOP("messages", "操作已取消。"),
    "duplicate": QT_TRANSLATE_NOOP("messages", "{field}“{value}”已存在，不能重复登记。"),
    "in_use": QT_TRANSLATE_NOOP("messages", "该{entity}仍被其他记录使用，不能删除。"),
    "import_nothing": QT_TRANSLATE_NOOP("messages", "文件中没有可导入的数据行。"),
    "import_no_header": QT_TRANSLATE_NOOP(
        "messages", "在文件前 {rows} 行中找不到表头（需要包含“{columns}”）。"
    ),
    "import_bad_file": QT_TRANSLATE_NOOP("messages", "无法读取文件“{name}”：{detail}"),
    "font_missing": QT_TRANSLATE_NOOP(
        "messages",
        "找不到可嵌入的中文字体。请安装宋体/仿宋（Windows 自带 simsun.ttc）或在设置中指定字体文件。",
    ),
    "own_request": QT_TRANSLATE_NOOP("messages", "不能审批本人提出的申请。"),
    "invalid_state": QT_TRANSLATE_NOOP("messages", "当前状态“{state}”下不能执行“{action}”。"),
    "no_role": QT_TRANSLATE_NOOP("messages", "至少需要为用户分配一个角色。"),
    "last_admin": QT_TRANSLATE_NOOP("messages", "不能停用或撤销最后一个系统管理员。"),
    "separation_of_duties": QT_TRANSLATE_NOOP(
        "messages", "系统管理员与审计员职责分离，同一账号不能同时担任两者。"
    ),
    "db_unreachable": QT_TRANSLATE_NOOP("messages", "无法连接数据库：{detail}"),
    # messaging: SMS outbox, inbox, business settings, sweeps
    "sms_empty": QT_TRANSLATE_NOOP("messages", "短信内容不能为空。"),
    "sms_too_long": QT_TRANSLATE_NOOP(
        "messages", "短信连同签名共 {length} 个字，超过了 {max} 个字的上限，请删减后再发送。"
    ),
    "sms_signature_invalid": QT_TRANSLATE_NOOP(
        "messages", "短信签名“{signature}”不符合要求：应为 3 至 8 个字、含有汉字，并用【】括起。"
    ),
    "sms_template_missing": QT_TRANSLATE_NOOP("messages", "短信模板需要“{name}”一项，但没有提供它的内容。"),
    "sms_template_bad": QT_TRANSLATE_NOOP("messages", "短信模板格式有误：{detail}"),
    "sms_gateway_invalid": QT_TRANSLATE_NOOP("messages", "短信网关设置有误：{detail}"),
    "setting_invalid": QT_TRANSLATE_NOOP("messages", "设置“{key}”的值无法保存：{detail}"),
    "inbox_invalid": QT_TRANSLATE_NOOP("messages", "站内消息有误：{detail}"),
    "sweep_unknown": QT_TRANSLATE_NOOP("messages", "没有名为“{name}”的定时任务。可用的任务：{known}"),
}

_translator: Callable[[str], str] = lambda text: text  # noqa: E731 - replaced by the GUI with Qt's translate


def set_translator(translate: Callable[[str], str]) -> None:
    """Let the GUI route catalogue strings through Qt's translation (English when selected)."""
    global _translator
    _translator = translate


def render(code: str, params: dict[str, Any] | None = None) -> str:
    """Format the message for ``code``; unknown codes fall back to a generic message."""
    params = dict(params or {})
    template = MESSAGES.get(code)
    if template is None:
        return _translator(MESSAGES["error"]).format(detail=params.get("detail", code))
    try:
        return _translator(template).format(**params)
    except (KeyError, IndexError):
        return _translator(template)


def register(entries: dict[str, str]) -> None:
    """A platform adds its own message codes (in its own module, so platforms never edit this file)."""
    for code, template in entries.items():
        if code in MESSAGES and MESSAGES[code] != template:
            raise ValueError(f"message code {code!r} is already defined differently")
        MESSAGES[code] = template
