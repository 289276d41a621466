"""Differences between two versions of a rule or measure (difflib, character by character).

Chinese has no spaces between words, so a word or line diff would mark a whole sentence as changed for one
altered character; a character diff shows exactly what was added and removed. Short equal runs between two
changes are folded into the change so a reader sees whole phrases, not confetti.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.models.publicity_permissions import PUBLICITY_VIEW
from app.services.context import Actor
from app.services.permissions import require
from app.services.publicity_common import VersionInfo, load_version, version_info

EQUAL, DELETE, INSERT = "=", "-", "+"
FIELD_LABELS = (
    ("title", "标题"),
    ("content", "内容"),
    ("unit_name", "责任部门"),
    ("effective", "施行日期"),
)
WORDED = ("title", "content")
MIN_EQUAL_RUN = 2  # equal runs shorter than this between two changes are shown as part of the change


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    old: str
    new: str
    segments: tuple[tuple[str, str], ...]  # (EQUAL | DELETE | INSERT, text) in reading order


@dataclass(frozen=True)
class VersionDiff:
    old: VersionInfo
    new: VersionInfo
    fields: tuple[FieldDiff, ...]  # only the fields that differ

    @property
    def unchanged(self) -> bool:
        return not self.fields

    def summary(self) -> list[str]:
        """One line per changed field: 内容：删去“…”；增加“…”."""
        lines = []
        for f in self.fields:
            parts = []
            for op, text in f.segments:
                if op == DELETE:
                    parts.append(f"删去“{text}”")
                elif op == INSERT:
                    parts.append(f"增加“{text}”")
            lines.append(f"{f.label}：" + "；".join(parts))
        return lines


def text_segments(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """``old`` -> ``new`` as equal/deleted/inserted runs of characters."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    raw: list[tuple[str, str, str]] = []  # (op, old part, new part)
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            inner = 0 < n < len(opcodes) - 1
            if inner and i2 - i1 < MIN_EQUAL_RUN:
                raw.append(("replace", old[i1:i2], new[j1:j2]))
            else:
                raw.append(("equal", old[i1:i2], new[j1:j2]))
        else:
            raw.append(("replace", old[i1:i2], new[j1:j2]))
    out: list[tuple[str, str]] = []
    pending_old, pending_new = "", ""
    for kind, a, b in raw:
        if kind == "equal":
            if pending_old:
                out.append((DELETE, pending_old))
            if pending_new:
                out.append((INSERT, pending_new))
            pending_old = pending_new = ""
            out.append((EQUAL, a))
        else:
            pending_old += a
            pending_new += b
    if pending_old:
        out.append((DELETE, pending_old))
    if pending_new:
        out.append((INSERT, pending_new))
    return tuple(out)


def _effective(start: date, end: date | None) -> str:
    return f"{start:%Y-%m-%d} 起" if end is None else f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}"


def compare(old: VersionInfo, new: VersionInfo) -> VersionDiff:
    values = {
        "title": (old.title, new.title),
        "content": (old.content, new.content),
        "unit_name": (old.unit_name, new.unit_name),
        "effective": (
            _effective(old.effective_from, old.effective_to),
            _effective(new.effective_from, new.effective_to),
        ),
    }
    fields = []
    for name, label in FIELD_LABELS:
        a, b = values[name]
        if a != b:
            # a department or a date is replaced as a whole; wording is compared character by character
            segments = text_segments(a, b) if name in WORDED else ((DELETE, a), (INSERT, b))
            fields.append(FieldDiff(name, label, a, b, segments))
    return VersionDiff(old, new, tuple(fields))


def diff_versions(session: Session, actor: Actor, old_id: int, new_id: int) -> VersionDiff:
    """What changed from version ``old_id`` to ``new_id`` (of the same or of different items)."""
    require(session, actor, PUBLICITY_VIEW)
    if old_id == new_id:
        raise DomainError("publicity_same_version")
    old = version_info(session, load_version(session, old_id))
    new = version_info(session, load_version(session, new_id))
    return compare(old, new)
