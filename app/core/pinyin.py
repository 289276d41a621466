"""Pinyin search keys for Chinese names, and classification of what a clerk typed into a search box.

Names are stored with two keys (full pinyin "zhangsan", initials "zs") so that a search for latin letters
is an indexed prefix match in SQL. pypinyin reads characters as ordinary words, which is wrong for surnames
with a special reading (单 is "shan" as a surname, not "dan"), so the surname gets a small override table.
pypinyin takes a few hundred milliseconds to import: it is imported on first use, not at start-up.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from app.core.normalize import normalize_name, normalize_text

if TYPE_CHECKING:
    from collections.abc import Callable

# Readings as a surname, where pypinyin's everyday reading differs. Toneless, ü written "v" as IMEs type it.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "区": ("ou",),
    "查": ("zha",),
    "乐": ("yue",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "缪": ("miao",),
    "秘": ("bi",),
    "种": ("chong",),
    "召": ("shao",),
    "隗": ("wei",),
    "繁": ("po",),
    "薄": ("bo",),
    "员": ("yun",),
    "折": ("she",),
    "能": ("nai",),
    "句": ("gou",),
    "长": ("chang",),
    "重": ("chong",),
    "佴": ("nai",),
    "阚": ("kan",),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "宰父": ("zai", "fu"),
    "亓官": ("qi", "guan"),
}
_COMPOUND_SURNAMES = {key for key in SURNAME_READINGS if len(key) == 2}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CHINESE_QUERY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·]+")
_LATIN_QUERY = re.compile(r"[a-z]+")
_DIGIT_QUERY = re.compile(r"[0-9]+X?")
_ALNUM_RUN = re.compile(r"[a-z0-9]+")


class QueryKind(StrEnum):
    """What a search string most likely is, so the service picks the right column and index."""

    EMPTY = "empty"
    CHINESE = "chinese"  # a name or part of one
    LATIN = "latin"  # pinyin or initials
    DIGITS = "digits"  # an ID number (trailing X allowed) or a phone number, whole or partial
    MIXED = "mixed"  # anything else: searched as plain text


@lru_cache(maxsize=1)
def _lazy_pinyin() -> Callable[..., list[str]]:
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def _syllables(text: str) -> list[str]:
    """Toneless syllables for Han characters; runs of other characters come back as one item each."""
    if not text:
        return []
    from pypinyin import Style

    return _lazy_pinyin()(text, style=Style.NORMAL, v_to_u=False)


def _split_surname(name: str) -> tuple[tuple[str, ...], str]:
    """Return the surname's override reading (if any) and the part of the name still to convert."""
    if name[:2] in _COMPOUND_SURNAMES:
        return SURNAME_READINGS[name[:2]], name[2:]
    if name[:1] in SURNAME_READINGS:
        return SURNAME_READINGS[name[:1]], name[1:]
    return (), name


@lru_cache(maxsize=8192)
def search_keys(name: str) -> tuple[str, str]:
    """Full toneless pinyin and initials of a name, both lower case without separators.

    "张三" -> ("zhangsan", "zs"); "单田芳" -> ("shantianfang", "stf"). Latin letters and digits in a name are
    kept as they are (initials take the first character of each run); spaces and dots are dropped.
    """
    cleaned = normalize_name(name)
    if cleaned is None:
        return ("", "")
    cleaned = cleaned.lower()
    surname, rest = _split_surname(cleaned)
    full: list[str] = list(surname)
    initials: list[str] = [syllable[0] for syllable in surname]
    for item in _syllables(rest):
        if _HAN.search(item):  # a character pypinyin could not read: keep nothing rather than noise
            continue
        for run in _ALNUM_RUN.findall(item):
            full.append(run)
            initials.append(run[0])
    return ("".join(full), "".join(initials))


def normalize_query(query: str | None) -> str:
    """Clean a search string the way stored keys are cleaned, so that they compare equal.

    Half-width, lower case, no spaces or dashes ("138-1234-5678" finds 13812345678) and middle dots unified;
    an ID number keeps its upper-case X because that is how numbers are stored.
    """
    text = normalize_name(normalize_text(query, half_width_punctuation=True))
    if text is None:
        return ""
    text = re.sub(r"\s+", "", text).lower()
    if re.fullmatch(r"\+?[0-9()\-]*[0-9][0-9()\-]*x?", text):
        text = re.sub(r"[^0-9x]", "", text)
        if len(text) == 13 and text.startswith("861"):  # "+86 138 ...": stored without the country code
            text = text[2:]
        if text.endswith("x"):
            text = text[:-1] + "X"
    return text


def classify_query(query: str | None) -> QueryKind:
    """Tell whether a search string is Chinese, pinyin/initials, digits (ID or phone) or mixed."""
    text = normalize_query(query)
    if not text:
        return QueryKind.EMPTY
    if _DIGIT_QUERY.fullmatch(text):
        return QueryKind.DIGITS
    if _LATIN_QUERY.fullmatch(text):
        return QueryKind.LATIN
    if _CHINESE_QUERY.fullmatch(text) and _HAN.search(text):
        return QueryKind.CHINESE
    return QueryKind.MIXED
