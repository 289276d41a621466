"""Settings of the publicity channels, shared by every workstation (one business setting, versioned).

The mobile newspaper's length limit, the name printed on every output, the consultation hotline and website
address, and the service window of each department (what a service guide names as 受理窗口). Defaults are
configurable starting points, not facts about Langao.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.models.publicity_permissions import PUBLICITY_PUBLISH
from app.services import business_settings
from app.services.context import Actor

KEY = "publicity.settings"
DEFAULT_MOBILE_LIMIT = 500
MOBILE_LIMIT_RANGE = (70, 5000)
TV_CHARS_PER_MINUTE = 220  # a news reader's pace in Chinese characters per minute


@dataclass(frozen=True)
class PublicitySettings:
    org_name: str = "岚皋县公安局"
    hotline: str = ""
    website_url: str = ""
    mobile_limit: int = DEFAULT_MOBILE_LIMIT
    mobile_signature: str = "【岚皋公安】"
    hall_name: str = "县政务服务中心公安窗口"
    windows: dict[str, str] = field(default_factory=dict)  # unit name -> window (受理窗口)
    version: int = 0  # of the stored setting, for optimistic locking

    def window_of(self, unit_name: str) -> str:
        return self.windows.get(unit_name) or f"{self.hall_name}（{unit_name}）"


def load(session: Session) -> PublicitySettings:
    info = business_settings.info(session, KEY)
    if info is None or not isinstance(info.value, dict):
        return PublicitySettings()
    raw: dict[str, Any] = info.value
    base = PublicitySettings()
    try:
        limit = int(raw.get("mobile_limit", base.mobile_limit))
    except (TypeError, ValueError):
        limit = base.mobile_limit
    windows = raw.get("windows") if isinstance(raw.get("windows"), dict) else {}
    return PublicitySettings(
        org_name=str(raw.get("org_name") or base.org_name),
        hotline=str(raw.get("hotline") or ""),
        website_url=str(raw.get("website_url") or ""),
        mobile_limit=limit,
        mobile_signature=str(raw.get("mobile_signature", base.mobile_signature)),
        hall_name=str(raw.get("hall_name") or base.hall_name),
        windows={str(k): str(v) for k, v in (windows or {}).items() if str(v).strip()},
        version=info.version,
    )


def save(session: Session, actor: Actor, settings: PublicitySettings) -> PublicitySettings:
    """Store the settings; a concurrent change by another workstation raises ConflictError."""
    errors: dict[str, str] = {}
    low, high = MOBILE_LIMIT_RANGE
    if not low <= settings.mobile_limit <= high:
        errors["mobile_limit"] = f"手机报字数上限应在 {low} 至 {high} 之间"
    if not settings.org_name.strip():
        errors["org_name"] = "请填写发布单位名称"
    if settings.website_url and not settings.website_url.startswith(("http://", "https://")):
        errors["website_url"] = "网址应以 http:// 或 https:// 开头"
    if errors:
        raise ValidationError(errors)
    value = asdict(settings)
    value.pop("version")
    business_settings.set(
        session, actor, KEY, value, expected_version=settings.version or None, permission=PUBLICITY_PUBLISH
    )
    return load(session)
