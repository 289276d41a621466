"""Text rules of the carriers, free of any database: counting, signature, templates and quiet hours.

Every character counts as one, the signature in 【】 included; up to 70 characters is one message, longer
texts are billed per 67; 500 at most. Texts the citizen did not ask for go out only 07:00-21:00 Beijing time
(see reference/README.md, "Text messages").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.errors import DomainError
from app.models.base import utcnow

SINGLE_LIMIT = 70
SEGMENT_SIZE = 67
MAX_LENGTH = 500
QUIET_END = time(7, 0)  # texts not triggered by the user may go out from 07:00 ...
QUIET_START = time(21, 0)  # ... until 21:00 local time


def _local_zone() -> tzinfo:
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:  # Windows without the tzdata package; China has kept UTC+8 since 1991
        return timezone(timedelta(hours=8), "CST")


LOCAL_TZ = _local_zone()


# --- counting ---------------------------------------------------------------------------------------------


def char_count(text: str) -> int:
    """Characters as the carriers bill them: one each (Chinese, Latin, digit, punctuation, space).

    Counted in UTF-16 units, as the UCS-2 encoding of a text is: the same for every character of the BMP,
    and two for an emoji, which the carriers also bill as two.
    """
    return len(text.encode("utf-16-le")) // 2


def count_segments(full_text: str) -> int:
    """Billed messages for a text that already includes its signature: 1 up to 70 characters, else per 67."""
    n = char_count(full_text)
    if n == 0:
        return 0
    return 1 if n <= SINGLE_LIMIT else -(-n // SEGMENT_SIZE)


def normalize_signature(value: str) -> str:
    """``岚皋县公安局`` or ``【岚皋县公安局】`` -> ``【岚皋县公安局】``; 3-8 characters with Chinese in them."""
    inner = value.strip().removeprefix("【").removesuffix("】").strip()
    if not 3 <= len(inner) <= 8 or not re.search(r"[\u4e00-\u9fff]", inner) or re.search(r"[【】]", inner):
        raise DomainError("sms_signature_invalid", signature=value)
    return f"【{inner}】"


def compose(text: str, signature: str) -> str:
    """The text as the phone shows it; refused when empty or over 500 characters with the signature."""
    body = text.strip()
    if not body:
        raise DomainError("sms_empty")
    full = signature + body
    if char_count(full) > MAX_LENGTH:
        raise DomainError("sms_too_long", length=char_count(full), max=MAX_LENGTH)
    return full


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def render_template(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` placeholders (``{{`` and ``}}`` for literal braces); a missing value is an error."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None:
            raise DomainError("sms_template_bad", detail=f"“{token}”没有配对")
        name = name.strip()
        if not name.isidentifier():
            raise DomainError("sms_template_bad", detail=f"“{token}”不是有效的占位符")
        if name not in values or values[name] is None:
            raise DomainError("sms_template_missing", name=name)
        return str(values[name])

    return _TOKEN.sub(replace, template)


# --- quiet hours ------------------------------------------------------------------------------------------


def aware(now: datetime | None) -> datetime:
    if now is None:
        return utcnow()
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def is_quiet(now: datetime) -> bool:
    """Outside 07:00-21:00 Beijing time, when only texts the citizen asked for may go out."""
    local = aware(now).astimezone(LOCAL_TZ).time()
    return not QUIET_END <= local < QUIET_START


def next_release(now: datetime) -> datetime:
    """The next 07:00 local time at or after ``now`` (UTC)."""
    local = aware(now).astimezone(LOCAL_TZ)
    day = local.date() if local.time() <= QUIET_END else local.date() + timedelta(days=1)
    return datetime.combine(day, QUIET_END, LOCAL_TZ).astimezone(UTC)
