"""Masking of personal identifiers for lists, exports and anything a passer-by could read over a shoulder.

The masks keep what a clerk needs to tell two people apart (the area code and the last four characters of
an ID number, the carrier prefix and last four digits of a mobile) and hide the rest. Every function
accepts odd input (short, empty, already masked) and never raises: a mask that fails would leak the value
into an error dialog or a log instead.
"""

from __future__ import annotations

from typing import Any

MASK = "*"


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _mask_middle(text: str, keep_start: int, keep_end: int) -> str:
    """Keep ``keep_start`` leading and ``keep_end`` trailing characters, star the rest (at least one)."""
    n = len(text)
    if n == 0:
        return ""
    if keep_start + keep_end >= n:
        # Too short to keep both ends and still hide something: hide the first part only.
        keep_end = min(keep_end, max(n // 3, 0))
        keep_start = 0
    hidden = n - keep_start - keep_end
    if hidden <= 0:
        return MASK * n
    return text[:keep_start] + MASK * hidden + (text[n - keep_end :] if keep_end else "")


def mask_id_number(value: Any) -> str:
    """ "610925199001011234" -> "610925********1234"; a 15-digit number keeps the same ends."""
    text = _text(value)
    if len(text) >= 10:
        return _mask_middle(text, 6, 4)
    return _mask_middle(text, len(text) // 4, len(text) // 4)


def mask_phone(value: Any) -> str:
    """ "13812345678" -> "138****5678"; "0915-5212345" -> "0915-***2345" (the area code is no secret)."""
    text = _text(value)
    if "-" in text:
        area, _, rest = text.partition("-")
        return f"{area}-{_mask_middle(rest, 0, 4)}" if rest else _mask_middle(text, 0, 4)
    if len(text) >= 11:
        return _mask_middle(text, 3, 4)
    if len(text) >= 7:
        return _mask_middle(text, 0, 4)
    return _mask_middle(text, 0, len(text) // 3)


def is_masked(value: Any) -> bool:
    """Whether a value looks like the output of a mask (forms send masked values back unchanged)."""
    return isinstance(value, str) and MASK in value
