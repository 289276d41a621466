"""Business settings shared by every workstation: JSON values in ``business_setting``, versioned and audited.

This is the third settings tier (see STYLE.md): what the bureau decides once for everyone, such as the SMS
signature or which gateway sends texts. Reading needs no permission; writing needs ``settings.manage``, or a
narrower permission a platform passes for its own keys (``sms.manage`` for the SMS settings).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, DomainError
from app.models.permissions import SETTINGS_MANAGE
from app.models.settings import BusinessSetting
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require

KEY_MAX = 64


@dataclass(frozen=True)
class SettingInfo:
    key: str
    value: Any
    version: int
    updated_at: datetime
    updated_by: str


def _encode(key: str, value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise DomainError("setting_invalid", key=key, detail=str(exc)) from exc


def _decode(raw: str) -> Any:
    return json.loads(raw)


def _info(row: BusinessSetting) -> SettingInfo:
    return SettingInfo(row.key, _decode(row.value), row.version, row.updated_at, row.updated_by or "")


def get(session: Session, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default`` when nothing (or unreadable JSON) is stored."""
    row = session.get(BusinessSetting, key)
    if row is None:
        return default
    try:
        return _decode(row.value)
    except ValueError:
        return default


def info(session: Session, key: str) -> SettingInfo | None:
    """The value with its version, for an edit form that must detect a concurrent change."""
    row = session.get(BusinessSetting, key)
    return _info(row) if row is not None else None


def set(  # noqa: A001 - the module is used as business_settings.set(...)
    session: Session,
    actor: Actor,
    key: str,
    value: Any,
    *,
    expected_version: int | None = None,
    permission: str = SETTINGS_MANAGE,
) -> SettingInfo:
    """Store ``value`` (anything JSON can hold) under ``key`` and audit the change.

    ``expected_version`` is the version the form showed: if another workstation saved in between, the
    save is refused with :class:`ConflictError` instead of silently overwriting their change.
    """
    require(session, actor, permission)
    if not key or len(key) > KEY_MAX:
        raise DomainError("setting_invalid", key=key, detail=f"名称须为 1 至 {KEY_MAX} 个字符")
    encoded = _encode(key, value)
    row = session.get(BusinessSetting, key)
    if row is not None and expected_version is not None and row.version != expected_version:
        raise ConflictError(
            entity="设置", by=row.updated_by or "", at=row.updated_at.strftime("%Y-%m-%d %H:%M")
        )
    if row is not None and row.value == encoded:
        return _info(row)
    old = {"value": _decode(row.value)} if row is not None else None
    if row is None:
        row = BusinessSetting(key=key, value=encoded, updated_by=actor.username)
        session.add(row)
    else:
        row.value = encoded
        row.updated_by = actor.username
    try:
        session.flush()
    except (IntegrityError, StaleDataError) as exc:  # saved at the same moment by another workstation
        raise ConflictError(entity="设置", by="其他工作站", at="刚才") from exc
    audit.record(
        session,
        actor,
        "setting_change",
        entity="business_setting",
        entity_id=key,
        old=old,
        new={"value": value},
    )
    return _info(row)
